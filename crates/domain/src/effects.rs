//! What each mutation does, written once for the desktop's SQLite store and the server's
//! PostgreSQL: validation, the records it changes, engagements and the activity status that
//! follows, history, the hired actions, and conflict detection for profile edits.
//!
//! The storage side implements [`Records`]: small, storage-shaped reads and writes with no
//! rules of their own. [`apply`] holds the rules and calls them. Permissions and the bulk limit
//! are checked by the caller before, because resolving "all from this search" is storage work.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

mod audited;
mod events;
mod jobs;
mod merge;
mod pipelines;
mod requests;
mod signup;
mod undo;

use crate::activity::{self, Engagement, EngagementSet};
use crate::aggregate::{CandidateAggregate, EventMember, HistoryDraft};
use crate::candidate::{Candidate, FieldValue, Profile, ProfileType};
use crate::document::{self, Document, DocumentKind};
use crate::error::{NamedCandidate, Thing};
use crate::event::Event;
use crate::history::{self, FieldChange, HistoryAction, HistoryDetail};
use crate::import::{self, ImportSource, ImportWrite};
use crate::import_mapping::SavedMapping;
use crate::job::{Application, Job};
use crate::merge::Attached;
use crate::message::{Channel, MergeValues, Message, MessageKind, merge};
use crate::mutation::Mutation;
use crate::note::Note;
use crate::permission;
use crate::pipeline::{self, Pipeline};
use crate::record::RecordKind;
use crate::saved_search::{self, SavedSearch};
use crate::settings::{self, ColumnConfig, CustomFieldDef, HiredActions};
use crate::template::Template;
use crate::user::User;
use crate::validation::{self, limits};
use crate::{DomainError, Timestamp};

/// A yes/no state of a candidate that actions switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Eligible,
    Active,
    Subscribed,
    /// Opted out of text messages (answered STOP).
    TextsOptedOut,
}

/// A profile field that was changed by someone else after this edit read it. The edit still
/// wins (server order); the value it overwrote is kept so its author can put it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conflict {
    pub candidate_id: Uuid,
    /// The value the edit started from.
    pub expected: FieldValue,
    /// The value that was there instead, and is now overwritten.
    pub overwritten: FieldValue,
    /// The value the edit wrote.
    pub written: FieldValue,
}

/// What applying a mutation did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// How many candidates (or records) actually changed.
    pub affected: u64,
    pub conflicts: Vec<Conflict>,
}

impl From<u64> for Outcome {
    fn from(affected: u64) -> Self {
        Self { affected, conflicts: Vec::new() }
    }
}

/// The reads and writes a mutation needs, implemented by each storage. Lookups of a missing
/// record return [`DomainError::NotFound`]; writes trust that [`apply`] checked the rules.
pub trait Records {
    /// The storage's handle on a candidate (a row number, a key).
    type Cand: Copy + Eq + std::hash::Hash;
    type Error: From<DomainError>;

    fn cand(&self, id: Uuid) -> Result<Self::Cand, Self::Error>;
    /// Whether a record of the kind has this id, live or deleted as far as the storage knows:
    /// a create must never take the id of a record that exists or existed.
    fn record_exists(&self, kind: RecordKind, id: &str) -> Result<bool, Self::Error>;
    fn candidate(&self, cand: Self::Cand) -> Result<Candidate, Self::Error>;
    /// The candidate with their tags and memberships (what an undo reads and checks).
    fn aggregate(&self, cand: Self::Cand) -> Result<CandidateAggregate, Self::Error>;
    /// Stores a new candidate; the engagements in it are recorded separately.
    fn insert_candidate(&self, candidate: &Candidate) -> Result<Self::Cand, Self::Error>;
    fn write_profile(&self, cand: Self::Cand, profile: &Profile, at: Timestamp) -> Result<(), Self::Error>;
    fn set_flag(&self, cand: Self::Cand, flag: Flag, value: bool, at: Timestamp) -> Result<(), Self::Error>;
    /// Erases the candidate and everything attached to it.
    fn delete_candidate(&self, cand: Self::Cand) -> Result<(), Self::Error>;
    /// Writes the candidate and everything the aggregate holds (profile, flags, engagement
    /// times, tags, memberships, applications) over what is stored: a merge's survivor.
    fn put_aggregate(&self, cand: Self::Cand, aggregate: &CandidateAggregate) -> Result<(), Self::Error>;
    /// Moves the notes, documents, messages and history entries of `from` to `to` (a merge's
    /// survivor), or (`only`) those named (a merge undone). A message of a send that reached
    /// both stays only as `to`'s.
    fn move_attached(&self, from: Self::Cand, to: Self::Cand, only: Option<&Attached>) -> Result<(), Self::Error>;
    /// What is attached to the candidate: their notes, documents, sends and history entries.
    fn attached(&self, cand: Self::Cand) -> Result<Attached, Self::Error>;
    /// The detail of the candidate's latest history entry, if it has one.
    fn last_history(&self, cand: Self::Cand) -> Result<Option<HistoryDetail>, Self::Error>;
    /// Removes the candidate's own record once what was attached moved away: a merged
    /// candidate's tombstone, which the survivor's history entry of the merge redirects.
    /// Unlike [`Records::delete_candidate`] it erases nothing: the data lives on in the survivor.
    fn remove_merged(&self, cand: Self::Cand) -> Result<(), Self::Error>;
    /// Records the engagement's latest time and refreshes the derived activity status.
    fn record_engagement(&self, cand: Self::Cand, engagement: Engagement, at: Timestamp) -> Result<(), Self::Error>;
    /// Records the same entry in each candidate's history (a bulk action's, in one go).
    fn record_history(&self, cands: &[Self::Cand], entry: &HistoryDraft) -> Result<(), Self::Error>;

