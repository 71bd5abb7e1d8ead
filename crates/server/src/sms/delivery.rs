//! The text delivery worker, like email's (`crate::email::delivery`): every server process
//! runs one when a provider is configured; a queued text is claimed by one process at a time.
//!
//! Accepted by the provider: Sent (its later Delivered or Failed arrive as status callbacks,
//! `super::callbacks`). Refused for good (a 4xx, or no number to text): Failed, with the
//! provider's reason on the message. A 5xx, a timeout or no connection: tried again later,
//! waiting longer each time.

use std::sync::Arc;
use std::time::Duration;

use sqlx::PgPool;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::message::Channel;
use talentdesk_sync::wire::RecordKind;

use super::phones;
use super::provider::{Accepted, Outgoing, SendError, TextProvider, Twilio};
use super::sent;
use crate::ServerError;
use crate::config::Config;
use crate::db::deliveries::{self, Claimed};
use crate::db::records::{self, Key};
use crate::email::update_message;

/// Texts taken per round.
const BATCH: i64 = 20;
/// How long a claim holds before another process may take the text: longer than a request to
/// the provider may last, so a slow provider never has a text sent twice.
const CLAIM_SECS: f64 = 120.0;
/// The longest wait between attempts.
const MAX_WAIT_SECS: f64 = 3_600.0;

/// Where the provider posts a text's later states: this server's status callback.
pub fn status_callback_url(config: &Config) -> String {
    format!("{}{}", config.public_url.trim_end_matches('/'), super::callbacks::STATUS_PATH)
}

/// Starts the worker when a provider is configured.
pub fn spawn(pool: PgPool, config: Arc<Config>) -> anyhow::Result<Option<tokio::task::JoinHandle<()>>> {
    let Some(settings) = config.sms.clone() else {
        tracing::warn!("no [sms] provider is configured: text messages are refused");
        return Ok(None);
    };
    let provider = Twilio::new(settings)?;
    Ok(Some(tokio::spawn(run(pool, config, provider))))
}

async fn run(pool: PgPool, config: Arc<Config>, provider: impl TextProvider) {
    let interval = Duration::from_millis(config.delivery_interval_ms);
    loop {
        match round(&pool, &config, &provider).await {
            Ok(0) => tokio::time::sleep(interval).await,
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, "text delivery round failed");
                tokio::time::sleep(interval).await;
            }
        }
    }
}

/// Sends what is queued; returns how many it took.
async fn round(pool: &PgPool, config: &Config, provider: &impl TextProvider) -> Result<usize, ServerError> {
    let mut tx = pool.begin().await?;
    let claimed = deliveries::claim(&mut tx, Channel::Text, BATCH, CLAIM_SECS, chrono::Utc::now()).await?;
    tx.commit().await?;
    let count = claimed.len();
    for text in claimed {
        deliver(pool, config, provider, text).await?;
    }
    Ok(count)
}

async fn deliver(
    pool: &PgPool,
    config: &Config,
    provider: &impl TextProvider,
    text: Claimed,
) -> Result<(), ServerError> {
    let sent = match recipient(pool, &text).await? {
        Err(reason) => Err(SendError::Refused(reason.to_owned())),
        Ok(to) => {
            let callback = status_callback_url(config);
            provider.send(Outgoing { to: &to, body: &text.message.body, status_callback: &callback }).await
        }
    };
    crate::metrics::texted(match &sent {
        Ok(_) => "sent",
        Err(SendError::Refused(_)) => "failed",
        Err(SendError::Temporary(_)) => "retry",
    });
    let now = chrono::Utc::now();
    match sent {
        Ok(Accepted { provider_id }) => {
            // Known before the message says Sent, so a callback that comes at once finds it.
            let mut conn = pool.acquire().await?;
            sent::insert(&mut conn, &provider_id, text.org, &text.id).await?;
            drop(conn);
            update_message(pool, text.org, &text.id, |m| {
                let first = m.sent_at.is_none();
                m.sent_at.get_or_insert(now);
                first
            })
            .await?;
        }
        Err(SendError::Refused(reason)) => {
            tracing::info!(message = %text.id, %reason, "text refused by the provider");
            update_message(pool, text.org, &text.id, |m| {
                m.bounced_at = Some(now);
                m.failure = Some(reason.clone());
                true
            })
            .await?;
        }
        Err(SendError::Temporary(reason)) => {
            let wait = (config.delivery_interval_ms as f64 / 1000.0 * 2f64.powi(text.attempts)).min(MAX_WAIT_SECS);
            tracing::info!(message = %text.id, %reason, wait, "text delivery will be retried");
            let mut conn = pool.acquire().await?;
            deliveries::retry_later(&mut conn, text.org, &text.id, wait, &reason).await?;
        }
    }
    Ok(())
}

/// The number to text in E.164, or why there is none.
async fn recipient(pool: &PgPool, text: &Claimed) -> Result<Result<String, &'static str>, ServerError> {
    let mut conn = pool.acquire().await?;
    let id = text.message.candidate_id.to_string();
    let candidate: Option<CandidateAggregate> =
        records::get(&mut conn, text.org, Key { kind: RecordKind::Candidate, id: &id }).await?;
    let Some(candidate) = candidate.map(|c| c.candidate) else {
        return Ok(Err("the candidate was deleted"));
    };
    // They answered STOP after the text was queued: it is not sent.
    if candidate.texts_opted_out {
        return Ok(Err("the candidate opted out of texts"));
    }
    let Some(phone) = candidate.profile.phone else {
        return Ok(Err("the candidate has no phone number"));
    };
    let country = phones::org_calling_code(&mut conn, text.org).await?;
    Ok(phones::e164(&phone, country))
}
