//! What becomes of changes still waiting for the server when their candidate is erased.
//!
//! A waiting mutation can carry the candidate's personal data (a created profile, an edit's
//! values, a note, a document's name). Erasure must not leave that in the outbox, yet the
//! outbox cannot simply lose entries: the server takes each client's sequence numbers without
//! gaps. So each such entry is rewritten in place to a change that carries nothing personal and
//! still applies before the deletion that follows it.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::DomainError;
use crate::candidate::{FieldValue, Profile};
use crate::history::HistoryEntry;
use crate::import::ImportWrite;
use crate::mutation::Mutation;

/// The candidate being erased, with the notes and documents that go with them.
#[derive(Debug, Clone, Default)]
pub struct Erasure {
    pub candidate_id: Uuid,
    pub notes: HashSet<Uuid>,
    pub documents: HashSet<Uuid>,
    /// The profiles, as they are here, of the others named in waiting merges about them: a
    /// merge of three or more goes on without them, keeping the values picked from the others.
    pub others: HashMap<Uuid, Profile>,
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
            M::EventWalkIn { event_id, candidate_id, at, kiosk, .. } if *candidate_id == self.candidate_id => {
                Some(M::EventWalkIn {
                    event_id: *event_id,
                    candidate_id: *candidate_id,
                    profile: erased_profile(),
                    interests: Vec::new(),
                    consent: false,
                    at: *at,
                    kiosk: *kiosk,
                })
            }
            // An imported row: a creation stays one, without the row's data; a merge into them
            // becomes a review.
            M::CandidateImport { candidate_id, source, write: ImportWrite::Create { .. } }
                if *candidate_id == self.candidate_id =>
            {
                Some(M::CandidateImport {
                    candidate_id: *candidate_id,
                    source: source.clone(),
                    write: ImportWrite::Create { profile: erased_profile() },
                })
            }
            M::CandidateUpdate { candidate_id, .. }
            | M::ApplyResume { candidate_id, .. }
            | M::NoteAdd { candidate_id, .. }
            | M::CandidateImport { candidate_id, .. }
                if *candidate_id == self.candidate_id =>
            {
                review
            }
            M::NoteEdit { note_id, .. } | M::NoteDelete { note_id } if self.notes.contains(note_id) => review,
            M::DocumentAttach { document } if document.candidate_id == self.candidate_id => review,
            M::DocumentDelete { document_id } if self.documents.contains(document_id) => review,
            // One of two or more merged: the others still merge, with the values picked from
            // them; those only this one had go.
            M::CandidateMerge { survivor_id, merged_ids, changes }
                if merged_ids.len() > 1 && merged_ids.contains(&self.candidate_id) =>
            {
                Some(crate::merge::leaving_out(*survivor_id, merged_ids, changes, self.candidate_id, &self.others))
            }
            // A merge stays one (the outbox's later entries may need it to have happened), but
            // without the values picked from them or for them (a survivor's are erased with
            // them by the deletion that follows).
            M::CandidateMerge { survivor_id, merged_ids, .. } if self.in_merge(*survivor_id, merged_ids) => {
                Some(M::CandidateMerge { survivor_id: *survivor_id, merged_ids: merged_ids.clone(), changes: vec![] })
            }
            // A merge's undo stays one, so that those it brings back are back before their
            // deletion, but with their profile erased in it; the others' are theirs to keep.
            M::Undo { expect, mutations }
                if !mutations.is_empty()
                    && mutations.iter().all(|m| matches!(m, M::CandidateUnmerge { .. }))
                    && mutations.iter().any(|m| self.redact(m).is_some()) =>
            {
                Some(M::Undo {
                    expect: expect.clone(),
                    mutations: mutations.iter().map(|m| self.erased_in(m)).collect(),
                })
            }
            // Outside an undo an unmerge is refused; its profiles still go.
            M::CandidateUnmerge { survivor, merged }
                if self.in_merge(survivor.id(), &merged.iter().map(|m| m.aggregate.id()).collect::<Vec<_>>()) =>
            {
                review
            }
            // An undo may carry a note's text, or a change about them.
            M::Undo { expect, mutations }
                if mutations.iter().any(|m| self.redact(m).is_some())
                    || expect.iter().any(|e| e.note_id().is_some_and(|id| self.notes.contains(&id))) =>
            {
                review
            }
            _ => None,
        }
    }
}

