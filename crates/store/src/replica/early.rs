//! The `sync_early` table: records a pull brought before what they refer to.
//!
//! A pull sends each record once, at the version of its latest change, so what a record refers
//! to can come later: a history entry made at version 10 for a candidate last changed at version
//! 12, or a candidate at version 12 in a pipeline renamed at version 15. When a page ends between
//! them, the earlier record would find nothing to hang on and be lost for good, since the server
//! will not send it again. So it waits here, and each page ends by writing what now can be.
//! When a pull is complete, everything the user may see has arrived: what still waits refers to
//! a record that was deleted or that this user may not see, and is dropped.

use rusqlite::{Connection, params};
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::record::RecordKind;
use uuid::Uuid;

use crate::StoreError;
use crate::replica::records;
use crate::tables::{events, jobs, pipelines};

/// Keeps a record attached to a candidate who is not here yet.
pub(crate) fn wait_for_candidate(
    conn: &Connection,
    kind: RecordKind,
    id: &str,
    candidate_id: Uuid,
    data: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT OR REPLACE INTO sync_early (kind, id, candidate_id, data) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![kind.code(), id, candidate_id.to_string(), data])?;
    Ok(())
}

/// Keeps a candidate (written without them) until their pipelines, events and jobs are here.
pub(crate) fn wait_for_lists(conn: &Connection, candidate_id: Uuid, data: &str) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT OR REPLACE INTO sync_early (kind, id, candidate_id, data) VALUES (?1, ?2, NULL, ?3)")?
        .execute(params![RecordKind::Candidate.code(), candidate_id.to_string(), data])?;
    Ok(())
}

/// Drops a record's waiting copy: a newer one is being written, or the record was deleted.
pub(crate) fn forget(conn: &Connection, kind: RecordKind, id: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM sync_early WHERE kind = ?1 AND id = ?2")?.execute(params![kind.code(), id])?;
    Ok(())
}

/// Drops what waited for a candidate who was deleted.
pub(crate) fn forget_attached(conn: &Connection, candidate_id: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM sync_early WHERE candidate_id = ?1")?.execute([candidate_id])?;
    Ok(())
}

/// Whether every pipeline, event and job the candidate is a member of is here.
pub(crate) fn lists_here(conn: &Connection, a: &CandidateAggregate) -> Result<bool, StoreError> {
    for m in &a.pipelines {
        if !pipelines::exists(conn, m.pipeline_id)? {
            return Ok(false);
        }
    }
    for m in &a.events {
        if !events::exists(conn, m.event_id)? {
            return Ok(false);
        }
    }
    for app in &a.applications {
        if !jobs::exists(conn, app.job_id)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Writes what waited and now can be: candidates whose lists arrived, then records whose
/// candidate did. Returns the candidate rows written.
pub(crate) fn settle(conn: &Connection) -> Result<Vec<i64>, StoreError> {
    let mut written = Vec::new();
    for data in waiting(conn, "SELECT data FROM sync_early WHERE candidate_id IS NULL")? {
        let a: CandidateAggregate = serde_json::from_str(&data)?;
        if lists_here(conn, &a)? {
            written.extend(records::write(conn, RecordKind::Candidate, &a.id().to_string(), &data)?);
        }
    }
    let attached = "SELECT e.kind, e.id, e.data FROM sync_early e
                    JOIN candidates c ON c.id = e.candidate_id
                    WHERE e.candidate_id IS NOT NULL";
    let rows: Vec<(String, String, String)> = conn
        .prepare_cached(attached)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (kind, id, data) in rows {
        let kind = RecordKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("record kind {kind}")))?;
        forget(conn, kind, &id)?;
        written.extend(records::write(conn, kind, &id, &data)?);
    }
    Ok(written)
}

/// Drops whatever still waits: the pull is complete, so it will never have anything to hang on.
pub(crate) fn clear(conn: &Connection) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM sync_early")?.execute([])?;
    Ok(())
}

fn waiting(conn: &Connection, sql: &str) -> Result<Vec<String>, StoreError> {
    Ok(conn.prepare_cached(sql)?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?)
}
