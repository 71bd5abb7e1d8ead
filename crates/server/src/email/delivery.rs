//! The delivery worker. Every server process runs one; a queued email is claimed by one
//! process at a time (row locks, then a claim that expires), so two processes never send it
//! twice and a process that dies mid-send leaves it to be claimed again.
//!
//! Accepted by the relay: Sent and Delivered. Refused for good (5xx, or no usable address):
//! Sent and Bounced. A temporary failure waits and tries again, longer each time.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use rand::RngCore;
use sqlx::PgPool;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::message::{Channel, Message};
use talentdesk_sync::wire::RecordKind;

use super::compose::{QR_CONTENT_ID, compose};
use super::update_message;
use crate::ServerError;
use crate::config::Config;
use crate::db::deliveries::{self, Claimed};
use crate::db::records::{self, Key};
use crate::db::{tracking, users};

/// Emails taken per round.
const BATCH: i64 = 20;
/// How long a claim holds before another process may take the email.
const CLAIM_SECS: f64 = 120.0;
/// The longest wait between attempts.
const MAX_WAIT_SECS: f64 = 3_600.0;

type Relay = AsyncSmtpTransport<Tokio1Executor>;

const LIST_UNSUBSCRIBE: HeaderName = HeaderName::new_from_ascii_str("List-Unsubscribe");
const LIST_UNSUBSCRIBE_POST: HeaderName = HeaderName::new_from_ascii_str("List-Unsubscribe-Post");

/// Starts the worker when an SMTP relay is configured.
pub fn spawn(pool: PgPool, config: Arc<Config>) -> anyhow::Result<Option<tokio::task::JoinHandle<()>>> {
    let Some(url) = config.smtp_url.clone() else {
        tracing::warn!("no smtp_url is configured: emails stay queued");
        return Ok(None);
    };
    let relay = relay(&url)?;
    let mail_from: Mailbox =
        config.mail_from.parse().map_err(|e| anyhow::anyhow!("mail_from \"{}\": {e}", config.mail_from))?;
    Ok(Some(tokio::spawn(async move {
        let interval = Duration::from_millis(config.delivery_interval_ms);
        loop {
            if let Err(e) = super::notices::send_due(&pool, &relay, &mail_from).await {
                tracing::warn!(error = %e, "sending notices failed");
            }
            match round(&pool, &relay, &mail_from, &config).await {
                Ok(0) => tokio::time::sleep(interval).await,
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "email delivery round failed");
                    tokio::time::sleep(interval).await;
                }
            }
        }
    })))
}

/// `smtp://host:port`: a relay on a trusted network (no TLS, no login).
fn relay(url: &str) -> anyhow::Result<Relay> {
    let rest =
        url.strip_prefix("smtp://").ok_or_else(|| anyhow::anyhow!("smtp_url \"{url}\" must start with smtp://"))?;
    let (host, port) = match rest.trim_end_matches('/').rsplit_once(':') {
        Some((host, port)) => (host, port.parse().map_err(|_| anyhow::anyhow!("smtp_url \"{url}\" has a bad port"))?),
        None => (rest.trim_end_matches('/'), 25),
    };
    Ok(Relay::builder_dangerous(host).port(port).build())
}

/// Sends what is queued; returns how many it took.
async fn round(pool: &PgPool, relay: &Relay, from: &Mailbox, config: &Config) -> Result<usize, ServerError> {
    let mut tx = pool.begin().await?;
    let claimed = deliveries::claim(&mut tx, Channel::Email, BATCH, CLAIM_SECS, chrono::Utc::now()).await?;
    tx.commit().await?;
    let count = claimed.len();
    for email in claimed {
        deliver(pool, relay, from, config, email).await?;
    }
    Ok(count)
}

enum Fate {
    Delivered,
    Bounced(String),
    Retry(String),
}

