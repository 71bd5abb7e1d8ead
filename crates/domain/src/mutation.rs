//! The vocabulary of change. Every write a user makes is one of these: a named, serialisable
//! intent that the desktop store and the server apply with the same rules.
//!
//! On the wire a mutation is `{"name": "tags.add", "args": {...}}`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::Timestamp;
use crate::aggregate::CandidateAggregate;
use crate::bulk::BulkAction;
use crate::candidate::{Profile, ProfileType};
use crate::document::Document;
use crate::event::Event;
use crate::history::FieldChange;
use crate::import::{ImportSource, ImportWrite};
use crate::import_mapping::SavedMapping;
use crate::job::Job;
use crate::merge::Unmerged;
use crate::permission::Capability;
use crate::saved_search::SavedSearch;
use crate::search::Selection;
use crate::settings::{ColumnConfig, CustomFieldDef, HiredActions};
use crate::signup::SignUpForm;
use crate::template::Template;
use crate::undo::Expectation;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "name", content = "args")]
#[ts(export)]
pub enum Mutation {
    /// A recruiter adds a candidate (Recruiter Generated + Recruiter Reviewed).
    #[serde(rename = "candidate.create")]
    CandidateCreate { candidate_id: Uuid, profile: Profile, profile_type: ProfileType },
    /// Edit Profile: each change carries the value it started from, for conflict detection.
    #[serde(rename = "candidate.update")]
    CandidateUpdate { candidate_id: Uuid, changes: Vec<FieldChange> },
    /// A recruiter opened the profile (Recruiter Reviewed).
    #[serde(rename = "candidate.review")]
    CandidateReview { candidate_id: Uuid },
    /// Mark Ineligible / Mark Eligible.
    #[serde(rename = "candidate.set_eligible")]
    SetEligible { candidate_id: Uuid, eligible: bool },
    /// Deactivate (no longer searchable) or reactivate.
    #[serde(rename = "candidate.set_active")]
    SetActive { candidate_id: Uuid, active: bool },
    /// Subscribe / Unsubscribe from campaign emails.
    #[serde(rename = "candidate.set_subscribed")]
    SetSubscribed { selection: Selection, subscribed: bool },
    /// The candidate unsubscribed themselves (an email's one-click link, their preferences
    /// page): no more campaign emails, and the Candidate Opt-out engagement.
    #[serde(rename = "candidate.opt_out")]
    CandidateOptOut { candidate_id: Uuid },
    /// The candidate asked to be forgotten: an open request on their record until an admin
    /// approves it (`candidate.delete`) or declines it. See [`crate::erasure_request`].
    #[serde(rename = "candidate.request_erasure")]
    RequestErasure { candidate_id: Uuid },
    /// An admin declines an open request to be forgotten, saying why.
    #[serde(rename = "candidate.decline_erasure")]
    DeclineErasure { candidate_id: Uuid, reason: String },
    /// The person answered a text with STOP (`opted_out`) or START: text messages skip them
    /// while they are opted out.
    #[serde(rename = "candidate.set_texts_opted_out")]
    SetTextsOptedOut { candidate_id: Uuid, opted_out: bool },
    /// Someone signed up on the organisation's page (only the server's self-service actor
    /// makes this; see [`crate::signup`] for what it may change of a known candidate).
    #[serde(rename = "candidate.sign_up")]
    SignUp { form: SignUpForm },
    /// Delete Candidate / Purge: permanent erasure of personal data.
    #[serde(rename = "candidate.delete")]
    CandidateDelete { selection: Selection },
    /// Parse Resume: replaces the profile with what the resume gave.
    #[serde(rename = "candidate.apply_resume")]
    ApplyResume { candidate_id: Uuid, document_id: Uuid, profile: Profile },
    /// A row of an import: a new candidate (profile type Imported) or the row merged into the
    /// candidate it duplicates, with a history entry naming the file.
    #[serde(rename = "candidate.import")]
    CandidateImport { candidate_id: Uuid, source: ImportSource, write: ImportWrite },
    /// Merges duplicates: the survivor takes `changes` (the values picked per field) and
    /// everything of the merged candidates, who are left as tombstones that redirect to it.
    /// See [`crate::merge`].
    #[serde(rename = "candidate.merge")]
    CandidateMerge { survivor_id: Uuid, merged_ids: Vec<Uuid>, changes: Vec<FieldChange> },
    /// The undo of a merge (inside an `undo` that expects the merge to be the survivor's latest
    /// change): the survivor as they were, and the merged candidates again with what was theirs.
    #[serde(rename = "candidate.unmerge")]
    CandidateUnmerge {
        #[ts(type = "unknown")]
        survivor: Box<CandidateAggregate>,
        merged: Vec<Unmerged>,
    },

