//! Insights charts over searches, checked against an independent count: each matched
//! candidate's values read with SQL from their row and details JSON (not from what the charts
//! keep), counted one by one. Then each chart's value as a filter (a click on its bar) finds
//! as many candidates as the bar says, and bad input is refused by name.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use common::{Person, fixture, imported_candidate, profile};
use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::aggregate::FullCandidate;
use talentdesk_domain::candidate::{Education, Employment, FieldValue, ProfileType};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::{Facet, FacetFilter, SearchFilters, SearchRequest, Selection};
use talentdesk_store::bulk_load::Prepared;
use talentdesk_store::search::PageRequest;
use talentdesk_store::search::insights::{Chart, Insights};
use talentdesk_store::{Store, StoreError};
use uuid::Uuid;

const COUNTRIES: [&str; 5] = ["PT", "DE", "US", "", "BR"];
const CITIES: [&str; 6] = ["Lisbon", "Berlin", "Chicago", "", "Porto", "São Paulo"];
const COMPANIES: [&str; 7] = ["Contoso", "Fabrikam", "Northwind", "Økonomi Partners", "", "Tailspin", "Litware"];
const TITLES: [&str; 5] = ["Engineer", "Designer", "Recruiter", "", "Product Manager"];
const SKILLS: [&str; 9] = ["Rust", "Go", "SQL", "Kanban", "Scrum", "Public Speaking", "Redis", "Jira", "Svelte"];
const SCHOOLS: [&str; 4] = ["Universidade de Lisboa", "TU Berlin", "MIT", "Universiteit van Amsterdam"];
const DEGREES: [&str; 4] = ["Bachelor of Science", "Master of Science", "", "PhD"];
const MAJORS: [&str; 4] = ["Computer Science", "Design", "Accounting", ""];
const INTERESTS: [&str; 4] = ["Data", "Design", "Sales", "People & Culture"];

/// A small deterministic generator, so a failure can be replayed.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.roll(from.len())]
    }
}

/// A varied candidate: some values missing, skills and schools listed twice, spelled in
/// another case, several degrees.
fn generated(dice: &mut Dice, n: usize) -> talentdesk_domain::candidate::Candidate {
    let mut c = imported_candidate("Gen", &format!("N{n}"));
    let p = &mut c.profile;
    p.location.country = dice.pick(&COUNTRIES).into();
    p.location.city = dice.pick(&CITIES).into();
    p.current_employer = dice.pick(&COMPANIES).into();
    p.current_title = dice.pick(&TITLES).into();
    p.skills = (0..dice.roll(5)).map(|_| dice.pick(&SKILLS).to_owned()).collect();
    if dice.roll(10) == 0 {
        p.skills.push("rust".into());
    }
    p.interests = (0..dice.roll(3)).map(|_| dice.pick(&INTERESTS).to_owned()).collect();
    p.education = (0..dice.roll(3))
        .map(|_| Education {
            school: dice.pick(&SCHOOLS).into(),
            degree: dice.pick(&DEGREES).into(),
            major: dice.pick(&MAJORS).into(),
            start: None,
            end: Some("2015".into()),
        })
        .collect();
    let start = 1995 + dice.roll(30);
    p.employment = vec![Employment {
        title: "Engineer".into(),
        employer: "Contoso".into(),
        start: Some(start.to_string()),
        end: None,
        current: true,
    }];
    c.activity = ActivityStatus::ALL[dice.roll(5)];
    c.profile_type = ProfileType::ALL[dice.roll(5)];
    c
}

/// A store of 400 generated candidates, bulk-loaded as an import or a first sync writes them.
fn generated_store() -> common::Fixture {
    let mut f = fixture();
    let mut dice = Dice(2026);
    let mut load = f.store.bulk_load().unwrap();
    for n in 0..400 {
        load.candidate(&Prepared::candidate(FullCandidate::new(generated(&mut dice, n))).unwrap()).unwrap();
    }
    load.finish(|_| {}).unwrap();
    f
}

fn all_ids(store: &Store, request: &SearchRequest) -> Vec<Uuid> {
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let page = store.search(request, &PageRequest { limit: 97, after }).unwrap();
        out.extend(page.rows.iter().map(|r| r.id));
        match page.next {
            Some(next) => after = Some(next),
            None => return out,
        }
    }
}

