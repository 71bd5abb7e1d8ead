//! `search_facts` and `search_facts_log`: search's in-memory facts saved as one blob, and the
//! candidates changed since (see migrations/0006_search_facts.sql).

use rusqlite::{Connection, OptionalExtension};

use crate::StoreError;

/// Whether changes are being logged for a snapshot (one exists, or is about to be written).
pub(crate) fn kept(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM search_facts)")?.query_row([], |r| r.get(0))?)
}

/// Starts logging changes, ahead of a snapshot to come.
pub(crate) fn keep(conn: &Connection) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT OR IGNORE INTO search_facts (id, data) VALUES (1, NULL)")?.execute([])?;
    Ok(())
}

/// Whether the snapshot is missing or more than `log_at_most` changes behind.
pub(crate) fn stale(conn: &Connection, log_at_most: i64) -> Result<bool, StoreError> {
    let sql = "SELECT ifnull((SELECT data IS NULL FROM search_facts), 1)
                   OR (SELECT count(*) FROM search_facts_log) > ?1";
    Ok(conn.prepare_cached(sql)?.query_row([log_at_most], |r| r.get(0))?)
}

/// Reads the snapshot in place with `read`; `None` when there is none.
pub(crate) fn read<T>(
    conn: &Connection,
    read: impl FnOnce(&[u8]) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT data FROM search_facts WHERE data IS NOT NULL")?;
    let mut rows = stmt.query([])?;
    let Some(row) = rows.next()? else { return Ok(None) };
    let blob = row.get_ref(0)?.as_blob().map_err(|e| StoreError::Corrupt(format!("the search snapshot: {e}")))?;
    read(blob).map(Some)
}

/// Writes the snapshot, which includes every change logged so far: the log is emptied.
pub(crate) fn write(conn: &Connection, data: &[u8]) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT OR REPLACE INTO search_facts (id, data) VALUES (1, ?1)")?.execute([data])?;
    conn.prepare_cached("DELETE FROM search_facts_log")?.execute([])?;
    Ok(())
}

/// Throws the snapshot away but keeps logging (an erasure: the snapshot holds the name).
pub(crate) fn discard(conn: &Connection) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE search_facts SET data = NULL")?.execute([])?;
    Ok(())
}

/// Stops keeping a snapshot at all (a bulk load writes too much to log).
pub(crate) fn stop(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch("DELETE FROM search_facts; DELETE FROM search_facts_log;")?;
    Ok(())
}

/// Candidates logged after entry `after`, and the last entry's id (`after` when none).
pub(crate) fn logged_since(conn: &Connection, after: i64) -> Result<(Vec<i64>, i64), StoreError> {
    super::logged_since(conn, "search_facts_log", after)
}

/// The last log entry's id; 0 when the log is empty.
pub(crate) fn last_logged(conn: &Connection) -> Result<i64, StoreError> {
    let last: Option<i64> =
        conn.prepare_cached("SELECT max(id) FROM search_facts_log")?.query_row([], |r| r.get(0)).optional()?.flatten();
    Ok(last.unwrap_or(0))
}