    #[serde(rename = "tags.add")]
    TagsAdd { selection: Selection, tags: Vec<String> },
    #[serde(rename = "tags.remove")]
    TagsRemove { selection: Selection, tags: Vec<String> },
    /// Adds a tag to the organisation's tags list.
    #[serde(rename = "tag.define")]
    TagDefine { name: String },
    /// Removes a tag from the list and from every candidate.
    #[serde(rename = "tag.delete")]
    TagDelete { name: String },

    #[serde(rename = "note.add")]
    NoteAdd { note_id: Uuid, candidate_id: Uuid, body: String, private: bool },
    #[serde(rename = "note.edit")]
    NoteEdit { note_id: Uuid, body: String, private: bool },
    #[serde(rename = "note.delete")]
    NoteDelete { note_id: Uuid },

    #[serde(rename = "pipeline.create")]
    PipelineCreate { pipeline_id: Uuid, name: String, statuses: Vec<String>, private: bool },
    /// Add to Pipeline at a workflow status (the pipeline's first when none is given).
    #[serde(rename = "pipeline.add")]
    PipelineAdd { selection: Selection, pipeline_id: Uuid, status: Option<String> },
    #[serde(rename = "pipeline.remove")]
    PipelineRemove { selection: Selection, pipeline_id: Uuid },
    #[serde(rename = "pipeline.set_status")]
    PipelineSetStatus { candidate_id: Uuid, pipeline_id: Uuid, status: String },
    /// Renames a pipeline (whoever sees it may). Apart from its privacy, so that a rename made
    /// offline never undoes a change of privacy made meanwhile (field-level intent).
    #[serde(rename = "pipeline.rename")]
    PipelineRename { pipeline_id: Uuid, name: String },
    /// Makes a pipeline private (its owner's and the admins') or shared; its owner or an admin.
    #[serde(rename = "pipeline.set_private")]
    PipelineSetPrivate { pipeline_id: Uuid, private: bool },
    /// A new workflow status, after the others.
    #[serde(rename = "pipeline.add_status")]
    PipelineAddStatus { pipeline_id: Uuid, status: String },
    /// Renames a workflow status; its members stay at it under the new name.
    #[serde(rename = "pipeline.rename_status")]
    PipelineRenameStatus { pipeline_id: Uuid, from: String, to: String },
    /// Puts a workflow status at `position` (0 is first).
    #[serde(rename = "pipeline.move_status")]
    PipelineMoveStatus { pipeline_id: Uuid, status: String, position: u32 },
    /// Removes a workflow status; its members move to `move_to`, which a status with members
    /// needs.
    #[serde(rename = "pipeline.remove_status")]
    PipelineRemoveStatus { pipeline_id: Uuid, status: String, move_to: Option<String> },
    /// Archived pipelines leave the pickers and the list; their members and history stay.
    #[serde(rename = "pipeline.archive")]
    PipelineArchive { pipeline_id: Uuid, archived: bool },

    /// A new event; its `code_key` comes from [`Event::new_code_key`].
    #[serde(rename = "event.create")]
    EventCreate { event: Event },
    /// Edit an event: name, category, start, location, capacity, description (its code key
    /// and archived state stay).
    #[serde(rename = "event.update")]
    EventUpdate { event: Event },
    #[serde(rename = "event.archive")]
    EventArchive { event_id: Uuid, archived: bool },
    /// Add to Event: registers the candidates, or (`attended`) marks them as having come. A
    /// confirmation emails each one newly registered who has an email address.
    #[serde(rename = "event.add")]
    EventAdd {
        selection: Selection,
        event_id: Uuid,
        attended: bool,
        #[serde(default)]
        confirmation: Option<Confirmation>,
    },
    /// Check-in at the door: `at` is when it happened (now when not given), `kiosk` a self
    /// check-in at the kiosk.
    #[serde(rename = "event.check_in")]
    EventCheckIn {
        event_id: Uuid,
        candidate_id: Uuid,
        #[serde(default)]
        at: Option<Timestamp>,
        #[serde(default)]
        kiosk: bool,
    },
    /// Takes a check-in back (Undo at the door).
    #[serde(rename = "event.undo_check_in")]
    EventUndoCheckIn { event_id: Uuid, candidate_id: Uuid },
    /// The acting recruiter's star rating of someone on the event's list.
    #[serde(rename = "event.rate")]
    EventRate { event_id: Uuid, candidate_id: Uuid, rating: u8 },
    /// Someone new at the door: creates the candidate (profile type Event Attendee) and
    /// registers and checks them in, in one go.
    #[serde(rename = "event.walk_in")]
    EventWalkIn {
        event_id: Uuid,
        candidate_id: Uuid,
        profile: Profile,
        interests: Vec<String>,
        /// They agreed to be contacted (subscribed).
        consent: bool,
        #[serde(default)]
        at: Option<Timestamp>,
        #[serde(default)]
        kiosk: bool,
    },

