//! Settings › Privacy requests: the candidates who asked to be forgotten, oldest first. An
//! admin approves one with the erasure (`candidate.delete`) or declines it with a reason
//! (`candidate.decline_erasure`), both mutations through `commands::apply`.

use talentdesk_store::AppError;
use talentdesk_store::views::OpenErasureRequest;
use tauri::State;

use crate::commands::with_store;
use crate::state::AppState;

#[tauri::command]
pub async fn erasure_requests(state: State<'_, AppState>) -> Result<Vec<OpenErasureRequest>, AppError> {
    with_store(&state, |store, _| store.open_erasure_requests()).await
}
