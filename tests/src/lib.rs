//! Driving the real Talentdesk window over WebDriver: starts `tauri-driver` (which starts
//! WebKitWebDriver and the app), and offers the few WebDriver calls the tests need.
//!
//! One session at a time (tauri-driver's limit); the session and the driver are always torn
//! down, also when a test fails.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub mod axe;
pub mod file_dialog;
pub mod keyboard;
pub mod notifications;
pub mod xdnd;

use base64::Engine;
use serde_json::{Value, json};
use talentdesk_domain::user::User;
use talentdesk_store::Store;

pub type Result<T> = std::result::Result<T, String>;

/// Any error as the tests report it.
pub fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// A demo database in a temporary folder, removed when this drops.
pub struct DemoDb {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub summary: talentdesk_demo::DemoSummary,
}

impl DemoDb {
    pub fn new(candidates: u64, seed: u64) -> Result<Self> {
        let dir = tempfile::tempdir().map_err(err)?;
        let path = dir.path().join("demo.db");
        let mut store = Store::open(&path).map_err(err)?;
        let options = talentdesk_demo::DemoOptions { candidates, seed };
        let summary = talentdesk_demo::fill_store(&mut store, &options, |_| {}).map_err(err)?;
        Ok(Self { _dir: dir, path, summary })
    }

    /// The store, opened beside the app (SQLite's WAL lets both read and write).
    pub fn open(&self) -> Result<Store> {
        Store::open(&self.path).map_err(err)
    }

    /// The path as the app's `--db` argument.
    pub fn arg(&self) -> Result<&str> {
        self.path.to_str().ok_or_else(|| "the temporary path is not UTF-8".into())
    }
}

/// The demo's admin.
pub fn admin(store: &Store) -> Result<User> {
    store.users().map_err(err)?.into_iter().find(|u| u.role.is_admin()).ok_or_else(|| "no admin".into())
}

/// Opens the Events page and, from its list, the event's own page.
pub fn open_event(session: &Session, event: uuid::Uuid) -> Result<()> {
    session.click("[data-testid=rail-events]")?;
    let entry = format!("[data-testid=events-page] button[data-id=\"{event}\"]");
    session.wait_for("the event in the list", |s| s.text(&entry))?;
    session.click(&entry)?;
    session.wait_for("the event's page", |s| s.text("[data-testid=event-header]"))?;
    Ok(())
}

/// From the candidates page, opens the job's page from the Jobs list.
pub fn open_job(session: &Session, job: &talentdesk_domain::job::Job) -> Result<()> {
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
    session.click("[data-testid=rail-jobs]")?;
    let entry = format!("[data-testid=jobs-page] button[data-id=\"{}\"]", job.id);
    session.wait_for("the job in the list", |s| s.text(&entry))?;
    session.click(&entry)?;
    session.wait_for("its page", |s| Ok(s.text("[data-testid=job-name]")?.filter(|t| *t == job.title)))?;
    Ok(())
}

/// Signs the window in to `server` from the sign-in page. Waits for the page to put the focus
/// in the server field first: typing before that move would lose keystrokes to it.
pub fn sign_in(session: &Session, server: &str, email: &str, password: &str) -> Result<()> {
    let focused = "return document.activeElement?.dataset?.testid === 'sign-in-server'";
    session.wait_for("the sign-in page", |s| Ok(s.script(focused, json!([]))?.as_bool().filter(|f| *f)))?;
    let fields = [
        ("[data-testid=sign-in-server]", server),
        ("[data-testid=sign-in-email]", email),
        ("[data-testid=sign-in-password]", password),
    ];
    for (css, text) in fields {
        session.type_into(css, text)?;
    }
    // On a machine's very first window start the keys of one field have once gone to another
    // (CI run 29: the password's last word at the start of the server field): each field is
    // read back and typed again while it does not hold what was typed.
    for (css, text) in fields {
        let value = |s: &Session| s.script(&format!("return document.querySelector('{css}').value"), json!([]));
        for _ in 0..2 {
            if value(session)?.as_str() == Some(text) {
                break;
            }
            session.type_into(css, text)?;
        }
    }
    session.click("[data-testid=sign-in-submit]")
}

