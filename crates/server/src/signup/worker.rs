//! The sign-up worker: applies the forms the page took ([`super::queue`]). Every server process
//! runs one; a form is claimed by one process at a time (row locks, then a claim that expires),
//! so two never apply it and one that dies mid-way leaves it to be claimed again. It wakes on
//! the notification the page sends, and polls for forms whose retry came due.
//!
//! Here, not in the page, the address is looked up: whether it is known changes what happens
//! (a new candidate with their resume, or an email to the known person and an area of interest
//! at most), never what the page answers or how long it takes.

use std::time::Duration;

use sha2::{Digest, Sha256};
use talentdesk_domain::candidate::Profile;
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::event::Event;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::signup::{SignUpConfirmation, SignUpForm};
use talentdesk_sync::wire::PushOutcome;
use uuid::Uuid;

use super::queue::{self, CHANNEL, Claimed, Submission};
use super::{lookup, texts};
use crate::ServerError;
use crate::app::AppState;
use crate::public_page::Lang;
use crate::wakeup::Wakeups;

/// Forms applied at once by one process.
const BATCH: i64 = 8;
/// How long a claim holds: longer than applying one can take (storing its resume included).
const CLAIM_SECS: f64 = 120.0;
/// How often forms whose retry came due are looked for (new ones wake the worker at once).
const POLL: Duration = Duration::from_secs(2);
/// The longest wait before a form is tried again.
const MAX_WAIT_SECS: i64 = 3_600;

/// Starts the worker.
pub fn spawn(wakeups: Wakeups, state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move { wakeups.run(CHANNEL, POLL, "sign-ups", || round(&state)).await })
}

/// Applies what is due; returns how many forms it took.
async fn round(state: &AppState) -> Result<usize, ServerError> {
    let claimed = {
        let mut tx = state.pool.begin().await?;
        let claimed = queue::claim(&mut tx, BATCH, CLAIM_SECS).await?;
        tx.commit().await?;
        claimed
    };
    let count = claimed.len();
    // One after another: every form of an org waits for its self-service actor's lock anyway,
    // and forms applied at once would each hold a connection while they wait.
    for c in claimed {
        settle(state, c).await?;
    }
    Ok(count)
}

/// Applies one form and records how it went.
async fn settle(state: &AppState, claimed: Claimed) -> Result<(), ServerError> {
    let (id, attempts) = (claimed.id, claimed.attempts);
    let applied = apply(state, claimed).await;
    let mut conn = state.pool.acquire().await?;
    match applied {
        Ok(Ok(())) => queue::done(&mut conn, id).await?,
        Ok(Err(reason)) => {
            tracing::warn!(submission = %id, %reason, "the rules refused a sign-up");
            queue::refused(&mut conn, id, &reason).await?
        }
        Err(e) => {
            let wait = (1i64 << attempts.clamp(0, 12)).min(MAX_WAIT_SECS);
            tracing::warn!(submission = %id, error = %e, wait_s = wait, "a sign-up will be tried again");
            queue::retry_at(&mut conn, id, chrono::Utc::now() + chrono::Duration::seconds(wait)).await?
        }
    }
    Ok(())
}

/// Creates or updates the candidate; `Ok(Err)` carries the rules' refusal in words.
async fn apply(state: &AppState, mut c: Claimed) -> Result<Result<(), String>, ServerError> {
    let org = c.org_id;
    let submission: Submission = match serde_json::from_value(c.form.0.take()) {
        Ok(submission) => submission,
        Err(e) => return Ok(Err(format!("the kept form cannot be read: {e}"))),
    };
    // Two forms with one new address (a double submit, or two processes each taking one) must
    // not both find it unknown and make two candidates: the address is looked up and the form
    // applied under a lock of its own, held by a transaction that ends right after.
    let mut address_lock = state.pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
        .bind(format!("signup:{org}:{}", submission.checked.email))
        .execute(&mut *address_lock)
        .await?;
    let applied = apply_locked(state, c, submission).await;
    address_lock.rollback().await?;
    applied
}

