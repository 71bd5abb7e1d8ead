//! The spreadsheet import in the window, step by step over talentdesk-import: open a file (its
//! sheets, header and first rows, the guessed mapping), plan it with a mapping and options
//! (counts, preview, rejected rows and duplicates; nothing written), override a duplicate's
//! fate row by row, write in batches with `import-progress` events and Cancel (cancel_run),
//! then save the error file. The plan waits here between the steps.

use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;
// Named as their bindings are (ts-rs renames them), so the window's calls are typed with them.
use talentdesk_domain::dedupe;
use talentdesk_domain::import_mapping::SavedMapping;
use talentdesk_import::plan::{
    self, Action, Counts as ImportCounts, Duplicate, Options as ImportOptions, PlannedRow, RowChoice as ImportRowChoice,
};
use talentdesk_import::read::{ReadAs, RepeatedHeader};
use talentdesk_import::write::{self, End, Progress, Report as ImportReport};
use talentdesk_import::{ImportError, ImportProblem, Mapping as ImportMapping, Plan, Table, mapping, read};
use talentdesk_store::{AppError, Store, StoreError};
use tauri::{AppHandle, Emitter, Manager, State};
use ts_rs::TS;

use crate::commands::{with_reader, with_store};
use crate::state::AppState;

/// Rows of the file shown beside the mapping (sample values).
const SAMPLE_ROWS: usize = 5;
/// Rows shown as they will be imported.
const PREVIEW_ROWS: usize = 20;
/// Rejected rows and duplicates listed in the preview (all are in the counts and the error file).
const LISTED_ROWS: usize = 500;

/// A file opened for import: how it was read, its sheets, header and first rows, and the
/// mapping guessed from its header.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportFile {
    pub file: String,
    /// How it was read: "CSV, UTF-8, semicolon" or "XLSX, sheet Candidates".
    pub format: ReadAs,
    /// A workbook's sheets (none for CSV), and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub headers: Vec<String>,
    /// Repeated header names, told apart.
    pub warnings: Vec<RepeatedHeader>,
    /// The first rows' cells, by column.
    pub samples: Vec<Vec<String>>,
    pub guess: ImportMapping,
}

/// A planned row, with the name of the candidate already in Talentdesk it is (if it is).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportPreviewRow {
    pub planned: PlannedRow,
    pub matched: Option<String>,
}

/// What an import will do, before anything is written.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub counts: ImportCounts,
    /// Tags the file brings that the tags list lacks (an admin's import adds them).
    pub new_tags: Vec<String>,
    /// The first rows as they will be imported.
    pub first: Vec<ImportPreviewRow>,
    /// The first rejected rows, each with its reasons.
    pub rejected: Vec<ImportPreviewRow>,
    /// The first rows that are someone already in Talentdesk (created anyway too), or an earlier
    /// row of the file.
    pub duplicates: Vec<ImportPreviewRow>,
}

/// The write's progress, sent to the window as an `import-progress` event after each batch.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportRunProgress {
    /// The id the window gave the run (Cancel is cancel_run with it).
    pub run: String,
    pub progress: Progress,
}

/// The import the window is on: its plan (shared with a write under way) and, once written,
/// the report.
#[derive(Default)]
pub struct Imports(Mutex<Option<Planned>>);

struct Planned {
    plan: Arc<Plan>,
    report: Option<ImportReport>,
}

impl Imports {
    fn lock(&self) -> MutexGuard<'_, Option<Planned>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn with<T>(&self, f: impl FnOnce(&mut Planned) -> Result<T, AppError>) -> Result<T, AppError> {
        f(self.lock().as_mut().ok_or(AppError::Import(ImportProblem::NoImport))?)
    }
}

fn storage(message: impl std::fmt::Display) -> AppError {
    AppError::Storage { message: message.to_string() }
}

fn readable(state: &AppState, path: &str) -> Result<PathBuf, AppError> {
    state.granted.readable(Path::new(path)).map_err(storage)
}

/// Opens `sheet`, or else the first sheet with rows to import (a workbook often starts with a
/// summary); for a workbook none of whose sheets has rows, the first sheet's problem.
fn open_table(path: &Path, sheet: Option<&str>) -> Result<(Table, Vec<String>), ImportError> {
    let sheets = read::sheets(path)?;
    if sheet.is_some() || sheets.len() < 2 {
        return Ok((read::open(path, sheet)?, sheets));
    }
    let first = read::open(path, None);
    let other = sheets[1..].iter().find_map(|s| read::open(path, Some(s)).ok());
    match (first, other) {
        (Ok(table), _) | (Err(_), Some(table)) => Ok((table, sheets)),
        (Err(e), None) => Err(e),
    }
}

