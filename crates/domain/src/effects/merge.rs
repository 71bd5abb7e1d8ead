//! Applying `candidate.merge`: the survivor takes the picked values and everything of the
//! merged candidates (the rules are in [`crate::merge`]); the merged are left as tombstones.

use uuid::Uuid;

use super::{Effects, Outcome, Records, edited};
use crate::DomainError;
use crate::activity::Engagement;
use crate::aggregate::{CandidateAggregate, HistoryDraft};
use crate::error::Thing;
use crate::history::{self, FieldChange, HistoryAction, HistoryDetail};
use crate::merge::{self, Unmerged};

impl<R: Records> Effects<'_, R> {
    pub(super) fn merge(
        &self,
        survivor_id: Uuid,
        merged_ids: &[Uuid],
        changes: &[FieldChange],
    ) -> Result<Outcome, R::Error> {
        merge::check(survivor_id, merged_ids)?;
        let r = self.records;
        let survivor = r.cand(survivor_id)?;
        let mut combined = r.aggregate(survivor)?;
        let before = combined.candidate.profile.clone();
        let (mut after, conflicts) = edited(survivor_id, &before, changes)?;
        // Each merged one is read before anything is written: one deleted (or merged) by a
        // teammate meanwhile refuses the whole merge, and nothing changes.
        let merged = merged_ids
            .iter()
            .map(|id| {
                let cand = r.cand(*id)?;
                Ok((cand, r.aggregate(cand)?))
            })
            .collect::<Result<Vec<_>, R::Error>>()?;
        for (_, other) in &merged {
            merge::absorb(&mut combined, other);
        }
        let everyones = merge::interests_of(&before, merged.iter().map(|(_, other)| &other.candidate.profile));
        // Whichever value the merge picked, every area any of them chose stays (validation
        // drops the repeats).
        after.interests.extend(everyones.iter().cloned());
        combined.candidate.profile = self.checked_profile(after, &everyones)?;
        combined.candidate.updated_at = self.now;
        r.put_aggregate(survivor, &combined)?;
        for (cand, _) in &merged {
            r.move_attached(*cand, survivor, None)?;
            r.remove_merged(*cand)?;
        }
        let names = merged.iter().map(|(_, a)| a.candidate.profile.full_name()).collect();
        let detail = HistoryDetail::Merged { candidates: merged_ids.to_vec(), names };
        self.merge_entry(survivor, detail, history::diff(&before, &combined.candidate.profile))?;
        Ok(Outcome { affected: 1 + merged.len() as u64, conflicts })
    }

    /// The undo of a merge: the survivor as they were, each merged candidate back with their
    /// own records (their history entry says whom they were merged with, and the survivor's
    /// whom they were apart from again).
    pub(super) fn unmerge(&self, survivor: &CandidateAggregate, merged: &[Unmerged]) -> Result<u64, R::Error> {
        let r = self.records;
        let kept = r.cand(survivor.id())?;
        self.unchanged_since_merge(kept, survivor, merged)?;
        let survivor_name = survivor.candidate.profile.full_name();
        for part in merged {
            let id = part.aggregate.id();
            if r.cand(id).is_ok() {
                let what = Thing::Candidate;
                return Err(
                    DomainError::AlreadyExists { field: "candidate_id".into(), what, id: id.to_string() }.into()
                );
            }
            let mut aggregate = part.aggregate.clone();
            let had = aggregate.candidate.profile.interests.clone();
            aggregate.candidate.profile = self.checked_profile(aggregate.candidate.profile, &had)?;
            aggregate.candidate.updated_at = self.now;
            let back = r.insert_candidate(&aggregate.candidate)?;
            r.put_aggregate(back, &aggregate)?;
            r.move_attached(kept, back, Some(&part.attached))?;
            self.entry(&[back], HistoryDetail::MergeUndone { names: vec![survivor_name.clone()] }, None)?;
        }
        let mut before = survivor.clone();
        // A review since the merge (opening the survivor, as anyone does next) is kept: one
        // later than every review the merge joined (the survivor took the latest of theirs),
        // to the millisecond, as the check above, or the server's finer clock would count a
        // merged candidate's own review as a later one.
        let reviewed = |a: &CandidateAggregate| a.engagement_times.get(&Engagement::RecruiterReviewed).copied();
        let joined = merged.iter().map(|m| &m.aggregate).chain([&before]).filter_map(reviewed).max();
        if let Some(at) = reviewed(&r.aggregate(kept)?)
            && Some(at.timestamp_millis()) > joined.map(|t| t.timestamp_millis())
        {
            before.record_engagement(Engagement::RecruiterReviewed, at);
        }
        let had = before.candidate.profile.interests.clone();
        before.candidate.profile = self.checked_profile(before.candidate.profile, &had)?;
        before.candidate.updated_at = self.now;
        // The values the merge picked go back, in the entry's changes like any edit's.
        let changed = history::diff(&r.candidate(kept)?.profile, &before.candidate.profile);
        r.put_aggregate(kept, &before)?;
        let names = merged.iter().map(|m| m.aggregate.candidate.profile.full_name()).collect();
        self.merge_entry(kept, HistoryDetail::MergeUndone { names }, changed)?;
        Ok(1 + merged.len() as u64)
    }

    /// Refuses an undo that would put back what changed since the merge without a history
    /// entry to say so: a workflow status renamed or removed (they would be off the board), a
    /// custom field deleted (its values would come back), or a later engagement such as an
    /// email sent (its time would go back). A review is no such change: opening the survivor
    /// is what anyone does after a merge, and the undo keeps its time.
    fn unchanged_since_merge(
        &self,
        kept: R::Cand,
        survivor: &CandidateAggregate,
        merged: &[Unmerged],
    ) -> Result<(), R::Error> {
        let r = self.records;
        let changed = || -> R::Error { DomainError::ChangedSince { what: Thing::Candidate }.into() };
        let mut as_merged = survivor.clone();
        for part in merged {
            merge::absorb(&mut as_merged, &part.aggregate);
        }
        // To the millisecond: a desktop keeps no finer times than that, and its undo is
        // checked on the server too.
        let millis = |a: &CandidateAggregate| {
            let times = a.engagement_times.iter().filter(|(e, _)| **e != Engagement::RecruiterReviewed);
            times.map(|(e, at)| (*e, at.timestamp_millis())).collect::<Vec<_>>()
        };
        if millis(&r.aggregate(kept)?) != millis(&as_merged) {
            return Err(changed());
        }
        let fields = r.custom_fields()?;
        let restored = || std::iter::once(survivor).chain(merged.iter().map(|m| &m.aggregate));
        for aggregate in restored() {
            if aggregate.candidate.profile.custom_fields.keys().any(|key| !fields.iter().any(|d| &d.key == key)) {
                return Err(changed());
            }
            for member in &aggregate.pipelines {
                if !r.pipeline(member.pipeline_id)?.statuses.contains(&member.status) {
                    return Err(changed());
                }
            }
        }
        Ok(())
    }

    /// The survivor's entry of a merge or of its undo, with the profile values it changed.
    fn merge_entry(&self, survivor: R::Cand, detail: HistoryDetail, changed: Vec<FieldChange>) -> Result<(), R::Error> {
        let summary = Some(detail.describe());
        let entry =
            HistoryDraft { detail: Some(detail), ..self.history(HistoryAction::Update, self.now, changed, summary) };
        self.records.record_history(&[survivor], &entry)
    }
}