async fn deliver(
    pool: &PgPool,
    relay: &Relay,
    from: &Mailbox,
    config: &Config,
    email: Claimed,
) -> Result<(), ServerError> {
    let fate = match build(pool, from, config, &email).await? {
        Err(reason) => Fate::Bounced(reason),
        Ok(message) => match relay.send(message).await {
            Ok(_) => Fate::Delivered,
            Err(e) if e.is_permanent() => Fate::Bounced(e.to_string()),
            Err(e) => Fate::Retry(e.to_string()),
        },
    };
    crate::metrics::emailed(match &fate {
        Fate::Delivered => "delivered",
        Fate::Bounced(_) => "bounced",
        Fate::Retry(_) => "retry",
    });
    let now = chrono::Utc::now();
    match fate {
        Fate::Delivered => {
            update_message(pool, email.org, &email.id, |m| {
                m.sent_at = Some(now);
                m.delivered_at = Some(now);
                true
            })
            .await?;
        }
        Fate::Bounced(reason) => {
            tracing::info!(message = %email.id, reason = %without_addresses(&reason), "email bounced");
            update_message(pool, email.org, &email.id, |m| {
                m.sent_at = Some(now);
                m.bounced_at = Some(now);
                true
            })
            .await?;
        }
        Fate::Retry(reason) => {
            let wait = (config.delivery_interval_ms as f64 / 1000.0 * 2f64.powi(email.attempts)).min(MAX_WAIT_SECS);
            tracing::info!(message = %email.id, reason = %without_addresses(&reason), wait, "email delivery will be retried");
            let mut conn = pool.acquire().await?;
            deliveries::retry_later(&mut conn, email.org, &email.id, wait, &reason).await?;
        }
    }
    Ok(())
}

/// A relay's reason as the log may keep it: relays quote the recipient, and a log outlives an
/// erasure, so anything that looks like an address is left out.
fn without_addresses(reason: &str) -> String {
    reason
        .split_whitespace()
        .map(|word| if word.contains('@') { "[address]" } else { word })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The email to send, or why it cannot be sent at all.
async fn build(
    pool: &PgPool,
    from: &Mailbox,
    config: &Config,
    email: &Claimed,
) -> Result<Result<lettre::Message, String>, ServerError> {
    let m: &Message = &email.message;
    let mut conn = pool.acquire().await?;
    let candidate_key = m.candidate_id.to_string();
    let candidate: Option<CandidateAggregate> =
        records::get(&mut conn, email.org, Key { kind: RecordKind::Candidate, id: &candidate_key }).await?;
    let Some(address) = candidate.and_then(|c| c.candidate.profile.email) else {
        return Ok(Err("the candidate has no email address".into()));
    };
    let Ok(to) = address.parse::<Mailbox>() else {
        return Ok(Err("the candidate's email address is not one the relay takes".into()));
    };
    let sender = users::by_id(&mut conn, m.sender_id).await?;
    let token = {
        let mut bytes = [0u8; 16];
        rand::rng().fill_bytes(&mut bytes);
        hex::encode(bytes)
    };
    let links = crate::preferences::links(&mut conn, config, email.org, m.candidate_id).await?;
    let composed = compose(&m.body, &config.public_url, &token, m.check_in_code.as_deref(), &links.page);
    let body = match body(composed.text, composed.html, m.check_in_code.as_deref()) {
        Ok(body) => body,
        Err(reason) => return Ok(Err(reason)),
    };
    tracking::insert(&mut conn, &token, email.org, &email.id, &composed.links).await?;
    // RFC 8058: mail providers offer an Unsubscribe button that POSTs the address, no page between.
    let mut builder = lettre::Message::builder()
        .from(from.clone())
        .to(to)
        .subject(m.subject.clone())
        .raw_header(HeaderValue::new(LIST_UNSUBSCRIBE, format!("<{}>", links.one_click)))
        .raw_header(HeaderValue::new(LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click".into()));
    // Replies go to the recruiter who wrote the email.
    if let Some(sender) = sender
        && let Ok(address) = sender.user.email.parse()
    {
        builder = builder.reply_to(Mailbox::new(Some(sender.user.name), address));
    }
    Ok(builder.multipart(body).map_err(|e| format!("the email could not be built: {e}")))
}

/// Text and HTML as alternatives; with a check-in code, the HTML is sent related to the code's
/// QR image (an inline PNG the HTML shows by `cid:`), so mail readers show it without loading
/// anything from the network.
fn body(text: String, html: String, check_in_code: Option<&str>) -> Result<MultiPart, String> {
    let Some(code) = check_in_code else {
        return Ok(MultiPart::alternative_plain_html(text, html));
    };
    let png = talentdesk_badges::qr_png(code).map_err(|e| e.to_string())?;
    let image = Attachment::new_inline(QR_CONTENT_ID.to_owned())
        .body(png, ContentType::parse("image/png").expect("a valid content type"));
    Ok(MultiPart::alternative()
        .singlepart(SinglePart::plain(text))
        .multipart(MultiPart::related().singlepart(SinglePart::html(html)).singlepart(image)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn logged_reasons_quote_no_address() {
        let reason = "451 4.2.0 <ana.souza@example.org>: mailbox busy, try later";
        assert_eq!(super::without_addresses(reason), "451 4.2.0 [address] mailbox busy, try later");
    }
}
