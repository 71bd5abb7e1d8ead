//! Pipelines and their members.

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::aggregate::PipelineMember;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::{DomainError, Timestamp};
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{millis, time, uuid};
use crate::tables::each_changed;

/// Stores the pipeline, replacing an earlier version of it (its members stay).
pub(crate) fn put(conn: &Connection, p: &Pipeline) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO pipelines (id, name, statuses, owner_id, private, archived) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET name = ?2, statuses = ?3, owner_id = ?4, private = ?5, archived = ?6",
    )?
    .execute(params![
        p.id.to_string(),
        p.name,
        serde_json::to_string(&p.statuses)?,
        p.owner_id.map(|u| u.to_string()),
        p.private,
        p.archived
    ])?;
    Ok(())
}

const COLUMNS: &str = "id, name, statuses, owner_id, private, archived";

fn decode(r: &rusqlite::Row) -> Result<Pipeline, StoreError> {
    Ok(Pipeline {
        id: uuid(&r.get::<_, String>(0)?)?,
        name: r.get(1)?,
        statuses: serde_json::from_str(&r.get::<_, String>(2)?)?,
        owner_id: r.get::<_, Option<String>>(3)?.as_deref().map(uuid).transpose()?,
        private: r.get(4)?,
        archived: r.get(5)?,
    })
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Pipeline, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM pipelines WHERE id = ?1"))?;
    let mut rows = stmt.query([id.to_string()])?;
    match rows.next()? {
        Some(row) => decode(row),
        None => Err(DomainError::not_found("pipeline", id).into()),
    }
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<Pipeline>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM pipelines ORDER BY name"))?;
    let mut rows = stmt.query([])?;
    let mut all = Vec::new();
    while let Some(row) = rows.next()? {
        all.push(decode(row)?);
    }
    Ok(all)
}

/// The members at `status`, or all of them.
pub(crate) fn members_at(conn: &Connection, pipeline: Uuid, status: Option<&str>) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT cand FROM pipeline_members WHERE pipeline_id = ?1 AND (?2 IS NULL OR status = ?2) ORDER BY cand",
    )?;
    let rows = stmt.query_map(params![pipeline.to_string(), status], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Puts the members at `status`, leaving when they got there and whether they were reviewed.
pub(crate) fn relabel(conn: &Connection, pipeline: Uuid, cands: &[i64], status: &str) -> Result<(), StoreError> {
    let mut stmt =
        conn.prepare_cached("UPDATE pipeline_members SET status = ?3 WHERE pipeline_id = ?1 AND cand = ?2")?;
    let id = pipeline.to_string();
    for cand in cands {
        stmt.execute(params![id, cand, status])?;
    }
    Ok(())
}

/// Adds members at `status` (`reviewed` or not); members already there keep their status.
/// Returns those who joined.
pub(crate) fn add(
    conn: &Connection,
    pipeline: Uuid,
    cands: &[i64],
    status: &str,
    reviewed: bool,
    at: Timestamp,
) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO pipeline_members (pipeline_id, cand, status, reviewed, added_at, status_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?;
    let id = pipeline.to_string();
    each_changed(cands, |cand| stmt.execute(params![id, cand, status, reviewed, millis(at)]))
}

/// Returns the candidates who were members.
pub(crate) fn remove(conn: &Connection, pipeline: Uuid, cands: &[i64]) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("DELETE FROM pipeline_members WHERE pipeline_id = ?1 AND cand = ?2")?;
    let id = pipeline.to_string();
    each_changed(cands, |cand| stmt.execute(params![id, cand]))
}

/// Moves a member to `status` (which also marks them reviewed in this pipeline); returns the
/// status they had.
pub(crate) fn set_status(
    conn: &Connection,
    pipeline: Uuid,
    cand: i64,
    status: &str,
    at: Timestamp,
) -> Result<String, StoreError> {
    let id = pipeline.to_string();
    let before: String = conn
        .prepare_cached("SELECT status FROM pipeline_members WHERE pipeline_id = ?1 AND cand = ?2")?
        .query_row(params![id, cand], |r| r.get(0))
        .optional()?
        .ok_or(DomainError::NotAmong { what: talentdesk_domain::error::Thing::Pipeline })?;
    conn.prepare_cached(
        "UPDATE pipeline_members SET status = ?3, reviewed = 1, status_at = ?4 WHERE pipeline_id = ?1 AND cand = ?2",
    )?
    .execute(params![id, cand, status, millis(at)])?;
    Ok(before)
}

