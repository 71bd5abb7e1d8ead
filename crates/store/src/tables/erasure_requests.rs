//! Candidates' requests to be forgotten, one row per candidate who made one: a part of their
//! record (the aggregate's `erasure_request`), erased with them (the row goes with theirs).

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::Timestamp;
use talentdesk_domain::erasure_request::ErasureRequest;

use crate::StoreError;
use crate::codec::{millis, time};

pub(crate) fn of(conn: &Connection, cand: i64) -> Result<Option<ErasureRequest>, StoreError> {
    let row: Option<(i64, Option<String>)> = conn
        .prepare_cached("SELECT requested_at, declined FROM erasure_requests WHERE cand = ?1")?
        .query_row([cand], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    row.map(|(at, declined)| {
        Ok(ErasureRequest {
            requested_at: time(at),
            declined: declined.as_deref().map(serde_json::from_str).transpose()?,
        })
    })
    .transpose()
}

/// Stores the candidate's request as it is now, or (`None`) forgets it.
pub(crate) fn put(conn: &Connection, cand: i64, request: Option<&ErasureRequest>) -> Result<(), StoreError> {
    match request {
        None => {
            conn.prepare_cached("DELETE FROM erasure_requests WHERE cand = ?1")?.execute([cand])?;
        }
        Some(r) => {
            let declined = r.declined.as_ref().map(serde_json::to_string).transpose()?;
            conn.prepare_cached(
                "INSERT OR REPLACE INTO erasure_requests (cand, requested_at, declined) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![cand, millis(r.requested_at), declined])?;
        }
    }
    Ok(())
}

/// The candidates whose requests wait for a decision, oldest first, with when they asked.
pub(crate) fn open(conn: &Connection) -> Result<Vec<(i64, Timestamp)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT cand, requested_at FROM erasure_requests WHERE declined IS NULL ORDER BY requested_at, cand",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    Ok(rows.map(|r| r.map(|(cand, at)| (cand, time(at)))).collect::<Result<_, _>>()?)
}
