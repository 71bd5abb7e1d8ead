//! What the Events pages read from a real store: counts per tab, the members page with its
//! search, the summary after the event, attendees as a selection, and the attendee CSV.

mod common;

use chrono::{TimeZone, Utc};
use common::{Fixture, Person, fixture, profile};
use talentdesk_domain::event::{self, Event, EventCategory};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::{Timestamp, new_id};
use talentdesk_store::views::{EventCounts, MemberFilter, MemberQuery};
use uuid::Uuid;

/// A fair: Ana and Omar registered, Ana came at 10:05 and was rated 5 and 3; Mei came
/// unregistered at 10:20, rated 2; Lin walked in at 10:40 without an email.
struct Fair {
    f: Fixture,
    event: Event,
    ana: Uuid,
    omar: Uuid,
    mei: Uuid,
    lin: Uuid,
}

fn at(hour: u32, minute: u32) -> Timestamp {
    Utc.with_ymd_and_hms(2026, 4, 14, hour, minute, 0).unwrap()
}

fn fair() -> Fair {
    let mut f = fixture();
    let event = Event::new(new_id(), "Spring Career Fair", EventCategory::CareerFair, at(10, 0), "Hall A");
    let ana = f.create(Person { email: Some("ana@example.com"), employer: "Acme", ..Person::default() });
    let omar = f.create(Person { first: "Omar", last: "Haddad", ..Person::default() });
    let mei = f.create(Person { first: "Mei", last: "Chen", ..Person::default() });
    let lin = new_id();
    let (admin, recruiter) = (f.admin.clone(), f.recruiter.clone());
    let mut apply = |user: &talentdesk_domain::user::User, m| f.store.apply(user, m).unwrap();
    apply(&admin, Mutation::SetInterests { interests: vec!["Data".into(), "Design".into(), "Sales".into()] });
    apply(&recruiter, Mutation::EventCreate { event: event.clone() });
    let register = Mutation::EventAdd {
        selection: Selection::ids([ana, omar]),
        event_id: event.id,
        attended: false,
        confirmation: None,
    };
    apply(&recruiter, register);
    for (id, time) in [(ana, at(10, 5)), (mei, at(10, 20))] {
        apply(
            &recruiter,
            Mutation::EventCheckIn { event_id: event.id, candidate_id: id, at: Some(time), kiosk: false },
        );
    }
    apply(
        &recruiter,
        Mutation::EventWalkIn {
            event_id: event.id,
            candidate_id: lin,
            profile: profile(&Person { first: "Lin", last: "Wei", ..Person::default() }),
            interests: vec!["Data".into(), "Design".into()],
            consent: false,
            at: Some(at(10, 40)),
            kiosk: false,
        },
    );
    for (user, id, rating) in [(&recruiter, ana, 5), (&admin, ana, 3), (&recruiter, mei, 2)] {
        apply(user, Mutation::EventRate { event_id: event.id, candidate_id: id, rating });
    }
    Fair { f, event, ana, omar, mei, lin }
}

fn names(fair: &Fair, which: MemberFilter, text: &str) -> (Vec<String>, u64) {
    let query = MemberQuery { which, text: text.into() };
    let page = fair.f.store.event_members(fair.event.id, &query, 100, 0).unwrap();
    (page.rows.iter().map(|r| r.candidate.name.clone()).collect(), page.total)
}

#[test]
fn the_events_page_counts_each_tab() {
    let fair = fair();
    let summary = fair.f.store.events().unwrap().remove(0);
    assert_eq!(summary.counts, EventCounts { registered: 3, attended: 3, walk_ins: 1, no_shows: 1 });
    let tabs = [
        (MemberFilter::All, vec!["Mei Chen", "Omar Haddad", "Ana Souza", "Lin Wei"]),
        (MemberFilter::Registered, vec!["Omar Haddad", "Ana Souza", "Lin Wei"]),
        (MemberFilter::Attended, vec!["Mei Chen", "Ana Souza", "Lin Wei"]),
        (MemberFilter::WalkIns, vec!["Lin Wei"]),
        (MemberFilter::NoShows, vec!["Omar Haddad"]),
        (MemberFilter::FollowUp, vec!["Lin Wei"]),
    ];
    for (which, expected) in tabs {
        let (shown, total) = names(&fair, which, "");
        assert_eq!(shown, expected, "{which:?}");
        assert_eq!(total, expected.len() as u64, "{which:?}");
    }
}

#[test]
fn the_members_page_searches_names_and_emails_and_pages() {
    let fair = fair();
    assert_eq!(names(&fair, MemberFilter::All, "ANA"), (vec!["Ana Souza".to_owned()], 1));
    assert_eq!(names(&fair, MemberFilter::All, "example.com").0, ["Ana Souza"]);
    assert_eq!(names(&fair, MemberFilter::All, "wei lin").0, ["Lin Wei"], "every word, any order");
    assert_eq!(names(&fair, MemberFilter::NoShows, "ana").1, 0);
    assert_eq!(names(&fair, MemberFilter::All, "100%").1, 0, "a LIKE wildcard is just a character");
    let query = MemberQuery::default();
    let second = fair.f.store.event_members(fair.event.id, &query, 2, 2).unwrap();
    assert_eq!(second.total, 4);
    assert_eq!(second.rows.iter().map(|r| r.candidate.name.as_str()).collect::<Vec<_>>(), ["Ana Souza", "Lin Wei"]);
    let ana = &second.rows[0];
    assert_eq!(ana.code, event::check_in_code(&fair.event, fair.ana));
    assert_eq!(ana.member.checked_in_by.as_deref(), Some(fair.f.recruiter.email.as_str()));
    assert_eq!(ana.member.ratings.len(), 2);
}

