//! What a history entry that is not a profile edit says happened, as data: the window and
//! the exports put it in words, and a later language can word it again from the same data.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::HistoryAction;
use crate::activity::ActivityStatus;
use crate::document::DocumentKind;
use crate::message::{Channel, MessageKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum HistoryDetail {
    Tagged {
        tags: Vec<String>,
    },
    Untagged {
        tags: Vec<String>,
    },
    /// Notes' text stays out of history: a note is read where it is, by those who may.
    NoteAdded {
        private: bool,
    },
    NoteEdited {
        private: bool,
    },
    NoteDeleted {
        private: bool,
    },
    /// A note made private (its author's and the admins') or shared with the team.
    NotePrivacy {
        private: bool,
    },
    AddedToPipeline {
        pipeline: String,
        status: String,
    },
    RemovedFromPipeline {
        pipeline: String,
    },
    PipelineMoved {
        pipeline: String,
        from: String,
        to: String,
    },
    SubmittedToJob {
        job: String,
    },
    /// The hiring status of an application; `bin` is the ATS bin when it changed.
    HiringStatus {
        job: String,
        from: String,
        to: String,
        bin: Option<String>,
    },
    Withdrew {
        job: String,
    },
    Eligible {
        eligible: bool,
    },
    Active {
        active: bool,
    },
    Subscribed {
        subscribed: bool,
    },
    /// The person answered a text with STOP (opted out) or START (back in).
    TextsOptedOut {
        opted_out: bool,
    },
    /// The first look that changed the activity status (later opens are not history).
    Reviewed {
        from: ActivityStatus,
        to: ActivityStatus,
    },
    DocumentUploaded {
        name: String,
        document_kind: DocumentKind,
    },
    DocumentDeleted {
        name: String,
        document_kind: DocumentKind,
    },
    /// Parse Resume: the entry's changes are what the resume replaced.
    ResumeParsed {
        document: String,
    },
    /// A message queued to go out (the server sends it; its delivery shows in Messages). Its
    /// subject stays out: messages are private to their sender and the admins.
    MessageQueued {
        channel: Channel,
        message_kind: MessageKind,
        job: Option<String>,
    },
    /// Put on an event's list ahead of it.
    Registered {
        event: String,
    },
    /// Checked in at the event's door; `kiosk`: by themselves at the kiosk.
    CheckedIn {
        event: String,
        kiosk: bool,
    },
    CheckInUndone {
        event: String,
    },
    /// The acting recruiter's rating of them at the event, 1 to 5.
    Rated {
        event: String,
        rating: u8,
    },
    /// Came to the event without registering: at the door, or signed up at the kiosk.
    WalkedIn {
        event: String,
        kiosk: bool,
    },
    /// Created by an import, or (`merged`) a row of one merged into the profile; the entry's
    /// changes are what the row changed.
    Imported {
        file: String,
        merged: bool,
    },
    /// Duplicates merged into this candidate: their ids (their tombstones redirect here) and
    /// their names as they were, so the entry reads after they are gone. The entry's changes
    /// are the values picked from them; their own history moved here with them.
    Merged {
        candidates: Vec<uuid::Uuid>,
        names: Vec<String>,
    },
    /// A merge undone: on the survivor, naming those who are back; on each of them, naming the
    /// survivor. What was theirs before the merge is theirs again.
    MergeUndone {
        names: Vec<String>,
    },
    /// A change made to someone since merged into this candidate, applied here instead: the
    /// change's mutation ("candidate.update").
    ChangeRedirected {
        mutation: String,
    },
    /// They asked to be forgotten (see [`crate::erasure_request`]); an approval erases them,
    /// history and all, so no entry tells of it.
    ErasureRequested,
    ErasureDeclined {
        reason: String,
    },
}

impl HistoryDetail {
    /// The kind of entry this detail makes.
    pub fn action(&self) -> HistoryAction {
        use HistoryDetail as D;
        match self {
            D::Tagged { .. } | D::Untagged { .. } => HistoryAction::Tags,
            D::NoteAdded { .. } | D::NoteEdited { .. } | D::NoteDeleted { .. } | D::NotePrivacy { .. } => {
                HistoryAction::Note
            }
            D::AddedToPipeline { .. } | D::RemovedFromPipeline { .. } | D::PipelineMoved { .. } => {
                HistoryAction::Pipeline
            }
            D::SubmittedToJob { .. } | D::HiringStatus { .. } | D::Withdrew { .. } => HistoryAction::Job,
            D::Eligible { .. }
            | D::Active { .. }
            | D::Subscribed { .. }
            | D::Reviewed { .. }
            | D::ErasureRequested
            | D::ErasureDeclined { .. } => HistoryAction::Status,
            D::TextsOptedOut { .. } => HistoryAction::Status,
            D::DocumentUploaded { .. } | D::DocumentDeleted { .. } => HistoryAction::Document,
            D::ResumeParsed { .. }
            | D::Imported { merged: true, .. }
            | D::Merged { .. }
            | D::MergeUndone { .. }
            | D::ChangeRedirected { .. } => HistoryAction::Update,
            D::Imported { merged: false, .. } => HistoryAction::Insert,
            D::MessageQueued { .. } => HistoryAction::Message,
            D::Registered { .. }
            | D::CheckedIn { .. }
            | D::CheckInUndone { .. }
            | D::Rated { .. }
            | D::WalkedIn { .. } => HistoryAction::Event,
        }
    }

    /// In words, for the history list and exports ("Tagged python, fintech").
    pub fn describe(&self) -> String {
        use HistoryDetail as D;
        let note = |private: bool, done: &str| {
            if private { format!("Private note {done}") } else { format!("Note {done}") }
        };
        match self {
            D::Tagged { tags } => format!("Tagged {}", tags.join(", ")),
            D::Untagged { tags } => format!("Untagged {}", tags.join(", ")),
            D::NoteAdded { private } => note(*private, "added"),
            D::NoteEdited { private } => note(*private, "edited"),
            D::NoteDeleted { private } => note(*private, "deleted"),
            D::NotePrivacy { private } => (if *private { "Note made private" } else { "Note shared" }).into(),
            D::AddedToPipeline { pipeline, status } => format!("Added to {pipeline} ({status})"),
            D::RemovedFromPipeline { pipeline } => format!("Removed from {pipeline}"),
            D::PipelineMoved { pipeline, from, to } => format!("Moved in {pipeline}: {from} → {to}"),
            D::SubmittedToJob { job } => format!("Submitted to {job}"),
            D::HiringStatus { job, from, to, bin } => match bin {
                Some(bin) => format!("Hiring status for {job}: {from} → {to} ({bin})"),
                None => format!("Hiring status for {job}: {from} → {to}"),
            },
            D::Withdrew { job } => format!("Withdrew from {job}"),
            D::Eligible { eligible } => (if *eligible { "Marked eligible" } else { "Marked ineligible" }).into(),
            D::Active { active } => (if *active { "Reactivated" } else { "Deactivated" }).into(),
            D::Subscribed { subscribed } => (if *subscribed { "Subscribed" } else { "Unsubscribed" }).into(),
            D::TextsOptedOut { opted_out } => {
                (if *opted_out { "Opted out of text messages" } else { "Opted in to text messages again" }).into()
            }
            D::Reviewed { from, to } => format!("Reviewed: {} → {}", from.label(), to.label()),
            D::DocumentUploaded { name, document_kind } => format!("{} uploaded: {name}", document_kind.label()),
            D::DocumentDeleted { name, document_kind } => format!("{} deleted: {name}", document_kind.label()),
            D::ResumeParsed { document } => format!("Profile replaced from the resume {document}"),
            D::MessageQueued { channel: Channel::Text, .. } => "Text message sent".into(),
            D::MessageQueued { message_kind: MessageKind::InviteToApply, job, .. } => match job {
                Some(job) => format!("Invited to apply to {job}"),
                None => "Invited to apply".into(),
            },
            D::MessageQueued { .. } => "Email sent".into(),
            D::Registered { event } => format!("Registered for {event}"),
            D::CheckedIn { event, kiosk: true } => format!("Checked in at {event} (self check-in at the kiosk)"),
            D::CheckedIn { event, kiosk: false } => format!("Checked in at {event}"),
            D::CheckInUndone { event } => format!("Check-in at {event} undone"),
            D::Rated { event, rating } => format!("Rated {rating} of 5 at {event}"),
            D::WalkedIn { event, kiosk: true } => format!("Signed up at the kiosk at {event}"),
            D::WalkedIn { event, kiosk: false } => format!("Walked in at {event}"),
            D::Imported { file, merged: false } => format!("Imported from {file}"),
            D::Imported { file, merged: true } => format!("Updated from the import of {file}"),
            D::Merged { names, .. } => format!("Merged with {}", names.join(", ")),
            D::MergeUndone { names } => format!("Merge with {} undone", names.join(", ")),
            D::ChangeRedirected { mutation } => {
                format!("{mutation} made to a candidate since merged into this one was applied here")
            }
            D::ErasureRequested => "Asked to be forgotten".into(),
            D::ErasureDeclined { reason } => format!("Request to be forgotten declined: {reason}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_read_as_a_recruiter_says_them() {
        let tagged = HistoryDetail::Tagged { tags: vec!["python".into(), "fintech".into()] };
        assert_eq!(tagged.describe(), "Tagged python, fintech");
        assert_eq!(tagged.action(), HistoryAction::Tags);
        let moved = HistoryDetail::PipelineMoved {
            pipeline: "Backend".into(),
            from: "Unreviewed".into(),
            to: "Contacted".into(),
        };
        assert_eq!(moved.describe(), "Moved in Backend: Unreviewed → Contacted");
        let upload = HistoryDetail::DocumentUploaded { name: "cv.pdf".into(), document_kind: DocumentKind::Resume };
        assert_eq!(upload.describe(), "Resume uploaded: cv.pdf");
        assert_eq!(HistoryDetail::NoteAdded { private: true }.describe(), "Private note added");
        let kiosk = HistoryDetail::CheckedIn { event: "Spring Fair".into(), kiosk: true };
        assert_eq!(kiosk.describe(), "Checked in at Spring Fair (self check-in at the kiosk)");
        assert_eq!(kiosk.action(), HistoryAction::Event);
    }

    #[test]
    fn details_travel_as_tagged_json() {
        let detail = HistoryDetail::Subscribed { subscribed: false };
        let json = serde_json::to_value(&detail).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "subscribed", "subscribed": false}));
        assert_eq!(serde_json::from_value::<HistoryDetail>(json).unwrap(), detail);
    }
}
