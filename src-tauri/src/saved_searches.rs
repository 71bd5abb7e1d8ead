//! Saved searches for the rail: listed with the new matches each heard, and opened (which
//! reads its news). Saving, renaming and deleting are mutations, through `commands::apply`.

use talentdesk_store::{AppError, OpenedSearch, SavedSearchEntry};
use tauri::State;
use uuid::Uuid;

use crate::commands::with_store;
use crate::state::AppState;

/// The saved searches here, by name, with their new matches and the filter values they name
/// that are gone.
#[tauri::command]
pub async fn saved_searches(state: State<'_, AppState>) -> Result<Vec<SavedSearchEntry>, AppError> {
    with_store(&state, |store, _| store.saved_searches()).await
}

/// Opens a saved search: its new matches are read, and the search to run is returned.
#[tauri::command]
pub async fn open_saved_search(state: State<'_, AppState>, id: Uuid) -> Result<OpenedSearch, AppError> {
    with_store(&state, move |store, _| store.open_saved_search(id)).await
}