#[test]
fn the_summary_charts_check_ins_ratings_and_interests() {
    let fair = fair();
    let report = fair.f.store.event_report(fair.event.id).unwrap();
    assert_eq!(report.counts.attended, 3);
    let quarters: Vec<(Timestamp, u64)> = vec![(at(10, 0), 1), (at(10, 15), 1), (at(10, 30), 1)];
    assert_eq!(report.check_ins_over_time, quarters);
    assert_eq!(report.ratings, [0, 1, 1, 0, 1]);
    assert_eq!(report.top_interests, [("Data".to_owned(), 1), ("Design".to_owned(), 1)]);
}

#[test]
fn attendees_become_a_selection_all_or_those_rated_well() {
    let fair = fair();
    let store = &fair.f.store;
    assert_eq!(store.event_attendee_ids(fair.event.id, None).unwrap(), [fair.mei, fair.ana, fair.lin]);
    assert_eq!(store.event_attendee_ids(fair.event.id, Some(4)).unwrap(), [fair.ana], "someone rated Ana 5");
    assert!(!store.event_attendee_ids(fair.event.id, None).unwrap().contains(&fair.omar), "a no-show");
}

#[test]
fn the_attendee_list_exports_as_csv_with_check_ins_and_ratings() {
    let fair = fair();
    let path = fair.f.dir.path().join("attendees.csv");
    let query = MemberQuery { which: MemberFilter::Attended, text: String::new() };
    assert_eq!(fair.f.store.export_attendees(fair.event.id, &query, &path).unwrap(), 3);
    let csv = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("Name,Email,Phone,Employer or school,Registered,"), "{}", lines[0]);
    let code = event::check_in_code(&fair.event, fair.ana);
    let ana = lines[2];
    assert!(ana.starts_with("Ana Souza,ana@example.com,,Acme,yes,"), "{ana}");
    let ratings = format!("{}: 3; {}: 5,4.0,{code}", fair.f.admin.email, fair.f.recruiter.email);
    assert!(ana.contains(&format!(",yes,2026-04-14 10:05 UTC,{},", fair.f.recruiter.email)), "{ana}");
    assert!(ana.ends_with(&ratings), "{ana}");
    assert!(lines[3].starts_with("Lin Wei,,,,yes,2026-04-14 10:40 UTC,walk in,yes,yes,yes,"), "{}", lines[3]);
    assert!(lines[3].contains(",Data; Design,"), "{}", lines[3]);
}

#[test]
fn a_membership_written_by_a_pull_gets_its_code_too() {
    let fair = fair();
    let records = fair.f.store.export_records().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut copy = talentdesk_store::Store::open(dir.path().join("copy.db")).unwrap();
    copy.put_user(&fair.f.admin).unwrap();
    let changes: Vec<_> = records
        .iter()
        .map(|(kind, id, data)| talentdesk_store::replica::ServerChange { kind: *kind, id, data: Some(data) })
        .collect();
    copy.apply_pull(&changes, "1", 0, true).unwrap();
    let page = copy.event_members(fair.event.id, &MemberQuery::default(), 10, 0).unwrap();
    assert_eq!(page.total, 4);
    for row in page.rows {
        assert_eq!(row.code, event::check_in_code(&fair.event, row.candidate.id), "{}", row.candidate.name);
    }
    assert_eq!(copy.export_records().unwrap(), records, "the copy reads back as it was written");
}

#[test]
fn a_first_sync_gives_members_their_codes_though_the_event_comes_after_them() {
    let fair = fair();
    let records = fair.f.store.export_records().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut replica = talentdesk_store::Store::open(dir.path().join("replica.db")).unwrap();
    let account = talentdesk_store::replica::Account {
        server: "https://crm.example".into(),
        org_id: new_id(),
        user_id: fair.f.admin.id,
        email: fair.f.admin.email.clone(),
    };
    replica.bind(&account, &fair.f.admin).unwrap();
    let mut load = replica.snapshot_load().unwrap();
    load.begin(1);
    // A snapshot is in (kind, id) order: candidates before events.
    let mut sorted = records.clone();
    sorted.sort_by(|a, b| (a.0.code(), &a.1).cmp(&(b.0.code(), &b.1)));
    for (kind, id, data) in &sorted {
        load.record(*kind, id, data).unwrap();
    }
    load.finish(|_| {}).unwrap();
    let page = replica.event_members(fair.event.id, &MemberQuery::default(), 10, 0).unwrap();
    assert_eq!(page.total, 4);
    for row in page.rows {
        assert_eq!(row.code, event::check_in_code(&fair.event, row.candidate.id), "{}", row.candidate.name);
    }
}
