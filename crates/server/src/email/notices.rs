//! Notices: plain emails the server writes itself to people of the team (a webhook it turned
//! off, for the admins). Queued in the transaction that decided them (table `notices`), sent
//! by the email delivery worker through the same relay as every email, retried on a relay's
//! temporary failure.

use chrono::Utc;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::ServerError;

/// Notices sent per round.
const BATCH: i64 = 20;
/// Tries before a notice the relay keeps refusing is given up (it stays in the table).
const MAX_ATTEMPTS: i32 = 10;

pub async fn queue(conn: &mut PgConnection, org: Uuid, to: &str, subject: &str, body: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO notices (id, org_id, to_address, subject, body, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, now(), now())",
    )
    .bind(Uuid::now_v7())
    .bind(org)
    .bind(to)
    .bind(subject)
    .bind(body)
    .execute(conn)
    .await?;
    Ok(())
}

/// Sends the notices that are due; returns how many went out.
pub async fn send_due(
    pool: &PgPool,
    relay: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
) -> Result<usize, ServerError> {
    let mut tx = pool.begin().await?;
    let due: Vec<(Uuid, String, String, String, i32)> = sqlx::query_as(
        "SELECT id, to_address, subject, body, attempts FROM notices
         WHERE sent_at IS NULL AND next_attempt_at <= now() AND attempts < $1
         ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED",
    )
    .bind(MAX_ATTEMPTS)
    .bind(BATCH)
    .fetch_all(&mut *tx)
    .await?;
    let mut sent = 0;
    for (id, to, subject, body, attempts) in due {
        let outcome = match to.parse::<Mailbox>() {
            Err(e) => Err(format!("not an address the relay takes: {e}")),
            Ok(to) => match lettre::Message::builder().from(from.clone()).to(to).subject(subject).body(body) {
                Err(e) => Err(format!("the email could not be built: {e}")),
                Ok(message) => relay.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            },
        };
        match outcome {
            Ok(()) => {
                sent += 1;
                sqlx::query("UPDATE notices SET sent_at = $2, attempts = attempts + 1 WHERE id = $1")
                    .bind(id)
                    .bind(Utc::now())
                    .execute(&mut *tx)
                    .await?;
            }
            Err(error) => {
                tracing::warn!(notice = %id, %error, "a notice could not be sent; it will be tried again");
                let wait = 30.0 * 2f64.powi(attempts);
                sqlx::query(
                    "UPDATE notices SET attempts = attempts + 1, last_error = $2,
                         next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1",
                )
                .bind(id)
                .bind(error)
                .bind(wait)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(sent)
}
