//! `bench bulk`: bulk work and opening profiles on the database as the app has it — not a
//! freshly vacuumed copy, whose rows sit in order and whose pages are all in the file cache
//! after the copy. 100,000 candidates from a search's results (spread over the whole database,
//! not a run of neighbouring rows) are tagged in batches as the app runs them, then exported;
//! then 1,000 profiles spread over the database are opened as the window opens one: the
//! review it records (a write, through `apply`) and the full read.
//!
//! It changes the database: the benchmark's tag is deleted again at the end (that delete is
//! timed too), the reviews stay. Run it on a demo database.

use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use anyhow::Context;
use serde::Serialize;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::{SearchRequest, Selection};
use talentdesk_domain::user::User;
use talentdesk_store::Store;
use talentdesk_store::bulk::{self, BulkEnd};
use talentdesk_store::export::{self, ExportField, ExportFormat};
use talentdesk_store::search::{MAX_PAGE, PageRequest};
use uuid::Uuid;

use crate::bench::{Stats, ms};

/// The bulk limit of tags and exports, and so the size of the run.
const SELECTED: usize = 100_000;
/// A search whose results reach across the whole database (a third of the demo's people).
const QUERY: &str = "engineer";
const PROFILES: usize = 1_000;

#[derive(Serialize)]
struct Report {
    replica: bool,
    query: &'static str,
    tagged: usize,
    /// How far apart the tagged candidates lie: the share of the database between the first
    /// and the last of them (1.0 when they reach from one end to the other).
    spread: f64,
    tag_100k_ms: f64,
    /// None with `--tag-only`, as are the profiles (none opened).
    export_100k_ms: Option<f64>,
    delete_tag_ms: f64,
    profiles_opened: usize,
    profile_open: Stats,
    profile_p95_ms: f64,
}

pub fn bulk(db: &Path, tag_only: bool, json: bool) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db)?;
    // A signed-in desktop's replica also keeps the server's copy of each changed record.
    let replica = store.account()?.is_some();
    let admin = store.users()?.into_iter().find(|u| u.role.is_admin()).context("no admin user: run `demo` first")?;
    // Every candidate in storage order: where the selection lies, and whose profiles to open.
    let everyone = store.candidate_ids(u32::MAX)?;
    let ids = search_results(&store)?;
    let spread = spread(&everyone, &ids);
    let tag = format!("Benchmark {}", chrono::Utc::now().format("%Y-%m-%d %H:%M:%S"));
    store.apply(&admin, Mutation::TagDefine { name: tag.clone() })?;

    let started = Instant::now();
    let add = Mutation::TagsAdd { selection: Selection::ids(ids.iter().copied()), tags: vec![tag.clone()] };
    run_bulk(&mut store, &admin, add)?;
    let tag_100k_ms = ms(started.elapsed());
    let export_100k_ms = if tag_only { None } else { Some(export_csv(&store, &admin, &ids, db)?) };
    let profiles = if tag_only { Vec::new() } else { open_profiles(&mut store, &admin, &everyone)? };
    let started = Instant::now();
    store.apply(&admin, Mutation::TagDelete { name: tag })?;
    let delete_tag_ms = ms(started.elapsed());

    let report = Report {
        replica,
        query: QUERY,
        tagged: ids.len(),
        spread: (spread * 1000.0).round() / 1000.0,
        tag_100k_ms,
        export_100k_ms,
        delete_tag_ms,
        profiles_opened: profiles.len(),
        profile_p95_ms: Stats::of(&profiles).p95_ms,
        profile_open: Stats::of(&profiles),
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print(&report);
    }
    Ok(ExitCode::SUCCESS)
}

