//! The desktop's signed-in session: which account, its replica store, its token in the OS
//! keychain, its background sync, and what the user is told about it (events for the window,
//! desktop notifications). Tauri-free, so the app's commands and the tests drive it alike.
//!
//! The token is kept in the keychain only. Where no keychain runs, the session still works
//! and says so ([`Session::keychain_problem`]); it is simply not remembered after the app
//! closes.

mod about;
mod diagnostics;
mod granted;
mod logging;
mod notifier;
mod open_copies;
mod search_upkeep;
pub mod updates;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use talentdesk_domain::user::User;
use talentdesk_keychain::{KeychainError, TokenEntry};
use talentdesk_store::replica::{Account, Changed, Notice, NoticeDetail};
use talentdesk_store::{NewMatches, Store, StoreError};
use talentdesk_sync::client::{Client, ClientError};
use talentdesk_sync::engine::{Engine, FirstSyncProgress, Replica, SharedStore, SyncError, SyncEvent, SyncStatus};
use talentdesk_sync::problem::SyncProblem;
use tokio::sync::{Notify, mpsc, watch};
use ts_rs::TS;

pub use about::About;
pub use diagnostics::{Connection, Diagnostics, LOG_LINES};
pub use granted::{GrantedPaths, NotGranted};
pub use logging::Log;
pub use notifier::Notifier;
pub use open_copies::{OpenCopies, remove_old_copies};
pub use search_upkeep::{SnapshotTimes, keep_search_warm};

/// Sync failing this long earns a desktop notification (once per outage).
const TELL_FAILING_AFTER: Duration = Duration::from_secs(180);
/// A first sync taking longer than this earns a notification when it ends.
const TELL_FIRST_SYNC_AFTER: Duration = Duration::from_secs(20);
/// How long signing out waits for the server to end the token: the user asked to leave, and
/// an unreachable server must not hold them.
const LOGOUT_WAIT: Duration = Duration::from_secs(5);
/// How long sign-out waits for the background sync to stop (a round in flight finishes).
const BACKGROUND_STOP_WAIT: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Server(#[from] ClientError),
    #[error(transparent)]
    Sync(#[from] SyncError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    #[error("the account file {path} cannot be used: {detail}")]
    AccountFile { path: String, detail: String },
}

/// Whether signing out also ended the sign-in on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerSignOut {
    /// The server refuses the token from now on.
    Ended,
    /// The server could not be told (offline, or failing): its token stays valid there.
    NotReached { reason: String },
}

/// Why the sign-in will not be remembered after the app closes: its kind for the window, the
/// keychain's English text for logs and whoever helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct KeychainProblem {
    pub kind: KeychainProblemKind,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KeychainProblemKind {
    /// No keychain service answers (on Linux, no Secret Service running).
    Unavailable,
    /// The keychain is locked or refused access.
    Locked,
    Failed,
}

impl From<&KeychainError> for KeychainProblem {
    fn from(error: &KeychainError) -> Self {
        let kind = match error {
            KeychainError::Unavailable(_) => KeychainProblemKind::Unavailable,
            KeychainError::Locked(_) => KeychainProblemKind::Locked,
            KeychainError::Failed(_) => KeychainProblemKind::Failed,
        };
        KeychainProblem { kind, detail: error.to_string() }
    }
}

/// What the window hears from a session, as it happens.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum SessionEvent {
    Status {
        status: SyncStatus,
    },
    FirstSync {
        progress: FirstSyncProgress,
    },
    /// The first sync stopped: paused by the user (it waits to be continued), or broken off
    /// (it tries again by itself). What came in is kept either way.
    FirstSyncPaused {
        by_user: bool,
        reason: SyncProblem,
    },
    FirstSyncDone {
        records: u64,
    },
    /// Teammates' changes came in: the views showing what they changed read it again.
    DataChanged {
        changed: Changed,
    },
    Notices {
        notices: Vec<Notice>,
    },
}

/// The last account signed in on this machine: its server and email, never its token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct LastAccount {
    server: String,
    email: String,
}

/// Documents' bytes, from this computer or (hash checked) from the server: a teammate's
/// document opens on demand, not only in the lists kept offline.
#[derive(Clone)]
pub struct Documents {
    client: Client,
    store: SharedStore,
}