    /// Email: one message per candidate, queued until the server sends it.
    #[serde(rename = "email.send")]
    EmailSend { send_id: Uuid, selection: Selection, subject: String, body: String },
    #[serde(rename = "invite.send")]
    InviteSend { send_id: Uuid, selection: Selection, job_id: Uuid, subject: String, body: String },
    #[serde(rename = "text.send")]
    TextSend { send_id: Uuid, selection: Selection, body: String },

    #[serde(rename = "job.create")]
    JobCreate { job: Job },
    /// Edit a job's details: title, location, ATS id (whether it is open stays; see
    /// `job.set_open`).
    #[serde(rename = "job.update")]
    JobUpdate { job: Job },
    /// Close a job (no new submissions or invitations; its applications still move) or reopen it.
    #[serde(rename = "job.set_open")]
    JobSetOpen { job_id: Uuid, open: bool },
    /// Submit to Job: creates an application per candidate.
    #[serde(rename = "job.submit")]
    JobSubmit { selection: Selection, job_id: Uuid },
    #[serde(rename = "application.set_status")]
    ApplicationSetStatus { job_id: Uuid, candidate_id: Uuid, bin: String, hiring_status: String },
    #[serde(rename = "application.withdraw")]
    ApplicationWithdraw { job_id: Uuid, candidate_id: Uuid },

    #[serde(rename = "document.attach")]
    DocumentAttach { document: Document },
    #[serde(rename = "document.delete")]
    DocumentDelete { document_id: Uuid },

    #[serde(rename = "custom_field.define")]
    CustomFieldDefine { field: CustomFieldDef },
    #[serde(rename = "custom_field.delete")]
    CustomFieldDelete { key: String },
    #[serde(rename = "settings.set_columns")]
    SetColumns { config: ColumnConfig },
    #[serde(rename = "settings.set_hired_actions")]
    SetHiredActions { actions: HiredActions },
    /// The organisation's areas of interest, offered to walk-ins.
    #[serde(rename = "settings.set_interests")]
    SetInterests { interests: Vec<String> },
    /// The organisation's default phone country (an ISO code; none to clear it): numbers
    /// written without a country code are read as its when duplicates are looked for.
    #[serde(rename = "settings.set_phone_country")]
    SetPhoneCountry { country: Option<String> },
    /// What the sign-up page's consent box says (none to clear it: the page words its own).
    #[serde(rename = "settings.set_consent_text")]
    SetConsentText { text: Option<String> },
    /// Creates or replaces one of the organisation's message templates.
    #[serde(rename = "template.put")]
    TemplatePut { template: Template },
    #[serde(rename = "template.delete")]
    TemplateDelete { template_id: Uuid },
    /// Saves a column mapping for imports under its name (replacing one of that name).
    #[serde(rename = "import_mapping.put")]
    ImportMappingPut { mapping: SavedMapping },
    #[serde(rename = "import_mapping.delete")]
    ImportMappingDelete { name: String },
    /// Saves a search under its name, new or changed (see [`crate::saved_search`]).
    #[serde(rename = "saved_search.put")]
    SavedSearchPut { search: SavedSearch },
    #[serde(rename = "saved_search.delete")]
    SavedSearchDelete { saved_search_id: Uuid },

    /// Undo: puts back what an earlier action changed, refused unless what it `expect`s (the
    /// state that action produced) still holds. See [`crate::undo`].
    #[serde(rename = "undo")]
    Undo { expect: Vec<Expectation>, mutations: Vec<Mutation> },
}

/// The email a registration sends: one per newly registered candidate with an address. The
/// subject and body may use the event merge fields (`{{event_name}}`, `{{check_in_code}}`...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Confirmation {
    pub send_id: Uuid,
    pub subject: String,
    pub body: String,
}