impl Erasure {
    fn in_merge(&self, survivor: Uuid, merged: &[Uuid]) -> bool {
        survivor == self.candidate_id || merged.contains(&self.candidate_id)
    }

    /// The unmerge with this candidate's profile in it erased.
    fn erased_in(&self, unmerge: &Mutation) -> Mutation {
        let mut unmerge = unmerge.clone();
        if let Mutation::CandidateUnmerge { survivor, merged } = &mut unmerge {
            let aggregates = std::iter::once(survivor.as_mut()).chain(merged.iter_mut().map(|m| &mut m.aggregate));
            for aggregate in aggregates.filter(|a| a.id() == self.candidate_id) {
                aggregate.candidate.profile = erased_profile();
            }
        }
        unmerge
    }
}

/// A profile with no personal data that still passes validation.
fn erased_profile() -> Profile {
    Profile { first_name: "Erased".into(), last_name: "candidate".into(), ..Profile::default() }
}

/// What stands in a text for an erased person's name, email or phone.
pub const ERASED: &str = "[erased]";

/// The ways free text (a rejection's reason, a stored outcome) can name an erased person: their
/// full names, emails and phones as the profile and its history had them. Texts that name one
/// of those are rewritten, and within them every first or last name too; a first name alone
/// does not mark a text as theirs (it is too common a word to find them by).
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    /// Full names, emails and phones: a text holding one of them is about the person.
    telling: Vec<String>,
    /// First and last names, rewritten only in a text that is about the person.
    names: Vec<String>,
}

impl Mentions {
    /// Adds the profile's name, email and phone.
    pub fn add_profile(&mut self, profile: &Profile) {
        self.add_name(&profile.first_name, &profile.last_name);
        for value in [&profile.email, &profile.phone].into_iter().flatten() {
            self.add_telling(value);
        }
    }

    /// Adds every name, email and phone their history says they once had.
    pub fn add_history(&mut self, history: &[HistoryEntry]) {
        for change in history.iter().flat_map(|entry| &entry.changes) {
            self.add_field(&change.from);
            self.add_field(&change.to);
        }
    }

    fn add_field(&mut self, value: &FieldValue) {
        match value {
            FieldValue::FirstName(name) | FieldValue::LastName(name) => self.add(name, false),
            FieldValue::Email(Some(value)) | FieldValue::Phone(Some(value)) => self.add_telling(value),
            _ => {}
        }
    }

    fn add_name(&mut self, first: &str, last: &str) {
        self.add(first, false);
        self.add(last, false);
        self.add_telling(format!("{first} {last}").trim());
    }

    fn add_telling(&mut self, value: &str) {
        self.add(value, true);
    }

    fn add(&mut self, value: &str, telling: bool) {
        let value = value.trim();
        let list = if telling { &mut self.telling } else { &mut self.names };
        if !value.is_empty() && !list.iter().any(|v| v.eq_ignore_ascii_case(value)) {
            list.push(value.to_owned());
        }
    }

    /// The values that mark a text as being about the person (for a coarse search first).
    pub fn telling(&self) -> &[String] {
        &self.telling
    }

    /// The text with every mention rewritten to [`ERASED`], or `None` when it names nobody here.
    pub fn redact(&self, text: &str) -> Option<String> {
        if !self.telling.iter().any(|value| find_word(text, value, 0).is_some()) {
            return None;
        }
        let mut text = text.to_owned();
        // Longest first, so a full name goes as a whole before its parts.
        let mut values: Vec<&String> = self.telling.iter().chain(&self.names).collect();
        values.sort_by_key(|v| std::cmp::Reverse(v.len()));
        for value in values {
            let mut from = 0;
            while let Some((start, end)) = find_word(&text, value, from) {
                text.replace_range(start..end, ERASED);
                from = start + ERASED.len();
            }
        }
        Some(text)
    }

