//! `talentdesk-cli bench server`: what a team feels of the CRM server, measured over HTTP like
//! a desktop would: one full snapshot (first sync's download), then 10 clients at once pulling
//! pages of 1,000 changes from varied cursors, then 10 clients at once pushing mutations.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use talentdesk_domain::mutation::Mutation;
use talentdesk_sync::client::Client;
use talentdesk_sync::wire::{PushedMutation, RecordKind};
use uuid::Uuid;

use crate::bench::Stats;

const CLIENTS: usize = 10;
const PULLS_PER_CLIENT: usize = 50;
const PUSHES_PER_CLIENT: usize = 20;
const MUTATIONS_PER_PUSH: usize = 50;

#[derive(Serialize)]
struct Report {
    server: String,
    snapshot_records: u64,
    snapshot_candidates: u64,
    snapshot_seconds: f64,
    snapshot_megabytes: f64,
    pull_page_size: usize,
    pull: Stats,
    pull_p95_ms: f64,
    push_mutations: usize,
    push_seconds: f64,
    push_mutations_per_s: f64,
    push_batch: Stats,
}

pub fn server(url: &str, email: &str, password: &str, json: bool) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new()?;
    let report = runtime.block_on(measure(url.trim_end_matches('/'), email, password))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "snapshot: {} records ({} candidates, {:.1} MB compressed) in {:.1} s",
            report.snapshot_records, report.snapshot_candidates, report.snapshot_megabytes, report.snapshot_seconds
        );
        println!(
            "pull ({} changes a page, {CLIENTS} clients): p50 {} ms, p95 {} ms, max {} ms",
            report.pull_page_size, report.pull.p50_ms, report.pull.p95_ms, report.pull.max_ms
        );
        println!(
            "push ({CLIENTS} clients): {} mutations in {:.1} s = {:.0} mutations/s; a batch of {MUTATIONS_PER_PUSH}: p50 {} ms, p95 {} ms",
            report.push_mutations,
            report.push_seconds,
            report.push_mutations_per_s,
            report.push_batch.p50_ms,
            report.push_batch.p95_ms
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn measure(url: &str, email: &str, password: &str) -> anyhow::Result<Report> {
    let (client, _) = Client::login(url, email, password).await?;

    // The snapshot, downloaded and unpacked as a first sync would.
    let started = Instant::now();
    let mut snapshot = client.snapshot("").await?;
    let (top, records, candidates, compressed_bytes) = tokio::task::spawn_blocking(move || {
        let top = snapshot.header()?.version.max(1);
        let mut records = 0u64;
        let mut candidates = Vec::new();
        for record in &mut snapshot {
            let record = record?;
            records += 1;
            if record.kind == RecordKind::Candidate {
                candidates.push(record.id.parse::<Uuid>()?);
            }
        }
        anyhow::Ok((top, records, candidates, snapshot.received_bytes()))
    })
    .await??;
    let snapshot_seconds = started.elapsed().as_secs_f64();
    anyhow::ensure!(!candidates.is_empty(), "the org has no candidates: fill it with `talentdesk-server demo` first");

    // Pulls of full pages from cursors spread over the org's history.
    let mut tasks = Vec::new();
    for reader in 0..CLIENTS {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let mut samples = Vec::with_capacity(PULLS_PER_CLIENT);
            for i in 0..PULLS_PER_CLIENT {
                let at = top * ((reader * PULLS_PER_CLIENT + i) as i64) / (CLIENTS * PULLS_PER_CLIENT) as i64;
                let started = Instant::now();
                let page = client.pull(Uuid::now_v7(), &at.to_string()).await?;
                samples.push(started.elapsed());
                std::hint::black_box(page.changes.len());
            }
            anyhow::Ok(samples)
        }));
    }
    let mut pulls = Vec::new();
    for task in tasks {
        pulls.extend(task.await??);
    }

    // Pushes: each client its own desktop, reviewing candidates in batches.
    let candidates = Arc::new(candidates);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for writer in 0..CLIENTS {
        let (client, candidates) = (client.clone(), candidates.clone());
        tasks.push(tokio::spawn(async move {
            let client_id = Uuid::now_v7();
            let mut samples = Vec::with_capacity(PUSHES_PER_CLIENT);
            for batch in 0..PUSHES_PER_CLIENT {
                let mutations = (0..MUTATIONS_PER_PUSH)
                    .map(|i| {
                        let n = (writer * 7919 + batch * MUTATIONS_PER_PUSH + i) % candidates.len();
                        PushedMutation::new(
                            (batch * MUTATIONS_PER_PUSH + i + 1) as i64,
                            Mutation::CandidateReview { candidate_id: candidates[n] },
                            chrono::Utc::now(),
                        )
                    })
                    .collect();
                let started = Instant::now();
                let response = client.push(client_id, mutations).await?;
                samples.push(started.elapsed());
                anyhow::ensure!(response.results.len() == MUTATIONS_PER_PUSH, "a push answered for fewer mutations");
            }
            anyhow::Ok(samples)
        }));
    }
    let mut pushes: Vec<Duration> = Vec::new();
    for task in tasks {
        pushes.extend(task.await??);
    }
    let push_seconds = started.elapsed().as_secs_f64();
    let push_mutations = CLIENTS * PUSHES_PER_CLIENT * MUTATIONS_PER_PUSH;
    let pull = Stats::of(&pulls);
    Ok(Report {
        server: url.to_owned(),
        snapshot_records: records,
        snapshot_candidates: candidates.len() as u64,
        snapshot_seconds: (snapshot_seconds * 100.0).round() / 100.0,
        snapshot_megabytes: (compressed_bytes as f64 / 1_048_576.0 * 10.0).round() / 10.0,
        pull_page_size: 1000,
        pull_p95_ms: pull.p95_ms,
        pull,
        push_mutations,
        push_seconds: (push_seconds * 100.0).round() / 100.0,
        push_mutations_per_s: (push_mutations as f64 / push_seconds).round(),
        push_batch: Stats::of(&pushes),
    })
}
