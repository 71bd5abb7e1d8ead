//! `tracking`: the token in a sent email's pixel and links, and where the links lead.

use sqlx::PgConnection;
use sqlx::types::Json;
use uuid::Uuid;

pub async fn insert(
    conn: &mut PgConnection,
    token: &str,
    org: Uuid,
    message_id: &str,
    links: &[String],
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO tracking (token, org_id, message_id, links) VALUES ($1, $2, $3, $4)")
        .bind(token)
        .bind(org)
        .bind(message_id)
        .bind(Json(links))
        .execute(conn)
        .await?;
    Ok(())
}

pub struct Tracked {
    pub org: Uuid,
    pub message_id: String,
    pub links: Vec<String>,
}

pub async fn get(conn: &mut PgConnection, token: &str) -> sqlx::Result<Option<Tracked>> {
    let row: Option<(Uuid, String, Json<Vec<String>>)> =
        sqlx::query_as("SELECT org_id, message_id, links FROM tracking WHERE token = $1")
            .bind(token)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(org, message_id, Json(links))| Tracked { org, message_id, links }))
}
