//! The commands the window may call. Each runs its store work off the UI thread and returns
//! either the view model or an `AppError` the UI shows where it happened.

use std::path::PathBuf;
use std::sync::LazyLock;

use serde::Serialize;
use talentdesk_domain::candidate::Profile;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::permission::{self, Capability};
use talentdesk_domain::search::SearchRequest;
use talentdesk_domain::settings::ColumnConfig;
use talentdesk_domain::user::User;
use talentdesk_session::KeychainProblem;
use talentdesk_store::replica::Account;
use talentdesk_store::search::{Counted, PageRequest, SearchPage, SearchTickets, Searched};
use talentdesk_store::views::{
    FilterChoices, JobSummary, PipelineBoard, PipelineMemberRow, PipelineSummary, ProfileView,
};
use talentdesk_store::{AppError, Applied, Store, StoreError};
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::state::{AppState, poisoned};

/// What the shell shows about itself.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    #[ts(type = "string")]
    pub db_path: PathBuf,
    pub user: User,
    /// The window should time itself (`--bench`) and report through `bench_report`.
    pub bench: bool,
    /// The server account this data comes from; `None` for a local database.
    pub account: Option<Account>,
    /// Why the sign-in will not be remembered after Talentdesk closes, if it will not.
    pub keychain_problem: Option<KeychainProblem>,
    /// The data is here: false while a signed-in account's first sync runs.
    pub synced: bool,
    /// What the signed-in user's role may do, from the domain's permissions: the window offers
    /// only these (the store refuses the rest anyway).
    pub capabilities: Vec<Capability>,
}

/// Runs `work` with the store and the signed-in user on a blocking thread, turning every
/// failure into an `AppError`.
pub(crate) async fn with_store<T: Send + 'static>(
    state: &State<'_, AppState>,
    work: impl FnOnce(&mut Store, &User) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, AppError> {
    let (store, user) = state.current()?;
    tauri::async_runtime::spawn_blocking(move || {
        let mut store = store.lock().map_err(|_| AppError::Storage {
            message: "the store is unavailable after an earlier failure; restart Talentdesk".into(),
        })?;
        work(&mut store, &user).map_err(|e| e.to_app_error())
    })
    .await
    .map_err(stopped)?
}

/// [`with_store`] for reads of the whole database: they run on the open data's read-only
/// connection, so the writer's lock stays free for every other command meanwhile.
pub(crate) async fn with_reader<T: Send + 'static>(
    state: &State<'_, AppState>,
    work: impl FnOnce(&Store, &User) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, AppError> {
    let (reader, user) = state.reader()?;
    tauri::async_runtime::spawn_blocking(move || reader.read(|store| work(store, &user)).map_err(|e| e.to_app_error()))
        .await
        .map_err(stopped)?
}

fn stopped(e: tauri::Error) -> AppError {
    AppError::Storage { message: format!("the operation stopped unexpectedly: {e}") }
}

/// Answered without the store: as the app starts, search's loading holds the store, and the
/// window needs this much to draw itself meanwhile.
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, AppError> {
    let open = state.open.read().map_err(|_| poisoned())?;
    let open = open.as_ref().ok_or_else(|| AppError::Storage { message: "sign in to a server first".into() })?;
    Ok(AppInfo {
        db_path: open.db_path.clone(),
        user: open.user.clone(),
        bench: state.bench.is_some(),
        account: open.account.clone(),
        keychain_problem: open.session.as_ref().and_then(|s| s.keychain_problem()).cloned(),
        // A first sync's load holds the store until it is done.
        synced: open.session.as_ref().is_none_or(|s| s.synced()),
        capabilities: permission::capabilities(open.user.role),
    })
}

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    request: SearchRequest,
    page: PageRequest,
) -> Result<SearchPage, AppError> {
    with_store(&state, move |store, _| store.search(&request, &page)).await
}

/// The searches typed in the search box, by the number the window gives each: one window, so
/// one set for the whole app, reached without the store.
static TYPED: LazyLock<SearchTickets> = LazyLock::new(SearchTickets::default);

/// A search typed in the search box, numbered `ticket` by the window (never twice): as
/// `search`, except that it stops and answers `superseded` as soon as the window says a newer
/// search took its place (`supersede_search`), so the store is free for that one at once.
#[tauri::command]
pub async fn typed_search(
    state: State<'_, AppState>,
    request: SearchRequest,
    page: PageRequest,
    ticket: u64,
) -> Result<Searched, AppError> {
    let ticket = TYPED.ticket(ticket);
    with_store(&state, move |store, _| store.search_unless_superseded(&request, &page, &ticket)).await
}

/// The exact total of the typed search shown, when its page was answered before counting
/// (`counted` false); numbered `ticket` like a typed search, and stopped as one is: `None`
/// once superseded.
#[tauri::command]
pub async fn typed_total(
    state: State<'_, AppState>,
    request: SearchRequest,
    ticket: u64,
) -> Result<Option<Counted>, AppError> {
    let ticket = TYPED.ticket(ticket);
    with_store(&state, move |store, _| store.count_unless_superseded(&request, &ticket)).await
}

/// The typed search numbered `ticket` is no longer wanted: it stops wherever it is (or as it
/// starts). Answered at once, without the store that search holds.
#[tauri::command]
pub fn supersede_search(ticket: u64) {
    TYPED.supersede(ticket);
}

