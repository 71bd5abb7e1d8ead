//! Builds the Tauri context and stamps the binary with what Settings › About shows: when it was
//! built and from which commit.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    // The config lives at the repository root so plain `cargo build` and the Tauri CLI share it.
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
        .expect("tauri build script");
    stamp_build_time();
    stamp_commit();
}

/// Seconds since 1970 of the build: SOURCE_DATE_EPOCH when the packager sets it (a reproducible
/// package says when its source is from, not when it happened to be compiled), else now.
fn stamp_build_time() {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let epoch = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => {
            value.trim().parse::<i64>().unwrap_or_else(|_| panic!("SOURCE_DATE_EPOCH={value:?} is not seconds"))
        }
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.as_secs() as i64)
            .unwrap_or(0),
    };
    println!("cargo:rustc-env=TALENTDESK_BUILT_AT={epoch}");
}

/// The commit checked out, from git when this is a checkout with git at hand, else "unknown"
/// (a source tarball). The script runs again when HEAD moves, so the commit (and the build time
/// with it) never goes stale in an incremental build.
fn stamp_commit() {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    let commit = git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=TALENTDESK_COMMIT={commit}");
    if let Some(git_dir) = git(&["rev-parse", "--absolute-git-dir"]).map(PathBuf::from) {
        watch(&git_dir.join("HEAD"));
        // A commit on the branch changes its ref (loose, or in packed-refs after a gc).
        if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
            watch(&git_dir.join(branch));
        }
        watch(&git_dir.join("packed-refs"));
    }
}

fn watch(path: &Path) {
    if path.exists() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}
