//! Commands for acting on candidates beyond a single mutation: Talent Matches, bulk actions
//! and exports that run in batches with progress events and can be cancelled.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use serde::{Deserialize, Serialize};
use talentdesk_domain::bulk::BulkAction;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::permission::{self, Capability};
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::{CustomFieldDef, HiredActions};
use talentdesk_store::bulk::{self, BulkProgress};
use talentdesk_store::export::{self, ExportField, ExportFormat};
use talentdesk_store::search::TalentMatch;
use talentdesk_store::views::TagInfo;
use talentdesk_store::{AppError, Store};
use tauri::{AppHandle, Emitter, State};
use ts_rs::TS;
use uuid::Uuid;

use crate::commands::with_store;
use crate::state::AppState;

/// A long run's progress, sent to the window as a `run-progress` event after each batch.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RunProgress {
    /// The id the window gave the run.
    pub run: String,
    pub progress: BulkProgress,
}

/// What to export and where.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    pub selection: Selection,
    pub fields: Vec<ExportField>,
    pub format: ExportFormat,
    #[ts(type = "string")]
    pub path: PathBuf,
}

/// A bulk action as the bulk bar offers it, with its limit. (Who may run it is in the
/// capabilities the window is sent with AppInfo.)
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BulkActionInfo {
    pub action: BulkAction,
    pub label: String,
    pub limit: u32,
}

/// The bulk actions and their limits, from the domain's rules (the store checks them again).
#[tauri::command]
pub fn bulk_actions() -> Vec<BulkActionInfo> {
    BulkAction::ALL
        .into_iter()
        .map(|action| BulkActionInfo { action, label: action.label().to_owned(), limit: action.limit() })
        .collect()
}

/// The runs going on, by the window's id, each with its cancel switch.
#[derive(Default)]
pub struct Runs(Mutex<HashMap<String, Arc<AtomicBool>>>);

impl Runs {
    /// Registers a run for as long as the returned guard lives. Commands take it before
    /// working out their selection (a whole search at a million candidates takes a while), so
    /// a Cancel pressed meanwhile stops the run before its first batch instead of being lost.
    pub(crate) fn start(&self, run: &str) -> Running<'_> {
        let cancel = Arc::new(AtomicBool::new(false));
        self.0.lock().unwrap_or_else(|p| p.into_inner()).insert(run.to_owned(), cancel.clone());
        Running { runs: self, run: run.to_owned(), cancel }
    }

    fn cancel(&self, run: &str) {
        if let Some(cancel) = self.0.lock().unwrap_or_else(|p| p.into_inner()).get(run) {
            cancel.store(true, Ordering::Relaxed);
        }
    }
}

/// A registered run; dropping it (however the command ends) forgets the run.
pub(crate) struct Running<'a> {
    runs: &'a Runs,
    run: String,
    pub(crate) cancel: Arc<AtomicBool>,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.runs.0.lock().unwrap_or_else(|p| p.into_inner()).remove(&self.run);
    }
}

/// Each mutation is one transaction, so a batch that panicked left nothing half-written: the
/// store is still sound behind a poisoned lock.
fn lock(store: &Mutex<Store>) -> MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(|p| p.into_inner())
}

#[tauri::command]
pub async fn talent_matches(state: State<'_, AppState>, id: Uuid) -> Result<Vec<TalentMatch>, AppError> {
    with_store(&state, move |store, user| {
        permission::authorize(user, Capability::ViewTalentMatches)?;
        store.talent_matches(id)
    })
    .await
}

#[tauri::command]
pub async fn custom_fields(state: State<'_, AppState>) -> Result<Vec<CustomFieldDef>, AppError> {
    with_store(&state, |store, _| store.custom_fields()).await
}

#[tauri::command]
pub async fn tags(state: State<'_, AppState>) -> Result<Vec<TagInfo>, AppError> {
    with_store(&state, |store, _| store.tags()).await
}

#[tauri::command]
pub async fn hired_actions(state: State<'_, AppState>) -> Result<HiredActions, AppError> {
    with_store(&state, |store, _| store.hired_actions()).await
}

/// Where exports are saved unless the user chooses another file in the Save dialog.
#[tauri::command]
pub fn export_folder(state: State<'_, AppState>) -> String {
    state.exports.display().to_string()
}

/// Runs a bulk mutation in batches (see talentdesk_store::bulk), reporting `run-progress`.
/// The limit and the role are checked on the whole selection before the first batch.
#[tauri::command]
pub async fn run_bulk(
    app: AppHandle,
    state: State<'_, AppState>,
    run: String,
    mutation: Mutation,
) -> Result<BulkProgress, AppError> {
    let running = state.runs.start(&run);
    let plan = with_store(&state, move |store, user| store.plan_bulk(user, mutation)).await?;
    let (store, user) = state.current()?;
    let cancel = running.cancel.clone();
    let id = run.clone();
    let end = tauri::async_runtime::spawn_blocking(move || {
        let report = |progress: &BulkProgress| {
            let _ = app.emit("run-progress", RunProgress { run: id.clone(), progress: progress.clone() });
        };
        bulk::run(&plan, &cancel, |m| lock(&store).apply_batch(&user, m, plan.undoable()), report)
    })
    .await;
    drop(running);
    state.changed();
    end.map_err(stopped)
}

/// Exports candidates to a file in batches, reporting `run-progress`; the file appears only
/// when complete.
#[tauri::command]
pub async fn run_export(
    app: AppHandle,
    state: State<'_, AppState>,
    run: String,
    mut request: ExportRequest,
) -> Result<BulkProgress, AppError> {
    // Written only where the user chose in the Save dialog, or as a new file in the exports folder.
    request.path = state.granted.writable(&request.path).map_err(|e| AppError::Storage { message: e.to_string() })?;
    let running = state.runs.start(&run);
    let selection = request.selection.clone();
    let ids = with_store(&state, move |store, user| {
        permission::authorize(user, Capability::Export)?;
        store.select(user, &selection, BulkAction::Export)
    })
    .await?;
    let (store, user) = state.current()?;
    let cancel = running.cancel.clone();
    let id = run.clone();
    let end = tauri::async_runtime::spawn_blocking(move || {
        let report = |progress: &BulkProgress| {
            let _ = app.emit("run-progress", RunProgress { run: id.clone(), progress: progress.clone() });
        };
        let write = |exporter: &mut export::Exporter<_>, chunk: &[Uuid]| {
            let store = lock(&store);
            chunk.iter().try_for_each(|id| exporter.write(&store, &user, *id))
        };
        export::export_file(&request.path, request.format, &request.fields, &ids, &cancel, write, report)
    })
    .await;
    drop(running);
    end.map_err(stopped)
}

/// Stops a bulk run or export before its next batch.
#[tauri::command]
pub fn cancel_run(state: State<'_, AppState>, run: String) {
    state.runs.cancel(&run);
}

fn stopped(e: impl std::fmt::Display) -> AppError {
    AppError::Storage { message: format!("the run stopped unexpectedly: {e}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cancel reaches a run from the moment its command starts (before its selection is worked
    /// out) until the command ends, however it ends.
    #[test]
    fn cancel_reaches_a_run_for_as_long_as_its_command_lasts() {
        let runs = Runs::default();
        let running = runs.start("run-1");
        let other = runs.start("run-2");
        runs.cancel("run-1");
        assert!(running.cancel.load(Ordering::Relaxed));
        assert!(!other.cancel.load(Ordering::Relaxed), "only the run asked");
        drop(running);
        runs.cancel("run-1");
        assert_eq!(runs.0.lock().unwrap().len(), 1, "an ended run is forgotten");
    }
}
