//! Desktop updates with the Tauri updater plugin, from the server the user is signed in to
//! (its endpoint is set here at run time, not in tauri.conf.json: every team runs its own).
//! Check, then download (its signature checked against the team's key), then "Restart to
//! update" installs the downloaded package and starts the new version.

use std::sync::Mutex;

use talentdesk_session::updates::{self, DownloadProgress, Downloaded, UpdateFound, UpdateSource};
use talentdesk_store::AppError;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_updater::{Update, UpdaterExt};

use crate::state::{AppState, poisoned};

/// The update found by the last check, and once downloaded, its verified package.
#[derive(Default)]
pub struct Updates {
    found: Mutex<Option<Update>>,
    downloaded: Mutex<Option<(Update, Vec<u8>)>>,
}

/// The public key updates must be signed with: the one the package was built with
/// (`plugins.updater.pubkey` in tauri.conf.json, the admin's updater.pub, set by whoever builds
/// the team's packages: README "Desktop updates"). It is never asked of the server, which is
/// what it guards against. Debug builds (the tests) may be given one in
/// TALENTDESK_UPDATER_PUBKEY; a release build trusts only its own.
fn trusted_key(app: &AppHandle) -> Option<String> {
    #[cfg(debug_assertions)]
    if let Some(key) = std::env::var("TALENTDESK_UPDATER_PUBKEY").ok().filter(|key| !key.trim().is_empty()) {
        return Some(key);
    }
    let config = app.config().plugins.0.get("updater")?;
    config.get("pubkey")?.as_str().filter(|key| !key.trim().is_empty()).map(str::to_owned)
}

/// Where updates come from for this window.
pub fn source(app: &AppHandle, state: &AppState) -> Result<UpdateSource, AppError> {
    if trusted_key(app).is_none() {
        return Ok(UpdateSource::NoKey);
    }
    let open = state.open.read().map_err(|_| poisoned())?;
    Ok(match open.as_ref().and_then(|open| open.account.as_ref()) {
        Some(account) => UpdateSource::Server {
            server: account.server.clone(),
            // The bundler marks the binary it packages; a build folder's copy is unmarked.
            installable: tauri::utils::platform::bundle_type().is_some(),
        },
        None => UpdateSource::NoServer,
    })
}

fn failed(what: &str) -> impl FnOnce(tauri_plugin_updater::Error) -> AppError {
    move |e| AppError::Storage { message: format!("{what}: {e}") }
}

/// Asks the signed-in server whether a newer version is published for this platform.
#[tauri::command]
pub async fn check_for_update(
    app: AppHandle,
    state: State<'_, AppState>,
    updates: State<'_, Updates>,
) -> Result<Option<UpdateFound>, AppError> {
    let (UpdateSource::Server { server, .. }, Some(key)) = (source(&app, &state)?, trusted_key(&app)) else {
        return Err(AppError::Storage { message: "updates come from your team's server: sign in to it first".into() });
    };
    let endpoint = tauri::Url::parse(&updates::endpoint(&server))
        .map_err(|e| AppError::Storage { message: format!("the server address {server} cannot be read: {e}") })?;
    let updater = app
        .updater_builder()
        .pubkey(key)
        .endpoints(vec![endpoint])
        .and_then(|builder| builder.build())
        .map_err(failed("the updater cannot start"))?;
    let update = updater.check().await.map_err(failed("the server could not be asked for updates"))?;
    let found =
        update.as_ref().map(|u| UpdateFound { version: u.version.clone(), notes: u.body.clone().unwrap_or_default() });
    *updates.found.lock().map_err(|_| poisoned())? = update;
    *updates.downloaded.lock().map_err(|_| poisoned())? = None;
    Ok(found)
}

/// Downloads the update the last check found, telling `progress` as it goes, and keeps it only
/// when its signature checks against the team's key.
#[tauri::command]
pub async fn download_update(
    updates: State<'_, Updates>,
    progress: Channel<DownloadProgress>,
) -> Result<Downloaded, AppError> {
    let update = updates.found.lock().map_err(|_| poisoned())?.clone().ok_or_else(|| AppError::Storage {
        message: "there is no update to download: check for updates first".into(),
    })?;
    let mut downloaded = 0u64;
    let bytes = update
        .download(
            |chunk, total| {
                downloaded += chunk as u64;
                let _ = progress.send(DownloadProgress { downloaded, total });
            },
            || {},
        )
        .await;
    match bytes {
        Ok(bytes) => {
            *updates.downloaded.lock().map_err(|_| poisoned())? = Some((update, bytes));
            Ok(Downloaded::Verified)
        }
        // minisign's refusal: the bytes are not what the team's key signed.
        Err(tauri_plugin_updater::Error::Minisign(e)) => {
            tracing::warn!("update {} refused, its signature does not check: {e}", update.version);
            Ok(Downloaded::NotSignedByTeam)
        }
        Err(e) => Err(failed("the update could not be downloaded")(e)),
    }
}

/// Installs the downloaded update (the package manager asks for the right to, where it must)
/// and starts the new version.
#[tauri::command]
pub async fn restart_to_update(app: AppHandle, updates: State<'_, Updates>) -> Result<(), AppError> {
    let (update, bytes) = updates
        .downloaded
        .lock()
        .map_err(|_| poisoned())?
        .take()
        .ok_or_else(|| AppError::Storage { message: "there is no downloaded update: download it first".into() })?;
    tracing::info!("installing the update to {}", update.version);
    tauri::async_runtime::spawn_blocking(move || update.install(bytes))
        .await
        .map_err(|e| AppError::Storage { message: format!("the update's installation stopped: {e}") })?
        .map_err(failed("the update could not be installed"))?;
    tracing::info!("update installed; restarting");
    app.restart()
}
