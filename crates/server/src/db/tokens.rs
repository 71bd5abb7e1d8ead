//! `tokens`: sign-ins, kept as the SHA-256 of the bearer token.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::users::{self, Account};

pub async fn insert(
    conn: &mut PgConnection,
    hash: &[u8],
    user: Uuid,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO tokens (hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(hash)
        .bind(user)
        .bind(now)
        .bind(expires_at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Why a presented token does or does not let its bearer in.
pub enum TokenState {
    Valid(Account),
    Expired,
    Revoked,
    /// The user was deactivated (which revoked their tokens too).
    Deactivated,
    Unknown,
}

/// Checks the token and reads its user in one query: every request does this.
pub async fn check(conn: &mut PgConnection, hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<TokenState> {
    Ok(match users::by_token(conn, hash).await? {
        None => TokenState::Unknown,
        // First: it says why the sign-ins were revoked.
        Some((account, _, _)) if !account.active => TokenState::Deactivated,
        Some((_, _, Some(_))) => TokenState::Revoked,
        Some((_, expires_at, None)) if expires_at <= now => TokenState::Expired,
        Some((account, _, None)) => TokenState::Valid(account),
    })
}

/// Revokes one token (a sign-out).
pub async fn revoke(conn: &mut PgConnection, hash: &[u8], now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE tokens SET revoked_at = $2 WHERE hash = $1 AND revoked_at IS NULL")
        .bind(hash)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Revokes every live token of the user; returns how many.
pub async fn revoke_all(conn: &mut PgConnection, user: Uuid, now: DateTime<Utc>) -> sqlx::Result<u64> {
    let done = sqlx::query("UPDATE tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL")
        .bind(user)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// Forgets the user's tokens that expired or were revoked more than 30 days ago (until then
/// a late request still hears why it is refused).
pub async fn forget_old(conn: &mut PgConnection, user: Uuid, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "DELETE FROM tokens WHERE user_id = $1
         AND least(expires_at, coalesce(revoked_at, expires_at)) < $2 - interval '30 days'",
    )
    .bind(user)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
