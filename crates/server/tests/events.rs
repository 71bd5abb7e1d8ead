//! Career fairs on the server: the same event rules as on the desktop, over PostgreSQL.
//! Check-ins from two offline laptops arriving in either order keep the earliest, with both
//! in history; walk-ins create their candidate; confirmations carry the check-in code.

mod support;

use chrono::{TimeDelta, Utc};
use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::Timestamp;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::event::{self, Event, EventCategory};
use talentdesk_domain::history::{HistoryAction, HistoryEntry};
use talentdesk_domain::message::Message;
use talentdesk_domain::mutation::{Confirmation, Mutation};
use talentdesk_domain::search::Selection;
use talentdesk_sync::wire::{PushOutcome, PushedMutation, RecordKind};
use uuid::Uuid;

/// Pushes one mutation made at `at` as `session` (a laptop of its own) and says it applied.
async fn push_at(server: &TestServer, session: &Session, mutation: Mutation, at: Timestamp) {
    let laptop = Session { client_id: Uuid::now_v7(), ..session.clone() };
    let response = server.push(&laptop, &[PushedMutation::new(1, mutation, at)]).await;
    assert!(matches!(response.results[0].outcome, PushOutcome::Applied { .. }), "{:?}", response.results[0]);
}

async fn fair(server: &TestServer) -> Event {
    let event = Event::new(Uuid::now_v7(), "Spring Career Fair", EventCategory::CareerFair, Utc::now(), "Hall A");
    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    server.push(&admin, &numbered(1, [Mutation::EventCreate { event: event.clone() }])).await;
    event
}

#[tokio::test(flavor = "multi_thread")]
async fn check_ins_from_two_laptops_keep_the_earliest_in_either_order() {
    let server = TestServer::start().await;
    let event = fair(&server).await;
    let (ana, omar) = (Uuid::now_v7(), Uuid::now_v7());
    let creates = [create_candidate(ana, "Ana", "Souza", None), create_candidate(omar, "Omar", "Haddad", None)];
    server.push(&server.recruiter, &numbered(1, creates)).await;
    let (nine, ten) = (Utc::now() - TimeDelta::hours(2), Utc::now() - TimeDelta::hours(1));
    let check_in = |id| Mutation::EventCheckIn { event_id: event.id, candidate_id: id, at: None, kiosk: false };
    // Ana: the later check-in arrives first; Omar: the earlier one does.
    push_at(&server, &server.recruiter, check_in(ana), ten).await;
    push_at(&server, &server.other_recruiter, check_in(ana), nine).await;
    push_at(&server, &server.other_recruiter, check_in(omar), nine).await;
    push_at(&server, &server.recruiter, check_in(omar), ten).await;
    for id in [ana, omar] {
        let a = server.candidate(id).await;
        let m = a.event_member(event.id).expect("on the list");
        assert!(m.attended && !m.registered);
        assert_eq!(m.checked_in_at.map(|t| t.timestamp_millis()), Some(nine.timestamp_millis()));
        assert_eq!(m.checked_in_by.as_deref(), Some(server.other_recruiter.user.email.as_str()));
    }
    let history: Vec<HistoryEntry> = server.records(RecordKind::History).await;
    let ana_check_ins: Vec<&HistoryEntry> =
        history.iter().filter(|h| h.candidate_id == ana && h.action == HistoryAction::Event).collect();
    assert_eq!(ana_check_ins.len(), 2, "both check-ins are in history");
    assert!(ana_check_ins.iter().all(|h| h.summary.as_deref() == Some("Checked in at Spring Career Fair")));

    let rate = |rating| Mutation::EventRate { event_id: event.id, candidate_id: ana, rating };
    push_at(&server, &server.recruiter, rate(4), Utc::now()).await;
    push_at(&server, &server.other_recruiter, rate(2), Utc::now()).await;
    let ratings = server.candidate(ana).await.event_member(event.id).unwrap().ratings.clone();
    assert_eq!(ratings.len(), 2, "one rating per recruiter: {ratings:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_walk_in_creates_the_candidate_on_the_server_and_archiving_is_for_admins() {
    let server = TestServer::start().await;
    let event = fair(&server).await;
    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    server.push(&admin, &numbered(1, [Mutation::SetInterests { interests: vec!["Data".into()] }])).await;
    let lin = Uuid::now_v7();
    let walk_in = Mutation::EventWalkIn {
        event_id: event.id,
        candidate_id: lin,
        profile: Profile { first_name: "Lin".into(), last_name: "Wei".into(), ..Profile::default() },
        interests: vec!["data".into()],
        consent: false,
        at: None,
        kiosk: true,
    };
    push_at(&server, &server.recruiter, walk_in, Utc::now()).await;
    let a = server.candidate(lin).await;
    assert_eq!(a.candidate.profile_type, ProfileType::EventAttendee);
    assert!(!a.candidate.subscribed, "no consent, not subscribed");
    let m = a.event_member(event.id).unwrap();
    assert!(m.registered && m.walk_in && m.attended && m.follow_up);
    assert_eq!(m.interests, ["Data"]);

    let archive = Mutation::EventArchive { event_id: event.id, archived: true };
    let refused = server.push(&server.recruiter, &numbered(1, [archive.clone()])).await;
    assert!(matches!(refused.results[0].outcome, PushOutcome::Rejected { .. }));
    server.push(&admin, &numbered(2, [archive])).await;
    let events: Vec<Event> = server.records(RecordKind::Event).await;
    assert!(events[0].archived);
    let late = Mutation::EventUndoCheckIn { event_id: event.id, candidate_id: lin };
    push_at(&server, &server.recruiter, late, Utc::now()).await;
    assert!(!server.candidate(lin).await.event_member(event.id).unwrap().attended, "an archived event still changes");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_confirmation_queues_an_email_with_the_persons_code() {
    let server = TestServer::start().await;
    let event = fair(&server).await;
    let ana = Uuid::now_v7();
    server
        .push(&server.recruiter, &numbered(1, [create_candidate(ana, "Ana", "Souza", Some("ana@example.com"))]))
        .await;
    let register = Mutation::EventAdd {
        selection: Selection::ids([ana]),
        event_id: event.id,
        attended: false,
        confirmation: Some(Confirmation {
            send_id: Uuid::now_v7(),
            subject: "{{event_name}}".into(),
            body: "Your code: {{check_in_code}}".into(),
        }),
    };
    server.push(&server.recruiter, &numbered(2, [register])).await;
    let messages: Vec<Message> = server.records(RecordKind::Message).await;
    let code = event::check_in_code(&event, ana);
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].body, format!("Your code: {code}"));
    assert_eq!(messages[0].check_in_code.as_deref(), Some(code.as_str()));
    assert!(server.candidate(ana).await.event_member(event.id).unwrap().registered);
}
