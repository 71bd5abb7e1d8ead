//! History entries: every change to a candidate, with who and when.

use rusqlite::{Connection, OptionalExtension};
use talentdesk_domain::aggregate::HistoryDraft;
use talentdesk_domain::history::HistoryEntry;
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{from_name, millis, name_of, time};

/// Records an entry made here in each candidate's history. Its ids are negative, below every
/// id so far: the server numbers entries itself (positive), and an entry made here is replaced
/// by the server's once its mutation comes back in a pull (see `replica`). An entry for many
/// candidates is kept once, with a short row per candidate naming it.
pub(crate) fn record(conn: &Connection, cands: &[i64], entry: &HistoryDraft) -> Result<(), StoreError> {
    let id = next_local_id(conn)?;
    let row = Row::of(entry)?;
    if let [cand] = cands {
        conn.prepare_cached(
            "INSERT INTO history (id, cand, action, actor_email, at, changes, summary, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(row.params(id, *cand))?;
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO history_shared (id, action, actor_email, at, changes, summary, detail)
         VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(row.params(id, rusqlite::types::Null))?;
    conn.prepare_cached("INSERT INTO history_shared_cands (cand, id) SELECT value, ?1 FROM json_each(?2)")?
        .execute((id, serde_json::to_string(cands)?))?;
    Ok(())
}

/// The next id for an entry made here: below every id so far.
fn next_local_id(conn: &Connection) -> Result<i64, StoreError> {
    // Each min() alone, so SQLite reads it from the end of the index.
    let lowest = |sql: &str| -> Result<i64, StoreError> {
        Ok(conn.prepare_cached(sql)?.query_row([], |r| r.get::<_, Option<i64>>(0))?.unwrap_or(0))
    };
    let lowest = lowest("SELECT min(id) FROM history")?.min(lowest("SELECT min(id) FROM history_shared")?);
    Ok(lowest.min(0) - 1)
}

/// Stores an entry as the server numbered it (replacing an earlier copy).
pub(crate) fn put(conn: &Connection, entry: &HistoryEntry, cand: i64) -> Result<(), StoreError> {
    let draft = HistoryDraft {
        action: entry.action,
        actor_email: entry.actor_email.clone(),
        at: entry.at,
        changes: entry.changes.clone(),
        summary: entry.summary.clone(),
        detail: entry.detail.clone(),
        visible_to: None,
    };
    conn.prepare_cached(
        "INSERT OR REPLACE INTO history (id, cand, action, actor_email, at, changes, summary, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(Row::of(&draft)?.params(entry.id, cand))?;
    Ok(())
}

/// An entry's columns, as they are stored.
struct Row<'a> {
    action: String,
    actor_email: &'a str,
    at: i64,
    changes: String,
    summary: Option<&'a str>,
    detail: Option<String>,
}

impl<'a> Row<'a> {
    fn of(entry: &'a HistoryDraft) -> Result<Self, StoreError> {
        Ok(Self {
            action: name_of(&entry.action),
            actor_email: &entry.actor_email,
            at: millis(entry.at),
            changes: serde_json::to_string(&entry.changes)?,
            summary: entry.summary.as_deref(),
            detail: entry.detail.as_ref().map(serde_json::to_string).transpose()?,
        })
    }

    /// The parameters of an insert of this row: its id, its candidate, then its columns.
    fn params<'p, C: rusqlite::ToSql + 'p>(&'p self, id: i64, cand: C) -> impl rusqlite::Params + 'p {
        (id, cand, &self.action, self.actor_email, self.at, &self.changes, self.summary, &self.detail)
    }
}

/// Forgets the entries made here (negative ids); their server copies arrive by pull.
pub(crate) fn clear_local(conn: &Connection) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM history WHERE id < 0")?.execute([])?;
    conn.prepare_cached("DELETE FROM history_shared_cands")?.execute([])?;
    conn.prepare_cached("DELETE FROM history_shared")?.execute([])?;
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
        "SELECT * FROM (
             SELECT id, action, actor_email, at, changes, summary, detail FROM history WHERE cand = ?1
             UNION ALL
             SELECT s.id, s.action, s.actor_email, s.at, s.changes, s.summary, s.detail
             FROM history_shared_cands c JOIN history_shared s ON s.id = c.id WHERE c.cand = ?1
         ) ORDER BY id < 0, abs(id)",
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
            detail: r.get::<_, Option<String>>(6)?.map(|d| serde_json::from_str(&d)).transpose()?,
        });
    }
    Ok(out)
}

/// The candidate row an entry belongs to, if the entry is here.
pub(crate) fn cand_of(conn: &Connection, id: i64) -> Result<Option<i64>, StoreError> {
    Ok(conn.prepare_cached("SELECT cand FROM history WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?)
}