/// Waits for the sync status to say the window is synced with its server.
pub fn synced(session: &Session) -> Result<()> {
    session
        .wait_for("the synced status", |s| Ok(s.text("[data-testid=sync-status]")?.filter(|t| t.contains("Synced"))))
        .map(|_| ())
}

/// Signs the window out from the sync status's details.
pub fn sign_out(session: &Session) -> Result<()> {
    session.click("[data-testid=sync-status]")?;
    session.wait_for("the sync details", |s| s.text("[data-testid=sync-details]"))?;
    session.click("[data-testid=sign-out]")
}

/// Invites a teammate from Settings › Team (open) with `role` (the role picker's value);
/// returns the one-time password the card then shows.
pub fn invite(session: &Session, name: &str, email: &str, role: &str) -> Result<String> {
    session.type_into("[data-testid=team-invite-name]", name)?;
    session.type_into("[data-testid=team-invite-email]", email)?;
    session.select("[data-testid=team-invite-role]", role)?;
    session.click("[data-testid=team-invite-send]")?;
    let value = "return document.querySelector('[data-testid=one-time-password-value]')?.value ?? null;";
    session.wait_for("the one-time password", |s| {
        Ok(s.script(value, json!([]))?.as_str().filter(|p| !p.is_empty()).map(str::to_owned))
    })
}

/// Finds the candidate by their email on the search page and opens their profile from the
/// results (which records the review).
pub fn open_profile(session: &Session, id: uuid::Uuid, email: &str) -> Result<()> {
    session.wait_for("the results", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| !t.is_empty())))?;
    session.type_into("[data-testid=search-input]", &format!("\"{email}\""))?;
    let name_link = format!("[data-testid=results] tr[data-id=\"{id}\"] td.name .open");
    // The whole address finds exactly this candidate (shorter states may briefly show others).
    session.wait_for("the candidate", |s| {
        let one = s.text("[data-testid=result-count]")?.is_some_and(|t| t == "1 result");
        Ok(s.text(&name_link)?.filter(|_| one))
    })?;
    session.click(&name_link)?;
    session.wait_for("the profile", |s| s.text("[data-testid=profile-status]")).map(|_| ())
}

/// Picks `action` from the full profile's Actions menu.
pub fn pick_action(session: &Session, action: &str) -> Result<()> {
    let list = "[data-testid=profile-page] [data-testid=profile-actions-list]";
    session.click("[data-testid=profile-page] [data-testid=profile-actions]")?;
    session.wait_for("the menu", |s| s.text(list))?;
    session.click(&format!("{list} [data-testid=action-{action}]"))
}

/// Ticks `tag` in the Manage Tags dialog's list (its box, as a click would).
pub fn tick_tag(session: &Session, tag: &str) -> Result<()> {
    session.script(
        "[...document.querySelectorAll('[data-testid=tags-list] label')].find(l => l.innerText.trim().startsWith(arguments[0])).querySelector('input').click()",
        json!([tag]),
    )?;
    Ok(())
}

/// Waits for the Undo offer of the action whose outcome reads `done` ("Moved in the
/// pipeline"): an earlier action's offer stays up for ten seconds, and taking it would undo
/// the wrong thing.
pub fn undo_offer(session: &Session, done: &str) -> Result<String> {
    session.wait_for(&format!("the offer to undo \"{done}\""), |s| {
        Ok(s.text("[data-testid=undo-toast]")?.filter(|t| t.contains(done)))
    })
}

/// The number in a text, whatever the locale's digit grouping ("29,700", "29.700", "29700").
pub fn number(text: &str) -> Option<u64> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Each number in a text, in order ("29,700 results · 12 inactive hidden": 29700, 12).
pub fn numbers(text: &str) -> Vec<u64> {
    text.split_whitespace().filter_map(number).collect()
}

