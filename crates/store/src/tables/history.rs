//! History entries of material profile changes.

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::aggregate::HistoryDraft;
use talentdesk_domain::history::HistoryEntry;
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{from_name, millis, name_of, time};

/// Records an entry made here. Its id is negative, below every id so far: the server numbers
/// entries itself (positive), and an entry made here is replaced by the server's once its
/// mutation comes back in a pull (see `replica`).
pub(crate) fn record(conn: &Connection, cand: i64, entry: &HistoryDraft) -> Result<(), StoreError> {
    write(conn, None, cand, entry)
}

/// Stores an entry as the server numbered it (replacing an earlier copy).
pub(crate) fn put(conn: &Connection, entry: &HistoryEntry, cand: i64) -> Result<(), StoreError> {
    let draft = HistoryDraft {
        action: entry.action,
        actor_email: entry.actor_email.clone(),
        at: entry.at,
        changes: entry.changes.clone(),
        summary: entry.summary.clone(),
    };
    write(conn, Some(entry.id), cand, &draft)
}

/// Writes an entry under `id`, or (`None`) under the next id made here.
fn write(conn: &Connection, id: Option<i64>, cand: i64, entry: &HistoryDraft) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO history (id, cand, action, actor_email, at, changes, summary)
         VALUES (coalesce(?1, (SELECT min(coalesce(min(id), 0), 0) - 1 FROM history)), ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        cand,
        name_of(&entry.action),
        entry.actor_email,
        millis(entry.at),
        serde_json::to_string(&entry.changes)?,
        entry.summary
    ])?;
    Ok(())
}

/// Forgets the entries made here (negative ids); their server copies arrive by pull.
pub(crate) fn clear_local(conn: &Connection) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM history WHERE id < 0")?.execute([])?;
    Ok(())
}

pub(crate) fn delete(conn: &Connection, id: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM history WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// The ids of a candidate's entries as the server numbered them.
pub(crate) fn server_ids_of(conn: &Connection, cand: i64) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id FROM history WHERE cand = ?1 AND id > 0")?;
    Ok(stmt.query_map([cand], |r| r.get(0))?.collect::<Result<_, _>>()?)
}

/// A candidate's history, oldest first: the server's entries in its order, then the ones made
/// here and not yet synced, in the order they were made.
pub(crate) fn of(conn: &Connection, cand: i64, candidate_id: Uuid) -> Result<Vec<HistoryEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, action, actor_email, at, changes, summary FROM history WHERE cand = ?1 ORDER BY id < 0, abs(id)",
    )?;
    let mut rows = stmt.query([cand])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(HistoryEntry {
            id: r.get(0)?,
            candidate_id,
            action: from_name(&r.get::<_, String>(1)?)?,
            actor_email: r.get(2)?,
            at: time(r.get(3)?),
            changes: serde_json::from_str(&r.get::<_, String>(4)?)?,
            summary: r.get(5)?,
        });
    }
    Ok(out)
}

/// The candidate row an entry belongs to, if the entry is here.
pub(crate) fn cand_of(conn: &Connection, id: i64) -> Result<Option<i64>, StoreError> {
    Ok(conn.prepare_cached("SELECT cand FROM history WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?)
}
