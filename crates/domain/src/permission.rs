//! Who may do what. Both the desktop (to hide and refuse) and the server (to enforce) ask here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::DomainError;
use crate::user::{Role, User};

/// Declares the capabilities by who may use them: each is named once, and the list of all of
/// them (sent to the window by role) and `admin_only` follow from where it is named.
macro_rules! capabilities {
    (anyone: [$($anyone:ident),* $(,)?], admins: [$($admin:ident),* $(,)?] $(,)?) => {
        /// Something a user may or may not do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum Capability {
            $($anyone,)*
            $($admin,)*
        }

        impl Capability {
            /// Every capability, in the order declared.
            pub const ALL: &'static [Capability] = &[$(Capability::$anyone,)* $(Capability::$admin,)*];

            /// Only recruiter admins may use it.
            pub const fn admin_only(self) -> bool {
                matches!(self, $(Capability::$admin)|*)
            }
        }
    };
}

capabilities! {
    anyone: [
        ViewCandidates,
        CreateCandidate,
        EditProfile,
        ParseResume,
        MarkEligibility,
        Email,
        InviteToApply,
        BulkText,
        SubmitToJob,
        ManagePipelineMembers,
        ManagePipelines,
        ManageEventMembers,
        ManageTags,
        WriteNotes,
        ManageDocuments,
        ManageApplications,
        Export,
        ViewTalentMatches,
        CreateEvent,
        // Taking down what a candidate asked for themselves (to hear no more campaigns, to be
        // forgotten): their own pages do, through the server, and so may a recruiter they told.
        RecordCandidateRequest,
    ],
    admins: [
        Subscribe,
        Deactivate,
        DeleteCandidate,
        ConfigureColumns,
        ManageTagList,
        ManageCustomFields,
        ManageHiredActions,
        ManageJobs,
        ArchiveEvent,
        ManageAreasOfInterest,
        ManagePhoneCountry,
        ManageSignUpPage,
        ManageTeam,
        ManageTemplates,
        MergeCandidates,
        DecideErasureRequests,
        ManageWebhooks,
    ],
}

impl Capability {
    /// What it lets one do, in English (for the error's `Display`).
    pub(crate) const fn describe(self) -> &'static str {
        match self {
            Capability::Subscribe => "subscribe or unsubscribe candidates",
            Capability::Deactivate => "deactivate candidates",
            Capability::DeleteCandidate => "delete candidates",
            Capability::ConfigureColumns => "configure the results columns",
            Capability::ManageTagList => "manage the tags list",
            Capability::ManageCustomFields => "define custom fields",
            Capability::ManageHiredActions => "set automated hired actions",
            Capability::ManageJobs => "manage jobs",
            Capability::ArchiveEvent => "archive events",
            Capability::ManageAreasOfInterest => "set the areas of interest",
            Capability::ManagePhoneCountry => "set the default phone country",
            Capability::ManageSignUpPage => "word the sign-up page's consent",
            Capability::ManageTeam => "manage the team",
            Capability::ManageTemplates => "manage the message templates",
            Capability::MergeCandidates => "merge duplicate candidates",
            Capability::DecideErasureRequests => "decide requests to be forgotten",
            Capability::ManageWebhooks => "manage webhooks",
            Capability::SubmitToJob => "submit candidates to jobs",
            _ => "do this",
        }
    }
}

/// Whether a role may use `capability` at all. (Submit to Job also needs an ATS ID on the
/// user, which [`authorize`] checks when it runs, so the action is offered and says why.)
pub fn role_may(role: Role, capability: Capability) -> bool {
    !capability.admin_only() || role.is_admin()
}

/// What a role may do: the window is told this once, when the session loads, and offers only
/// these (the store and the server refuse the rest anyway, through [`authorize`]).
pub fn capabilities(role: Role) -> Vec<Capability> {
    Capability::ALL.iter().copied().filter(|c| role_may(role, *c)).collect()
}

/// Whether `user` may use `capability`; the error says why not.
pub fn authorize(user: &User, capability: Capability) -> Result<(), DomainError> {
    if !role_may(user.role, capability) {
        return Err(DomainError::AdminOnly { capability });
    }
    if capability == Capability::SubmitToJob && user.ats_id.is_none() {
        return Err(DomainError::NeedsAtsId);
    }
    Ok(())
}