/// Each candidate's values by facet, lower-cased as the charts compare them, read with SQL
/// from the candidates' rows and details JSON.
fn values_by_sql(store: &Store, ids: &[Uuid]) -> HashMap<Uuid, HashMap<Facet, BTreeSet<String>>> {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT c.country, c.city, c.current_employer, c.current_title, c.activity, c.profile_type,
                (SELECT json_group_array(value) FROM json_each(d.details, '$.skills')),
                (SELECT json_group_array(json_extract(value, '$.school')) FROM json_each(d.details, '$.education')),
                (SELECT json_group_array(json_extract(value, '$.degree')) FROM json_each(d.details, '$.education')),
                (SELECT json_group_array(json_extract(value, '$.major')) FROM json_each(d.details, '$.education')),
                (SELECT json_group_array(value) FROM json_each(d.details, '$.interests'))
             FROM candidates c JOIN candidate_details d ON d.cand = c.cand WHERE c.id = ?1",
        )
        .unwrap();
    let mut out = HashMap::new();
    for id in ids {
        let row = stmt
            .query_row([id.to_string()], |r| {
                let text = |i: usize| r.get::<_, String>(i);
                let list = |i: usize| -> rusqlite::Result<Vec<String>> {
                    Ok(serde_json::from_str(&r.get::<_, String>(i)?).unwrap())
                };
                let activity = ActivityStatus::from_code(r.get(4)?).unwrap();
                let activity = serde_json::to_value(activity).unwrap().as_str().unwrap().to_owned();
                Ok(HashMap::from([
                    (Facet::Country, vec![text(0)?]),
                    (Facet::City, vec![text(1)?]),
                    (Facet::Company, vec![text(2)?]),
                    (Facet::Title, vec![text(3)?]),
                    (Facet::Activity, vec![activity]),
                    (Facet::Source, vec![text(5)?]),
                    (Facet::Skill, list(6)?),
                    (Facet::School, list(7)?),
                    (Facet::Degree, list(8)?),
                    (Facet::Major, list(9)?),
                    (Facet::Interest, list(10)?),
                ]))
            })
            .unwrap();
        let row = row
            .into_iter()
            .map(|(facet, values)| {
                (facet, values.iter().map(|v| v.trim().to_lowercase()).filter(|v| !v.is_empty()).collect())
            })
            .collect();
        out.insert(*id, row);
    }
    out
}

fn chart(insights: &Insights, facet: Facet) -> &Chart {
    insights.charts.iter().find(|c| c.facet == facet).unwrap()
}

/// Every chart of `request` as counting each matched candidate's values gives.
fn check_against_sql(store: &Store, request: &SearchRequest, top: usize) -> Insights {
    let insights = store.insights(request, top).unwrap();
    let ids = all_ids(store, request);
    assert_eq!(insights.total, ids.len() as u64, "{request:?}");
    let values = values_by_sql(store, &ids);
    for facet in Facet::ALL.into_iter().filter(|f| *f != Facet::Years) {
        let chart = chart(&insights, facet);
        let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
        let mut unknown = 0;
        for person in values.values() {
            let theirs = &person[&facet];
            unknown += u64::from(theirs.is_empty());
            for v in theirs {
                *counts.entry(v).or_default() += 1;
            }
        }
        let what = format!("{facet:?} of {request:?}");
        assert_eq!(chart.unknown, unknown, "unknown {what}");
        assert_eq!(chart.distinct, counts.len() as u64, "distinct {what}");
        // Activity and source show every value they have; the others their top ones.
        let shows = if matches!(facet, Facet::Activity | Facet::Source) { counts.len() } else { top };
        assert_eq!(chart.bars.len(), counts.len().min(shows), "bars {what}");
        let shown: BTreeSet<String> = chart.bars.iter().map(|b| b.value.to_lowercase()).collect();
        for bar in &chart.bars {
            assert_eq!(Some(&bar.count), counts.get(bar.value.to_lowercase().as_str()), "{} in {what}", bar.value);
            assert!((bar.share - bar.count as f64 / insights.total as f64).abs() < 1e-9);
        }
        // The bars are the top values: none left out has more candidates than one shown.
        let least_shown = chart.bars.iter().map(|b| b.count).min().unwrap_or(0);
        assert!(counts.iter().filter(|(v, _)| !shown.contains(**v)).all(|(_, n)| *n <= least_shown), "top {what}");
        if !matches!(facet, Facet::Activity | Facet::Source) {
            assert!(chart.bars.windows(2).all(|w| w[0].count >= w[1].count), "most first: {what}");
        }
        let other =
            values.values().filter(|p| !p[&facet].is_empty() && p[&facet].iter().all(|v| !shown.contains(v))).count()
                as u64;
        assert_eq!(chart.other, other, "other {what}");
    }
    let years: u64 = chart(&insights, Facet::Years).bars.iter().map(|b| b.count).sum();
    assert_eq!(years, insights.total, "everyone falls in one range of years");
    insights
}

