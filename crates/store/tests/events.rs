//! Career fairs on a real store: events created, edited and archived; people registered,
//! checked in (and back out), rated and walked in, each rule and permission as the domain
//! sets it for the server too.

mod common;

use chrono::{TimeDelta, Utc};
use common::{Fixture, Person, fixture, profile};
use talentdesk_domain::activity::Engagement;
use talentdesk_domain::attendance::RegistrationVia;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::event::{self, Event, EventCategory};
use talentdesk_domain::history::HistoryAction;
use talentdesk_domain::mutation::{Confirmation, Mutation};
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::User;
use talentdesk_domain::{DomainError, Timestamp, new_id};
use talentdesk_store::StoreError;
use talentdesk_store::views::EventMembership;
use uuid::Uuid;

fn fair(f: &mut Fixture) -> Event {
    let event = Event::new(new_id(), "Spring Career Fair", EventCategory::CareerFair, Utc::now(), "Hall A");
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, Mutation::EventCreate { event: event.clone() }).unwrap();
    event
}

fn as_user(f: &mut Fixture, user: &User, m: Mutation) -> Result<u64, StoreError> {
    f.store.apply(user, m).map(|applied| applied.affected)
}

fn by_recruiter(f: &mut Fixture, m: Mutation) -> Result<u64, StoreError> {
    let recruiter = f.recruiter.clone();
    as_user(f, &recruiter, m)
}

