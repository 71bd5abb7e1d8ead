//! Years of experience as a recruiter searches by it: a range filter and a sort, over
//! candidates written every way a store is written (created, bulk-loaded, edited, pulled from
//! the server, and upgraded from a file made before the figure existed), checked against a
//! count of the months each history covers.

mod common;

use std::collections::BTreeSet;

use chrono::Datelike;
use common::{Person, fixture, imported_candidate, profile};
use talentdesk_domain::aggregate::FullCandidate;
use talentdesk_domain::candidate::{Employment, FieldValue, ProfileType};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::search::{SearchFilters, SearchRequest, SortOrder, YearsRange};
use talentdesk_store::bulk_load::Prepared;
use talentdesk_store::replica::{Account, ServerChange};
use talentdesk_store::search::PageRequest;
use talentdesk_store::{Store, StoreError};
use uuid::Uuid;

fn this_month() -> u32 {
    let today = chrono::Utc::now().date_naive();
    today.year() as u32 * 12 + today.month0()
}

/// `2019` or `2019-04` as counted months; None for what the rule skips.
fn month(text: &str) -> Option<u32> {
    let (year, month) = match text.split_once('-') {
        Some((y, m)) => (y.parse::<u32>().ok()?, m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
        None => (text.parse::<u32>().ok()?, 1),
    };
    (1900..=2200).contains(&year).then_some(year * 12 + month - 1)
}

/// The months a history covers, counted one by one: every month some job ran in (a current
/// job up to this month), each once.
fn months_covered(jobs: &[Employment]) -> u32 {
    let mut months = BTreeSet::new();
    for job in jobs {
        let Some(start) = job.start.as_deref().and_then(month) else { continue };
        let end = if job.current { Some(this_month().max(start)) } else { job.end.as_deref().and_then(month) };
        if let Some(end) = end.filter(|e| *e >= start) {
            months.extend(start..end);
        }
    }
    months.len() as u32
}

/// A varied history from a seed: overlapping jobs, gaps, current jobs, year-only dates, and
/// dates the rule skips.
fn history(seed: u64) -> Vec<Employment> {
    let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    let mut next = |n: u64| {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (x >> 33) % n
    };
    let jobs = next(5);
    (0..jobs)
        .map(|_| {
            let start_year = 1995 + next(31);
            let start_month = 1 + next(12);
            // Ends in the past: one still ahead would count as written (see the rule).
            let start = start_year * 12 + start_month - 1;
            let end = start + next(120).min((2025 * 12u64).saturating_sub(start));
            let (kind, year_only) = (next(10), next(4) == 0);
            let date = |y: u64, m: u64| if year_only { format!("{y}") } else { format!("{y}-{m:02}") };
            let (start, end, current) = match kind {
                0 => (Some(date(start_year, start_month)), None, true),
                1 => (None, Some(date(end / 12, end % 12 + 1)), false),
                2 => (Some(date(start_year, start_month)), None, false),
                3 => (Some(format!("{start_year}-13")), Some(date(end / 12, end % 12 + 1)), false),
                4 => (Some(date(end / 12 + 1, 1)), Some(date(start_year, start_month)), false),
                _ => (Some(date(start_year, start_month)), Some(date(end / 12, end % 12 + 1)), false),
            };
            Employment { title: "Engineer".into(), employer: "Acme".into(), start, end, current }
        })
        .collect()
}

fn with_experience(min: Option<u32>, max: Option<u32>, sort: SortOrder) -> SearchRequest {
    SearchRequest {
        filters: SearchFilters { experience: YearsRange { min, max }, ..Default::default() },
        sort,
        ..Default::default()
    }
}

/// Every page of a search, followed by its cursors.
fn all_pages(store: &mut Store, request: &SearchRequest) -> Vec<(Uuid, u32)> {
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let page = store.search(request, &PageRequest { limit: 37, after }).unwrap();
        out.extend(page.rows.iter().map(|r| (r.id, r.experience_months)));
        match page.next {
            Some(next) => after = Some(next),
            None => return out,
        }
    }
}

#[test]
fn the_range_filter_and_the_sort_agree_with_counting_months_over_a_generated_store() {
    let mut f = fixture();
    let mut expected: Vec<(Uuid, u32)> = Vec::new();
    // Half bulk-loaded (as an import or a snapshot writes them), half created one by one.
    {
        let mut load = f.store.bulk_load().unwrap();
        for seed in 0..150 {
            let mut c = imported_candidate("Loaded", &format!("N{seed}"));
            c.profile.employment = history(seed);
            expected.push((c.id, months_covered(&c.profile.employment)));
            load.candidate(&Prepared::candidate(FullCandidate::new(c)).unwrap()).unwrap();
        }
        load.finish(|_| {}).unwrap();
    }
    let recruiter = f.recruiter.clone();
    for seed in 150..300 {
        let id = new_id();
        let mut p = profile(&Person { first: "Made", last: "Here", ..Person::default() });
        // An edit refuses dates it cannot read and ends before starts: those come by import only.
        p.employment = history(seed);
        p.employment.retain(|j| {
            let (start, end) = (j.start.as_deref().map(month), j.end.as_deref().map(month));
            start != Some(None) && end != Some(None) && !matches!((start, end), (Some(s), Some(e)) if e < s)
        });
        expected.push((id, months_covered(&p.employment)));
        let m =
            Mutation::CandidateCreate { candidate_id: id, profile: p, profile_type: ProfileType::RecruiterGenerated };
        f.store.apply(&recruiter, m).unwrap();
    }
    assert!(expected.iter().any(|(_, m)| *m == 0) && expected.iter().any(|(_, m)| *m > 240), "a varied store");

    for (min, max) in
        [(None, None), (Some(0), Some(0)), (Some(3), Some(5)), (Some(10), None), (None, Some(2)), (Some(7), Some(7))]
    {
        let in_range = |months: u32| min.is_none_or(|m| months >= m * 12) && max.is_none_or(|m| months < (m + 1) * 12);
        let want: BTreeSet<Uuid> = expected.iter().filter(|(_, m)| in_range(*m)).map(|(id, _)| *id).collect();
        let request = with_experience(min, max, SortOrder::Relevance);
        let got: BTreeSet<Uuid> = all_pages(&mut f.store, &request).into_iter().map(|(id, _)| id).collect();
        assert_eq!(got, want, "{min:?} to {max:?} years");
        let total = f.store.search(&request, &PageRequest::default()).unwrap().total;
        assert_eq!(total, want.len() as u64);
    }

    for sort in [SortOrder::ExperienceDesc, SortOrder::ExperienceAsc] {
        let seen = all_pages(&mut f.store, &with_experience(None, None, sort));
        let months: Vec<u32> = seen.iter().map(|(_, m)| *m).collect();
        let mut want: Vec<u32> = expected.iter().map(|(_, m)| *m).collect();
        want.sort_unstable();
        if sort == SortOrder::ExperienceDesc {
            want.reverse();
        }
        assert_eq!(months, want, "{sort:?}: every candidate once, in order of the months counted");
        let ids: BTreeSet<Uuid> = seen.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids.len(), expected.len());
        for (id, m) in &seen {
            assert_eq!(Some(m), expected.iter().find(|(e, _)| e == id).map(|(_, m)| m), "the row's figure");
        }
    }
}

