//! A phrase whose last word is a prefix: what an email becomes when typed as far as a letter
//! after the dot ("grace.s" is the phrase `"grace s"*`). FTS5 checks such a phrase by first
//! merging the doclists, positions and all, of every term under the prefix ("s": most of the
//! keyword index, 0.8 s at a million candidates), before it looks at a single "grace".
//!
//! Here the candidates who have every word of the phrase come from the sets a single word is
//! found by, and the phrase is checked in their text only: the columns where its rarest exact
//! word occurs are indexed in a small scratch FTS5 table with the same tokenizer, and the
//! phrase is asked of that. FTS5 itself decides what the phrase matches, as before.

use std::collections::BTreeMap;

use roaring::RoaringBitmap;
use rusqlite::Connection;

use super::prefixes::Index;
use super::sets::{Matches, fts};
use crate::StoreError;
use crate::tokens::TOKENIZER;

/// At most this many candidates with the rarest exact word are checked this way; past it
/// reading their text costs more than FTS5's own query.
const MAX_CHECKED: u64 = 20_000;

/// The candidates whose text has the phrase `expr` (the exact terms `words`, then a prefix),
/// anywhere and by name or email; `sets` holds the candidates with each word in the keyword
/// index and, last, those with the prefix.
pub(crate) fn matching(
    conn: &Connection,
    expr: &str,
    words: &[String],
    sets: &[RoaringBitmap],
) -> Result<Matches, StoreError> {
    let index = Index::Keywords;
    let names = Index::Names.columns().join(" ");
    let rarest = words.iter().zip(sets).min_by_key(|(_, set)| set.len());
    let Some((anchor, rarest)) = rarest.filter(|(_, set)| set.len() <= MAX_CHECKED) else {
        return Ok(Matches { all: fts(conn, index.table(), expr)?, name: fts(conn, Index::Names.table(), expr)? });
    };
    let within = sets.iter().fold(rarest.clone(), |within, set| within & set);
    let scratch = scratch(conn, index)?;
    // Emptied before rather than after: a check that failed halfway must not leave its rows
    // to the next.
    conn.prepare_cached(&format!("INSERT INTO temp.{scratch} ({scratch}) VALUES ('delete-all')"))?.execute([])?;
    // One statement for each set of columns: FTS5 writes a segment for each statement that
    // adds to it, and a query then reads every segment.
    for (columns, cands) in columns_with(conn, index, anchor, &within)? {
        let list = columns.join(", ");
        conn.prepare_cached(&format!(
            "INSERT INTO temp.{scratch} (rowid, {list}) SELECT cand, {list} FROM candidate_search_text
             WHERE cand IN (SELECT value FROM json_each(?1))"
        ))?
        .execute([serde_json::to_string(&cands)?])?;
    }
    // The name index holds the same names and emails, so its matches are those in these columns.
    let name_expr = format!("{{{names}}} : {expr}");
    Ok(Matches { all: matched(conn, &scratch, expr)?, name: matched(conn, &scratch, &name_expr)? })
}

/// The rows of the scratch table `expr` matches.
fn matched(conn: &Connection, scratch: &str, expr: &str) -> Result<RoaringBitmap, StoreError> {
    let mut found = RoaringBitmap::new();
    let mut stmt = conn.prepare_cached(&format!("SELECT rowid FROM temp.{scratch} WHERE {scratch} MATCH ?1"))?;
    let mut rows = stmt.query([expr])?;
    while let Some(r) = rows.next()? {
        found.insert(r.get::<_, i64>(0)? as u32);
    }
    Ok(found)
}

/// The scratch table for `index` (its columns, its tokenizer, no content kept), and the
/// vocabulary table listing where each of the index's terms occurs; the scratch's name.
fn scratch(conn: &Connection, index: Index) -> Result<String, StoreError> {
    let table = index.table();
    let scratch = format!("{table}_phrases");
    let columns = index.columns().join(", ");
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.{scratch} USING fts5 ({columns}, content = '', tokenize = \"{TOKENIZER}\");
         CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_instance USING fts5vocab (main, {table}, instance);"
    ))?;
    Ok(scratch)
}

/// The candidates of `within` that have `anchor` in `index`, grouped by the columns it is in
/// (only there can the phrase be).
fn columns_with(
    conn: &Connection,
    index: Index,
    anchor: &str,
    within: &RoaringBitmap,
) -> Result<BTreeMap<Vec<&'static str>, Vec<u32>>, StoreError> {
    let columns = index.columns();
    let mut stmt =
        conn.prepare_cached(&format!("SELECT doc, col FROM temp.{}_instance WHERE term = ?1", index.table()))?;
    let mut rows = stmt.query([anchor])?;
    // Each candidate's columns as a bit per column of the index.
    let mut by_cand: BTreeMap<u32, u32> = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let cand = r.get::<_, i64>(0)? as u32;
        if !within.contains(cand) {
            continue;
        }
        let col = r.get_ref(1)?.as_str().map_err(|e| StoreError::Corrupt(format!("a column of {index:?}: {e}")))?;
        let at = columns
            .iter()
            .position(|c| *c == col)
            .ok_or_else(|| StoreError::Corrupt(format!("{index:?} has no column {col}")))?;
        *by_cand.entry(cand).or_default() |= 1 << at;
    }
    let mut by_columns: BTreeMap<Vec<&'static str>, Vec<u32>> = BTreeMap::new();
    for (cand, mask) in by_cand {
        let named = columns.iter().enumerate().filter(|(at, _)| mask & 1 << at != 0).map(|(_, c)| *c).collect();
        by_columns.entry(named).or_default().push(cand);
    }
    Ok(by_columns)
}
