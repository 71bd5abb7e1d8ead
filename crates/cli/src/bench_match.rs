//! `bench match`: candidates for a job over the whole database (`match_p95_ms`): a job
//! wanting ten common skills, a title, a place and years, its top 200 ranked with their
//! reasons, and the job's pipeline read (the database's job with the most applications); and
//! the same within 50 km of the place (`match_radius_p95_ms`: only those named near it are
//! read), and within 50 km or willing to relocate (`match_radius_relocating_p95_ms`: everyone).
//! Reads only; opening a database of an older schema migrates it, so run it on a copy of a
//! shared one.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use serde_json::json;
use talentdesk_store::Store;
use talentdesk_store::search::for_job::{JobWanted, MatchOptions, PlaceRequired};

use crate::bench::{Stats, ms};

/// Ten skills of the taxonomy the demo data gives many candidates.
const SKILLS: [&str; 10] =
    ["Python", "Java", "JavaScript", "SQL", "AWS", "Docker", "Kubernetes", "React", "PostgreSQL", "Git"];
const RANKED: usize = 200;

pub fn bench(db: &Path, runs: usize, json: bool) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    let job = store.jobs()?.into_iter().next();
    let wanted = JobWanted {
        job_id: job.as_ref().map(|j| j.id),
        title: "Senior Software Engineer".into(),
        skills: SKILLS.map(str::to_owned).to_vec(),
        location: "Berlin".into(),
        years: Some(5),
        education: vec!["computer science".into()],
    };
    let options = MatchOptions { limit: RANKED, ..MatchOptions::default() };
    let started = Instant::now();
    let first = store.candidates_for_job(&wanted, &options)?;
    let first_ms = ms(started.elapsed());
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        store.candidates_for_job(&wanted, &options)?;
        samples.push(started.elapsed());
    }
    let stats = Stats::of(&samples);
    let within = |or_relocating| -> anyhow::Result<Stats> {
        let options = MatchOptions { place: PlaceRequired::Within { km: 50, or_relocating }, ..options.clone() };
        let mut samples = Vec::with_capacity(runs);
        for _ in 0..=runs {
            let started = Instant::now();
            store.candidates_for_job(&wanted, &options)?;
            samples.push(started.elapsed());
        }
        // The first reads the places' candidates once (kept until the next write).
        Ok(Stats::of(&samples[1..]))
    };
    let (radius, relocating) = (within(false)?, within(true)?);
    let candidates = store.candidate_ids(u32::MAX)?.len();
    if json {
        let out = json!({
            "candidates": candidates, "skills": SKILLS.len(), "ranked": first.ranked.len(),
            "rejected_here": first.rejected_here.len(), "in_pipeline": first.in_pipeline,
            "first_ms": first_ms, "match_p50_ms": stats.p50_ms, "match_p95_ms": stats.p95_ms,
            "match_max_ms": stats.max_ms, "runs": runs,
            "match_radius_p95_ms": radius.p95_ms, "match_radius_relocating_p95_ms": relocating.p95_ms,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("{candidates} candidates; a job with {} skills, top {RANKED} with reasons", SKILLS.len());
        println!("first (facts loaded): {first_ms:.1} ms");
        println!(
            "match: p50 {:.1} ms  p95 {:.1} ms  max {:.1} ms ({runs} runs)",
            stats.p50_ms, stats.p95_ms, stats.max_ms
        );
        println!("within 50 km: p95 {:.1} ms; or willing to relocate: p95 {:.1} ms", radius.p95_ms, relocating.p95_ms);
    }
    Ok(ExitCode::SUCCESS)
}
