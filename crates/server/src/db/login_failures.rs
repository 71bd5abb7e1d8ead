//! `login_failures`: failed sign-ins per email within a window.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// Failures for `email` in the window that started within `window_secs` of `now`.
pub async fn recent(conn: &mut PgConnection, email: &str, now: DateTime<Utc>, window_secs: f64) -> sqlx::Result<i32> {
    let failures: Option<i32> = sqlx::query_scalar(
        "SELECT failures FROM login_failures WHERE email = $1 AND window_start > $2 - make_interval(secs => $3)",
    )
    .bind(email)
    .bind(now)
    .bind(window_secs)
    .fetch_optional(conn)
    .await?;
    Ok(failures.unwrap_or(0))
}

/// Counts a failure, starting a new window when the last one is over.
pub async fn record(conn: &mut PgConnection, email: &str, now: DateTime<Utc>, window_secs: f64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO login_failures (email, window_start, failures) VALUES ($1, $2, 1)
         ON CONFLICT (email) DO UPDATE SET
           failures = CASE WHEN login_failures.window_start > $2 - make_interval(secs => $3)
                           THEN login_failures.failures + 1 ELSE 1 END,
           window_start = CASE WHEN login_failures.window_start > $2 - make_interval(secs => $3)
                               THEN login_failures.window_start ELSE $2 END",
    )
    .bind(email)
    .bind(now)
    .bind(window_secs)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn clear(conn: &mut PgConnection, email: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE email = $1").bind(email).execute(conn).await?;
    Ok(())
}
