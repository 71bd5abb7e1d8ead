//! Settings › About in the real window: the version shown is the package's (what the installed
//! package and the updater go by), with the build's date and commit and the credit for GeoNames'
//! data; and updates from the team's server: a newer version found, downloaded with its progress
//! and its signature checked, a tampered package refused.

use std::path::Path;
use std::process::Command;

use talentdesk_domain::user::Role;
use talentdesk_e2e::{DemoDb, Session, app_binary, err, sign_in, synced, workspace};
use talentdesk_server::config::Config;
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_server::updates::{self, keys};

/// The updater's name for this machine's platform.
const PLATFORM: &str = "linux-x86_64";

/// The version the package is built with: tauri.conf.json's.
fn package_version() -> Result<String, String> {
    let config = std::fs::read_to_string(workspace().join("tauri.conf.json")).map_err(err)?;
    let config: serde_json::Value = serde_json::from_str(&config).map_err(err)?;
    config["version"].as_str().map(str::to_owned).ok_or_else(|| "tauri.conf.json has no version".into())
}

#[test]
fn about_shows_the_package_version_build_date_and_commit() -> Result<(), String> {
    let db = DemoDb::new(10, 1)?;
    let session = Session::start(&["--db", db.arg()?, "--as", &db.summary.admin_email])?;
    // The first page drawn, as a person sees the window before reaching for Settings (CI run 16
    // clicked while it was still filling in, and Settings did not open).
    session.wait_for("the first page", |s| s.text("[data-testid=result-count]"))?;
    session.click("[data-testid=rail-settings]")?;
    let version = session.wait_for("the version in About", |s| s.text("[data-testid=about-version]"))?;
    assert_eq!(version, package_version()?);
    // A date as the locale writes it (with the year), not "unknown": this binary was built here.
    let built = session.text("[data-testid=about-built]")?.unwrap_or_default();
    assert!(built.contains("20"), "the build date: {built:?}");
    // Built in this checkout, so git knew the commit: the one checked out or an earlier one.
    let commit = session.text("[data-testid=about-commit]")?.unwrap_or_default();
    let known = std::process::Command::new("git")
        .args(["cat-file", "-e", &format!("{commit}^{{commit}}")])
        .current_dir(workspace())
        .status()
        .map_err(err)?;
    assert!(known.success(), "{commit:?} is not a commit of this repository");
    // Built without the team's update key (as this test build is), it looks for no updates.
    let updates = session.text("[data-testid=about-updates]")?.unwrap_or_default();
    assert!(updates.contains("built without your team's update key"), "{updates}");
    assert!(session.text("[data-testid=check-for-updates]")?.is_none(), "no Check for updates without a key");
    // The app ships GeoNames' places, which CC BY 4.0 asks to credit.
    let notices = session.text("[data-testid=about-notices]")?.unwrap_or_default();
    assert!(notices.contains("GeoNames") && notices.contains("CC BY 4.0"), "{notices}");
    session.script(SHOW_ABOUT, serde_json::json!([]))?;
    session.screenshot("settings-about")?;
    Ok(())
}

/// The next version after `version`: its patch number plus one.
fn next_version(version: &str) -> Result<String, String> {
    let (rest, patch) = version.rsplit_once('.').ok_or_else(|| format!("{version} is not a version"))?;
    Ok(format!("{rest}.{}", patch.parse::<u64>().map_err(err)? + 1))
}

/// A server whose links (the package's address in an update) name its own address.
fn update_server(runtime: &tokio::runtime::Runtime) -> Result<Instance, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(err)?;
    let listen = listener.local_addr().map_err(err)?;
    drop(listener);
    Ok(runtime.block_on(Instance::start_with(|config| Config {
        listen,
        public_url: format!("http://{listen}"),
        ..config
    })))
}

