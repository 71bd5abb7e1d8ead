//! One module per table (or per table and its member table): the SQL lives here.

pub(crate) mod blob_orphans;
pub(crate) mod candidates;
pub(crate) mod checkin_keys;
pub(crate) mod client_state;
pub(crate) mod dedupe_keys;
pub(crate) mod documents;
pub(crate) mod engagements;
pub(crate) mod erasure_requests;
pub(crate) mod events;
pub(crate) mod history;
pub(crate) mod insight_values;
pub(crate) mod jobs;
pub(crate) mod messages;
pub(crate) mod notes;
pub(crate) mod notices;
pub(crate) mod outbox;
pub(crate) mod person_keys;
pub(crate) mod pipelines;
pub(crate) mod saved_searches;
pub(crate) mod search_facts;
pub(crate) mod search_prefixes;
pub(crate) mod search_terms;
pub(crate) mod settings;
pub(crate) mod tags;
pub(crate) mod users;

use rusqlite::Connection;

use crate::StoreError;

/// The candidates in a change log (`search_terms_log`, `search_facts_log`: an `id` in order
/// and a `cand`) after entry `after`, each once, and the last entry's id (`after` if none).
fn logged_since(conn: &Connection, log: &str, after: i64) -> Result<(Vec<i64>, i64), StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT id, cand FROM {log} WHERE id > ?1 ORDER BY id"))?;
    let mut rows = stmt.query([after])?;
    let (mut cands, mut last) = (Vec::new(), after);
    while let Some(r) = rows.next()? {
        last = r.get(0)?;
        cands.push(r.get(1)?);
    }
    cands.sort_unstable();
    cands.dedup();
    Ok((cands, last))
}

/// Runs `write` for each candidate and returns those it changed a row for (a bulk change's
/// history goes to them only).
fn each_changed(cands: &[i64], mut write: impl FnMut(i64) -> rusqlite::Result<usize>) -> Result<Vec<i64>, StoreError> {
    let mut changed = Vec::with_capacity(cands.len());
    for cand in cands {
        if write(*cand)? > 0 {
            changed.push(*cand);
        }
    }
    Ok(changed)
}
