//! `talentdesk-cli bench scale`: a whole team's desktops at once against one installation, to
//! compare one server process with several behind a load balancer (`scripts/bench-scale.sh`
//! starts them; `docs/scaling.md` reads the numbers).
//!
//! Each simulated desktop signs in as its own user (one live stream each, as the app holds).
//! First, for a fixed time, every desktop works as fast as the server lets it: it pushes one
//! change (a new candidate, the smallest change that writes a record and its history), then
//! pulls what the others pushed meanwhile; pushes and pulls a second are counted, with each
//! request's latency. Then every desktop waits on its live stream while one of them pushes a
//! change every half second: the fan-out is the time from the push's answer (its commit) to
//! each desktop's stream reporting that version.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_sync::client::Client;
use talentdesk_sync::wire::{PushOutcome, PushedMutation};
use tokio::sync::Mutex;
use uuid::Uuid;

use crate::bench::Stats;

/// Changes the fan-out phase times.
const FANOUT_CHANGES: usize = 20;
const FANOUT_INTERVAL: Duration = Duration::from_millis(500);
/// How long a desktop's stream may take to report a change before it counts as missed.
const FANOUT_PATIENCE: Duration = Duration::from_secs(10);

#[derive(Serialize)]
struct Report {
    server: String,
    desktops: usize,
    seconds: f64,
    pushes: usize,
    pushes_per_s: f64,
    push: Stats,
    pulls: usize,
    pulls_per_s: f64,
    pull: Stats,
    /// Requests that failed (each is retried by the next round of its desktop).
    errors: usize,
    /// From a push's answer to each desktop's live stream reporting its version.
    fanout: Stats,
    fanout_p95_ms: f64,
    /// Desktop-changes whose version never reached the desktop's stream in time.
    fanout_missed: usize,
}

/// One simulated desktop: its sign-in, client id, sequence numbers and pull cursor.
struct Desktop {
    client: Client,
    id: Uuid,
    seq: i64,
    cursor: String,
}

impl Desktop {
    /// Pushes one new candidate; returns the version it was applied at.
    async fn push_one(&mut self) -> anyhow::Result<i64> {
        self.seq += 1;
        let profile = Profile { first_name: "Bench".into(), last_name: format!("{}", self.seq), ..Profile::default() };
        let mutation = Mutation::CandidateCreate {
            candidate_id: talentdesk_domain::new_id(),
            profile,
            profile_type: ProfileType::RecruiterGenerated,
        };
        let pushed = PushedMutation {
            seq: self.seq,
            mutation: talentdesk_sync::wire::Pushed::Known(mutation),
            created_at: chrono::Utc::now(),
            digest: None,
        };
        let answer = self.client.push(self.id, vec![pushed]).await?;
        match answer.results.first().map(|r| &r.outcome) {
            Some(PushOutcome::Applied { version, .. }) => Ok(*version),
            other => anyhow::bail!("the push was not applied: {other:?}"),
        }
    }

    async fn pull(&mut self) -> anyhow::Result<()> {
        let page = self.client.pull(self.id, &self.cursor).await?;
        self.cursor = page.cursor;
        Ok(())
    }
}

