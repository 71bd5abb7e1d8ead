//! candidate.merge on a real store: every kind of record a duplicate has moves to the
//! survivor (tags, notes, documents, messages, engagements, applications, pipeline and event
//! memberships, history); the duplicate is gone from search and lists and its id redirects to
//! the survivor; refusals (a recruiter, a duplicate deleted meanwhile, the survivor among the
//! merged) change nothing.

mod common;

use std::time::Duration;

use common::{Fixture, Person, fixture};
use talentdesk_domain::DomainError;
use talentdesk_domain::activity::Engagement;
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::history::{FieldChange, HistoryAction, HistoryDetail};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::{SearchRequest, Selection};
use talentdesk_domain::settings::{CustomFieldDef, CustomFieldKind};
use talentdesk_store::search::PageRequest;
use talentdesk_store::{Store, StoreError};
use uuid::Uuid;

/// The lists both candidates are on.
struct Lists {
    pipeline: Uuid,
    event: Uuid,
    job: Uuid,
}

fn lists(f: &mut Fixture) -> Lists {
    let l = Lists { pipeline: new_id(), event: new_id(), job: new_id() };
    for tag in ["python", "fintech"] {
        f.define_tag(tag);
    }
    let statuses = ["New", "Screen", "Interview"].map(String::from).to_vec();
    f.admin_applies(Mutation::PipelineCreate {
        pipeline_id: l.pipeline,
        name: "Nurses".into(),
        statuses,
        private: false,
    });
    let fair = Event::new(l.event, "Spring Fair", EventCategory::CareerFair, chrono::Utc::now(), "Lisbon");
    f.admin_applies(Mutation::EventCreate { event: fair });
    let job = Job {
        id: l.job,
        title: "Ward nurse".into(),
        location: "Porto".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    f.admin_applies(Mutation::JobCreate { job });
    l
}

fn ids(store: &Store, query: &str) -> Vec<Uuid> {
    let request = SearchRequest { query: query.into(), ..Default::default() };
    store.search(&request, &PageRequest { limit: 100, after: None }).unwrap().rows.iter().map(|r| r.id).collect()
}

fn retitle(from: &str, to: &str) -> FieldChange {
    FieldChange { from: FieldValue::CurrentTitle(from.into()), to: FieldValue::CurrentTitle(to.into()) }
}

fn refusal(f: &mut Fixture, as_admin: bool, m: Mutation) -> DomainError {
    let user = if as_admin { f.admin.clone() } else { f.recruiter.clone() };
    match f.store.apply(&user, m) {
        Err(StoreError::Domain(d)) => d,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Ana (the survivor) and her duplicate, each with something of every kind.
fn ana_twice(f: &mut Fixture, l: &Lists) -> (Uuid, Uuid) {
    let ana = f.create(Person { email: Some("ana@example.com"), title: "Nurse", ..Person::default() });
    let dup = f.create(Person {
        email: Some("ana.souza@example.org"),
        title: "Head Nurse",
        employer: "Northwind",
        ..Person::default()
    });
    let rec = f.recruiter.clone();
    let mut as_recruiter = |m: Mutation| f.store.apply(&rec, m).unwrap();
    as_recruiter(Mutation::TagsAdd { selection: Selection::ids([ana]), tags: vec!["python".into()] });
    as_recruiter(Mutation::TagsAdd { selection: Selection::ids([dup]), tags: vec!["fintech".into()] });
    as_recruiter(Mutation::NoteAdd {
        note_id: new_id(),
        candidate_id: ana,
        body: "Prefers nights".into(),
        private: false,
    });
    as_recruiter(Mutation::NoteAdd { note_id: new_id(), candidate_id: dup, body: "Salary 40k".into(), private: true });
    as_recruiter(Mutation::PipelineAdd {
        selection: Selection::ids([ana, dup]),
        pipeline_id: l.pipeline,
        status: None,
    });
    as_recruiter(Mutation::JobSubmit { selection: Selection::ids([ana, dup]), job_id: l.job });
    as_recruiter(Mutation::EventAdd {
        selection: Selection::ids([dup]),
        event_id: l.event,
        attended: false,
        confirmation: None,
    });
    as_recruiter(Mutation::EventCheckIn { event_id: l.event, candidate_id: dup, at: None, kiosk: false });
    as_recruiter(Mutation::EmailSend {
        send_id: new_id(),
        selection: Selection::ids([dup]),
        subject: "Hello".into(),
        body: "Hi {{first_name}}".into(),
    });
    as_recruiter(Mutation::DocumentAttach {
        document: Document {
            id: new_id(),
            candidate_id: dup,
            name: "ana-cv.pdf".into(),
            kind: DocumentKind::Resume,
            sha256: "a".repeat(64),
            size: 10,
            uploaded_at: chrono::Utc::now(),
        },
    });
    // The duplicate's moves come later than the survivor's: theirs are the latest decisions.
    std::thread::sleep(Duration::from_millis(5));
    let interview =
        Mutation::PipelineSetStatus { candidate_id: dup, pipeline_id: l.pipeline, status: "Interview".into() };
    as_recruiter(interview);
    as_recruiter(Mutation::ApplicationSetStatus {
        job_id: l.job,
        candidate_id: dup,
        bin: "Interviewing".into(),
        hiring_status: "Interview".into(),
    });
    (ana, dup)
}

#[test]
fn everything_of_the_duplicate_moves_to_the_survivor() {
    let mut f = fixture();
    let l = lists(&mut f);
    let (ana, dup) = ana_twice(&mut f, &l);
    let dup_history = f.store.profile(&f.admin, dup).unwrap().history.len();
    let survivor_history = f.store.profile(&f.admin, ana).unwrap().history.len();
    assert_eq!(ids(&f.store, "Ana").len(), 2);

    let merge = Mutation::CandidateMerge {
        survivor_id: ana,
        merged_ids: vec![dup],
        changes: vec![retitle("Nurse", "Head Nurse")],
    };
    let applied = f.admin_applies(merge);
    assert_eq!((applied.name.as_str(), applied.affected), ("candidate.merge", 2));

    let p = f.store.profile(&f.admin, ana).unwrap();
    assert_eq!(p.candidate.profile.current_title, "Head Nurse", "the picked value");
    assert_eq!(
        p.candidate.profile.email.as_deref(),
        Some("ana@example.com"),
        "a field not picked stays the survivor's"
    );
    assert_eq!(p.tags, ["fintech", "python"]);
    let mut notes: Vec<_> = p.notes.iter().map(|n| (n.note.body.as_str(), n.note.private)).collect();
    notes.sort();
    assert_eq!(notes, [("Prefers nights", false), ("Salary 40k", true)]);
    assert_eq!(p.documents.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["ana-cv.pdf"]);
    assert_eq!(p.emails.len(), 1);
    assert_eq!(p.emails[0].message.candidate_id, ana);
    let fair = p.events.iter().find(|e| e.event.id == l.event).expect("on the fair's list");
    assert!(fair.member.registered && fair.member.attended);
    assert_eq!(p.pipelines.len(), 1);
    assert_eq!((p.pipelines[0].status.as_str(), p.pipelines[0].reviewed), ("Interview", true), "the latest move");
    assert_eq!(p.applications.len(), 1);
    assert_eq!(p.applications[0].application.hiring_status, "Interview", "the application further along");
    assert!(p.engagements.len() >= 2, "the duplicate's engagements (emailed, attended) came too");
    // Both histories, and the merge's entry naming the duplicate.
    // (An entry of an action on both at once, Add to Pipeline and Submit to Job here, shows once.)
    assert_eq!(p.history.len(), survivor_history + dup_history - 2 + 1);
    let last = p.history.last().unwrap();
    assert_eq!(last.detail, Some(HistoryDetail::Merged { candidates: vec![dup], names: vec!["Ana Souza".into()] }));
    assert_eq!(last.changes, [retitle("Nurse", "Head Nurse")]);
    assert!(p.history.iter().any(|h| h.detail == Some(HistoryDetail::Tagged { tags: vec!["fintech".into()] })));

    // The duplicate is gone from search, lists and counts; their id leads to the survivor.
    assert_eq!(ids(&f.store, "Ana"), [ana]);
    assert_eq!(ids(&f.store, "Northwind"), Vec::<Uuid>::new(), "the employer nobody picked is not searchable");
    assert_eq!(ids(&f.store, "\"Head Nurse\""), [ana]);
    let board = f.store.pipelines(&f.admin).unwrap();
    assert_eq!(board.iter().find(|s| s.pipeline.id == l.pipeline).unwrap().in_pipeline, 1);
    assert!(matches!(f.store.profile(&f.admin, dup), Err(StoreError::Domain(DomainError::NotFound { .. }))));
    assert_eq!(f.store.merged_into(dup).unwrap(), Some(ana));
    assert_eq!(f.store.merged_into(ana).unwrap(), None, "the survivor is here");
    assert_eq!(f.store.merged_into(new_id()).unwrap(), None, "never existed");
    assert_eq!(f.store.outbox().unwrap().last().unwrap().mutation.name(), "candidate.merge");

    // The term index kept up: built again from scratch it finds the same.
    let queries = ["Ana", "nurse", "nur", "Northwind", "souza"];
    let sorted = |store: &Store, q: &str| {
        let mut found = ids(store, q);
        found.sort();
        found
    };
    let kept: Vec<_> = queries.iter().map(|q| sorted(&f.store, q)).collect();
    f.store.rebuild_term_index(u64::MAX, usize::MAX).unwrap();
    assert_eq!(kept, queries.iter().map(|q| sorted(&f.store, q)).collect::<Vec<_>>());

    // Reopened: the saved search facts and the keyword index agree.
    let path = f.store.path().to_path_buf();
    drop(f.store);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(ids(&reopened, "Ana"), [ana]);
    assert_eq!(reopened.candidate_count().unwrap(), 1);
}

#[test]
fn a_survivor_merged_in_turn_is_followed_to_the_last_one() {
    let mut f = fixture();
    let a = f.create(Person::default());
    let b = f.create(Person::default());
    let c = f.create(Person::default());
    f.admin_applies(Mutation::CandidateMerge { survivor_id: b, merged_ids: vec![a], changes: Vec::new() });
    f.admin_applies(Mutation::CandidateMerge { survivor_id: c, merged_ids: vec![b], changes: Vec::new() });
    assert_eq!(f.store.merged_into(a).unwrap(), Some(c));
    assert_eq!(f.store.merged_into(b).unwrap(), Some(c));
    assert_eq!(
        f.store
            .profile(&f.admin, c)
            .unwrap()
            .history
            .iter()
            .filter(|h| matches!(h.detail, Some(HistoryDetail::Merged { .. })))
            .count(),
        2
    );
}

#[test]
fn refused_merges_change_nothing() {
    let mut f = fixture();
    let l = lists(&mut f);
    let (ana, dup) = ana_twice(&mut f, &l);
    let gone = f.create(Person { first: "Ana", last: "S.", ..Person::default() });
    let before = (f.store.profile(&f.admin, ana).unwrap().history.len(), f.store.outbox().unwrap().len());
    let merge =
        |merged: Vec<Uuid>| Mutation::CandidateMerge { survivor_id: ana, merged_ids: merged, changes: Vec::new() };

    assert!(matches!(refusal(&mut f, false, merge(vec![dup])), DomainError::AdminOnly { .. }));
    assert_eq!(refusal(&mut f, true, merge(vec![])), DomainError::NothingSelected);
    assert_eq!(refusal(&mut f, true, merge(vec![dup, ana])), DomainError::RepeatedInSelection);
    // A teammate deleted one of them meanwhile: the whole merge is refused, the other stays.
    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([gone]) });
    assert!(matches!(refusal(&mut f, true, merge(vec![dup, gone])), DomainError::NotFound { .. }));
    // A change that does not start where it ends (a picked value of another field).
    let crossed = FieldChange { from: FieldValue::CurrentTitle("Nurse".into()), to: FieldValue::FirstName("X".into()) };
    let bad = Mutation::CandidateMerge { survivor_id: ana, merged_ids: vec![dup], changes: vec![crossed] };
    assert!(matches!(refusal(&mut f, true, bad), DomainError::Invalid { .. }));

    assert!(f.store.profile(&f.admin, dup).is_ok(), "the duplicate is still here");
    let p = f.store.profile(&f.admin, ana).unwrap();
    assert_eq!(p.tags, ["python"]);
    assert_eq!(p.history.len(), before.0);
    assert_eq!(f.store.outbox().unwrap().len(), before.1 + 1, "only the deletion went out");

    // Once merged, the duplicate cannot be merged again: they are the survivor's already.
    f.admin_applies(merge(vec![dup]));
    let again = refusal(&mut f, true, merge(vec![dup]));
    assert!(matches!(&again, DomainError::Invalid { field, .. } if field == "merged_ids"), "{again:?}");
}

#[test]
fn a_merge_is_undone_until_the_survivor_changes_again() {
    let mut f = fixture();
    let l = lists(&mut f);
    let (ana, dup) = ana_twice(&mut f, &l);
    let admin = f.admin.clone();
    let read = |store: &Store, id| {
        let p = store.profile(&admin, id).unwrap();
        let notes: Vec<_> = p.notes.iter().map(|n| n.note.body.clone()).collect();
        let documents: Vec<_> = p.documents.iter().map(|d| d.name.clone()).collect();
        let history: Vec<_> = p.history.iter().map(|h| (h.action, h.detail.clone(), h.changes.clone())).collect();
        (p.candidate.profile, p.tags, notes, documents, p.emails.len(), p.pipelines.len(), history)
    };
    let (ana_was, dup_was) = (read(&f.store, ana), read(&f.store, dup));
    let merge = Mutation::CandidateMerge {
        survivor_id: ana,
        merged_ids: vec![dup],
        changes: vec![retitle("Nurse", "Head Nurse")],
    };
    let undo = f.admin_applies(merge.clone()).undo.expect("a merge can be undone");
    assert_eq!(f.admin_applies(undo).affected, 2);

    // Both as they were, but for the entries saying what happened.
    let (ana_now, dup_now) = (read(&f.store, ana), read(&f.store, dup));
    let undone = |names: &[&str]| HistoryDetail::MergeUndone { names: names.iter().map(|n| n.to_string()).collect() };
    assert_eq!(ana_now.0.current_title, "Nurse", "the picked value went back");
    assert_eq!(
        (&ana_now.0, &ana_now.1, &ana_now.2, &ana_now.3, ana_now.4, ana_now.5),
        (&ana_was.0, &ana_was.1, &ana_was.2, &ana_was.3, ana_was.4, ana_was.5)
    );
    assert_eq!(
        (&dup_now.0, &dup_now.1, &dup_now.2, &dup_now.3, dup_now.4, dup_now.5),
        (&dup_was.0, &dup_was.1, &dup_was.2, &dup_was.3, dup_was.4, dup_was.5)
    );
    let last = ana_now.6.last().unwrap();
    assert_eq!(last.1, Some(undone(&["Ana Souza"])));
    assert_eq!(last.2, [retitle("Head Nurse", "Nurse")], "the undo's entry says what it put back");
    assert_eq!(dup_now.6.last().unwrap().1, Some(undone(&["Ana Souza"])));
    // Their own history is theirs again (an entry of an action on both at once stayed Ana's).
    let own = |h: &Vec<(HistoryAction, Option<HistoryDetail>, Vec<FieldChange>)>| {
        h.iter().filter(|e| e.0 != HistoryAction::Pipeline && e.0 != HistoryAction::Job).count()
    };
    assert_eq!(own(&dup_now.6), own(&dup_was.6) + 1);
    assert_eq!(ana_now.6.len(), ana_was.6.len() + 2, "the merge and its undo");
    assert_eq!(f.store.merged_into(dup).unwrap(), None, "back: no redirect");
    let mut found = ids(&f.store, "Ana");
    found.sort();
    let mut both = vec![ana, dup];
    both.sort();
    assert_eq!(found, both);

    // Merged again, then Ana changes: the undo is refused, and nothing is lost.
    let undo = f.admin_applies(merge).undo.unwrap();
    let rec = f.recruiter.clone();
    f.store
        .apply(&rec, Mutation::TagsRemove { selection: Selection::ids([ana]), tags: vec!["python".into()] })
        .unwrap();
    assert!(matches!(refusal(&mut f, true, undo), DomainError::ChangedSince { .. }));
    assert_eq!(f.store.profile(&f.admin, ana).unwrap().tags, ["fintech"]);
    assert_eq!(f.store.merged_into(dup).unwrap(), Some(ana));
}

#[test]
fn a_candidate_brought_back_and_deleted_later_redirects_nowhere() {
    let mut f = fixture();
    let ana = f.create(Person { email: Some("ana@example.com"), ..Person::default() });
    let dup = f.create(Person { email: Some("ana.souza@example.org"), ..Person::default() });
    let merge = Mutation::CandidateMerge { survivor_id: ana, merged_ids: vec![dup], changes: vec![] };
    let undo = f.admin_applies(merge).undo.unwrap();
    f.admin_applies(undo);
    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([dup]) });
    assert_eq!(f.store.merged_into(dup).unwrap(), None, "a deleted profile does not open Ana's");
}

