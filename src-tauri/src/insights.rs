//! The search page's Insights: every chart of the search shown, the charts saved as a
//! spreadsheet (one sheet per chart), and one chart saved as the picture the chart library
//! drew, where the user chose.

use std::io::Write;
use std::path::PathBuf;

use talentdesk_domain::search::SearchRequest;
use talentdesk_store::export::write_whole;
use talentdesk_store::search::insights::{Insights, MAX_TOP, TOP};
use talentdesk_store::{AppError, StoreError};
use tauri::State;

use crate::commands::with_store;
use crate::state::AppState;

/// Every chart of `request`, each with its `top` values (10 unless given, at most 50).
#[tauri::command]
pub async fn insights(
    state: State<'_, AppState>,
    request: SearchRequest,
    top: Option<u32>,
) -> Result<Insights, AppError> {
    let top = top.map_or(TOP, |n| n as usize);
    with_store(&state, move |store, _| store.insights(&request, top)).await
}

/// Saves the charts of `request` as XLSX where the user chose (the Save dialog, or a new file
/// in the exports folder), each with up to 50 values; `described` says in words what was
/// searched, for the summary sheet. Returns how many candidates the charts are of.
#[tauri::command]
pub async fn export_insights(
    state: State<'_, AppState>,
    request: SearchRequest,
    described: String,
    path: PathBuf,
) -> Result<u64, AppError> {
    let path = state.granted.writable(&path).map_err(|e| AppError::Storage { message: e.to_string() })?;
    with_store(&state, move |store, _| {
        let insights = store.insights(&request, MAX_TOP)?;
        insights.save_xlsx(&described, &path)?;
        Ok::<_, StoreError>(insights.total)
    })
    .await
}

/// A PNG file starts with these bytes.
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// Saves one chart's picture (PNG bytes, as the window's chart library exports it) where the
/// user chose in the Save dialog, whole or not at all. Refuses bytes that are not a PNG.
#[tauri::command]
pub async fn save_chart_png(state: State<'_, AppState>, path: PathBuf, png: Vec<u8>) -> Result<(), AppError> {
    if !png.starts_with(&PNG_SIGNATURE) {
        return Err(AppError::Storage { message: "the chart's picture is not a PNG image; nothing was saved".into() });
    }
    let path = state.granted.writable(&path).map_err(|e| AppError::Storage { message: e.to_string() })?;
    tauri::async_runtime::spawn_blocking(move || {
        write_whole(&path, |mut file| {
            file.write_all(&png).map_err(|e| StoreError::Export(format!("{}: {e}", path.display())))?;
            Ok(Some(file))
        })
        .map(|_| ())
        .map_err(|e| e.to_app_error())
    })
    .await
    .map_err(|e| AppError::Storage { message: e.to_string() })?
}
