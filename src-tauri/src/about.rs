//! Settings › About: this build's version, build date and commit, and where its updates come
//! from.

use talentdesk_session::About;
use talentdesk_store::AppError;
use tauri::State;

use crate::state::AppState;

/// This build's version, build date and commit, and where its updates come from.
#[tauri::command]
pub fn about(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<About, AppError> {
    let updates = crate::updates::source(&app, &state)?;
    Ok(About::new(
        app.package_info().version.to_string(),
        env!("TALENTDESK_BUILT_AT"),
        env!("TALENTDESK_COMMIT"),
        updates,
    ))
}