impl Documents {
    /// The file of the bytes with this hash, downloaded first when they are not here yet.
    pub async fn file(&self, sha256: &str) -> Result<std::path::PathBuf, SessionError> {
        let here = self.store.lock().ok().and_then(|s| s.blob(sha256));
        if let Some(path) = here {
            return Ok(path);
        }
        let bytes = self.client.get_blob(sha256).await?;
        let store = self.store.clone();
        let hash = sha256.to_owned();
        tokio::task::spawn_blocking(move || {
            let store = store.lock().map_err(|_| StoreError::Blob("the store is unavailable".into()))?;
            store.put_blob_checked(&hash, &bytes)?;
            store.blob(&hash).ok_or_else(|| StoreError::Blob(format!("{hash} was not kept")))
        })
        .await
        .map_err(|e| StoreError::Blob(e.to_string()))?
        .map_err(SessionError::from)
    }
}

/// How this process reads resume files (the app's own binary as the isolated reader). It is a
/// property of the program, not of an account, so it is set once at startup; sessions then
/// read the resumes teammates attach, making them searchable here too.
static RESUME_READER: std::sync::OnceLock<talentdesk_sync::engine::ResumeReader> = std::sync::OnceLock::new();

/// Sets how resumes are read (once; later calls change nothing).
pub fn read_resumes_with(reader: talentdesk_sync::engine::ResumeReader) {
    let _ = RESUME_READER.set(reader);
}

pub struct Session {
    pub account: Account,
    pub user: User,
    pub store: SharedStore,
    keychain_problem: Option<KeychainProblem>,
    /// The first sync is done. Until it is, its load holds the store: the window must not wait on it.
    synced: Arc<AtomicBool>,
    nudge: Arc<Notify>,
    cancel_first_sync: Arc<AtomicBool>,
    resume_first_sync: Arc<Notify>,
    stop: watch::Sender<bool>,
    /// The background sync, awaited by sign-out so the store is closed when it returns.
    background: Option<tokio::task::JoinHandle<()>>,
    client: Client,
    /// What the last sync round reported (for diagnostics).
    last_status: LastStatus,
}

type LastStatus = Arc<Mutex<Option<SyncStatus>>>;

