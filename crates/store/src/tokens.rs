//! What the keyword index's tokenizer makes of a text, asked of SQLite itself: the text goes
//! into a scratch FTS5 table in the connection's temp schema (same tokenizer settings) and its
//! terms come back through fts5vocab. Exact by construction, where a tokenizer of our own would
//! drift from FTS5's case folding and diacritics tables.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::StoreError;

/// The tokenizer of the keyword indexes (see migrations/0001_initial.sql).
pub(crate) const TOKENIZER: &str = "unicode61 remove_diacritics 2 tokenchars '+#'";

fn scratch(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_scratch USING fts5 (text, tokenize = \"{TOKENIZER}\");
         CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_scratch_terms USING fts5vocab (temp, token_scratch, instance);"
    ))?;
    Ok(())
}

/// The terms of `text`, in order, repeats included.
pub(crate) fn of_text(conn: &Connection, text: &str) -> Result<Vec<String>, StoreError> {
    let mut terms = of_texts(conn, [(0, text.to_owned())])?;
    Ok(terms.remove(&0).unwrap_or_default())
}

/// The terms of each keyed text, in order.
pub(crate) fn of_texts(
    conn: &Connection,
    texts: impl IntoIterator<Item = (i64, String)>,
) -> Result<HashMap<i64, Vec<String>>, StoreError> {
    scratch(conn)?;
    // Emptied before as well as after: a search stopped while it read the terms back (a
    // superseded typed search) leaves its rows, and the next text's rowids would clash with
    // them, failing every keyword search on this connection from then on.
    conn.prepare_cached("DELETE FROM temp.token_scratch")?.execute([])?;
    // All texts by one statement: FTS5 writes a segment for each statement that adds to it.
    let texts: Vec<(i64, String)> = texts.into_iter().collect();
    conn.prepare_cached(
        "INSERT INTO temp.token_scratch (rowid, text) SELECT value ->> 0, value ->> 1 FROM json_each(?1)",
    )?
    .execute([serde_json::to_string(&texts)?])?;
    let mut terms: HashMap<i64, Vec<String>> = HashMap::new();
    let mut read = conn.prepare_cached("SELECT doc, term FROM temp.token_scratch_terms ORDER BY doc, offset")?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        terms.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    conn.prepare_cached("DELETE FROM temp.token_scratch")?.execute([])?;
    Ok(terms)
}

/// The terms of each candidate's indexed text (`candidate_search_text`); a candidate without
/// a row there (erased) gets none.
pub(crate) fn of_candidates(conn: &Connection, cands: &[i64]) -> Result<HashMap<i64, Vec<String>>, StoreError> {
    of_columns(conn, "name, email, title, employer, location, skills, education, resume", cands)
}

/// The terms of each candidate's name and email (the name index's text).
pub(crate) fn of_candidate_names(conn: &Connection, cands: &[i64]) -> Result<HashMap<i64, Vec<String>>, StoreError> {
    of_columns(conn, "name, email", cands)
}

fn of_columns(conn: &Connection, columns: &str, cands: &[i64]) -> Result<HashMap<i64, Vec<String>>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT concat_ws(' ', {columns}) FROM candidate_search_text WHERE cand = ?1"))?;
    let mut texts = Vec::with_capacity(cands.len());
    for &cand in cands {
        let mut rows = stmt.query([cand])?;
        if let Some(r) = rows.next()? {
            texts.push((cand, r.get::<_, String>(0)?));
        }
    }
    of_texts(conn, texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_fold_case_and_diacritics_and_keep_plus_and_hash() {
        let conn = Connection::open_in_memory().unwrap();
        // Ł is a letter of its own to FTS5 (no diacritic to remove), ó and ź are not: a
        // hand-written tokenizer would likely get this wrong.
        assert_eq!(of_text(&conn, "José GARCÍA, C++ & C# (Łódź)").unwrap(), ["jose", "garcia", "c++", "c#", "łodz"]);
        assert_eq!(of_text(&conn, "  ,; ").unwrap(), Vec::<String>::new());
        // The scratch table is emptied after each use.
        assert_eq!(of_text(&conn, "again").unwrap(), ["again"]);
    }

    #[test]
    fn a_read_stopped_halfway_leaves_nothing_to_the_next_text() {
        let conn = Connection::open_in_memory().unwrap();
        let long = vec!["word"; 5_000].join(" ");
        // Stops the read of the terms, as a superseded search's progress handler does.
        conn.progress_handler(1_000, Some(|| true));
        assert!(of_text(&conn, &long).is_err());
        conn.progress_handler(0, None::<fn() -> bool>);
        assert_eq!(of_text(&conn, "again").unwrap(), ["again"]);
    }

    #[test]
    fn the_keyword_indexes_use_this_tokenizer() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::Store::open(dir.path().join("t.db")).unwrap();
        for table in ["candidate_fts", "candidate_name_fts"] {
            let sql: String =
                store.conn().query_row("SELECT sql FROM sqlite_master WHERE name = ?1", [table], |r| r.get(0)).unwrap();
            assert!(sql.contains(TOKENIZER), "{table} is tokenized as tokens.rs assumes: {sql}");
        }
    }
}
