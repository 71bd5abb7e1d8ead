//! `talentdesk-cli bench server`: what a team feels of the CRM server, measured over HTTP like
//! a desktop would: one full snapshot (first sync's download); then a history made as teams
//! make it — 10 desktops at once pushing their outboxes of reviews, tags and notes, each push
//! a version of its own — whose throughput counts only the changes the server applied; then 10 clients at once pulling pages of 1,000 changes from random cursors spread
//! across that history (a demo org is written at a single version: pulls from its cursors
//! would re-read one page). While the desktops push, a workflow status change at a time goes
//! to a webhook receiver on this machine (`bench_webhook_lag`): its lag, pushed to received
//! (and from the push's answer on, the webhook's own part); after the pulls, again with the
//! server otherwise idle.
//! Last, 200 people sign up on the org's sign-up page, each with a resume (`bench_signup`).

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_sync::client::Client;
use talentdesk_sync::wire::{PushOutcome, PushedMutation, RecordKind};
use uuid::Uuid;

use crate::bench::Stats;

const CLIENTS: usize = 10;
const PULLS_PER_CLIENT: usize = 50;
/// A desktop's outbox when it pushes: a few minutes of a recruiter's work.
const MUTATIONS_PER_PUSH: usize = 20;
const PULL_PAGE: usize = 1000;
/// Status changes timed to a webhook receiver.
const WEBHOOK_SAMPLES: usize = 100;
/// People signing up on the org's page, each with a resume.
const SIGN_UPS: usize = 200;

#[derive(Serialize)]
struct Report {
    server: String,
    snapshot_records: u64,
    snapshot_candidates: u64,
    snapshot_seconds: f64,
    snapshot_megabytes: f64,
    /// The history the pushes made: versions from `history_from` to `history_to`.
    history_from: i64,
    history_to: i64,
    push_sent: usize,
    push_applied: usize,
    push_seconds: f64,
    /// Applied changes a second, all 10 desktops together (refused ones do not count).
    push_applied_per_s: f64,
    push_requests_per_s: f64,
    push_batch: Stats,
    pull_page_size: usize,
    /// How many changes the pulled pages held, on average (full pages: 1,000).
    pull_mean_changes: f64,
    pull: Stats,
    pull_p95_ms: f64,
    /// A status change pushed to a webhook receiver's hands, while the desktops push.
    webhook_lag: Stats,
    webhook_lag_p95_ms: f64,
    /// The same from the push's answer (the change committed) on: the webhook's own part.
    webhook_after_commit: Stats,
    /// Status change pushed to received once the desktops have stopped.
    webhook_lag_idle: Stats,
    /// Status changes whose webhook never arrived (within 10 s).
    webhook_lost: usize,
    /// Sign-ups with a resume applied a second (read, parsed, stored, a new candidate made).
    signup_per_s: f64,
    /// Candidates made of the sign-up forms sent (all of them, or the bench fails).
    signup_applied: usize,
    /// Sign-up forms sent, and how many at once.
    signup_sent: usize,
    signup_at_once: usize,
    /// One sign-up form sent to its thank-you page.
    signup_form: Stats,
}

pub fn server(url: &str, email: &str, password: &str, pushes: usize, json: bool) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new()?;
    let report = runtime.block_on(measure(url.trim_end_matches('/'), email, password, pushes))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print(&report);
    }
    Ok(ExitCode::SUCCESS)
}

