//! The write: a confirmed plan as batches of ordinary mutations (one transaction each, like
//! bulk actions), with progress and cancel between batches; then the report and the error
//! file of the rows not written. A batch the store refuses is written again row by row, so a
//! refused row (its merge target deleted by a sync since the plan) costs only itself.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use serde::Serialize;
use talentdesk_domain::error::{DomainError, Thing};
use talentdesk_domain::import::ImportWrite;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_store::{Applied, StoreError};
use ts_rs::TS;
use uuid::Uuid;

use crate::plan::{Action, Counts, Plan, PlannedRow};

/// Rows per batch: one transaction of about a thousand mutations.
pub const BATCH_ROWS: usize = 1_000;
/// The most candidates one Add to Event takes (the domain's bulk limit for it).
const EVENT_LIMIT: usize = 50;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, rename = "ImportProgress")]
pub struct Progress {
    /// Rows to write (created or merged).
    #[ts(type = "number")]
    pub total: u64,
    /// Rows in the batches written so far.
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub elapsed_ms: u64,
    /// Estimated from the pace so far.
    #[ts(type = "number | null")]
    pub remaining_ms: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export, rename = "ImportEnd")]
pub enum End {
    Finished,
    /// Cancelled between batches: the batches before stay written.
    Cancelled,
    /// The database could not be written; the batches before stay written.
    Failed {
        error: String,
    },
}

/// How an import went: the plan's counts for what was written, and how it ended.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, rename = "ImportReport")]
pub struct Report {
    pub file: String,
    /// Rows as planned; `created` and `merged` below are what was written.
    pub planned: Counts,
    #[ts(type = "number")]
    pub created: u64,
    #[ts(type = "number")]
    pub merged: u64,
    /// Rows the store refused at the write, in the error file with their reasons.
    pub refused: Vec<Refused>,
    /// Rows to write that are in the batches written: [`resume`] goes on after them.
    #[ts(type = "number")]
    pub done: u64,
    pub end: End,
    #[ts(type = "number")]
    pub elapsed_ms: u64,
}

/// A planned row the store refused when it was written.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, rename = "ImportRefusedRow")]
pub struct Refused {
    #[ts(type = "number")]
    pub line: u64,
    pub reason: String,
}

/// Writes `plan` batch by batch through `apply` (which takes the store only for one batch, so
/// other work can go between), reporting after each; stops before the next batch when `cancel`
/// is set, or when the database cannot be written.
pub fn write(
    plan: &Plan,
    cancel: &AtomicBool,
    apply: impl FnMut(Vec<Mutation>) -> Result<Vec<Applied>, StoreError>,
    report: impl FnMut(&Progress),
) -> Report {
    let fresh = Report {
        file: plan.source.file.clone(),
        planned: plan.counts,
        created: 0,
        merged: 0,
        refused: Vec::new(),
        done: 0,
        end: End::Finished,
        elapsed_ms: 0,
    };
    resume(plan, fresh, cancel, apply, report)
}

/// Writes the rows of `plan` after the `earlier.done` already written by an earlier write of
/// the same plan (cancelled or failed), like [`write`]; the report counts both writes. The
/// plan's rows keep their fate and a created row its id, so nobody is made twice.
pub fn resume(
    plan: &Plan,
    earlier: Report,
    cancel: &AtomicBool,
    mut apply: impl FnMut(Vec<Mutation>) -> Result<Vec<Applied>, StoreError>,
    mut report: impl FnMut(&Progress),
) -> Report {
    let started = Instant::now();
    let writing: Vec<&PlannedRow> =
        plan.rows.iter().filter(|r| matches!(r.action, Action::Create { .. } | Action::Merge { .. })).collect();
    let mut progress = Progress { total: writing.len() as u64, done: earlier.done, elapsed_ms: 0, remaining_ms: None };
    let mut out = Report { end: End::Finished, ..earlier };
    let first = out.done;
    let define: Vec<Mutation> = plan.new_tags.iter().map(|name| Mutation::TagDefine { name: name.clone() }).collect();
    if !define.is_empty()
        && let Err(e) = apply(define)
    {
        out.end = End::Failed { error: e.to_string() };
    }
    for batch in writing[(first as usize).min(writing.len())..].chunks(BATCH_ROWS) {
        if out.end != End::Finished {
            break;
        }
        if cancel.load(Ordering::Relaxed) {
            out.end = End::Cancelled;
            break;
        }
        match write_batch(plan, batch, &mut apply, &mut out) {
            Ok(()) => {
                progress.done += batch.len() as u64;
                out.done = progress.done;
                progress.elapsed_ms = started.elapsed().as_millis() as u64;
                let left = progress.total - progress.done;
                progress.remaining_ms = Some(progress.elapsed_ms * left / (progress.done - first).max(1));
                report(&progress);
            }
            Err(e) => out.end = End::Failed { error: e.to_string() },
        }
    }
    out.elapsed_ms += started.elapsed().as_millis() as u64;
    out
}

