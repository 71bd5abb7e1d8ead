//! History entries of material profile changes.

use rusqlite::{Connection, params};
use talentdesk_domain::Timestamp;
use talentdesk_domain::history::{FieldChange, HistoryAction, HistoryEntry};
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{from_name, millis, name_of, time};

pub(crate) fn record(
    conn: &Connection,
    cand: i64,
    action: HistoryAction,
    actor_email: &str,
    at: Timestamp,
    changes: &[FieldChange],
) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO history (cand, action, actor_email, at, changes) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![cand, name_of(&action), actor_email, millis(at), serde_json::to_string(changes)?])?;
    Ok(())
}

/// A candidate's history, oldest first.
pub(crate) fn of(conn: &Connection, cand: i64, candidate_id: Uuid) -> Result<Vec<HistoryEntry>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, action, actor_email, at, changes FROM history WHERE cand = ?1 ORDER BY id")?;
    let rows = stmt
        .query_map([cand], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(id, action, actor_email, at, changes)| {
            Ok(HistoryEntry {
                id,
                candidate_id,
                action: from_name(&action)?,
                actor_email,
                at: time(at),
                changes: serde_json::from_str(&changes)?,
            })
        })
        .collect()
}