fn print(r: &Report) {
    println!(
        "snapshot: {} records ({} candidates, {:.1} MB compressed) in {:.1} s",
        r.snapshot_records, r.snapshot_candidates, r.snapshot_megabytes, r.snapshot_seconds
    );
    println!(
        "push ({CLIENTS} desktops, {MUTATIONS_PER_PUSH} changes a push): {} of {} applied in {:.1} s = {:.0} applied/s, {:.1} pushes/s; a push: p50 {} ms, p95 {} ms",
        r.push_applied,
        r.push_sent,
        r.push_seconds,
        r.push_applied_per_s,
        r.push_requests_per_s,
        r.push_batch.p50_ms,
        r.push_batch.p95_ms
    );
    println!(
        "pull ({} changes a page, {CLIENTS} clients, random cursors in versions {}..{}, {:.0} changes a page on average): p50 {} ms, p95 {} ms, max {} ms",
        r.pull_page_size,
        r.history_from,
        r.history_to,
        r.pull_mean_changes,
        r.pull.p50_ms,
        r.pull.p95_ms,
        r.pull.max_ms
    );
    println!(
        "webhook lag (status change pushed to received, {WEBHOOK_SAMPLES} changes while the desktops push): p50 {} ms, p95 {} ms, max {} ms, {} lost; from the push's answer: p50 {} ms, p95 {} ms",
        r.webhook_lag.p50_ms,
        r.webhook_lag.p95_ms,
        r.webhook_lag.max_ms,
        r.webhook_lost,
        r.webhook_after_commit.p50_ms,
        r.webhook_after_commit.p95_ms
    );
    println!(
        "webhook lag once the desktops stopped: p50 {} ms, p95 {} ms, max {} ms",
        r.webhook_lag_idle.p50_ms, r.webhook_lag_idle.p95_ms, r.webhook_lag_idle.max_ms
    );
    println!(
        "sign-up page ({} people, each with a resume, {} at once): {:.1} sign-ups/s applied ({} candidates made); a form: p50 {} ms, p95 {} ms",
        r.signup_sent, r.signup_at_once, r.signup_per_s, r.signup_applied, r.signup_form.p50_ms, r.signup_form.p95_ms
    );
}

/// What the snapshot holds that the benchmark needs.
struct Org {
    top: i64,
    records: u64,
    candidates: Vec<Uuid>,
    tag: Option<String>,
    compressed_bytes: u64,
}

