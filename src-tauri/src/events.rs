//! The Events page's commands: the events with their counts, an event's list.
//! Changes to events (create, update, archive, register) go through `commands::apply`.

use talentdesk_store::AppError;
use talentdesk_store::views::{EventMemberRow, EventSummary};
use tauri::State;
use uuid::Uuid;

use crate::commands::with_store;
use crate::state::AppState;

/// Every event with its registrant and attendee counts.
#[tauri::command]
pub async fn events(state: State<'_, AppState>) -> Result<Vec<EventSummary>, AppError> {
    with_store(&state, |store, _| store.events()).await
}

/// One page of an event's list: attendees first, then registrants.
#[tauri::command]
pub async fn event_members(
    state: State<'_, AppState>,
    event: Uuid,
    offset: u32,
    limit: u32,
) -> Result<Vec<EventMemberRow>, AppError> {
    with_store(&state, move |store, _| store.event_members(event, limit, offset)).await
}
