//! History lists every change to a candidate with who and when: each kind of change makes
//! its entry, written through the one write path, and only where something changed.

mod common;

use chrono::Utc;
use common::{Fixture, Person, fixture, imported_candidate};
use talentdesk_domain::aggregate::FullCandidate;
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::history::{HistoryAction, HistoryDetail, HistoryEntry};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::HiredActions;
use talentdesk_domain::user::User;
use talentdesk_store::bulk_load::Prepared;
use uuid::Uuid;

fn history(f: &Fixture, id: Uuid) -> Vec<HistoryEntry> {
    f.store.profile(&f.admin, id).unwrap().history
}

/// The summaries after the creation, oldest first.
fn summaries(f: &Fixture, id: Uuid) -> Vec<String> {
    history(f, id).into_iter().skip(1).map(|h| h.summary.unwrap_or_else(|| h.action.label().to_owned())).collect()
}

fn applies(f: &mut Fixture, user: &User, m: Mutation) {
    f.store.apply(user, m).unwrap();
}

#[test]
fn tags_are_history_only_for_those_they_changed() {
    let mut f = fixture();
    let [ana, bea] = ["Ana", "Bea"].map(|first| f.create(Person { first, ..Person::default() }));
    f.define_tag("python");
    f.define_tag("fintech");
    let recruiter = f.recruiter.clone();
    let tag = |tags: &[&str], ids: &[Uuid]| Mutation::TagsAdd {
        selection: Selection::ids(ids.iter().copied()),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
    };
    applies(&mut f, &recruiter, tag(&["python"], &[ana]));
    applies(&mut f, &recruiter, tag(&["python", "fintech"], &[ana, bea]));
    applies(
        &mut f,
        &recruiter,
        Mutation::TagsRemove { selection: Selection::ids([ana, bea]), tags: vec!["python".into()] },
    );
    assert_eq!(summaries(&f, ana), ["Tagged python", "Tagged fintech", "Untagged python"]);
    assert_eq!(summaries(&f, bea), ["Tagged python, fintech", "Untagged python"]);
    let last = history(&f, bea).pop().unwrap();
    assert_eq!((last.action, last.actor_email.as_str()), (HistoryAction::Tags, recruiter.email.as_str()));
    assert_eq!(last.detail, Some(HistoryDetail::Untagged { tags: vec!["python".into()] }));
    assert!(last.changes.is_empty(), "no profile field changed");
}

#[test]
fn a_tag_taken_off_the_list_is_history_for_those_who_had_it() {
    let mut f = fixture();
    let [ana, bea] = ["Ana", "Bea"].map(|first| f.create(Person { first, ..Person::default() }));
    f.define_tag("legacy");
    f.admin_applies(Mutation::TagsAdd { selection: Selection::ids([ana]), tags: vec!["legacy".into()] });
    f.admin_applies(Mutation::TagDelete { name: "legacy".into() });
    assert_eq!(summaries(&f, ana), ["Tagged legacy", "Untagged legacy"]);
    assert!(summaries(&f, bea).is_empty());
}

#[test]
fn notes_say_what_happened_and_a_private_ones_entry_stays_as_private_as_the_note() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let recruiter = f.recruiter.clone();
    let note_id = new_id();
    let body = "Strong on Rust".to_owned();
    applies(&mut f, &recruiter, Mutation::NoteAdd { note_id, candidate_id: ana, body: body.clone(), private: false });
    // Made private (its text changed too): the privacy is what the entry says.
    applies(&mut f, &recruiter, Mutation::NoteEdit { note_id, body: "Strong on Rust and Go".into(), private: true });
    applies(&mut f, &recruiter, Mutation::NoteEdit { note_id, body: "Strong on Rust, Go, SQL".into(), private: true });
    applies(&mut f, &recruiter, Mutation::NoteDelete { note_id });
    assert_eq!(summaries(&f, ana), ["Note added", "Note made private", "Private note edited", "Private note deleted"]);
    let texts: Vec<String> = history(&f, ana).iter().map(|h| serde_json::to_string(h).unwrap()).collect();
    assert!(texts.iter().all(|t| !t.contains("Strong on Rust")), "a note's text stays out of history");
}

#[test]
fn pipelines_record_joining_moving_and_leaving() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let recruiter = f.recruiter.clone();
    let pipeline_id = new_id();
    let statuses = vec!["Unreviewed".into(), "Contacted".into()];
    f.admin_applies(Mutation::PipelineCreate {
        pipeline_id,
        name: "Backend Engineers".into(),
        statuses,
        private: false,
    });
    let add = Mutation::PipelineAdd { selection: Selection::ids([ana]), pipeline_id, status: None };
    applies(&mut f, &recruiter, add.clone());
    applies(&mut f, &recruiter, add);
    let set = |status: &str| Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id, status: status.into() };
    applies(&mut f, &recruiter, set("contacted"));
    applies(&mut f, &recruiter, set("Contacted"));
    applies(&mut f, &recruiter, Mutation::PipelineRemove { selection: Selection::ids([ana]), pipeline_id });
    assert_eq!(
        summaries(&f, ana),
        [
            "Added to Backend Engineers (Unreviewed)",
            "Moved in Backend Engineers: Unreviewed → Contacted",
            "Removed from Backend Engineers"
        ],
        "adding again and moving to the same status change nothing"
    );
}