fn job(start: &str, end: Option<&str>) -> Employment {
    Employment {
        title: "Engineer".into(),
        employer: "Acme".into(),
        start: Some(start.into()),
        end: end.map(str::to_owned),
        current: end.is_none(),
    }
}

fn edit_employment(f: &mut common::Fixture, id: Uuid, from: Vec<Employment>, to: Vec<Employment>) {
    let change = FieldChange { from: FieldValue::Employment(from), to: FieldValue::Employment(to) };
    f.admin_applies(Mutation::CandidateUpdate { candidate_id: id, changes: vec![change] });
}

fn seniors(store: &mut Store) -> Vec<Uuid> {
    let page = store.search(&with_experience(Some(10), None, SortOrder::NameAsc), &PageRequest::default()).unwrap();
    page.rows.iter().map(|r| r.id).collect()
}

#[test]
fn an_edit_of_the_employment_history_moves_the_candidate_in_and_out_of_the_range() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let bo = f.create(Person { first: "Bo", ..Person::default() });
    assert!(seniors(&mut f.store).is_empty(), "searched once, so the facts are in memory");

    let long = vec![job("2001-01", Some("2008-01")), job("2006-01", Some("2012-01"))];
    edit_employment(&mut f, ana, vec![], long.clone());
    assert_eq!(seniors(&mut f.store), [ana], "11 years, the overlap counted once");

    // Two overlapping six-year jobs are six years, not twelve.
    let overlapping = vec![job("2010-01", Some("2016-01")), job("2010-06", Some("2016-01"))];
    edit_employment(&mut f, ana, long, overlapping);
    assert!(seniors(&mut f.store).is_empty());

    // A job begun ten years and a month ago and still held.
    let since = this_month() - 121;
    let current = vec![job(&format!("{}-{:02}", since / 12, since % 12 + 1), None)];
    edit_employment(&mut f, bo, vec![], current);
    assert_eq!(seniors(&mut f.store), [bo], "a current job counts up to today");

    let err = f.store.search(&with_experience(Some(8), Some(3), SortOrder::NameAsc), &PageRequest::default());
    let err = err.expect_err("a range upside down is refused");
    assert!(matches!(err, StoreError::Domain(_)) && err.to_string().contains("experience"), "{err}");
}

#[test]
fn an_employment_history_pulled_from_the_server_counts_on_the_laptop() {
    let mut server = fixture();
    let ana = server.create(Person::default());
    let rita = server.recruiter.clone();
    let mut laptop = Store::open(server.dir.path().join("laptop.db")).unwrap();
    let account =
        Account { server: "https://crm.example".into(), org_id: new_id(), user_id: rita.id, email: rita.email.clone() };
    laptop.bind(&account, &rita).unwrap();
    let pull = |laptop: &mut Store, server: &Store, cursor: &str| {
        let records = server.export_records_of(&[RecordKind::Candidate]).unwrap();
        let changes: Vec<_> =
            records.iter().map(|(kind, id, data)| ServerChange { kind: *kind, id, data: Some(data) }).collect();
        laptop.apply_pull(&changes, cursor, 0, true).unwrap();
    };
    pull(&mut laptop, &server.store, "1");
    assert!(seniors(&mut laptop).is_empty());

    edit_employment(&mut server, ana, vec![], vec![job("1999", Some("2015"))]);
    pull(&mut laptop, &server.store, "2");
    assert_eq!(seniors(&mut laptop), [ana]);
}

#[test]
fn a_store_from_before_the_figure_gets_it_on_upgrade() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    edit_employment(&mut f, ana, vec![], vec![job("2000-03", Some("2012-03"))]);
    let path = f.dir.path().join("store.db");
    drop(f.store);
    {
        // Back to the schema of version 18: without the two columns and their trigger.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!("{}; PRAGMA user_version = 18;", common::BEFORE_EXPERIENCE)).unwrap();
    }
    let store = Store::open(&path).unwrap();
    let page = store.search(&with_experience(Some(12), Some(12), SortOrder::NameAsc), &PageRequest::default()).unwrap();
    assert_eq!(page.rows.iter().map(|r| (r.id, r.experience_months)).collect::<Vec<_>>(), [(ana, 144)]);
}
