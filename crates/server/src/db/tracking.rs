//! `tracking`: the token in a sent email's pixel and links, and where the links lead.

use sqlx::PgConnection;
use sqlx::types::Json;
use uuid::Uuid;

/// Notes the token, unless the message is gone (erased meanwhile: its tracking must lead
/// nowhere). The message stays locked until this commits, so an erasure waits for it and then
/// finds the token.
pub async fn insert(
    conn: &mut PgConnection,
    token: &str,
    org: Uuid,
    message_id: &str,
    links: &[String],
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO tracking (token, org_id, message_id, links)
         SELECT $1, $2, $3, $4 WHERE EXISTS (
             SELECT 1 FROM records WHERE org_id = $2 AND kind = 'message' AND id = $3 AND data IS NOT NULL FOR SHARE)",
    )
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

/// Forgets the tracking of the candidates' messages: their links lead nowhere from then on.
pub async fn forget_candidates(conn: &mut PgConnection, org: Uuid, candidates: &[Uuid]) -> sqlx::Result<()> {
    sqlx::query(
        "DELETE FROM tracking t USING records r
         WHERE t.org_id = $1 AND r.org_id = $1 AND r.kind = 'message' AND r.candidate_id = ANY($2)
           AND t.message_id = r.id",
    )
    .bind(org)
    .bind(candidates)
    .execute(conn)
    .await?;
    Ok(())
}