    /// The error with its texts rewritten, or `None` when it names nobody here.
    pub fn redact_error(&self, error: &DomainError) -> Option<DomainError> {
        let mut error = error.clone();
        let mut changed = false;
        for text in error.texts_mut() {
            if let Some(redacted) = self.redact(text) {
                *text = redacted;
                changed = true;
            }
        }
        changed.then_some(error)
    }
}

/// The first place at or after `from` where `value` stands in `text` as a whole word (ignoring
/// case), as a byte range: "Ana" is not found in "Banana", nor an email inside a longer one.
fn find_word(text: &str, value: &str, from: usize) -> Option<(usize, usize)> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut starts = text.char_indices().map(|(i, _)| i).filter(|i| *i >= from);
    starts.find_map(|start| {
        let end = matched_len(&text[start..], value).map(|len| start + len)?;
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        (!is_word(before) && !is_word(after)).then_some((start, end))
    })
}

/// How many bytes at the start of `text` spell `value`, ignoring case.
fn matched_len(text: &str, value: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    for wanted in value.chars() {
        let c = chars.next()?;
        if !c.to_lowercase().eq(wanted.to_lowercase()) {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::ProfileType;
    use crate::document::{Document, DocumentKind};
    use crate::import::{Differing, ImportSource};
    use crate::search::Selection;

    fn erasure() -> (Erasure, Uuid, Uuid) {
        let (note, document) = (Uuid::from_u128(2), Uuid::from_u128(3));
        let e = Erasure {
            candidate_id: Uuid::from_u128(1),
            notes: HashSet::from([note]),
            documents: HashSet::from([document]),
            others: HashMap::new(),
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
        let source = ImportSource { import_id: Uuid::from_u128(7), file: "fair.csv".into() };
        let merge = ImportWrite::Merge { profile: profile.clone(), differing: Differing::TakeImport };
        let carrying = [
            M::CandidateUpdate { candidate_id: id, changes: vec![] },
            M::CandidateImport { candidate_id: id, source: source.clone(), write: merge },
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
        let imported =
            M::CandidateImport { candidate_id: id, source, write: ImportWrite::Create { profile: profile.clone() } };
        let Some(M::CandidateImport { write: ImportWrite::Create { profile: kept }, .. }) = e.redact(&imported) else {
            panic!("still an imported creation")
        };
        assert!(!serde_json::to_string(&kept).unwrap().to_lowercase().contains("zofia"));
        let create = M::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
        let Some(M::CandidateCreate { profile, profile_type, .. }) = e.redact(&create) else {
            panic!("still a create")
        };
        assert_eq!(profile_type, ProfileType::RecruiterGenerated);
        assert!(!serde_json::to_string(&profile).unwrap().to_lowercase().contains("zofia"));
        let walk_in = M::EventWalkIn {
            event_id: Uuid::from_u128(9),
            candidate_id: id,
            profile: Profile { first_name: "Zofia".into(), ..Profile::default() },
            interests: vec!["Data".into()],
            consent: true,
            at: None,
            kiosk: true,
        };
        let redacted = e.redact(&walk_in).expect("still a walk-in");
        assert!(matches!(redacted, M::EventWalkIn { kiosk: true, consent: false, .. }));
        assert!(!serde_json::to_string(&redacted).unwrap().to_lowercase().contains("zofia"));
        assert!(profile.validated().is_ok(), "the server can still apply it");
    }

    #[test]
    fn a_merge_and_its_undo_stay_without_their_values() {
        use crate::merge::{Attached, Unmerged};
        use crate::undo::{Expectation, tests::person};
        let (e, _, _) = erasure();
        let (id, other) = (e.candidate_id, Uuid::from_u128(9));
        let zofia = FieldValue::Email(Some("zofia@example.org".into()));
        let picked = vec![crate::history::FieldChange { from: FieldValue::Email(None), to: zofia }];
        for (survivor_id, merged_ids) in [(id, vec![other]), (other, vec![id])] {
            let merge = M::CandidateMerge { survivor_id, merged_ids: merged_ids.clone(), changes: picked.clone() };
            assert_eq!(e.redact(&merge), Some(M::CandidateMerge { survivor_id, merged_ids, changes: vec![] }));
        }
        let with_name = |n, name: &str| {
            let mut a = person(n);
            a.candidate.profile.first_name = name.into();
            a
        };
        let unmerge = M::CandidateUnmerge {
            survivor: Box::new(with_name(9, "Ada")),
            merged: vec![Unmerged { aggregate: with_name(1, "Zofia"), attached: Attached::default() }],
        };
        let expect = vec![Expectation::Merged { survivor_id: other, merged_ids: vec![id] }];
        let undo = M::Undo { expect: expect.clone(), mutations: vec![unmerge] };
        let Some(M::Undo { expect: kept, mutations }) = e.redact(&undo) else { panic!("still an undo") };
        assert_eq!(kept, expect);
        let text = serde_json::to_string(&mutations).unwrap();
        assert!(!text.contains("Zofia") && text.contains("Ada"), "only the erased one's profile goes: {text}");
        assert_eq!(e.redact(&mutations[0]), Some(M::CandidateReview { candidate_id: id }), "a bare unmerge");
    }

    #[test]
    fn a_merge_of_three_goes_on_without_them_keeping_the_others_picks() {
        let (mut e, _, _) = erasure();
        let (erased, survivor, other) = (e.candidate_id, Uuid::from_u128(9), Uuid::from_u128(10));
        let email = |s: &str| FieldValue::Email(Some(s.into()));
        let title = |s: &str| FieldValue::CurrentTitle(s.into());
        let picked = vec![
            crate::history::FieldChange { from: email("ada@example.org"), to: email("zofia@example.org") },
            crate::history::FieldChange { from: title("Nurse"), to: title("Head nurse") },
        ];
        let merge =
            M::CandidateMerge { survivor_id: survivor, merged_ids: vec![erased, other], changes: picked.clone() };
        let kept_title = Profile { current_title: "Head nurse".into(), ..Profile::default() };
        e.others = HashMap::from([(survivor, Profile::default()), (other, kept_title)]);
        assert_eq!(
            e.redact(&merge),
            Some(M::CandidateMerge {
                survivor_id: survivor,
                merged_ids: vec![other],
                changes: vec![picked[1].clone()]
            }),
            "the title picked from the other stays; the email only the erased one had goes"
        );
        // Whose profile is not known here keeps no pick: nothing of the erased one may stay.
        e.others.clear();
        assert_eq!(
            e.redact(&merge),
            Some(M::CandidateMerge { survivor_id: survivor, merged_ids: vec![other], changes: vec![] })
        );
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

    #[test]
    fn texts_naming_the_person_are_rewritten_and_others_left_alone() {
        let mut m = Mentions::default();
        m.add_profile(&Profile {
            first_name: "Ana".into(),
            last_name: "Zyxwick".into(),
            email: Some("ana.z@example.org".into()),
            phone: Some("+1 555 0100".into()),
            ..Profile::default()
        });
        let change = crate::history::FieldChange {
            from: FieldValue::Email(Some("old.ana@example.org".into())),
            to: FieldValue::Email(Some("ana.z@example.org".into())),
        };
        m.add_history(&[HistoryEntry {
            id: 1,
            candidate_id: Uuid::from_u128(1),
            action: crate::history::HistoryAction::Update,
            actor_email: "rita@acme.test".into(),
            at: chrono::Utc::now(),
            changes: vec![change],
            summary: None,
            detail: None,
        }]);
        assert_eq!(m.redact("ana zyxwick has no phone").as_deref(), Some("[erased] has no phone"));
        assert_eq!(
            m.redact("\"OLD.ANA@example.org\" or +1 555 0100; Ana said").as_deref(),
            Some("\"[erased]\" or [erased]; [erased] said")
        );
        assert_eq!(m.redact("Ana Banana was here"), None, "a first name alone does not tell");
        assert_eq!(m.redact("xana.z@example.org"), None, "another email is not theirs");
        let error = DomainError::invalid("selection", "Ana Zyxwick has no email");
        assert_eq!(m.redact_error(&error), Some(DomainError::invalid("selection", "[erased] has no email")));
        assert_eq!(m.redact_error(&DomainError::not_found("candidate", 7)), None);
    }

    use Mutation as M;
}
