//! `talentdesk-cli bench sync`: what sync feels like between two desktops of one team. Two
//! fresh replicas of the org (each through its first sync), both syncing in the background as
//! the app does; then:
//! - latency: a change made on one (a note on a candidate), until it shows on the other;
//! - drain: 10,000 changes made on one while it is offline, until the server has them all.

use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::user::User;
use talentdesk_store::Store;
use talentdesk_sync::engine::{Engine, Replica};
use tokio::sync::watch;

use crate::bench::Stats;

const LATENCY_SAMPLES: usize = 40;
const OFFLINE_MUTATIONS: usize = 10_000;

#[derive(Serialize)]
struct Report {
    server: String,
    first_sync_seconds: f64,
    change_visible: Stats,
    offline_mutations: usize,
    drain_seconds: f64,
}

struct Desktop {
    _dir: tempfile::TempDir,
    store: Arc<Mutex<Store>>,
    engine: Arc<Engine>,
    user: User,
}

async fn desktop(url: &str, email: &str, password: &str) -> anyhow::Result<Desktop> {
    let dir = tempfile::tempdir()?;
    let replica = Replica::sign_in(&dir.path().join("bench.db"), url, email, password).await?;
    replica.engine.first_sync(Arc::new(AtomicBool::new(false)), |_| {}).await?;
    Ok(Desktop { _dir: dir, store: replica.store, engine: Arc::new(replica.engine), user: replica.user })
}

fn lock(store: &Arc<Mutex<Store>>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(|p| p.into_inner())
}

pub fn sync(url: &str, email: &str, password: &str, json: bool) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new()?;
    let report = runtime.block_on(measure(url, email, password))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("server: {}", report.server);
        println!("first sync (each replica): {:.1} s", report.first_sync_seconds);
        println!(
            "a change on one desktop visible on the other: p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms ({LATENCY_SAMPLES} changes)",
            report.change_visible.p50_ms, report.change_visible.p95_ms, report.change_visible.max_ms
        );
        println!(
            "{} changes made offline reached the server in {:.1} s",
            report.offline_mutations, report.drain_seconds
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn measure(url: &str, email: &str, password: &str) -> anyhow::Result<Report> {
    let started = Instant::now();
    let (a, b) = (desktop(url, email, password).await?, desktop(url, email, password).await?);
    let first_sync_seconds = started.elapsed().as_secs_f64() / 2.0;
    let candidates = lock(&a.store).candidate_ids(OFFLINE_MUTATIONS as u32)?;
    anyhow::ensure!(!candidates.is_empty(), "the org has no candidates: fill it with `talentdesk-server demo` first");

    // Both sync in the background, as the app does.
    let (stop, stopped) = watch::channel(false);
    for d in [&a, &b] {
        let (engine, stopped) = (d.engine.clone(), stopped.clone());
        let (events, mut heard) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(async move { engine.run(events, stopped).await });
        tokio::spawn(async move { while heard.recv().await.is_some() {} });
    }
    tokio::time::sleep(Duration::from_millis(500)).await;

    let mut samples = Vec::with_capacity(LATENCY_SAMPLES);
    for i in 0..LATENCY_SAMPLES {
        let note = new_id();
        let candidate = candidates[i % candidates.len()];
        let made = Instant::now();
        lock(&a.store).apply(
            &a.user,
            Mutation::NoteAdd { note_id: note, candidate_id: candidate, body: format!("bench {i}"), private: false },
        )?;
        a.engine.nudger().notify_one();
        loop {
            let seen = lock(&b.store)
                .profile(&b.user, candidate)
                .map(|p| p.notes.iter().any(|n| n.note.id == note))
                .unwrap_or(false);
            if seen {
                break;
            }
            anyhow::ensure!(made.elapsed() < Duration::from_secs(30), "change {i} never arrived");
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        samples.push(made.elapsed());
    }
    let _ = stop.send(true);

    // Offline: the changes queue up; then one sync sends them all.
    for i in 0..OFFLINE_MUTATIONS {
        let candidate = candidates[i % candidates.len()];
        lock(&a.store).apply(&a.user, Mutation::CandidateReview { candidate_id: candidate })?;
    }
    let drain = Instant::now();
    while lock(&a.store).pending_count()? > 0 {
        a.engine.sync_once().await?;
    }
    let drain_seconds = drain.elapsed().as_secs_f64();

    Ok(Report {
        server: url.to_owned(),
        first_sync_seconds: (first_sync_seconds * 10.0).round() / 10.0,
        change_visible: Stats::of(&samples),
        offline_mutations: OFFLINE_MUTATIONS,
        drain_seconds: (drain_seconds * 10.0).round() / 10.0,
    })
}