/// Opens a file chosen or dropped (granted) for import.
#[tauri::command]
pub async fn import_open(
    state: State<'_, AppState>,
    path: String,
    sheet: Option<String>,
) -> Result<ImportFile, AppError> {
    let path = readable(&state, &path)?;
    let custom_fields = with_store(&state, |store, _| store.custom_fields()).await?;
    tauri::async_runtime::spawn_blocking(move || {
        let (table, sheets) = open_table(&path, sheet.as_deref())?;
        let guess = mapping::guess(&table.headers, &custom_fields);
        let read_sheet = match &table.format {
            ReadAs::Sheet { sheet, .. } => Some(sheet.clone()),
            ReadAs::Csv { .. } => None,
        };
        let (file, format, headers, warnings) =
            (table.file.clone(), table.format.clone(), table.headers.clone(), table.warnings.clone());
        let samples = table.take(SAMPLE_ROWS).map(|r| r.map(|r| r.cells)).collect::<Result<_, _>>()?;
        Ok(ImportFile { file, format, sheets, sheet: read_sheet, headers, warnings, samples, guess })
    })
    .await
    .map_err(stopped)?
    .map_err(|e: ImportError| e.to_app_error())
}

fn stopped(e: impl std::fmt::Display) -> AppError {
    storage(format!("the import stopped unexpectedly: {e}"))
}

/// Plans the import of the file with `mapping` and `options`: nothing is written. The plan
/// waits for import_write (a new plan replaces it).
#[tauri::command]
pub async fn import_plan(
    state: State<'_, AppState>,
    imports: State<'_, Imports>,
    path: String,
    sheet: Option<String>,
    mapping: ImportMapping,
    options: ImportOptions,
) -> Result<ImportPreview, AppError> {
    let path = readable(&state, &path)?;
    let planned = with_reader(&state, move |store, user| {
        let table = read::open(&path, sheet.as_deref());
        match table.and_then(|table| plan::plan(store, user, table, &mapping, options)) {
            Ok(plan) => Ok(Ok((preview(store, &plan)?, plan))),
            Err(ImportError::Store(e)) => Err(e),
            Err(e) => Ok(Err(e)),
        }
    })
    .await?;
    let (preview, plan) = planned.map_err(|e| e.to_app_error())?;
    *imports.lock() = Some(Planned { plan: Arc::new(plan), report: None });
    Ok(preview)
}

fn preview(store: &Store, plan: &Plan) -> Result<ImportPreview, StoreError> {
    let shown = |rows: Vec<&PlannedRow>| -> Result<Vec<ImportPreviewRow>, StoreError> {
        rows.into_iter().map(|r| Ok(ImportPreviewRow { planned: r.clone(), matched: matched(store, r)? })).collect()
    };
    let listed = |keep: fn(&Action) -> bool| plan.rows.iter().filter(|r| keep(&r.action)).take(LISTED_ROWS).collect();
    Ok(ImportPreview {
        counts: plan.counts,
        new_tags: plan.new_tags.clone(),
        first: shown(plan.preview(PREVIEW_ROWS).iter().collect())?,
        rejected: shown(listed(|a| matches!(a, Action::Reject { .. })))?,
        duplicates: shown(listed(|a| {
            matches!(
                a,
                Action::Merge { .. }
                    | Action::Unchanged { .. }
                    | Action::SkipDuplicate { .. }
                    | Action::SkipInFile { .. }
                    | Action::Create { duplicate_of: Some(_), .. }
            )
        }))?,
    })
}

/// The name of the candidate already in Talentdesk the row is.
fn matched(store: &Store, row: &PlannedRow) -> Result<Option<String>, StoreError> {
    match row.action {
        Action::Merge { candidate_id, .. }
        | Action::Unchanged { candidate_id, .. }
        | Action::SkipDuplicate { candidate_id, .. }
        | Action::Create { duplicate_of: Some(Duplicate { candidate_id, .. }), .. } => {
            Ok(Some(store.stored_profile(candidate_id)?.full_name()))
        }
        _ => Ok(None),
    }
}

/// Overrides the import's choice for one duplicate row of the plan; the counts as they now are.
/// Off the window's thread: a merge choice reads the database, through the reader, which a
/// duplicates scan may hold for a while.
#[tauri::command]
pub async fn import_choose(
    app: AppHandle,
    state: State<'_, AppState>,
    line: u64,
    choice: ImportRowChoice,
) -> Result<ImportCounts, AppError> {
    let (reader, _) = state.reader()?;
    let choose = move || {
        app.state::<Imports>().with(|planned| {
            match &planned.report {
                Some(ImportReport { end: End::Finished, .. }) => return Err(written()),
                // Rows already written keep what was chosen; the rest are written as planned.
                Some(_) => return Err(AppError::Import(ImportProblem::PartlyWritten)),
                None => {}
            }
            let plan = Arc::make_mut(&mut planned.plan);
            reader
                .read(|store| Ok(plan.choose(store, line, choice)))
                .map_err(|e| e.to_app_error())?
                .map_err(|e| e.to_app_error())?;
            Ok(plan.counts)
        })
    };
    tauri::async_runtime::spawn_blocking(choose).await.map_err(stopped)?
}