    /// Whether the tag is on the organisation's tags list; `None` when the tag is unknown.
    fn tag_listed(&self, name: &str) -> Result<Option<bool>, Self::Error>;
    /// Puts the tag on the tags list, creating it when needed.
    fn define_tag(&self, name: &str) -> Result<(), Self::Error>;
    /// Removes a known tag from the list and from every candidate; returns those who had it.
    fn delete_tag(&self, name: &str) -> Result<Vec<Self::Cand>, Self::Error>;
    /// Tags the candidates that lack the tag; returns those that did.
    fn add_tag(&self, name: &str, cands: &[Self::Cand]) -> Result<Vec<Self::Cand>, Self::Error>;
    /// Takes the tag off the candidates; returns those that had it.
    fn remove_tag(&self, name: &str, cands: &[Self::Cand]) -> Result<Vec<Self::Cand>, Self::Error>;

    fn note(&self, id: Uuid) -> Result<Note, Self::Error>;
    fn insert_note(&self, note: &Note, cand: Self::Cand) -> Result<(), Self::Error>;
    fn update_note(&self, id: Uuid, body: &str, private: bool, at: Timestamp) -> Result<(), Self::Error>;
    fn delete_note(&self, id: Uuid) -> Result<(), Self::Error>;

    fn pipeline(&self, id: Uuid) -> Result<Pipeline, Self::Error>;
    /// Stores the pipeline, new or changed (its members stay).
    fn put_pipeline(&self, pipeline: &Pipeline) -> Result<(), Self::Error>;
    /// The pipeline's members at `status`, or all of them.
    fn pipeline_members(&self, pipeline: Uuid, status: Option<&str>) -> Result<Vec<Self::Cand>, Self::Error>;
    /// Puts members of the pipeline at status `to`, keeping when they got where they were and
    /// whether they were reviewed: the board's "since" stays, whether or not the caller counts
    /// it a move (a rename is none; a removal's members moved to another status are).
    fn relabel_pipeline_members(&self, pipeline: Uuid, cands: &[Self::Cand], to: &str) -> Result<(), Self::Error>;
    /// Writes the candidates' records again, unchanged: who may see part of them changed (a
    /// pipeline made private or shared), so teammates get them again or lose that part.
    fn rewrite_candidates(&self, cands: &[Self::Cand]) -> Result<(), Self::Error>;
    /// Adds the candidates not yet in the pipeline at `status`; returns those.
    fn add_to_pipeline(
        &self,
        pipeline: Uuid,
        cands: &[Self::Cand],
        status: &str,
        reviewed: bool,
        at: Timestamp,
    ) -> Result<Vec<Self::Cand>, Self::Error>;
    /// Returns the candidates that were in the pipeline.
    fn remove_from_pipeline(&self, pipeline: Uuid, cands: &[Self::Cand]) -> Result<Vec<Self::Cand>, Self::Error>;
    /// Moves a member to `status`; returns the status they had.
    fn set_pipeline_status(
        &self,
        pipeline: Uuid,
        cand: Self::Cand,
        status: &str,
        at: Timestamp,
    ) -> Result<String, Self::Error>;

    fn event(&self, id: Uuid) -> Result<Event, Self::Error>;
    /// Stores the event, new or changed (its members stay).
    fn put_event(&self, event: &Event) -> Result<(), Self::Error>;
    /// The candidate's membership of the event, if they are on its list.
    fn event_member(&self, event: Uuid, cand: Self::Cand) -> Result<Option<EventMember>, Self::Error>;
    /// Stores the membership, new or changed.
    fn put_event_member(&self, cand: Self::Cand, member: &EventMember) -> Result<(), Self::Error>;
    fn remove_event_member(&self, event: Uuid, cand: Self::Cand) -> Result<(), Self::Error>;

