//! `bench insights`: every insights chart of searches over the database, the largest
//! matching some 300,000 candidates (`insights_p95_ms`), and a search narrowed by a chart's
//! value as a click does (`facet_filter_p95_ms`). Reads only; opening a database of an older
//! schema migrates it, so run it on a copy of a shared one.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use serde_json::json;
use talentdesk_domain::search::{Facet, FacetFilter, SearchFilters, SearchRequest};
use talentdesk_store::Store;
use talentdesk_store::search::PageRequest;
use talentdesk_store::search::insights::TOP;

use crate::bench::{Stats, ms};

/// The size of the search the target is set for.
const TARGET_MATCHES: u64 = 300_000;

pub fn insights(db: &Path, runs: usize, json: bool) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    let all = SearchRequest::default();
    let started = Instant::now();
    let everyone = store.insights(&all, TOP)?;
    let first_ms = ms(started.elapsed());

    // Countries, most candidates first, until they hold some 300,000: a search as broad as
    // the target's, built from the database itself.
    let countries = &everyone.charts.iter().find(|c| c.facet == Facet::Country).expect("a country chart").bars;
    let mut facets = Vec::new();
    let mut held = 0;
    for bar in countries.iter().rev() {
        if held >= TARGET_MATCHES {
            break;
        }
        held += bar.count;
        facets.push(FacetFilter { facet: Facet::Country, value: bar.value.clone(), exclude: false });
    }
    let broad = SearchRequest { filters: SearchFilters { facets, ..Default::default() }, ..Default::default() };
    let keyword = SearchRequest { query: "engineer".into(), ..Default::default() };
    let mut cases = Vec::new();
    for (name, request) in
        [("all candidates", &all), ("some 300,000 (countries)", &broad), ("keyword engineer", &keyword)]
    {
        let mut samples = Vec::with_capacity(runs);
        let mut total = 0;
        store.insights(request, TOP)?;
        for _ in 0..runs {
            let started = Instant::now();
            total = store.insights(request, TOP)?.total;
            samples.push(started.elapsed());
        }
        cases.push((name, total, Stats::of(&samples)));
    }

    // A click on the largest country's bar, then shift-click on the largest skill.
    let top_country = countries.first().map(|b| b.value.clone()).unwrap_or_default();
    let top_skill = everyone
        .charts
        .iter()
        .find(|c| c.facet == Facet::Skill)
        .and_then(|c| c.bars.first())
        .map(|b| b.value.clone())
        .unwrap_or_default();
    let clicked = SearchRequest {
        filters: SearchFilters {
            facets: vec![
                FacetFilter { facet: Facet::Country, value: top_country, exclude: false },
                FacetFilter { facet: Facet::Skill, value: top_skill, exclude: true },
            ],
            ..Default::default()
        },
        ..Default::default()
    };
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        store.clear_search_cache();
        let started = Instant::now();
        store.search(&clicked, &PageRequest::default())?;
        samples.push(started.elapsed());
    }
    let clicked_stats = Stats::of(&samples);

    let (_, broad_total, broad_stats) = &cases[1];
    if json {
        let per_case: Vec<_> = cases
            .iter()
            .map(|(name, total, stats)| json!({ "search": name, "matches": total, "stats": stats }))
            .collect();
        let out = json!({
            "candidates": everyone.total,
            "first_insights_ms": first_ms,
            "insights_matches": broad_total,
            "insights_p95_ms": broad_stats.p95_ms,
            "cases": per_case,
            "facet_filter_p95_ms": clicked_stats.p95_ms,
            "runs": runs,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("{} candidates; first insights (values loaded): {first_ms:.0} ms", everyone.total);
        for (name, total, s) in &cases {
            println!(
                "{name:<28} {total:>9} matches  p50 {:.2} ms  p95 {:.2} ms  max {:.2} ms",
                s.p50_ms, s.p95_ms, s.max_ms
            );
        }
        println!("search by a chart's values (first page): p95 {:.2} ms", clicked_stats.p95_ms);
    }
    Ok(ExitCode::SUCCESS)
}
