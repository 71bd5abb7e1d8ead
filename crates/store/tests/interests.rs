//! A candidate's areas of interest on a real store: an edit adds only areas from the
//! organisation's list (spelled as listed) and keeps one the admin has since taken off it; a
//! walk-in's choices land on the profile; a merge keeps every area either copy had; History
//! records the change. Search filters on them (any of the chosen areas), the results table's
//! column and the insights chart show them, an email to "all from this search" reaches exactly
//! those interested, export writes them, and a store from before has them after its upgrade.

mod common;

use common::{Fixture, Person, fixture, profile};
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::{Facet, FacetFilter, SearchFilters, SearchRequest, Selection};
use talentdesk_store::export::{ExportField, ExportFormat, Exporter};
use talentdesk_store::search::PageRequest;
use talentdesk_store::{Store, StoreError};
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

/// A search for those interested in any of `areas`.
fn interested_in(areas: &[&str]) -> SearchRequest {
    let facets =
        areas.iter().map(|a| FacetFilter { facet: Facet::Interest, value: (*a).to_owned(), exclude: false }).collect();
    SearchRequest { filters: SearchFilters { facets, ..Default::default() }, ..Default::default() }
}

fn found(store: &Store, request: &SearchRequest) -> Vec<String> {
    let page = store.search(request, &PageRequest { limit: 100, after: None }).unwrap();
    let mut names: Vec<String> = page.rows.iter().map(|r| r.name.clone()).collect();
    names.sort();
    names
}

/// Ana (Data, Sales), Bo (Design) and Cy (none), on a list of Data, Design and Sales.
fn three(f: &mut Fixture) -> [Uuid; 3] {
    set_list(f, &["Data", "Design", "Sales"]);
    let ana = f.create(Person { first: "Ana", email: Some("ana@example.com"), ..Person::default() });
    let bo = f.create(Person { first: "Bo", email: Some("bo@example.com"), ..Person::default() });
    let cy = f.create(Person { first: "Cy", email: Some("cy@example.com"), ..Person::default() });
    choose(f, ana, &["Data", "Sales"]).unwrap();
    choose(f, bo, &["Design"]).unwrap();
    [ana, bo, cy]
}

#[test]
fn search_finds_those_interested_in_any_chosen_area_and_the_column_and_chart_show_them() {
    let mut f = fixture();
    let [ana, _, _] = three(&mut f);
    assert_eq!(found(&f.store, &interested_in(&["data"])), ["Ana Souza"], "any case");
    assert_eq!(found(&f.store, &interested_in(&["Data", "Design"])), ["Ana Souza", "Bo Souza"], "any of them");
    assert!(found(&f.store, &interested_in(&["Marketing"])).is_empty(), "an area nobody chose finds nobody");
    assert_eq!(found(&f.store, &SearchRequest::default()).len(), 3, "no filter, everyone");

    let page = f.store.search(&interested_in(&["Sales"]), &PageRequest::default()).unwrap();
    assert_eq!(page.rows[0].interests, ["Data", "Sales"], "the results table's column");

    let insights = f.store.insights(&SearchRequest::default(), 10).unwrap();
    let chart = insights.charts.iter().find(|c| c.facet == Facet::Interest).unwrap();
    let bars: Vec<(&str, u64)> = chart.bars.iter().map(|b| (b.label.as_str(), b.count)).collect();
    assert_eq!(bars, [("Data", 1), ("Sales", 1), ("Design", 1)], "equal counts as first seen");
    assert_eq!(chart.unknown, 1, "Cy chose none");

    // Ana drops Data: the filter and the chart follow the edit.
    choose(&mut f, ana, &["Sales"]).unwrap();
    assert!(found(&f.store, &interested_in(&["Data"])).is_empty());
    let insights = f.store.insights(&SearchRequest::default(), 10).unwrap();
    let chart = insights.charts.iter().find(|c| c.facet == Facet::Interest).unwrap();
    assert!(chart.bars.iter().all(|b| b.label != "Data"));
}

#[test]
fn an_email_to_all_from_the_filter_reaches_exactly_those_interested() {
    let mut f = fixture();
    let [ana, bo, cy] = three(&mut f);
    let send = Mutation::EmailSend {
        send_id: new_id(),
        selection: Selection::Search { request: Box::new(interested_in(&["Data", "Design"])) },
        subject: "Data and design roles".into(),
        body: "Hi {{first_name}}, we are hiring.".into(),
    };
    let recruiter = f.recruiter.clone();
    let plan = f.store.plan_bulk(&recruiter, send.clone()).unwrap();
    assert_eq!(plan.total(), 2, "the whole match, counted before it is sent");
    assert_eq!(f.store.apply(&recruiter, send).unwrap().affected, 2);
    let emails = |id| f.store.profile(&f.admin, id).unwrap().emails;
    assert_eq!(emails(ana)[0].message.body, "Hi Ana, we are hiring.");
    assert_eq!(emails(bo).len(), 1);
    assert!(emails(cy).is_empty(), "not interested, not emailed");
}

#[test]
fn export_writes_the_areas_of_interest() {
    let mut f = fixture();
    let [ana, _, cy] = three(&mut f);
    let mut export =
        Exporter::new(Vec::new(), ExportFormat::Csv, &[ExportField::Name, ExportField::Interests]).unwrap();
    for id in [ana, cy] {
        export.write(&f.store, &f.recruiter, id).unwrap();
    }
    let csv = String::from_utf8(export.finish().unwrap()).unwrap();
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        ["First name,Last name,Areas of interest", "Ana,Souza,Data; Sales", "Cy,Souza,"]
    );
}

#[test]
fn a_store_from_before_the_interest_filter_gets_it_on_upgrade() {
    let mut f = fixture();
    three(&mut f);
    let path = f.store.path().to_path_buf();
    drop(f.store);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("ALTER TABLE insight_values DROP COLUMN interests; PRAGMA user_version = 24;").unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(found(&store, &interested_in(&["Sales", "Design"])), ["Ana Souza", "Bo Souza"]);
}