/// A candidate's pipeline memberships.
pub(crate) fn of(conn: &Connection, cand: i64) -> Result<Vec<PipelineMember>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT pipeline_id, status, reviewed, added_at, status_at FROM pipeline_members WHERE cand = ?1
         ORDER BY pipeline_id",
    )?;
    let rows = stmt
        .query_map([cand], |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get::<_, i64>(3)?, r.get::<_, i64>(4)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(p, status, reviewed, added, status_at)| {
            Ok(PipelineMember {
                pipeline_id: uuid(&p)?,
                status,
                reviewed,
                added_at: time(added),
                status_at: time(status_at),
            })
        })
        .collect()
}

/// Adds a candidate's memberships as they are (a new candidate's, or after [`clear_of`]).
pub(crate) fn insert_of(conn: &Connection, cand: i64, members: &[PipelineMember]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO pipeline_members (pipeline_id, cand, status, reviewed, added_at, status_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for m in members {
        stmt.execute(params![
            m.pipeline_id.to_string(),
            cand,
            m.status,
            m.reviewed,
            millis(m.added_at),
            millis(m.status_at)
        ])?;
    }
    Ok(())
}

pub(crate) fn clear_of(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM pipeline_members WHERE cand = ?1")?.execute([cand])?;
    Ok(())
}

pub(crate) fn exists(conn: &Connection, id: Uuid) -> Result<bool, StoreError> {
    Ok(conn.prepare_cached("SELECT 1 FROM pipelines WHERE id = ?1")?.exists([id.to_string()])?)
}

pub(crate) fn delete(conn: &Connection, id: Uuid) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM pipelines WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}

/// (unreviewed, reviewed) member counts.
pub(crate) fn counts(conn: &Connection, pipeline: Uuid) -> Result<(u64, u64), StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FILTER (WHERE reviewed = 0), count(*) FILTER (WHERE reviewed = 1)
             FROM pipeline_members WHERE pipeline_id = ?1",
        )?
        .query_row([pipeline.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// One page of members on the Unreviewed (`reviewed = false`) or In Pipeline tab, by when they
/// joined, newest first.
pub(crate) fn members(
    conn: &Connection,
    pipeline: Uuid,
    reviewed: bool,
    limit: u32,
    offset: u32,
) -> Result<Vec<(i64, String, Timestamp)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT cand, status, added_at FROM pipeline_members WHERE pipeline_id = ?1 AND reviewed = ?2
         ORDER BY added_at DESC, cand LIMIT ?3 OFFSET ?4",
    )?;
    let rows = stmt
        .query_map(params![pipeline.to_string(), reviewed, limit, offset], |r| {
            Ok((r.get(0)?, r.get(1)?, time(r.get(2)?)))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// How many members stand at each workflow status (statuses without members are left out).
pub(crate) fn status_counts(conn: &Connection, pipeline: Uuid) -> Result<Vec<(String, u64)>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT status, count(*) FROM pipeline_members WHERE pipeline_id = ?1 GROUP BY status")?;
    let rows = stmt.query_map([pipeline.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// One page of the members at `status`, the latest moved there first: a board's column, where a
/// card moved in lands on top and the others keep their order.
pub(crate) fn at_status(
    conn: &Connection,
    pipeline: Uuid,
    status: &str,
    limit: u32,
    offset: u32,
) -> Result<Vec<(i64, Timestamp)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT cand, added_at FROM pipeline_members WHERE pipeline_id = ?1 AND status = ?2
         ORDER BY status_at DESC, cand LIMIT ?3 OFFSET ?4",
    )?;
    let rows = stmt
        .query_map(params![pipeline.to_string(), status, limit, offset], |r| Ok((r.get(0)?, time(r.get(1)?))))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
