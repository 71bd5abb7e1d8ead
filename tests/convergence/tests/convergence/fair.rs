//! A career fair run on two laptops with no network: both recruiters check in people, some
//! of them the same, rate them and register walk-ins; the server is down all along. When it
//! comes back and everyone syncs, each person came once at the earliest time (both check-ins
//! in their history), each recruiter's rating stands, both walk-ins are there, and the
//! event's counts agree on every desktop and on the server.

use chrono::{DateTime, TimeDelta, Utc};
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::history::HistoryAction;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::Role;
use talentdesk_store::views::{EventCounts, EventReport};
use uuid::Uuid;

use crate::world::{Desktop, Server};

fn person(first: &str) -> Profile {
    Profile {
        first_name: first.into(),
        last_name: "Fair".into(),
        email: Some(format!("{}@example.org", first.to_lowercase())),
        ..Profile::default()
    }
}

fn apply(desktop: &Desktop, mutation: Mutation) {
    desktop.store().apply(&desktop.user, mutation).unwrap_or_else(|e| panic!("{}: {e}", desktop.name));
}

fn check_in(event: Uuid, id: Uuid, at: DateTime<Utc>) -> Mutation {
    Mutation::EventCheckIn { event_id: event, candidate_id: id, at: Some(at), kiosk: false }
}

fn walk_in(event: Uuid, id: Uuid, first: &str) -> Mutation {
    Mutation::EventWalkIn {
        event_id: event,
        candidate_id: id,
        profile: Profile { email: None, ..person(first) },
        interests: vec!["Data".into()],
        consent: true,
        at: None,
        kiosk: false,
    }
}

/// The event as a desktop shows it: counts and summary.
fn seen(desktop: &Desktop, event: Uuid) -> (EventCounts, EventReport) {
    let store = desktop.store();
    let counts = store.events().unwrap().into_iter().find(|e| e.event.id == event).unwrap().counts;
    (counts, store.event_report(event).unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_offline_laptops_at_one_fair_converge() {
    let mut server = Server::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut desktops = Vec::new();
    for (name, email, role) in [
        ("admin", "admin@acme.test", Role::RecruiterAdmin),
        ("rita", "rita@acme.test", Role::Recruiter),
        ("omar", "omar@acme.test", Role::Recruiter),
    ] {
        let user = server.add_user(email, role).await;
        desktops.push(Desktop::sign_in(&server.url, dir.path(), name, &user).await);
    }
    let (admin, rita, omar) = (&desktops[0], &desktops[1], &desktops[2]);

    // Before the fair: the event, six registrants, the areas of interest; everyone synced.
    let fair = Event::new(new_id(), "Spring Career Fair", EventCategory::CareerFair, Utc::now(), "Hall A");
    let people: Vec<Uuid> = (0..6).map(|_| new_id()).collect();
    apply(admin, Mutation::SetInterests { interests: vec!["Data".into(), "Design".into()] });
    apply(admin, Mutation::EventCreate { event: fair.clone() });
    for (i, id) in people.iter().enumerate() {
        let profile = person(&format!("P{i}"));
        apply(admin, Mutation::CandidateCreate { candidate_id: *id, profile, profile_type: ProfileType::Applicant });
    }
    let register = Selection::Ids { ids: people.clone() };
    apply(admin, Mutation::EventAdd { selection: register, event_id: fair.id, attended: false, confirmation: None });
    for desktop in &desktops {
        desktop.sync().await.unwrap();
    }
    for desktop in &desktops {
        desktop.sync().await.unwrap();
    }

    // The fair, with the server down: Rita takes P0-P3, Omar P2-P5. Rita saw P2 first, Omar
    // saw P3 first; both rate P2; each registers a walk-in.
    server.stop().await;
    let door = Utc::now() - TimeDelta::hours(3);
    let minute = |m: i64| door + TimeDelta::minutes(m);
    for (id, at) in [(people[0], minute(0)), (people[1], minute(5)), (people[2], minute(10)), (people[3], minute(30))] {
        apply(rita, check_in(fair.id, id, at));
    }
    for (id, at) in [(people[2], minute(20)), (people[3], minute(15)), (people[4], minute(25)), (people[5], minute(40))]
    {
        apply(omar, check_in(fair.id, id, at));
    }
    apply(rita, Mutation::EventRate { event_id: fair.id, candidate_id: people[2], rating: 5 });
    apply(omar, Mutation::EventRate { event_id: fair.id, candidate_id: people[2], rating: 3 });
    let (lin, zoe) = (new_id(), new_id());
    apply(rita, walk_in(fair.id, lin, "Lin"));
    apply(omar, walk_in(fair.id, zoe, "Zoe"));
    for desktop in [rita, omar] {
        desktop.sync().await.unwrap();
        assert!(desktop.store().pending_count().unwrap() > 0, "{} is offline: nothing went", desktop.name);
    }

    // The network is back.
    server.start_again().await;
    for _ in 0..2 {
        for desktop in &desktops {
            desktop.engine.sync_once().await.unwrap_or_else(|e| panic!("{} could not sync: {e}", desktop.name));
        }
    }

    let expected = EventCounts { registered: 8, attended: 8, walk_ins: 2, no_shows: 0 };
    let (counts, report) = seen(admin, fair.id);
    assert_eq!(counts, expected);
    for desktop in [rita, omar] {
        assert_eq!(desktop.store().pending_count().unwrap(), 0, "{} has changes waiting", desktop.name);
        let (their_counts, their_report) = seen(desktop, fair.id);
        assert_eq!(their_counts, counts, "{} counts differently", desktop.name);
        assert_eq!(serde_json::to_value(&their_report).unwrap(), serde_json::to_value(&report).unwrap());
        let kinds = [RecordKind::Event, RecordKind::Candidate];
        assert_eq!(
            desktop.store().export_records_of(&kinds).unwrap(),
            admin.store().export_records_of(&kinds).unwrap(),
            "{} holds other memberships than the admin",
            desktop.name
        );
    }
    assert_eq!(report.ratings, [0, 0, 1, 0, 1], "Rita's 5 and Omar's 3 both stand");

    let store = omar.store();
    let members = store.event_members(fair.id, &Default::default(), 100, 0).unwrap();
    let member = |id: Uuid| members.rows.iter().find(|r| r.candidate.id == id).unwrap().member.clone();
    let both = [(people[2], minute(10), &rita.user.email, 2), (people[3], minute(15), &omar.user.email, 0)];
    for (id, at, by, rated) in both {
        let m = member(id);
        assert_eq!(m.checked_in_at.map(|t| t.timestamp_millis()), Some(at.timestamp_millis()), "the earliest");
        assert_eq!(m.checked_in_by.as_ref(), Some(by));
        let history = store.profile(&omar.user, id).unwrap().history;
        let (ratings, door): (Vec<_>, Vec<_>) = history
            .iter()
            .filter(|h| h.action == HistoryAction::Event)
            .partition(|h| h.summary.as_deref().is_some_and(|s| s.starts_with("Rated")));
        assert_eq!(ratings.len(), rated, "each recruiter's rating is history too: {ratings:?}");
        let check_ins: Vec<&String> = door.iter().map(|h| &h.actor_email).collect();
        assert_eq!(check_ins.len(), 3, "the registration and both check-ins: {check_ins:?}");
        assert!(check_ins.contains(&&rita.user.email) && check_ins.contains(&&omar.user.email));
    }
    assert_eq!(member(people[2]).ratings.len(), 2);
    for id in [lin, zoe] {
        let m = member(id);
        assert!(m.walk_in && m.attended && m.follow_up, "walk-ins without email are there, to follow up");
    }
}
