//! The real window against a real server, with the real keychain (scripts/test.sh runs the
//! window tests in a D-Bus session with gnome-keyring): sign in, the first sync with its
//! progress, pause and continue, a teammate's change arriving on screen, a change made offline
//! reaching the teammate once the server is back, diagnostics copied from Settings, and
//! signing out (which ends the token on the server too).

use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::user::{Role, User};
use talentdesk_e2e::{Session, err, numbers, synced};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_store::Store;
use talentdesk_sync::engine::{Engine, Replica};

/// A teammate's desktop, headless: a replica and its sync engine.
struct Teammate {
    store: Arc<Mutex<Store>>,
    engine: Engine,
    user: User,
    _dir: tempfile::TempDir,
}

impl Teammate {
    async fn sign_in(server: &Instance, user: &User) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("teammate.db");
        let replica = Replica::sign_in(&path, &server.url, &user.email, PASSWORD).await.unwrap();
        replica.engine.first_sync(Arc::new(AtomicBool::new(false)), |_| {}).await.unwrap();
        Self { store: replica.store, engine: replica.engine, user: replica.user, _dir: dir }
    }

    async fn add(&self, first: &str, last: &str) -> uuid::Uuid {
        let id = new_id();
        let profile = Profile { first_name: first.into(), last_name: last.into(), ..Profile::default() };
        let create =
            Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
        self.store.lock().unwrap().apply(&self.user, create).unwrap();
        self.engine.sync_once().await.unwrap();
        id
    }
}

/// Waits for the sign-in page with the server field focused: typing before the page has put
/// the focus there would lose keystrokes to the move.
fn sign_in_ready(session: &Session) -> Result<(), String> {
    let focused = "return document.activeElement?.dataset?.testid === 'sign-in-server'";
    session.wait_for("the sign-in page", |s| Ok(s.script(focused, serde_json::json!([]))?.as_bool().filter(|f| *f)))?;
    Ok(())
}

fn keychain_token(server: &str, email: &str) -> String {
    let found = Command::new("secret-tool")
        .args(["lookup", "service", "Talentdesk", "username", &format!("{email} at {server}")])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    String::from_utf8_lossy(&found.stdout).into_owned()
}

