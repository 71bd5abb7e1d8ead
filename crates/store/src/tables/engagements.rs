//! The latest time each engagement happened to a candidate. Recording one also updates the
//! candidate's engagement mask and derived activity status.

use rusqlite::{Connection, params};
use talentdesk_domain::Timestamp;
use talentdesk_domain::activity::Engagement;

use crate::StoreError;
use crate::codec::{from_name, millis, name_of, time};
use crate::tables::candidates;

pub(crate) fn record(conn: &Connection, cand: i64, engagement: Engagement, at: Timestamp) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO engagements (cand, kind, at) VALUES (?1, ?2, ?3)
         ON CONFLICT (cand, kind) DO UPDATE SET at = max(at, ?3)",
    )?
    .execute(params![cand, name_of(&engagement), millis(at)])?;
    conn.prepare_cached("UPDATE candidates SET engagements = engagements | ?2 WHERE cand = ?1")?
        .execute(params![cand, engagement.bit()])?;
    candidates::refresh_activity(conn, cand)?;
    Ok(())
}

/// A candidate's engagements, most recent first.
pub(crate) fn of(conn: &Connection, cand: i64) -> Result<Vec<(Engagement, Timestamp)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT kind, at FROM engagements WHERE cand = ?1 ORDER BY at DESC")?;
    let rows = stmt
        .query_map([cand], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(|(kind, at)| Ok((from_name(&kind)?, time(at)))).collect()
}

/// Adds a candidate's engagement times as they are (a new candidate's, or after [`clear_of`]);
/// the candidate row's mask and status come with the candidate.
pub(crate) fn insert_of<'a>(
    conn: &Connection,
    cand: i64,
    times: impl IntoIterator<Item = (&'a Engagement, &'a Timestamp)>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached("INSERT OR REPLACE INTO engagements (cand, kind, at) VALUES (?1, ?2, ?3)")?;
    for (e, at) in times {
        stmt.execute(params![cand, name_of(e), millis(*at)])?;
    }
    Ok(())
}

pub(crate) fn clear_of(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM engagements WHERE cand = ?1")?.execute([cand])?;
    Ok(())
}