impl Session {
    /// Signs in with a password: opens (or creates) this account's store in `data_dir`,
    /// keeps the token in the keychain, and starts syncing in the background.
    pub async fn sign_in(
        data_dir: &Path,
        server: &str,
        email: &str,
        password: &str,
        events: mpsc::UnboundedSender<SessionEvent>,
        notifier: Notifier,
    ) -> Result<Self, SessionError> {
        let server = normalise_server(server);
        let path = store_path_for(data_dir, &server, email.trim());
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| SessionError::AccountFile { path: folder.display().to_string(), detail: e.to_string() })?;
        }
        let replica = Replica::sign_in(&path, &server, email.trim(), password).await?;
        let keychain_problem = TokenEntry::new(&server, &replica.account.email)
            .and_then(|entry| entry.save(&replica.token))
            .err()
            .map(|e| KeychainProblem::from(&e));
        tracing::info!("signed in to {server}");
        remember(data_dir, &LastAccount { server, email: replica.account.email.clone() })?;
        let Replica { store, engine, user, account, .. } = replica;
        Ok(Self::start(account, user, store, engine, keychain_problem, events, notifier))
    }

    /// The session of the last account, when the keychain still holds its token; `None`
    /// means the window asks to sign in.
    pub async fn resume(
        data_dir: &Path,
        events: mpsc::UnboundedSender<SessionEvent>,
        notifier: Notifier,
    ) -> Result<Option<Self>, SessionError> {
        let Some(last) = last_account(data_dir)? else { return Ok(None) };
        let Some(token) = TokenEntry::new(&last.server, &last.email)?.token()? else { return Ok(None) };
        // The store knows the account it replicates; without one there is nothing to resume.
        let path = store_path_for(data_dir, &last.server, &last.email);
        if !path.exists() {
            return Ok(None);
        }
        let probe = Store::open(&path)?;
        let Some(account) = probe.account()? else { return Ok(None) };
        let user = probe.users()?.into_iter().find(|u| u.id == account.user_id);
        let Some(user) = user else { return Ok(None) };
        let client = Client::with_token(&account.server, &token)?;
        let store: SharedStore = Arc::new(Mutex::new(probe));
        let engine = Engine::new(store.clone(), client)?;
        tracing::info!("resumed the sign-in to {}", account.server);
        Ok(Some(Self::start(account, user, store, engine, None, events, notifier)))
    }

    fn start(
        account: Account,
        user: User,
        store: SharedStore,
        engine: Engine,
        keychain_problem: Option<KeychainProblem>,
        events: mpsc::UnboundedSender<SessionEvent>,
        notifier: Notifier,
    ) -> Self {
        let done = store.lock().map(|s| matches!(s.cursor(), Ok(Some(_)))).unwrap_or(false);
        let synced = Arc::new(AtomicBool::new(done));
        let (stop, stopped) = watch::channel(false);
        let cancel_first_sync = Arc::new(AtomicBool::new(false));
        let resume_first_sync = Arc::new(Notify::new());
        let nudge = engine.nudger();
        let client = engine.client();
        let last_status = LastStatus::default();
        let engine = match RESUME_READER.get() {
            Some(reader) => engine.with_resume_reader(reader.clone()),
            None => engine,
        };
        let background = Background {
            engine,
            events,
            notifier,
            cancel: cancel_first_sync.clone(),
            resume: resume_first_sync.clone(),
            synced: synced.clone(),
            last_status: last_status.clone(),
            stopped,
        };
        let background = Some(tokio::spawn(background.run()));
        Self {
            account,
            user,
            store,
            keychain_problem,
            synced,
            nudge,
            cancel_first_sync,
            resume_first_sync,
            stop,
            background,
            client,
            last_status,
        }
    }

    /// What fetches documents' bytes on demand (cloned out, it outlives a lock on the session).
    pub fn documents(&self) -> Documents {
        Documents { client: self.client.clone(), store: self.store.clone() }
    }

    /// The signed-in connection to the server, for calls that are not sync (the team's).
    pub fn server(&self) -> Client {
        self.client.clone()
    }

    /// Why the sign-in will not be remembered after the app closes, if it will not.
    pub fn keychain_problem(&self) -> Option<&KeychainProblem> {
        self.keychain_problem.as_ref()
    }

    /// Whether the first sync is done (before, the store is busy loading it).
    pub fn synced(&self) -> bool {
        self.synced.load(Ordering::Relaxed)
    }

    /// How this session stands, for diagnostics.
    pub fn connection(&self) -> Connection {
        Connection::SignedIn {
            server: self.account.server.clone(),
            synced: self.synced(),
            status: self.last_status.lock().ok().and_then(|s| s.clone()),
        }
    }

    /// Call after every local change: it is pushed at once.
    pub fn changed(&self) {
        self.nudge.notify_one();
    }

    /// Stops the first sync, keeping what was loaded.
    pub fn pause_first_sync(&self) {
        self.cancel_first_sync.store(true, Ordering::Relaxed);
    }

    pub fn resume_first_sync(&self) {
        self.cancel_first_sync.store(false, Ordering::Relaxed);
        self.resume_first_sync.notify_one();
    }

    /// Stops syncing, ends the sign-in on the server, and removes the token from the keychain.
    /// The store stays, so signing in again needs no new first sync.
    ///
    /// Ending the token on the server is best effort: offline, the user is still signed out
    /// here (the token leaves the keychain), and the log says the server's token lives on
    /// until it expires or an admin revokes it.
    pub async fn sign_out(mut self, data_dir: &Path) -> Result<ServerSignOut, SessionError> {
        let _ = self.stop.send(true);
        self.cancel_first_sync.store(true, Ordering::Relaxed);
        self.resume_first_sync.notify_one();
        let on_server = match tokio::time::timeout(LOGOUT_WAIT, self.client.logout()).await {
            Ok(Ok(())) => ServerSignOut::Ended,
            // Revoked or expired already: nothing is left to end.
            Ok(Err(ClientError::SignedOut(_))) => ServerSignOut::Ended,
            Ok(Err(e)) => ServerSignOut::NotReached { reason: e.to_string() },
            Err(_) => ServerSignOut::NotReached { reason: format!("no answer within {} s", LOGOUT_WAIT.as_secs()) },
        };
        match &on_server {
            ServerSignOut::Ended => tracing::info!("signed out; the server ended the sign-in"),
            ServerSignOut::NotReached { reason } => tracing::warn!(
                "signed out on this computer only: the server could not end the sign-in ({reason}); \
                 its token stays valid there until it expires or an admin revokes it"
            ),
        }
        // The background sync lets go of the store before its files are forgotten: a sign-in
        // right after opens the file alone.
        if let Some(task) = self.background.take()
            && tokio::time::timeout(BACKGROUND_STOP_WAIT, task).await.is_err()
        {
            tracing::warn!("sign-out: the background sync did not stop within {} s", BACKGROUND_STOP_WAIT.as_secs());
        }
        TokenEntry::new(&self.account.server, &self.account.email)?.forget()?;
        forget(data_dir)?;
        Ok(on_server)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// The background task of a session: the first sync (paused and resumed on request, retried
/// while offline), then the engine's endless rounds, reporting as it goes.
struct Background {
    engine: Engine,
    events: mpsc::UnboundedSender<SessionEvent>,
    notifier: Notifier,
    cancel: Arc<AtomicBool>,
    resume: Arc<Notify>,
    synced: Arc<AtomicBool>,
    last_status: LastStatus,
    stopped: watch::Receiver<bool>,
}

impl Background {
    async fn run(mut self) {
        if !self.first_sync().await {
            return;
        }
        let (sync_events, mut heard) = mpsc::unbounded_channel();
        let forward = {
            let events = self.events.clone();
            let notifier = self.notifier.clone();
            let last_status = self.last_status.clone();
            tokio::spawn(async move {
                let mut told_failing = false;
                while let Some(event) = heard.recv().await {
                    match event {
                        SyncEvent::Status(status) => {
                            told_failing = tell_failing(&notifier, &status, told_failing);
                            if let Ok(mut last) = last_status.lock() {
                                log_change(last.as_ref(), &status);
                                *last = Some(status.clone());
                            }
                            let _ = events.send(SessionEvent::Status { status });
                        }
                        SyncEvent::Pulled(changed) => {
                            tell_new_matches(&notifier, &changed.new_matches);
                            let _ = events.send(SessionEvent::DataChanged { changed });
                        }
                        SyncEvent::Notices(notices) => {
                            tell_notices(&notifier, &notices);
                            let _ = events.send(SessionEvent::Notices { notices });
                        }
                    }
                }
            })
        };
        self.engine.run(sync_events, self.stopped.clone()).await;
        // The engine dropped its sender: the forwarder ends after passing on the last news.
        let _ = forward.await;
    }

    /// Returns false when the session stopped first.
    async fn first_sync(&mut self) -> bool {
        let started = std::time::Instant::now();
        loop {
            if *self.stopped.borrow() {
                return false;
            }
            let events = self.events.clone();
            let report = move |p: &FirstSyncProgress| {
                let _ = events.send(SessionEvent::FirstSync { progress: p.clone() });
            };
            match self.engine.first_sync(self.cancel.clone(), report).await {
                Ok(records) => {
                    self.synced.store(true, Ordering::Relaxed);
                    if records > 0 {
                        tracing::info!("the first sync brought in {records} records");
                        let _ = self.events.send(SessionEvent::FirstSyncDone { records });
                        if started.elapsed() > TELL_FIRST_SYNC_AFTER {
                            self.notifier.notify(
                                "Talentdesk is ready".into(),
                                format!("The first sync brought in {records} records; search works on all of them."),
                            );
                        }
                    }
                    return true;
                }
                // Retrying will not help: the window asks to sign in again.
                Err(e @ SyncError::Client(ClientError::SignedOut(_))) => {
                    let error = Some(SyncProblem::from(&e));
                    let status = SyncStatus { online: true, signed_out: true, error, ..SyncStatus::default() };
                    let _ = self.events.send(SessionEvent::Status { status });
                    return false;
                }
                Err(e) => {
                    let wait_for_resume = matches!(e, SyncError::Cancelled);
                    let paused =
                        SessionEvent::FirstSyncPaused { by_user: wait_for_resume, reason: SyncProblem::from(&e) };
                    let _ = self.events.send(paused);
                    let resume = self.resume.clone();
                    tokio::select! {
                        _ = self.stopped.changed() => return false,
                        _ = resume.notified(), if wait_for_resume => {}
                        _ = tokio::time::sleep(Duration::from_secs(5)), if !wait_for_resume => {}
                    }
                }
            }
        }
    }
}

/// Logs how sync stands when that changes (not every round: the log would be nothing else).
fn log_change(before: Option<&SyncStatus>, now: &SyncStatus) {
    let same = before.is_some_and(|b| (b.online, b.signed_out, &b.error) == (now.online, now.signed_out, &now.error));
    if same {
        return;
    }
    match &now.error {
        Some(error) if now.signed_out => {
            tracing::warn!("sync stopped: the server no longer accepts this sign-in ({error})")
        }
        Some(error) => tracing::warn!("sync failing ({} change(s) waiting): {error}", now.pending),
        None => tracing::info!("sync is up to date"),
    }
}

/// Notifies once when sync has been failing for a while; returns whether it has told.
fn tell_failing(notifier: &Notifier, status: &SyncStatus, told: bool) -> bool {
    let Some(since) = status.failing_since else { return false };
    let long = (chrono::Utc::now() - since).to_std().is_ok_and(|d| d > TELL_FAILING_AFTER);
    if long && !told {
        notifier.notify(
            "Talentdesk cannot sync".into(),
            format!(
                "{} Your {} change(s) are kept on this computer and will be sent.",
                status.error.as_ref().map_or("The server cannot be reached.", |e| &e.detail),
                status.pending
            ),
        );
        return true;
    }
    told
}

fn tell_notices(notifier: &Notifier, notices: &[Notice]) {
    for notice in notices {
        let (summary, body) = match &notice.detail {
            NoticeDetail::Rejected { reason } => {
                ("A change was not saved".to_owned(), format!("{}: {reason}", notice.name))
            }
            NoticeDetail::Conflicts { conflicts } => (
                "Your change overwrote a teammate's".to_owned(),
                format!("{} field(s) a teammate had changed meanwhile; their value can be put back.", conflicts.len()),
            ),
            NoticeDetail::EventGone(gone) => (gone.headline(), gone.words()),
        };
        notifier.notify(summary, body);
    }
}

/// One notification per watching saved search that heard of new matches in a sync.
fn tell_new_matches(notifier: &Notifier, heard: &[NewMatches]) {
    for news in heard {
        let matches = if news.count == 1 { "new match" } else { "new matches" };
        notifier.notify(
            format!("{} {matches} for {}", news.count, news.name),
            "Open the saved search in Talentdesk to see them.".to_owned(),
        );
    }
}

/// `crm.acme.com` → `https://crm.acme.com`; no trailing slash.
pub fn normalise_server(server: &str) -> String {
    let server = server.trim().trim_end_matches('/');
    if server.contains("://") { server.to_owned() } else { format!("https://{server}") }
}

/// One store per account: another user on the same machine gets a replica of their own.
fn store_path_for(data_dir: &Path, server: &str, email: &str) -> PathBuf {
    let name: String = format!("{}-{}", email.to_lowercase(), server)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '@' || c == '.' { c } else { '_' })
        .collect();
    data_dir.join("accounts").join(format!("{name}.db"))
}

fn account_file(data_dir: &Path) -> PathBuf {
    data_dir.join("account.json")
}

fn remember(data_dir: &Path, last: &LastAccount) -> Result<(), SessionError> {
    let path = account_file(data_dir);
    let error = |e: &dyn std::fmt::Display| SessionError::AccountFile {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let json = serde_json::to_string_pretty(last).map_err(|e| error(&e))?;
    std::fs::write(&path, json).map_err(|e| error(&e))
}

fn last_account(data_dir: &Path) -> Result<Option<LastAccount>, SessionError> {
    let path = account_file(data_dir);
    match std::fs::read_to_string(&path) {
        Ok(json) => serde_json::from_str(&json)
            .map(Some)
            .map_err(|e| SessionError::AccountFile { path: path.display().to_string(), detail: e.to_string() }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SessionError::AccountFile { path: path.display().to_string(), detail: e.to_string() }),
    }
}

fn forget(data_dir: &Path) -> Result<(), SessionError> {
    match std::fs::remove_file(account_file(data_dir)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => {
            Err(SessionError::AccountFile { path: account_file(data_dir).display().to_string(), detail: e.to_string() })
        }
    }
}