    fn job(&self, id: Uuid) -> Result<Job, Self::Error>;
    /// Stores the job, new or changed (its applications stay).
    fn put_job(&self, job: &Job) -> Result<(), Self::Error>;
    /// The candidate's applications, withdrawn ones too.
    fn applications(&self, cand: Self::Cand, candidate_id: Uuid) -> Result<Vec<Application>, Self::Error>;
    /// Creates an application for each candidate that has none for the job; returns those.
    fn submit_to_job(&self, job: Uuid, cands: &[Self::Cand], at: Timestamp) -> Result<Vec<Self::Cand>, Self::Error>;
    /// Returns the application's (bin, hiring status) before.
    fn set_application_status(
        &self,
        job: Uuid,
        cand: Self::Cand,
        bin: &str,
        status: &str,
        at: Timestamp,
    ) -> Result<(String, String), Self::Error>;
    fn withdraw_application(&self, job: Uuid, cand: Self::Cand, at: Timestamp) -> Result<(), Self::Error>;

    /// Whether any message of this send exists or existed here (to any candidate).
    fn send_exists(&self, send_id: Uuid) -> Result<bool, Self::Error>;
    fn insert_message(&self, message: &Message, cand: Self::Cand) -> Result<(), Self::Error>;

    fn documents(&self, cand: Self::Cand, candidate_id: Uuid) -> Result<Vec<Document>, Self::Error>;
    fn insert_document(&self, document: &Document, cand: Self::Cand) -> Result<(), Self::Error>;
    /// Returns the document as it was.
    fn delete_document(&self, id: Uuid) -> Result<Document, Self::Error>;

    fn custom_fields(&self) -> Result<Vec<CustomFieldDef>, Self::Error>;
    fn put_custom_field(&self, field: &CustomFieldDef) -> Result<(), Self::Error>;
    /// Returns false when no such field was defined.
    fn delete_custom_field(&self, key: &str) -> Result<bool, Self::Error>;
    fn hired_actions(&self) -> Result<HiredActions, Self::Error>;
    fn put_hired_actions(&self, actions: &HiredActions) -> Result<(), Self::Error>;
    fn put_columns(&self, config: &ColumnConfig) -> Result<(), Self::Error>;
    /// The organisation's areas of interest (empty until an admin sets them).
    fn areas_of_interest(&self) -> Result<Vec<String>, Self::Error>;
    fn put_areas_of_interest(&self, interests: &[String]) -> Result<(), Self::Error>;
    /// Sets (or, with none, clears) the organisation's default phone country.
    fn put_phone_country(&self, country: Option<&str>) -> Result<(), Self::Error>;
    /// Sets (or, with none, clears) the sign-up page's consent text.
    fn put_consent_text(&self, text: Option<&str>) -> Result<(), Self::Error>;
    /// The organisation's message templates, in no particular order.
    fn templates(&self) -> Result<Vec<Template>, Self::Error>;
    /// Stores the template, new or changed.
    fn put_template(&self, template: &Template) -> Result<(), Self::Error>;
    /// Returns false when no such template exists.
    fn delete_template(&self, id: Uuid) -> Result<bool, Self::Error>;
    fn put_import_mapping(&self, mapping: &SavedMapping) -> Result<(), Self::Error>;
    /// Returns false when no mapping has that name.
    fn delete_import_mapping(&self, name: &str) -> Result<bool, Self::Error>;
    /// The saved search, if it exists (whoever's it is).
    fn saved_search(&self, id: Uuid) -> Result<Option<SavedSearch>, Self::Error>;
    /// Stores the saved search, new or changed.
    fn put_saved_search(&self, search: &SavedSearch) -> Result<(), Self::Error>;
    fn delete_saved_search(&self, id: Uuid) -> Result<(), Self::Error>;
}

/// Applies the effects of an authorised `mutation` by `actor` at `now`. `cands` are the
/// candidates its selection resolved to (empty for mutations without one).
pub fn apply<R: Records>(
    records: &R,
    actor: &User,
    now: Timestamp,
    mutation: &Mutation,
    cands: &[R::Cand],
) -> Result<Outcome, R::Error> {
    Effects { records, actor, now }.apply(mutation, cands)
}

struct Effects<'a, R> {
    records: &'a R,
    actor: &'a User,
    now: Timestamp,
}

