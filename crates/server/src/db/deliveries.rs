//! `deliveries`: which queued emails and texts a server process is sending, or waiting to
//! retry.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use sqlx::types::Json;
use talentdesk_domain::message::{Channel, Message};
use uuid::Uuid;

/// A queued email or text taken by this process.
pub struct Claimed {
    pub org: Uuid,
    pub id: String,
    pub message: Message,
    pub attempts: i32,
}

/// The query that finds a channel's queued messages, with the channel written in it: only then
/// can PostgreSQL use the channel's partial index of queued messages.
macro_rules! claim_sql {
    ($channel:literal) => {
        concat!(
            "SELECT r.org_id, r.id, r.data FROM records r
             LEFT JOIN deliveries d ON d.org_id = r.org_id AND d.message_id = r.id
             WHERE r.kind = 'message' AND r.data IS NOT NULL AND r.data ->> 'channel' = '",
            $channel,
            "' AND r.data ->> 'sent_at' IS NULL AND r.data ->> 'bounced_at' IS NULL
               AND (d.claimed_until IS NULL OR d.claimed_until < $2)
             ORDER BY r.version LIMIT $1
             FOR UPDATE OF r SKIP LOCKED"
        )
    };
}

/// Takes up to `limit` queued messages of `channel` nobody else holds, for `hold` seconds.
pub async fn claim(
    conn: &mut PgConnection,
    channel: Channel,
    limit: i64,
    hold_secs: f64,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<Claimed>> {
    let rows: Vec<(Uuid, String, Json<Message>)> = sqlx::query_as(match channel {
        Channel::Email => claim_sql!("email"),
        Channel::Text => claim_sql!("text"),
    })
    .bind(limit)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    let mut claimed = Vec::with_capacity(rows.len());
    for (org, id, Json(message)) in rows {
        let attempts: i32 = sqlx::query_scalar(
            "INSERT INTO deliveries (org_id, message_id, claimed_until, attempts)
             VALUES ($1, $2, $3 + make_interval(secs => $4), 1)
             ON CONFLICT (org_id, message_id) DO UPDATE
             SET claimed_until = excluded.claimed_until, attempts = deliveries.attempts + 1
             RETURNING attempts",
        )
        .bind(org)
        .bind(&id)
        .bind(now)
        .bind(hold_secs)
        .fetch_one(&mut *conn)
        .await?;
        claimed.push(Claimed { org, id, message, attempts });
    }
    Ok(claimed)
}

/// Emails waiting to be sent (in every org), through the queued-email index.
pub async fn queued(pool: &sqlx::PgPool) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT count(*) FROM records
         WHERE kind = 'message' AND data IS NOT NULL AND data ->> 'channel' = 'email'
           AND data ->> 'sent_at' IS NULL AND data ->> 'bounced_at' IS NULL",
    )
    .fetch_one(pool)
    .await
}

/// A transient failure: try again after `wait_secs`.
pub async fn retry_later(
    conn: &mut PgConnection,
    org: Uuid,
    id: &str,
    wait_secs: f64,
    error: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE deliveries SET claimed_until = now() + make_interval(secs => $3), last_error = $4
         WHERE org_id = $1 AND message_id = $2",
    )
    .bind(org)
    .bind(id)
    .bind(wait_secs)
    .bind(error)
    .execute(conn)
    .await?;
    Ok(())
}

/// Forgets the delivery state of the candidates' messages: a relay's error quotes the address.
pub async fn forget_candidates(conn: &mut PgConnection, org: Uuid, candidates: &[Uuid]) -> sqlx::Result<()> {
    sqlx::query(
        "DELETE FROM deliveries d USING records r
         WHERE d.org_id = $1 AND r.org_id = $1 AND r.kind = 'message' AND r.candidate_id = ANY($2)
           AND d.message_id = r.id",
    )
    .bind(org)
    .bind(candidates)
    .execute(conn)
    .await?;
    Ok(())
}
