//! The records table's side of `candidate.merge`: what was attached to a merged candidate (notes,
//! documents, history, messages) becomes the survivor's, each moved record written again at
//! the merge's version so that pulls deliver it under its new candidate.

use sqlx::PgConnection;
use talentdesk_domain::history::{HistoryDetail, HistoryEntry};
use talentdesk_domain::merge::Attached;
use uuid::Uuid;

/// Moves the live notes, documents, history entries and messages of `from` to `to`, or
/// (`only`) those named. A message's id names its candidate (`send:candidate`): it is written
/// under the new one's id and the old one becomes a tombstone; a send that reached both keeps
/// `to`'s.
pub async fn move_attached(
    conn: &mut PgConnection,
    org: Uuid,
    version: i64,
    (from, to): (Uuid, Uuid),
    only: Option<&Attached>,
) -> sqlx::Result<()> {
    let named = |ids: &dyn Fn(&Attached) -> Vec<String>| only.map(ids);
    let kinds = [
        ("note", named(&|a| a.notes.iter().map(Uuid::to_string).collect())),
        ("document", named(&|a| a.documents.iter().map(Uuid::to_string).collect())),
        ("history", named(&|a| a.history.iter().map(i64::to_string).collect())),
    ];
    for (kind, ids) in kinds {
        sqlx::query(
            "UPDATE records SET candidate_id = $3, version = $4,
                    data = jsonb_set(data, '{candidate_id}', to_jsonb($3::text))
             WHERE org_id = $1 AND candidate_id = $2 AND kind = $5 AND data IS NOT NULL
               AND ($6::text[] IS NULL OR id = ANY($6))",
        )
        .bind(org)
        .bind(from)
        .bind(to)
        .bind(version)
        .bind(kind)
        .bind(ids)
        .execute(&mut *conn)
        .await?;
    }
    let sends = named(&|a| a.sends.iter().map(Uuid::to_string).collect());
    sqlx::query(
        "INSERT INTO records (org_id, kind, id, version, data, candidate_id, visible_to, shared_once)
         SELECT org_id, kind, split_part(id, ':', 1) || ':' || $3::text, $4,
                jsonb_set(data, '{candidate_id}', to_jsonb($3::text)), $3, visible_to, shared_once
         FROM records
         WHERE org_id = $1 AND kind = 'message' AND candidate_id = $2 AND data IS NOT NULL
           AND ($5::text[] IS NULL OR split_part(id, ':', 1) = ANY($5))
         ON CONFLICT (org_id, kind, id) DO UPDATE
         SET version = EXCLUDED.version, data = EXCLUDED.data, candidate_id = EXCLUDED.candidate_id,
             visible_to = EXCLUDED.visible_to, shared_once = records.shared_once OR EXCLUDED.shared_once
         WHERE records.data IS NULL",
    )
    .bind(org)
    .bind(from)
    .bind(to)
    .bind(version)
    .bind(&sends)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE records SET data = NULL, version = $3
         WHERE org_id = $1 AND candidate_id = $2 AND kind = 'message' AND data IS NOT NULL
           AND ($4::text[] IS NULL OR split_part(id, ':', 1) = ANY($4))",
    )
    .bind(org)
    .bind(from)
    .bind(version)
    .bind(&sends)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The ids of what is attached to the candidate (live records only).
pub async fn attached(conn: &mut PgConnection, org: Uuid, candidate: Uuid) -> sqlx::Result<Attached> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT kind, id FROM records
         WHERE org_id = $1 AND candidate_id = $2 AND data IS NOT NULL
           AND kind IN ('note', 'document', 'message', 'history')
         ORDER BY kind, id",
    )
    .bind(org)
    .bind(candidate)
    .fetch_all(conn)
    .await?;
    let mut attached = Attached::default();
    for (kind, id) in rows {
        let key = id.split(':').next().unwrap_or_default();
        match kind.as_str() {
            "note" => attached.notes.extend(key.parse::<Uuid>().ok()),
            "document" => attached.documents.extend(key.parse::<Uuid>().ok()),
            "message" => attached.sends.extend(key.parse::<Uuid>().ok()),
            _ => attached.history.extend(key.parse::<i64>().ok()),
        }
    }
    attached.history.sort_unstable();
    Ok(attached)
}

/// The detail of the candidate's latest history entry (the server numbers entries in order).
pub async fn last_history(conn: &mut PgConnection, org: Uuid, candidate: Uuid) -> sqlx::Result<Option<HistoryDetail>> {
    let last: Option<sqlx::types::Json<HistoryEntry>> = sqlx::query_scalar(
        "SELECT data FROM records
         WHERE org_id = $1 AND candidate_id = $2 AND kind = 'history' AND data IS NOT NULL
         ORDER BY id::bigint DESC LIMIT 1",
    )
    .bind(org)
    .bind(candidate)
    .fetch_optional(conn)
    .await?;
    Ok(last.and_then(|entry| entry.0.detail))
}
