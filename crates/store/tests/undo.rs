//! Undo through the store: an action's `Applied` carries the mutation that puts it back, and
//! applying that mutation (a new one, queued for the server like any other) restores the
//! record; when a teammate changed the same thing meanwhile, the undo is refused and their
//! change stays.

mod common;

use std::sync::atomic::AtomicBool;

use common::{Fixture, Person, fixture};
use talentdesk_domain::error::Thing;
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::HiredActions;
use talentdesk_domain::{DomainError, new_id};
use talentdesk_store::StoreError;
use talentdesk_store::bulk;
use uuid::Uuid;

/// Applies `m` as the admin and returns its undo.
fn undo_of(f: &mut Fixture, m: Mutation) -> Mutation {
    f.admin_applies(m).undo.expect("the action can be undone")
}

fn refusal(f: &mut Fixture, undo: Mutation) -> DomainError {
    let admin = f.admin.clone();
    match f.store.apply(&admin, undo).unwrap_err() {
        StoreError::Domain(d) => d,
        other => panic!("expected a refusal, got {other}"),
    }
}

fn tags(f: &Fixture, id: Uuid) -> Vec<String> {
    f.store.profile(&f.admin, id).unwrap().tags
}

fn status(f: &Fixture, id: Uuid) -> Option<String> {
    f.store.profile(&f.admin, id).unwrap().pipelines.first().map(|m| m.status.clone())
}

fn pipeline(f: &mut Fixture) -> Uuid {
    let id = new_id();
    let statuses = vec!["Sourced".into(), "Screening".into(), "Offer".into()];
    f.admin_applies(Mutation::PipelineCreate { pipeline_id: id, name: "Backend".into(), statuses, private: false });
    id
}

#[test]
fn tagging_then_undoing_restores_the_tags_and_queues_the_undo() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let bo = f.create(Person { first: "Bo", last: "Lindqvist", ..Person::default() });
    f.define_tag("Veteran");
    f.admin_applies(Mutation::TagsAdd { selection: Selection::ids([bo]), tags: vec!["Veteran".into()] });
    let undo =
        undo_of(&mut f, Mutation::TagsAdd { selection: Selection::ids([ana, bo]), tags: vec!["Veteran".into()] });
    assert_eq!(tags(&f, ana), ["Veteran"]);
    let applied = f.admin_applies(undo);
    assert_eq!(applied.name, "undo");
    assert!(applied.seq > 0, "an undo is queued for the server like any other change");
    assert!(tags(&f, ana).is_empty());
    assert_eq!(tags(&f, bo), ["Veteran"], "Bo had the tag before: the undo leaves it");
}

#[test]
fn a_pipeline_move_is_undone_unless_a_teammate_moved_the_card_since() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let p = pipeline(&mut f);
    f.admin_applies(Mutation::PipelineAdd { selection: Selection::ids([ana]), pipeline_id: p, status: None });
    let undo =
        undo_of(&mut f, Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id: p, status: "Screening".into() });
    f.admin_applies(undo.clone());
    assert_eq!(status(&f, ana).as_deref(), Some("Sourced"));

    let undo =
        undo_of(&mut f, Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id: p, status: "Screening".into() });
    let recruiter = f.recruiter.clone();
    let teammate = Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id: p, status: "Offer".into() };
    f.store.apply(&recruiter, teammate).unwrap();
    assert_eq!(refusal(&mut f, undo), DomainError::ChangedSince { what: Thing::Pipeline });
    assert_eq!(status(&f, ana).as_deref(), Some("Offer"), "the teammate's move stays");
}

#[test]
fn removing_from_a_pipeline_offers_no_undo_that_would_forget_when_they_were_added() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let p = pipeline(&mut f);
    let add = Mutation::PipelineAdd { selection: Selection::ids([ana]), pipeline_id: p, status: None };
    f.admin_applies(add);
    f.admin_applies(Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id: p, status: "Offer".into() });
    let remove = f.admin_applies(Mutation::PipelineRemove { selection: Selection::ids([ana]), pipeline_id: p });
    // Added back, Ana would be an unreviewed member added today: no Undo rather than that.
    assert_eq!(remove.undo, None);
}

/// A private note of the recruiter's about `candidate_id`.
fn recruiters_note(f: &mut Fixture, candidate_id: Uuid, body: &str) -> Uuid {
    let (recruiter, note_id) = (f.recruiter.clone(), new_id());
    let add = Mutation::NoteAdd { note_id, candidate_id, body: body.into(), private: true };
    f.store.apply(&recruiter, add).unwrap();
    note_id
}

