//! `clients`: each desktop's last sequence number taken, updated in the same transaction as
//! the mutation it belongs to.

use sqlx::PgConnection;
use uuid::Uuid;

/// Locks the client's row (creating it for its first push) and returns its owner and
/// `last_seq`. Concurrent pushes from one client queue here.
pub async fn lock(conn: &mut PgConnection, client: Uuid, org: Uuid, user: Uuid) -> sqlx::Result<(Uuid, i64)> {
    sqlx::query("INSERT INTO clients (id, org_id, user_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING")
        .bind(client)
        .bind(org)
        .bind(user)
        .execute(&mut *conn)
        .await?;
    sqlx::query_as("SELECT user_id, last_seq FROM clients WHERE id = $1 FOR UPDATE").bind(client).fetch_one(conn).await
}

pub async fn set_last_seq(conn: &mut PgConnection, client: Uuid, seq: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE clients SET last_seq = $2 WHERE id = $1").bind(client).bind(seq).execute(conn).await?;
    Ok(())
}

/// The client's `last_seq`, or 0 when it never pushed (or is not this user's).
pub async fn last_seq(conn: &mut PgConnection, client: Uuid, user: Uuid) -> sqlx::Result<i64> {
    let seq: Option<i64> = sqlx::query_scalar("SELECT last_seq FROM clients WHERE id = $1 AND user_id = $2")
        .bind(client)
        .bind(user)
        .fetch_optional(conn)
        .await?;
    Ok(seq.unwrap_or(0))
}
