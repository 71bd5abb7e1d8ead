//! A change made to a candidate whom a merge took before the change arrived (an offline
//! change to someone a teammate merged meanwhile) goes to the survivor: the candidate they were
//! merged into, through later merges too. Each storage says where a candidate who is no longer
//! there went (the desktop's `merged_into` table, the server's tombstone); these rules say which
//! ids of a change follow, and what the change becomes.
//!
//! A candidate deleted since (the survivor too) redirects nowhere: the change is refused as
//! "not found", as before. A merge undone before the change arrives brings the candidate back,
//! and the change is theirs again.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::DomainError;
use crate::Timestamp;
use crate::aggregate::HistoryDraft;
use crate::effects::{self, Outcome, Records};
use crate::history::HistoryDetail;
use crate::import::ImportWrite;
use crate::mutation::Mutation;
use crate::search::Selection;
use crate::user::User;

/// A candidate a change named, and the survivor it went to instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Redirect {
    pub from: Uuid,
    pub to: Uuid,
}

/// A change aimed at the survivors, and which of its candidates were followed there.
#[derive(Debug, Clone, PartialEq)]
pub struct Redirected {
    pub mutation: Mutation,
    pub redirects: Vec<Redirect>,
}

/// The existing candidates `mutation` names by id, which a merge may have taken since it was
/// made: the one it is about, those of a selection by ids, a merge's survivor and merged. Not
/// one it creates (a new id), nor those an undo names (it expects them as they were).
pub fn named(mutation: &Mutation) -> Cow<'_, [Uuid]> {
    if let Some(selection) = mutation.selection() {
        return match selection {
            Selection::Ids { ids } => Cow::Borrowed(ids),
            Selection::Search { .. } => Cow::Owned(Vec::new()),
        };
    }
    let mut ids = Vec::new();
    each_named(&mut mutation.clone(), |id| ids.push(*id));
    Cow::Owned(ids)
}

/// `mutation` with each candidate in `went` (a merged id and where it went) replaced by their
/// survivor. A selection naming both a merged candidate and their survivor names the survivor
/// once; a merge leaves out those already merged into its survivor, and is refused when that
/// leaves nobody to merge.
pub fn redirect(mutation: Mutation, went: &HashMap<Uuid, Uuid>) -> Result<Redirected, DomainError> {
    let mut redirects = Vec::new();
    let mut follow = |id: &mut Uuid| {
        if let Some(to) = went.get(id) {
            redirects.push(Redirect { from: *id, to: *to });
            *id = *to;
        }
    };
    let mut mutation = match mutation.selection() {
        // A deletion of someone merged away does not follow them: it would delete the survivor,
        // and with them everyone else merged there (a duplicate deleted as a clean-up while a
        // teammate merged it). The duplicate is gone already: the deletion leaves them out, and
        // one of nobody else stays as it was, to be refused as not found.
        Some(Selection::Ids { ids }) if matches!(mutation, Mutation::CandidateDelete { .. }) => {
            let kept: Vec<Uuid> = ids.iter().copied().filter(|id| !went.contains_key(id)).collect();
            if kept.is_empty() || kept.len() == ids.len() {
                mutation
            } else {
                mutation.with_selection(Selection::Ids { ids: kept })
            }
        }
        Some(Selection::Ids { ids }) if ids.iter().any(|id| went.contains_key(id)) => {
            let mut ids = ids.clone();
            ids.iter_mut().for_each(&mut follow);
            let mut seen = HashSet::with_capacity(ids.len());
            ids.retain(|id| seen.insert(*id));
            mutation.with_selection(Selection::Ids { ids })
        }
        _ => mutation,
    };
    each_named(&mut mutation, follow);
    if let Mutation::CandidateMerge { survivor_id, merged_ids, .. } = &mut mutation
        && !redirects.is_empty()
    {
        let mut seen = HashSet::from([*survivor_id]);
        merged_ids.retain(|id| seen.insert(*id));
        if merged_ids.is_empty() {
            let reason = "everyone it names was merged into this candidate already";
            return Err(DomainError::invalid("merged_ids", reason));
        }
    }
    Ok(Redirected { mutation, redirects })
}

/// Calls `f` on each id of an existing candidate the mutation names outside a selection.
fn each_named(mutation: &mut Mutation, mut f: impl FnMut(&mut Uuid)) {
    use Mutation as M;
    match mutation {
        M::CandidateUpdate { candidate_id, .. }
        | M::CandidateReview { candidate_id }
        | M::SetEligible { candidate_id, .. }
        | M::SetActive { candidate_id, .. }
        | M::SetTextsOptedOut { candidate_id, .. }
        | M::ApplyResume { candidate_id, .. }
        | M::CandidateOptOut { candidate_id }
        | M::RequestErasure { candidate_id }
        | M::DeclineErasure { candidate_id, .. }
        | M::CandidateImport { candidate_id, write: ImportWrite::Merge { .. }, .. }
        | M::NoteAdd { candidate_id, .. }
        | M::PipelineSetStatus { candidate_id, .. }
        | M::EventCheckIn { candidate_id, .. }
        | M::EventUndoCheckIn { candidate_id, .. }
        | M::EventRate { candidate_id, .. }
        | M::ApplicationSetStatus { candidate_id, .. }
        | M::ApplicationWithdraw { candidate_id, .. } => f(candidate_id),
        M::DocumentAttach { document } => f(&mut document.candidate_id),
        M::CandidateMerge { survivor_id, merged_ids, .. } => {
            f(survivor_id);
            merged_ids.iter_mut().for_each(f);
        }
        // Creations name a new id; an undo and an unmerge expect their candidates as they
        // were (a merge since is a change that refuses them); the rest name no candidate, or
        // (notes, documents) a record that moved with them.
        _ => {}
    }
}

