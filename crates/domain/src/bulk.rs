//! Bulk actions and how many candidates each may touch at once.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::DomainError;
use crate::permission::{self, Capability};
use crate::user::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BulkAction {
    Email,
    InviteToApply,
    SubmitToJob,
    AddToEvent,
    DownloadResumes,
    BulkText,
    ManageTags,
    AddToPipeline,
    RemoveFromPipeline,
    Export,
    Subscribe,
    Unsubscribe,
    Purge,
}

impl BulkAction {
    pub const ALL: [BulkAction; 13] = [
        BulkAction::Email,
        BulkAction::InviteToApply,
        BulkAction::SubmitToJob,
        BulkAction::AddToEvent,
        BulkAction::DownloadResumes,
        BulkAction::BulkText,
        BulkAction::ManageTags,
        BulkAction::AddToPipeline,
        BulkAction::RemoveFromPipeline,
        BulkAction::Export,
        BulkAction::Subscribe,
        BulkAction::Unsubscribe,
        BulkAction::Purge,
    ];

    /// The most candidates one run of this action may touch.
    pub const fn limit(self) -> u32 {
        match self {
            BulkAction::ManageTags
            | BulkAction::AddToPipeline
            | BulkAction::RemoveFromPipeline
            | BulkAction::Export => 100_000,
            BulkAction::Email
            | BulkAction::InviteToApply
            | BulkAction::SubmitToJob
            | BulkAction::AddToEvent
            | BulkAction::DownloadResumes
            | BulkAction::BulkText
            | BulkAction::Subscribe
            | BulkAction::Unsubscribe
            | BulkAction::Purge => 50,
        }
    }

    /// What a user must be allowed to run it: the capability of its mutation (or command), so
    /// who may run it on many is who may run it on one.
    pub const fn capability(self) -> Capability {
        match self {
            BulkAction::Email => Capability::Email,
            BulkAction::InviteToApply => Capability::InviteToApply,
            BulkAction::SubmitToJob => Capability::SubmitToJob,
            BulkAction::AddToEvent => Capability::ManageEventMembers,
            // Reading the candidates' documents is all it takes.
            BulkAction::DownloadResumes => Capability::ViewCandidates,
            BulkAction::BulkText => Capability::BulkText,
            BulkAction::ManageTags => Capability::ManageTags,
            BulkAction::AddToPipeline | BulkAction::RemoveFromPipeline => Capability::ManagePipelineMembers,
            BulkAction::Export => Capability::Export,
            BulkAction::Subscribe | BulkAction::Unsubscribe => Capability::Subscribe,
            BulkAction::Purge => Capability::DeleteCandidate,
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            BulkAction::Email => "Email",
            BulkAction::InviteToApply => "Invite to Apply",
            BulkAction::SubmitToJob => "Submit to Job",
            BulkAction::AddToEvent => "Add to Event",
            BulkAction::DownloadResumes => "Download Resumes",
            BulkAction::BulkText => "Bulk Text",
            BulkAction::ManageTags => "Manage Tags",
            BulkAction::AddToPipeline => "Add to Pipeline",
            BulkAction::RemoveFromPipeline => "Remove from Pipeline",
            BulkAction::Export => "Export",
            BulkAction::Subscribe => "Subscribe",
            BulkAction::Unsubscribe => "Unsubscribe",
            BulkAction::Purge => "Purge",
        }
    }

    /// Whether `role` may run this action on `count` candidates; the error says why not.
    /// [`check`](Self::check) for a list of ticked candidates, which must not repeat one.
    pub fn check_ids(self, role: Role, ids: &[uuid::Uuid]) -> Result<(), DomainError> {
        self.check(role, ids.len() as u64)?;
        let mut unique = ids.to_vec();
        unique.sort_unstable();
        unique.dedup();
        if unique.len() != ids.len() {
            return Err(DomainError::RepeatedInSelection);
        }
        Ok(())
    }