#[test]
fn sign_in_sync_offline_and_back_and_sign_out() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let mut server = runtime.block_on(Instance::start());
    let admin = runtime.block_on(server.add_user("admin@acme.test", Role::RecruiterAdmin));
    let rita = runtime.block_on(server.add_user(&format!("rita+{}@acme.test", std::process::id()), Role::Recruiter));
    let teammate = runtime.block_on(Teammate::sign_in(&server, &admin));
    let ana = runtime.block_on(teammate.add("Ana", "Souza"));
    runtime.block_on(teammate.add("Bea", "Okafor"));
    runtime.block_on(teammate.add("Chen", "Li"));

    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;

    // Signing in: a wrong password is refused plainly, the right one brings the team's data.
    sign_in_ready(&session)?;
    session.screenshot("sync-sign-in")?;
    // A plain http:// server on another machine would see the password: refused up front.
    session.type_into("[data-testid=sign-in-server]", "http://10.0.0.1:8080")?;
    session.type_into("[data-testid=sign-in-email]", &rita.email)?;
    session.type_into("[data-testid=sign-in-password]", PASSWORD)?;
    session.click("[data-testid=sign-in-submit]")?;
    let cleartext = session.wait_for("the cleartext refusal", |s| s.text("[data-testid=sign-in-error]"))?;
    assert!(cleartext.contains("http://") && cleartext.contains("unencrypted"), "{cleartext}");
    session.screenshot("sync-sign-in-cleartext")?;
    session.type_into("[data-testid=sign-in-server]", &server.url)?;
    session.type_into("[data-testid=sign-in-password]", "not the password")?;
    session.click("[data-testid=sign-in-submit]")?;
    let refused = session.wait_for("the refusal", |s| {
        Ok(s.text("[data-testid=sign-in-error]")?.filter(|t| !t.contains("unencrypted")))
    })?;
    assert!(refused.contains("password"), "{refused}");
    session.screenshot("sync-sign-in-refused")?;
    session.type_into("[data-testid=sign-in-password]", PASSWORD)?;
    session.click("[data-testid=sign-in-submit]")?;
    session.wait_for("the team's three candidates", |s| {
        Ok(s.text("[data-testid=result-count]")?.filter(|t| t == "3 results"))
    })?;
    let token = keychain_token(&server.url, &rita.email);
    assert!(!token.is_empty(), "the sign-in is in the OS keychain");
    let on_disk = std::fs::read_to_string(data.path().join("account.json")).map_err(err)?;
    assert!(!on_disk.contains(&token), "and in no file");
    synced(&session)?;
    session.screenshot("sync-signed-in")?;

    // A teammate's new candidate arrives on screen by itself.
    runtime.block_on(teammate.add("Dara", "Novak"));
    session.wait_for("the teammate's candidate", |s| {
        Ok(s.text("[data-testid=result-count]")?.filter(|t| t == "4 results"))
    })?;

    // Offline: opening Ana's profile still records the review, and it waits.
    runtime.block_on(server.stop());
    session.script(
        "[...document.querySelectorAll('[data-testid=results] tbody tr td.name .open')].find(e => e.textContent.includes('Ana')).click()",
        serde_json::json!([]),
    )?;
    session.wait_for("Ana's profile", |s| s.text("[data-testid=profile-page]"))?;
    session.wait_for("the change waiting offline", |s| {
        Ok(s.text("[data-testid=sync-status]")?.filter(|t| t.contains("Offline") || t.contains("waiting")))
    })?;
    session.screenshot("sync-offline")?;

    // Back online: the change reaches the server once, and the teammate sees it.
    runtime.block_on(server.start_again());
    session.wait_for("the synced status again", |s| {
        Ok(s.text("[data-testid=sync-status]")?.filter(|t| t.contains("Synced")))
    })?;
    runtime.block_on(teammate.engine.sync_once()).map_err(err)?;
    let seen = teammate.store.lock().unwrap().profile(&teammate.user, ana).map_err(err)?;
    assert_eq!(seen.candidate.activity, ActivityStatus::Reviewed, "Rita's offline review reached the teammate");

    // Settings' diagnostics: version, connection and the log's lines, without the token or
    // the email (the clipboard, where the window cannot reach it, leaves the text to copy).
    session.click("[data-testid=rail-settings]")?;
    session.click("[data-testid=copy-diagnostics]")?;
    let copied = session.wait_for("the diagnostics", |s| {
        let shown = s.text("[data-testid=diagnostics-text]")?;
        let status = s.text("[data-testid=diagnostics-settings] p[role]")?;
        Ok(status.filter(|t| t.starts_with("Copied")).or(shown))
    })?;
    session.screenshot("settings-diagnostics")?;
    // What was copied is what the command gives (WebDriver waits for the promise).
    let diagnostics =
        session.script("return window.__TAURI_INTERNALS__.invoke('diagnostics');", serde_json::json!([]))?;
    let diagnostics = diagnostics.as_str().map(str::to_owned).ok_or(format!("no diagnostics ({copied})"))?;
    assert!(diagnostics.contains(&format!("signed in to {}", server.url)), "{diagnostics}");
    // The app writes its log from the start: the start and the sign-in are in it.
    let log = diagnostics.split_once("Log (last").map(|(_, log)| log).unwrap_or_default();
    assert!(log.contains("started") && log.contains("signed in to"), "{diagnostics}");
    assert!(!diagnostics.contains(&token) && !diagnostics.contains("rita"), "{diagnostics}");

    // Signing out forgets the token, ends it on the server, and shows the sign-in page again.
    session.click("[data-testid=sync-status]")?;
    session.wait_for("the sync details", |s| s.text("[data-testid=sync-details]"))?;
    session.screenshot("sync-details")?;
    session.click("[data-testid=sign-out]")?;
    session.wait_for("the sign-in page", |s| s.text("[data-testid=sign-in]"))?;
    assert_eq!(keychain_token(&server.url, &rita.email), "", "the token left the keychain");
    let copy = talentdesk_sync::client::Client::with_token(&server.url, &token).map_err(err)?;
    let ended = runtime.block_on(copy.pull(new_id(), "")).unwrap_err();
    assert!(matches!(ended, talentdesk_sync::client::ClientError::SignedOut(_)), "the server ended it: {ended:?}");
    Ok(())
}

#[test]
fn the_first_sync_shows_its_progress_and_pauses_and_continues() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let server = runtime.block_on(Instance::start());
    let options = talentdesk_demo::DemoOptions { candidates: 15_000, seed: 3 };
    let demo = runtime
        .block_on(talentdesk_server::demo::fill_org(server.pool(), "Acme", options, PASSWORD.into(), |_| {}))
        .map_err(err)?;
    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
    talentdesk_e2e::sign_in(&session, &server.url, &demo.recruiter_emails[0], PASSWORD)?;

    // The panel counts the records in; Pause stops it, keeping what came, and Continue goes on.
    session.wait_for("records coming in", |s| {
        Ok(s.text("[data-testid=first-sync-count]")?.filter(|t| t.contains(" of ") && t.contains("records")))
    })?;
    session.screenshot("sync-first-sync")?;
    session.click("[data-testid=first-sync-pause]")?;
    session.wait_for("the pause", |s| s.text("[data-testid=first-sync-resume]"))?;
    session.screenshot("sync-first-sync-paused")?;
    session.click("[data-testid=first-sync-resume]")?;
    // The table opens on the active candidates: nearly all of the 15,000.
    let shown = session.wait_for("the candidates", |s| {
        Ok(s.text("[data-testid=result-count]")?.and_then(|t| numbers(&t).first().copied()))
    })?;
    assert!((14_000..=15_000).contains(&shown), "{shown} candidates shown");

    // An event's documents can be kept on this computer for a fair without a network.
    session.click("[data-testid=rail-events]")?;
    session.wait_for("the offline choice", |s| s.text("[data-testid=keep-offline]"))?;
    session.click("[data-testid=keep-offline] input")?;
    let checked = "return document.querySelector('[data-testid=keep-offline] input').checked";
    session
        .wait_for("the choice to hold", |s| Ok(s.script(checked, serde_json::json!([]))?.as_bool().filter(|c| *c)))?;
    session.screenshot("sync-keep-offline")?;
    Ok(())
}
