//! What admins do with partner keys (`/v1/partner-keys`): create one (its secret is in that
//! answer only), list them (never a secret), revoke one. Giving a partner a key gives it
//! access to the organisation's candidates, as inviting a teammate does: the same admins'
//! capability, managing the team.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use talentdesk_domain::DomainError;
use talentdesk_domain::permission::{Capability, authorize};
use talentdesk_domain::validation::{self, limits};
use talentdesk_sync::partner::{CreatedPartnerKey, NewPartnerKey, PartnerKey, PartnerScope};
use talentdesk_sync::wire::ErrorBody;
use uuid::Uuid;

use super::{new_secret, table};
use crate::ServerError;
use crate::actors;
use crate::app::AppState;
use crate::auth::{Caller, token_hash};
use crate::extract::ApiJson;

/// `POST /v1/partner-keys`.
#[utoipa::path(
    post,
    path = "/v1/partner-keys",
    tag = "partner keys",
    security(("bearer" = [])),
    request_body = NewPartnerKey,
    responses(
        (status = 201, description = "The key exists; its secret is in this answer and nowhere else", body = CreatedPartnerKey),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 422, description = "No name, a name too long, or no scope", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(new): ApiJson<NewPartnerKey>,
) -> Result<(StatusCode, Json<CreatedPartnerKey>), ServerError> {
    authorize(&caller.user, Capability::ManageTeam)?;
    let name = validation::required("name", &new.name, limits::SHORT_TEXT)?;
    let mut scopes = new.scopes;
    scopes.sort();
    scopes.dedup();
    if scopes.is_empty() {
        let all = PartnerScope::ALL.map(PartnerScope::code).join(", ");
        return Err(DomainError::invalid("scopes", format!("choose at least one of {all}")).into());
    }
    let (id, secret, now) = (Uuid::now_v7(), new_secret(), chrono::Utc::now());
    let mut tx = state.pool.begin().await?;
    let actor = actors::partner(&mut tx, caller.org, &name).await?;
    let hash = token_hash(&secret);
    let row = table::NewRow {
        id,
        org: caller.org,
        name: &name,
        scopes: &scopes,
        actor: actor.id,
        secret_hash: &hash,
        created_by: caller.user.id,
        created_at: now,
    };
    table::insert(&mut tx, row).await?;
    let key = only(table::list(&mut tx, caller.org, Some(id)).await?, id)?;
    tx.commit().await?;
    tracing::info!(admin = %caller.user.id, key = %id, scopes = ?key.scopes, "created a partner key");
    Ok((StatusCode::CREATED, Json(CreatedPartnerKey { key, secret })))
}

/// `GET /v1/partner-keys`.
#[utoipa::path(
    get,
    path = "/v1/partner-keys",
    tag = "partner keys",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The organisation's partner keys, revoked ones too, newest first; never a secret", body = Vec<PartnerKey>),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
    )
)]
pub async fn list(State(state): State<AppState>, caller: Caller) -> Result<Json<Vec<PartnerKey>>, ServerError> {
    authorize(&caller.user, Capability::ManageTeam)?;
    let mut conn = state.pool.acquire().await?;
    Ok(Json(table::list(&mut conn, caller.org, None).await?))
}

/// `DELETE /v1/partner-keys/{id}`.
#[utoipa::path(
    delete,
    path = "/v1/partner-keys/{id}",
    tag = "partner keys",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The key's id")),
    responses(
        (status = 200, description = "Revoked: the key is refused from now on; what it wrote stays attributed to it", body = PartnerKey),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 404, description = "No such key in the caller's organisation", body = ErrorBody),
    )
)]
pub async fn revoke(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<Json<PartnerKey>, ServerError> {
    authorize(&caller.user, Capability::ManageTeam)?;
    let mut conn = state.pool.acquire().await?;
    if !table::revoke(&mut conn, caller.org, id, chrono::Utc::now()).await? {
        return Err(DomainError::not_found("partner key", id).into());
    }
    tracing::info!(admin = %caller.user.id, key = %id, "revoked a partner key");
    Ok(Json(only(table::list(&mut conn, caller.org, Some(id)).await?, id)?))
}

fn only(keys: Vec<PartnerKey>, id: Uuid) -> Result<PartnerKey, ServerError> {
    keys.into_iter().next().ok_or_else(|| DomainError::not_found("partner key", id).into())
}
