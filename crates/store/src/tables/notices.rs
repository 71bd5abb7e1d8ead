//! What the server said about this client's mutations that its user should see: rejections
//! and conflicts, kept until dismissed.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use talentdesk_domain::effects::Conflict;
use talentdesk_domain::erasure::Mentions;
use talentdesk_domain::{DomainError, Timestamp};
use ts_rs::TS;
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{millis, time, uuid};
use crate::replica::EventGone;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Notice {
    /// The mutation's sequence number on this client; for a notice about an event rather than
    /// one change ([`NoticeDetail::EventGone`]), minus the number of the latest change it is about.
    #[ts(type = "number")]
    pub seq: i64,
    /// The mutation's name, e.g. `candidate.update` (an event's notice: its latest change's).
    pub name: String,
    pub candidate_id: Option<Uuid>,
    pub detail: NoticeDetail,
    /// When the user made the change.
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum NoticeDetail {
    /// The server refused the change; it was undone here.
    Rejected { reason: DomainError },
    /// The change went through over values a teammate had set meanwhile; theirs can be put back.
    Conflicts { conflicts: Vec<Conflict> },
    /// An event this user checked people in at was archived or deleted on the server meanwhile.
    EventGone(EventGone),
}

/// Forgets what the notices say about an erased candidate: their conflicts go (a conflict
/// quotes their values); a rejection stays, since the user still needs to know a change of
/// theirs did not land, with anything naming them rewritten to "[erased]" (reasons name
/// candidates by id, but older ones and the user's own input may quote them); a notice about
/// a deleted event no longer lists them. Dismissed notices too: they are still in the file.
pub(crate) fn forget_candidate(conn: &Connection, candidate_id: Uuid, mentions: &Mentions) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM sync_notices WHERE candidate_id = ?1 AND detail ->> '$.type' = 'conflicts'")?
        .execute([candidate_id.to_string()])?;
    let rows = conn
        .prepare_cached("SELECT seq, detail FROM sync_notices")?
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    for (seq, detail) in rows {
        let rewritten = match serde_json::from_str(&detail)? {
            NoticeDetail::Rejected { reason } => {
                mentions.redact_error(&reason).map(|reason| Some(NoticeDetail::Rejected { reason }))
            }
            NoticeDetail::Conflicts { mut conflicts } => {
                let before = conflicts.len();
                conflicts.retain(|c| c.candidate_id != candidate_id);
                (conflicts.len() < before)
                    .then(|| (!conflicts.is_empty()).then_some(NoticeDetail::Conflicts { conflicts }))
            }
            // The event's counts stay; the name goes.
            NoticeDetail::EventGone(mut gone) => {
                let before = gone.not_kept.len();
                gone.not_kept.retain(|p| p.candidate_id != candidate_id);
                (gone.not_kept.len() < before).then_some(Some(NoticeDetail::EventGone(gone)))
            }
        };
        match rewritten {
            None => {}
            Some(None) => {
                conn.prepare_cached("DELETE FROM sync_notices WHERE seq = ?1")?.execute([seq])?;
            }
            Some(Some(detail)) => {
                conn.prepare_cached("UPDATE sync_notices SET detail = ?2 WHERE seq = ?1")?
                    .execute(params![seq, serde_json::to_string(&detail)?])?;
            }
        }
    }
    Ok(())
}

pub(crate) fn add(conn: &Connection, notice: &Notice) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO sync_notices (seq, name, candidate_id, detail, at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        notice.seq,
        notice.name,
        notice.candidate_id.map(|id| id.to_string()),
        serde_json::to_string(&notice.detail)?,
        millis(notice.at)
    ])?;
    Ok(())
}

/// Notices not dismissed yet, newest first (an event's by its latest change); only one
/// candidate's when `candidate_id` is given.
pub(crate) fn open(conn: &Connection, candidate_id: Option<Uuid>) -> Result<Vec<Notice>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, name, candidate_id, detail, at FROM sync_notices
         WHERE dismissed = 0 AND (?1 IS NULL OR candidate_id = ?1) ORDER BY abs(seq) DESC",
    )?;
    let rows = stmt
        .query_map([candidate_id.map(|id| id.to_string())], |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, String>(3)?, r.get(4)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(seq, name, candidate, detail, at)| {
            Ok(Notice {
                seq,
                name,
                candidate_id: candidate.as_deref().map(uuid).transpose()?,
                detail: serde_json::from_str(&detail)?,
                at: time(at),
            })
        })
        .collect()
}

pub(crate) fn dismiss(conn: &Connection, seq: i64) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE sync_notices SET dismissed = 1 WHERE seq = ?1")?.execute([seq])?;
    Ok(())
}