#[test]
fn an_unmerge_is_refused_outside_the_undo_of_its_merge() {
    let mut f = fixture();
    let ana = f.create(Person { email: Some("ana@example.com"), ..Person::default() });
    let dup = f.create(Person { email: Some("ana.souza@example.org"), ..Person::default() });
    let merge = Mutation::CandidateMerge { survivor_id: ana, merged_ids: vec![dup], changes: vec![] };
    let Some(Mutation::Undo { mutations, .. }) = f.admin_applies(merge).undo else { panic!("an undo") };
    let bare = mutations[0].clone();
    assert!(matches!(refusal(&mut f, true, bare.clone()), DomainError::Invalid { .. }), "bare");
    let unexpected = Mutation::Undo { expect: vec![], mutations: vec![bare] };
    assert!(matches!(refusal(&mut f, true, unexpected), DomainError::Invalid { .. }), "expecting no merge");
    assert_eq!(f.store.merged_into(dup).unwrap(), Some(ana), "still merged");
}

/// A merge whose undo is then refused because `change` came between, which writes no history.
fn undo_refused_after(change: impl FnOnce(&mut Fixture, Uuid, Uuid, &Lists) -> Mutation) {
    let mut f = fixture();
    let l = lists(&mut f);
    f.admin_applies(Mutation::CustomFieldDefine {
        field: CustomFieldDef { key: "visa".into(), label: "Visa".into(), kind: CustomFieldKind::Text },
    });
    let (ana, dup) = ana_twice(&mut f, &l);
    let visa = FieldChange {
        from: FieldValue::CustomField { key: "visa".into(), value: None },
        to: FieldValue::CustomField { key: "visa".into(), value: Some("H1B".into()) },
    };
    f.admin_applies(Mutation::CandidateUpdate { candidate_id: dup, changes: vec![visa] });
    let merge = Mutation::CandidateMerge { survivor_id: ana, merged_ids: vec![dup], changes: vec![] };
    let undo = f.admin_applies(merge).undo.unwrap();
    let between = change(&mut f, ana, dup, &l);
    f.admin_applies(between);
    let before = f.store.profile(&f.admin, ana).unwrap();
    assert!(matches!(refusal(&mut f, true, undo), DomainError::ChangedSince { .. }));
    assert_eq!(f.store.merged_into(dup).unwrap(), Some(ana), "still merged");
    assert_eq!(f.store.profile(&f.admin, ana).unwrap().candidate, before.candidate, "nothing went back");
}

