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
    pub digest: Option<&'a str>,
}

pub async fn insert(conn: &mut PgConnection, m: Taken<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO mutations (client_id, seq, org_id, user_id, name, created_at, outcome, digest)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(m.client)
    .bind(m.seq)
    .bind(m.org)
    .bind(m.user)
    .bind(m.name)
    .bind(m.created_at)
    .bind(Json(m.outcome))
    .bind(m.digest)
    .execute(conn)
    .await?;
    Ok(())
}

/// A mutation taken: its outcome and digest (none for mutations taken before digests were kept).
pub async fn taken(
    conn: &mut PgConnection,
    client: Uuid,
    seq: i64,
) -> sqlx::Result<Option<(PushOutcome, Option<String>)>> {
    let row: Option<(Json<PushOutcome>, Option<String>)> =
        sqlx::query_as("SELECT outcome, digest FROM mutations WHERE client_id = $1 AND seq = $2")
            .bind(client)
            .bind(seq)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(Json(o), digest)| (o, digest)))
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

/// A stored outcome, by the mutation it answers.
pub struct Stored {
    pub client: Uuid,
    pub seq: i64,
    pub outcome: PushOutcome,
}

/// The org's rejections whose text holds one of `values` (ignoring case): a coarse search, the
/// caller decides which really name someone.
pub async fn rejections_mentioning(conn: &mut PgConnection, org: Uuid, values: &[String]) -> sqlx::Result<Vec<Stored>> {
    if values.is_empty() {
        return Ok(Vec::new());
    }
    // Matched against the outcome's JSON text, so each value is written as JSON writes it.
    let patterns: Vec<String> = values
        .iter()
        .map(|v| {
            let json = serde_json::to_string(v).unwrap_or_default();
            let inner = &json[1..json.len() - 1];
            format!("%{}%", inner.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
        })
        .collect();
    let rows: Vec<(Uuid, i64, Json<PushOutcome>)> = sqlx::query_as(
        "SELECT client_id, seq, outcome FROM mutations
         WHERE org_id = $1 AND outcome ->> 'status' = 'rejected' AND outcome::text ILIKE ANY($2)",
    )
    .bind(org)
    .bind(patterns)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(client, seq, Json(outcome))| Stored { client, seq, outcome }).collect())
}

/// Replaces a stored outcome (erasure rewrites what named an erased person).
pub async fn set_outcome(conn: &mut PgConnection, client: Uuid, seq: i64, outcome: &PushOutcome) -> sqlx::Result<()> {
    sqlx::query("UPDATE mutations SET outcome = $3 WHERE client_id = $1 AND seq = $2")
        .bind(client)
        .bind(seq)
        .bind(Json(outcome))
        .execute(conn)
        .await?;
    Ok(())
}
