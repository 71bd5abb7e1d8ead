//! Editing a pipeline: its privacy, its workflow statuses (its name and archiving are plain
//! changes, in effects.rs). Whoever sees a pipeline may edit it, but only its owner or an admin
//! makes it private or shared (see `permission`). Members at a status that is renamed stay at
//! it under the new name (no move, no history entry); members at a status that is removed move
//! to another, each with a history entry.

use uuid::Uuid;

use super::audited::pipeline_viewer;
use super::{Effects, Records};
use crate::error::Thing;
use crate::history::HistoryDetail;
use crate::pipeline::Pipeline;
use crate::{DomainError, permission};

impl<R: Records> Effects<'_, R> {
    /// Applies `change` to the pipeline and stores it.
    pub(super) fn change_pipeline(
        &self,
        pipeline_id: Uuid,
        change: impl FnOnce(&mut Pipeline) -> Result<(), DomainError>,
    ) -> Result<u64, R::Error> {
        let mut p = self.visible_pipeline(pipeline_id)?;
        change(&mut p)?;
        self.records.put_pipeline(&p)?;
        Ok(1)
    }

    /// Private or shared: its owner or an admin only.
    pub(super) fn set_pipeline_privacy(&self, pipeline_id: Uuid, private: bool) -> Result<u64, R::Error> {
        let before = self.visible_pipeline(pipeline_id)?;
        if before.private == private {
            return Ok(0);
        }
        if !permission::may_set_pipeline_privacy(self.actor, before.owner_id) {
            return Err(DomainError::NotYours { what: Thing::Pipeline, id: pipeline_id.to_string() }.into());
        }
        self.records.put_pipeline(&Pipeline { private, ..before })?;
        // One look-up of all its members, whatever their status: on the server each is a scan
        // of the organisation's candidates, made while holding its lock.
        let members = self.records.pipeline_members(pipeline_id, None)?;
        self.records.rewrite_candidates(&members)?;
        Ok(1)
    }

    /// A status renamed moves nobody: its members stay where they are under the new name, with
    /// no entry in their histories (the pipeline's own record says its statuses; a pipeline of
    /// 10,000 would otherwise write 10,000 entries for a typo).
    pub(super) fn rename_status(&self, pipeline_id: Uuid, from: &str, to: &str) -> Result<u64, R::Error> {
        let mut p = self.visible_pipeline(pipeline_id)?;
        let (from, to) = p.rename_status(from, to)?;
        self.records.put_pipeline(&p)?;
        if from != to {
            let members = self.records.pipeline_members(pipeline_id, Some(&from))?;
            self.records.relabel_pipeline_members(pipeline_id, &members, &to)?;
        }
        Ok(1)
    }

    /// Removes a status; its members, if any, go to `move_to`, which must then be given. They
    /// do move (to another status), so each gets a history entry.
    pub(super) fn remove_status(
        &self,
        pipeline_id: Uuid,
        status: &str,
        move_to: Option<&str>,
    ) -> Result<u64, R::Error> {
        let mut p = self.visible_pipeline(pipeline_id)?;
        let removed = p.remove_status(status)?;
        let members = self.records.pipeline_members(pipeline_id, Some(&removed))?;
        match move_to {
            Some(to) => {
                let to = p.status(to)?;
                self.records.put_pipeline(&p)?;
                self.records.relabel_pipeline_members(p.id, &members, &to)?;
                let detail = HistoryDetail::PipelineMoved { pipeline: p.name.clone(), from: removed, to };
                self.entry(&members, detail, pipeline_viewer(&p))?;
            }
            None if members.is_empty() => self.records.put_pipeline(&p)?,
            None => {
                return Err(DomainError::StatusHasMembers { status: removed, count: members.len() as u64 }.into());
            }
        }
        Ok(1)
    }
}
