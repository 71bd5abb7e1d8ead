//! The records table's side of `candidate.merge`: what was attached to a merged candidate (notes,
//! documents, history, messages) becomes the survivor's, each moved record written again at
//! the merge's version so that pulls deliver it under its new candidate.

use sqlx::PgConnection;
use uuid::Uuid;

/// Moves the live notes, documents, history entries and messages of `from` to `to`. A
/// message's id names its candidate (`send:candidate`): it is written under the survivor's id
/// and the old one becomes a tombstone; a send that reached both keeps the survivor's.
pub async fn move_attached(conn: &mut PgConnection, org: Uuid, version: i64, from: Uuid, to: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE records SET candidate_id = $3, version = $4,
                data = jsonb_set(data, '{candidate_id}', to_jsonb($3::text))
         WHERE org_id = $1 AND candidate_id = $2 AND kind IN ('note', 'document', 'history') AND data IS NOT NULL",
    )
    .bind(org)
    .bind(from)
    .bind(to)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO records (org_id, kind, id, version, data, candidate_id, visible_to, shared_once)
         SELECT org_id, kind, split_part(id, ':', 1) || ':' || $3::text, $4,
                jsonb_set(data, '{candidate_id}', to_jsonb($3::text)), $3, visible_to, shared_once
         FROM records
         WHERE org_id = $1 AND kind = 'message' AND candidate_id = $2 AND data IS NOT NULL
         ON CONFLICT (org_id, kind, id) DO UPDATE
         SET version = EXCLUDED.version, data = EXCLUDED.data, candidate_id = EXCLUDED.candidate_id,
             visible_to = EXCLUDED.visible_to, shared_once = records.shared_once OR EXCLUDED.shared_once
         WHERE records.data IS NULL",
    )
    .bind(org)
    .bind(from)
    .bind(to)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE records SET data = NULL, version = $3
         WHERE org_id = $1 AND candidate_id = $2 AND kind = 'message' AND data IS NOT NULL",
    )
    .bind(org)
    .bind(from)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