fn written() -> AppError {
    AppError::Import(ImportProblem::Written)
}

/// Writes the plan in batches (each one transaction through the mutation path, queued for the
/// server), reporting `import-progress`; cancel_run(run) stops it between batches. Called again
/// after a cancel, it writes the rest of the plan.
#[tauri::command]
pub async fn import_write(
    app: AppHandle,
    state: State<'_, AppState>,
    imports: State<'_, Imports>,
    run: String,
) -> Result<ImportReport, AppError> {
    // After a cancelled or failed write, the rest of the same plan (never planned again: a
    // new plan would give the rows written new ids and lose the user's choices).
    let (plan, earlier) = imports.with(|planned| match &planned.report {
        Some(ImportReport { end: End::Finished, .. }) => Err(written()),
        earlier => Ok((planned.plan.clone(), earlier.clone())),
    })?;
    let running = state.runs.start(&run);
    let (store, user) = state.current()?;
    let cancel = running.cancel.clone();
    let written = plan.clone();
    let report = tauri::async_runtime::spawn_blocking(move || {
        let report = |progress: &Progress| {
            let _ = app.emit("import-progress", ImportRunProgress { run: run.clone(), progress: progress.clone() });
        };
        let apply = |batch| store.lock().unwrap_or_else(|p| p.into_inner()).apply_all(&user, batch);
        match earlier {
            Some(earlier) => write::resume(&written, earlier, &cancel, apply, report),
            None => write::write(&written, &cancel, apply, report),
        }
    })
    .await
    .map_err(stopped)?;
    drop(running);
    state.changed();
    imports.with(|planned| {
        // Only the plan written gets its report (a new file may have been planned meanwhile).
        if Arc::ptr_eq(&planned.plan, &plan) {
            planned.report = Some(report.clone());
        }
        Ok(())
    })?;
    Ok(report)
}

/// Writes the rows not imported (rejected, skipped, refused at the write) as CSV with a Reason
/// column to `path` (chosen in the Save dialog); how many rows it holds.
#[tauri::command]
pub async fn import_save_errors(
    state: State<'_, AppState>,
    imports: State<'_, Imports>,
    path: String,
) -> Result<u64, AppError> {
    let path = state.granted.writable(Path::new(&path)).map_err(storage)?;
    let (plan, refused) =
        imports.with(|p| Ok((p.plan.clone(), p.report.as_ref().map(|r| r.refused.clone()).unwrap_or_default())))?;
    tauri::async_runtime::spawn_blocking(move || {
        let unwritten = |e: &dyn std::fmt::Display| {
            AppError::Import(ImportProblem::ErrorFileUnwritten {
                path: path.display().to_string(),
                reason: e.to_string(),
            })
        };
        let file = std::fs::File::create(&path).map_err(|e| unwritten(&e))?;
        write::write_errors(&plan, &refused, BufWriter::new(file)).map_err(|e| unwritten(&e))
    })
    .await
    .map_err(stopped)?
}

/// The column mappings saved for imports, by name (saved and deleted with `apply`).
#[tauri::command]
pub async fn import_mappings(state: State<'_, AppState>) -> Result<Vec<SavedMapping>, AppError> {
    with_store(&state, |store, _| store.import_mappings()).await
}

/// The organisation's default phone country, and the countries it may be.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PhoneCountry {
    /// An ISO code ("DE"); none until an admin sets one.
    pub country: Option<String>,
    /// The ISO codes whose national numbers can be read.
    pub countries: Vec<String>,
}

/// The organisation's default phone country (an admin sets it with
/// settings.set_phone_country) and the countries it may be: an import's options start with it.
#[tauri::command]
pub async fn phone_country(state: State<'_, AppState>) -> Result<PhoneCountry, AppError> {
    let country = with_store(&state, |store, _| store.phone_country()).await?;
    let countries = dedupe::CALLING_CODES.iter().map(|(iso, _)| (*iso).to_owned()).collect();
    Ok(PhoneCountry { country, countries })
}

/// Forgets the import (its plan can be large).
#[tauri::command]
pub fn import_close(imports: State<'_, Imports>) {
    *imports.lock() = None;
}
