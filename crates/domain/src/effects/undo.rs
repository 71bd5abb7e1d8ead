//! Applying an undo: its expectations are checked against the state now, then each restoring
//! mutation runs exactly as it would on its own (authorised, bulk-limited, validated).

use super::{Effects, Outcome, Records};
use crate::DomainError;
use crate::mutation::Mutation;
use crate::permission;
use crate::search::Selection;
use crate::undo::Expectation;

impl<R: Records> Effects<'_, R> {
    pub(super) fn undo(&self, expect: &[Expectation], mutations: &[Mutation]) -> Result<Outcome, R::Error> {
        if mutations.is_empty() {
            return Err(DomainError::invalid("mutations", "an undo must restore something").into());
        }
        for expectation in expect {
            self.still_holds(expectation)?;
        }
        let mut outcome = Outcome::default();
        for mutation in mutations {
            let done = self.restore(mutation, expect)?;
            outcome.affected += done.affected;
            outcome.conflicts.extend(done.conflicts);
        }
        Ok(outcome)
    }

    /// Refused as the restoring mutation would be when the actor may not see (or change) the
    /// pipeline or note it is about: held or changed would tell them a private pipeline's
    /// statuses or what a private note says.
    fn still_holds(&self, expectation: &Expectation) -> Result<(), R::Error> {
        let r = self.records;
        if let Some(id) = expectation.pipeline_id() {
            self.visible_pipeline(id)?;
        }
        let note = expectation.note_id().map(|id| self.own_note(id)).transpose()?;
        let candidates = expectation
            .candidate_ids()
            .into_iter()
            .map(|id| r.aggregate(r.cand(id)?))
            .collect::<Result<Vec<_>, _>>()?;
        let last_entry = match expectation.history_of() {
            Some(id) => r.last_history(r.cand(id)?)?,
            None => None,
        };
        Ok(expectation.check(&candidates, note.as_ref(), last_entry.as_ref())?)
    }

    fn restore(&self, mutation: &Mutation, expect: &[Expectation]) -> Result<Outcome, R::Error> {
        if matches!(mutation, Mutation::Undo { .. }) {
            return Err(DomainError::invalid("mutations", "an undo does not contain another undo").into());
        }
        permission::authorize(self.actor, mutation.capability())?;
        if let Mutation::CandidateUnmerge { survivor, merged } = mutation {
            // Only the undo of the merge it expects to be the survivor's latest change.
            let merged_ids = merged.iter().map(|m| m.aggregate.id()).collect();
            if !expect.contains(&Expectation::Merged { survivor_id: survivor.id(), merged_ids }) {
                return Err(unmerge_outside_undo().into());
            }
            return Ok(Outcome { affected: self.unmerge(survivor, merged)?, conflicts: Vec::new() });
        }
        let cands = match (mutation.selection(), mutation.bulk_action()) {
            (Some(Selection::Ids { ids }), Some(action)) => {
                action.check_ids(self.actor.role, ids)?;
                ids.iter().map(|id| self.records.cand(*id)).collect::<Result<Vec<_>, _>>()?
            }
            (Some(Selection::Search { .. }), _) => {
                return Err(DomainError::invalid("selection", "an undo names its candidates").into());
            }
            _ => Vec::new(),
        };
        self.apply(mutation, &cands)
    }
}

/// A `candidate.unmerge` writes whole profiles: it is only the undo of a merge, which says
/// which merge it expects to undo.
pub(super) fn unmerge_outside_undo() -> DomainError {
    DomainError::invalid("candidate.unmerge", "only the undo of a merge brings merged candidates back")
}
