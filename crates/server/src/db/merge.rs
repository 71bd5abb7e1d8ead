//! The records table's side of `candidate.merge`: what was attached to a merged candidate (notes,
//! documents, history, messages) becomes the survivor's, each moved record written again at
//! the merge's version so that pulls deliver it under its new candidate; the merged one's
//! tombstone names the survivor, where a change made to them later goes.

use std::collections::HashMap;

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

/// Merges followed at most from a tombstone to the candidate who is there: each merge leaves a
/// survivor who is there, so a chain is as long as the survivor was merged again in turn.
const CHAIN_AT_MOST: usize = 16;

/// Leaves the merged candidates' tombstones naming their survivor (in `candidate_id`, which a
/// candidate's own record has no other use for): where a change made to them later goes. A
/// candidate brought back by an undo is written again without it.
pub async fn point_to_survivor(
    conn: &mut PgConnection,
    org: Uuid,
    merged: &[Uuid],
    survivor: Uuid,
) -> sqlx::Result<()> {
    let ids: Vec<String> = merged.iter().map(Uuid::to_string).collect();
    sqlx::query(
        "UPDATE records SET candidate_id = $3
         WHERE org_id = $1 AND kind = 'candidate' AND id = ANY($2) AND data IS NULL",
    )
    .bind(org)
    .bind(&ids)
    .bind(survivor)
    .execute(conn)
    .await?;
    Ok(())
}

/// Where the merged candidates among `ids` went: the survivor, through later merges, for each
/// one a merge took whose survivor is still there. A deleted candidate, a deleted survivor and
/// one who is there (a merge undone) redirect nowhere.
pub async fn survivors(conn: &mut PgConnection, org: Uuid, ids: &[Uuid]) -> sqlx::Result<HashMap<Uuid, Uuid>> {
    let mut went = HashMap::new();
    // Each candidate still followed, by where the chain has reached.
    let mut at: HashMap<Uuid, Vec<Uuid>> = ids.iter().map(|id| (*id, vec![*id])).collect();
    for round in 0..=CHAIN_AT_MOST {
        if at.is_empty() {
            break;
        }
        let keys: Vec<String> = at.keys().map(Uuid::to_string).collect();
        // A merged one's tombstone and its survivor, or (once followed) a live candidate: the
        // first round reads only the few merged among what may be a large selection.
        let rows: Vec<(String, bool, Option<Uuid>)> = sqlx::query_as(
            "SELECT id, data IS NOT NULL, candidate_id FROM records
             WHERE org_id = $1 AND kind = 'candidate' AND id = ANY($2)
               AND ((data IS NULL AND candidate_id IS NOT NULL) OR ($3 AND data IS NOT NULL))",
        )
        .bind(org)
        .bind(&keys)
        .bind(round > 0)
        .fetch_all(&mut *conn)
        .await?;
        let mut next: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for (id, live, survivor) in rows {
            let Ok(id) = id.parse::<Uuid>() else { continue };
            let Some(origins) = at.remove(&id) else { continue };
            match (live, survivor) {
                // Reached someone who is there: the survivor of each candidate followed here.
                (true, _) => went.extend(origins.into_iter().map(|origin| (origin, id))),
                (false, Some(survivor)) => next.entry(survivor).or_default().extend(origins),
                (false, None) => {}
            }
        }
        at = next;
    }
    Ok(went)
}
