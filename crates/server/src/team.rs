//! The team: everyone in the caller's organisation (`GET /v1/team`, for anyone signed in) and
//! what admins do to it: invite, change a role or an ATS ID, reset a password, end sign-ins,
//! deactivate and reactivate. The role is checked here; the desktop only leaves out what it
//! may not offer. Nobody is ever deleted: a deactivated user's records stay theirs.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use talentdesk_domain::DomainError;
use talentdesk_domain::error::Thing;
use talentdesk_domain::permission::{Capability, authorize};
use talentdesk_domain::validation;
use talentdesk_sync::wire::{
    Activation, AtsIdChange, ErrorBody, Invitation, OneTimePassword, RoleChange, SignInsEnded, TeamMember,
};
use uuid::Uuid;

use crate::ServerError;
use crate::admin::{self, Person};
use crate::app::AppState;
use crate::auth::{Caller, one_time_password};
use crate::db::tokens;
use crate::db::users::{self, Account, Member};
use crate::extract::ApiJson;

fn wire(member: Member) -> TeamMember {
    TeamMember { user: member.account.user, active: member.account.active, last_sign_in: member.last_sign_in }
}

/// `GET /v1/team`.
#[utoipa::path(
    get,
    path = "/v1/team",
    tag = "team",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Everyone in the caller's organisation, active or not, by name", body = Vec<TeamMember>),
        (status = 401, description = "No live sign-in", body = ErrorBody),
    )
)]
pub async fn list(State(state): State<AppState>, caller: Caller) -> Result<Json<Vec<TeamMember>>, ServerError> {
    let mut conn = state.pool.acquire().await?;
    let members = users::members(&mut conn, caller.org, None).await?;
    Ok(Json(members.into_iter().map(wire).collect()))
}

/// `POST /v1/team/invitations`.
#[utoipa::path(
    post,
    path = "/v1/team/invitations",
    tag = "team",
    security(("bearer" = [])),
    request_body = Invitation,
    responses(
        (status = 201, description = "The teammate exists; their one-time password is in the answer, and only there", body = OneTimePassword),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 422, description = "The email has an account already (in this organisation or another), another teammate has the ATS ID, or a value is invalid (the ATS ID is digits: the teammate's System ID in iCIMS)", body = ErrorBody),
    )
)]
pub async fn invite(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(invitation): ApiJson<Invitation>,
) -> Result<(StatusCode, Json<OneTimePassword>), ServerError> {
    authorize(&caller.user, Capability::ManageTeam)?;
    let password = one_time_password();
    let ats_id = invitation.ats_id.as_deref();
    let person = Person { email: &invitation.email, name: &invitation.name, role: invitation.role, ats_id };
    let user = admin::add_user(&state.pool, caller.org, person, &password).await?;
    tracing::info!(admin = %caller.user.id, user = %user.id, role = user.role.code(), "invited a teammate");
    let member = member(&state, caller.org, user.id).await?;
    Ok((StatusCode::CREATED, Json(OneTimePassword { member, password, ended_sign_ins: 0 })))
}

/// `PUT /v1/team/{id}/role`.
#[utoipa::path(
    put,
    path = "/v1/team/{id}/role",
    tag = "team",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The teammate's user id")),
    request_body = RoleChange,
    responses(
        (status = 200, description = "The role is set; the user record syncs to the organisation's desktops", body = TeamMember),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 404, description = "No such user in the caller's organisation", body = ErrorBody),
        (status = 422, description = "It would leave the organisation without an active admin", body = ErrorBody),
    )
)]
pub async fn set_role(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<Uuid>,
    ApiJson(change): ApiJson<RoleChange>,
) -> Result<Json<TeamMember>, ServerError> {
    authorize(&caller.user, Capability::ManageTeam)?;
    let mut tx = state.pool.begin().await?;
    let account = teammate(&mut tx, &caller, id).await?;
    if account.user.role != change.role {
        if !change.role.is_admin() {
            keeps_an_admin(&mut tx, caller.org, id).await?;
        }
        users::set_role(&mut tx, id, change.role).await?;
        announce_as_now(&mut tx, caller.org, id).await?;
        tx.commit().await?;
        tracing::info!(admin = %caller.user.id, user = %id, role = change.role.code(), "changed a teammate's role");
    }
    Ok(Json(member(&state, caller.org, id).await?))
}

/// `PUT /v1/team/{id}/ats-id`.
#[utoipa::path(
    put,
    path = "/v1/team/{id}/ats-id",
    tag = "team",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The teammate's user id")),
    request_body = AtsIdChange,
    responses(
        (status = 200, description = "The ATS ID is set, changed or (null or empty) taken away; the user record syncs to the organisation's desktops", body = TeamMember),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 404, description = "No such user in the caller's organisation", body = ErrorBody),
        (status = 422, description = "Not an ATS ID (the teammate's System ID in iCIMS: digits, up to 18), or another teammate of the organisation has it", body = ErrorBody),
    )
)]
pub async fn set_ats_id(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<Uuid>,
    ApiJson(change): ApiJson<AtsIdChange>,
) -> Result<Json<TeamMember>, ServerError> {
    authorize(&caller.user, Capability::ManageTeam)?;
    let ats_id = validation::ats_id(change.ats_id.as_deref().unwrap_or_default())?;
    let mut tx = state.pool.begin().await?;
    let account = teammate(&mut tx, &caller, id).await?;
    if account.user.ats_id != ats_id {
        users::set_ats_id(&mut tx, id, ats_id.as_deref()).await?;
        admin::ats_id_free(&mut tx, caller.org, ats_id.as_deref(), id).await?;
        announce_as_now(&mut tx, caller.org, id).await?;
        tx.commit().await?;
        tracing::info!(admin = %caller.user.id, user = %id, set = ats_id.is_some(), "changed a teammate's ATS ID");
    }
    Ok(Json(member(&state, caller.org, id).await?))
}

