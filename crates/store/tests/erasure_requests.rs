//! Requests to be forgotten and opting out, as the desktop holds them: a request is on the
//! candidate's record (and so reaches a teammate's replica by sync), listed for the admins
//! until they decline it with a reason or approve it, which erases the person with it.

mod common;

use common::{Person, fixture, laptop};
use talentdesk_domain::activity::Engagement;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::search::Selection;
use talentdesk_store::Store;
use talentdesk_store::replica::ServerChange;
use uuid::Uuid;

/// Pulls every candidate record of `server` into `laptop`.
fn pull_candidates(laptop: &mut Store, server: &Store, cursor: &str) {
    let records = server.export_records_of(&[RecordKind::User, RecordKind::Candidate]).unwrap();
    let changes: Vec<_> =
        records.iter().map(|(kind, id, data)| ServerChange { kind: *kind, id, data: Some(data) }).collect();
    laptop.apply_pull(&changes, cursor, 0, true).unwrap();
}

fn summaries(store: &Store, viewer: &talentdesk_domain::user::User, id: Uuid) -> Vec<String> {
    store.profile(viewer, id).unwrap().history.into_iter().filter_map(|h| h.summary).collect()
}

#[test]
fn a_request_waits_for_the_admins_on_every_replica_until_declined_with_a_reason() {
    let mut f = fixture();
    let ana = f.create(Person { email: Some("ana@example.org"), ..Person::default() });
    let recruiter = f.recruiter.clone();
    // Taken down by a recruiter she phoned (the server's self-service actor is one too).
    let asked = f.store.apply(&recruiter, Mutation::RequestErasure { candidate_id: ana }).unwrap();
    assert_eq!(asked.affected, 1);
    // Asking again while it waits changes nothing: the first time stands.
    let first = f.store.open_erasure_requests().unwrap();
    assert_eq!(f.store.apply(&recruiter, Mutation::RequestErasure { candidate_id: ana }).unwrap().affected, 0);
    assert_eq!(f.store.open_erasure_requests().unwrap(), first);
    assert_eq!(first.len(), 1);
    assert_eq!((first[0].candidate_id, first[0].name.as_str()), (ana, "Ana Souza"));
    assert_eq!(first[0].email.as_deref(), Some("ana@example.org"));
    let admin = f.admin.clone();
    assert!(f.store.profile(&admin, ana).unwrap().erasure_request.is_some_and(|r| r.is_open()));
    assert!(summaries(&f.store, &admin, ana).contains(&"Asked to be forgotten".to_owned()));

    // A teammate's replica has it from the candidate's record.
    let mut laptop = laptop(&f);
    pull_candidates(&mut laptop, &f.store, "1");
    assert_eq!(laptop.open_erasure_requests().unwrap(), first);

    // Only an admin decides, and a decline says why; a refused one leaves it open.
    let refused = f.store.apply(&recruiter, Mutation::DeclineErasure { candidate_id: ana, reason: "No".into() });
    assert!(refused.unwrap_err().to_string().contains("only recruiter admins"));
    let blank = f.store.apply(&admin, Mutation::DeclineErasure { candidate_id: ana, reason: "  ".into() });
    assert!(blank.unwrap_err().to_string().contains("reason"));
    assert_eq!(f.store.open_erasure_requests().unwrap().len(), 1);

    let reason = "Her application for job 17 is under a legal hold until June";
    f.admin_applies(Mutation::DeclineErasure { candidate_id: ana, reason: reason.into() });
    assert!(f.store.open_erasure_requests().unwrap().is_empty());
    let declined = f.store.profile(&admin, ana).unwrap().erasure_request.unwrap().declined.unwrap();
    assert_eq!((declined.reason.as_str(), declined.by), (reason, admin.id));
    assert!(summaries(&f.store, &admin, ana).contains(&format!("Request to be forgotten declined: {reason}")));
    // Decided once: a second decline has nothing to decide.
    let again = f.store.apply(&admin, Mutation::DeclineErasure { candidate_id: ana, reason: reason.into() });
    assert!(again.unwrap_err().to_string().contains("no open request"));
    pull_candidates(&mut laptop, &f.store, "2");
    assert!(laptop.open_erasure_requests().unwrap().is_empty());

    // She may ask again later.
    f.store.apply(&recruiter, Mutation::RequestErasure { candidate_id: ana }).unwrap();
    assert_eq!(f.store.open_erasure_requests().unwrap().len(), 1);
}

#[test]
fn an_approved_request_is_the_erasure_and_leaves_no_request_behind() {
    let mut f = fixture();
    let ana = f.create(Person { email: Some("ana@example.org"), ..Person::default() });
    let bo = f.create(Person { first: "Bo", last: "Lindqvist", ..Person::default() });
    let recruiter = f.recruiter.clone();
    for id in [ana, bo] {
        f.store.apply(&recruiter, Mutation::RequestErasure { candidate_id: id }).unwrap();
    }
    let mut laptop = laptop(&f);
    pull_candidates(&mut laptop, &f.store, "1");
    assert_eq!(laptop.open_erasure_requests().unwrap().len(), 2);

    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([ana]) });
    let left: Vec<Uuid> = f.store.open_erasure_requests().unwrap().into_iter().map(|r| r.candidate_id).collect();
    assert_eq!(left, [bo]);
    let erased = ServerChange { kind: RecordKind::Candidate, id: &ana.to_string(), data: None };
    laptop.apply_pull(&[erased], "2", 0, true).unwrap();
    let left: Vec<Uuid> = laptop.open_erasure_requests().unwrap().into_iter().map(|r| r.candidate_id).collect();
    assert_eq!(left, [bo]);
}

#[test]
fn opting_out_unsubscribes_and_records_the_engagement() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, Mutation::CandidateOptOut { candidate_id: ana }).unwrap();
    let admin = f.admin.clone();
    let profile = f.store.profile(&admin, ana).unwrap();
    assert!(!profile.candidate.subscribed);
    assert!(profile.engagements.iter().any(|e| e.engagement == Engagement::CandidateOptOut));
    assert!(summaries(&f.store, &admin, ana).contains(&"Unsubscribed".to_owned()));
    // A second click (mail providers send the one-click POST more than once) says it again.
    f.store.apply(&recruiter, Mutation::CandidateOptOut { candidate_id: ana }).unwrap();
    let unsubscribed = summaries(&f.store, &admin, ana).iter().filter(|s| *s == "Unsubscribed").count();
    assert_eq!(unsubscribed, 1);
}
