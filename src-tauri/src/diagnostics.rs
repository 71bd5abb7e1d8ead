//! "Copy diagnostics" in Settings: the text is built by the session crate from what the app
//! holds and the log's last lines; the window puts it on the clipboard.

use std::path::PathBuf;

use talentdesk_session::{Connection, Diagnostics, LOG_LINES, Log};
use talentdesk_store::AppError;
use tauri::State;

use crate::state::{AppState, poisoned};

/// The folder the app keeps its data and its log in.
pub struct DataFolder(pub PathBuf);

/// Async, so that reading the log runs off the window's thread.
#[tauri::command]
pub async fn diagnostics(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    folder: State<'_, DataFolder>,
) -> Result<String, AppError> {
    let connection = {
        let open = state.open.read().map_err(|_| poisoned())?;
        match (&*open, &state.data_dir) {
            (_, None) => Connection::Local,
            (Some(open), Some(_)) => open.session.as_ref().map_or(Connection::SignedOut, |s| s.connection()),
            (None, Some(_)) => Connection::SignedOut,
        }
    };
    let diagnostics = Diagnostics {
        version: app.package_info().version.to_string(),
        data_dir: folder.0.clone(),
        connection,
        log: Log::of(&folder.0).last_lines(LOG_LINES),
    };
    Ok(diagnostics.text())
}