/// `PUT /v1/team/{id}/active`.
#[utoipa::path(
    put,
    path = "/v1/team/{id}/active",
    tag = "team",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The teammate's user id")),
    request_body = Activation,
    responses(
        (status = 200, description = "Deactivated (every sign-in ended; no sign-in or push is taken from them) or reactivated; their records stay theirs either way", body = TeamMember),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 404, description = "No such user in the caller's organisation", body = ErrorBody),
        (status = 422, description = "It would leave the organisation without an active admin", body = ErrorBody),
    )
)]
pub async fn set_active(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<Uuid>,
    ApiJson(change): ApiJson<Activation>,
) -> Result<Json<TeamMember>, ServerError> {
    authorize(&caller.user, Capability::ManageTeam)?;
    let mut tx = state.pool.begin().await?;
    let account = teammate(&mut tx, &caller, id).await?;
    if account.active != change.active {
        let now = chrono::Utc::now();
        if change.active {
            users::set_deactivated(&mut tx, id, None).await?;
        } else {
            if account.user.role.is_admin() {
                keeps_an_admin(&mut tx, caller.org, id).await?;
            }
            users::set_deactivated(&mut tx, id, Some(now)).await?;
            tokens::revoke_all(&mut tx, id, now).await?;
        }
        tx.commit().await?;
        tracing::info!(admin = %caller.user.id, user = %id, active = change.active, "changed whether a teammate is active");
    }
    Ok(Json(member(&state, caller.org, id).await?))
}

/// `POST /v1/team/{id}/password`.
#[utoipa::path(
    post,
    path = "/v1/team/{id}/password",
    tag = "team",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The teammate's user id")),
    responses(
        (status = 200, description = "A new one-time password, in the answer only; the teammate's sign-ins are ended", body = OneTimePassword),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 404, description = "No such user in the caller's organisation", body = ErrorBody),
    )
)]
pub async fn reset_password(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<Json<OneTimePassword>, ServerError> {
    authorize(&caller.user, Capability::ManageTeam)?;
    let account = {
        let mut conn = state.pool.acquire().await?;
        teammate(&mut conn, &caller, id).await?
    };
    let password = one_time_password();
    let ended_sign_ins = admin::set_password(&state.pool, &account, &password).await?;
    tracing::info!(admin = %caller.user.id, user = %id, "reset a teammate's password");
    let member = member(&state, caller.org, id).await?;
    Ok(Json(OneTimePassword { member, password, ended_sign_ins }))
}

/// `DELETE /v1/team/{id}/sign-ins`.
#[utoipa::path(
    delete,
    path = "/v1/team/{id}/sign-ins",
    tag = "team",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The teammate's user id")),
    responses(
        (status = 200, description = "Every sign-in of the teammate is ended: their desktops must sign in again", body = SignInsEnded),
        (status = 403, description = "The caller is not an admin", body = ErrorBody),
        (status = 404, description = "No such user in the caller's organisation", body = ErrorBody),
    )
)]
pub async fn end_sign_ins(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<Json<SignInsEnded>, ServerError> {
    authorize(&caller.user, Capability::ManageTeam)?;
    let mut conn = state.pool.acquire().await?;
    teammate(&mut conn, &caller, id).await?;
    let ended = tokens::revoke_all(&mut conn, id, chrono::Utc::now()).await?;
    tracing::info!(admin = %caller.user.id, user = %id, ended, "ended a teammate's sign-ins");
    Ok(Json(SignInsEnded { ended }))
}

/// The user `id` of the caller's organisation; another org's user is as unknown as a made-up id.
async fn teammate(conn: &mut sqlx::PgConnection, caller: &Caller, id: Uuid) -> Result<Account, ServerError> {
    users::by_id(conn, id)
        .await?
        .filter(|account| account.org_id == caller.org)
        .ok_or_else(|| DomainError::not_found(Thing::User, id).into())
}

/// Announces the user's record as their row is now, after a change to it in this
/// transaction: read again, under the row's lock, so an admin's change of another of the
/// user's values committed a moment ago goes out with it rather than being undone on the
/// desktops.
async fn announce_as_now(tx: &mut sqlx::PgConnection, org: Uuid, id: Uuid) -> Result<(), ServerError> {
    let account = users::by_id(tx, id).await?.ok_or_else(|| DomainError::not_found(Thing::User, id))?;
    admin::announce_user(tx, org, &account.user).await
}

/// Refuses a change that takes `leaving` out of the org's active admins when no other is left.
async fn keeps_an_admin(conn: &mut sqlx::PgConnection, org: Uuid, leaving: Uuid) -> Result<(), ServerError> {
    let admins = users::lock_active_admins(conn, org).await?;
    if admins.iter().all(|admin| *admin == leaving) {
        return Err(DomainError::LastAdmin.into());
    }
    Ok(())
}

/// The teammate as the list shows them, after a change.
async fn member(state: &AppState, org: Uuid, id: Uuid) -> Result<TeamMember, ServerError> {
    let mut conn = state.pool.acquire().await?;
    let found = users::members(&mut conn, org, Some(id)).await?.into_iter().next();
    found.map(wire).ok_or_else(|| DomainError::not_found(Thing::User, id).into())
}