    pub fn check(self, role: Role, count: u64) -> Result<(), DomainError> {
        if !permission::role_may(role, self.capability()) {
            return Err(DomainError::AdminOnly { capability: self.capability() });
        }
        if count == 0 {
            return Err(DomainError::NothingSelected);
        }
        if count > u64::from(self.limit()) {
            return Err(DomainError::OverBulkLimit { action: self, limit: self.limit(), requested: count });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_match_section_4() {
        use BulkAction::*;
        let expected = [
            (Email, 50),
            (InviteToApply, 50),
            (SubmitToJob, 50),
            (AddToEvent, 50),
            (DownloadResumes, 50),
            (BulkText, 50),
            (ManageTags, 100_000),
            (AddToPipeline, 100_000),
            (RemoveFromPipeline, 100_000),
            (Export, 100_000),
            (Subscribe, 50),
            (Unsubscribe, 50),
            (Purge, 50),
        ];
        assert_eq!(expected.len(), BulkAction::ALL.len());
        for (action, limit) in expected {
            assert_eq!(action.limit(), limit, "{action:?}");
            assert!(action.check(Role::RecruiterAdmin, u64::from(limit)).is_ok());
            let over = action.check(Role::RecruiterAdmin, u64::from(limit) + 1).unwrap_err();
            assert!(matches!(over, DomainError::OverBulkLimit { requested, .. } if requested == u64::from(limit) + 1));
        }
    }

    #[test]
    fn admin_only_actions_are_refused_to_recruiters_whatever_the_count() {
        for action in BulkAction::ALL {
            let result = action.check(Role::Recruiter, 1);
            assert_eq!(result.is_err(), action.capability().admin_only(), "{action:?}");
        }
        let refused: Vec<BulkAction> =
            BulkAction::ALL.into_iter().filter(|a| a.check(Role::Recruiter, 1).is_err()).collect();
        assert_eq!(refused, [BulkAction::Subscribe, BulkAction::Unsubscribe, BulkAction::Purge]);
        let err = BulkAction::Purge.check(Role::Recruiter, 1).unwrap_err();
        assert_eq!(err.to_string(), "only recruiter admins may delete candidates");
    }

    #[test]
    fn a_bulk_action_needs_what_its_mutation_needs() {
        use crate::mutation::Mutation;
        use crate::search::Selection;
        let (nil, some) = (uuid::Uuid::nil(), || Selection::ids([uuid::Uuid::nil()]));
        let text = String::new;
        let mutations = [
            Mutation::SetSubscribed { selection: some(), subscribed: true },
            Mutation::SetSubscribed { selection: some(), subscribed: false },
            Mutation::CandidateDelete { selection: some() },
            Mutation::TagsAdd { selection: some(), tags: Vec::new() },
            Mutation::TagsRemove { selection: some(), tags: Vec::new() },
            Mutation::PipelineAdd { selection: some(), pipeline_id: nil, status: None },
            Mutation::PipelineRemove { selection: some(), pipeline_id: nil },
            Mutation::EventAdd { selection: some(), event_id: nil, attended: false, confirmation: None },
            Mutation::EmailSend { send_id: nil, selection: some(), subject: text(), body: text() },
            Mutation::InviteSend { send_id: nil, selection: some(), job_id: nil, subject: text(), body: text() },
            Mutation::TextSend { send_id: nil, selection: some(), body: text() },
            Mutation::JobSubmit { selection: some(), job_id: nil },
        ];
        for m in mutations {
            let action = m.bulk_action().unwrap_or_else(|| panic!("{} has no bulk action", m.name()));
            assert_eq!(action.capability(), m.capability(), "{}", m.name());
        }
    }

    #[test]
    fn empty_selection_is_an_error() {
        assert!(BulkAction::ManageTags.check(Role::Recruiter, 0).is_err());
    }

    #[test]
    fn over_limit_message_names_action_limit_and_count() {
        let err = BulkAction::Email.check(Role::Recruiter, 51).unwrap_err();
        assert_eq!(err.to_string(), "Email works on at most 50 candidates at once; 51 are selected");
    }
}
