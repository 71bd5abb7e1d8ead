//! The files the user gives the app: chosen in the system's Open and Save dialogs, which the
//! backend opens itself, or dropped on the window, which the backend hears from the window
//! system. Both are recorded in [`GrantedPaths`](talentdesk_session::GrantedPaths); commands
//! that read or write files accept only those, so a script in the webview can name no other.

use std::path::PathBuf;

use talentdesk_store::AppError;
use tauri::{AppHandle, DragDropEvent, Manager, Runtime, State};
use tauri_plugin_dialog::{DialogExt, FilePath};
use tokio::sync::oneshot;

use crate::state::AppState;

/// Records the files of a drop on the window: the event comes from the window system, never
/// from the webview.
pub fn dropped<R: Runtime>(app: &AppHandle<R>, event: &DragDropEvent) {
    if let DragDropEvent::Drop { paths, .. } = event
        && let Some(state) = app.try_state::<AppState>()
    {
        state.granted.allow_read(paths.iter().cloned());
    }
}

fn path_of(chosen: FilePath) -> Result<PathBuf, AppError> {
    chosen.into_path().map_err(|e| AppError::Storage { message: format!("the chosen file cannot be used: {e}") })
}

fn closed<T>(_: T) -> AppError {
    AppError::Storage { message: "the file dialog closed unexpectedly".into() }
}

/// The system's Open dialog: the files chosen (none when cancelled), granted for reading.
/// `extensions`, when given, narrows the dialog to those kinds of file.
#[tauri::command]
pub async fn choose_files(
    app: AppHandle,
    state: State<'_, AppState>,
    title: String,
    multiple: bool,
    extensions: Option<Vec<String>>,
) -> Result<Vec<String>, AppError> {
    let mut dialog = app.dialog().file().set_title(title);
    if let Some(extensions) = &extensions {
        let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
        dialog = dialog.add_filter("Documents", &extensions);
    }
    let (answer, chosen) = oneshot::channel();
    if multiple {
        dialog.pick_files(move |files| {
            let _ = answer.send(files.unwrap_or_default());
        });
    } else {
        dialog.pick_file(move |file| {
            let _ = answer.send(file.into_iter().collect());
        });
    }
    let paths = chosen.await.map_err(closed)?.into_iter().map(path_of).collect::<Result<Vec<_>, _>>()?;
    state.granted.allow_read(paths.iter().cloned());
    Ok(paths.iter().map(|p| p.display().to_string()).collect())
}

/// The system's dialog for choosing a folder: the folder chosen (none when cancelled), granted
/// for reading as a folder dropped on the window is (a queue of resumes then reads the files
/// it finds there, and only those).
#[tauri::command]
pub async fn choose_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    title: String,
) -> Result<Option<String>, AppError> {
    let (answer, chosen) = oneshot::channel();
    app.dialog().file().set_title(title).pick_folder(move |folder| {
        let _ = answer.send(folder);
    });
    let Some(path) = chosen.await.map_err(closed)?.map(path_of).transpose()? else { return Ok(None) };
    state.granted.allow_read([path.clone()]);
    Ok(Some(path.display().to_string()))
}

/// The system's Save dialog, starting at `suggested` (a folder and a name): the file chosen
/// (none when cancelled), granted for writing.
#[tauri::command]
pub async fn choose_save_path(
    app: AppHandle,
    state: State<'_, AppState>,
    title: String,
    suggested: String,
    extension: Option<String>,
) -> Result<Option<String>, AppError> {
    let suggested = PathBuf::from(suggested);
    let mut dialog = app.dialog().file().set_title(title);
    if let Some(folder) = suggested.parent().filter(|f| f.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    if let Some(name) = suggested.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    if let Some(extension) = &extension {
        dialog = dialog.add_filter(extension.to_uppercase(), &[extension.as_str()]);
    }
    let (answer, chosen) = oneshot::channel();
    dialog.save_file(move |file| {
        let _ = answer.send(file);
    });
    let Some(path) = chosen.await.map_err(closed)?.map(path_of).transpose()? else { return Ok(None) };
    state.granted.allow_write(&path);
    Ok(Some(path.display().to_string()))
}