#[test]
fn an_undo_is_refused_after_a_status_of_theirs_is_renamed() {
    undo_refused_after(|_, _, _, l| Mutation::PipelineRenameStatus {
        pipeline_id: l.pipeline,
        from: "Interview".into(),
        to: "Panel".into(),
    });
}

#[test]
fn an_undo_is_refused_after_the_survivor_is_emailed() {
    undo_refused_after(|_, ana, _, _| {
        std::thread::sleep(Duration::from_millis(5));
        let (subject, body) = ("Hello".to_owned(), "Hi".to_owned());
        Mutation::EmailSend { send_id: new_id(), selection: Selection::ids([ana]), subject, body }
    });
}

#[test]
fn opening_the_survivor_after_a_merge_leaves_the_undo_and_keeps_the_review() {
    let mut f = fixture();
    let l = lists(&mut f);
    let (ana, dup) = ana_twice(&mut f, &l);
    let merge = Mutation::CandidateMerge { survivor_id: ana, merged_ids: vec![dup], changes: vec![] };
    let undo = f.admin_applies(merge).undo.unwrap();
    std::thread::sleep(Duration::from_millis(5));
    f.admin_applies(Mutation::CandidateReview { candidate_id: ana });
    // When Ana was last reviewed.
    let review = |f: &Fixture| {
        let p = f.store.profile(&f.admin, ana).unwrap();
        p.engagements.iter().find(|e| e.engagement == Engagement::RecruiterReviewed).map(|e| e.at)
    };
    let reviewed = review(&f);
    assert_eq!(f.admin_applies(undo).affected, 2, "the undo still goes through");
    assert_eq!(f.store.merged_into(dup).unwrap(), None);
    assert_eq!(review(&f), reviewed, "the review's time stays");
}

