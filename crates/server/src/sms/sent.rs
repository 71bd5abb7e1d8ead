//! `sms_sent`: the provider's id of each text it accepted, which its status callbacks name.

use sqlx::PgConnection;
use uuid::Uuid;

pub async fn insert(conn: &mut PgConnection, provider_id: &str, org: Uuid, message_id: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO sms_sent (provider_id, org_id, message_id) VALUES ($1, $2, $3)
         ON CONFLICT (provider_id) DO NOTHING",
    )
    .bind(provider_id)
    .bind(org)
    .bind(message_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// The org and message id of the text the provider calls `provider_id`.
pub async fn find(conn: &mut PgConnection, provider_id: &str) -> sqlx::Result<Option<(Uuid, String)>> {
    sqlx::query_as("SELECT org_id, message_id FROM sms_sent WHERE provider_id = $1")
        .bind(provider_id)
        .fetch_optional(conn)
        .await
}
