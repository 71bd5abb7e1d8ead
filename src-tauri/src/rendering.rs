//! How the window is drawn on Linux. WebKitGTK composites pages through OpenGL by default.
//! Where that GL runs on the CPU (no GPU driver, virtual machines, remote desktops, Xvfb), each
//! results update cost twice the paint time and the webview a third more memory than drawing
//! without compositing (BENCHMARKS.md). Talentdesk's pages are text and tables, which gain
//! nothing from it, so it is off unless `TALENTDESK_GPU_COMPOSITING=1` asks for WebKit's default.

use tauri::{Runtime, WebviewWindow};

/// The variable that keeps WebKit's own choice of compositing.
pub const KEEP_COMPOSITING: &str = "TALENTDESK_GPU_COMPOSITING";

#[cfg(target_os = "linux")]
pub fn configure<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    if std::env::var(KEEP_COMPOSITING).is_ok_and(|v| v == "1") {
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