impl<R: Records> Effects<'_, R> {
    fn apply(&self, mutation: &Mutation, cands: &[R::Cand]) -> Result<Outcome, R::Error> {
        use Mutation as M;
        let r = self.records;
        let affected = match mutation {
            M::CandidateCreate { candidate_id, profile, profile_type } => {
                self.create(*candidate_id, profile, *profile_type)?
            }
            M::CandidateUpdate { candidate_id, changes } => return self.update(*candidate_id, changes),
            M::ApplyResume { candidate_id, document_id, profile } => {
                self.apply_resume(*candidate_id, *document_id, profile)?
            }
            M::CandidateImport { candidate_id, source, write } => self.import(*candidate_id, source, write)?,
            M::CandidateMerge { survivor_id, merged_ids, changes } => {
                return self.merge(*survivor_id, merged_ids, changes);
            }
            M::CandidateUnmerge { .. } => return Err(undo::unmerge_outside_undo().into()),
            M::CandidateReview { candidate_id } => self.review(*candidate_id)?,
            M::SetEligible { candidate_id, eligible } => {
                self.flag(&[r.cand(*candidate_id)?], Flag::Eligible, *eligible)?
            }
            M::SetActive { candidate_id, active } => self.flag(&[r.cand(*candidate_id)?], Flag::Active, *active)?,
            M::SetSubscribed { subscribed, .. } => self.flag(cands, Flag::Subscribed, *subscribed)?,
            M::CandidateOptOut { candidate_id } => self.opt_out(*candidate_id)?,
            M::RequestErasure { candidate_id } => self.request_erasure(*candidate_id)?,
            M::DeclineErasure { candidate_id, reason } => self.decline_erasure(*candidate_id, reason)?,
            M::SetTextsOptedOut { candidate_id, opted_out } => {
                self.flag(&[r.cand(*candidate_id)?], Flag::TextsOptedOut, *opted_out)?
            }
            M::CandidateDelete { .. } => {
                for cand in cands {
                    r.delete_candidate(*cand)?;
                }
                cands.len() as u64
            }
            M::TagsAdd { tags, .. } => self.add_tags(tags, cands)?,
            M::TagsRemove { tags, .. } => self.remove_tags(tags, cands)?,
            M::TagDefine { name } => {
                r.define_tag(&validation::tag(name)?)?;
                1
            }
            M::TagDelete { name } => {
                let name = name.trim();
                r.tag_listed(name)?.ok_or_else(|| DomainError::not_found("tag", name))?;
                let carriers = r.delete_tag(name)?;
                self.entry(&carriers, HistoryDetail::Untagged { tags: vec![name.to_owned()] }, None)?;
                1
            }
            M::NoteAdd { note_id, candidate_id, body, private } => {
                self.unused_id(RecordKind::Note, &note_id.to_string())?;
                let cand = r.cand(*candidate_id)?;
                let note = Note {
                    id: *note_id,
                    candidate_id: *candidate_id,
                    author_id: self.actor.id,
                    body: validation::required("note", body, limits::NOTE)?,
                    private: *private,
                    created_at: self.now,
                    updated_at: self.now,
                };
                r.insert_note(&note, cand)?;
                self.note_entry(cand, HistoryDetail::NoteAdded { private: *private })?;
                1
            }
            M::NoteEdit { note_id, body, private } => {
                let note = self.own_note(*note_id)?;
                r.update_note(*note_id, &validation::required("note", body, limits::NOTE)?, *private, self.now)?;
                let detail = if note.private == *private {
                    HistoryDetail::NoteEdited { private: *private }
                } else {
                    HistoryDetail::NotePrivacy { private: *private }
                };
                self.note_entry(r.cand(note.candidate_id)?, detail)?;
                1
            }
            M::NoteDelete { note_id } => {
                let note = self.own_note(*note_id)?;
                r.delete_note(*note_id)?;
                self.note_entry(r.cand(note.candidate_id)?, HistoryDetail::NoteDeleted { private: note.private })?;
                1
            }
            M::PipelineCreate { pipeline_id, name, statuses, private } => {
                let (name, statuses) = pipeline::validate_definition(name, statuses)?;
                self.unused_id(RecordKind::Pipeline, &pipeline_id.to_string())?;
                r.put_pipeline(&Pipeline {
                    id: *pipeline_id,
                    name,
                    statuses,
                    owner_id: Some(self.actor.id),
                    private: *private,
                    archived: false,
                })?;
                1
            }
            M::PipelineRename { pipeline_id, name } => {
                let name = pipeline::checked_name(name)?;
                self.change_pipeline(*pipeline_id, |p| {
                    p.name = name;
                    Ok(())
                })?
            }
            M::PipelineSetPrivate { pipeline_id, private } => self.set_pipeline_privacy(*pipeline_id, *private)?,
            M::PipelineAddStatus { pipeline_id, status } => {
                self.change_pipeline(*pipeline_id, |p| p.add_status(status).map(drop))?
            }
            M::PipelineRenameStatus { pipeline_id, from, to } => self.rename_status(*pipeline_id, from, to)?,
            M::PipelineMoveStatus { pipeline_id, status, position } => {
                self.change_pipeline(*pipeline_id, |p| p.move_status(status, *position as usize))?
            }
            M::PipelineRemoveStatus { pipeline_id, status, move_to } => {
                self.remove_status(*pipeline_id, status, move_to.as_deref())?
            }
            M::PipelineArchive { pipeline_id, archived } => self.change_pipeline(*pipeline_id, |p| {
                p.archived = *archived;
                Ok(())
            })?,
            M::PipelineAdd { pipeline_id, status, .. } => {
                self.add_to_pipeline(*pipeline_id, status.as_deref(), cands)?
            }
            M::PipelineRemove { pipeline_id, .. } => self.remove_from_pipeline(*pipeline_id, cands)?,
            M::PipelineSetStatus { candidate_id, pipeline_id, status } => {
                self.move_in_pipeline(*pipeline_id, *candidate_id, status)?
            }
            M::EventCreate { event } => self.create_event(event)?,
            M::EventUpdate { event } => self.update_event(event)?,
            M::EventArchive { event_id, archived } => self.archive_event(*event_id, *archived)?,
            M::EventAdd { event_id, attended, confirmation, .. } => {
                self.add_to_event(*event_id, cands, *attended, confirmation.as_ref())?
            }
            M::EventCheckIn { event_id, candidate_id, at, kiosk } => {
                self.check_in(*event_id, *candidate_id, *at, *kiosk)?
            }
            M::EventUndoCheckIn { event_id, candidate_id } => self.undo_check_in(*event_id, *candidate_id)?,
            M::EventRate { event_id, candidate_id, rating } => self.rate(*event_id, *candidate_id, *rating)?,
            M::EventWalkIn { event_id, candidate_id, profile, interests, consent, at, kiosk } => {
                let walk_in = events::WalkIn { profile, interests, consent: *consent, at: *at, kiosk: *kiosk };
                self.walk_in(*event_id, *candidate_id, walk_in)?
            }
            M::EmailSend { send_id, subject, body, .. } => {
                self.send(*send_id, cands, MessageKind::Direct, None, subject, body)?
            }
            M::InviteSend { send_id, job_id, subject, body, .. } => {
                self.open_job(*job_id)?;
                self.send(*send_id, cands, MessageKind::InviteToApply, Some(*job_id), subject, body)?
            }
            M::TextSend { send_id, body, .. } => self.send(*send_id, cands, MessageKind::Text, None, "", body)?,
            M::JobCreate { job } => self.create_job(job)?,
            M::JobUpdate { job } => self.update_job(job)?,
            M::JobSetOpen { job_id, open } => self.set_job_open(*job_id, *open)?,
            M::JobSubmit { job_id, .. } => self.submit_to_job(*job_id, cands)?,
            M::ApplicationSetStatus { job_id, candidate_id, bin, hiring_status } => {
                self.set_application_status(*job_id, *candidate_id, bin, hiring_status)?
            }
            M::ApplicationWithdraw { job_id, candidate_id } => self.withdraw(*job_id, *candidate_id)?,
            M::DocumentAttach { document: d } => {
                self.unused_id(RecordKind::Document, &d.id.to_string())?;
                let cand = r.cand(d.candidate_id)?;
                document::check_content(&d.sha256, d.size)?;
                let d = Document { name: document::sanitize_name(&d.name)?, uploaded_at: self.now, ..d.clone() };
                r.insert_document(&d, cand)?;
                self.entry(&[cand], HistoryDetail::DocumentUploaded { name: d.name, document_kind: d.kind }, None)?;
                1
            }
            M::DocumentDelete { document_id } => {
                let d = r.delete_document(*document_id)?;
                let detail = HistoryDetail::DocumentDeleted { name: d.name, document_kind: d.kind };
                self.entry(&[r.cand(d.candidate_id)?], detail, None)?;
                1
            }
            M::CustomFieldDefine { field } => {
                r.put_custom_field(&field.clone().validated()?)?;
                1
            }
            M::CustomFieldDelete { key } => {
                if !r.delete_custom_field(key)? {
                    return Err(DomainError::not_found("custom field", key).into());
                }
                1
            }
            M::SetColumns { config } => {
                r.put_columns(&config.clone().validated()?)?;
                1
            }
            M::SetHiredActions { actions } => {
                r.put_hired_actions(actions)?;
                1
            }
            M::SetInterests { interests } => {
                r.put_areas_of_interest(&settings::areas_of_interest(interests)?)?;
                1
            }
            M::SetPhoneCountry { country } => {
                r.put_phone_country(settings::phone_country(country.as_deref())?.as_deref())?;
                1
            }
            M::SetConsentText { text } => {
                r.put_consent_text(crate::signup::consent_text(text.as_deref())?.as_deref())?;
                1
            }
            M::SignUp { form } => self.sign_up(form)?,
            M::TemplatePut { template } => {
                r.put_template(&template.clone().validated(&r.templates()?)?)?;
                1
            }
            // A delete is idempotent: two admins deleting the same template offline both
            // succeed, the second changing nothing.
            M::TemplateDelete { template_id } => u64::from(r.delete_template(*template_id)?),
            M::ImportMappingPut { mapping } => {
                r.put_import_mapping(&mapping.clone().validated()?)?;
                1
            }
            // Idempotent, like a template's delete.
            M::ImportMappingDelete { name } => u64::from(r.delete_import_mapping(name)?),
            M::SavedSearchPut { search } => {
                let wanted = search.clone().validated()?;
                saved_search::may_put(self.actor, r.saved_search(wanted.id)?.as_ref(), &wanted)?;
                r.put_saved_search(&wanted)?;
                1
            }
            // Idempotent too: deleting one already gone changes nothing.
            M::SavedSearchDelete { saved_search_id } => match r.saved_search(*saved_search_id)? {
                Some(stored) => {
                    saved_search::may_change(self.actor, &stored)?;
                    r.delete_saved_search(*saved_search_id)?;
                    1
                }
                None => 0,
            },
            M::Undo { expect, mutations } => return self.undo(expect, mutations),
        };
        Ok(affected.into())
    }

    fn create(&self, id: Uuid, profile: &Profile, profile_type: ProfileType) -> Result<u64, R::Error> {
        self.insert_new(id, profile, profile_type, true, None)?;
        Ok(1)
    }

    /// A row of an import. A merge that changes nothing (the same file imported again) writes
    /// nothing and counts nothing.
    fn import(&self, id: Uuid, source: &ImportSource, write: &ImportWrite) -> Result<u64, R::Error> {
        let merged = matches!(write, ImportWrite::Merge { .. });
        let detail = HistoryDetail::Imported { file: source.file.clone(), merged };
        match write {
            ImportWrite::Create { profile } => {
                self.insert_new(id, profile, ProfileType::Imported, true, Some(detail))?;
                Ok(1)
            }
            ImportWrite::Merge { profile, differing } => {
                let cand = self.records.cand(id)?;
                let before = self.records.candidate(cand)?.profile;
                let after = import::merged(&before, profile, *differing);
                self.replace_profile(cand, &before, after, HistoryAction::Update, Some(detail))
            }
        }
    }

    /// Stores a candidate a recruiter typed in (or imported), with its engagements and the
    /// history entry of its creation (which `detail`, when given, says more about).
    fn insert_new(
        &self,
        id: Uuid,
        profile: &Profile,
        profile_type: ProfileType,
        subscribed: bool,
        detail: Option<HistoryDetail>,
    ) -> Result<R::Cand, R::Error> {
        // A recruiter looked at what they typed: Recruiter Generated and Recruiter Reviewed.
        // Nobody has looked at an imported row yet: it starts Unreviewed.
        let engagements = match profile_type {
            ProfileType::Imported => EngagementSet::default(),
            _ => EngagementSet::of(&[Engagement::RecruiterGenerated, Engagement::RecruiterReviewed]),
        };
        self.insert_engaged(id, profile, profile_type, subscribed, engagements, detail)
    }

    /// Stores a new candidate with the engagements given (a sign-up's are the candidate's own).
    fn insert_engaged(
        &self,
        id: Uuid,
        profile: &Profile,
        profile_type: ProfileType,
        subscribed: bool,
        engagements: EngagementSet,
        detail: Option<HistoryDetail>,
    ) -> Result<R::Cand, R::Error> {
        let r = self.records;
        self.unused_id(RecordKind::Candidate, &id.to_string())?;
        let profile = self.checked_profile(profile.clone(), &[])?;
        let cand = r.insert_candidate(&Candidate {
            id,
            profile,
            ats_id: None,
            person_folder: None,
            profile_type,
            engagements,
            activity: activity::activity_status(engagements, false),
            eligible: true,
            active: true,
            subscribed,
            texts_opted_out: false,
            owner_id: Some(self.actor.id),
            created_at: self.now,
            updated_at: self.now,
            last_login_at: None,
        })?;
        for e in engagements.iter() {
            r.record_engagement(cand, e, self.now)?;
        }
        // The profile right after the insert is rebuilt from today's by undoing later entries.
        let summary = detail.as_ref().map(HistoryDetail::describe);
        let entry = HistoryDraft { detail, ..self.history(HistoryAction::Insert, self.now, Vec::new(), summary) };
        r.record_history(&[cand], &entry)?;
        Ok(cand)
    }

    /// A history entry by the acting user.
    fn history(
        &self,
        action: HistoryAction,
        at: Timestamp,
        changes: Vec<FieldChange>,
        summary: Option<String>,
    ) -> HistoryDraft {
        HistoryDraft {
            action,
            actor_email: self.actor.email.clone(),
            at,
            changes,
            summary,
            detail: None,
            visible_to: None,
        }
    }

    /// Edit Profile. Each change names the value it started from; where the stored value
    /// differs, someone else changed the field meanwhile: the edit wins and a conflict says so.
    fn update(&self, id: Uuid, changes: &[FieldChange]) -> Result<Outcome, R::Error> {
        if changes.is_empty() {
            return Err(DomainError::invalid("changes", "nothing to change").into());
        }
        let cand = self.records.cand(id)?;
        let before = self.records.candidate(cand)?.profile;
        let (after, conflicts) = edited(id, &before, changes)?;
        let action = if conflicts.is_empty() { HistoryAction::Update } else { HistoryAction::ConflictingUpdate };
        let affected = self.replace_profile(cand, &before, after, action, None)?;
        Ok(Outcome { affected, conflicts })
    }

    fn apply_resume(&self, id: Uuid, document_id: Uuid, profile: &Profile) -> Result<u64, R::Error> {
        let cand = self.records.cand(id)?;
        let resume = self
            .records
            .documents(cand, id)?
            .into_iter()
            .find(|d| d.id == document_id && d.kind == DocumentKind::Resume)
            .ok_or_else(|| DomainError::invalid("document", "Parse Resume needs one of this candidate's resumes"))?;
        let before = self.records.candidate(cand)?.profile;
        let detail = HistoryDetail::ResumeParsed { document: resume.name };
        self.replace_profile(cand, &before, profile.clone(), HistoryAction::Update, Some(detail))
    }

    fn replace_profile(
        &self,
        cand: R::Cand,
        before: &Profile,
        after: Profile,
        action: HistoryAction,
        detail: Option<HistoryDetail>,
    ) -> Result<u64, R::Error> {
        let after = self.checked_profile(after, &before.interests)?;
        let changes = history::diff(before, &after);
        if changes.is_empty() {
            return Ok(0);
        }
        self.records.write_profile(cand, &after, self.now)?;
        let summary = detail.as_ref().map(HistoryDetail::describe);
        let entry = HistoryDraft { detail, ..self.history(action, self.now, changes, summary) };
        self.records.record_history(&[cand], &entry)?;
        Ok(1)
    }

    /// Validates the profile, including custom fields against their definitions and areas of
    /// interest against the organisation's list, where the candidate did not already have
    /// them (`had`).
    fn checked_profile(&self, profile: Profile, had: &[String]) -> Result<Profile, R::Error> {
        let mut profile = profile.validated()?;
        if settings::adds_interests(&profile.interests, had) {
            profile.interests =
                settings::profile_interests(&profile.interests, had, &self.records.areas_of_interest()?)?;
        }
        let defs = self.records.custom_fields()?;
        for (key, value) in &profile.custom_fields {
            let def = defs.iter().find(|d| &d.key == key).ok_or_else(|| {
                DomainError::invalid(format!("custom:{key}"), "is not a custom field; an admin defines custom fields")
            })?;
            def.check_value(value)?;
        }
        Ok(profile)
    }

    /// Refuses a create whose id is taken. Ids are the creator's (UUIDv7, made offline), so
    /// without this a "create" with someone else's id would overwrite their record.
    fn unused_id(&self, kind: RecordKind, id: &str) -> Result<(), R::Error> {
        if self.records.record_exists(kind, id)? {
            let field = format!("{}_id", kind.code());
            return Err(DomainError::AlreadyExists { field, what: kind.code().into(), id: id.to_owned() }.into());
        }
        Ok(())
    }

    /// A send's id is its creator's, like every id: another's send takes no new messages.
    fn unused_send(&self, send_id: Uuid) -> Result<(), R::Error> {
        if self.records.send_exists(send_id)? {
            return Err(DomainError::AlreadyExists {
                field: "send_id".into(),
                what: Thing::Send,
                id: send_id.to_string(),
            }
            .into());
        }
        Ok(())
    }

    /// The note, when the actor may change it.
    fn own_note(&self, note_id: Uuid) -> Result<Note, R::Error> {
        let note = self.records.note(note_id)?;
        if !permission::may_change_note(self.actor, note.author_id) {
            return Err(DomainError::NotYours { what: Thing::Note, id: note_id.to_string() }.into());
        }
        Ok(note)
    }

    fn visible_pipeline(&self, id: Uuid) -> Result<Pipeline, R::Error> {
        let p = self.records.pipeline(id)?;
        if !permission::may_see_pipeline(self.actor, p.owner_id, p.private) {
            return Err(DomainError::NotYours { what: Thing::Pipeline, id: id.to_string() }.into());
        }
        Ok(p)
    }

    /// Queues one message per candidate and records the matching engagement.
    fn send(
        &self,
        send_id: Uuid,
        cands: &[R::Cand],
        kind: MessageKind,
        job_id: Option<Uuid>,
        subject: &str,
        body: &str,
    ) -> Result<u64, R::Error> {
        let (channel, subject, body, engagement) = match kind {
            MessageKind::Text => {
                (Channel::Text, String::new(), validation::required("body", body, limits::TEXT_MESSAGE)?, None)
            }
            MessageKind::InviteToApply => (
                Channel::Email,
                validation::required("subject", subject, limits::SUBJECT)?,
                validation::required("body", body, limits::MESSAGE_BODY)?,
                Some(Engagement::SentInviteToApply),
            ),
            MessageKind::Direct | MessageKind::Campaign => (
                Channel::Email,
                validation::required("subject", subject, limits::SUBJECT)?,
                validation::required("body", body, limits::MESSAGE_BODY)?,
                Some(Engagement::SentDirectEmail),
            ),
        };
        self.unused_send(send_id)?;
        let job_title = job_id.map(|id| self.records.job(id)).transpose()?.map(|job| job.title);
        let detail = HistoryDetail::MessageQueued { channel, message_kind: kind, job: job_title.clone() };
        let mut queued = Vec::with_capacity(cands.len());
        for cand in cands {
            let c = self.records.candidate(*cand)?;
            still_active(&c)?;
            // They answered STOP: the send goes to the others (the count says how many).
            if channel == Channel::Text && c.texts_opted_out {
                continue;
            }
            let values = MergeValues {
                first_name: &c.profile.first_name,
                last_name: &c.profile.last_name,
                job_title: job_title.as_deref(),
                sender_name: &self.actor.name,
                event: None,
            };
            let (subject, body) = (merge("subject", &subject, &values)?, merge("body", &body, &values)?);
            let reachable = match channel {
                Channel::Email => c.profile.email.is_some(),
                Channel::Text => c.profile.phone.is_some(),
            };
            if !reachable {
                let email = channel == Channel::Email;
                return Err(DomainError::NoAddress { candidate: NamedCandidate::id(c.id), email }.into());
            }
            let message = Message {
                job_id,
                subject,
                body,
                ..Message::queued(send_id, c.id, self.actor.id, channel, kind, self.now)
            };
            self.records.insert_message(&message, *cand)?;
            if let Some(e) = engagement {
                self.records.record_engagement(*cand, e, self.now)?;
            }
            queued.push(*cand);
        }
        if queued.is_empty() {
            return Err(DomainError::TextsOptedOut { count: cands.len() as u32 }.into());
        }
        self.entry(&queued, detail, None)?;
        Ok(queued.len() as u64)
    }
}

