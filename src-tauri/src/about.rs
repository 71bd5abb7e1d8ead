//! Settings › About: this build's version, build date and commit.

use talentdesk_session::About;

/// This build's version, build date and commit.
#[tauri::command]
pub fn about(app: tauri::AppHandle) -> About {
    About::new(app.package_info().version.to_string(), env!("TALENTDESK_BUILT_AT"), env!("TALENTDESK_COMMIT"))
}