/// `css` says `n` first (the result count may go on to say how many inactive it hides).
pub fn shows_count(session: &Session, css: &str, n: u64) -> Result<String> {
    session.wait_for(&format!("{n} in {css}"), |s| Ok(s.text(css)?.filter(|t| numbers(t).first() == Some(&n))))
}

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// The built app: `TALENTDESK_APP`, or the debug binary in `target/`.
pub fn app_binary() -> Result<PathBuf> {
    let path = std::env::var_os("TALENTDESK_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target/debug/talentdesk"));
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "the app is not built at {}; run `cargo build -p talentdesk-app` (scripts/test.sh does)",
            path.display()
        ))
    }
}

fn tauri_driver() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return Ok(PathBuf::from(p));
    }
    // CARGO_HOME first: the keychain's test session gives HOME a throwaway folder.
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default().join(".cargo"));
    let candidates = [cargo_home.join("bin/tauri-driver"), PathBuf::from("/usr/local/bin/tauri-driver")];
    candidates.into_iter().find(|p| p.is_file()).ok_or_else(|| {
        "tauri-driver is not installed; run `cargo install tauri-driver --locked` (scripts/test.sh does)".into()
    })
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// WebDriver's codes for the keys that are not characters.
pub mod keys {
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const ARROW_DOWN: &str = "\u{E015}";
    pub const ARROW_UP: &str = "\u{E013}";
    pub const ARROW_LEFT: &str = "\u{E012}";
    pub const ARROW_RIGHT: &str = "\u{E014}";
    pub const TAB: &str = "\u{E004}";
    pub const SPACE: &str = "\u{E00D}";
    pub const SHIFT: &str = "\u{E008}";
    pub const CONTROL: &str = "\u{E009}";
    pub const ALT: &str = "\u{E00A}";
    pub const HOME: &str = "\u{E011}";
    pub const END: &str = "\u{E010}";
}

/// The key WebDriver names an element by, in an action's origin.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// WebDriver's answers to a click on an element that a moment later takes it.
const MOMENTARY: [&str; 3] = ["element not interactable", "element click intercepted", "stale element reference"];

/// A running tauri-driver with one WebDriver session on the app.
pub struct Session {
    driver: Child,
    base: String,
    id: String,
}

impl Session {
    /// Starts the driver and the app with `args`.
    pub fn start(args: &[&str]) -> Result<Self> {
        Self::start_with_env(args, &[])
    }

    /// Starts the driver and the app with `args`, and `env` set for the app.
    pub fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> Result<Self> {
        Self::start_app(&app_binary()?, args, env)
    }

    /// Starts the driver and the app binary `app` (`talentdesk-cli bench app` drives a
    /// release build) with `args`, and `env` set for the app.
    pub fn start_app(app: &Path, args: &[&str], env: &[(&str, &str)]) -> Result<Self> {
        if std::env::var_os("DISPLAY").is_none() {
            return Err("no DISPLAY: run the end-to-end tests under Xvfb (scripts/test.sh uses xvfb-run)".into());
        }
        // A free port can be taken by a test running beside this one before the driver binds
        // it: then the driver stops at once, and it starts again on other ports.
        let mut attempt = 0;
        let mut session = loop {
            attempt += 1;
            let (port, native) = (free_port()?, free_port()?);
            let driver = Command::new(tauri_driver()?)
                .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
                // Composited even without a GPU: without compositing, WebKitGTK's WebDriver
                // never finishes a key press (src-tauri/src/rendering.rs).
                .env("TALENTDESK_COMPOSITING", "on")
                // English, whatever the machine's locale, unless a test asks for another.
                .env("TALENTDESK_LOCALE", "en")
                .envs(env.iter().copied())
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                // Its own process group, so teardown also reaches the WebKitWebDriver and the
                // app it starts: an orphaned driver would keep the test's output pipe open.
                .process_group(0)
                .spawn()
                .map_err(|e| format!("cannot start tauri-driver: {e}"))?;
            let base = format!("http://127.0.0.1:{port}");
            let mut session = Session { driver, base, id: String::new() };
            match session.wait_for_driver() {
                Ok(()) => break session,
                Err(e) if attempt >= 3 => return Err(e),
                Err(_) => drop(session),
            }
        };
        let capabilities = json!({ "capabilities": { "alwaysMatch": { "tauri:options": {
            "application": app.display().to_string(),
            "args": args,
        } } } });
        let reply = session.post("/session", &capabilities)?;
        session.id = reply["value"]["sessionId"].as_str().ok_or(format!("no session id in {reply}"))?.to_owned();
        Ok(session)
    }

