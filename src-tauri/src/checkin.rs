//! The door of an event: the check-in screen's commands — who matches what is typed, what a
//! scanned code belongs to, checking someone in without ever doing it twice, the last
//! check-ins — walk-ins (`walk_in`) and kiosk mode (`kiosk`), where the window belongs to one
//! visitor at a time. Every change is a mutation through the store, so all of it works
//! offline and reaches the server with the next sync. Undo, ratings and notes are plain
//! mutations, through `commands::apply`.

pub mod kiosk;
pub mod walk_in;

use serde::Serialize;
use talentdesk_domain::event::parse_code;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::User;
use talentdesk_store::checkin::{CheckInMatch, CodeLookup};
use talentdesk_store::views::EventMemberRow;
use talentdesk_store::{AppError, Store, StoreError};
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::commands::with_store;
use crate::state::AppState;
use kiosk::Kiosk;

/// How many matches the screen shows as you type.
const MATCHES: usize = 8;
/// How many of the last check-ins the screen shows (and can undo).
const RECENT: u32 = 10;

/// How a check-in went.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[ts(export)]
pub enum CheckIn {
    /// Checked in now.
    CheckedIn { person: CheckInMatch },
    /// Already checked in (when and by whom, in `person`): nothing changed.
    Already { person: CheckInMatch },
}

/// People matching what is typed so far (name, email or phone): the event's registrants
/// first, then everyone else on this computer.
#[tauri::command]
pub async fn check_in_lookup(
    state: State<'_, AppState>,
    kiosk: State<'_, Kiosk>,
    event: Uuid,
    query: String,
) -> Result<Vec<CheckInMatch>, AppError> {
    kiosk.refuse()?;
    with_store(&state, move |store, _| store.check_in_lookup(event, &query, MATCHES)).await
}

/// Whom a scanned (or typed) check-in code belongs to; `None` when the input is no code at
/// all (a name, an email, a phone number), so the screen checks in the highlighted match.
#[tauri::command]
pub async fn check_in_code(
    state: State<'_, AppState>,
    kiosk: State<'_, Kiosk>,
    event: Uuid,
    input: String,
) -> Result<Option<CodeLookup>, AppError> {
    kiosk.refuse()?;
    if parse_code(&input).is_none() {
        return Ok(None);
    }
    with_store(&state, move |store, _| store.check_in_code_lookup(event, &input).map(Some)).await
}

/// Checks the person in at the event now; someone already checked in stays as they were.
#[tauri::command]
pub async fn check_in(
    state: State<'_, AppState>,
    kiosk: State<'_, Kiosk>,
    event: Uuid,
    candidate: Uuid,
) -> Result<CheckIn, AppError> {
    kiosk.refuse()?;
    let outcome = with_store(&state, move |store, user| check_in_once(store, user, event, candidate, false)).await?;
    if matches!(outcome, CheckIn::CheckedIn { .. }) {
        state.changed();
    }
    Ok(outcome)
}

/// The event's last check-ins, newest first, teammates' synced ones too.
#[tauri::command]
pub async fn last_check_ins(
    state: State<'_, AppState>,
    kiosk: State<'_, Kiosk>,
    event: Uuid,
) -> Result<Vec<EventMemberRow>, AppError> {
    kiosk.refuse()?;
    with_store(&state, move |store, _| store.last_check_ins(event, RECENT)).await
}

/// Checks the person in unless they already are: a second check-in would change nothing but
/// the history, and the door wants to hear when and by whom instead. `at` is the desktop's
/// clock, so a check-in synced hours later still says when the person came.
fn check_in_once(
    store: &mut Store,
    user: &User,
    event: Uuid,
    candidate: Uuid,
    kiosk: bool,
) -> Result<CheckIn, StoreError> {
    let person = store.check_in_person(event, candidate)?;
    if person.attended {
        return Ok(CheckIn::Already { person });
    }
    let at = Some(chrono::Utc::now());
    store.apply(user, Mutation::EventCheckIn { event_id: event, candidate_id: candidate, at, kiosk })?;
    Ok(CheckIn::CheckedIn { person: store.check_in_person(event, candidate)? })
}
