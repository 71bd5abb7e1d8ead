//! `search_terms` and `search_terms_log`: the keyword index's vocabulary, with the candidates
//! of its frequent terms as bitmaps (see migrations/0002_search_terms.sql).

use std::collections::{BTreeMap, BTreeSet};

use roaring::RoaringBitmap;
use rusqlite::{Connection, params};

use crate::{StoreError, search, tokens};

/// Rebuilds the vocabulary from the keyword index, with bitmaps for the terms in at least
/// `frequent_from` candidates.
pub(crate) fn rebuild(conn: &Connection, frequent_from: u64) -> Result<(), StoreError> {
    conn.execute_batch(
        "DELETE FROM search_terms;
         DELETE FROM search_terms_log;
         CREATE VIRTUAL TABLE IF NOT EXISTS temp.candidate_terms USING fts5vocab (main, candidate_fts, row);",
    )?;
    // The vocabulary goes in by one statement (a million terms at a million candidates), the
    // frequent ones marked with an empty bitmap that is filled in below.
    conn.prepare(
        "INSERT INTO search_terms (term, cands)
         SELECT term, CASE WHEN doc >= ?1 THEN x'' END FROM temp.candidate_terms",
    )?
    // Above SQLite's integers means no term is frequent.
    .execute([i64::try_from(frequent_from).unwrap_or(i64::MAX)])?;
    conn.execute_batch("DROP TABLE temp.candidate_terms")?;
    let mut update = conn.prepare_cached("UPDATE search_terms SET cands = ?2 WHERE term = ?1")?;
    for term in frequent(conn)? {
        let cands = search::fts(conn, "candidate_fts", &search::literal(&term))?;
        update.execute(params![term, serialize(&cands)?])?;
    }
    Ok(())
}

/// After `cands`' indexed text changed: adds their terms to the vocabulary and logs them, so
/// the bitmaps are brought up to date for them.
pub(crate) fn text_changed(conn: &Connection, cands: &[i64]) -> Result<(), StoreError> {
    // Each term once, in order: a look-up that passes a frequent term's row reads its whole
    // bitmap (SQLite compares a key in an overflowing row by reading all of the row), and new
    // candidates share most of their words.
    let terms: BTreeSet<String> = tokens::of_candidates(conn, cands)?.into_values().flatten().collect();
    let mut insert = conn.prepare_cached("INSERT OR IGNORE INTO search_terms (term) VALUES (?1)")?;
    for term in terms {
        insert.execute([term])?;
    }
    let mut log = conn.prepare_cached("INSERT INTO search_terms_log (cand) VALUES (?1)")?;
    for cand in cands {
        log.execute([cand])?;
    }
    Ok(())
}

/// After `cand` was erased: logs it (so the bitmaps drop it) and prunes the terms of its
/// former text.
pub(crate) fn forget(conn: &Connection, cand: i64, terms: &[String]) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO search_terms_log (cand) VALUES (?1)")?.execute([cand])?;
    prune(conn, terms)
}

/// Removes those of `terms` (words a profile no longer has) that no candidate has any more:
/// a rare term left in the vocabulary would keep a fragment of an old name or email.
pub(crate) fn prune(conn: &Connection, terms: &[String]) -> Result<(), StoreError> {
    let mut still_indexed = conn.prepare_cached("SELECT 1 FROM candidate_fts WHERE candidate_fts MATCH ?1 LIMIT 1")?;
    let mut remove = conn.prepare_cached("DELETE FROM search_terms WHERE term = ?1 AND cands IS NULL")?;
    let mut seen = std::collections::HashSet::new();
    for term in terms.iter().filter(|t| seen.insert(*t)) {
        if !still_indexed.exists([search::literal(term)])? {
            remove.execute([term])?;
        }
    }
    Ok(())
}

/// The frequent terms' bitmaps as written (not yet brought up to date with the log).
pub(crate) fn bitmaps(conn: &Connection) -> Result<BTreeMap<String, RoaringBitmap>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT term, cands FROM search_terms WHERE cands IS NOT NULL")?;
    let mut rows = stmt.query([])?;
    let mut out = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let term: String = r.get(0)?;
        let set = deserialize(r.get_ref(1)?, &format!("search term {term:?}"))?;
        out.insert(term, set);
    }
    Ok(out)
}

/// The frequent terms (those with bitmaps), in order.
pub(crate) fn frequent(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT term FROM search_terms WHERE cands IS NOT NULL ORDER BY term")?;
    let terms = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(terms)
}

/// Candidates logged after log entry `after`, and the last entry's id.
pub(crate) fn logged_since(conn: &Connection, after: i64) -> Result<(Vec<i64>, i64), StoreError> {
    super::logged_since(conn, "search_terms_log", after)
}

/// How many log entries wait to be folded into the bitmaps.
pub(crate) fn log_len(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.prepare_cached("SELECT count(*) FROM search_terms_log")?.query_row([], |r| r.get(0))?)
}

/// Writes up-to-date bitmaps and drops the log entries they include (up to `through`).
pub(crate) fn fold(conn: &Connection, sets: &BTreeMap<String, RoaringBitmap>, through: i64) -> Result<(), StoreError> {
    let mut update = conn.prepare_cached("UPDATE search_terms SET cands = ?2 WHERE term = ?1")?;
    for (term, set) in sets {
        update.execute(params![term, serialize(set)?])?;
    }
    conn.prepare_cached("DELETE FROM search_terms_log WHERE id <= ?1")?.execute([through])?;
    Ok(())
}

/// Up to `limit` rare terms (no bitmap) starting with `prefix`.
pub(crate) fn rare_with_prefix(conn: &Connection, prefix: &str, limit: usize) -> Result<Vec<String>, StoreError> {
    let end = format!("{prefix}{}", char::MAX);
    let mut stmt = conn.prepare_cached(
        "SELECT term FROM search_terms WHERE term >= ?1 AND term < ?2 AND cands IS NULL ORDER BY term LIMIT ?3",
    )?;
    let terms = stmt.query_map(params![prefix, end, limit as i64], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(terms)
}

/// A bitmap read in place from its column: copying 50 MB of bitmaps first would double the
/// work. `what` names it in the error.
pub(crate) fn deserialize(value: rusqlite::types::ValueRef<'_>, what: &str) -> Result<RoaringBitmap, StoreError> {
    let blob = value.as_blob().map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))?;
    RoaringBitmap::deserialize_from(blob).map_err(|e| StoreError::Corrupt(format!("the bitmap of {what}: {e}")))
}

pub(crate) fn serialize(set: &RoaringBitmap) -> Result<Vec<u8>, StoreError> {
    let mut bytes = Vec::with_capacity(set.serialized_size());
    set.serialize_into(&mut bytes).map_err(|e| StoreError::Corrupt(format!("serializing a bitmap: {e}")))?;
    Ok(bytes)
}
