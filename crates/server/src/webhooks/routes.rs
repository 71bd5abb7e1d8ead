//! The admin REST API of webhooks: list, add (the secret is shown once), change, remove, read
//! the delivery log, re-send a delivery. Admins only; the role is checked here.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use talentdesk_domain::DomainError;
use talentdesk_domain::permission::{Capability, authorize};
use talentdesk_sync::webhooks::{Webhook, WebhookCreated, WebhookDelivery, WebhookSettings};
use talentdesk_sync::wire::{ErrorBody, RecordKind};
use uuid::Uuid;

use super::events::CHANNEL;
use super::{guard, signature, store};
use crate::ServerError;
use crate::app::AppState;
use crate::auth::Caller;
use crate::db::records::{self, Key};
use crate::extract::ApiJson;

/// Lines of the delivery log one request returns.
const LOG_LINES: i64 = 200;
/// The longest URL taken.
const MAX_URL: usize = 2_000;

/// `GET /v1/webhooks`.
#[utoipa::path(
    get,
    path = "/v1/webhooks",
    tag = "webhooks",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The organisation's webhooks, oldest first (never their secrets)", body = Vec<Webhook>),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
    )
)]
pub async fn list(State(state): State<AppState>, caller: Caller) -> Result<Json<Vec<Webhook>>, ServerError> {
    authorize(&caller.user, Capability::ManageWebhooks)?;
    let mut conn = state.pool.acquire().await?;
    Ok(Json(store::list(&mut conn, caller.org).await?))
}

/// `POST /v1/webhooks`.
#[utoipa::path(
    post,
    path = "/v1/webhooks",
    tag = "webhooks",
    security(("bearer" = [])),
    request_body = WebhookSettings,
    responses(
        (status = 201, description = "The webhook exists; its signing secret is in the answer, and only there", body = WebhookCreated),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 422, description = "No event chosen, a URL that is not http(s), or one that leads to this machine or a private network (refused unless the server allows it: server-side request forgery), or an unknown pipeline", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(settings): ApiJson<WebhookSettings>,
) -> Result<(StatusCode, Json<WebhookCreated>), ServerError> {
    authorize(&caller.user, Capability::ManageWebhooks)?;
    let settings = checked(&state, caller.org, settings).await?;
    let (id, secret) = (Uuid::now_v7(), signature::new_secret());
    let mut conn = state.pool.acquire().await?;
    store::insert(&mut conn, caller.org, id, &settings, &secret, caller.user.id).await?;
    tracing::info!(admin = %caller.user.id, webhook = %id, "added a webhook");
    let webhook = found(store::get(&mut conn, caller.org, id).await?, id)?;
    Ok((StatusCode::CREATED, Json(WebhookCreated { webhook, secret })))
}

/// `PUT /v1/webhooks/{id}`.
#[utoipa::path(
    put,
    path = "/v1/webhooks/{id}",
    tag = "webhooks",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The webhook's id")),
    request_body = WebhookSettings,
    responses(
        (status = 200, description = "Changed; turned on again, it sends what waited", body = Webhook),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 404, description = "No such webhook in the caller's organisation", body = ErrorBody),
        (status = 422, description = "As for adding one", body = ErrorBody),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<Uuid>,
    ApiJson(settings): ApiJson<WebhookSettings>,
) -> Result<Json<Webhook>, ServerError> {
    authorize(&caller.user, Capability::ManageWebhooks)?;
    let settings = checked(&state, caller.org, settings).await?;
    let mut tx = state.pool.begin().await?;
    if !store::update(&mut tx, caller.org, id, &settings).await? {
        return Err(not_found(id));
    }
    poke(&mut tx).await?;
    tx.commit().await?;
    tracing::info!(admin = %caller.user.id, webhook = %id, enabled = settings.enabled, "changed a webhook");
    let mut conn = state.pool.acquire().await?;
    Ok(Json(found(store::get(&mut conn, caller.org, id).await?, id)?))
}

