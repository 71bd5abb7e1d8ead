//! The local tables' side of `candidate.merge`: moving what is attached to a merged candidate
//! onto the survivor, finding where a merged candidate went (their tombstone's redirect), and
//! aiming a change made to them at that survivor.
//! The rules of the merge are the domain's (`talentdesk_domain::merge`).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::merge::Attached;
use talentdesk_domain::merge::redirect::{self, Redirected};
use talentdesk_domain::mutation::Mutation;
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

/// Where a candidate who is no longer here went (see [`Store::merged_into`]).
pub(crate) fn survivor_of(conn: &Connection, id: Uuid) -> Result<Option<Uuid>, StoreError> {
    if candidates::find(conn, id)?.is_some() {
        return Ok(None);
    }
    went(conn, id)
}

/// The survivor here of the newest merge that took `id`, through later merges, whether or not
/// `id` is still here (a pulled merge's entry comes before the removal of those it took).
fn went(conn: &Connection, id: Uuid) -> Result<Option<Uuid>, StoreError> {
    let mut at = id;
    for _ in 0..=CHAIN_AT_MOST {
        match merged_into_once(conn, at)? {
            Some(next) => at = next,
            None => return Ok(None),
        }
        if candidates::find(conn, at)?.is_some() {
            return Ok(Some(at));
        }
    }
    Ok(None)
}

/// Whether a merge on the server took the candidate: the server's entry of it (not one made
/// here and waiting) is on their survivor here, and no undo of a merge came after it there. A
/// pulled removal of theirs is then that merge's, not an erasure. (An undo's entry does not
/// say whom it parted, so any later one counts: the removal is then erased, which is safe.)
pub(crate) fn merged_on_server(conn: &Connection, id: Uuid) -> Result<bool, StoreError> {
    let Some(survivor) = went(conn, id)? else {
        return Ok(false);
    };
    let cand = candidates::cand_of(conn, survivor)?;
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM history h, json_each(h.detail, '$.candidates') j
             WHERE h.cand = ?1 AND h.id > 0 AND h.detail LIKE '%\"kind\":\"merged\"%' AND j.value = ?2
               AND NOT EXISTS (SELECT 1 FROM history u WHERE u.cand = ?1 AND u.id > h.id
                               AND u.detail LIKE '%\"kind\":\"merge_undone\"%')",
        )?
        .exists(params![cand, id.to_string()])?)
}

/// `mutation` aimed at the survivors of the candidates it names whom a merge took (see
/// [`talentdesk_domain::merge::redirect`]), or `None` when it names none: one lookup of the
/// names in `merged_into`, then the chain of each one found.
pub(crate) fn redirect(conn: &Connection, mutation: &Mutation) -> Result<Option<Redirected>, StoreError> {
    let any_merged: bool =
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM merged_into)")?.query_row([], |r| r.get(0))?;
    let named = redirect::named(mutation);
    if !any_merged || named.is_empty() {
        return Ok(None);
    }
    let taken: Vec<String> = conn
        .prepare_cached("SELECT m.id FROM json_each(?1) j JOIN merged_into m ON m.id = j.value")?
        .query_map([serde_json::to_string(&*named)?], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut went = HashMap::new();
    for id in taken {
        let id = crate::codec::uuid(&id)?;
        if let Some(survivor) = survivor_of(conn, id)? {
            went.insert(id, survivor);
        }
    }
    if went.is_empty() {
        return Ok(None);
    }
    Ok(Some(redirect::redirect(mutation.clone(), &went)?))
}

/// Forgets where a merge here took the candidate: they were erased on the server before this
/// computer's merge of them reached it, and redirect nowhere.
pub(crate) fn forget(conn: &Connection, id: Uuid) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM merged_into WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}

/// Whether a merge here took the candidate (and no undo brought them back).
pub(crate) fn taken(conn: &Connection, id: Uuid) -> Result<bool, StoreError> {
    Ok(merged_into_once(conn, id)?.is_some())
}

impl Store {
    /// Where a candidate who is no longer here went, when a merge took them: the survivor, or
    /// the survivor's survivor when that one was merged too. `None` for a candidate who is
    /// here, who was deleted or never existed, or whose survivor was deleted since.
    pub fn merged_into(&self, id: Uuid) -> Result<Option<Uuid>, StoreError> {
        survivor_of(&self.conn, id)
    }
}