/// `email` holds `{}`, replaced by 1..=`desktops` (the users `scripts/bench-scale.sh` makes).
pub fn scale(
    url: &str,
    email: &str,
    password: &str,
    desktops: usize,
    seconds: u64,
    json: bool,
) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(email.contains("{}"), "--email must hold {{}} where the desktop's number goes");
    let runtime = tokio::runtime::Runtime::new()?;
    let report = runtime.block_on(measure(url.trim_end_matches('/'), email, password, desktops, seconds))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "{} desktops for {:.0} s: {:.0} pushes/s (p50 {} ms, p95 {} ms), {:.0} pulls/s (p50 {} ms, p95 {} ms), {} errors",
            report.desktops,
            report.seconds,
            report.pushes_per_s,
            report.push.p50_ms,
            report.push.p95_ms,
            report.pulls_per_s,
            report.pull.p50_ms,
            report.pull.p95_ms,
            report.errors
        );
        println!(
            "live fan-out to {} desktops ({FANOUT_CHANGES} changes): p50 {} ms, p95 {} ms, max {} ms, {} missed",
            report.desktops, report.fanout.p50_ms, report.fanout.p95_ms, report.fanout.max_ms, report.fanout_missed
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn measure(url: &str, email: &str, password: &str, count: usize, seconds: u64) -> anyhow::Result<Report> {
    let mut desktops = Vec::with_capacity(count);
    for n in 1..=count {
        let (client, _) = Client::login(url, &email.replace("{}", &n.to_string()), password).await?;
        desktops.push(Arc::new(Mutex::new(Desktop { client, id: Uuid::now_v7(), seq: 0, cursor: String::new() })));
    }

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut work = Vec::new();
    for desktop in &desktops {
        let desktop = desktop.clone();
        work.push(tokio::spawn(async move {
            let (mut pushes, mut pulls, mut errors) = (Vec::new(), Vec::new(), 0usize);
            let mut desktop = desktop.lock().await;
            while Instant::now() < deadline {
                let at = Instant::now();
                match desktop.push_one().await {
                    Ok(_) => pushes.push(at.elapsed()),
                    Err(_) => errors += 1,
                }
                let at = Instant::now();
                match desktop.pull().await {
                    Ok(()) => pulls.push(at.elapsed()),
                    Err(_) => errors += 1,
                }
            }
            (pushes, pulls, errors)
        }));
    }
    let (mut pushes, mut pulls, mut errors) = (Vec::new(), Vec::new(), 0);
    for task in work {
        let (push, pull, failed) = task.await?;
        pushes.extend(push);
        pulls.extend(pull);
        errors += failed;
    }
    let elapsed = started.elapsed().as_secs_f64();

    let (fanout, fanout_missed) = fan_out(&desktops).await?;
    let fanout = Stats::of(&fanout);
    let per_s = |n: usize| (n as f64 / elapsed * 10.0).round() / 10.0;
    Ok(Report {
        server: url.to_owned(),
        desktops: count,
        seconds: (elapsed * 10.0).round() / 10.0,
        pushes: pushes.len(),
        pushes_per_s: per_s(pushes.len()),
        push: Stats::of(&pushes),
        pulls: pulls.len(),
        pulls_per_s: per_s(pulls.len()),
        pull: Stats::of(&pulls),
        errors,
        fanout_p95_ms: fanout.p95_ms,
        fanout,
        fanout_missed,
    })
}

/// Every desktop follows its live stream while the first pushes [`FANOUT_CHANGES`] changes;
/// returns each desktop-change's delay, and how many never arrived.
async fn fan_out(desktops: &[Arc<Mutex<Desktop>>]) -> anyhow::Result<(Vec<Duration>, usize)> {
    let start_version = desktops[0].lock().await.push_one().await?;
    let mut listeners = Vec::new();
    for desktop in desktops {
        let client = desktop.lock().await.client.clone();
        listeners.push(tokio::spawn(async move {
            // What version the stream reported when: read again after each report, as the
            // app's sync engine does.
            let mut seen = Vec::new();
            let mut known = start_version;
            while let Ok(Ok(version)) = tokio::time::timeout(FANOUT_PATIENCE, client.next_version(known)).await {
                seen.push((version, Instant::now()));
                known = version;
            }
            seen
        }));
    }
    // Every stream open before the first change.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut committed = Vec::new();
    {
        let mut pusher = desktops[0].lock().await;
        for _ in 0..FANOUT_CHANGES {
            let version = pusher.push_one().await?;
            committed.push((version, Instant::now()));
            tokio::time::sleep(FANOUT_INTERVAL).await;
        }
    }
    let (mut delays, mut missed) = (Vec::new(), 0);
    for listener in listeners {
        let seen = listener.await?;
        for &(version, at) in &committed {
            match seen.iter().find(|(v, _)| *v >= version) {
                Some((_, when)) => delays.push(when.saturating_duration_since(at)),
                None => missed += 1,
            }
        }
    }
    Ok((delays, missed))
}
