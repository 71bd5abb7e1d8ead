//! How many sign-ups one client address, and one email address, may send in an hour. Counted
//! in the database (`signup_limits`), so every server process counts the same forms. Keys are
//! digests: the table holds neither addresses nor what strangers typed.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sqlx::PgPool;

use crate::ServerError;

/// The window counts start again after.
const WINDOW_SECS: f64 = 3600.0;

/// Counts one more sign-up under `key` now; true while it is within `limit` for the window.
async fn count(pool: &PgPool, key: &str, limit: u32, now: DateTime<Utc>) -> Result<bool, ServerError> {
    let counted: i32 = sqlx::query_scalar(
        "INSERT INTO signup_limits (key, window_start, count) VALUES ($1, $2, 1)
         ON CONFLICT (key) DO UPDATE SET
             window_start = CASE WHEN signup_limits.window_start < $2 - make_interval(secs => $3)
                                 THEN $2 ELSE signup_limits.window_start END,
             count = CASE WHEN signup_limits.window_start < $2 - make_interval(secs => $3)
                          THEN 1 ELSE signup_limits.count + 1 END
         RETURNING count",
    )
    .bind(key)
    .bind(now)
    .bind(WINDOW_SECS)
    .fetch_one(pool)
    .await?;
    // Now and then, windows long over are forgotten (a table of one-off visitors otherwise grows).
    if rand::random::<u8>() == 0 {
        sqlx::query("DELETE FROM signup_limits WHERE window_start < $1 - make_interval(secs => $2)")
            .bind(now)
            .bind(WINDOW_SECS)
            .execute(pool)
            .await?;
    }
    Ok(i64::from(counted) <= i64::from(limit))
}

fn digest(kind: &str, value: &str) -> String {
    format!("{kind}:{}", hex::encode(Sha256::digest(value.as_bytes())))
}

/// Counts a form from `source` for the org; false when the address sent too many. Addresses
/// count as sign-in throttling counts them (an IPv6 /64 as one client).
pub async fn address_within(
    pool: &PgPool,
    org: uuid::Uuid,
    source: Option<IpAddr>,
    limit: u32,
) -> Result<bool, ServerError> {
    let source = source.map_or_else(|| "unknown".to_owned(), crate::throttle::source_prefix);
    count(pool, &digest("address", &format!("{org}/{source}")), limit, Utc::now()).await
}

/// Counts a sign-up with `email` for the org; false when the address was given too often (so
/// nobody can flood someone's inbox with confirmations).
pub async fn email_within(pool: &PgPool, org: uuid::Uuid, email: &str, limit: u32) -> Result<bool, ServerError> {
    let email = crate::auth::email_key(email);
    count(pool, &digest("email", &format!("{org}/{email}")), limit, Utc::now()).await
}
