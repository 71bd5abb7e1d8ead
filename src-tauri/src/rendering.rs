//! How the window is drawn on Linux. WebKitGTK composites pages through OpenGL by default.
//! Where that GL runs on the CPU (no GPU driver, virtual machines, remote desktops, Xvfb),
//! drawing without compositing halved the paint after each keystroke and saved a third of the
//! webview's memory (BENCHMARKS.md, 2026-12-02). It stays an option, `TALENTDESK_COMPOSITING=off`,
//! not the default: in that mode WebKitGTK 2.50 stopped answering WebDriver's key presses once
//! a full profile opened, so the window tests could not cover it.

use tauri::{Runtime, WebviewWindow};

/// Set to `off` to draw the window without GL compositing.
pub const COMPOSITING: &str = "TALENTDESK_COMPOSITING";

#[cfg(target_os = "linux")]
pub fn configure<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    if std::env::var(COMPOSITING).as_deref() != Ok("off") {
        return Ok(());
    }
    window.with_webview(|webview| {
        if let Some(settings) = WebViewExt::settings(&webview.inner()) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    })
}

#[cfg(not(target_os = "linux"))]
pub fn configure<R: Runtime>(_window: &WebviewWindow<R>) -> tauri::Result<()> {
    Ok(())
}
