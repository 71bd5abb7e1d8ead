//! `mutations`: every mutation taken and its outcome, so a replay gets the same answer.

use sqlx::PgConnection;
use sqlx::types::Json;
use talentdesk_domain::Timestamp;
use talentdesk_sync::wire::PushOutcome;
use uuid::Uuid;

pub struct Taken<'a> {
    pub client: Uuid,
    pub seq: i64,
    pub org: Uuid,
    pub user: Uuid,
    pub name: &'a str,
    pub args: &'a serde_json::Value,
    pub created_at: Timestamp,
    pub outcome: &'a PushOutcome,
}

pub async fn insert(conn: &mut PgConnection, m: Taken<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO mutations (client_id, seq, org_id, user_id, name, args, created_at, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(m.client)
    .bind(m.seq)
    .bind(m.org)
    .bind(m.user)
    .bind(m.name)
    .bind(Json(m.args))
    .bind(m.created_at)
    .bind(Json(m.outcome))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn outcome(conn: &mut PgConnection, client: Uuid, seq: i64) -> sqlx::Result<Option<PushOutcome>> {
    let row: Option<Json<PushOutcome>> =
        sqlx::query_scalar("SELECT outcome FROM mutations WHERE client_id = $1 AND seq = $2")
            .bind(client)
            .bind(seq)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|Json(o)| o))
}
