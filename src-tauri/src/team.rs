//! Settings › Team: the organisation's people, read from the server (the list is not synced:
//! it says who may sign in, which only the server knows), and what an admin does to them. The
//! server checks the role; the window offers the actions by the user's capabilities.

use serde::Serialize;
use talentdesk_domain::user::Role;
use talentdesk_store::{AppError, SessionProblem};
use talentdesk_sync::client::{Client, ClientError};
use talentdesk_sync::problem::SyncProblem;
use talentdesk_sync::wire::{Invitation, OneTimePassword, TeamMember};
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::state::{AppState, poisoned};

/// The team as the window can have it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum Team {
    Members {
        members: Vec<TeamMember>,
    },
    /// The server did not answer (offline, or failing): the team lives there.
    NotReached {
        problem: SyncProblem,
    },
    /// A local database: no server, no team.
    Local,
}

/// Everyone in the organisation, active or not.
#[tauri::command]
pub async fn team(state: State<'_, AppState>) -> Result<Team, AppError> {
    let Some(server) = server(&state)? else { return Ok(Team::Local) };
    Ok(match server.team().await {
        Ok(members) => Team::Members { members },
        Err(e) => Team::NotReached { problem: SyncProblem::from(&e) },
    })
}

/// Adds a teammate, with their ATS ID (their System ID in iCIMS) if given; the answer's
/// one-time password is shown once, to hand over.
#[tauri::command]
pub async fn invite_teammate(
    state: State<'_, AppState>,
    name: String,
    email: String,
    role: Role,
    ats_id: Option<String>,
) -> Result<OneTimePassword, AppError> {
    signed_in(&state)?.invite(&Invitation { name, email, role, ats_id }).await.map_err(refusal)
}

/// Sets or changes a teammate's ATS ID, or (`null` or empty) takes it away.
#[tauri::command]
pub async fn set_teammate_ats_id(
    state: State<'_, AppState>,
    user: Uuid,
    ats_id: Option<String>,
) -> Result<TeamMember, AppError> {
    signed_in(&state)?.set_ats_id(user, ats_id).await.map_err(refusal)
}

#[tauri::command]
pub async fn set_teammate_role(state: State<'_, AppState>, user: Uuid, role: Role) -> Result<TeamMember, AppError> {
    signed_in(&state)?.set_role(user, role).await.map_err(refusal)
}

/// Deactivates (`false`: their sign-ins end, their records stay) or reactivates a teammate.
#[tauri::command]
pub async fn set_teammate_active(state: State<'_, AppState>, user: Uuid, active: bool) -> Result<TeamMember, AppError> {
    signed_in(&state)?.set_active(user, active).await.map_err(refusal)
}

/// A new one-time password for a teammate; their sign-ins end.
#[tauri::command]
pub async fn reset_teammate_password(state: State<'_, AppState>, user: Uuid) -> Result<OneTimePassword, AppError> {
    signed_in(&state)?.reset_password(user).await.map_err(refusal)
}

/// Ends every sign-in of a teammate; returns how many were live.
#[tauri::command]
pub async fn end_teammate_sign_ins(state: State<'_, AppState>, user: Uuid) -> Result<u32, AppError> {
    let ended = signed_in(&state)?.end_sign_ins(user).await.map_err(refusal)?;
    Ok(u32::try_from(ended).unwrap_or(u32::MAX))
}

/// The session's connection to its server; `None` on a local database.
pub(crate) fn server(state: &State<'_, AppState>) -> Result<Option<Client>, AppError> {
    let open = state.open.read().map_err(|_| poisoned())?;
    let open = open.as_ref().ok_or(AppError::Session(SessionProblem::NotSignedIn))?;
    Ok(open.session.as_ref().map(|session| session.server()))
}

pub(crate) fn signed_in(state: &State<'_, AppState>) -> Result<Client, AppError> {
    server(state)?.ok_or(AppError::Session(SessionProblem::NoServer))
}

/// A rule's refusal in the window's words; anything else keeps the client's English.
pub(crate) fn refusal(error: ClientError) -> AppError {
    match error {
        ClientError::Refused { rule: Some(rule), .. } => AppError::Rule(*rule),
        other => AppError::Storage { message: other.to_string() },
    }
}
