//! The Duplicates page (admins): the whole database's likely duplicates, found once per visit
//! (seconds at a million candidates) and kept here, then read a page at a time.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use talentdesk_domain::permission::{self, Capability};
use talentdesk_store::duplicates::{DuplicateGroup, DuplicateScan};
use talentdesk_store::{AppError, StoreError};
use tauri::State;
use uuid::Uuid;

use crate::commands::with_reader;
use crate::state::AppState;

/// The groups the last scan found, strongest first.
#[derive(Default)]
pub struct Found(Mutex<Arc<Vec<DuplicateGroup>>>);

/// Looks for duplicates across the whole local database, as only admins may (they merge);
/// numbers without a country code are read in the organisation's default phone country.
#[tauri::command]
pub async fn find_duplicates(state: State<'_, AppState>, found: State<'_, Found>) -> Result<DuplicateScan, AppError> {
    let duplicates = with_reader(&state, |store, user| {
        permission::authorize(user, Capability::MergeCandidates).map_err(StoreError::from)?;
        store.find_duplicates(store.phone_calling_code()?)
    })
    .await?;
    let scan = duplicates.scan();
    *found.0.lock().map_err(|_| crate::state::poisoned())? = Arc::new(duplicates.groups);
    Ok(scan)
}

/// `limit` groups of the last scan from `offset`, leaving out the groups in `skip` (each a
/// group's member ids, said to be no duplicates).
#[tauri::command]
pub fn duplicate_groups(
    found: State<'_, Found>,
    offset: u32,
    limit: u32,
    skip: Vec<Vec<Uuid>>,
) -> Result<Vec<DuplicateGroup>, AppError> {
    let groups = found.0.lock().map_err(|_| crate::state::poisoned())?.clone();
    Ok(page(&groups, offset as usize, limit as usize, &skip))
}

fn page(groups: &[DuplicateGroup], offset: usize, limit: usize, skip: &[Vec<Uuid>]) -> Vec<DuplicateGroup> {
    let skipped: HashSet<Vec<Uuid>> = skip
        .iter()
        .map(|ids| {
            let mut ids = ids.clone();
            ids.sort();
            ids
        })
        .collect();
    let touched: HashSet<Uuid> = skipped.iter().flatten().copied().collect();
    groups
        .iter()
        .filter(|g| !g.members.iter().any(|m| touched.contains(&m.id)) || !skipped.contains(&g.ids()))
        .skip(offset)
        .take(limit)
        .cloned()
        .collect()
}
