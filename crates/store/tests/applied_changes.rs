//! What a mutation applied here says it changed, as a pull does (replica `Changed`): the
//! window reads again exactly the views showing that. It is what the mutation wrote, not what
//! it asked for: a candidate who already had the tag is not named, a note's edit names its
//! candidate, a tag taken off the list names everyone who had it.

mod common;

use std::sync::atomic::AtomicBool;

use common::{Fixture, Person, fixture};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_store::bulk::{self, BulkEnd};
use talentdesk_store::replica::{Changed, ChangedCandidates};
use uuid::Uuid;

fn named(ids: &[Uuid]) -> ChangedCandidates {
    ChangedCandidates::Named(ids.iter().copied().collect())
}

fn candidates(ids: &[Uuid]) -> Changed {
    Changed { candidates: named(ids), ..Changed::default() }
}

fn changed_by(f: &mut Fixture, mutation: Mutation) -> Changed {
    f.admin_applies(mutation).changed
}

fn ana_and_bo() -> (Fixture, Uuid, Uuid) {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let bo = f.create(Person { first: "Bo", last: "Lindqvist", ..Person::default() });
    (f, ana, bo)
}

fn tag(ids: &[Uuid], name: &str) -> Mutation {
    Mutation::TagsAdd { selection: Selection::ids(ids.iter().copied()), tags: vec![name.into()] }
}

#[test]
fn tags_name_the_candidates_they_changed_and_the_tag_list_is_a_setting() {
    let (mut f, ana, bo) = ana_and_bo();
    assert_eq!(
        changed_by(&mut f, Mutation::TagDefine { name: "Referral".into() }),
        Changed { settings: true, ..Changed::default() }
    );
    assert_eq!(changed_by(&mut f, tag(&[ana], "Referral")), candidates(&[ana]));
    // Ana has it already: only Bo changed.
    assert_eq!(changed_by(&mut f, tag(&[ana, bo], "Referral")), candidates(&[bo]));
    let removed = Mutation::TagsRemove { selection: Selection::ids([ana]), tags: vec!["Referral".into()] };
    assert_eq!(changed_by(&mut f, removed), candidates(&[ana]));

    // Taken off the list: everyone who still had it (Bo), and the list itself.
    assert_eq!(
        changed_by(&mut f, Mutation::TagDelete { name: "Referral".into() }),
        Changed { candidates: named(&[bo]), settings: true, ..Changed::default() }
    );
}

#[test]
fn a_note_names_its_candidate_though_its_edit_and_deletion_name_only_the_note() {
    let (mut f, ana, _) = ana_and_bo();
    let note_id = new_id();
    let add = Mutation::NoteAdd { note_id, candidate_id: ana, body: "Call back".into(), private: false };
    assert_eq!(changed_by(&mut f, add), candidates(&[ana]));
    let edit = Mutation::NoteEdit { note_id, body: "Call back on Monday".into(), private: false };
    assert_eq!(changed_by(&mut f, edit), candidates(&[ana]));
    assert_eq!(changed_by(&mut f, Mutation::NoteDelete { note_id }), candidates(&[ana]));
}

#[test]
fn a_pipeline_is_a_list_and_its_members_are_candidates() {
    let (mut f, ana, bo) = ana_and_bo();
    let pipeline_id = new_id();
    let create = Mutation::PipelineCreate {
        pipeline_id,
        name: "Backend".into(),
        statuses: vec!["New".into(), "Contacted".into()],
        private: false,
    };
    assert_eq!(changed_by(&mut f, create), Changed { lists: true, ..Changed::default() });
    let add = |ids: &[Uuid]| Mutation::PipelineAdd {
        selection: Selection::ids(ids.iter().copied()),
        pipeline_id,
        status: Some("Contacted".into()),
    };
    assert_eq!(changed_by(&mut f, add(&[ana])), candidates(&[ana]));
    assert_eq!(changed_by(&mut f, add(&[ana, bo])), candidates(&[bo]), "Ana was in it already");
    let status = Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id, status: "New".into() };
    assert_eq!(changed_by(&mut f, status), candidates(&[ana]));
}

#[test]
fn a_candidate_deleted_here_is_named_as_deleted() {
    let (mut f, ana, bo) = ana_and_bo();
    let deleted = changed_by(&mut f, Mutation::CandidateDelete { selection: Selection::ids([bo]) });
    assert_eq!(deleted, Changed { candidates: named(&[bo]), deleted: named(&[bo]), ..Changed::default() });
    // Other changes delete nobody.
    let review = changed_by(&mut f, Mutation::CandidateReview { candidate_id: ana });
    assert_eq!(review, candidates(&[ana]));
}

#[test]
fn settings_and_events_say_so_and_name_nobody() {
    let mut f = fixture();
    let interests = Mutation::SetInterests { interests: vec!["Welding".into()] };
    assert_eq!(changed_by(&mut f, interests), Changed { settings: true, ..Changed::default() });
    let event = Event::new(new_id(), "Spring fair", EventCategory::CareerFair, chrono::Utc::now(), "Hall A");
    assert_eq!(changed_by(&mut f, Mutation::EventCreate { event }), Changed { events: true, ..Changed::default() });
}

#[test]
fn a_bulk_run_reports_what_its_batches_changed() {
    let (mut f, ana, bo) = ana_and_bo();
    f.define_tag("Referral");
    let plan = f.store.plan_bulk(&f.admin, tag(&[ana, bo], "Referral")).unwrap();
    let admin = f.admin.clone();
    let end = bulk::run(&plan, &AtomicBool::new(false), |m| f.store.apply(&admin, m), |_| {});
    assert!(matches!(end.end, Some(BulkEnd::Finished)), "{end:?}");
    assert_eq!(end.changed, candidates(&[ana, bo]));
}