impl Mutation {
    /// The wire name, e.g. `tags.add`.
    pub fn name(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_owned))
            .unwrap_or_default()
    }

    /// Whether only the candidate may make this change, on the server's own pages (as the
    /// self-service actor): that they signed up themselves, or took back a STOP to texts. A
    /// desktop pushing one, also inside an undo, is refused.
    pub fn is_self_service_only(&self) -> bool {
        match self {
            Mutation::SignUp { .. } | Mutation::SetTextsOptedOut { opted_out: false, .. } => true,
            Mutation::Undo { mutations, .. } => mutations.iter().any(Mutation::is_self_service_only),
            _ => false,
        }
    }

    /// What the user needs to be allowed to do for this mutation.
    pub fn capability(&self) -> Capability {
        use Mutation as M;
        match self {
            M::CandidateCreate { .. } | M::CandidateImport { write: ImportWrite::Create { .. }, .. } => {
                Capability::CreateCandidate
            }
            M::CandidateImport { write: ImportWrite::Merge { .. }, .. } => Capability::EditProfile,
            M::CandidateUpdate { .. } => Capability::EditProfile,
            M::CandidateReview { .. } => Capability::ViewCandidates,
            M::SetEligible { .. } => Capability::MarkEligibility,
            M::SetActive { .. } => Capability::Deactivate,
            M::SetSubscribed { .. } => Capability::Subscribe,
            M::CandidateDelete { .. } => Capability::DeleteCandidate,
            M::CandidateOptOut { .. } | M::RequestErasure { .. } | M::SetTextsOptedOut { .. } => {
                Capability::RecordCandidateRequest
            }
            M::DeclineErasure { .. } => Capability::DecideErasureRequests,
            M::ApplyResume { .. } => Capability::ParseResume,
            M::CandidateMerge { .. } | M::CandidateUnmerge { .. } => Capability::MergeCandidates,
            M::TagsAdd { .. } | M::TagsRemove { .. } => Capability::ManageTags,
            M::TagDefine { .. } | M::TagDelete { .. } => Capability::ManageTagList,
            M::NoteAdd { .. } | M::NoteEdit { .. } | M::NoteDelete { .. } => Capability::WriteNotes,
            M::PipelineCreate { .. }
            | M::PipelineRename { .. }
            | M::PipelineSetPrivate { .. }
            | M::PipelineAddStatus { .. }
            | M::PipelineRenameStatus { .. }
            | M::PipelineMoveStatus { .. }
            | M::PipelineRemoveStatus { .. }
            | M::PipelineArchive { .. } => Capability::ManagePipelines,
            M::PipelineAdd { .. } | M::PipelineRemove { .. } | M::PipelineSetStatus { .. } => {
                Capability::ManagePipelineMembers
            }
            M::EventCreate { .. } | M::EventUpdate { .. } => Capability::CreateEvent,
            M::EventArchive { .. } => Capability::ArchiveEvent,
            M::EventAdd { .. }
            | M::EventCheckIn { .. }
            | M::EventUndoCheckIn { .. }
            | M::EventRate { .. }
            | M::EventWalkIn { .. } => Capability::ManageEventMembers,
            M::EmailSend { .. } => Capability::Email,
            M::InviteSend { .. } => Capability::InviteToApply,
            M::TextSend { .. } => Capability::BulkText,
            M::JobCreate { .. } | M::JobUpdate { .. } | M::JobSetOpen { .. } => Capability::ManageJobs,
            M::JobSubmit { .. } => Capability::SubmitToJob,
            M::ApplicationSetStatus { .. } | M::ApplicationWithdraw { .. } => Capability::ManageApplications,
            M::DocumentAttach { .. } | M::DocumentDelete { .. } => Capability::ManageDocuments,
            M::CustomFieldDefine { .. } | M::CustomFieldDelete { .. } => Capability::ManageCustomFields,
            M::SetColumns { .. } => Capability::ConfigureColumns,
            M::SetHiredActions { .. } => Capability::ManageHiredActions,
            M::SetInterests { .. } => Capability::ManageAreasOfInterest,
            M::SetPhoneCountry { .. } => Capability::ManagePhoneCountry,
            M::SetConsentText { .. } => Capability::ManageSignUpPage,
            // What a person may do about themselves on the sign-up page; the server refuses it
            // from desktops (see talentdesk_server's push).
            M::SignUp { .. } => Capability::CreateCandidate,
            M::TemplatePut { .. } | M::TemplateDelete { .. } => Capability::ManageTemplates,
            // Whoever imports may keep a mapping for the next file.
            M::ImportMappingPut { .. } | M::ImportMappingDelete { .. } => Capability::CreateCandidate,
            // Whoever searches may keep a search; whose it is, is checked against the one stored.
            M::SavedSearchPut { .. } | M::SavedSearchDelete { .. } => Capability::ViewCandidates,
            // Each restoring mutation is authorised again when the undo is applied.
            M::Undo { mutations, .. } => mutations.first().map_or(Capability::ViewCandidates, Mutation::capability),
        }
    }

    /// The bulk action whose limit applies, for mutations that take a selection.
    pub fn bulk_action(&self) -> Option<BulkAction> {
        use Mutation as M;
        Some(match self {
            M::SetSubscribed { subscribed: true, .. } => BulkAction::Subscribe,
            M::SetSubscribed { subscribed: false, .. } => BulkAction::Unsubscribe,
            M::CandidateDelete { .. } => BulkAction::Purge,
            M::TagsAdd { .. } | M::TagsRemove { .. } => BulkAction::ManageTags,
            M::PipelineAdd { .. } => BulkAction::AddToPipeline,
            M::PipelineRemove { .. } => BulkAction::RemoveFromPipeline,
            M::EventAdd { .. } => BulkAction::AddToEvent,
            M::EmailSend { .. } => BulkAction::Email,
            M::InviteSend { .. } => BulkAction::InviteToApply,
            M::TextSend { .. } => BulkAction::BulkText,
            M::JobSubmit { .. } => BulkAction::SubmitToJob,
            _ => return None,
        })
    }

    /// The one candidate this mutation is about, when it is about one.
    pub fn candidate_id(&self) -> Option<Uuid> {
        use Mutation as M;
        match self {
            M::CandidateCreate { candidate_id, .. }
            | M::CandidateUpdate { candidate_id, .. }
            | M::CandidateReview { candidate_id }
            | M::SetEligible { candidate_id, .. }
            | M::SetActive { candidate_id, .. }
            | M::SetTextsOptedOut { candidate_id, .. }
            | M::ApplyResume { candidate_id, .. }
            | M::CandidateOptOut { candidate_id }
            | M::RequestErasure { candidate_id }
            | M::DeclineErasure { candidate_id, .. }
            | M::CandidateMerge { survivor_id: candidate_id, .. }
            | M::CandidateImport { candidate_id, .. }
            | M::NoteAdd { candidate_id, .. }
            | M::PipelineSetStatus { candidate_id, .. }
            | M::EventCheckIn { candidate_id, .. }
            | M::EventUndoCheckIn { candidate_id, .. }
            | M::EventRate { candidate_id, .. }
            | M::EventWalkIn { candidate_id, .. }
            | M::ApplicationSetStatus { candidate_id, .. }
            | M::ApplicationWithdraw { candidate_id, .. } => Some(*candidate_id),
            M::DocumentAttach { document } => Some(document.candidate_id),
            M::SignUp { form } => Some(form.candidate_id),
            _ => None,
        }
    }

    /// The candidates this mutation targets, when it takes a selection.
    pub fn selection(&self) -> Option<&Selection> {
        use Mutation as M;
        match self {
            M::SetSubscribed { selection, .. }
            | M::CandidateDelete { selection }
            | M::TagsAdd { selection, .. }
            | M::TagsRemove { selection, .. }
            | M::PipelineAdd { selection, .. }
            | M::PipelineRemove { selection, .. }
            | M::EventAdd { selection, .. }
            | M::EmailSend { selection, .. }
            | M::InviteSend { selection, .. }
            | M::TextSend { selection, .. }
            | M::JobSubmit { selection, .. } => Some(selection),
            _ => None,
        }
    }

    /// The same mutation aimed at `selection` (used to pin "all from this search" to ids).
    pub fn with_selection(mut self, new: Selection) -> Self {
        use Mutation as M;
        match &mut self {
            M::SetSubscribed { selection, .. }
            | M::CandidateDelete { selection }
            | M::TagsAdd { selection, .. }
            | M::TagsRemove { selection, .. }
            | M::PipelineAdd { selection, .. }
            | M::PipelineRemove { selection, .. }
            | M::EventAdd { selection, .. }
            | M::EmailSend { selection, .. }
            | M::InviteSend { selection, .. }
            | M::TextSend { selection, .. }
            | M::JobSubmit { selection, .. } => *selection = new,
            _ => {}
        }
        self
    }
}

