//! Applying `candidate.merge`: the survivor takes the picked values and everything of the
//! merged candidates (the rules are in [`crate::merge`]); the merged are left as tombstones.

use uuid::Uuid;

use super::{Effects, Outcome, Records, edited};
use crate::aggregate::HistoryDraft;
use crate::history::{self, FieldChange, HistoryAction, HistoryDetail};
use crate::merge;

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
        let (after, conflicts) = edited(survivor_id, &before, changes)?;
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
        combined.candidate.profile = self.checked_profile(after)?;
        combined.candidate.updated_at = self.now;
        r.put_aggregate(survivor, &combined)?;
        for (cand, _) in &merged {
            r.move_attached(*cand, survivor)?;
            r.remove_merged(*cand)?;
        }
        let names = merged.iter().map(|(_, a)| a.candidate.profile.full_name()).collect();
        let detail = HistoryDetail::Merged { candidates: merged_ids.to_vec(), names };
        let changed = history::diff(&before, &combined.candidate.profile);
        let summary = Some(detail.describe());
        let entry =
            HistoryDraft { detail: Some(detail), ..self.history(HistoryAction::Update, self.now, changed, summary) };
        r.record_history(&[survivor], &entry)?;
        Ok(Outcome { affected: 1 + merged.len() as u64, conflicts })
    }
}