/// [`apply`] under the address's lock.
async fn apply_locked(state: &AppState, c: Claimed, submission: Submission) -> Result<Result<(), String>, ServerError> {
    let org = c.org_id;
    let (actor, known, org_name, event) = {
        let mut conn = state.pool.acquire().await?;
        // Applied before a crash kept this process from forgetting it: its confirmation is there.
        if crate::db::records::send_exists(&mut conn, org, c.send_id).await? {
            return Ok(Ok(()));
        }
        let actor = crate::actors::self_service(&mut conn, org).await?;
        let known = lookup::candidate_with_email(&mut conn, org, &submission.checked.email).await?;
        let event = match c.event_id {
            Some(id) => lookup::event(&mut conn, org, id).await?,
            None => None,
        };
        (actor, known, lookup::org_name(&mut conn, org).await?, event)
    };
    let checked = &submission.checked;
    let candidate_id = known.unwrap_or(c.candidate_id);
    let resume = match (&submission.resume_profile, c.resume_name, c.resume) {
        // A known candidate's resume is not taken: whoever sent it may not be them.
        (Some(read), Some(name), Some(bytes)) if known.is_none() => {
            keep_resume(state, org, candidate_id, &name, &bytes).await?.map(|doc| (read.clone(), doc))
        }
        _ => None,
    };
    let (profile, resume) = match resume {
        Some((read, document)) => {
            // A resume whose fields break a rule (an over-long line) still counts as a
            // document; the profile then holds what was typed.
            let profile = checked.profile(read);
            let profile =
                if profile.clone().validated().is_ok() { profile } else { checked.profile(Profile::default()) };
            (profile, Some(document))
        }
        None => (checked.profile(Profile::default()), None),
    };
    let lang = Lang::from_code(&c.lang);
    let form = SignUpForm {
        candidate_id,
        profile,
        consent: checked.consent,
        event_id: event.as_ref().map(|e| e.id),
        resume,
        confirmation: Some(confirmation(lang, &org_name, event.as_ref(), c.send_id, known.is_some())),
    };
    let outcome = crate::push::take_as(&state.pool, org, &actor, vec![Mutation::SignUp { form }]).await?;
    match outcome.into_iter().next() {
        Some(PushOutcome::Applied { .. }) => {
            tracing::info!(%org, known = known.is_some(), "a candidate signed up");
            Ok(Ok(()))
        }
        Some(PushOutcome::Rejected { reason }) => Ok(Err(reason.to_string())),
        None => Err(ServerError::Corrupt("a sign-up was taken without an outcome".into())),
    }
}

/// Stores the resume's bytes the way a desktop's upload is stored, for the document; none when
/// the org's documents are at their quota (the person signs up without it, as a log line says).
async fn keep_resume(
    state: &AppState,
    org: Uuid,
    candidate_id: Uuid,
    file_name: &str,
    bytes: &[u8],
) -> Result<Option<Document>, ServerError> {
    let sha256 = hex::encode(Sha256::digest(bytes));
    match crate::blobs::keep(state, org, &sha256, bytes).await {
        Ok(_) => {}
        Err(ServerError::QuotaExceeded(why)) => {
            tracing::warn!(%org, %why, "a sign-up's resume was not kept: the org's documents are at their quota");
            return Ok(None);
        }
        Err(e) => return Err(e),
    }
    let name = talentdesk_domain::document::sanitize_name(file_name).unwrap_or_else(|_| "resume".into());
    Ok(Some(Document {
        id: talentdesk_domain::new_id(),
        candidate_id,
        name,
        kind: DocumentKind::Resume,
        sha256,
        size: bytes.len() as u64,
        uploaded_at: chrono::Utc::now(),
    }))
}

/// The confirmation email, in the language of the page: a welcome to someone new; to a known
/// address, word that someone used it, without anything of what is stored about them.
fn confirmation(lang: Lang, org: &str, event: Option<&Event>, send_id: Uuid, known: bool) -> SignUpConfirmation {
    let t = texts::of(lang);
    let (subject, mut body) = if known {
        (t.mail_known_subject.replace("{org}", org), t.mail_known_body.replace("{org}", org))
    } else {
        // Nothing the form's sender typed goes into it: the address may be a stranger's, and
        // a typed name (or a link in it) would let anyone send the org's email to anyone.
        (t.mail_subject.replace("{org}", org), t.mail_body.replace("{org}", org))
    };
    if let Some(event) = event {
        let when = event.starts_at.format("%Y-%m-%d %H:%M UTC").to_string();
        let said =
            t.mail_event.replace("{event}", &event.name).replace("{when}", &when).replace("{where}", &event.location);
        body.push_str("\n\n");
        body.push_str(&said);
    }
    SignUpConfirmation { send_id, subject, body }
}