#[test]
fn applications_record_submission_hiring_statuses_and_the_hired_actions() {
    let mut f = fixture();
    let ana = f.create(Person { email: Some("ana@example.com"), ..Person::default() });
    let bea = f.create(Person::default());
    let job = Job {
        id: new_id(),
        title: "Data Engineer".into(),
        location: "Lisbon".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    f.admin_applies(Mutation::JobCreate { job: job.clone() });
    f.admin_applies(Mutation::SetHiredActions { actions: HiredActions { unsubscribe: true, deactivate: false } });
    f.admin_applies(Mutation::JobSubmit { selection: Selection::ids([ana, bea]), job_id: job.id });
    let status = |status: &str| Mutation::ApplicationSetStatus {
        job_id: job.id,
        candidate_id: ana,
        bin: "Submissions".into(),
        hiring_status: status.into(),
    };
    f.admin_applies(status("Hired"));
    f.admin_applies(Mutation::ApplicationWithdraw { job_id: job.id, candidate_id: bea });
    assert_eq!(
        summaries(&f, ana),
        ["Submitted to Data Engineer", "Hiring status for Data Engineer: New Submission → Hired", "Unsubscribed"]
    );
    assert_eq!(summaries(&f, bea), ["Submitted to Data Engineer", "Withdrew from Data Engineer"]);
}

#[test]
fn flags_are_history_when_they_switch() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    f.admin_applies(Mutation::SetEligible { candidate_id: ana, eligible: false });
    f.admin_applies(Mutation::SetEligible { candidate_id: ana, eligible: false });
    f.admin_applies(Mutation::SetActive { candidate_id: ana, active: false });
    f.admin_applies(Mutation::SetActive { candidate_id: ana, active: true });
    f.admin_applies(Mutation::SetSubscribed { selection: Selection::ids([ana]), subscribed: false });
    assert_eq!(summaries(&f, ana), ["Marked ineligible", "Deactivated", "Reactivated", "Unsubscribed"]);
}

/// A candidate who came in by an import: nobody has looked at them yet.
fn unreviewed(f: &mut Fixture) -> Uuid {
    let candidate = imported_candidate("Ivo", "Lima");
    let id = candidate.id;
    let mut load = f.store.bulk_load().unwrap();
    load.candidate(&Prepared::candidate(FullCandidate::new(candidate)).unwrap()).unwrap();
    load.finish(|_| {}).unwrap();
    id
}

#[test]
fn only_the_review_that_changes_the_activity_status_is_history() {
    let mut f = fixture();
    let ivo = unreviewed(&mut f);
    let recruiter = f.recruiter.clone();
    for _ in 0..3 {
        applies(&mut f, &recruiter, Mutation::CandidateReview { candidate_id: ivo });
    }
    let entries = history(&f, ivo);
    assert_eq!(entries.len(), 1, "three opens, one entry: {entries:?}");
    assert_eq!(entries[0].summary.as_deref(), Some("Reviewed: Unreviewed → Reviewed"));
    assert_eq!(entries[0].actor_email, recruiter.email);
}

#[test]
fn documents_and_messages_are_history() {
    let mut f = fixture();
    let ana = f.create(Person { email: Some("ana@example.com"), ..Person::default() });
    let recruiter = f.recruiter.clone();
    let document = Document {
        id: new_id(),
        candidate_id: ana,
        name: "cv.pdf".into(),
        kind: DocumentKind::Resume,
        sha256: "ab".repeat(32),
        size: 1000,
        uploaded_at: Utc::now(),
    };
    applies(&mut f, &recruiter, Mutation::DocumentAttach { document: document.clone() });
    let mut parsed = f.store.profile(&recruiter, ana).unwrap().candidate.profile;
    parsed.current_title = "Data Engineer".into();
    applies(&mut f, &recruiter, Mutation::ApplyResume { candidate_id: ana, document_id: document.id, profile: parsed });
    let email = Mutation::EmailSend {
        send_id: new_id(),
        selection: Selection::ids([ana]),
        subject: "Private subject".into(),
        body: "Hello".into(),
    };
    applies(&mut f, &recruiter, email);
    applies(&mut f, &recruiter, Mutation::DocumentDelete { document_id: document.id });
    assert_eq!(
        summaries(&f, ana),
        ["Resume uploaded: cv.pdf", "Profile replaced from the resume cv.pdf", "Email sent", "Resume deleted: cv.pdf"]
    );
    let parse = &history(&f, ana)[2];
    assert_eq!(parse.action, HistoryAction::Update, "the parse changed the profile");
    assert_eq!(parse.changes.len(), 1);
    let as_of = f.store.profile_as_of(ana, parse.id).unwrap();
    assert_eq!(as_of.current_title, "Data Engineer", "its entry shows the profile as the parse left it");
}

#[test]
fn a_bulk_tag_is_in_each_candidates_history() {
    let mut f = fixture();
    let ids: Vec<Uuid> = (0..300).map(|_| f.create(Person::default())).collect();
    f.define_tag("veteran");
    let recruiter = f.recruiter.clone();
    let tag = Mutation::TagsAdd { selection: Selection::ids(ids.iter().copied()), tags: vec!["veteran".into()] };
    assert_eq!(f.store.apply(&recruiter, tag).unwrap().affected, 300);
    let mut entry_ids = Vec::new();
    for id in [ids[0], ids[150], ids[299]] {
        let last = history(&f, id).pop().unwrap();
        assert_eq!(last.summary.as_deref(), Some("Tagged veteran"));
        entry_ids.push(last.id);
    }
    entry_ids.dedup();
    assert_eq!(entry_ids.len(), 1, "the change made here is kept once for all of them");
    let one = f.store.profile_as_of(ids[150], entry_ids[0]).unwrap();
    assert_eq!(one, f.store.profile(&f.admin, ids[150]).unwrap().candidate.profile, "it opens each one's profile");
}
