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
    pub created_at: Timestamp,
    pub outcome: &'a PushOutcome,
}

pub async fn insert(conn: &mut PgConnection, m: Taken<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO mutations (client_id, seq, org_id, user_id, name, created_at, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(m.client)
    .bind(m.seq)
    .bind(m.org)
    .bind(m.user)
    .bind(m.name)
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

/// Forgets the field values of conflicts on an erased candidate (they are personal data);
/// the outcome keeps that there was a conflict.
pub async fn erase_conflict_values(conn: &mut PgConnection, org: Uuid, candidate: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE mutations SET outcome = jsonb_set(outcome, '{conflicts}', '[]')
         WHERE org_id = $1 AND outcome -> 'conflicts' @> jsonb_build_array(jsonb_build_object('candidate_id', $2::text))",
    )
    .bind(org)
    .bind(candidate.to_string())
    .execute(conn)
    .await?;
    Ok(())
}