fn with_facets(query: &str, facets: Vec<FacetFilter>) -> SearchRequest {
    SearchRequest { query: query.into(), filters: SearchFilters { facets, ..Default::default() }, ..Default::default() }
}

fn facet(facet: Facet, value: &str, exclude: bool) -> FacetFilter {
    FacetFilter { facet, value: value.into(), exclude }
}

#[test]
fn charts_agree_with_counting_each_candidate_on_random_searches() {
    let f = generated_store();
    let mut dice = Dice(7);
    let mut searches = vec![SearchRequest::default(), with_facets("rust", vec![]), with_facets("sql OR go", vec![])];
    for _ in 0..12 {
        let query = ["", "rust", "kanban", "engineer", "scrum OR redis"][dice.roll(5)];
        let mut facets = Vec::new();
        for _ in 0..dice.roll(3) {
            let (which, from): (Facet, &[&str]) = [
                (Facet::Country, &COUNTRIES[..]),
                (Facet::Skill, &SKILLS[..]),
                (Facet::School, &SCHOOLS[..]),
                (Facet::Interest, &INTERESTS[..]),
            ][dice.roll(4)];
            facets.push(facet(which, dice.pick(from), dice.roll(3) == 0));
        }
        searches.push(with_facets(query, facets));
    }
    for (i, request) in searches.iter().enumerate() {
        check_against_sql(&f.store, request, [3, 10, 50][i % 3]);
    }
}

#[test]
fn the_charts_follow_edits_creations_and_deletions() {
    let mut f = generated_store();
    let everyone = SearchRequest::default();
    check_against_sql(&f.store, &everyone, 10);

    let ana = f.create(Person {
        first: "Ana",
        country: "NZ",
        city: "Wellington",
        employer: "Kiwi Ltd",
        skills: &["Rust", "Haskell"],
        ..Person::default()
    });
    let gone = all_ids(&f.store, &with_facets("", vec![facet(Facet::Country, "BR", false)]));
    // Someone who stays (a Brazilian is deleted below).
    let first = all_ids(&f.store, &everyone).into_iter().find(|id| *id != ana && !gone.contains(id)).unwrap();
    let moved = FieldChange {
        from: FieldValue::Skills(vec![]),
        to: FieldValue::Skills(vec!["Haskell".into(), "COBOL".into()]),
    };
    // An edit's `from` must be the value it started from: read it.
    let start = f.store.profile(&f.admin, first).unwrap();
    let moved = FieldChange { from: FieldValue::Skills(start.candidate.profile.skills.clone()), ..moved };
    f.admin_applies(Mutation::CandidateUpdate { candidate_id: first, changes: vec![moved] });
    for some in gone.chunks(50) {
        f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids(some.iter().copied()) });
    }

    let after = check_against_sql(&f.store, &everyone, 50);
    let skills = chart(&after, Facet::Skill);
    assert!(skills.bars.iter().any(|b| b.value == "Haskell" && b.count == 2), "{skills:?}");
    assert!(chart(&after, Facet::Country).bars.iter().all(|b| b.value != "BR"), "the deleted are not counted");
    let nz = with_facets("", vec![facet(Facet::Country, "nz", false)]);
    assert_eq!(all_ids(&f.store, &nz), [ana], "a value matches in any case");
}