/// A fingerprint of a mutation as it was made: its name and arguments (as JSON) and when. A
/// client keeps it with the mutation from the moment it is made (an erasure may rewrite the
/// waiting arguments later), and the server keeps it with the sequence number it took the
/// mutation under, so a second, different mutation under the same number — from a copied or
/// restored replica reusing the client id — is told apart from a retry.
pub fn digest(mutation: &Mutation, created_at: crate::Timestamp) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    // Serialising a mutation is deterministic: structs in field order, no hash maps.
    hasher.update(serde_json::to_vec(mutation).unwrap_or_default());
    hasher.update(created_at.timestamp_millis().to_be_bytes());
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format_is_name_and_args() {
        let m = Mutation::TagsAdd { selection: Selection::ids([Uuid::nil()]), tags: vec!["Veteran".into()] };
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(json["name"], "tags.add");
        assert_eq!(json["args"]["selection"]["kind"], "ids");
        assert_eq!(m.name(), "tags.add");
        let back: Mutation = serde_json::from_value(json).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn unknown_mutation_names_are_refused() {
        let err = serde_json::from_str::<Mutation>(r#"{"name":"candidate.teleport","args":{}}"#).unwrap_err();
        assert!(err.to_string().contains("unknown variant `candidate.teleport`"), "{err}");
    }

    #[test]
    fn selections_can_be_pinned_to_ids() {
        let m = Mutation::PipelineAdd {
            selection: Selection::Search { request: Box::default() },
            pipeline_id: Uuid::nil(),
            status: None,
        };
        assert_eq!(m.bulk_action(), Some(BulkAction::AddToPipeline));
        let pinned = m.with_selection(Selection::ids([Uuid::from_u128(7)]));
        assert_eq!(pinned.selection(), Some(&Selection::ids([Uuid::from_u128(7)])));
    }

    #[test]
    fn admin_only_mutations_map_to_admin_only_capabilities() {
        let nil = Uuid::nil();
        let admin_only = [
            Mutation::CandidateDelete { selection: Selection::ids([nil]) },
            Mutation::SetActive { candidate_id: nil, active: false },
            Mutation::SetSubscribed { selection: Selection::ids([nil]), subscribed: true },
            Mutation::TagDefine { name: "x".into() },
            Mutation::SetColumns { config: ColumnConfig::default() },
            Mutation::SetHiredActions { actions: HiredActions::default() },
            Mutation::CustomFieldDelete { key: "k".into() },
            Mutation::EventArchive { event_id: nil, archived: true },
            Mutation::SetInterests { interests: Vec::new() },
            Mutation::SetPhoneCountry { country: Some("DE".into()) },
            Mutation::TemplatePut { template: crate::template::defaults().remove(0) },
            Mutation::TemplateDelete { template_id: nil },
            Mutation::CandidateMerge { survivor_id: nil, merged_ids: vec![Uuid::from_u128(1)], changes: Vec::new() },
        ];
        for m in admin_only {
            assert!(m.capability().admin_only(), "{}", m.name());
        }
        assert!(!Mutation::CandidateReview { candidate_id: nil }.capability().admin_only());
    }

    #[test]
    fn recruiters_run_the_door_and_older_check_ins_still_read() {
        let nil = Uuid::nil();
        let door = [
            Mutation::EventCheckIn { event_id: nil, candidate_id: nil, at: None, kiosk: false },
            Mutation::EventUndoCheckIn { event_id: nil, candidate_id: nil },
            Mutation::EventRate { event_id: nil, candidate_id: nil, rating: 5 },
            Mutation::EventWalkIn {
                event_id: nil,
                candidate_id: nil,
                profile: Profile::default(),
                interests: Vec::new(),
                consent: false,
                at: None,
                kiosk: true,
            },
            Mutation::EventAdd { selection: Selection::ids([nil]), event_id: nil, attended: false, confirmation: None },
        ];
        for m in door {
            assert!(!m.capability().admin_only(), "{}", m.name());
        }
        let old = r#"{"name":"event.check_in","args":{"event_id":"00000000-0000-0000-0000-000000000000","candidate_id":"00000000-0000-0000-0000-000000000000"}}"#;
        let m: Mutation = serde_json::from_str(old).unwrap();
        assert_eq!(m, Mutation::EventCheckIn { event_id: nil, candidate_id: nil, at: None, kiosk: false });
        assert_eq!(m.candidate_id(), Some(nil));
    }
}
