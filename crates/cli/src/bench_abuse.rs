//! `talentdesk-cli bench abuse`: whether one hostile client or stranger can stop the server for
//! the team. While a legitimate desktop keeps pulling and pushing, it runs at once: 200
//! concurrent sign-ins with wrong passwords, 50 snapshot downloads that are opened and never
//! read, and 1,000 hits on the email tracking routes during a push that tags 100,000
//! candidates. It reports what the legitimate desktop felt: its p95 and its errors.
//!
//! Bounded: fixed counts, a time limit, and loopback servers only (it is a load generator).

use std::net::IpAddr;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde::Serialize;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_sync::client::{Client, Server, Timeouts};
use talentdesk_sync::wire::{PushedMutation, RecordKind};
use tokio::sync::watch;
use uuid::Uuid;

use crate::bench::Stats;

const BAD_LOGINS: usize = 200;
const ATTACKING_ADDRESSES: u8 = 10;
const IDLE_SNAPSHOTS: usize = 50;
const TRACKING_HITS: usize = 1_000;
const TRACKING_CONCURRENCY: usize = 50;
const BULK_CANDIDATES: usize = 100_000;
/// The whole run, attacks and all, ends by then.
const TIME_LIMIT: Duration = Duration::from_secs(300);
/// The targets the report is judged on.
const LEGIT_P95_MS: f64 = 500.0;

#[derive(Serialize)]
struct Report {
    server: String,
    duration_s: f64,
    legit_requests: usize,
    legit_errors: usize,
    legit_p50_ms: f64,
    legit_p95_ms: f64,
    legit_max_ms: f64,
    legit_pull_p95_ms: f64,
    legit_push_p95_ms: f64,
    /// What the first few failures said.
    legit_failures: Vec<String>,
    bad_logins: Answers,
    idle_snapshots: Answers,
    tracking_hits: Answers,
    tracking_p95_ms: f64,
    bulk_push_candidates: usize,
    bulk_push_s: f64,
    /// `legit_errors` = 0 and `legit_p95_ms` <= 500.
    passed: bool,
}

/// How the server answered a kind of attack, by status.
#[derive(Serialize, Default)]
struct Answers {
    sent: usize,
    ok: usize,
    refused_401: usize,
    refused_429: usize,
    not_found: usize,
    other: usize,
}

impl Answers {
    fn count(&mut self, status: Option<u16>) {
        self.sent += 1;
        match status {
            Some(200..=299) => self.ok += 1,
            Some(401) => self.refused_401 += 1,
            Some(429) => self.refused_429 += 1,
            Some(404) => self.not_found += 1,
            _ => self.other += 1,
        }
    }
}

