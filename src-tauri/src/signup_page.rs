//! The organisation's sign-up page, as the desktop sees it: the consent text an admin words
//! for it (settings.set_consent_text, a mutation like every setting).

use talentdesk_store::AppError;
use tauri::State;

use crate::commands::with_store;
use crate::state::AppState;

/// What the sign-up page's consent box says; none while the page words its own.
#[tauri::command]
pub async fn consent_text(state: State<'_, AppState>) -> Result<Option<String>, AppError> {
    with_store(&state, |store, _| store.consent_text()).await
}