fn print(r: &Report) {
    let as_replica = if r.replica { " (as a replica)" } else { "" };
    println!(
        "tag {} candidates of the search \"{}\" (spread over {:.0}% of the database){as_replica}: {:.0} ms",
        r.tagged,
        r.query,
        r.spread * 100.0,
        r.tag_100k_ms
    );
    if let Some(export) = r.export_100k_ms {
        println!("export them to CSV: {export:.0} ms");
    }
    println!("delete the tag from them all: {:.0} ms", r.delete_tag_ms);
    if r.profiles_opened > 0 {
        println!(
            "open {} profiles (the review, then the full read): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            r.profiles_opened, r.profile_open.p50_ms, r.profile_open.p95_ms, r.profile_open.max_ms
        );
    }
}

/// Up to 100,000 results of the search, in its order, as "select all" would pick them.
fn search_results(store: &Store) -> anyhow::Result<Vec<Uuid>> {
    let request = SearchRequest { query: QUERY.into(), ..Default::default() };
    let mut page = PageRequest { limit: MAX_PAGE, after: None };
    let mut ids = Vec::with_capacity(SELECTED);
    loop {
        let found = store.search(&request, &page)?;
        ids.extend(found.rows.iter().map(|r| r.id));
        match found.next {
            Some(next) if ids.len() < SELECTED => page.after = Some(next),
            _ => break,
        }
    }
    ids.truncate(SELECTED);
    anyhow::ensure!(!ids.is_empty(), "the search \"{QUERY}\" found nobody: run `demo` first");
    Ok(ids)
}

/// The share of `everyone` (in storage order) from the first of `picked` to the last.
fn spread(everyone: &[Uuid], picked: &[Uuid]) -> f64 {
    let picked: std::collections::HashSet<&Uuid> = picked.iter().collect();
    let first = everyone.iter().position(|id| picked.contains(id));
    let last = everyone.iter().rposition(|id| picked.contains(id));
    match (first, last) {
        (Some(first), Some(last)) => (last - first + 1) as f64 / everyone.len() as f64,
        _ => 0.0,
    }
}

fn run_bulk(store: &mut Store, admin: &User, mutation: Mutation) -> anyhow::Result<()> {
    let plan = store.plan_bulk(admin, mutation)?;
    let end = bulk::run(&plan, &AtomicBool::new(false), |m| store.apply_batch(admin, m, plan.undoable()), |_| {});
    anyhow::ensure!(matches!(end.end, Some(BulkEnd::Finished)), "the bulk run stopped: {:?}", end.end);
    Ok(())
}

/// The bulk export's default fields, as the window writes them, into a file beside the database.
fn export_csv(store: &Store, admin: &User, ids: &[Uuid], db: &Path) -> anyhow::Result<f64> {
    let fields = [
        ExportField::Name,
        ExportField::Email,
        ExportField::Phone,
        ExportField::Location,
        ExportField::CurrentTitle,
        ExportField::CurrentEmployer,
        ExportField::Skills,
        ExportField::Tags,
        ExportField::ActivityStatus,
    ];
    let path = db.with_extension(format!("bench-{}.csv", std::process::id()));
    let started = Instant::now();
    let write =
        |e: &mut export::Exporter<_>, chunk: &[Uuid]| chunk.iter().try_for_each(|id| e.write(store, admin, *id));
    let end = export::export_file(&path, ExportFormat::Csv, &fields, ids, &AtomicBool::new(false), write, |_| {});
    let _ = std::fs::remove_file(&path);
    anyhow::ensure!(matches!(end.end, Some(BulkEnd::Finished)), "the export stopped: {:?}", end.end);
    Ok(ms(started.elapsed()))
}

/// Opens profiles of candidates spread evenly over the database, as the window opens one; the
/// time each took.
fn open_profiles(store: &mut Store, admin: &User, everyone: &[Uuid]) -> anyhow::Result<Vec<Duration>> {
    let step = (everyone.len() / PROFILES).max(1);
    everyone
        .iter()
        .step_by(step)
        .take(PROFILES)
        .map(|id| {
            let started = Instant::now();
            store.apply(admin, Mutation::CandidateReview { candidate_id: *id })?;
            store.profile(admin, *id)?;
            anyhow::Ok(started.elapsed())
        })
        .collect()
}