pub fn abuse(url: &str, email: &str, password: &str, json: bool) -> anyhow::Result<ExitCode> {
    let url = url.trim_end_matches('/');
    ensure_loopback(url)?;
    let runtime = tokio::runtime::Runtime::new()?;
    let report = runtime.block_on(async {
        tokio::time::timeout(TIME_LIMIT, measure(url, email, password))
            .await
            .map_err(|_| anyhow::anyhow!("the run took longer than {} s", TIME_LIMIT.as_secs()))?
    })?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "legitimate desktop: {} requests, {} errors, p50 {} ms, p95 {} ms, max {} ms",
            report.legit_requests, report.legit_errors, report.legit_p50_ms, report.legit_p95_ms, report.legit_max_ms
        );
        let line = |what: &str, a: &Answers| {
            println!(
                "{what}: {} sent: {} ok, {} refused 401, {} refused 429, {} not found, {} other",
                a.sent, a.ok, a.refused_401, a.refused_429, a.not_found, a.other
            )
        };
        line("bad sign-ins", &report.bad_logins);
        line("idle snapshot downloads", &report.idle_snapshots);
        line("tracking hits", &report.tracking_hits);
        println!(
            "bulk push: {} candidates tagged in {:.1} s; {}",
            report.bulk_push_candidates,
            report.bulk_push_s,
            if report.passed { "passed" } else { "FAILED" }
        );
    }
    Ok(if report.passed { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Refuses any server but this machine's.
fn ensure_loopback(url: &str) -> anyhow::Result<()> {
    let host = url
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', '?']).next().unwrap_or_default())
        .ok_or_else(|| anyhow::anyhow!("{url} is not an http(s) address"))?;
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    anyhow::ensure!(loopback, "bench abuse loads a server hard: it runs only against this machine (127.0.0.1, ::1)");
    Ok(())
}

async fn measure(url: &str, email: &str, password: &str) -> anyhow::Result<Report> {
    let started = Instant::now();
    let (client, login) = Client::login(url, email, password).await?;
    let http = reqwest::Client::new();
    let (candidates, users) = org_at_a_glance(&client).await?;
    anyhow::ensure!(
        candidates.len() >= BULK_CANDIDATES,
        "the org has {} candidates; the bulk push needs {BULK_CANDIDATES}: fill it with `talentdesk-server demo`",
        candidates.len()
    );

    let (stop, stopped) = watch::channel(false);
    let legit = tokio::spawn(legitimate_desktop(client.clone(), candidates[..1_000].to_vec(), stopped));
    // The legitimate desktop settles before the attacks start.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let bad_logins = tokio::spawn(bad_logins(url.to_owned(), email.to_owned()));
    let idle =
        tokio::spawn(idle_snapshots(http.clone(), url.to_owned(), users, password.to_owned(), login.token.clone()));
    let bulk_started = Instant::now();
    // The bulk push may hold the org for longer than a desktop's ordinary call limit.
    let patient = Timeouts { request: Duration::from_secs(600), ..Timeouts::default() };
    let (bulk_client, _) = Server::with_timeouts(url, patient)?.login(email, password).await?;
    let bulk = tokio::spawn(bulk_push(bulk_client, candidates[..BULK_CANDIDATES].to_vec()));
    let tracking = tokio::spawn(tracking_hits(http.clone(), url.to_owned()));

    let tracking = tracking.await??;
    let bad_logins = bad_logins.await??;
    bulk.await??;
    let bulk_push_s = bulk_started.elapsed().as_secs_f64();
    let (idle_snapshots, held) = idle.await??;
    // The legitimate desktop goes on a moment after the attacks, then stops.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let _ = stop.send(true);
    let Legit { pulls, pushes, failures } = legit.await??;
    let legit_errors = failures.len();
    let samples: Vec<Duration> = pulls.iter().chain(&pushes).copied().collect();
    drop(held);

    let legit = Stats::of(&samples);
    let passed = legit_errors == 0 && legit.p95_ms <= LEGIT_P95_MS;
    Ok(Report {
        server: url.to_owned(),
        duration_s: started.elapsed().as_secs_f64(),
        legit_requests: samples.len() + legit_errors,
        legit_errors,
        legit_p50_ms: legit.p50_ms,
        legit_p95_ms: legit.p95_ms,
        legit_max_ms: legit.max_ms,
        legit_pull_p95_ms: Stats::of(&pulls).p95_ms,
        legit_push_p95_ms: Stats::of(&pushes).p95_ms,
        legit_failures: failures.into_iter().take(5).collect(),
        bad_logins,
        idle_snapshots,
        tracking_p95_ms: tracking.1.p95_ms,
        tracking_hits: tracking.0,
        bulk_push_candidates: BULK_CANDIDATES,
        bulk_push_s,
        passed,
    })
}

/// The org's candidates and its users' emails, from a snapshot (as a first sync reads them).
async fn org_at_a_glance(client: &Client) -> anyhow::Result<(Vec<Uuid>, Vec<String>)> {
    let mut snapshot = client.snapshot("").await?;
    tokio::task::spawn_blocking(move || {
        let (mut ids, mut users) = (Vec::new(), Vec::new());
        for record in &mut snapshot {
            let record = record?;
            match record.kind {
                RecordKind::Candidate => ids.push(record.id.parse::<Uuid>()?),
                RecordKind::User => {
                    let user: talentdesk_domain::user::User = serde_json::from_str(record.data.get())?;
                    users.push(user.email);
                }
                _ => {}
            }
        }
        anyhow::Ok((ids, users))
    })
    .await?
}

/// A recruiter at work: pulls and small pushes, one after the other, until told to stop.
/// Returns the time of each answered request and how many failed.
async fn legitimate_desktop(
    client: Client,
    candidates: Vec<Uuid>,
    stop: watch::Receiver<bool>,
) -> anyhow::Result<Legit> {
    let client_id = Uuid::now_v7();
    let mut cursor = client.pull(client_id, "").await?.cursor;
    let mut legit = Legit::default();
    let (mut seq, mut waiting) = (0i64, None);
    while !*stop.borrow() {
        let started = Instant::now();
        match client.pull(client_id, &cursor).await {
            Ok(page) => {
                legit.pulls.push(started.elapsed());
                cursor = page.cursor;
            }
            Err(e) => legit.failures.push(format!("pull: {e}")),
        }
        // A push that failed may have been taken: it is sent again as it was until answered,
        // as the desktop's outbox does.
        let push = match waiting.take() {
            Some(push) => push,
            None => {
                seq += 1;
                let review = Mutation::CandidateReview { candidate_id: candidates[seq as usize % candidates.len()] };
                PushedMutation::new(seq, review, chrono::Utc::now())
            }
        };
        let started = Instant::now();
        match client.push(client_id, vec![push.clone()]).await {
            Ok(_) => legit.pushes.push(started.elapsed()),
            Err(e) => {
                legit.failures.push(format!("push: {e}"));
                waiting = Some(push);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(legit)
}

/// What the legitimate desktop's requests took, and what the failed ones said.
#[derive(Default)]
struct Legit {
    pulls: Vec<Duration>,
    pushes: Vec<Duration>,
    failures: Vec<String>,
}

/// 200 sign-ins at once with wrong passwords from 10 loopback addresses (127.0.1.1-10): half
/// for the legitimate account, half spraying other addresses.
async fn bad_logins(url: String, email: String) -> anyhow::Result<Answers> {
    let sources = (1..=ATTACKING_ADDRESSES)
        .map(|n| reqwest::Client::builder().local_address(IpAddr::from([127, 0, 1, n])).build())
        .collect::<Result<Vec<_>, _>>()?;
    let attempts = (0..BAD_LOGINS).map(|i| {
        let who = if i.is_multiple_of(2) { email.clone() } else { format!("nobody{i}@example.invalid") };
        let request = sources[i % sources.len()]
            .post(format!("{url}/v1/auth/login"))
            .json(&serde_json::json!({"email": who, "password": format!("wrong guess {i}")}));
        async move { request.send().await.ok().map(|r| r.status().as_u16()) }
    });
    let mut answers = Answers::default();
    for status in futures_util::future::join_all(attempts).await {
        answers.count(status);
    }
    Ok(answers)
}

/// Snapshot downloads started and never read, two per user of the org (as many users as it
/// takes, signed in with the benchmark's password; the rest from the benchmark's own account);
/// the responses are held until the run ends.
async fn idle_snapshots(
    http: reqwest::Client,
    url: String,
    users: Vec<String>,
    password: String,
    own_token: String,
) -> anyhow::Result<(Answers, Vec<reqwest::Response>)> {
    let mut tokens = Vec::new();
    for email in users.iter().take(IDLE_SNAPSHOTS / 2) {
        if let Ok((_, login)) = Client::login(&url, email, &password).await {
            tokens.push(login.token);
        }
    }
    let tokens = (0..IDLE_SNAPSHOTS).map(|i| tokens.get(i / 2).unwrap_or(&own_token).clone()).collect::<Vec<_>>();
    let opens = tokens.iter().map(|token| http.get(format!("{url}/v1/sync/snapshot")).bearer_auth(token).send());
    let mut answers = Answers::default();
    let mut held = Vec::new();
    for response in futures_util::future::join_all(opens).await {
        answers.count(response.as_ref().ok().map(|r| r.status().as_u16()));
        held.extend(response.ok().filter(|r| r.status().is_success()));
    }
    Ok((answers, held))
}

/// 1,000 hits on the open pixel and click routes, 50 at a time, with tokens no email carries
/// (a stranger's); the routes must answer without waiting for the bulk push.
async fn tracking_hits(http: reqwest::Client, url: String) -> anyhow::Result<(Answers, Stats)> {
    let mut answers = Answers::default();
    let mut samples = Vec::with_capacity(TRACKING_HITS);
    for round in 0..TRACKING_HITS / TRACKING_CONCURRENCY {
        let hits = (0..TRACKING_CONCURRENCY).map(|i| {
            let n = round * TRACKING_CONCURRENCY + i;
            let path = if n.is_multiple_of(2) {
                format!("/t/o/{}", Uuid::now_v7())
            } else {
                format!("/t/c/{}/0", Uuid::now_v7())
            };
            let request = http.get(format!("{url}{path}"));
            async move {
                let started = Instant::now();
                let status = request.send().await.ok().map(|r| r.status().as_u16());
                (status, started.elapsed())
            }
        });
        for (status, took) in futures_util::future::join_all(hits).await {
            answers.count(status);
            samples.push(took);
        }
    }
    Ok((answers, Stats::of(&samples)))
}

/// One push that tags 100,000 candidates in batches of 1,000, as a desktop's bulk run sends
/// them: the server applies them 100 to a transaction, holding the org's version lock.
async fn bulk_push(client: Client, candidates: Vec<Uuid>) -> anyhow::Result<()> {
    let tag = format!("abuse bench {}", chrono::Utc::now().format("%Y%m%d%H%M%S"));
    let mut mutations = vec![PushedMutation::new(1, Mutation::TagDefine { name: tag.clone() }, chrono::Utc::now())];
    for (i, batch) in candidates.chunks(1_000).enumerate() {
        let tags = Mutation::TagsAdd { selection: Selection::Ids { ids: batch.to_vec() }, tags: vec![tag.clone()] };
        mutations.push(PushedMutation::new(i as i64 + 2, tags, chrono::Utc::now()));
    }
    let count = mutations.len() as i64;
    let answer = client.push(Uuid::now_v7(), mutations).await?;
    anyhow::ensure!(answer.last_seq == count, "the bulk push was not taken whole: last_seq {}", answer.last_seq);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_this_machine_is_a_target() {
        for ok in ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9000/", "http://127.3.4.5"] {
            assert!(super::ensure_loopback(ok).is_ok(), "{ok}");
        }
        for refused in ["http://10.0.0.1:8080", "https://example.com", "http://localhost.evil.test", "nonsense"] {
            assert!(super::ensure_loopback(refused).is_err(), "{refused}");
        }
    }
}