/// `DELETE /v1/webhooks/{id}`.
#[utoipa::path(
    delete,
    path = "/v1/webhooks/{id}",
    tag = "webhooks",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The webhook's id")),
    responses(
        (status = 204, description = "Removed with its delivery log; nothing more is sent to it"),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 404, description = "No such webhook in the caller's organisation", body = ErrorBody),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<StatusCode, ServerError> {
    authorize(&caller.user, Capability::ManageWebhooks)?;
    let mut conn = state.pool.acquire().await?;
    if !store::delete(&mut conn, caller.org, id).await? {
        return Err(not_found(id));
    }
    tracing::info!(admin = %caller.user.id, webhook = %id, "removed a webhook");
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/webhooks/{id}/deliveries`.
#[utoipa::path(
    get,
    path = "/v1/webhooks/{id}/deliveries",
    tag = "webhooks",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The webhook's id")),
    responses(
        (status = 200, description = "The delivery log, newest first (the latest 200): status, the receiver's answer, tries, the next retry", body = Vec<WebhookDelivery>),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 404, description = "No such webhook in the caller's organisation", body = ErrorBody),
    )
)]
pub async fn deliveries(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<WebhookDelivery>>, ServerError> {
    authorize(&caller.user, Capability::ManageWebhooks)?;
    let mut conn = state.pool.acquire().await?;
    found(store::get(&mut conn, caller.org, id).await?, id)?;
    Ok(Json(store::deliveries(&mut conn, id, LOG_LINES).await?))
}

/// `POST /v1/webhooks/{id}/deliveries/{delivery}/resend`.
#[utoipa::path(
    post,
    path = "/v1/webhooks/{id}/deliveries/{delivery}/resend",
    tag = "webhooks",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The webhook's id"),
        ("delivery" = Uuid, Path, description = "The delivery to send again"),
    ),
    responses(
        (status = 202, description = "The event is queued to the webhook again (same event id, a new line of the log); the log as it is now", body = Vec<WebhookDelivery>),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 404, description = "No such delivery of this webhook, or it was cancelled (its candidate was erased)", body = ErrorBody),
    )
)]
pub async fn resend(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, delivery)): Path<(Uuid, Uuid)>,
) -> Result<(StatusCode, Json<Vec<WebhookDelivery>>), ServerError> {
    authorize(&caller.user, Capability::ManageWebhooks)?;
    let mut tx = state.pool.begin().await?;
    if store::resend(&mut tx, caller.org, id, delivery).await?.is_none() {
        return Err(DomainError::not_found("webhook delivery", delivery).into());
    }
    poke(&mut tx).await?;
    tx.commit().await?;
    tracing::info!(admin = %caller.user.id, webhook = %id, %delivery, "re-sent a webhook delivery");
    let mut conn = state.pool.acquire().await?;
    Ok((StatusCode::ACCEPTED, Json(store::deliveries(&mut conn, id, LOG_LINES).await?)))
}

/// The settings made tidy, or why they cannot be saved.
async fn checked(state: &AppState, org: Uuid, mut settings: WebhookSettings) -> Result<WebhookSettings, ServerError> {
    settings.events.sort();
    settings.events.dedup();
    if settings.events.is_empty() {
        return Err(DomainError::invalid("events", "choose at least one event to send").into());
    }
    settings.url = settings.url.trim().to_owned();
    if settings.url.len() > MAX_URL {
        return Err(DomainError::invalid("url", format!("a webhook URL has at most {MAX_URL} characters")).into());
    }
    let url = guard::check(&settings.url, state.config.webhooks_allow_private)
        .await
        .map_err(|refused| DomainError::invalid("url", refused.0))?;
    settings.url = url.to_string();
    settings.status = settings.status.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    if settings.status.as_ref().is_some_and(|s| s.chars().count() > 100) {
        return Err(DomainError::invalid("status", "a status has at most 100 characters").into());
    }
    if let Some(pipeline) = settings.pipeline_id {
        let mut conn = state.pool.acquire().await?;
        let key = pipeline.to_string();
        if !records::exists(&mut conn, org, Key { kind: RecordKind::Pipeline, id: &key }).await? {
            return Err(DomainError::invalid("pipeline_id", "no such pipeline in this organisation").into());
        }
    }
    Ok(settings)
}

/// Wakes the delivery workers at commit: something may be due now.
async fn poke(conn: &mut sqlx::PgConnection) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_notify($1, '')").bind(CHANNEL).execute(conn).await?;
    Ok(())
}

fn not_found(id: Uuid) -> ServerError {
    DomainError::not_found("webhook", id).into()
}

fn found(webhook: Option<Webhook>, id: Uuid) -> Result<Webhook, ServerError> {
    webhook.ok_or_else(|| not_found(id))
}