/// The profile with `changes` made, and the conflicts among them: each change names the value
/// it started from, and where the stored value differs someone else changed the field
/// meanwhile (the change still wins).
fn edited(id: Uuid, before: &Profile, changes: &[FieldChange]) -> Result<(Profile, Vec<Conflict>), DomainError> {
    let mut after = before.clone();
    let mut conflicts = Vec::new();
    for change in changes {
        if change.from.key() != change.to.key() {
            let reason = format!("a change from {} cannot set {}", change.from.key(), change.to.key());
            return Err(DomainError::invalid(change.to.key(), reason));
        }
        let stored = before.get(&change.from);
        if stored != change.from && stored != change.to {
            conflicts.push(Conflict {
                candidate_id: id,
                expected: change.from.clone(),
                overwritten: stored,
                written: change.to.clone(),
            });
        }
        after.set(change.to.clone());
    }
    Ok((after, conflicts))
}

/// Cleans a list of tag names; refuses an empty list.
fn checked_tags(names: &[String]) -> Result<Vec<String>, DomainError> {
    if names.is_empty() {
        return Err(DomainError::Required { field: "tags".into() });
    }
    names.iter().map(|n| validation::tag(n)).collect()
}
/// How a rejection names a candidate: by id, never by name or contact details, because the
/// reason is stored with the mutation's outcome on the server and can reach people who may
/// not see the candidate. The desktop puts the name back for its own user
/// (`talentdesk_store`'s rejection wording).
pub fn candidate_ref(id: Uuid) -> String {
    format!("candidate {id}")
}

/// A deactivated candidate is kept out of outreach and new applications until an admin
/// reactivates them (they can still be viewed, edited, exported and deleted).
fn still_active(c: &Candidate) -> Result<(), DomainError> {
    if c.active {
        return Ok(());
    }
    Err(DomainError::Deactivated { candidate: NamedCandidate::id(c.id) })
}