fn refusal(result: Result<u64, StoreError>) -> String {
    match result {
        Err(StoreError::Domain(d)) => d.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn check_in(event: &Event, id: Uuid, at: Option<Timestamp>) -> Mutation {
    Mutation::EventCheckIn { event_id: event.id, candidate_id: id, at, kiosk: false }
}

fn register(event: &Event, ids: &[Uuid]) -> Mutation {
    Mutation::EventAdd {
        selection: Selection::ids(ids.iter().copied()),
        event_id: event.id,
        attended: false,
        confirmation: None,
    }
}

fn membership(f: &Fixture, event: &Event, id: Uuid) -> Option<EventMembership> {
    f.store.profile(&f.admin, id).unwrap().events.into_iter().find(|m| m.event.id == event.id)
}

fn summaries(f: &Fixture, id: Uuid) -> Vec<String> {
    let history = f.store.profile(&f.admin, id).unwrap().history;
    history.into_iter().filter(|h| h.action == HistoryAction::Event).filter_map(|h| h.summary).collect()
}

#[test]
fn recruiters_create_and_edit_events_and_only_admins_archive_them() {
    let mut f = fixture();
    let event = fair(&mut f);
    let edited = Event {
        name: "Spring Career Fair 2026".into(),
        capacity: Some(300),
        description: "Bring CVs.".into(),
        code_key: Event::new_code_key(),
        archived: true,
        ..event.clone()
    };
    assert_eq!(by_recruiter(&mut f, Mutation::EventUpdate { event: edited.clone() }).unwrap(), 1);
    let stored = f.store.events().unwrap().remove(0).event;
    assert_eq!((stored.name.as_str(), stored.capacity), ("Spring Career Fair 2026", Some(300)));
    assert_eq!(stored.code_key, event.code_key, "an edit keeps the key the codes came from");
    assert!(!stored.archived, "an edit does not archive");

    let archive = Mutation::EventArchive { event_id: event.id, archived: true };
    assert_eq!(refusal(by_recruiter(&mut f, archive.clone())), "only recruiter admins may archive events");
    f.admin_applies(archive);
    assert!(f.store.events().unwrap()[0].event.archived);

    for (bad, reason) in [
        (Event { capacity: Some(0), ..Event::new(new_id(), "X", EventCategory::Meetup, Utc::now(), "") }, "capacity"),
        (
            Event { code_key: "secret".into(), ..Event::new(new_id(), "X", EventCategory::Meetup, Utc::now(), "") },
            "code_key",
        ),
        (Event { name: "  ".into(), ..Event::new(new_id(), "X", EventCategory::Meetup, Utc::now(), "") }, "name"),
    ] {
        assert!(refusal(by_recruiter(&mut f, Mutation::EventCreate { event: bad })).starts_with(reason));
    }
    let taken = Mutation::EventCreate { event: Event::new(event.id, "Again", EventCategory::Meetup, Utc::now(), "") };
    assert!(refusal(by_recruiter(&mut f, taken)).contains("already exists"));
}

#[test]
fn registering_and_attending_are_separate_facts() {
    let mut f = fixture();
    let event = fair(&mut f);
    let (ana, omar) = (f.create(Person::default()), f.create(Person { first: "Omar", ..Person::default() }));
    assert_eq!(by_recruiter(&mut f, register(&event, &[ana])).unwrap(), 1);
    assert_eq!(by_recruiter(&mut f, register(&event, &[ana])).unwrap(), 0, "registered once");
    let m = membership(&f, &event, ana).unwrap().member;
    assert!(m.registered && !m.attended);
    assert_eq!(m.registered_via, Some(RegistrationVia::Recruiter));
    assert!(m.registered_at.is_some());

    let attended = Mutation::EventAdd {
        selection: Selection::ids([omar]),
        event_id: event.id,
        attended: true,
        confirmation: None,
    };
    assert_eq!(by_recruiter(&mut f, attended).unwrap(), 1);
    let m = membership(&f, &event, omar).unwrap().member;
    assert!(m.attended && !m.registered, "marked attended, not registered");
    assert_eq!(m.checked_in_by.as_deref(), Some(f.recruiter.email.as_str()));
    assert_eq!(summaries(&f, ana), ["Registered for Spring Career Fair"]);
    assert_eq!(summaries(&f, omar), ["Checked in at Spring Career Fair"]);
}

#[test]
fn a_second_check_in_keeps_the_earliest_and_both_are_in_history() {
    let mut f = fixture();
    let event = fair(&mut f);
    let ana = f.create(Person::default());
    let now = Utc::now();
    let (nine, ten) = (now - TimeDelta::hours(2), now - TimeDelta::hours(1));
    assert_eq!(by_recruiter(&mut f, check_in(&event, ana, Some(ten))).unwrap(), 1);
    let admin = f.admin.clone();
    assert_eq!(as_user(&mut f, &admin, check_in(&event, ana, Some(now))).unwrap(), 0, "already checked in");
    let m = membership(&f, &event, ana).unwrap().member;
    assert_eq!(m.checked_in_by.as_deref(), Some(f.recruiter.email.as_str()));
    assert!(!m.registered, "a check-in is not a registration");
    assert_eq!(as_user(&mut f, &admin, check_in(&event, ana, Some(nine))).unwrap(), 1, "an earlier one wins");
    let m = membership(&f, &event, ana).unwrap().member;
    assert_eq!(m.checked_in_at.map(|t| t.timestamp_millis()), Some(nine.timestamp_millis()));
    assert_eq!(m.checked_in_by.as_deref(), Some(f.admin.email.as_str()));
    assert_eq!(summaries(&f, ana).len(), 3, "every check-in is in history");
}

#[test]
fn check_ins_from_the_future_are_refused_and_archived_events_still_take_them() {
    let mut f = fixture();
    let event = fair(&mut f);
    let ana = f.create(Person::default());
    let tomorrow = Utc::now() + TimeDelta::days(1);
    let err = refusal(by_recruiter(&mut f, check_in(&event, ana, Some(tomorrow))));
    assert!(err.starts_with("at: is more than 10 minutes in the future"), "{err}");
    assert!(membership(&f, &event, ana).is_none(), "nothing changed");
    f.admin_applies(Mutation::EventArchive { event_id: event.id, archived: true });
    let drift = Utc::now() + TimeDelta::minutes(5);
    assert_eq!(by_recruiter(&mut f, check_in(&event, ana, Some(drift))).unwrap(), 1);
    let kiosk = Mutation::EventCheckIn { event_id: event.id, candidate_id: ana, at: None, kiosk: true };
    by_recruiter(&mut f, kiosk).unwrap();
    assert_eq!(summaries(&f, ana)[1], "Checked in at Spring Career Fair (self check-in at the kiosk)");
}

#[test]
fn undo_takes_a_check_in_back_and_the_unregistered_leave_the_list() {
    let mut f = fixture();
    let event = fair(&mut f);
    let (ana, omar) = (f.create(Person::default()), f.create(Person { first: "Omar", ..Person::default() }));
    by_recruiter(&mut f, register(&event, &[ana])).unwrap();
    for id in [ana, omar] {
        by_recruiter(&mut f, check_in(&event, id, None)).unwrap();
    }
    for id in [ana, omar] {
        let undo = Mutation::EventUndoCheckIn { event_id: event.id, candidate_id: id };
        assert_eq!(by_recruiter(&mut f, undo).unwrap(), 1);
    }
    let m = membership(&f, &event, ana).expect("still registered").member;
    assert!(m.registered && !m.attended && m.checked_in_at.is_none() && m.checked_in_by.is_none());
    assert!(membership(&f, &event, omar).is_none(), "checked in by mistake, gone again");
    assert_eq!(summaries(&f, omar).last().unwrap(), "Check-in at Spring Career Fair undone");
    let again = Mutation::EventUndoCheckIn { event_id: event.id, candidate_id: ana };
    assert_eq!(refusal(by_recruiter(&mut f, again)), "candidate: Ana Souza is not checked in at Spring Career Fair");
}

#[test]
fn each_recruiter_rates_once_and_only_people_on_the_list() {
    let mut f = fixture();
    let event = fair(&mut f);
    let (ana, omar) = (f.create(Person::default()), f.create(Person { first: "Omar", ..Person::default() }));
    by_recruiter(&mut f, check_in(&event, ana, None)).unwrap();
    let rate = |id, rating| Mutation::EventRate { event_id: event.id, candidate_id: id, rating };
    by_recruiter(&mut f, rate(ana, 3)).unwrap();
    by_recruiter(&mut f, rate(ana, 4)).unwrap();
    f.admin_applies(rate(ana, 5));
    let ratings = membership(&f, &event, ana).unwrap().member.ratings;
    assert_eq!(ratings.len(), 2);
    assert_eq!(ratings[&f.recruiter.email], 4);
    assert_eq!(ratings[&f.admin.email], 5);
    assert!(refusal(by_recruiter(&mut f, rate(omar, 4))).contains("not in this event"));
    assert!(refusal(by_recruiter(&mut f, rate(ana, 6))).contains("from 1 to 5"));
}

fn walk_in(event: &Event, id: Uuid, profile: Profile, interests: &[&str], kiosk: bool) -> Mutation {
    Mutation::EventWalkIn {
        event_id: event.id,
        candidate_id: id,
        profile,
        interests: interests.iter().map(|s| (*s).to_owned()).collect(),
        consent: true,
        at: None,
        kiosk,
    }
}

#[test]
fn a_walk_in_is_created_registered_and_checked_in_at_once() {
    let mut f = fixture();
    let event = fair(&mut f);
    let interests = vec!["Data & Analytics".to_owned(), "Design".to_owned()];
    let set = Mutation::SetInterests { interests: interests.clone() };
    assert_eq!(refusal(by_recruiter(&mut f, set.clone())), "only recruiter admins may set the areas of interest");
    f.admin_applies(set);
    assert_eq!(f.store.areas_of_interest().unwrap(), interests);

    let (lin, zoe) = (new_id(), new_id());
    let with_email =
        profile(&Person { first: "Lin", last: "Wei", email: Some("lin@example.com"), ..Person::default() });
    by_recruiter(&mut f, walk_in(&event, lin, with_email, &["data & analytics"], false)).unwrap();
    let view = f.store.profile(&f.admin, lin).unwrap();
    assert_eq!(view.candidate.profile_type, ProfileType::EventAttendee);
    assert!(view.candidate.subscribed, "consent to be contacted");
    assert!(view.engagements.iter().any(|e| e.engagement == Engagement::CandidateOptIn));
    let m = &view.events[0].member;
    assert!(m.registered && m.walk_in && m.attended && !m.follow_up);
    assert_eq!(m.registered_via, Some(RegistrationVia::WalkIn));
    assert_eq!(m.interests, ["Data & Analytics"], "spelled as the list has it");
    assert_eq!(view.events[0].code, event::check_in_code(&event, lin));
    assert_eq!(summaries(&f, lin), ["Walked in at Spring Career Fair"]);

    let no_email = profile(&Person { first: "Zoë", last: "Ng", ..Person::default() });
    by_recruiter(&mut f, walk_in(&event, zoe, no_email.clone(), &[], true)).unwrap();
    let m = membership(&f, &event, zoe).unwrap().member;
    assert!(m.follow_up, "no email: someone follows up");
    assert_eq!(m.registered_via, Some(RegistrationVia::Kiosk));

    let unknown = walk_in(&event, new_id(), no_email.clone(), &["Sales"], false);
    assert!(refusal(by_recruiter(&mut f, unknown)).contains("\"Sales\" is not one of"));
    let nameless = walk_in(&event, new_id(), Profile { first_name: "Zoë".into(), ..Profile::default() }, &[], false);
    assert_eq!(refusal(by_recruiter(&mut f, nameless)), "last_name: is required");
    let again = walk_in(&event, zoe, no_email, &[], false);
    assert!(refusal(by_recruiter(&mut f, again)).contains("already exists"));
}

#[test]
fn a_registration_confirmation_carries_each_persons_code() {
    let mut f = fixture();
    let event = fair(&mut f);
    let ana = f.create(Person { email: Some("ana@example.com"), ..Person::default() });
    let omar = f.create(Person { first: "Omar", ..Person::default() });
    let confirmation = Confirmation {
        send_id: new_id(),
        subject: "See you at {{event_name}}".into(),
        body: "Hi {{first_name}}, show {{check_in_code}} at {{event_location}}.".into(),
    };
    let add = |confirmation: Confirmation, attended| Mutation::EventAdd {
        selection: Selection::ids([ana, omar]),
        event_id: event.id,
        attended,
        confirmation: Some(confirmation),
    };
    assert_eq!(by_recruiter(&mut f, add(confirmation.clone(), false)).unwrap(), 2);
    let code = event::check_in_code(&event, ana);
    let emails = f.store.profile(&f.admin, ana).unwrap().emails;
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].message.subject, "See you at Spring Career Fair");
    assert_eq!(emails[0].message.body, format!("Hi Ana, show {code} at Hall A."));
    assert_eq!(emails[0].message.check_in_code.as_deref(), Some(code.as_str()));
    assert!(f.store.profile(&f.admin, omar).unwrap().emails.is_empty(), "no address, no email");

    let again = Confirmation { send_id: new_id(), ..confirmation.clone() };
    by_recruiter(&mut f, add(again, false)).unwrap();
    assert_eq!(f.store.profile(&f.admin, ana).unwrap().emails.len(), 1, "only the newly registered");
    assert!(refusal(by_recruiter(&mut f, add(confirmation.clone(), false))).contains("already exists"));
    assert!(refusal(by_recruiter(&mut f, add(confirmation, true))).starts_with("confirmation:"));
}

#[test]
fn refused_event_mutations_name_the_problem() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let missing = Event::new(new_id(), "Gone", EventCategory::Meetup, Utc::now(), "");
    let err = refusal(by_recruiter(&mut f, check_in(&missing, ana, None)));
    assert!(matches!(err.as_str(), e if e.starts_with("event ") && e.ends_with("does not exist")), "{err}");
    let unknown = match f.store.apply(&f.recruiter.clone(), Mutation::EventUpdate { event: missing }) {
        Err(StoreError::Domain(d)) => d,
        other => panic!("{other:?}"),
    };
    assert!(matches!(unknown, DomainError::NotFound { .. }));
}
