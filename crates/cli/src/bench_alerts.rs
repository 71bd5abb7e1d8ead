//! `bench alerts`: what watching saved searches cost a pull. Fifty saved searches watch
//! (keywords, locations, filters, as recruiters keep them); each run pulls 1,000 changed
//! candidates (500 teammates' edits of candidates here, 500 new ones) and times the check
//! that counts their new matches (`alert_check_ms`): who among the pulled candidates matched
//! each search before the pull was written, and who matches after. The pull itself is timed
//! too. It WRITES to the database: run it on a copy.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use serde_json::json;
use talentdesk_demo::DemoOptions;
use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::saved_search::SavedSearch;
use talentdesk_domain::search::{SearchFilters, SearchRequest, YearsRange};
use talentdesk_store::Store;
use talentdesk_store::replica::ServerChange;

use crate::bench::Stats;

/// Saved searches that watch.
const SEARCHES: usize = 50;
/// Candidates a pull brings.
const PULLED: usize = 1_000;
const TARGET_MS: f64 = 100.0;

pub fn alerts(db: &Path, runs: usize, json: bool) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db)?;
    let owner = store.users()?.into_iter().next().context("the database has no users to own saved searches")?;
    for search in searches(owner.id) {
        store.apply(&owner, Mutation::SavedSearchPut { search })?;
    }
    let here = store.candidate_ids(u32::MAX)?;
    anyhow::ensure!(here.len() >= PULLED, "the database holds {} candidates; the bench needs {PULLED}", here.len());
    store.warm_search()?;

    let (mut checks, mut pulls, mut heard) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let pulled = pulled(&here, run)?;
        let changes: Vec<_> = pulled
            .iter()
            .map(|(id, data)| ServerChange { kind: RecordKind::Candidate, id, data: Some(data) })
            .collect();
        // Timed apart from the pull, each half with cold keyword sets as after any write (the
        // pull runs the same check again inside, untimed here).
        store.clear_search_cache();
        let started = Instant::now();
        let before = store.alerts_before(&changes)?.context("the saved searches watch")?;
        let before_ms = started.elapsed();
        let started = Instant::now();
        store.apply_pull(&changes, &format!("bench-{run}"), 0, false)?;
        pulls.push(started.elapsed());
        store.clear_search_cache();
        let started = Instant::now();
        let news = store.alerts_after(before)?;
        checks.push(before_ms + started.elapsed());
        heard.push(news.iter().map(|n| u64::from(n.count)).sum::<u64>());
    }
    let check = Stats::of(&checks);
    let pull = Stats::of(&pulls);
    let passed = check.p95_ms <= TARGET_MS;
    if json {
        let out = json!({
            "candidates": here.len(),
            "saved_searches": SEARCHES,
            "pulled": PULLED,
            "alert_check_ms": check.p95_ms,
            "alert_check": check,
            "pull": pull,
            "new_matches_per_pull": heard,
            "target_ms": TARGET_MS,
            "passed": passed,
            "runs": runs,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!(
            "{} candidates, {SEARCHES} watching saved searches, pulls of {PULLED}: alert check p50 {:.1} ms p95 {:.1} ms max {:.1} ms (target {TARGET_MS} ms); pull p95 {:.0} ms; new matches per pull {heard:?}",
            here.len(),
            check.p50_ms,
            check.p95_ms,
            check.max_ms,
            pull.p95_ms
        );
    }
    Ok(if passed { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Fifty saved searches: ten keyword queries, each alone, in a city, by activity status, by
/// years of experience, and with a keyword left out.
fn searches(owner: uuid::Uuid) -> Vec<SavedSearch> {
    let words = [
        "rust",
        "python",
        "java AND spring",
        "\"data engineer\"",
        "kubernetes OR docker",
        "react",
        "senior",
        "sales",
        "nurse",
        "accountant",
    ];
    let cities = ["Berlin", "London", "Paris", "Madrid", "New York"];
    let mut out = Vec::with_capacity(SEARCHES);
    for (n, word) in words.iter().enumerate() {
        let plain = SearchFilters::default();
        let variants = [
            (String::new(), plain.clone()),
            (
                format!(", {}", cities[n % cities.len()]),
                SearchFilters { location: Some(cities[n % cities.len()].into()), ..plain.clone() },
            ),
            (", unreviewed".into(), SearchFilters { activity: vec![ActivityStatus::Unreviewed], ..plain.clone() }),
            (
                ", 5-10 years".into(),
                SearchFilters { experience: YearsRange { min: Some(5), max: Some(10) }, ..plain.clone() },
            ),
            (" not manager".into(), plain.clone()),
        ];
        for (v, (suffix, filters)) in variants.into_iter().enumerate() {
            let query = if v == 4 { format!("({word}) NOT manager") } else { (*word).to_owned() };
            out.push(SavedSearch {
                id: uuid::Uuid::now_v7(),
                name: format!("{word}{suffix}"),
                request: SearchRequest { query, filters, ..SearchRequest::default() },
                private: true,
                owner_id: owner,
                watch: true,
            });
        }
    }
    out
}

/// A pull's candidates as the server sends them: demo profiles, half of them over candidates
/// here (teammates' edits), half new.
fn pulled(here: &[uuid::Uuid], run: usize) -> anyhow::Result<Vec<(String, String)>> {
    let fresh = talentdesk_demo::candidates(&DemoOptions { candidates: PULLED as u64, seed: 9_000 + run as u64 })?;
    let step = here.len() / PULLED;
    fresh
        .into_iter()
        .enumerate()
        .map(|(i, full)| {
            let mut candidate = full.candidate;
            candidate.id = if i % 2 == 0 { here[(i * step + run) % here.len()] } else { uuid::Uuid::now_v7() };
            let mut aggregate = CandidateAggregate::new(candidate);
            aggregate.engagement_times = full.engagements.into_iter().collect();
            Ok((aggregate.id().to_string(), serde_json::to_string(&aggregate)?))
        })
        .collect()
}
