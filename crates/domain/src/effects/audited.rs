//! The mutations that change what hangs off a candidate — tags, notes, pipelines, flags, the
//! first review — each with the history entry that says who did what. An entry is written
//! only for the candidates the mutation actually changed: tagging someone who already has the
//! tag is no news.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::{Effects, Flag, Records, checked_tags};
use crate::DomainError;
use crate::activity::Engagement;
use crate::aggregate::HistoryDraft;
use crate::history::HistoryDetail;

impl<R: Records> Effects<'_, R> {
    /// One entry in each of `cands`' histories, by the acting user, now. `visible_to` keeps an
    /// entry about something private (a private note or pipeline) to the one who may see it.
    pub(super) fn entry(
        &self,
        cands: &[R::Cand],
        detail: HistoryDetail,
        visible_to: Option<Uuid>,
    ) -> Result<(), R::Error> {
        if cands.is_empty() {
            return Ok(());
        }
        let entry = HistoryDraft {
            action: detail.action(),
            actor_email: self.actor.email.clone(),
            at: self.now,
            changes: Vec::new(),
            summary: Some(detail.describe()),
            detail: Some(detail),
            visible_to,
        };
        self.records.record_history(cands, &entry)
    }

    pub(super) fn add_tags(&self, tags: &[String], cands: &[R::Cand]) -> Result<u64, R::Error> {
        let mut changed = Vec::new();
        for name in checked_tags(tags)? {
            if self.records.tag_listed(&name)? != Some(true) {
                let reason = format!("\"{name}\" is not in the tags list; an admin can add it");
                return Err(DomainError::invalid("tags", reason).into());
            }
            let added = self.records.add_tag(&name, cands)?;
            changed.push((name, added));
        }
        self.tag_entries(cands, changed, |tags| HistoryDetail::Tagged { tags })
    }

    pub(super) fn remove_tags(&self, tags: &[String], cands: &[R::Cand]) -> Result<u64, R::Error> {
        let mut changed = Vec::new();
        for name in checked_tags(tags)? {
            self.records.tag_listed(&name)?.ok_or_else(|| DomainError::not_found("tag", &name))?;
            let removed = self.records.remove_tag(&name, cands)?;
            changed.push((name, removed));
        }
        self.tag_entries(cands, changed, |tags| HistoryDetail::Untagged { tags })
    }

    /// One entry per candidate naming the tags that changed for them; candidates with the same
    /// tags changed share one write. Returns how many tags went on or off in all.
    fn tag_entries(
        &self,
        cands: &[R::Cand],
        changed: Vec<(String, Vec<R::Cand>)>,
        detail: impl Fn(Vec<String>) -> HistoryDetail,
    ) -> Result<u64, R::Error> {
        let count = changed.iter().map(|(_, c)| c.len() as u64).sum();
        if let [(name, only)] = changed.as_slice() {
            // One tag (the common case, and the 100,000-candidate one): no grouping needed.
            self.entry(only, detail(vec![name.clone()]), None)?;
            return Ok(count);
        }
        let sets: Vec<(String, HashSet<R::Cand>)> =
            changed.into_iter().map(|(name, c)| (name, c.into_iter().collect())).collect();
        let mut groups: HashMap<Vec<String>, Vec<R::Cand>> = HashMap::new();
        let mut order = Vec::new();
        for cand in cands {
            let names: Vec<String> =
                sets.iter().filter(|(_, set)| set.contains(cand)).map(|(name, _)| name.clone()).collect();
            if names.is_empty() {
                continue;
            }
            let group = groups.entry(names.clone()).or_default();
            if group.is_empty() {
                order.push(names);
            }
            group.push(*cand);
        }
        for names in order {
            let group = groups.remove(&names).unwrap_or_default();
            self.entry(&group, detail(names), None)?;
        }
        Ok(count)
    }

    /// A note's entry: a private note's is seen only by those who see the note.
    pub(super) fn note_entry(&self, cand: R::Cand, detail: HistoryDetail) -> Result<(), R::Error> {
        let private = matches!(
            detail,
            HistoryDetail::NoteAdded { private: true }
                | HistoryDetail::NoteEdited { private: true }
                | HistoryDetail::NoteDeleted { private: true }
                | HistoryDetail::NotePrivacy { private: true }
        );
        self.entry(&[cand], detail, private.then_some(self.actor.id))
    }

    pub(super) fn add_to_pipeline(
        &self,
        pipeline_id: Uuid,
        status: Option<&str>,
        cands: &[R::Cand],
    ) -> Result<u64, R::Error> {
        let p = self.visible_pipeline(pipeline_id)?;
        if p.archived {
            return Err(DomainError::PipelineArchived { pipeline: p.name }.into());
        }
        let status = match status {
            Some(s) => p.status(s)?,
            None => p.initial_status().to_owned(),
        };
        let added = self.records.add_to_pipeline(p.id, cands, &status, p.reviewed_at(&status), self.now)?;
        let detail = HistoryDetail::AddedToPipeline { pipeline: p.name.clone(), status };
        self.entry(&added, detail, pipeline_viewer(&p))?;
        Ok(added.len() as u64)
    }

    pub(super) fn remove_from_pipeline(&self, pipeline_id: Uuid, cands: &[R::Cand]) -> Result<u64, R::Error> {
        let p = self.visible_pipeline(pipeline_id)?;
        let removed = self.records.remove_from_pipeline(p.id, cands)?;
        self.entry(&removed, HistoryDetail::RemovedFromPipeline { pipeline: p.name.clone() }, pipeline_viewer(&p))?;
        Ok(removed.len() as u64)
    }

    pub(super) fn move_in_pipeline(
        &self,
        pipeline_id: Uuid,
        candidate_id: Uuid,
        status: &str,
    ) -> Result<u64, R::Error> {
        let p = self.visible_pipeline(pipeline_id)?;
        let cand = self.records.cand(candidate_id)?;
        let to = p.status(status)?;
        let from = self.records.set_pipeline_status(p.id, cand, &to, self.now)?;
        if from != to {
            let detail = HistoryDetail::PipelineMoved { pipeline: p.name.clone(), from, to };
            self.entry(&[cand], detail, pipeline_viewer(&p))?;
        }
        Ok(1)
    }

    /// Switches a flag; the candidates whose flag it changed get an entry.
    pub(super) fn flag(&self, cands: &[R::Cand], flag: Flag, value: bool) -> Result<u64, R::Error> {
        let mut changed = Vec::new();
        for cand in cands {
            let c = self.records.candidate(*cand)?;
            let before = match flag {
                Flag::Eligible => c.eligible,
                Flag::Active => c.active,
                Flag::Subscribed => c.subscribed,
                Flag::TextsOptedOut => c.texts_opted_out,
            };
            self.records.set_flag(*cand, flag, value, self.now)?;
            if before != value {
                changed.push(*cand);
            }
        }
        let detail = match flag {
            Flag::Eligible => HistoryDetail::Eligible { eligible: value },
            Flag::Active => HistoryDetail::Active { active: value },
            Flag::Subscribed => HistoryDetail::Subscribed { subscribed: value },
            Flag::TextsOptedOut => HistoryDetail::TextsOptedOut { opted_out: value },
        };
        self.entry(&changed, detail, None)?;
        Ok(cands.len() as u64)
    }

    /// A recruiter opened the profile. Only the look that changes the activity status (the
    /// first, for an Unreviewed candidate) is history: every later open would bury the rest.
    pub(super) fn review(&self, candidate_id: Uuid) -> Result<u64, R::Error> {
        let cand = self.records.cand(candidate_id)?;
        let from = self.records.candidate(cand)?.activity;
        self.records.record_engagement(cand, Engagement::RecruiterReviewed, self.now)?;
        let to = self.records.candidate(cand)?.activity;
        if from != to {
            self.entry(&[cand], HistoryDetail::Reviewed { from, to }, None)?;
        }
        Ok(1)
    }
}

/// Who may see entries about the pipeline: its owner when it is private, else everyone.
pub(super) fn pipeline_viewer(p: &crate::pipeline::Pipeline) -> Option<Uuid> {
    if p.private { p.owner_id } else { None }
}
