//! Privacy erasure: when a candidate is deleted, no personal data of theirs may remain in this
//! database's files or beside them. The rows go (attached records by cascade) and so does:
//! - their keyword-index entries, removed from the index's pages at once (FTS5 secure-delete)
//!   rather than left in old segments until a merge, and the index's vocabulary words that only
//!   they had;
//! - the saved snapshot of search's facts, which holds their name (written again without it);
//! - the server's copies kept for a rebase, and what sync notices say about them (see
//!   [`notices::forget_candidate`]);
//! - personal data in changes still waiting for the server (rewritten, see
//!   [`talentdesk_domain::erasure`]), also of someone a merge here took before the server
//!   erased them ([`erase_merged_away`]);
//! - their documents' bytes, once no other document has the same content (after commit, see
//!   [`Store::finish_erasure`]).
//!
//! Deleted rows leave no old bytes in the file's pages (`secure_delete` is on for every
//! connection), and the WAL, which holds the pages as they were, is emptied after the commit.

use std::collections::HashMap;

use rusqlite::Connection;
use talentdesk_domain::candidate::Profile;
use talentdesk_domain::erasure::{Erasure, Mentions};
use talentdesk_domain::mutation::Mutation;
use uuid::Uuid;

use crate::replica::base;
use crate::tables::{blob_orphans, candidates, documents, history, notes, notices, outbox, search_facts, search_terms};
use crate::{Store, StoreError, merge, tokens};

/// Erases the candidate inside the caller's transaction.
pub(crate) fn erase_candidate(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    let candidate_id = candidates::id_of(conn, cand)?;
    let documents = documents::of(conn, cand, candidate_id)?;
    let erasure = Erasure {
        candidate_id,
        notes: notes::of(conn, cand)?.into_iter().map(|n| n.id).collect(),
        documents: documents.iter().map(|d| d.id).collect(),
        others: others_in_merges(conn, candidate_id)?,
    };
    let mentions = mentions_of(conn, cand, candidate_id)?;
    base::forget_candidate(conn, cand)?;
    for document in &documents {
        blob_orphans::add(conn, &document.sha256)?;
    }
    remove_from_search(conn, cand)?;
    // Erased, they redirect nowhere: a merge of them undone before would still name a survivor.
    merge::forget(conn, candidate_id)?;
    outbox::redact(conn, &erasure)?;
    notices::forget_candidate(conn, candidate_id, &mentions)
}

/// A candidate the server removed (a pulled tombstone): erased here too, unless a merge on the
/// server took them. Then their data lives on in the survivor, where the pull put what was
/// attached to them, and the changes still waiting here about them are kept: they go to the
/// survivor when applied again. Returns the row removed, if they were here.
pub(crate) fn removed_on_server(conn: &Connection, candidate_id: Uuid) -> Result<Option<i64>, StoreError> {
    let merged = merge::merged_on_server(conn, candidate_id)?;
    match candidates::find(conn, candidate_id)? {
        Some(cand) if merged => remove_from_search(conn, cand).map(|()| Some(cand)),
        Some(cand) => erase_candidate(conn, cand).map(|()| Some(cand)),
        None if merged => Ok(None),
        None => erase_merged_away(conn, candidate_id).map(|()| None),
    }
}

/// A candidate erased on the server whom a merge made here took before it reached the server:
/// they are not here to erase, but the waiting merge carries the values picked from them, and
/// their redirect here would send later changes to a survivor they no longer belong to. The
/// merge goes on without them when it merges others too (see [`Erasure::redact`]).
fn erase_merged_away(conn: &Connection, candidate_id: Uuid) -> Result<(), StoreError> {
    if !merge::taken(conn, candidate_id)? {
        return Ok(());
    }
    merge::forget(conn, candidate_id)?;
    let erasure = Erasure { candidate_id, others: others_in_merges(conn, candidate_id)?, ..Erasure::default() };
    outbox::redact(conn, &erasure)?;
    notices::forget_candidate(conn, candidate_id, &Mentions::default())
}

/// The profiles here of the others named in waiting merges that name the candidate: whose
/// values a merge going on without the candidate may keep.
fn others_in_merges(conn: &Connection, candidate_id: Uuid) -> Result<HashMap<Uuid, Profile>, StoreError> {
    let seqs: Vec<i64> = conn
        .prepare_cached("SELECT seq FROM outbox WHERE name = 'candidate.merge' AND instr(args, ?1) > 0")?
        .query_map([candidate_id.to_string()], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut others = HashMap::new();
    for seq in seqs {
        let Some(Mutation::CandidateMerge { survivor_id, merged_ids, .. }) =
            outbox::find(conn, seq)?.map(|e| e.mutation)
        else {
            continue;
        };
        for other in std::iter::once(survivor_id).chain(merged_ids).filter(|id| *id != candidate_id) {
            if let Some(cand) = candidates::find(conn, other)? {
                others.insert(other, candidates::get(conn, cand)?.profile);
            }
        }
    }
    Ok(others)
}

/// Deletes the candidate's row (what is attached goes by cascade) and what search knows of
/// them: their keyword-index entries and the words only they had, and the saved facts, which
/// hold their name (written again without it).
pub(crate) fn remove_from_search(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    let terms = tokens::of_candidates(conn, &[cand])?.remove(&cand).unwrap_or_default();
    candidates::delete(conn, cand)?;
    search_terms::forget(conn, cand, &terms)?;
    search_facts::discard(conn)
}

/// How a notice's text may name them: their profile now and every value their history had.
fn mentions_of(conn: &Connection, cand: i64, candidate_id: uuid::Uuid) -> Result<Mentions, StoreError> {
    let mut mentions = Mentions::default();
    mentions.add_profile(&candidates::get(conn, cand)?.profile);
    mentions.add_history(&history::of(conn, cand, candidate_id)?);
    Ok(mentions)
}

impl Store {
    /// What erasure does outside the transaction once it has committed: deletes the bytes of
    /// documents no longer referred to, and empties the WAL. Safe to repeat.
    pub(crate) fn finish_erasure(&mut self) -> Result<(), StoreError> {
        let dir = self.blob_dir();
        for sha256 in blob_orphans::all(&self.conn)? {
            if !documents::has_content(&self.conn, &sha256)? {
                match std::fs::remove_file(dir.join(&sha256)) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    // Named by its hash: the folder's name carries the account's email, and
                    // this message goes to the log.
                    Err(e) => {
                        return Err(StoreError::ErasureUnfinished(format!(
                            "the stored document {sha256} could not be removed: {e}"
                        )));
                    }
                }
            }
            blob_orphans::remove(&self.conn, &sha256)?;
        }
        let busy: bool = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy {
            let why = "the database's write-ahead log could not be emptied while another reader had it open";
            return Err(StoreError::ErasureUnfinished(why.into()));
        }
        Ok(())
    }
}