/// A real Debian package of `version`, as small as one can be: the window test checks and
/// downloads it, never installs it.
fn small_deb(dir: &Path, version: &str) -> Result<Vec<u8>, String> {
    let root = dir.join("package");
    std::fs::create_dir_all(root.join("DEBIAN")).map_err(err)?;
    let control = format!(
        "Package: talentdesk-update-test\nVersion: {version}\nArchitecture: all\nMaintainer: Talentdesk tests <tests@talentdesk.test>\nDescription: a package the update test downloads\n"
    );
    std::fs::write(root.join("DEBIAN/control"), control).map_err(err)?;
    let deb = dir.join("update.deb");
    let built = Command::new("dpkg-deb").args(["--build", "-Zgzip"]).arg(&root).arg(&deb).output().map_err(err)?;
    if !built.status.success() {
        return Err(format!("dpkg-deb: {}", String::from_utf8_lossy(&built.stderr)));
    }
    std::fs::read(&deb).map_err(err)
}

/// The app (`app`) signed in to `server` with updates signed by `public_key`, on Settings.
fn signed_in(app: &Path, server: &Instance, email: &str, public_key: &str, data: &Path) -> Result<Session, String> {
    let data_dir = data.to_str().ok_or("the temporary path is not UTF-8")?;
    let session =
        Session::start_app(app, &[], &[("TALENTDESK_DATA_DIR", data_dir), ("TALENTDESK_UPDATER_PUBKEY", public_key)])?;
    sign_in(&session, &server.url, email, PASSWORD)?;
    synced(&session)?;
    session.click("[data-testid=rail-settings]")?;
    session.wait_for("updates from the server", |s| {
        Ok(s.text("[data-testid=about-updates]")?.filter(|t| t.contains(&server.url)))
    })?;
    Ok(session)
}

fn update_status(session: &Session) -> Result<String, String> {
    Ok(session.text("[data-testid=update-status]")?.unwrap_or_default())
}

/// Check for updates, and wait until the download ends (verified, or refused).
fn check_and_download(session: &Session) -> Result<String, String> {
    session.click("[data-testid=check-for-updates]")?;
    let status = session.wait_for("the download's end", |s| {
        let status = update_status(s)?;
        Ok(Some(status).filter(|t| t.contains("signed with your team's key") || t.contains("not signed")))
    })?;
    session.script(SHOW_ABOUT, serde_json::json!([]))?;
    Ok(status)
}

/// Scrolls Settings down to About, for a screenshot.
const SHOW_ABOUT: &str = "document.querySelector('[data-testid=about-settings]').scrollIntoView({block: 'end'})";

#[test]
fn a_newer_version_on_the_server_is_found_downloaded_and_checked_and_a_tampered_one_refused() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let server = update_server(&runtime)?;
    let admin = runtime.block_on(server.add_user("admin@acme.test", Role::RecruiterAdmin));
    let keys = keys::generate().map_err(err)?;
    let data = tempfile::tempdir().map_err(err)?;
    let session = signed_in(&app_binary()?, &server, &admin.email, &keys.public, data.path())?;
    // Nothing published yet: this is the newest version.
    session.click("[data-testid=check-for-updates]")?;
    let newest = session.wait_for("the answer", |s| Ok(Some(update_status(s)?).filter(|t| t.contains("newest"))))?;
    assert!(newest.contains(&format!("Talentdesk {} is the newest version", package_version()?)), "{newest}");

    let dir = tempfile::tempdir().map_err(err)?;
    let next = next_version(&package_version()?)?;
    let package = small_deb(dir.path(), &next)?;
    let file_name = format!("Talentdesk_{next}_amd64.deb");
    runtime
        .block_on(updates::publish(
            server.pool(),
            &keys.private,
            PLATFORM,
            &next,
            "Faster search",
            &file_name,
            &package,
        ))
        .map_err(err)?;
    // The package changed on the server after it was signed: a server's attacker cannot sign.
    let tamper = "UPDATE desktop_updates SET package = package || '\\x00'::bytea";
    runtime.block_on(sqlx::query(tamper).execute(server.pool())).map_err(err)?;
    let refused = check_and_download(&session)?;
    assert!(refused.contains(&format!("version {next} is not signed with your team's update key")), "{refused}");
    assert!(session.text("[data-testid=restart-to-update]")?.is_none(), "nothing to install");
    session.screenshot("settings-about-update-refused")?;

    // The genuine package back: found, downloaded with its progress, its signature checked.
    let restore = "UPDATE desktop_updates SET package = substring(package from 1 for length(package) - 1)";
    runtime.block_on(sqlx::query(restore).execute(server.pool())).map_err(err)?;
    let ready = check_and_download(&session)?;
    assert!(ready.contains(&format!("Version {next} is downloaded and signed with your team's key")), "{ready}");
    assert!(ready.contains("Faster search"), "the admin's notes: {ready}");
    // This binary runs from the build folder, not from a package: it offers no restart into a
    // package it cannot install (the installed package's test does: test-desktop-package.sh).
    assert!(ready.contains("not installed from a package"), "{ready}");
    session.screenshot("settings-about-update-ready")?;
    Ok(())
}

