//! The webhook delivery worker. Every server process runs one; a due delivery is claimed by
//! one process at a time (row locks, then a claim that expires), so two never send it at once
//! and one that dies mid-send leaves it to be claimed again. It wakes on the notification a
//! push sends at commit (so an event goes out within moments), and polls for retries that
//! come due.
//!
//! A 2xx answer delivers. Anything else (another status, no answer within the timeout, a
//! refused address) waits and tries again, twice as long each time with jitter, until the
//! delivery has failed for the whole retry window (a day by default): then it has failed, the
//! webhook is turned off with the reason, and every admin of the organisation gets an email.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use futures_util::future::join_all;
use rand::Rng;
use sqlx::PgPool;
use uuid::Uuid;

use super::events::CHANNEL;
use super::store::{self, Claimed, Tried};
use super::{guard, signature};
use crate::ServerError;
use crate::config::Config;
use crate::email::notices;
use crate::wakeup::Wakeups;

/// Deliveries sent at once by one process.
const BATCH: i64 = 20;
/// How long a claim holds: longer than any send can take (the timeout, plus DNS).
const CLAIM_SECS: f64 = 120.0;
/// The longest wait between tries.
const MAX_WAIT: Duration = Duration::from_secs(3_600);

/// Starts the worker.
pub fn spawn(wakeups: Wakeups, pool: PgPool, config: Arc<Config>) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(config.webhook_timeout_ms))
        .connect_timeout(Duration::from_millis(config.webhook_timeout_ms))
        // A redirect could lead anywhere, past the address check: the receiver's answer stands.
        .redirect(reqwest::redirect::Policy::none())
        .dns_resolver(guard::Resolver::shared(config.webhooks_allow_private))
        // A proxy from the environment would resolve the receiver's name itself, past the check.
        .no_proxy()
        .user_agent(concat!("Talentdesk-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()?;
    let poll = Duration::from_millis(config.webhook_poll_ms);
    Ok(tokio::spawn(async move {
        let work = || round(&pool, &client, &config);
        wakeups.run(CHANNEL, poll, "webhook delivery", work).await
    }))
}

/// Sends what is due; returns how many it took.
async fn round(pool: &PgPool, client: &reqwest::Client, config: &Config) -> Result<usize, ServerError> {
    let claimed = {
        let mut tx = pool.begin().await?;
        let claimed = store::claim(&mut tx, BATCH, CLAIM_SECS).await?;
        tx.commit().await?;
        claimed
    };
    let count = claimed.len();
    for result in join_all(claimed.into_iter().map(|d| deliver(pool, client, config, d))).await {
        result?;
    }
    Ok(count)
}

/// How a try ended.
struct Answer {
    code: Option<i32>,
    error: Option<String>,
}

async fn send(client: &reqwest::Client, config: &Config, d: &Claimed) -> Answer {
    if let Err(refused) = guard::check(&d.url, config.webhooks_allow_private).await {
        return Answer { code: None, error: Some(refused.0) };
    }
    let body = match serde_json::to_vec(&d.payload.0) {
        Ok(body) => body,
        Err(e) => return Answer { code: None, error: Some(format!("the event could not be written: {e}")) },
    };
    let signed = signature::sign(&d.secret, Utc::now().timestamp(), &body);
    let request = client
        .post(&d.url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(signature::HEADER, signed)
        .header("Talentdesk-Event-Id", d.event_id.to_string())
        .header("Talentdesk-Delivery-Id", d.id.to_string())
        .body(body);
    match request.send().await {
        Ok(response) if response.status().is_success() => {
            Answer { code: Some(response.status().as_u16().into()), error: None }
        }
        Ok(response) => {
            let status = response.status();
            Answer { code: Some(status.as_u16().into()), error: Some(format!("the receiver answered {status}")) }
        }
        Err(e) if e.is_timeout() => {
            Answer { code: None, error: Some(format!("no answer within {} ms", config.webhook_timeout_ms)) }
        }
        Err(e) => Answer { code: None, error: Some(format!("could not reach the receiver: {}", source_chain(&e))) },
    }
}

/// The error with its causes: reqwest's own message alone says little ("error sending request").
fn source_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

async fn deliver(pool: &PgPool, client: &reqwest::Client, config: &Config, d: Claimed) -> Result<(), ServerError> {
    let answer = send(client, config, &d).await;
    let at = Utc::now();
    let tried = Tried { response_code: answer.code, error: answer.error.as_deref(), at };
    let mut conn = pool.acquire().await?;
    let Some(error) = &answer.error else {
        return Ok(store::delivered(&mut conn, d.id, tried).await?);
    };
    let window = chrono::Duration::milliseconds(config.webhook_retry_window_ms as i64);
    if at - d.created_at < window {
        let next = at + backoff(config.webhook_retry_base_ms, d.attempts);
        tracing::info!(delivery = %d.id, %error, %next, "webhook delivery will be retried");
        return Ok(store::retry_at(&mut conn, d.id, next, tried).await?);
    }
    drop(conn);
    let mut tx = pool.begin().await?;
    store::failed(&mut tx, d.id, tried).await?;
    let reason = format!("every try failed for {}; the last: {error}", in_words(window));
    if store::disable(&mut tx, d.webhook_id, &reason).await? {
        tracing::warn!(webhook = %d.webhook_id, %reason, "webhook turned off");
        tell_admins(&mut tx, d.org_id, &d.url, &reason, at).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The wait before try `attempts + 1`: the base doubled per try so far, at most an hour, and
/// between half and all of that at random, so receivers that came back are not hit by every
/// waiting delivery at the same moment.
fn backoff(base_ms: u64, attempts: i32) -> chrono::Duration {
    let full = Duration::from_millis(base_ms).saturating_mul(1u32 << attempts.clamp(0, 20)).min(MAX_WAIT);
    let wait = full.mul_f64(rand::rng().random_range(0.5..=1.0));
    chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1))
}

fn in_words(window: chrono::Duration) -> String {
    match window.num_seconds() {
        s if s >= 3_600 && s % 3_600 == 0 => format!("{} hours", s / 3_600),
        s if s >= 60 => format!("{} minutes", s / 60),
        s => format!("{s} seconds"),
    }
}

/// An email to every active admin of the org that the webhook is off and why.
async fn tell_admins(
    conn: &mut sqlx::PgConnection,
    org: Uuid,
    url: &str,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<(), ServerError> {
    let admins: Vec<String> = sqlx::query_scalar(
        "SELECT email FROM users WHERE org_id = $1 AND role = 'recruiter_admin' AND deactivated_at IS NULL
           AND kind = 'person'",
    )
    .bind(org)
    .fetch_all(&mut *conn)
    .await?;
    let subject = "Talentdesk turned a webhook off";
    let body = format!(
        "The webhook that sends events to\n\n  {url}\n\nwas turned off at {} (UTC): {reason}.\n\n\
         Nothing is sent to it, and nothing that happens meanwhile is kept for it, until it is turned on \
         again. When the receiver works again, turn the webhook on in Talentdesk under Settings > \
         Webhooks: the deliveries that were waiting go out, and the failed ones can be re-sent from its \
         delivery log.\n",
        at.format("%Y-%m-%d %H:%M")
    );
    for admin in admins {
        notices::queue(conn, org, &admin, subject, &body).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_with_jitter_up_to_an_hour() {
        for attempts in 0..6 {
            let full = 1_000 * (1i64 << attempts);
            let wait = backoff(1_000, attempts).num_milliseconds();
            assert!((full / 2..=full).contains(&wait), "try {attempts}: {wait} ms");
        }
        assert!(backoff(10_000, 40).num_seconds() <= 3_600);
        assert_eq!(in_words(chrono::Duration::hours(24)), "24 hours");
    }
}
