//! Jobs and applications to them.

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::job::{Application, Job, WITHDRAWN_STATUS};
use talentdesk_domain::{DomainError, Timestamp};
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{millis, time, uuid};
use crate::tables::candidates;

/// Stores the job, replacing an earlier version of it (its applications stay).
pub(crate) fn put(conn: &Connection, j: &Job) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO jobs (id, title, location, ats_id, open, skills, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET title = ?2, location = ?3, ats_id = ?4, open = ?5, skills = ?6, description = ?7",
    )?
    .execute(params![
        j.id.to_string(),
        j.title,
        j.location,
        j.ats_id,
        j.open,
        serde_json::to_string(&j.skills)?,
        j.description
    ])?;
    Ok(())
}

const COLUMNS: &str = "id, title, location, ats_id, open, skills, description";

type RawJob = (String, String, String, Option<String>, bool, String, String);

fn raw(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawJob> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
}

fn decode((id, title, location, ats_id, open, skills, description): RawJob) -> Result<Job, StoreError> {
    Ok(Job { id: uuid(&id)?, title, location, ats_id, open, skills: serde_json::from_str(&skills)?, description })
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Job, StoreError> {
    let raw = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM jobs WHERE id = ?1"))?
        .query_row([id.to_string()], raw)
        .optional()?
        .ok_or_else(|| DomainError::not_found("job", id))?;
    decode(raw)
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<Job>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM jobs ORDER BY open DESC, title"))?;
    let rows = stmt.query_map([], raw)?.collect::<Result<Vec<RawJob>, _>>()?;
    rows.into_iter().map(decode).collect()
}

/// Submits candidates to a job; candidates who already applied keep their application.
pub(crate) fn applicants(conn: &Connection, job: Uuid) -> Result<u64, StoreError> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM applications WHERE job_id = ?1")?
        .query_row([job.to_string()], |r| r.get(0))?)
}

/// Returns the candidates who had not applied yet.
pub(crate) fn submit(conn: &Connection, job: Uuid, cands: &[i64], at: Timestamp) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO applications (job_id, cand, bin, hiring_status, status_at, withdrawn)
         VALUES (?1, ?2, 'Submissions', 'New Submission', ?3, 0)",
    )?;
    let id = job.to_string();
    let mut submitted = Vec::new();
    for cand in cands {
        if stmt.execute(params![id, cand, millis(at)])? > 0 {
            submitted.push(*cand);
        }
        candidates::refresh_applications(conn, *cand)?;
    }
    Ok(submitted)
}

pub(crate) fn set_status(
    conn: &Connection,
    job: Uuid,
    cand: i64,
    bin: &str,
    status: &str,
    at: Timestamp,
) -> Result<(String, String), StoreError> {
    let id = job.to_string();
    let before = conn
        .prepare_cached("SELECT bin, hiring_status FROM applications WHERE job_id = ?1 AND cand = ?2")?
        .query_row(params![id, cand], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or(DomainError::NotAmong { what: talentdesk_domain::error::Thing::Job })?;
    conn.prepare_cached(
        "UPDATE applications SET bin = ?3, hiring_status = ?4, status_at = ?5 WHERE job_id = ?1 AND cand = ?2",
    )?
    .execute(params![id, cand, bin, status, millis(at)])?;
    Ok(before)
}

pub(crate) fn withdraw(conn: &Connection, job: Uuid, cand: i64, at: Timestamp) -> Result<(), StoreError> {
    let changed = conn
        .prepare_cached(
            "UPDATE applications SET withdrawn = 1, hiring_status = ?4, status_at = ?3 WHERE job_id = ?1 AND cand = ?2",
        )?
        .execute(params![job.to_string(), cand, millis(at), WITHDRAWN_STATUS])?;
    if changed == 0 {
        return Err(DomainError::NotAmong { what: talentdesk_domain::error::Thing::Job }.into());
    }
    candidates::refresh_applications(conn, cand)
}

pub(crate) fn of(conn: &Connection, cand: i64, candidate_id: Uuid) -> Result<Vec<Application>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT job_id, bin, hiring_status, status_at, withdrawn FROM applications WHERE cand = ?1 ORDER BY status_at DESC, job_id",
    )?;
    let rows = stmt
        .query_map([cand], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get::<_, i64>(3)?, r.get(4)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(job, bin, hiring_status, at, withdrawn)| {
            Ok(Application { job_id: uuid(&job)?, candidate_id, bin, hiring_status, status_at: time(at), withdrawn })
        })
        .collect()
}

/// Adds a candidate's applications as they are (a new candidate's, or after [`clear_of`]) and
/// brings the candidate's counts up to date.
pub(crate) fn insert_of(conn: &Connection, cand: i64, applications: &[Application]) -> Result<(), StoreError> {
    if applications.is_empty() {
        return Ok(());
    }
    insert_rows_of(conn, cand, applications)?;
    conn.prepare_cached("UPDATE candidates SET job_apps = ?2, withdrawn = ?3 WHERE cand = ?1")?.execute(params![
        cand,
        applications.len(),
        talentdesk_domain::job::withdrew(applications)
    ])?;
    Ok(())
}

/// The application rows alone, for a candidate inserted with their counts already set (see
/// `candidates::NewCandidate::with_applications`).
pub(crate) fn insert_rows_of(conn: &Connection, cand: i64, applications: &[Application]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO applications (job_id, cand, bin, hiring_status, status_at, withdrawn) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for a in applications {
        stmt.execute(params![a.job_id.to_string(), cand, a.bin, a.hiring_status, millis(a.status_at), a.withdrawn])?;
    }
    Ok(())
}

pub(crate) fn clear_of(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM applications WHERE cand = ?1")?.execute([cand])?;
    conn.prepare_cached("UPDATE candidates SET job_apps = 0, withdrawn = 0 WHERE cand = ?1")?.execute([cand])?;
    Ok(())
}

pub(crate) fn exists(conn: &Connection, id: Uuid) -> Result<bool, StoreError> {
    Ok(conn.prepare_cached("SELECT 1 FROM jobs WHERE id = ?1")?.exists([id.to_string()])?)
}

pub(crate) fn delete(conn: &Connection, id: Uuid) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM jobs WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}