/// Writes `batch` in one transaction; when the store refuses it, each row in its own, the
/// refused ones going to `out.refused`. Fails only when the database cannot be written.
fn write_batch(
    plan: &Plan,
    batch: &[&PlannedRow],
    apply: &mut impl FnMut(Vec<Mutation>) -> Result<Vec<Applied>, StoreError>,
    out: &mut Report,
) -> Result<(), StoreError> {
    match apply(mutations(plan, batch)) {
        Ok(_) => {
            out.created += batch.iter().filter(|r| matches!(r.action, Action::Create { .. })).count() as u64;
            out.merged += batch.iter().filter(|r| matches!(r.action, Action::Merge { .. })).count() as u64;
            Ok(())
        }
        Err(StoreError::Domain(_)) if batch.len() > 1 => {
            batch.iter().try_for_each(|row| write_batch(plan, std::slice::from_ref(row), apply, out))
        }
        Err(StoreError::Domain(refusal)) => {
            out.refused.extend(batch.iter().map(|row| Refused { line: row.line, reason: reason(&refusal) }));
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Why the store refused a row, worded like the reasons of rows rejected at the plan.
fn reason(refusal: &DomainError) -> String {
    match refusal {
        DomainError::NotFound { what: Thing::Candidate, .. } => {
            "the candidate it merges into was deleted after the import was planned".to_owned()
        }
        DomainError::NotFound { what, .. } => {
            format!("the {} it goes to was deleted after the import was planned", what.word())
        }
        other => other.to_string(),
    }
}

/// One batch's mutations: the rows' profiles (the merges, then the new candidates, one after
/// another so the store indexes them together), their notes, then their tags, events and
/// pipelines grouped into as few bulk mutations as their limits allow.
fn mutations(plan: &Plan, batch: &[&PlannedRow]) -> Vec<Mutation> {
    let mut out = Vec::with_capacity(batch.len() + 8);
    let mut creates = Vec::with_capacity(batch.len());
    let mut notes = Vec::new();
    let mut tags: BTreeMap<&str, Vec<Uuid>> = BTreeMap::new();
    let mut events: BTreeMap<(Uuid, bool), Vec<Uuid>> = BTreeMap::new();
    let mut pipelines: BTreeMap<(Uuid, Option<&str>), Vec<Uuid>> = BTreeMap::new();
    for planned in batch {
        let (Some(row), Action::Create { candidate_id, .. } | Action::Merge { candidate_id, .. }) =
            (&planned.row, &planned.action)
        else {
            continue;
        };
        if let Some((candidate_id, write)) = planned.write(&plan.options) {
            let creates_one = matches!(write, ImportWrite::Create { .. });
            let import = Mutation::CandidateImport { candidate_id, source: plan.source.clone(), write };
            if creates_one { creates.push(import) } else { out.push(import) }
        }
        if let Some(body) = row.note.as_ref().filter(|_| planned.adds_note()) {
            notes.push(Mutation::NoteAdd {
                note_id: talentdesk_domain::new_id(),
                candidate_id: *candidate_id,
                body: body.clone(),
                private: false,
            });
        }
        for tag in &row.tags {
            tags.entry(tag.as_str()).or_default().push(*candidate_id);
        }
        for (event, attended) in &row.events {
            events.entry((*event, *attended)).or_default().push(*candidate_id);
        }
        for (pipeline, status) in &row.pipelines {
            pipelines.entry((*pipeline, status.as_deref())).or_default().push(*candidate_id);
        }
    }
    out.append(&mut creates);
    out.append(&mut notes);
    for (tag, ids) in tags {
        out.push(Mutation::TagsAdd { selection: Selection::ids(ids), tags: vec![tag.to_owned()] });
    }
    for ((event_id, attended), ids) in events {
        for chunk in ids.chunks(EVENT_LIMIT) {
            out.push(Mutation::EventAdd {
                selection: Selection::ids(chunk.iter().copied()),
                event_id,
                attended,
                confirmation: None,
            });
        }
    }
    for ((pipeline_id, status), ids) in pipelines {
        out.push(Mutation::PipelineAdd {
            selection: Selection::ids(ids),
            pipeline_id,
            status: status.map(str::to_owned),
        });
    }
    out
}

/// Writes the rows that were not imported (rejected, skipped as duplicates, or `refused` at
/// the write) as CSV: the file's header with a Reason column, each row as it was with why; fix
/// them and import the file again. A cell a spreadsheet would run as a formula is written with
/// an apostrophe first, which the import takes off again.
pub fn write_errors(plan: &Plan, refused: &[Refused], out: impl Write) -> Result<u64, csv::Error> {
    let refused: HashMap<u64, &str> = refused.iter().map(|r| (r.line, r.reason.as_str())).collect();
    let listed: Vec<(&PlannedRow, String)> = plan
        .rows
        .iter()
        .filter_map(|row| {
            let reason = row.reason().or_else(|| refused.get(&row.line).map(|r| (*r).to_owned()))?;
            Some((row, reason))
        })
        .collect();
    // A row with more cells than the header keeps them all, under columns named for them, so
    // the reason stays in the last column.
    let width = listed.iter().map(|(row, _)| row.cells.len()).max().unwrap_or(0).max(plan.headers.len());
    let mut w = csv::Writer::from_writer(out);
    let mut header = plan.headers.clone();
    header.extend((plan.headers.len()..width).map(|i| format!("Column {}", i + 1)));
    header.push("Reason".to_owned());
    w.write_record(&header)?;
    for (row, reason) in &listed {
        let mut cells: Vec<String> = row.cells.iter().map(|c| defused(c)).collect();
        cells.resize(width, String::new());
        cells.push(reason.clone());
        w.write_record(&cells)?;
    }
    let written = listed.len() as u64;
    w.flush()?;
    Ok(written)
}

fn defused(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) { format!("'{cell}") } else { cell.to_owned() }
}
