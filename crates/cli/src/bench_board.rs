//! `bench board`: a pipeline's board at scale, on a copy of the database. A pipeline of 10,000
//! members spread over five workflow statuses is made; then the store query behind the
//! board's first screen (each column's count and first 50 cards) is timed, and a move's round
//! trip as the window makes it: `pipeline.set_status` applied, then the board read again.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use serde_json::json;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_store::Store;

use crate::bench::{Stats, tempfile_dir};

const MEMBERS: usize = 10_000;
const STATUSES: [&str; 5] = ["New", "Screening", "Interview", "Offer", "Hired"];
/// Cards a column shows at first (PipelineBoardView.svelte's page).
const FIRST_CARDS: u32 = 50;
const RUNS: usize = 200;

pub fn board(db: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let source = Store::open(db)?;
    let dir = tempfile_dir(db)?;
    let copy = dir.join("bench-board.db");
    source.copy_to(&copy)?;
    drop(source);
    let outcome = on_copy(&copy);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    let _ = std::fs::remove_dir(&dir);
    let (candidates, first, round_trip) = outcome?;
    if json {
        let out = json!({
            "candidates": candidates, "members": MEMBERS, "first_cards": FIRST_CARDS,
            "board_first_screen": first, "move_round_trip": round_trip,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("{candidates} candidates; a pipeline of {MEMBERS} members over {} statuses", STATUSES.len());
        println!(
            "board's first screen ({FIRST_CARDS} cards a column): p50 {:.2} ms  p95 {:.2} ms  max {:.2} ms",
            first.p50_ms, first.p95_ms, first.max_ms
        );
        println!(
            "move round trip (applied + board read):   p50 {:.2} ms  p95 {:.2} ms  max {:.2} ms",
            round_trip.p50_ms, round_trip.p95_ms, round_trip.max_ms
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn on_copy(copy: &Path) -> anyhow::Result<(u64, Stats, Stats)> {
    let mut store = Store::open(copy)?;
    let admin = store.users()?.into_iter().find(|u| u.role.is_admin()).context("no admin user: run `demo` first")?;
    let ids = store.candidate_ids(u32::MAX)?;
    anyhow::ensure!(ids.len() >= MEMBERS, "the database holds fewer than {MEMBERS} candidates");
    // Members spread over the whole database, as a pipeline filled over the years is.
    let members: Vec<_> = ids.iter().step_by(ids.len() / MEMBERS).take(MEMBERS).copied().collect();
    let pipeline = talentdesk_domain::new_id();
    store.apply(
        &admin,
        Mutation::PipelineCreate {
            pipeline_id: pipeline,
            name: "Bench board".into(),
            statuses: STATUSES.iter().map(|s| (*s).to_owned()).collect(),
            private: false,
        },
    )?;
    for (status, chunk) in STATUSES.iter().zip(members.chunks(MEMBERS / STATUSES.len())) {
        let selection = Selection::ids(chunk.iter().copied());
        store.apply(
            &admin,
            Mutation::PipelineAdd { selection, pipeline_id: pipeline, status: Some((*status).into()) },
        )?;
    }
    // Warm, as the window is once the page has shown.
    store.pipeline_board(&admin, pipeline, FIRST_CARDS)?;

    let mut first = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let board = store.pipeline_board(&admin, pipeline, FIRST_CARDS)?;
        first.push(started.elapsed());
        anyhow::ensure!(board.columns.iter().map(|c| c.count).sum::<u64>() == MEMBERS as u64, "members lost");
    }
    let mut round_trip: Vec<Duration> = Vec::with_capacity(RUNS);
    for run in 0..RUNS {
        // A card from the top of one column to the next, as a drag does.
        let from = run % (STATUSES.len() - 1);
        let board = store.pipeline_board(&admin, pipeline, FIRST_CARDS)?;
        let card = board.columns[from].cards.last().context("an empty column")?.candidate.id;
        let status = STATUSES[from + 1].to_owned();
        let started = Instant::now();
        store.apply(&admin, Mutation::PipelineSetStatus { candidate_id: card, pipeline_id: pipeline, status })?;
        store.pipeline_board(&admin, pipeline, FIRST_CARDS)?;
        round_trip.push(started.elapsed());
    }
    Ok((store.candidate_count()?, Stats::of(&first), Stats::of(&round_trip)))
}