/// The one note the recruiter sees on the candidate: its text, author and privacy.
fn recruiter_sees(f: &Fixture, candidate_id: Uuid) -> (String, Uuid, bool) {
    let notes = f.store.profile(&f.recruiter, candidate_id).unwrap().notes;
    assert_eq!(notes.len(), 1, "{notes:?}");
    let note = &notes[0].note;
    (note.body.clone(), note.author_id, note.private)
}

#[test]
fn a_recruiters_private_note_deleted_by_an_admin_offers_no_undo_that_would_make_it_the_admins() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let theirs = recruiters_note(&mut f, ana, "Expects 90k");
    let mine = recruiters_note(&mut f, ana, "Prefers mornings");
    assert_eq!(f.admin_applies(Mutation::NoteDelete { note_id: theirs }).undo, None);
    // Their own deletion the recruiter may undo: the note comes back theirs, still private.
    let recruiter = f.recruiter.clone();
    let undo = f.store.apply(&recruiter, Mutation::NoteDelete { note_id: mine }).unwrap().undo.expect("an undo");
    f.store.apply(&recruiter, undo).unwrap();
    assert_eq!(recruiter_sees(&f, ana), ("Prefers mornings".into(), recruiter.id, true));
}

#[test]
fn an_admins_edit_of_a_recruiters_note_is_undone_and_the_note_stays_theirs() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let note_id = recruiters_note(&mut f, ana, "Expects 90k");
    let undo = undo_of(&mut f, Mutation::NoteEdit { note_id, body: "Expects 95k".into(), private: false });
    f.admin_applies(undo);
    assert_eq!(recruiter_sees(&f, ana), ("Expects 90k".into(), f.recruiter.id, true));
}

#[test]
fn a_move_into_hired_offers_no_undo_and_other_hiring_moves_do() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let job = Job {
        id: new_id(),
        title: "Nurse".into(),
        location: "Porto".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    f.admin_applies(Mutation::JobCreate { job: job.clone() });
    f.admin_applies(Mutation::SetHiredActions { actions: HiredActions { unsubscribe: true, deactivate: true } });
    f.admin_applies(Mutation::JobSubmit { selection: Selection::ids([ana]), job_id: job.id });
    let status = |bin: &str, hiring_status: &str| Mutation::ApplicationSetStatus {
        job_id: job.id,
        candidate_id: ana,
        bin: bin.into(),
        hiring_status: hiring_status.into(),
    };
    let undo = undo_of(&mut f, status("Offer", "Offer"));
    f.admin_applies(undo);
    assert_eq!(f.store.profile(&f.admin, ana).unwrap().applications[0].application.hiring_status, "New Submission");

    // Moving back would leave Ana deactivated, unsubscribed and Hired: no Undo is offered.
    assert_eq!(f.admin_applies(status("Offer", "Hired")).undo, None);
    assert!(!f.store.profile(&f.admin, ana).unwrap().candidate.active);
}

#[test]
fn a_note_edit_and_a_deletion_are_undone() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let note_id = new_id();
    f.admin_applies(Mutation::NoteAdd { note_id, candidate_id: ana, body: "Met at the fair".into(), private: false });
    let undo = undo_of(&mut f, Mutation::NoteEdit { note_id, body: "Met twice".into(), private: true });
    f.admin_applies(undo);
    let notes = f.store.profile(&f.admin, ana).unwrap().notes;
    assert_eq!((notes[0].note.body.as_str(), notes[0].note.private), ("Met at the fair", false));

    let undo = undo_of(&mut f, Mutation::NoteDelete { note_id });
    assert!(f.store.profile(&f.admin, ana).unwrap().notes.is_empty());
    f.admin_applies(undo);
    let notes = f.store.profile(&f.admin, ana).unwrap().notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].note.body, "Met at the fair");
}

#[test]
fn marking_ineligible_is_undone_and_actions_without_an_inverse_offer_none() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let undo = undo_of(&mut f, Mutation::SetEligible { candidate_id: ana, eligible: false });
    assert!(!f.store.profile(&f.admin, ana).unwrap().candidate.eligible);
    f.admin_applies(undo);
    assert!(f.store.profile(&f.admin, ana).unwrap().candidate.eligible);
    assert!(f.admin_applies(Mutation::CandidateReview { candidate_id: ana }).undo.is_none());
}

#[test]
fn a_bulk_run_of_one_batch_carries_its_undo() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    f.define_tag("Referral");
    let tag = Mutation::TagsAdd { selection: Selection::ids([ana]), tags: vec!["Referral".into()] };
    let plan = f.store.plan_bulk(&f.admin, tag).unwrap();
    let admin = f.admin.clone();
    let end = bulk::run(&plan, &AtomicBool::new(false), |m| f.store.apply_batch(&admin, m, plan.undoable()), |_| {});
    f.admin_applies(end.undo.expect("a run of one batch can be undone"));
    assert!(tags(&f, ana).is_empty());
}