    /// Waits for the driver to answer; gives up early when it has already stopped.
    fn wait_for_driver(&mut self) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if ureq::get(&format!("{}/status", self.base)).call().is_ok() {
                return Ok(());
            }
            if let Ok(Some(status)) = self.driver.try_wait() {
                return Err(format!("tauri-driver stopped ({status})"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err("tauri-driver did not start within 20 s".into())
    }

    fn post(&self, path: &str, body: &Value) -> Result<Value> {
        match ureq::post(&format!("{}{path}", self.base)).send_json(body.clone()) {
            Ok(r) => r.into_json().map_err(|e| e.to_string()),
            Err(ureq::Error::Status(code, r)) => {
                Err(format!("POST {path}: {code} {}", r.into_string().unwrap_or_default()))
            }
            Err(e) => Err(format!("POST {path}: {e}")),
        }
    }

    fn get(&self, path: &str) -> Result<Value> {
        match ureq::get(&format!("{}{path}", self.base)).call() {
            Ok(r) => r.into_json().map_err(|e| e.to_string()),
            Err(ureq::Error::Status(code, r)) => {
                Err(format!("GET {path}: {code} {}", r.into_string().unwrap_or_default()))
            }
            Err(e) => Err(format!("GET {path}: {e}")),
        }
    }

    /// Runs `script` in the page and returns its value.
    pub fn script(&self, script: &str, args: Value) -> Result<Value> {
        let reply =
            self.post(&format!("/session/{}/execute/sync", self.id), &json!({ "script": script, "args": args }))?;
        Ok(reply["value"].clone())
    }

    /// The text of the first element matching `css`, if there is one.
    pub fn text(&self, css: &str) -> Result<Option<String>> {
        let value = self
            .script("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", json!([css]))?;
        Ok(value.as_str().map(str::to_owned))
    }

    /// The text of every element matching `css`, trimmed, in document order.
    pub fn texts(&self, css: &str) -> Result<Vec<String>> {
        let value = self.script(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim());",
            json!([css]),
        )?;
        Ok(value
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
            .unwrap_or_default())
    }

    /// The attribute `name` of the first element matching `css`, if both are there.
    pub fn attribute(&self, css: &str, name: &str) -> Result<Option<String>> {
        let value = self.script(
            "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
            json!([css, name]),
        )?;
        Ok(value.as_str().map(str::to_owned))
    }

    /// Waits until `check` returns Some, or fails naming `what` (and saves a screenshot of
    /// the window as it was, `tests/artifacts/timeout.png`).
    pub fn wait_for<T>(&self, what: &str, mut check: impl FnMut(&Self) -> Result<Option<T>>) -> Result<T> {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut last = Ok(None);
        while Instant::now() < deadline {
            last = check(self);
            if let Ok(Some(v)) = last {
                return Ok(v);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let shot = self.screenshot("timeout").map(|p| p.display().to_string()).unwrap_or_default();
        Err(format!("timed out waiting for {what} (last: {:?}); the window then: {shot}", last.map(|v| v.is_some())))
    }

    /// The WebDriver id of the first element matching `css`, waiting a moment for it as a person
    /// waits for a button to show: a part rendered after a store read or a refresh is not there
    /// the instant the click before it returns. Fails naming `css`, with a screenshot
    /// (`tests/artifacts/no-element.png`).
    fn element(&self, css: &str) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found =
                self.post(&format!("/session/{}/element", self.id), &json!({ "using": "css selector", "value": css }));
            let id =
                found.as_ref().ok().and_then(|f| f["value"].as_object()?.values().next()?.as_str().map(str::to_owned));
            match (id, found) {
                (Some(id), _) => return Ok(id),
                (None, found) if Instant::now() >= deadline => {
                    let shot = self.screenshot("no-element").map(|p| p.display().to_string()).unwrap_or_default();
                    let why = found.err().unwrap_or_default();
                    return Err(format!("no element {css} within 10 s ({why}); the window then: {shot}"));
                }
                _ => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }

    /// Clicks the first element matching `css`, as a user would (WebDriver element click).
    /// Covered for a moment (a dialog fading out over it) or drawn again since it was found,
    /// it is clicked again for up to 10 s, as a person waits for it. A failed click names the
    /// element and saves the window as it was (`tests/artifacts/click-failed.png`).
    pub fn click(&self, css: &str) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let element = self.element(css)?;
            let clicked = self.post(&format!("/session/{}/element/{element}/click", self.id), &json!({}));
            match clicked {
                Ok(_) => return Ok(()),
                Err(e) if Instant::now() < deadline && MOMENTARY.iter().any(|m| e.contains(m)) => {
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => {
                    let shot = self.screenshot("click-failed").map(|p| p.display().to_string()).unwrap_or_default();
                    return Err(format!("clicking {css}: {e}; the window then: {shot}"));
                }
            }
        }
    }

    /// Chooses the option with `value` in the `<select>` matching `css`, as a user would: the
    /// page sees the same change event.
    pub fn select(&self, css: &str, value: &str) -> Result<()> {
        let done = self.script(
            "const s = document.querySelector(arguments[0]); if (!s) return false; s.value = arguments[1]; \
             s.dispatchEvent(new Event('change', { bubbles: true })); return s.value === arguments[1];",
            json!([css, value]),
        )?;
        if done.as_bool() == Some(true) { Ok(()) } else { Err(format!("no option {value:?} in {css}")) }
    }

    /// Presses and releases one key (a character, or a WebDriver key code such as
    /// `keys::ENTER`) on whatever has focus.
    pub fn press(&self, key: &str) -> Result<()> {
        let actions = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": [
            { "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }
        ] }] });
        self.post(&format!("/session/{}/actions", self.id), &actions)?;
        Ok(())
    }

    /// Presses keys together and lets them go in reverse order, e.g. `[keys::SHIFT, keys::TAB]`
    /// for Shift+Tab or `[keys::CONTROL, "="]`, on whatever has focus.
    pub fn chord(&self, chord: &[&str]) -> Result<()> {
        let down = chord.iter().map(|k| json!({ "type": "keyDown", "value": k }));
        let up = chord.iter().rev().map(|k| json!({ "type": "keyUp", "value": k }));
        let actions =
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": down.chain(up).collect::<Vec<_>>() }] });
        self.post(&format!("/session/{}/actions", self.id), &actions)?;
        Ok(())
    }

    /// Drags the first element matching `from` onto the first matching `to` with the mouse,
    /// in steps as a hand would: the page sees a pointer press, moves and a release.
    pub fn drag(&self, from: &str, to: &str) -> Result<()> {
        let (from, to) = (self.element(from)?, self.element(to)?);
        let actions = json!({ "actions": [{ "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" }, "actions": [
            { "type": "pointerMove", "origin": { ELEMENT: from }, "x": 0, "y": 0 },
            { "type": "pointerDown", "button": 0 },
            { "type": "pointerMove", "origin": "pointer", "x": 12, "y": 12, "duration": 60 },
            { "type": "pointerMove", "origin": { ELEMENT: to }, "x": 0, "y": 0, "duration": 200 },
            { "type": "pointerUp", "button": 0 },
        ] }] });
        self.post(&format!("/session/{}/actions", self.id), &actions)?;
        Ok(())
    }

    /// Drags the first element matching `css` by (`dx`, `dy`) pixels with the mouse, in steps.
    pub fn drag_by(&self, css: &str, dx: i64, dy: i64) -> Result<()> {
        let element = self.element(css)?;
        let actions = json!({ "actions": [{ "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" }, "actions": [
            { "type": "pointerMove", "origin": { ELEMENT: element }, "x": 0, "y": 0 },
            { "type": "pointerDown", "button": 0 },
            { "type": "pointerMove", "origin": "pointer", "x": dx / 2, "y": dy / 2, "duration": 80 },
            { "type": "pointerMove", "origin": "pointer", "x": dx - dx / 2, "y": dy - dy / 2, "duration": 80 },
            { "type": "pointerUp", "button": 0 },
        ] }] });
        self.post(&format!("/session/{}/actions", self.id), &actions)?;
        Ok(())
    }

    /// Clicks the first element matching `css` while holding `key` (e.g. `keys::CONTROL`).
    pub fn click_with(&self, key: &str, css: &str) -> Result<()> {
        let element = self.element(css)?;
        let actions = json!({ "actions": [
            { "type": "key", "id": "keyboard", "actions": [
                { "type": "keyDown", "value": key }, { "type": "pause" }, { "type": "pause" }, { "type": "pause" },
                { "type": "keyUp", "value": key },
            ] },
            { "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" }, "actions": [
                { "type": "pause" }, { "type": "pointerMove", "origin": { ELEMENT: element }, "x": 0, "y": 0 },
                { "type": "pointerDown", "button": 0 }, { "type": "pointerUp", "button": 0 }, { "type": "pause" },
            ] },
        ] });
        self.post(&format!("/session/{}/actions", self.id), &actions)?;
        Ok(())
    }

    /// Sets the window's outer size, in pixels.
    pub fn resize(&self, width: u32, height: u32) -> Result<()> {
        self.post(&format!("/session/{}/window/rect", self.id), &json!({ "width": width, "height": height }))?;
        Ok(())
    }

    /// Puts `words` in the search box at once, as a paste would (typed key by key, the states
    /// in between would be searched too; WebDriver's typing may also click the box). Waits for
    /// the box first: after a sign-in the search page mounts a moment after the sync status
    /// says "Synced" (CI run 31).
    pub fn paste_search(&self, words: &str) -> Result<()> {
        let paste = "const box = document.querySelector('[data-testid=search-input]');
             if (!box) return false;
             box.value = arguments[0]; box.dispatchEvent(new Event('input', { bubbles: true }));
             return true;";
        self.wait_for("the search box", |s| Ok(s.script(paste, json!([words]))?.as_bool().filter(|pasted| *pasted)))
            .map(|_| ())
    }

    /// Types into the element matching `css` (replacing its value).
    pub fn type_into(&self, css: &str, text: &str) -> Result<()> {
        let element = self.element(css)?;
        self.post(&format!("/session/{}/element/{element}/clear", self.id), &json!({}))?;
        self.post(&format!("/session/{}/element/{element}/value", self.id), &json!({ "text": text }))?;
        Ok(())
    }

    /// Saves a PNG of the window into `tests/artifacts/NAME.png` (after two animation frames,
    /// so the picture shows the latest state) and returns its path.
    pub fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let settle = json!({ "script": "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));", "args": [] });
        self.post(&format!("/session/{}/execute/async", self.id), &settle)?;
        let png = self.get(&format!("/session/{}/screenshot", self.id))?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png["value"].as_str().ok_or("no screenshot data")?)
            .map_err(|e| e.to_string())?;
        let dir = workspace().join("tests/artifacts");
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
        Ok(path)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !self.id.is_empty() {
            let _ = ureq::delete(&format!("{}/session/{}", self.base, self.id)).call();
        }
        // kill(1) rather than libc: the workspace forbids unsafe code.
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.driver.wait();
    }
}
