//! Settings › About in the real window: the version shown is the package's (what the installed
//! package and the updater go by), with the build's date and commit.

use talentdesk_e2e::{DemoDb, Session, err, workspace};

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
    session.script("document.querySelector('[data-testid=about-settings]').scrollIntoView()", serde_json::json!([]))?;
    session.screenshot("settings-about")?;
    Ok(())
}