/// The installed package's version, as dpkg has it.
fn installed_version() -> Result<String, String> {
    let out = Command::new("dpkg-query").args(["-W", "-f=${Version}", "talentdesk"]).output().map_err(err)?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The Talentdesk processes started with `data` as their data folder (the restarted app).
fn apps_on(data: &Path) -> Vec<u32> {
    let wanted = format!("TALENTDESK_DATA_DIR={}", data.display());
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
            let env = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            exe == Path::new("/usr/bin/talentdesk") && env.split(|b| *b == 0).any(|var| var == wanted.as_bytes())
        })
        .collect()
}

/// The installed package of version N (TALENTDESK_APP=/usr/bin/talentdesk) updates itself to
/// the package of version N+1 its server publishes (TALENTDESK_UPDATE_DEB, bundled by
/// scripts/test-desktop-package.sh), installed by Restart to update through the package
/// manager, and starts again. Needs root (it installs), so that script runs it.
#[test]
#[ignore = "installs a package: run by scripts/test-desktop-package.sh"]
fn the_installed_package_updates_itself_on_restart() -> Result<(), String> {
    let deb = std::env::var_os("TALENTDESK_UPDATE_DEB").ok_or("TALENTDESK_UPDATE_DEB names no package")?;
    let package = std::fs::read(&deb).map_err(err)?;
    let current = installed_version()?;
    assert_eq!(current, package_version()?, "the package of this checkout is installed");
    let next = next_version(&current)?;

    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let server = update_server(&runtime)?;
    let admin = runtime.block_on(server.add_user("admin@acme.test", Role::RecruiterAdmin));
    let keys = keys::generate().map_err(err)?;
    let file_name = format!("Talentdesk_{next}_amd64.deb");
    runtime
        .block_on(updates::publish(server.pool(), &keys.private, PLATFORM, &next, "The next one", &file_name, &package))
        .map_err(err)?;

    let data = tempfile::tempdir().map_err(err)?;
    let session = signed_in(&app_binary()?, &server, &admin.email, &keys.public, data.path())?;
    let ready = check_and_download(&session)?;
    assert!(ready.contains("It is installed when Talentdesk restarts"), "{ready}");
    session.screenshot("settings-about-update-restart")?;
    session.click("[data-testid=restart-to-update]")?;

    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while installed_version()? != next {
        if std::time::Instant::now() > deadline {
            let log = std::fs::read_to_string(data.path().join("logs/talentdesk.log")).unwrap_or_default();
            return Err(format!("talentdesk is still {} after 2 minutes; the app's log:\n{log}", installed_version()?));
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    // The app started again, as the new version's binary (the old one's file is gone).
    let restarted = (0..100)
        .find_map(|_| {
            let found = apps_on(data.path());
            std::thread::sleep(std::time::Duration::from_millis(100));
            Some(found).filter(|pids| !pids.is_empty())
        })
        .ok_or("the app did not start again after installing")?;
    for pid in restarted {
        let _ = Command::new("kill").arg(pid.to_string()).status();
    }
    drop(session);
    Ok(())
}
