//! Editing a pipeline: its name and privacy, its workflow statuses, archiving. Whoever sees a
//! pipeline may edit it (see `permission`); members at a status that is renamed or removed
//! move with it, each with a history entry.

use uuid::Uuid;

use super::audited::pipeline_viewer;
use super::{Effects, Records};
use crate::error::Thing;
use crate::history::HistoryDetail;
use crate::pipeline::{self, Pipeline};
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

    pub(super) fn edit_pipeline(&self, pipeline_id: Uuid, name: &str, private: bool) -> Result<u64, R::Error> {
        let before = self.visible_pipeline(pipeline_id)?;
        let name = pipeline::checked_name(name)?;
        if before.private != private && !permission::may_set_pipeline_privacy(self.actor, before.owner_id) {
            return Err(DomainError::NotYours { what: Thing::Pipeline, id: pipeline_id.to_string() }.into());
        }
        self.records.put_pipeline(&Pipeline { name, private, ..before.clone() })?;
        if before.private != private {
            // Teammates who could not see its members (or now may not) get their records again.
            for status in &before.statuses {
                let members = self.records.pipeline_members(pipeline_id, Some(status))?;
                self.records.relabel_pipeline_members(pipeline_id, &members, status)?;
            }
        }
        Ok(1)
    }

    pub(super) fn rename_status(&self, pipeline_id: Uuid, from: &str, to: &str) -> Result<u64, R::Error> {
        let mut p = self.visible_pipeline(pipeline_id)?;
        let (from, to) = p.rename_status(from, to)?;
        self.records.put_pipeline(&p)?;
        let members = self.records.pipeline_members(pipeline_id, Some(&from))?;
        self.fold_status(&p, &members, &from, &to)?;
        Ok(1)
    }

    /// Removes a status; its members, if any, go to `move_to`, which must then be given.
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
                self.fold_status(&p, &members, &removed, &to)?;
            }
            None if members.is_empty() => self.records.put_pipeline(&p)?,
            None => {
                return Err(DomainError::StatusHasMembers { status: removed, count: members.len() as u64 }.into());
            }
        }
        Ok(1)
    }

    /// Puts `members` (those at `from`) at `to`, with an entry in each one's history.
    fn fold_status(&self, p: &Pipeline, members: &[R::Cand], from: &str, to: &str) -> Result<(), R::Error> {
        if from == to {
            return Ok(());
        }
        self.records.relabel_pipeline_members(p.id, members, to)?;
        let detail = HistoryDetail::PipelineMoved { pipeline: p.name.clone(), from: from.into(), to: to.into() };
        self.entry(members, detail, pipeline_viewer(p))
    }
}
