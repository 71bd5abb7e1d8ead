//! Settings › Webhooks: where the server sends events about candidates (a URL, the events, an
//! optional pipeline or status), kept on the server like the team, with each webhook's
//! delivery log. The server checks the role and shows a webhook's secret only in the answer to
//! its creation.

use serde::Serialize;
use talentdesk_store::AppError;
use talentdesk_sync::problem::SyncProblem;
use talentdesk_sync::webhooks::{Webhook, WebhookCreated, WebhookDelivery, WebhookSettings};
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::state::AppState;
use crate::team::{refusal, server, signed_in};

/// The organisation's webhooks as the window can have them.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum Webhooks {
    Hooks {
        webhooks: Vec<Webhook>,
    },
    /// The server did not answer (offline, or failing): the webhooks live there.
    NotReached {
        problem: SyncProblem,
    },
    /// A local database: no server, nothing to send from.
    Local,
}

/// The organisation's webhooks, oldest first (admins only).
#[tauri::command]
pub async fn webhooks(state: State<'_, AppState>) -> Result<Webhooks, AppError> {
    let Some(server) = server(&state)? else { return Ok(Webhooks::Local) };
    match server.webhooks().await {
        Ok(webhooks) => Ok(Webhooks::Hooks { webhooks }),
        Err(e) if e.is_temporary() => Ok(Webhooks::NotReached { problem: SyncProblem::from(&e) }),
        Err(e) => Err(refusal(e)),
    }
}

/// Adds a webhook; the answer's signing secret is shown once, for the receiver's owner.
#[tauri::command]
pub async fn create_webhook(state: State<'_, AppState>, settings: WebhookSettings) -> Result<WebhookCreated, AppError> {
    signed_in(&state)?.create_webhook(&settings).await.map_err(refusal)
}

/// Changes a webhook (turned on again, it sends what waited).
#[tauri::command]
pub async fn update_webhook(
    state: State<'_, AppState>,
    webhook: Uuid,
    settings: WebhookSettings,
) -> Result<Webhook, AppError> {
    signed_in(&state)?.update_webhook(webhook, &settings).await.map_err(refusal)
}

/// Removes a webhook with its delivery log.
#[tauri::command]
pub async fn delete_webhook(state: State<'_, AppState>, webhook: Uuid) -> Result<(), AppError> {
    signed_in(&state)?.delete_webhook(webhook).await.map_err(refusal)
}

/// A webhook's delivery log, newest first.
#[tauri::command]
pub async fn webhook_deliveries(state: State<'_, AppState>, webhook: Uuid) -> Result<Vec<WebhookDelivery>, AppError> {
    signed_in(&state)?.webhook_deliveries(webhook).await.map_err(refusal)
}

/// Sends a delivery's event again; the log as it is then.
#[tauri::command]
pub async fn resend_webhook_delivery(
    state: State<'_, AppState>,
    webhook: Uuid,
    delivery: Uuid,
) -> Result<Vec<WebhookDelivery>, AppError> {
    signed_in(&state)?.resend_webhook_delivery(webhook, delivery).await.map_err(refusal)
}