#[tauri::command]
pub async fn column_config(state: State<'_, AppState>) -> Result<ColumnConfig, AppError> {
    with_store(&state, |store, _| store.column_config()).await
}

/// Saves the organisation's column configuration (admins only; the store checks).
#[tauri::command]
pub async fn set_columns(state: State<'_, AppState>, config: ColumnConfig) -> Result<ColumnConfig, AppError> {
    let saved = with_store(&state, move |store, user| {
        store.apply(user, Mutation::SetColumns { config })?;
        store.column_config()
    })
    .await?;
    state.changed();
    Ok(saved)
}

/// What the search panel offers to filter by.
#[tauri::command]
pub async fn filter_choices(state: State<'_, AppState>) -> Result<FilterChoices, AppError> {
    with_store(&state, move |store, user| store.filter_choices(user)).await
}

/// A profile as the preview shows it: reading it records nothing.
#[tauri::command]
pub async fn profile(state: State<'_, AppState>, id: Uuid) -> Result<ProfileView, AppError> {
    with_store(&state, move |store, user| store.profile(user, id)).await
}

/// Where a candidate merged into another went: the survivor (followed through later merges),
/// so a profile or link still open on them goes there. `None` when they are here, were
/// deleted, or never existed.
#[tauri::command]
pub async fn merged_into(state: State<'_, AppState>, id: Uuid) -> Result<Option<Uuid>, AppError> {
    with_store(&state, move |store, _| store.merged_into(id)).await
}

/// Opens the full profile: records that the signed-in recruiter reviewed the candidate (the
/// Recruiter Reviewed engagement, through a mutation like every write), then returns it.
#[tauri::command]
pub async fn open_profile(state: State<'_, AppState>, id: Uuid) -> Result<ProfileView, AppError> {
    let profile = with_store(&state, move |store, user| {
        store.apply(user, Mutation::CandidateReview { candidate_id: id })?;
        store.profile(user, id)
    })
    .await?;
    state.changed();
    Ok(profile)
}

/// Applies one change as the signed-in user: the one write path (the store checks the rules
/// and queues it for the server), then pushes it at once when signed in.
#[tauri::command]
pub async fn apply(state: State<'_, AppState>, mutation: Mutation) -> Result<Applied, AppError> {
    let applied = with_store(&state, move |store, user| store.apply(user, mutation)).await?;
    state.changed();
    Ok(applied)
}

/// The profile as it was right after one history entry.
#[tauri::command]
pub async fn profile_as_of(state: State<'_, AppState>, id: Uuid, entry: i64) -> Result<Profile, AppError> {
    with_store(&state, move |store, _| store.profile_as_of(id, entry)).await
}

/// The pipelines the signed-in user may see, with their member counts.
#[tauri::command]
pub async fn pipelines(state: State<'_, AppState>) -> Result<Vec<PipelineSummary>, AppError> {
    with_store(&state, move |store, user| store.pipelines(user)).await
}

/// One page of a pipeline's Unreviewed (`reviewed` false) or In Pipeline tab.
#[tauri::command]
pub async fn pipeline_members(
    state: State<'_, AppState>,
    pipeline: Uuid,
    reviewed: bool,
    offset: u32,
    limit: u32,
) -> Result<Vec<PipelineMemberRow>, AppError> {
    with_store(&state, move |store, user| store.pipeline_members(user, pipeline, reviewed, limit, offset)).await
}

/// A pipeline's board: each workflow status's count and its first `per_column` cards.
#[tauri::command]
pub async fn pipeline_board(
    state: State<'_, AppState>,
    pipeline: Uuid,
    per_column: u32,
) -> Result<PipelineBoard, AppError> {
    with_store(&state, move |store, user| store.pipeline_board(user, pipeline, per_column)).await
}

/// The next cards of one column of a pipeline's board.
#[tauri::command]
pub async fn pipeline_column(
    state: State<'_, AppState>,
    pipeline: Uuid,
    status: String,
    offset: u32,
    limit: u32,
) -> Result<Vec<PipelineMemberRow>, AppError> {
    with_store(&state, move |store, user| store.pipeline_column(user, pipeline, &status, limit, offset)).await
}

/// Every job with its number of applicants.
#[tauri::command]
pub async fn jobs(state: State<'_, AppState>) -> Result<Vec<JobSummary>, AppError> {
    with_store(&state, |store, _| store.job_summaries()).await
}

/// Drops search's cached sets, so the next search is timed as a first one (`--bench` only).
#[tauri::command]
pub async fn clear_search_cache(state: State<'_, AppState>) -> Result<(), AppError> {
    with_store(&state, |store, _| {
        store.clear_search_cache();
        Ok(())
    })
    .await
}

/// Writes what the window measured of itself to the `--bench` file.
#[tauri::command]
pub fn bench_report(state: State<'_, AppState>, report: serde_json::Value) -> Result<(), AppError> {
    let path = state.bench.as_ref().ok_or_else(|| AppError::Storage { message: "not started with --bench".into() })?;
    std::fs::write(path, report.to_string())
        .map_err(|e| AppError::Storage { message: format!("cannot write {}: {e}", path.display()) })
}