/// `pushes`: how many pushes each desktop makes.
async fn measure(url: &str, email: &str, password: &str, pushes: usize) -> anyhow::Result<Report> {
    let (client, _) = Client::login(url, email, password).await?;

    let started = Instant::now();
    let org = snapshot(&client).await?;
    let snapshot_seconds = started.elapsed().as_secs_f64();
    anyhow::ensure!(
        !org.candidates.is_empty(),
        "the org has no candidates: fill it with `talentdesk-server demo` first"
    );

    let lag = {
        let (client, candidate) = (client.clone(), org.candidates[0]);
        tokio::spawn(async move { crate::bench_webhook_lag::measure(&client, candidate, WEBHOOK_SAMPLES).await })
    };
    let started = Instant::now();
    let history = make_history(&client, Arc::new(org.candidates.clone()), org.tag.clone(), pushes).await?;
    let push_seconds = started.elapsed().as_secs_f64();
    let lag = lag.await??;
    let webhook_lag = Stats::of(&lag.from_push);
    let history_to = history.top.max(org.top);

    let (pulls, changes) = pull_randomly(&client, org.top, history_to).await?;
    let idle = crate::bench_webhook_lag::measure(&client, org.candidates[0], WEBHOOK_SAMPLES).await?;
    let sign_ups = crate::bench_signup::measure(&client, SIGN_UPS, history_to).await?;
    let pull = Stats::of(&pulls);
    let pushes = CLIENTS * pushes;
    Ok(Report {
        server: url.to_owned(),
        snapshot_records: org.records,
        snapshot_candidates: org.candidates.len() as u64,
        snapshot_seconds: round2(snapshot_seconds),
        snapshot_megabytes: (org.compressed_bytes as f64 / 1_048_576.0 * 10.0).round() / 10.0,
        history_from: org.top,
        history_to,
        push_sent: pushes * MUTATIONS_PER_PUSH,
        push_applied: history.applied,
        push_seconds: round2(push_seconds),
        push_applied_per_s: (history.applied as f64 / push_seconds).round(),
        push_requests_per_s: round2(pushes as f64 / push_seconds),
        push_batch: Stats::of(&history.timings),
        pull_page_size: PULL_PAGE,
        pull_mean_changes: (changes as f64 / pulls.len().max(1) as f64).round(),
        pull_p95_ms: pull.p95_ms,
        pull,
        webhook_lag_p95_ms: webhook_lag.p95_ms,
        webhook_lag,
        webhook_after_commit: Stats::of(&lag.from_commit),
        webhook_lag_idle: Stats::of(&idle.from_push),
        webhook_lost: lag.lost,
        signup_per_s: round2(sign_ups.per_s),
        signup_applied: sign_ups.applied,
        signup_sent: SIGN_UPS,
        signup_at_once: crate::bench_signup::AT_ONCE,
        signup_form: sign_ups.form,
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The snapshot, downloaded and unpacked as a first sync would.
async fn snapshot(client: &Client) -> anyhow::Result<Org> {
    let mut snapshot = client.snapshot("").await?;
    tokio::task::spawn_blocking(move || {
        let top = snapshot.header()?.version.max(1);
        let (mut records, mut candidates, mut tag) = (0u64, Vec::new(), None);
        for record in &mut snapshot {
            let record = record?;
            records += 1;
            match record.kind {
                RecordKind::Candidate => candidates.push(record.id.parse::<Uuid>()?),
                RecordKind::Tag => tag = tag.or(Some(record.id)),
                _ => {}
            }
        }
        anyhow::Ok(Org { top, records, candidates, tag, compressed_bytes: snapshot.received_bytes() })
    })
    .await?
}

struct History {
    applied: usize,
    /// The highest version a change was applied at.
    top: i64,
    timings: Vec<Duration>,
}

/// 10 desktops pushing at once, each its own outbox of reviews, tags and notes on candidates
/// spread over the org.
async fn make_history(
    client: &Client,
    candidates: Arc<Vec<Uuid>>,
    tag: Option<String>,
    pushes: usize,
) -> anyhow::Result<History> {
    let mut tasks = Vec::new();
    for _ in 0..CLIENTS {
        let (client, candidates, tag) = (client.clone(), candidates.clone(), tag.clone());
        tasks.push(tokio::spawn(async move {
            let client_id = Uuid::now_v7();
            let mut history = History { applied: 0, top: 0, timings: Vec::with_capacity(pushes) };
            for push in 0..pushes {
                let mutations = (0..MUTATIONS_PER_PUSH)
                    .map(|i| {
                        let n = push * MUTATIONS_PER_PUSH + i;
                        let candidate = candidates[random_below(candidates.len())];
                        PushedMutation::new((n + 1) as i64, work(n, candidate, tag.as_deref()), chrono::Utc::now())
                    })
                    .collect();
                let started = Instant::now();
                let response = client.push(client_id, mutations).await?;
                history.timings.push(started.elapsed());
                anyhow::ensure!(response.results.len() == MUTATIONS_PER_PUSH, "a push answered for fewer changes");
                for result in response.results {
                    if let PushOutcome::Applied { version, .. } = result.outcome {
                        history.applied += 1;
                        history.top = history.top.max(version);
                    }
                }
            }
            anyhow::Ok(history)
        }));
    }
    let mut all = History { applied: 0, top: 0, timings: Vec::new() };
    for task in tasks {
        let one = task.await??;
        all.applied += one.applied;
        all.top = all.top.max(one.top);
        all.timings.extend(one.timings);
    }
    Ok(all)
}

/// A recruiter's work, in turn: mostly reviews, then a tag, then a note.
fn work(n: usize, candidate: Uuid, tag: Option<&str>) -> Mutation {
    match (n % 5, tag) {
        (3, Some(tag)) => Mutation::TagsAdd { selection: Selection::ids([candidate]), tags: vec![tag.to_owned()] },
        (4, _) => Mutation::NoteAdd {
            note_id: Uuid::now_v7(),
            candidate_id: candidate,
            body: "Spoke on the phone: open to a move in spring.".into(),
            private: false,
        },
        _ => Mutation::CandidateReview { candidate_id: candidate },
    }
}

/// A random number below `n`, from the 62 random bits that end a version 7 UUID (no generator
/// needed for a benchmark's spread).
fn random_below(n: usize) -> usize {
    let random = Uuid::now_v7().as_u128() & ((1 << 62) - 1);
    (random % n.max(1) as u128) as usize
}

/// Pulls of one page each from random cursors between `from` and `to`; their times and the
/// changes they held.
async fn pull_randomly(client: &Client, from: i64, to: i64) -> anyhow::Result<(Vec<Duration>, usize)> {
    let mut tasks = Vec::new();
    for _ in 0..CLIENTS {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let (mut samples, mut changes) = (Vec::with_capacity(PULLS_PER_CLIENT), 0);
            for _ in 0..PULLS_PER_CLIENT {
                let at = from + random_below((to - from).max(1) as usize) as i64;
                let started = Instant::now();
                let page = client.pull_at_most(Uuid::now_v7(), &at.to_string(), Some(PULL_PAGE as u32)).await?;
                samples.push(started.elapsed());
                changes += page.changes.len();
            }
            anyhow::Ok((samples, changes))
        }));
    }
    let (mut samples, mut changes) = (Vec::new(), 0);
    for task in tasks {
        let (s, c) = task.await??;
        samples.extend(s);
        changes += c;
    }
    Ok((samples, changes))
}
