//! Settings › Partner API keys: the keys an admin gives partners (a reference-check service)
//! to read candidates and write results back, kept on the server like the team. The server
//! checks the role and shows a key's secret only in the answer to its creation.

use serde::Serialize;
use talentdesk_store::AppError;
use talentdesk_sync::partner::{CreatedPartnerKey, NewPartnerKey, PartnerKey, PartnerScope};
use talentdesk_sync::problem::SyncProblem;
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::state::AppState;
use crate::team::{refusal, server, signed_in};

/// The organisation's partner keys as the window can have them.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum PartnerKeys {
    Keys {
        keys: Vec<PartnerKey>,
    },
    /// The server did not answer (offline, or failing): the keys live there.
    NotReached {
        problem: SyncProblem,
    },
    /// A local database: no server, no partners.
    Local,
}

/// The organisation's partner keys, revoked ones too, newest first (admins only).
#[tauri::command]
pub async fn partner_keys(state: State<'_, AppState>) -> Result<PartnerKeys, AppError> {
    let Some(server) = server(&state)? else { return Ok(PartnerKeys::Local) };
    match server.partner_keys().await {
        Ok(keys) => Ok(PartnerKeys::Keys { keys }),
        Err(e) if e.is_temporary() => Ok(PartnerKeys::NotReached { problem: SyncProblem::from(&e) }),
        Err(e) => Err(refusal(e)),
    }
}

/// Creates a key with a name and scopes; the answer's secret is shown once, to hand over.
#[tauri::command]
pub async fn create_partner_key(
    state: State<'_, AppState>,
    name: String,
    scopes: Vec<PartnerScope>,
) -> Result<CreatedPartnerKey, AppError> {
    signed_in(&state)?.create_partner_key(&NewPartnerKey { name, scopes }).await.map_err(refusal)
}

/// Revokes a key: the partner is refused from then on; what it wrote stays, attributed to it.
#[tauri::command]
pub async fn revoke_partner_key(state: State<'_, AppState>, key: Uuid) -> Result<PartnerKey, AppError> {
    signed_in(&state)?.revoke_partner_key(key).await.map_err(refusal)
}
