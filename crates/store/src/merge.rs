//! The local tables' side of `candidate.merge`: moving what is attached to a merged candidate
//! onto the survivor, and finding where a merged candidate went (their tombstone's redirect).
//! The rules of the merge are the domain's (`talentdesk_domain::merge`).

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::merge::Attached;
use uuid::Uuid;

use crate::tables::candidates;
use crate::{Store, StoreError};

/// Moves the notes, documents, messages and history of `from` to `to`, or (`only`) those
/// named. A message of a send that reached both stays as `to`'s. A merge's survivor takes the
/// merged one's resume text when it has none, so search finds them by the words of the resume
/// that moved (an undo leaves it: which text was whose is not kept).
pub(crate) fn move_attached(conn: &Connection, from: i64, to: i64, only: Option<&Attached>) -> Result<(), StoreError> {
    // Each statement moves what its key is among (a JSON list), or everything when none is given.
    let among = |ids: &dyn Fn(&Attached) -> Result<String, serde_json::Error>| only.map(ids).transpose();
    let moves = [
        ("UPDATE notes SET cand = ?2 WHERE cand = ?1", "id", among(&|a| serde_json::to_string(&a.notes))?),
        ("UPDATE documents SET cand = ?2 WHERE cand = ?1", "id", among(&|a| serde_json::to_string(&a.documents))?),
        ("UPDATE history SET cand = ?2 WHERE cand = ?1", "id", among(&|a| serde_json::to_string(&a.history))?),
        // Keyed by candidate: what `to` has already is left behind, and goes with `from`'s row.
        (
            "UPDATE OR IGNORE messages SET cand = ?2 WHERE cand = ?1",
            "send_id",
            among(&|a| serde_json::to_string(&a.sends))?,
        ),
        (
            "UPDATE OR IGNORE history_shared_cands SET cand = ?2 WHERE cand = ?1",
            "id",
            among(&|a| serde_json::to_string(&a.history))?,
        ),
    ];
    for (update, key, ids) in moves {
        let sql = format!("{update} AND (?3 IS NULL OR {key} IN (SELECT value FROM json_each(?3)))");
        conn.prepare_cached(&sql)?.execute(params![from, to, ids])?;
    }
    if only.is_none()
        && candidates::resume_text(conn, to)?.is_none()
        && let Some(text) = candidates::resume_text(conn, from)?
    {
        candidates::set_resume_text(conn, to, Some(&text))?;
    }
    Ok(())
}

/// The survivor of the newest merge that took `id`, if it has not been undone (the
/// `merged_into` table, kept by triggers on the history and candidates tables).
fn merged_into_once(conn: &Connection, id: Uuid) -> Result<Option<Uuid>, StoreError> {
    let survivor: Option<String> = conn
        .prepare_cached("SELECT survivor FROM merged_into WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?;
    survivor.map(|s| crate::codec::uuid(&s)).transpose()
}

/// Merges followed at most from a tombstone to the candidate who is here: each merge leaves a
/// survivor who is here, so a chain is as long as the survivor was merged again in turn.
const CHAIN_AT_MOST: usize = 16;

impl Store {
    /// Where a candidate who is no longer here went, when a merge took them: the survivor, or
    /// the survivor's survivor when that one was merged too. `None` for a candidate who is
    /// here, who was deleted or never existed, or whose survivor was deleted since.
    pub fn merged_into(&self, id: Uuid) -> Result<Option<Uuid>, StoreError> {
        let mut at = id;
        for _ in 0..=CHAIN_AT_MOST {
            if candidates::find(&self.conn, at)?.is_some() {
                return Ok((at != id).then_some(at));
            }
            match merged_into_once(&self.conn, at)? {
                Some(next) => at = next,
                None => return Ok(None),
            }
        }
        Ok(None)
    }
}