/// Applies a redirected change, and when it changed anything, tells each survivor's history
/// that a change made to someone since merged into them was applied to them. The entry is the
/// author's to see (and the admins'): it is their change that went elsewhere than they aimed.
pub fn apply<R: Records>(
    records: &R,
    actor: &User,
    at: Timestamp,
    redirected: &Redirected,
    cands: &[R::Cand],
) -> Result<Outcome, R::Error> {
    let outcome = effects::apply(records, actor, at, &redirected.mutation, cands)?;
    // A look at a profile is no change to tell of; a merge's own entry names whom it took
    // (and must stay the survivor's latest for its undo).
    let quiet = matches!(redirected.mutation, Mutation::CandidateReview { .. } | Mutation::CandidateMerge { .. });
    if outcome.affected > 0 && !quiet && !redirected.redirects.is_empty() {
        let mut survivors: Vec<Uuid> = redirected.redirects.iter().map(|r| r.to).collect();
        survivors.sort_unstable();
        survivors.dedup();
        let cands = survivors.into_iter().map(|id| records.cand(id)).collect::<Result<Vec<_>, _>>()?;
        records.record_history(&cands, &entry(actor, at, &redirected.mutation))?;
    }
    Ok(outcome)
}

/// The survivor's entry of a change redirected to them.
fn entry(actor: &User, at: Timestamp, mutation: &Mutation) -> HistoryDraft {
    let detail = HistoryDetail::ChangeRedirected { mutation: mutation.name() };
    HistoryDraft {
        action: detail.action(),
        actor_email: actor.email.clone(),
        at,
        changes: Vec::new(),
        summary: Some(detail.describe()),
        detail: Some(detail),
        visible_to: Some(actor.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::FieldChange;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn a_change_to_a_merged_candidate_names_their_survivor() {
        let went = HashMap::from([(id(1), id(9))]);
        let update = Mutation::CandidateUpdate { candidate_id: id(1), changes: vec![] };
        let Redirected { mutation, redirects } = redirect(update, &went).unwrap();
        assert_eq!(mutation, Mutation::CandidateUpdate { candidate_id: id(9), changes: vec![] });
        assert_eq!(redirects, [Redirect { from: id(1), to: id(9) }]);
        let other = Mutation::CandidateReview { candidate_id: id(2) };
        assert_eq!(redirect(other.clone(), &went).unwrap(), Redirected { mutation: other, redirects: vec![] });
    }

    #[test]
    fn a_selection_naming_the_merged_and_their_survivor_names_the_survivor_once() {
        let went = HashMap::from([(id(1), id(9))]);
        let tag = |ids: Vec<Uuid>| Mutation::TagsAdd { selection: Selection::Ids { ids }, tags: vec!["python".into()] };
        assert_eq!(*named(&tag(vec![id(1), id(2)])), [id(1), id(2)]);
        let Redirected { mutation, redirects } = redirect(tag(vec![id(9), id(1), id(2)]), &went).unwrap();
        assert_eq!(mutation, tag(vec![id(9), id(2)]));
        assert_eq!(redirects.len(), 1);
    }

    #[test]
    fn a_deletion_leaves_out_whom_a_merge_took_and_never_reaches_their_survivor() {
        let went = HashMap::from([(id(1), id(9))]);
        let delete = |ids: Vec<Uuid>| Mutation::CandidateDelete { selection: Selection::Ids { ids } };
        let Redirected { mutation, redirects } = redirect(delete(vec![id(1), id(2)]), &went).unwrap();
        assert_eq!(mutation, delete(vec![id(2)]));
        assert!(redirects.is_empty());
        assert_eq!(redirect(delete(vec![id(1)]), &went).unwrap().mutation, delete(vec![id(1)]));
    }

    #[test]
    fn a_merge_follows_its_candidates_and_leaves_out_those_merged_into_its_survivor() {
        let went = HashMap::from([(id(1), id(9)), (id(2), id(9))]);
        let merge = |survivor_id, merged_ids| Mutation::CandidateMerge {
            survivor_id,
            merged_ids,
            changes: Vec::<FieldChange>::new(),
        };
        // Y merged into X, X since merged into S: Y goes into S.
        let into_moved = redirect(merge(id(1), vec![id(3)]), &went).unwrap();
        assert_eq!(into_moved.mutation, merge(id(9), vec![id(3)]));
        let both_taken = redirect(merge(id(3), vec![id(1), id(9)]), &went).unwrap();
        assert_eq!(both_taken.mutation, merge(id(3), vec![id(9)]));
        let done = redirect(merge(id(9), vec![id(1), id(2)]), &went);
        assert!(matches!(done, Err(DomainError::Invalid { ref field, .. }) if field == "merged_ids"), "{done:?}");
    }

    #[test]
    fn creations_and_undos_keep_their_ids() {
        let went = HashMap::from([(id(1), id(9))]);
        let create = Mutation::CandidateCreate {
            candidate_id: id(1),
            profile: Default::default(),
            profile_type: crate::candidate::ProfileType::RecruiterGenerated,
        };
        assert!(named(&create).is_empty());
        let undo = Mutation::Undo {
            expect: vec![],
            mutations: vec![Mutation::SetEligible { candidate_id: id(1), eligible: true }],
        };
        assert!(named(&undo).is_empty());
        assert_eq!(redirect(undo.clone(), &went).unwrap().mutation, undo);
    }
}
