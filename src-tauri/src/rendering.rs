//! How the window is drawn on Linux. WebKitGTK paints pages with Skia on the GPU and
//! composites them through OpenGL by default. Where there is no GPU (virtual machines, remote
//! desktops, Xvfb), Mesa runs that GL on the CPU (llvmpipe), and painting through it costs more
//! than painting on the CPU directly: there the app has WebKit paint on the CPU, compositing
//! still on (BENCHMARKS.md, 2026-12-02 afternoon, runs alternated with the GL build: the first
//! page ~0.1 s sooner on average and ~55 MB less for WebKit; keystrokes no faster).
//!
//! Drawing without compositing at all is an option, `TALENTDESK_COMPOSITING=off`, not the
//! default: in that mode WebKitGTK 2.50 stopped answering WebDriver's key presses once a full
//! profile opened, so the window tests could not cover it.

use tauri::{Runtime, WebviewWindow};

/// Set to `off` to draw the window without GL compositing.
pub const COMPOSITING: &str = "TALENTDESK_COMPOSITING";

/// WebKit's switch for painting with Skia on the CPU; set by hand, it is left as it is.
const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Without a GPU, starts the app again (the same process, with `exec`) with WebKit told to
/// paint on the CPU. Called first thing: WebKit's processes inherit the environment, which can
/// only be changed before threads exist, and then only with `unsafe` code, which this
/// workspace forbids.
#[cfg(target_os = "linux")]
pub fn paint_on_cpu_without_gpu() {
    use std::os::unix::process::CommandExt;
    if std::env::var_os(CPU_PAINTING).is_some() || has_gpu() {
        return;
    }
    let Ok(program) = std::env::current_exe() else { return };
    let error = std::process::Command::new(program).args(std::env::args_os().skip(1)).env(CPU_PAINTING, "1").exec();
    eprintln!("talentdesk: could not restart to paint on the CPU ({error}); painting through GL instead");
}

#[cfg(not(target_os = "linux"))]
pub fn paint_on_cpu_without_gpu() {}

/// Whether the system has a GPU Mesa can render on: a DRM render node.
#[cfg(target_os = "linux")]
fn has_gpu() -> bool {
    std::fs::read_dir("/dev/dri")
        .is_ok_and(|nodes| nodes.flatten().any(|node| node.file_name().to_string_lossy().starts_with("renderD")))
}

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
