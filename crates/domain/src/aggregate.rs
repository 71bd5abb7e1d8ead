//! A candidate with everything that hangs off them and changes with them: engagement times,
//! tags, pipeline and event memberships, job applications. It is the unit the server stores and
//! versions, and the unit a pull delivers; notes, messages, documents and history travel as
//! their own records.
//!
//! The methods are the membership rules (who may be rated, which status a new member gets),
//! so the server and a client applying a pull agree on them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::activity::{self, Engagement};
pub use crate::attendance::EventMember;
use crate::candidate::Candidate;
use crate::document::Document;
use crate::effects::Flag;
use crate::erasure_request::ErasureRequest;
use crate::history::{FieldChange, HistoryAction, HistoryDetail, HistoryEntry};
use crate::job::{self, Application};
use crate::message::Message;
use crate::note::Note;
use crate::{DomainError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipelineMember {
    pub pipeline_id: Uuid,
    pub status: String,
    /// Set once someone moved the candidate on from the status they were added at.
    pub reviewed: bool,
    pub added_at: Timestamp,
    pub status_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateAggregate {
    pub candidate: Candidate,
    /// The latest time each engagement happened.
    pub engagement_times: BTreeMap<Engagement, Timestamp>,
    pub tags: BTreeSet<String>,
    pub pipelines: Vec<PipelineMember>,
    pub events: Vec<EventMember>,
    pub applications: Vec<Application>,
    /// Their request to be forgotten, open or declined (see [`crate::erasure_request`]). Left
    /// out of the JSON when there is none, so records from before it read and hash as they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erasure_request: Option<ErasureRequest>,
}

impl CandidateAggregate {
    /// A new candidate with nothing attached yet.
    pub fn new(candidate: Candidate) -> Self {
        Self {
            candidate,
            engagement_times: BTreeMap::new(),
            tags: BTreeSet::new(),
            pipelines: Vec::new(),
            events: Vec::new(),
            applications: Vec::new(),
            erasure_request: None,
        }
    }

    pub fn id(&self) -> Uuid {
        self.candidate.id
    }

    /// Records the engagement (keeping its latest time) and derives the activity status again.
    pub fn record_engagement(&mut self, engagement: Engagement, at: Timestamp) {
        let time = self.engagement_times.entry(engagement).or_insert(at);
        *time = (*time).max(at);
        self.candidate.engagements = self.candidate.engagements.with(engagement);
        self.refresh_activity();
    }

    pub fn set_flag(&mut self, flag: Flag, value: bool, at: Timestamp) {
        let c = &mut self.candidate;
        match flag {
            Flag::Eligible => c.eligible = value,
            Flag::Active => c.active = value,
            Flag::Subscribed => c.subscribed = value,
            Flag::TextsOptedOut => c.texts_opted_out = value,
        }
        c.updated_at = at;
    }

    /// Returns whether the tag was added (false when the candidate already had it).
    pub fn add_tag(&mut self, name: &str) -> bool {
        self.tags.insert(name.to_owned())
    }

    pub fn remove_tag(&mut self, name: &str) -> bool {
        self.tags.remove(name)
    }

    /// Adds the candidate to the pipeline at `status` (reviewed or not, see
    /// [`crate::pipeline::Pipeline::reviewed_at`]); a member keeps their status.
    pub fn join_pipeline(&mut self, pipeline_id: Uuid, status: &str, reviewed: bool, at: Timestamp) -> bool {
        if self.pipelines.iter().any(|m| m.pipeline_id == pipeline_id) {
            return false;
        }
        self.pipelines.push(PipelineMember {
            pipeline_id,
            status: status.to_owned(),
            reviewed,
            added_at: at,
            status_at: at,
        });
        true
    }

    pub fn leave_pipeline(&mut self, pipeline_id: Uuid) -> bool {
        let before = self.pipelines.len();
        self.pipelines.retain(|m| m.pipeline_id != pipeline_id);
        self.pipelines.len() != before
    }

    /// Moves a member to `status`, which marks them reviewed in this pipeline; returns the
    /// status they had.
    pub fn set_pipeline_status(
        &mut self,
        pipeline_id: Uuid,
        status: &str,
        at: Timestamp,
    ) -> Result<String, DomainError> {
        let member = self
            .pipelines
            .iter_mut()
            .find(|m| m.pipeline_id == pipeline_id)
            .ok_or(DomainError::NotAmong { what: crate::error::Thing::Pipeline })?;
        let before = std::mem::replace(&mut member.status, status.to_owned());
        member.reviewed = true;
        member.status_at = at;
        Ok(before)
    }

    /// Puts the member at `status` as it is, without moving them: their status was renamed or
    /// folded into another. Returns whether they are a member (their record is written again).
    pub fn relabel_pipeline_status(&mut self, pipeline_id: Uuid, status: &str) -> bool {
        let member = self.pipelines.iter_mut().find(|m| m.pipeline_id == pipeline_id);
        member.map(|m| m.status = status.to_owned()).is_some()
    }

    /// The candidate's membership of the event, if they are on its list.
    pub fn event_member(&self, event_id: Uuid) -> Option<&EventMember> {
        self.events.iter().find(|m| m.event_id == event_id)
    }

    /// Puts the membership in place of the one for the same event (or adds it).
    pub fn put_event_member(&mut self, member: &EventMember) {
        match self.events.iter_mut().find(|m| m.event_id == member.event_id) {
            Some(m) => *m = member.clone(),
            None => self.events.push(member.clone()),
        }
    }

    pub fn leave_event(&mut self, event_id: Uuid) -> bool {
        let before = self.events.len();
        self.events.retain(|m| m.event_id != event_id);
        self.events.len() != before
    }

    /// Submits the candidate to the job; an existing application is kept as it is.
    pub fn apply_to_job(&mut self, job_id: Uuid, at: Timestamp) -> bool {
        if self.applications.iter().any(|a| a.job_id == job_id) {
            return false;
        }
        self.applications.push(Application {
            job_id,
            candidate_id: self.candidate.id,
            bin: job::ATS_BINS[0].to_owned(),
            hiring_status: job::HIRING_STATUSES[0].to_owned(),
            status_at: at,
            withdrawn: false,
        });
        self.refresh_activity();
        true
    }

    /// Returns the application's (bin, hiring status) before.
    pub fn set_application_status(
        &mut self,
        job_id: Uuid,
        bin: &str,
        status: &str,
        at: Timestamp,
    ) -> Result<(String, String), DomainError> {
        let application = self.application(job_id)?;
        let bin = std::mem::replace(&mut application.bin, bin.to_owned());
        let status = std::mem::replace(&mut application.hiring_status, status.to_owned());
        application.status_at = at;
        Ok((bin, status))
    }

    pub fn withdraw(&mut self, job_id: Uuid, at: Timestamp) -> Result<(), DomainError> {
        let application = self.application(job_id)?;
        application.withdrawn = true;
        application.hiring_status = job::WITHDRAWN_STATUS.to_owned();
        application.status_at = at;
        self.refresh_activity();
        Ok(())
    }

    fn application(&mut self, job_id: Uuid) -> Result<&mut Application, DomainError> {
        self.applications
            .iter_mut()
            .find(|a| a.job_id == job_id)
            .ok_or(DomainError::NotAmong { what: crate::error::Thing::Job })
    }

    fn refresh_activity(&mut self) {
        let withdrew = job::withdrew(&self.applications);
        self.candidate.activity = activity::activity_status(self.candidate.engagements, withdrew);
    }
}

/// A history entry before storage numbers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryDraft {
    pub action: HistoryAction,
    pub actor_email: String,
    pub at: Timestamp,
    pub changes: Vec<FieldChange>,
    /// What happened, in words, for entries that are not profile edits.
    pub summary: Option<String>,
    pub detail: Option<HistoryDetail>,
    /// The one user (besides the admins) who may see the entry, when it is about something
    /// private to them (a private note, a private pipeline); `None`: all who see the candidate.
    pub visible_to: Option<Uuid>,
}

impl HistoryDraft {
    /// The entry as storage numbered it.
    pub fn entry(&self, id: i64, candidate_id: Uuid) -> HistoryEntry {
        HistoryEntry {
            id,
            candidate_id,
            action: self.action,
            actor_email: self.actor_email.clone(),
            at: self.at,
            changes: self.changes.clone(),
            summary: self.summary.clone(),
            detail: self.detail.clone(),
        }
    }
}

/// A candidate with everything that belongs to them, as the bulk paths carry it (demo data,
/// imports): the aggregate's parts plus notes, messages, documents, history and resume text.
#[derive(Debug, Clone)]
pub struct FullCandidate {
    pub candidate: Candidate,
    pub resume_text: Option<String>,
    pub tags: Vec<String>,
    pub engagements: Vec<(Engagement, Timestamp)>,
    pub notes: Vec<Note>,
    pub messages: Vec<Message>,
    pub applications: Vec<Application>,
    pub pipelines: Vec<PipelineMember>,
    pub events: Vec<EventMember>,
    pub documents: Vec<Document>,
    pub history: Vec<HistoryDraft>,
}

impl FullCandidate {
    pub fn new(candidate: Candidate) -> Self {
        Self {
            candidate,
            resume_text: None,
            tags: Vec::new(),
            engagements: Vec::new(),
            notes: Vec::new(),
            messages: Vec::new(),
            applications: Vec::new(),
            pipelines: Vec::new(),
            events: Vec::new(),
            documents: Vec::new(),
            history: Vec::new(),
        }
    }

    /// The part that is stored and synced as one record.
    pub fn aggregate(&self) -> CandidateAggregate {
        CandidateAggregate {
            candidate: self.candidate.clone(),
            engagement_times: self.engagements.iter().copied().collect(),
            tags: self.tags.iter().cloned().collect(),
            pipelines: self.pipelines.clone(),
            events: self.events.clone(),
            applications: self.applications.clone(),
            // The bulk paths (demo data, imports) make candidates, who have asked nothing yet.
            erasure_request: None,
        }
    }
}
