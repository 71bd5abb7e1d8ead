//! Whether texts can be sent: only the server knows (it has a text message provider or not),
//! so the Send Text dialog asks it before offering to send.

use talentdesk_store::AppError;
use tauri::State;

use crate::state::AppState;

/// Whether this desktop's server sends text messages: `false` when it says it has no provider
/// (a text would be refused), `null` when that is not known now (offline, a server too old to
/// say, or a local database); the text is queued then and the server decides.
#[tauri::command]
pub async fn texts_possible(state: State<'_, AppState>) -> Result<Option<bool>, AppError> {
    let Some(server) = crate::team::server(&state)? else { return Ok(None) };
    Ok(server.features().await.ok().map(|features| features.texts))
}