/// A click on a bar narrows the search to exactly the bar's candidates; a shift-click leaves
/// exactly them out; "unknown" finds those with no value.
#[test]
fn each_bar_as_a_filter_finds_as_many_candidates_as_it_counts() {
    let f = generated_store();
    let base = with_facets("kanban OR scrum", vec![]);
    let insights = f.store.insights(&base, 5).unwrap();
    assert!(insights.total > 50, "a broad search: {}", insights.total);
    let total = |request: &SearchRequest| f.store.search(request, &PageRequest::default()).unwrap().total;
    for chart in &insights.charts {
        let mut values: Vec<(String, u64)> = chart.bars.iter().map(|b| (b.value.clone(), b.count)).collect();
        if chart.unknown > 0 {
            values.push((String::new(), chart.unknown));
        }
        assert!(!values.is_empty(), "{:?} has bars", chart.facet);
        for (value, count) in values {
            let mut only = base.clone();
            only.filters.facets = vec![facet(chart.facet, &value, false)];
            assert_eq!(total(&only), count, "{:?} = {value:?}", chart.facet);
            only.filters.facets[0].exclude = true;
            assert_eq!(total(&only), insights.total - count, "{:?} != {value:?}", chart.facet);
        }
    }
    // Two values of one facet: either; of two facets: both.
    let countries = &chart(&insights, Facet::Country).bars;
    let two = with_facets(
        "kanban OR scrum",
        vec![facet(Facet::Country, &countries[0].value, false), facet(Facet::Country, &countries[1].value, false)],
    );
    assert_eq!(total(&two), countries[0].count + countries[1].count);
    let mut both = two.clone();
    both.filters.facets.push(facet(Facet::Skill, "Rust", false));
    let counted = f.store.insights(&two, 50).unwrap();
    let rust = chart(&counted, Facet::Skill).bars.iter().find(|b| b.value == "Rust").map_or(0, |b| b.count);
    assert_eq!(total(&both), rust);
}

#[test]
fn charts_over_an_empty_result_are_empty_and_a_value_nobody_has_matches_nobody() {
    let f = generated_store();
    let nobody = with_facets("", vec![facet(Facet::Company, "A Company Nobody Works At", false)]);
    let insights = f.store.insights(&nobody, 10).unwrap();
    assert_eq!(insights.total, 0);
    assert_eq!(insights.charts.len(), Facet::ALL.len());
    for chart in &insights.charts {
        assert!(chart.bars.is_empty() && chart.other == 0 && chart.unknown == 0 && chart.distinct == 0, "{chart:?}");
    }
    let xlsx = insights.to_xlsx("nobody").unwrap();
    assert!(!xlsx.is_empty(), "an empty result still exports");
}

#[test]
fn a_facet_value_that_cannot_be_is_refused_by_name() {
    let f = generated_store();
    for (which, value, names) in [
        (Facet::Activity, "busy", "\"busy\" is not an activity status"),
        (Facet::Source, "carrier pigeon", "\"carrier pigeon\" is not a source"),
        (Facet::Years, "lots", "\"lots\" is not a range of years"),
        (Facet::Years, "9-5", "\"9-5\" is not a range of years"),
    ] {
        let request = with_facets("", vec![facet(which, value, false)]);
        let err = f.store.search(&request, &PageRequest::default()).unwrap_err();
        assert!(matches!(err, StoreError::Domain(_)), "{err:?}");
        assert!(err.to_string().contains(names), "{err}");
        assert!(f.store.insights(&request, 10).is_err());
    }
}

#[test]
fn a_store_from_before_the_charts_gets_their_values_on_upgrade() {
    let mut f = fixture();
    let recruiter = f.recruiter.clone();
    let mut p = profile(&Person { first: "Old", skills: &["Rust", "Go"], ..Person::default() });
    p.education =
        vec![Education { school: "MIT".into(), degree: "PhD".into(), major: "Physics".into(), start: None, end: None }];
    f.store
        .apply(
            &recruiter,
            Mutation::CandidateCreate {
                candidate_id: talentdesk_domain::new_id(),
                profile: p,
                profile_type: ProfileType::Applicant,
            },
        )
        .unwrap();
    let path = f.dir.path().join("store.db");
    drop(f.store);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("DROP TABLE insight_values; PRAGMA user_version = 19;").unwrap();
    }
    let store = Store::open(&path).unwrap();
    let insights = store.insights(&SearchRequest::default(), 10).unwrap();
    let labels = |facet| chart(&insights, facet).bars.iter().map(|b| b.label.clone()).collect::<Vec<_>>();
    assert_eq!(labels(Facet::Skill), ["Rust", "Go"]);
    assert_eq!(
        (labels(Facet::School), labels(Facet::Degree), labels(Facet::Major)),
        (vec!["MIT".to_owned()], vec!["PhD".to_owned()], vec!["Physics".to_owned()])
    );
}
