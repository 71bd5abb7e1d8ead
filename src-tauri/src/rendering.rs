//! How the window is drawn on Linux. WebKitGTK paints pages with Skia on the GPU and
//! composites them through OpenGL by default. Where there is no GPU (virtual machines, remote
//! desktops, Xvfb), Mesa runs that GL on the CPU (llvmpipe), and compositing through it was
//! the largest cost of a keystroke: a third of both cores while results were typed for. There
//! the app draws without GL at all: WebKit's GL renderer off, which since WebKitGTK 2.44 means
//! no accelerated compositing, and Skia painting on the CPU. Measured at a million candidates
//! (BENCHMARKS.md, 2026-12-02, the window drawn without GL): keystroke to results p95 72–107 ms
//! in five runs instead of 122–148, and ~85 MB less memory for WebKit.
//!
//! `TALENTDESK_COMPOSITING=on` or `off` overrides the choice. The window tests set `on`:
//! without compositing, WebKitGTK 2.50's WebDriver never finishes a key press, although real
//! key presses (checked with xdotool) work as they should.

/// `on` or `off` overrides whether the window is composited through GL.
const COMPOSITING: &str = "TALENTDESK_COMPOSITING";

/// WebKit's switch for painting with Skia on the CPU.
const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// WebKit's switch for its GL renderer; without it, nothing is composited.
const NO_GL_RENDERER: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";

/// Sets WebKit's rendering switches for this machine (those set by hand are left as they
/// are) by starting the app again, the same process, with `exec`. Called first thing:
/// WebKit's processes inherit the environment, which can only be changed before threads
/// exist, and then only with `unsafe` code, which this workspace forbids.
#[cfg(target_os = "linux")]
pub fn choose() {
    use std::os::unix::process::CommandExt;
    let gpu = has_gpu();
    let composited = match std::env::var(COMPOSITING).as_deref() {
        Ok("on") => true,
        Ok("off") => false,
        _ => gpu,
    };
    let missing: Vec<(&str, &str)> = [(CPU_PAINTING, !gpu), (NO_GL_RENDERER, !composited)]
        .into_iter()
        .filter(|(name, wanted)| *wanted && std::env::var_os(name).is_none())
        .map(|(name, _)| (name, "1"))
        .collect();
    if missing.is_empty() {
        return;
    }
    let Ok(program) = std::env::current_exe() else { return };
    let error = std::process::Command::new(program).args(std::env::args_os().skip(1)).envs(missing).exec();
    eprintln!("talentdesk: could not restart with WebKit's rendering chosen for this machine ({error})");
}

#[cfg(not(target_os = "linux"))]
pub fn choose() {}

/// Whether the system has a GPU Mesa can render on: a DRM render node.
#[cfg(target_os = "linux")]
fn has_gpu() -> bool {
    std::fs::read_dir("/dev/dri")
        .is_ok_and(|nodes| nodes.flatten().any(|node| node.file_name().to_string_lossy().starts_with("renderD")))
}
