//! The commands of signing in and out, the first sync, and what sync reported: notices of
//! refused changes and of conflicts, with the way to put a teammate's value back.

use serde::Serialize;
use talentdesk_session::Session;
use talentdesk_store::AppError;
use talentdesk_store::blobs::OfflineSet;
use talentdesk_store::replica::Notice;
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::commands::with_store;
use crate::state::{AppState, Open, poisoned};

/// Whether the window shows the sign-in page.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "mode", rename_all = "snake_case")]
#[ts(export)]
pub enum SessionState {
    /// A local database (`--db`): no server, no sign-in.
    Local,
    SignedOut,
    SignedIn,
}

#[tauri::command]
pub fn session_state(state: State<'_, AppState>) -> Result<SessionState, AppError> {
    let open = state.open.read().map_err(|_| poisoned())?;
    Ok(match (&*open, &state.data_dir) {
        (_, None) => SessionState::Local,
        (Some(_), Some(_)) => SessionState::SignedIn,
        (None, Some(_)) => SessionState::SignedOut,
    })
}

/// Signs in and starts syncing; the first sync's progress arrives as `session` events.
#[tauri::command]
pub async fn sign_in(
    state: State<'_, AppState>,
    server: String,
    email: String,
    password: String,
) -> Result<(), AppError> {
    let data_dir = state.data_dir.clone().ok_or_else(|| AppError::Storage {
        message: "this window works on a local database; it has no sign-in".into(),
    })?;
    let session = Session::sign_in(&data_dir, &server, &email, &password, state.events.clone(), state.notifier.clone())
        .await
        .map_err(|e| AppError::Storage { message: e.to_string() })?;
    *state.open.write().map_err(|_| poisoned())? = Some(Open::of(session, &data_dir));
    Ok(())
}

/// Stops syncing, ends the sign-in on the server (when it can be reached) and forgets the
/// token; the data stays for the next sign-in.
#[tauri::command]
pub async fn sign_out(state: State<'_, AppState>) -> Result<(), AppError> {
    let data_dir = state.data_dir.clone().ok_or_else(|| AppError::Storage { message: "nobody is signed in".into() })?;
    let open = state.open.write().map_err(|_| poisoned())?.take();
    if let Some(session) = open.and_then(|o| o.session) {
        session.sign_out(&data_dir).await.map_err(|e| AppError::Storage { message: e.to_string() })?;
    }
    state.signed_out();
    Ok(())
}

/// Pauses (`false`) or resumes (`true`) the first sync.
#[tauri::command]
pub fn run_first_sync(state: State<'_, AppState>, run: bool) -> Result<(), AppError> {
    let open = state.open.read().map_err(|_| poisoned())?;
    if let Some(session) = open.as_ref().and_then(|o| o.session.as_ref()) {
        if run { session.resume_first_sync() } else { session.pause_first_sync() }
    }
    Ok(())
}

/// Notices not dismissed yet: one candidate's, or all.
#[tauri::command]
pub async fn notices(state: State<'_, AppState>, candidate: Option<Uuid>) -> Result<Vec<Notice>, AppError> {
    with_store(&state, move |store, _| store.notices(candidate)).await
}

#[tauri::command]
pub async fn dismiss_notice(state: State<'_, AppState>, seq: i64) -> Result<(), AppError> {
    with_store(&state, move |store, _| store.dismiss_notice(seq)).await
}

/// Puts back the teammate's value a change of this user overwrote (conflict `index` of notice
/// `seq`), as a new change of its own, and dismisses the notice.
#[tauri::command]
pub async fn put_back(state: State<'_, AppState>, seq: i64, index: usize) -> Result<(), AppError> {
    with_store(&state, move |store, user| store.put_back(user, seq, index)).await?;
    state.changed();
    Ok(())
}

/// The pipelines and events whose candidates' documents are kept on this computer.
#[tauri::command]
pub async fn offline_sets(state: State<'_, AppState>) -> Result<Vec<OfflineSet>, AppError> {
    with_store(&state, |store, _| store.offline_sets()).await
}

/// Keeps (or stops keeping) a list's documents on this computer; sync fetches them at once.
#[tauri::command]
pub async fn keep_offline(state: State<'_, AppState>, set: OfflineSet, keep: bool) -> Result<(), AppError> {
    with_store(&state, move |store, _| store.keep_offline(set, keep)).await?;
    state.changed();
    Ok(())
}
