//! Sign-up forms taken and not yet applied (`signup_submissions`): the page writes one and
//! answers; the worker ([`super::worker`]) claims it, applies it and forgets it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use sqlx::{PgConnection, PgPool};
use talentdesk_domain::candidate::Profile;
use uuid::Uuid;

use super::form::{Checked, Upload};
use crate::public_page::Lang;

/// The channel a new form is announced on, so a worker applies it within moments.
pub const CHANNEL: &str = "signup_submissions";

/// What the page learnt from a form: what was typed, checked, and what its resume says.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Submission {
    pub checked: Checked,
    pub resume_profile: Option<Profile>,
}

/// Writes a form to be applied and wakes the workers.
pub async fn submit(
    pool: &PgPool,
    org: Uuid,
    lang: Lang,
    event: Option<Uuid>,
    submission: &Submission,
    resume: Option<Upload>,
) -> sqlx::Result<()> {
    let (resume_name, resume) = resume.map(|r| (r.file_name, r.bytes)).unzip();
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO signup_submissions
             (id, org_id, received_at, lang, event_id, form, resume_name, resume, send_id, candidate_id,
              next_attempt_at)
         VALUES ($1, $2, now(), $3, $4, $5, $6, $7, $8, $9, now())",
    )
    .bind(Uuid::now_v7())
    .bind(org)
    .bind(lang.code())
    .bind(event)
    .bind(Json(submission))
    .bind(resume_name)
    .bind(resume)
    .bind(talentdesk_domain::new_id())
    .bind(talentdesk_domain::new_id())
    .execute(&mut *tx)
    .await?;
    sqlx::query("SELECT pg_notify($1, '')").bind(CHANNEL).execute(&mut *tx).await?;
    tx.commit().await
}

/// A form claimed by this process.
#[derive(sqlx::FromRow)]
pub struct Claimed {
    pub id: Uuid,
    pub org_id: Uuid,
    pub lang: String,
    pub event_id: Option<Uuid>,
    /// A [`Submission`], read by the worker: one written by an older server that no longer
    /// reads is refused alone instead of stopping every claim.
    pub form: Json<serde_json::Value>,
    pub resume_name: Option<String>,
    pub resume: Option<Vec<u8>>,
    pub send_id: Uuid,
    pub candidate_id: Uuid,
    pub attempts: i32,
}

/// Claims up to `limit` due forms for `claim_secs`; those another process holds are skipped.
pub async fn claim(conn: &mut PgConnection, limit: i64, claim_secs: f64) -> sqlx::Result<Vec<Claimed>> {
    sqlx::query_as(
        "WITH due AS (
             SELECT id FROM signup_submissions
             WHERE refused IS NULL AND next_attempt_at <= now()
               AND (claimed_until IS NULL OR claimed_until < now())
             ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE signup_submissions s
         SET claimed_until = now() + make_interval(secs => $2), attempts = s.attempts + 1
         FROM due WHERE s.id = due.id
         RETURNING s.id, s.org_id, s.lang, s.event_id, s.form, s.resume_name, s.resume, s.send_id,
                   s.candidate_id, s.attempts",
    )
    .bind(limit)
    .bind(claim_secs)
    .fetch_all(conn)
    .await
}

/// The form was applied (or found applied): nothing of it is kept.
pub async fn done(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM signup_submissions WHERE id = $1").bind(id).execute(conn).await.map(drop)
}

/// The rules refused the form: what the stranger sent is dropped, the reason stays.
pub async fn refused(conn: &mut PgConnection, id: Uuid, reason: &str) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE signup_submissions SET refused = $2, form = '{}', resume = NULL, resume_name = NULL,
             claimed_until = NULL
         WHERE id = $1",
    )
    .bind(id)
    .bind(reason)
    .execute(conn)
    .await
    .map(drop)
}

/// Applying failed for a passing reason (the database, the document store): tried again at `next`.
pub async fn retry_at(conn: &mut PgConnection, id: Uuid, next: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE signup_submissions SET next_attempt_at = $2, claimed_until = NULL WHERE id = $1")
        .bind(id)
        .bind(next)
        .execute(conn)
        .await
        .map(drop)
}
