//! `login_throttle`: failed (or not yet judged) sign-in attempts per key, and until when a key
//! must wait. The rules live in [`crate::throttle`]; this module only reads and writes rows.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// A key's state, read under a row lock.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub failures: i32,
    pub last_failure: DateTime<Utc>,
    pub blocked_until: Option<DateTime<Utc>>,
}

/// Locks the key's row until the transaction ends, creating it empty when missing.
pub async fn lock(conn: &mut PgConnection, key: &str, now: DateTime<Utc>) -> sqlx::Result<Row> {
    sqlx::query(
        "INSERT INTO login_throttle (key, failures, last_failure) VALUES ($1, 0, $2) ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    let (failures, last_failure, blocked_until) =
        sqlx::query_as("SELECT failures, last_failure, blocked_until FROM login_throttle WHERE key = $1 FOR UPDATE")
            .bind(key)
            .fetch_one(conn)
            .await?;
    Ok(Row { failures, last_failure, blocked_until })
}

pub async fn set(conn: &mut PgConnection, key: &str, row: Row) -> sqlx::Result<()> {
    sqlx::query("UPDATE login_throttle SET failures = $2, last_failure = $3, blocked_until = $4 WHERE key = $1")
        .bind(key)
        .bind(row.failures)
        .bind(row.last_failure)
        .bind(row.blocked_until)
        .execute(conn)
        .await?;
    Ok(())
}

/// Takes back one counted attempt (it turned out right), never below zero.
pub async fn forgive_one(conn: &mut PgConnection, key: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1")
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets the keys (a right password, or an admin's reset).
pub async fn clear(conn: &mut PgConnection, keys: &[String]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_throttle WHERE key = ANY($1)").bind(keys).execute(conn).await?;
    Ok(())
}

/// Forgets every key that names the account, from any source (an admin's reset).
pub async fn clear_account(conn: &mut PgConnection, account_key: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_throttle WHERE key = $1 OR starts_with(key, $1 || '|')")
        .bind(account_key)
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether the account signed in from the source since `since`.
pub async fn known_source(
    conn: &mut PgConnection,
    account: &str,
    source: &str,
    since: DateTime<Utc>,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM login_known_sources WHERE account = $1 AND source = $2 AND last_success > $3)",
    )
    .bind(account)
    .bind(source)
    .bind(since)
    .fetch_one(conn)
    .await
}

pub async fn remember_source(
    conn: &mut PgConnection,
    account: &str,
    source: &str,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO login_known_sources (account, source, last_success) VALUES ($1, $2, $3)
         ON CONFLICT (account, source) DO UPDATE SET last_success = $3",
    )
    .bind(account)
    .bind(source)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}