#[test]
fn an_undo_is_refused_after_a_custom_field_of_theirs_is_deleted() {
    undo_refused_after(|_, _, _, _| Mutation::CustomFieldDelete { key: "visa".into() });
}

#[test]
fn a_database_from_before_the_redirect_table_finds_its_merges_when_opened() {
    let mut f = fixture();
    let person = |email| Person { email: Some(email), ..Person::default() };
    let (ana, dup) = (f.create(person("ana@example.com")), f.create(person("ana.souza@example.org")));
    let (bo, back) = (f.create(person("bo@example.com")), f.create(person("bo.li@example.org")));
    f.admin_applies(Mutation::CandidateMerge { survivor_id: ana, merged_ids: vec![dup], changes: vec![] });
    let undo = f.admin_applies(Mutation::CandidateMerge { survivor_id: bo, merged_ids: vec![back], changes: vec![] });
    f.admin_applies(undo.undo.unwrap());
    let path = f.dir.path().join("store.db");
    drop(f.store);
    {
        // As the file was before migration 0017.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "{}; DROP TRIGGER merged_into_on_merge; DROP TRIGGER merged_into_on_return; DROP TABLE merged_into;
             DROP TABLE dedupe_people; DROP TABLE dedupe_keys; DROP TABLE dedupe_deferred;
             PRAGMA user_version = 16;",
            common::BEFORE_EXPERIENCE
        ))
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.merged_into(dup).unwrap(), Some(ana), "a merge made before finds its survivor");
    assert_eq!(store.merged_into(back).unwrap(), None, "a merge undone before redirects nowhere");
}