/// Private notes are seen by their author and admins; public notes by everyone.
pub fn may_see_note(user: &User, author_id: Uuid, private: bool) -> bool {
    !private || user.id == author_id || user.role.is_admin()
}

/// Only the author and admins edit or delete a note.
pub fn may_change_note(user: &User, author_id: Uuid) -> bool {
    user.id == author_id || user.role.is_admin()
}

/// Admins see every message; a recruiter sees their own and those of campaigns they may access.
pub fn may_see_message(user: &User, sender_id: Uuid, campaign_access: bool) -> bool {
    user.role.is_admin() || user.id == sender_id || campaign_access
}

/// Pipelines are shared unless private; a private pipeline is seen by its owner and admins.
/// Whoever sees a pipeline may edit it: a shared one is the team's.
pub fn may_see_pipeline(user: &User, owner_id: Option<Uuid>, private: bool) -> bool {
    !private || user.role.is_admin() || owner_id == Some(user.id)
}

/// Only a pipeline's owner and admins make it private or shared: private means its owner's,
/// so a teammate could otherwise take the team's pipeline away from everyone but its owner.
pub fn may_set_pipeline_privacy(user: &User, owner_id: Option<Uuid>) -> bool {
    user.role.is_admin() || owner_id == Some(user.id)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::mutation::Mutation;
    use crate::search::Selection;
    use crate::settings::{ColumnConfig, HiredActions};

    fn user(role: Role, ats: bool) -> User {
        User {
            id: Uuid::from_u128(1),
            email: "u@example.com".into(),
            name: "U".into(),
            role,
            ats_id: ats.then(|| "R-1".into()),
        }
    }

    /// Who may use each capability, as (a recruiter, an admin). A match rather than a list:
    /// a new capability does not build until it has its row here.
    fn who_may(cap: Capability) -> (bool, bool) {
        use Capability::*;
        match cap {
            ViewCandidates
            | CreateCandidate
            | EditProfile
            | ParseResume
            | MarkEligibility
            | Email
            | InviteToApply
            | BulkText
            | SubmitToJob
            | ManagePipelineMembers
            | ManagePipelines
            | ManageEventMembers
            | ManageTags
            | WriteNotes
            | ManageDocuments
            | ManageApplications
            | Export
            | ViewTalentMatches
            | CreateEvent
            | RecordCandidateRequest => (true, true),
            Subscribe
            | Deactivate
            | DeleteCandidate
            | ConfigureColumns
            | ManageTagList
            | ManageCustomFields
            | ManageHiredActions
            | ManageJobs
            | ArchiveEvent
            | ManageAreasOfInterest
            | ManagePhoneCountry
            | ManageSignUpPage
            | ManageTeam
            | ManageTemplates
            | MergeCandidates
            | DecideErasureRequests
            | ManageWebhooks => (false, true),
        }
    }

    #[test]
    fn capabilities_by_role_case_by_case() {
        for &cap in Capability::ALL {
            let (recruiter, admin) = who_may(cap);
            assert_eq!(authorize(&user(Role::Recruiter, true), cap).is_ok(), recruiter, "recruiter {cap:?}");
            assert_eq!(authorize(&user(Role::RecruiterAdmin, true), cap).is_ok(), admin, "admin {cap:?}");
        }
    }

    #[test]
    fn all_lists_every_capability_once() {
        // The window's type names every variant of the enum (ts-rs reads it, not `ALL`): a
        // capability left out of `ALL` would be in no role's list and in no test above.
        let variants: BTreeSet<String> =
            Capability::inline(&ts_rs::Config::new()).split(" | ").map(str::to_owned).collect();
        let listed: BTreeSet<String> =
            Capability::ALL.iter().map(|c| serde_json::to_value(c).unwrap().to_string()).collect();
        assert_eq!(listed.len(), Capability::ALL.len(), "listed twice");
        assert_eq!(listed, variants);
    }

    #[test]
    fn the_list_a_role_is_sent_is_what_authorize_allows() {
        for role in [Role::Recruiter, Role::RecruiterAdmin] {
            let listed = capabilities(role);
            for &cap in Capability::ALL {
                assert_eq!(listed.contains(&cap), authorize(&user(role, true), cap).is_ok(), "{role:?} {cap:?}");
            }
        }
        assert_eq!(capabilities(Role::RecruiterAdmin), Capability::ALL);
    }

    #[test]
    fn every_mutation_a_recruiter_is_refused_is_missing_from_their_list() {
        let nil = Uuid::nil();
        let some = || Selection::ids([nil]);
        let mutations = [
            Mutation::CandidateDelete { selection: some() },
            Mutation::SetActive { candidate_id: nil, active: false },
            Mutation::SetSubscribed { selection: some(), subscribed: false },
            Mutation::TagDefine { name: "Veteran".into() },
            Mutation::SetColumns { config: ColumnConfig::default() },
            Mutation::SetHiredActions { actions: HiredActions::default() },
            Mutation::CustomFieldDelete { key: "k".into() },
            Mutation::EventArchive { event_id: nil, archived: true },
            Mutation::SetInterests { interests: Vec::new() },
            Mutation::SetPhoneCountry { country: None },
            Mutation::PipelineCreate { pipeline_id: nil, name: "P".into(), statuses: Vec::new(), private: false },
            Mutation::TagsAdd { selection: some(), tags: vec!["Veteran".into()] },
            Mutation::SetEligible { candidate_id: nil, eligible: false },
            Mutation::PipelineAdd { selection: some(), pipeline_id: nil, status: None },
            Mutation::NoteAdd { note_id: nil, candidate_id: nil, body: "b".into(), private: true },
            Mutation::JobSubmit { selection: some(), job_id: nil },
            Mutation::EventRate { event_id: nil, candidate_id: nil, rating: 4 },
        ];
        let recruiter = user(Role::Recruiter, true);
        let listed = capabilities(recruiter.role);
        let mut refused = 0;
        for m in &mutations {
            let allowed = authorize(&recruiter, m.capability()).is_ok();
            assert_eq!(listed.contains(&m.capability()), allowed, "{}", m.name());
            refused += usize::from(!allowed);
        }
        assert_eq!(refused, 10, "the admin-only mutations above");
    }

    #[test]
    fn submit_to_job_needs_an_ats_id_whatever_the_role() {
        for role in [Role::Recruiter, Role::RecruiterAdmin] {
            let err = authorize(&user(role, false), Capability::SubmitToJob).unwrap_err();
            assert!(err.to_string().contains("ATS ID"));
        }
    }

    #[test]
    fn notes_messages_and_pipelines_by_owner_and_role() {
        let me = user(Role::Recruiter, false);
        let admin = User { id: Uuid::from_u128(9), ..user(Role::RecruiterAdmin, false) };
        let other = Uuid::from_u128(2);
        // (viewer, author, private, may see, may change)
        let notes = [
            (&me, me.id, true, true, true),
            (&me, other, false, true, false),
            (&me, other, true, false, false),
            (&admin, other, true, true, true),
            (&admin, other, false, true, true),
        ];
        for (viewer, author, private, see, change) in notes {
            assert_eq!(may_see_note(viewer, author, private), see);
            assert_eq!(may_change_note(viewer, author), change);
        }
        assert!(may_see_message(&me, me.id, false));
        assert!(!may_see_message(&me, other, false));
        assert!(may_see_message(&me, other, true));
        assert!(may_see_message(&admin, other, false));
        assert!(may_see_pipeline(&me, Some(other), false));
        assert!(!may_see_pipeline(&me, Some(other), true));
        assert!(may_see_pipeline(&me, Some(me.id), true));
        assert!(may_see_pipeline(&admin, Some(other), true));
        assert!(may_set_pipeline_privacy(&me, Some(me.id)));
        assert!(!may_set_pipeline_privacy(&me, Some(other)));
        assert!(!may_set_pipeline_privacy(&me, None));
        assert!(may_set_pipeline_privacy(&admin, Some(other)));
    }

    #[test]
    fn refusal_names_what_is_admin_only() {
        let err = authorize(&user(Role::Recruiter, true), Capability::DeleteCandidate).unwrap_err();
        assert_eq!(err.to_string(), "only recruiter admins may delete candidates");
    }
}
