//! A candidate's areas of interest on a real store: an edit adds only areas from the
//! organisation's list (spelled as listed) and keeps one the admin has since taken off it; a
//! walk-in's choices land on the profile; a merge keeps every area either copy had; History
//! records the change.

mod common;

use common::{Fixture, Person, fixture, profile};
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_store::StoreError;
use uuid::Uuid;

fn list(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn set_list(f: &mut Fixture, items: &[&str]) {
    f.admin_applies(Mutation::SetInterests { interests: list(items) });
}

fn interests(f: &Fixture, id: Uuid) -> Vec<String> {
    f.store.profile(&f.admin, id).unwrap().candidate.profile.interests
}

/// The recruiter's edit of the candidate's areas, from what they have now.
fn choose(f: &mut Fixture, id: Uuid, to: &[&str]) -> Result<(), StoreError> {
    let from = interests(f, id);
    let change = FieldChange { from: FieldValue::Interests(from), to: FieldValue::Interests(list(to)) };
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, Mutation::CandidateUpdate { candidate_id: id, changes: vec![change] }).map(drop)
}

#[test]
fn an_edit_adds_listed_areas_and_keeps_one_taken_off_the_list() {
    let mut f = fixture();
    set_list(&mut f, &["Data", "Design", "Sales"]);
    let ana = f.create(Person::default());
    assert!(interests(&f, ana).is_empty());

    choose(&mut f, ana, &["data", "Sales"]).unwrap();
    assert_eq!(interests(&f, ana), ["Data", "Sales"], "spelled as the list has it");
    let history = f.store.profile(&f.admin, ana).unwrap().history;
    let entry = history.last().unwrap();
    assert_eq!(entry.changes[0].to, FieldValue::Interests(list(&["Data", "Sales"])), "History shows the change");

    let err = choose(&mut f, ana, &["Data", "Sales", "Marketing"]).unwrap_err().to_string();
    assert!(err.contains("\"Marketing\" is not one of the organisation's areas of interest"), "{err}");
    assert_eq!(interests(&f, ana), ["Data", "Sales"], "a refused edit changes nothing");

    // The admin takes Sales off the list: Ana keeps it, through an edit of something else
    // and an edit that adds Design.
    set_list(&mut f, &["Data", "Design"]);
    let retitle =
        FieldChange { from: FieldValue::CurrentTitle(String::new()), to: FieldValue::CurrentTitle("Analyst".into()) };
    f.admin_applies(Mutation::CandidateUpdate { candidate_id: ana, changes: vec![retitle] });
    choose(&mut f, ana, &["Data", "Sales", "Design"]).unwrap();
    assert_eq!(interests(&f, ana), ["Data", "Sales", "Design"]);
    // Once removed from her profile, it cannot be added again.
    choose(&mut f, ana, &["Data"]).unwrap();
    assert!(choose(&mut f, ana, &["Data", "Sales"]).is_err());
}

#[test]
fn a_walk_in_s_choices_land_on_their_profile() {
    let mut f = fixture();
    set_list(&mut f, &["Data & Analytics", "Design"]);
    let event = Event::new(new_id(), "Spring Fair", EventCategory::CareerFair, chrono::Utc::now(), "Lisbon");
    f.admin_applies(Mutation::EventCreate { event: event.clone() });
    let lin = new_id();
    f.admin_applies(Mutation::EventWalkIn {
        event_id: event.id,
        candidate_id: lin,
        profile: profile(&Person { first: "Lin", last: "Wei", ..Person::default() }),
        interests: list(&["design", "data & analytics"]),
        consent: true,
        at: None,
        kiosk: true,
    });
    assert_eq!(interests(&f, lin), ["Design", "Data & Analytics"]);
}

#[test]
fn a_merge_keeps_every_area_either_copy_chose() {
    let mut f = fixture();
    set_list(&mut f, &["Data", "Design", "Sales"]);
    let ana = f.create(Person::default());
    let dup = f.create(Person { email: Some("ana@example.com"), ..Person::default() });
    choose(&mut f, ana, &["Data", "Sales"]).unwrap();
    choose(&mut f, dup, &["Design", "Data"]).unwrap();
    set_list(&mut f, &["Data", "Design"]);
    // The merge picked the duplicate's value; Sales (off the list now) stays all the same.
    let pick = FieldChange {
        from: FieldValue::Interests(list(&["Data", "Sales"])),
        to: FieldValue::Interests(list(&["Design", "Data"])),
    };
    f.admin_applies(Mutation::CandidateMerge { survivor_id: ana, merged_ids: vec![dup], changes: vec![pick] });
    assert_eq!(interests(&f, ana), ["Design", "Data", "Sales"]);
}
