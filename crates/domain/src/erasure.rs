//! What becomes of changes still waiting for the server when their candidate is erased.
//!
//! A waiting mutation can carry the candidate's personal data (a created profile, an edit's
//! values, a note, a document's name). Erasure must not leave that in the outbox, yet the
//! outbox cannot simply lose entries: the server takes each client's sequence numbers without
//! gaps. So each such entry is rewritten in place to a change that carries nothing personal and
//! still applies before the deletion that follows it.

use std::collections::HashSet;

use uuid::Uuid;

use crate::candidate::Profile;
use crate::mutation::Mutation;

/// The candidate being erased, with the notes and documents that go with them.
#[derive(Debug, Clone, Default)]
pub struct Erasure {
    pub candidate_id: Uuid,
    pub notes: HashSet<Uuid>,
    pub documents: HashSet<Uuid>,
}

impl Erasure {
    /// The mutation to keep in place of `mutation`, or `None` when it carries nothing about
    /// this candidate. A creation stays a creation (later entries need the candidate to
    /// exist until the deletion); everything else about them becomes a plain review.
    pub fn redact(&self, mutation: &Mutation) -> Option<Mutation> {
        use Mutation as M;
        let review = Some(M::CandidateReview { candidate_id: self.candidate_id });
        match mutation {
            M::CandidateCreate { candidate_id, profile_type, .. } if *candidate_id == self.candidate_id => {
                Some(M::CandidateCreate {
                    candidate_id: *candidate_id,
                    profile: erased_profile(),
                    profile_type: *profile_type,
                })
            }
            M::CandidateUpdate { candidate_id, .. }
            | M::ApplyResume { candidate_id, .. }
            | M::NoteAdd { candidate_id, .. }
                if *candidate_id == self.candidate_id =>
            {
                review
            }
            M::NoteEdit { note_id, .. } | M::NoteDelete { note_id } if self.notes.contains(note_id) => review,
            M::DocumentAttach { document } if document.candidate_id == self.candidate_id => review,
            M::DocumentDelete { document_id } if self.documents.contains(document_id) => review,
            _ => None,
        }
    }
}

/// A profile with no personal data that still passes validation.
fn erased_profile() -> Profile {
    Profile { first_name: "Erased".into(), last_name: "candidate".into(), ..Profile::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::ProfileType;
    use crate::document::{Document, DocumentKind};
    use crate::search::Selection;

    fn erasure() -> (Erasure, Uuid, Uuid) {
        let (note, document) = (Uuid::from_u128(2), Uuid::from_u128(3));
        let e = Erasure {
            candidate_id: Uuid::from_u128(1),
            notes: HashSet::from([note]),
            documents: HashSet::from([document]),
        };
        (e, note, document)
    }

    #[test]
    fn every_change_carrying_the_candidates_data_is_rewritten_without_it() {
        let (e, note, document) = erasure();
        let id = e.candidate_id;
        let profile =
            Profile { first_name: "Zofia".into(), email: Some("zofia@example.org".into()), ..Profile::default() };
        let doc = Document {
            id: document,
            candidate_id: id,
            name: "Zofia CV.pdf".into(),
            kind: DocumentKind::Resume,
            sha256: "a".repeat(64),
            size: 1,
            uploaded_at: chrono::Utc::now(),
        };
        let carrying = [
            M::CandidateUpdate { candidate_id: id, changes: vec![] },
            M::ApplyResume { candidate_id: id, document_id: document, profile: profile.clone() },
            M::NoteAdd { note_id: note, candidate_id: id, body: "call Zofia".into(), private: false },
            M::NoteEdit { note_id: note, body: "zofia@example.org".into(), private: true },
            M::NoteDelete { note_id: note },
            M::DocumentAttach { document: doc },
            M::DocumentDelete { document_id: document },
        ];
        for m in &carrying {
            assert_eq!(e.redact(m), Some(M::CandidateReview { candidate_id: id }), "{}", m.name());
        }
        let create = M::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
        let Some(M::CandidateCreate { profile, profile_type, .. }) = e.redact(&create) else {
            panic!("still a create")
        };
        assert_eq!(profile_type, ProfileType::RecruiterGenerated);
        assert!(!serde_json::to_string(&profile).unwrap().to_lowercase().contains("zofia"));
        assert!(profile.validated().is_ok(), "the server can still apply it");
    }

    #[test]
    fn changes_about_others_are_left_alone() {
        let (e, _, _) = erasure();
        let other = Uuid::from_u128(9);
        for m in [
            M::CandidateReview { candidate_id: e.candidate_id },
            M::NoteAdd { note_id: other, candidate_id: other, body: "x".into(), private: false },
            M::NoteDelete { note_id: other },
            M::TagsAdd { selection: Selection::ids([e.candidate_id]), tags: vec!["Java".into()] },
            M::CandidateDelete { selection: Selection::ids([e.candidate_id]) },
        ] {
            assert_eq!(e.redact(&m), None, "{}", m.name());
        }
    }

    use Mutation as M;
}
