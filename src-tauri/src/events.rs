//! The Events page's commands: the events with their counts, an event's list by tab and
//! search, its summary, its attendees as a selection for the bulk actions, and files of its
//! list (CSV) and badges (PDF). Changes to events (create, update, archive, register) are
//! mutations, through `commands::apply`.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use talentdesk_badges::{Badge, PaperSize};
use talentdesk_store::export;
use talentdesk_store::search::MAX_PAGE;
use talentdesk_store::views::{
    EventCounts, EventMemberRow, EventMembersPage, EventReport, EventSummary, MemberFilter, MemberQuery,
};
use talentdesk_store::{AppError, Store, StoreError};
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::commands::with_store;
use crate::state::AppState;

/// How many people each tab of an event's page lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EventTabCounts {
    #[ts(type = "number")]
    pub all: u64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub counts: EventCounts,
    #[ts(type = "number")]
    pub follow_up: u64,
}

/// The paper badges are printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BadgePaper {
    A4,
    Letter,
}

impl From<BadgePaper> for PaperSize {
    fn from(paper: BadgePaper) -> Self {
        match paper {
            BadgePaper::A4 => PaperSize::A4,
            BadgePaper::Letter => PaperSize::Letter,
        }
    }
}

/// Every event, archived ones too, with its counts.
#[tauri::command]
pub async fn events(state: State<'_, AppState>) -> Result<Vec<EventSummary>, AppError> {
    with_store(&state, |store, _| store.events()).await
}

/// The counts of the event page's tabs.
#[tauri::command]
pub async fn event_tab_counts(state: State<'_, AppState>, event: Uuid) -> Result<EventTabCounts, AppError> {
    with_store(&state, move |store, _| {
        let count = |which| {
            store.event_members(event, &MemberQuery { which, text: String::new() }, 0, 0).map(|page| page.total)
        };
        Ok(EventTabCounts {
            all: count(MemberFilter::All)?,
            counts: EventCounts {
                registered: count(MemberFilter::Registered)?,
                attended: count(MemberFilter::Attended)?,
                walk_ins: count(MemberFilter::WalkIns)?,
                no_shows: count(MemberFilter::NoShows)?,
            },
            follow_up: count(MemberFilter::FollowUp)?,
        })
    })
    .await
}

/// One page of an event's list, as its tab and search box ask, with how many match in all.
#[tauri::command]
pub async fn event_members(
    state: State<'_, AppState>,
    event: Uuid,
    query: MemberQuery,
    offset: u32,
    limit: u32,
) -> Result<EventMembersPage, AppError> {
    with_store(&state, move |store, _| store.event_members(event, &query, limit, offset)).await
}

/// The event's summary: counts, check-ins over time, ratings, top areas of interest.
#[tauri::command]
pub async fn event_report(state: State<'_, AppState>, event: Uuid) -> Result<EventReport, AppError> {
    with_store(&state, move |store, _| store.event_report(event)).await
}

/// Who came to the event (rated `min_rating` or more by someone, when given): the selection
/// the bulk actions then work on.
#[tauri::command]
pub async fn event_attendee_ids(
    state: State<'_, AppState>,
    event: Uuid,
    min_rating: Option<u8>,
) -> Result<Vec<Uuid>, AppError> {
    with_store(&state, move |store, _| store.event_attendee_ids(event, min_rating)).await
}

/// The organisation's areas of interest.
#[tauri::command]
pub async fn areas_of_interest(state: State<'_, AppState>) -> Result<Vec<String>, AppError> {
    with_store(&state, |store, _| store.areas_of_interest()).await
}

/// Saves the list as `query` filters it as CSV (check-in times, who checked in, ratings) where
/// the user chose; returns how many people it holds.
#[tauri::command]
pub async fn export_event_attendees(
    state: State<'_, AppState>,
    event: Uuid,
    query: MemberQuery,
    path: PathBuf,
) -> Result<u64, AppError> {
    let path = writable(&state, &path)?;
    with_store(&state, move |store, _| store.export_attendees(event, &query, &path)).await
}

/// Saves a PDF of badges (name, employer or school, QR of the check-in code) for everyone on
/// the list as `query` filters it, where the user chose; returns how many badges it holds.
#[tauri::command]
pub async fn event_badges(
    state: State<'_, AppState>,
    event: Uuid,
    query: MemberQuery,
    paper: BadgePaper,
    path: PathBuf,
) -> Result<u64, AppError> {
    let path = writable(&state, &path)?;
    let (name, rows) = with_store(&state, move |store, _| {
        let name = store.events()?.into_iter().find(|s| s.event.id == event).map(|s| s.event.name).unwrap_or_default();
        Ok((name, every_member(store, event, &query)?))
    })
    .await?;
    let badges: Vec<Badge> = rows
        .iter()
        .map(|row| {
            let c = &row.candidate;
            Badge::for_person(&c.name, &c.current_employer, &c.highest_education, &row.code)
        })
        .collect();
    tauri::async_runtime::spawn_blocking(move || {
        let pdf = talentdesk_badges::render_badges(&name, &badges, paper.into()).map_err(failed)?;
        save_whole(&path, &pdf)?;
        Ok(badges.len() as u64)
    })
    .await
    .map_err(failed)?
}

/// Everyone `query` lists at the event, page by page.
fn every_member(store: &Store, event: Uuid, query: &MemberQuery) -> Result<Vec<EventMemberRow>, StoreError> {
    let mut rows = Vec::new();
    loop {
        let page = store.event_members(event, query, MAX_PAGE, rows.len() as u32)?;
        let got = page.rows.len();
        rows.extend(page.rows);
        if got < MAX_PAGE as usize || rows.len() as u64 >= page.total {
            return Ok(rows);
        }
    }
}

/// The path, when the user chose it in the Save dialog or named a new file in the exports
/// folder.
fn writable(state: &State<'_, AppState>, path: &Path) -> Result<PathBuf, AppError> {
    state.granted.writable(path).map_err(failed)
}

/// Writes `bytes` so the file appears only complete: a failure leaves nothing behind, and a
/// file chosen to be replaced is replaced only then.
fn save_whole(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    export::write_whole(path, |mut file| {
        file.write_all(bytes).map_err(|e| StoreError::Export(format!("{}: {e}", path.display())))?;
        Ok(Some(file))
    })
    .map_err(|e| e.to_app_error())?;
    Ok(())
}

fn failed(e: impl std::fmt::Display) -> AppError {
    AppError::Storage { message: e.to_string() }
}
