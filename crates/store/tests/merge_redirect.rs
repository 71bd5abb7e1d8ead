//! A change naming a candidate whom a merge took (a profile still open on them, a change
//! waiting from before the merge) goes to the survivor on a real store: once in a selection
//! that names both, through a chain of merges, said in the survivor's history; the outbox
//! keeps it as made, so the server aims it the same way. A deleted survivor leaves it refused
//! as not found, and a merge undone makes it the original candidate's again.

mod common;

use common::{Fixture, Person, fixture};
use talentdesk_domain::DomainError;
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_store::StoreError;
use uuid::Uuid;

fn merge(f: &mut Fixture, survivor_id: Uuid, merged: Uuid) -> talentdesk_store::Applied {
    f.admin_applies(Mutation::CandidateMerge { survivor_id, merged_ids: vec![merged], changes: vec![] })
}

fn retitle(candidate_id: Uuid, to: &str) -> Mutation {
    let change = FieldChange { from: FieldValue::CurrentTitle(String::new()), to: FieldValue::CurrentTitle(to.into()) };
    Mutation::CandidateUpdate { candidate_id, changes: vec![change] }
}

fn title(f: &Fixture, id: Uuid) -> String {
    f.store.profile(&f.admin, id).unwrap().candidate.profile.current_title
}

/// The survivor's entries that say a change made to a merged candidate was applied to them.
fn redirect_entries(f: &Fixture, id: Uuid) -> Vec<String> {
    let history = f.store.profile(&f.admin, id).unwrap().history;
    history.into_iter().filter_map(|h| h.summary).filter(|s| s.contains("since merged into this one")).collect()
}

#[test]
fn a_change_to_a_merged_candidate_goes_to_the_survivor_and_their_history_says_so() {
    let mut f = fixture();
    f.define_tag("python");
    let ana = f.create(Person::default());
    let dup = f.create(Person::default());
    let bo = f.create(Person { first: "Bo", last: "Lindqvist", ..Person::default() });
    merge(&mut f, ana, dup);

    let rec = f.recruiter.clone();
    let note = new_id();
    let add_note =
        Mutation::NoteAdd { note_id: note, candidate_id: dup, body: "Met at the fair".into(), private: false };
    f.store.apply(&rec, add_note.clone()).unwrap();
    f.store.apply(&rec, retitle(dup, "Head nurse")).unwrap();
    // A selection naming the merged one and the survivor tags the survivor once.
    let tag = Mutation::TagsAdd { selection: Selection::ids([dup, ana, bo]), tags: vec!["python".into()] };
    let tagged = f.store.apply(&rec, tag.clone()).unwrap();
    assert_eq!(tagged.affected, 2, "Ana and Bo, Ana once");

    let profile = f.store.profile(&f.admin, ana).unwrap();
    assert_eq!(profile.candidate.profile.current_title, "Head nurse");
    assert_eq!(profile.notes.iter().map(|n| n.note.id).collect::<Vec<_>>(), [note]);
    assert_eq!(profile.tags, ["python"]);
    assert_eq!(f.store.profile(&f.admin, bo).unwrap().tags, ["python"]);
    let said = redirect_entries(&f, ana);
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(said.iter().any(|s| s.starts_with("tags.add")), "{said:?}");
    assert!(redirect_entries(&f, bo).is_empty(), "Bo was tagged as asked");
    // The outbox keeps the changes as made: the server redirects them in turn.
    let pending = f.store.pending(100).unwrap();
    let sent: Vec<_> = pending.iter().rev().take(3).map(|e| e.mutation.clone()).collect();
    assert_eq!(sent, [tag, retitle(dup, "Head nurse"), add_note]);
}

#[test]
fn a_change_follows_a_chain_of_merges_and_a_deleted_survivor_leaves_it_not_found() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let dup = f.create(Person::default());
    let carla = f.create(Person { first: "Carla", ..Person::default() });
    merge(&mut f, ana, dup);
    merge(&mut f, carla, ana);
    let rec = f.recruiter.clone();
    f.store.apply(&rec, retitle(dup, "Nurse")).unwrap();
    assert_eq!(title(&f, carla), "Nurse");

    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([carla]) });
    assert_eq!(f.store.merged_into(dup).unwrap(), None);
    match f.store.apply(&rec, retitle(dup, "Head nurse")) {
        Err(StoreError::Domain(DomainError::NotFound { id, .. })) => assert_eq!(id, dup.to_string()),
        other => panic!("expected the merged candidate not found, got {other:?}"),
    }
}

#[test]
fn deleting_a_duplicate_a_merge_took_leaves_their_survivor() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let dup = f.create(Person::default());
    let bea = f.create(Person { first: "Bea", ..Person::default() });
    merge(&mut f, ana, dup);
    // As a window still open on the duplicate, or a bulk delete picked before the merge, asks.
    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([dup, bea]) });
    let admin = f.admin.clone();
    assert!(f.store.profile(&admin, ana).is_ok(), "the survivor stays");
    assert!(f.store.profile(&admin, bea).is_err(), "the others named are deleted");
    match f.store.apply(&admin, Mutation::CandidateDelete { selection: Selection::ids([dup]) }) {
        Err(StoreError::Domain(DomainError::NotFound { id, .. })) => assert_eq!(id, dup.to_string()),
        other => panic!("expected the merged duplicate not found, got {other:?}"),
    }
    assert!(f.store.profile(&admin, ana).is_ok(), "a deletion of the duplicate alone leaves the survivor");
}

#[test]
fn a_change_after_the_merge_is_undone_is_the_original_candidates_again() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let dup = f.create(Person::default());
    let undo = merge(&mut f, ana, dup).undo.expect("a merge can be undone");
    f.admin_applies(undo);
    let rec = f.recruiter.clone();
    f.store.apply(&rec, retitle(dup, "Midwife")).unwrap();
    assert_eq!((title(&f, dup), title(&f, ana)), ("Midwife".to_owned(), String::new()));
    assert!(redirect_entries(&f, dup).is_empty() && redirect_entries(&f, ana).is_empty());
}

#[test]
fn a_merge_naming_someone_merged_since_merges_their_survivor_and_one_already_done_is_refused() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let dup = f.create(Person::default());
    let third = f.create(Person::default());
    merge(&mut f, ana, dup);
    // Merging the duplicate into a third one merges the one who took them.
    merge(&mut f, third, dup);
    assert_eq!(f.store.merged_into(ana).unwrap(), Some(third));
    assert_eq!(f.store.merged_into(dup).unwrap(), Some(third));
    let admin = f.admin.clone();
    match f.store.apply(&admin, Mutation::CandidateMerge { survivor_id: third, merged_ids: vec![dup], changes: vec![] })
    {
        Err(StoreError::Domain(DomainError::Invalid { field, .. })) => assert_eq!(field, "merged_ids"),
        other => panic!("expected nothing left to merge, got {other:?}"),
    }
}
