//! The sync engine: keeps a replica store and the server in step (DESIGN.md section 3).
//!
//! A round pushes every waiting mutation (in order, in batches) and then pulls until up to
//! date; the store rebases what is still waiting. [`Engine::run`] repeats rounds in the
//! background: at once after a local change, when the live stream announces a newer version,
//! every [`POLL_EVERY`] without it, and with growing pauses while the server is unreachable.
//! Nothing here holds the store longer than one page of work, so the window never waits on
//! the network.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use talentdesk_domain::Timestamp;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_store::replica::{
    Account, Changed, EventWork, Incoming, Notice, NoticeDetail, PushIdentity, ServerChange,
};
use talentdesk_store::{OutboxEntry, Store, StoreError};
use tokio::sync::{Notify, watch};
use ts_rs::TS;
use uuid::Uuid;

use crate::client::{Client, ClientError};
use crate::problem::SyncProblem;
use crate::wire::{PushOutcome, PushResponse, PushedMutation, SnapshotRecord};

/// The store, shared between the window's commands and the engine.
pub type SharedStore = Arc<Mutex<Store>>;

/// Mutations sent in one push.
const PUSH_BATCH: u32 = 500;
/// How often to pull when the live stream is unavailable.
pub const POLL_EVERY: Duration = Duration::from_secs(30);
/// The longest pause between attempts while the server is unreachable.
const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// Snapshot records between progress reports.
const PROGRESS_EVERY: u64 = 5_000;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the first sync was stopped; it continues where it stopped next time")]
    Cancelled,
    /// The server lacks mutations this client no longer holds (its database was restored
    /// from a backup, say). [`Engine::sync_once`] starts over when it sees this; it surfaces
    /// only when the server is behind even the replica that started over.
    #[error(
        "the server expects this client's change {expected} again, but it was confirmed earlier and is no longer kept here"
    )]
    ServerBehind { expected: i64 },
    /// A document's bytes could not be uploaded now (the server's document store is down):
    /// the document and every change after it wait, in order, while the round pushed what came
    /// before and pulled as usual. `round` is what it did.
    #[error("{error}")]
    Held { error: ClientError, round: Box<Round> },
}

impl SyncError {
    /// Whether trying again later, unchanged, may succeed.
    pub fn is_temporary(&self) -> bool {
        match self {
            SyncError::Client(e) | SyncError::Held { error: e, .. } => e.is_temporary(),
            _ => false,
        }
    }
}

/// How far the first sync is.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FirstSyncProgress {
    pub phase: FirstSyncPhase,
    /// Records loaded, including those of earlier interrupted runs.
    #[ts(type = "number")]
    pub loaded: u64,
    #[ts(type = "number")]
    pub total: u64,
    #[ts(type = "number")]
    pub elapsed_ms: u64,
    /// Estimated from this run's pace; `None` until there is one.
    #[ts(type = "number | null")]
    pub remaining_ms: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FirstSyncPhase {
    Downloading,
    /// Building the indexes and the keyword index after the last record.
    Indexing,
}

/// What one round did.
#[derive(Debug, Clone, Default)]
pub struct Round {
    pub pushed: usize,
    pub pulled: usize,
    /// What the pulled records (and the rebase of what still waits) changed here.
    pub changed: Changed,
    /// Rejections and conflicts the server reported for this client's mutations, and events
    /// this user worked at that were archived or deleted meanwhile.
    pub notices: Vec<Notice>,
    /// This round loaded the server's data again, because the server went back in time.
    pub started_over: Option<StartedOver>,
}

/// The server's database went back in time (restored from a backup): this replica forgot what
/// it had pulled, loaded the server's data again and sent the changes made here that were
/// still waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StartedOver {
    pub at: Timestamp,
    /// Changes made here that were kept and sent after the load.
    #[ts(type = "number")]
    pub kept: u64,
}

/// The English words of the status (the window has them in the user's language).
impl std::fmt::Display for StartedOver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("The server was restored from a backup; this computer loaded its data again.")?;
        match self.kept {
            0 => Ok(()),
            1 => f.write_str(" 1 change made here was kept and sent."),
            n => write!(f, " {n} changes made here were kept and sent."),
        }
    }
}

/// What the status bar shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SyncStatus {
    pub online: bool,
    /// The server no longer accepts this sign-in: sign in again.
    pub signed_out: bool,
    #[ts(type = "number")]
    pub pending: u64,
    pub last_sync_at: Option<Timestamp>,
    /// Since when rounds fail, while they do.
    pub failing_since: Option<Timestamp>,
    /// The last failure: its kind for the window, its English text for logs.
    pub error: Option<SyncProblem>,
    /// When this replica last loaded the server's data again (since the app started).
    pub started_over: Option<StartedOver>,
}

/// Something the user should hear about from a background round.
#[derive(Debug, Clone)]
pub enum SyncEvent {
    Status(SyncStatus),
    Notices(Vec<Notice>),
    /// A round brought in changed records: the views showing what they changed are stale.
    Pulled(Changed),
}

/// A new replica: the store at a path, signed in and bound to the account (its first sync not
/// run yet).
pub struct Replica {
    pub store: SharedStore,
    pub engine: Engine,
    pub user: talentdesk_domain::user::User,
    pub account: Account,
    /// For the keychain, never a file.
    pub token: String,
}

impl Replica {
    pub async fn sign_in(path: &Path, server: &str, email: &str, password: &str) -> Result<Self, SyncError> {
        let mut store = Store::open(path)?;
        let (client, login) = Client::login(server, email, password).await?;
        let account = Account {
            server: server.to_owned(),
            org_id: login.org_id,
            user_id: login.user.id,
            email: login.user.email.clone(),
        };
        store.bind(&account, &login.user)?;
        let store = Arc::new(Mutex::new(store));
        let engine = Engine::new(store.clone(), client)?;
        Ok(Self { store, engine, user: login.user, account, token: login.token })
    }
}

/// Reads a resume file's text (the app runs its isolated reader; see talentdesk_resume). With
/// one, the engine reads the resumes teammates attach, so they are searchable here too.
pub type ResumeReader = Arc<dyn Fn(&[u8]) -> Option<String> + Send + Sync>;

/// Teammates' resumes read per round (each is a download and a child process).
const RESUMES_PER_ROUND: usize = 50;

pub struct Engine {
    store: SharedStore,
    client: Client,
    /// Woken by the app after each local change: push it now.
    nudge: Arc<Notify>,
    resume_reader: Option<ResumeReader>,
    /// Resumes may have arrived without their text (set at start and by pulls that brought
    /// changes): the next round looks.
    check_resumes: AtomicBool,
    /// Changes per pull page; the server's default when `None`.
    pull_page: Option<u32>,
    /// The last start over, for the status.
    started_over: Mutex<Option<StartedOver>>,
}

impl Engine {
    pub fn new(store: SharedStore, client: Client) -> Result<Self, SyncError> {
        Ok(Self {
            store,
            client,
            nudge: Arc::new(Notify::new()),
            resume_reader: None,
            check_resumes: AtomicBool::new(true),
            pull_page: None,
            started_over: Mutex::new(None),
        })
    }

    /// Pulls at most `changes` per page. Small pages put page ends between records that refer
    /// to each other, which the convergence test wants to happen often.
    pub fn with_pull_page(mut self, changes: u32) -> Self {
        self.pull_page = Some(changes);
        self
    }

    /// The connection to the server (for work outside the sync rounds, such as a document's
    /// bytes wanted now).
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// Reads teammates' resumes with `reader` after each pull that brought changes.
    pub fn with_resume_reader(mut self, reader: ResumeReader) -> Self {
        self.resume_reader = Some(reader);
        self
    }

    /// Call after a local change so the background loop pushes it without waiting.
    pub fn nudger(&self) -> Arc<Notify> {
        self.nudge.clone()
    }

    /// Runs `work` on the store on a blocking thread.
    async fn with_store<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, SyncError> {
        let store = self.store.clone();
        let joined = tokio::task::spawn_blocking(move || work(&mut lock(&store))).await;
        Ok(joined.map_err(|e| StoreError::Corrupt(format!("a store task failed: {e}")))??)
    }

    /// Loads the server's snapshot into the (new) store, resuming an interrupted load.
    /// `cancel` stops it at the next record, keeping what was loaded. Returns the records
    /// loaded by this run; 0 when the first sync was done already.
    pub async fn first_sync(
        &self,
        cancel: Arc<AtomicBool>,
        mut progress: impl FnMut(&FirstSyncProgress) + Send + 'static,
    ) -> Result<u64, SyncError> {
        if self.with_store(|s| s.cursor()).await?.is_some() {
            return Ok(0);
        }
        let after = self.with_store(|s| s.snapshot_resume_after()).await?;
        let parse = |r: SnapshotRecord| Incoming::parse(r.kind, &r.id, r.data.get());
        let mut reader = self.client.snapshot_prepared(&after, parse).await?;
        let store = self.store.clone();
        let load = move || -> Result<(u64, Option<Uuid>), SyncError> {
            let mut store = lock(&store);
            let mut load = store.snapshot_load()?;
            let header = reader.header()?;
            let history = header.history;
            load.begin(header.version);
            let before = load.loaded_before();
            let total = before + header.total;
            let started = Instant::now();
            let report = |phase, loaded: u64| {
                let elapsed = started.elapsed();
                let done_here = loaded - before;
                let remaining_ms = (done_here > 0 && phase == FirstSyncPhase::Downloading).then(|| {
                    let per_record = elapsed.as_secs_f64() / done_here as f64;
                    (per_record * (total - loaded) as f64 * 1000.0) as u64
                });
                FirstSyncProgress { phase, loaded, total, elapsed_ms: elapsed.as_millis() as u64, remaining_ms }
            };
            progress(&report(FirstSyncPhase::Downloading, before));
            let mut loaded = before;
            for record in &mut reader {
                if cancel.load(Ordering::Relaxed) {
                    load.checkpoint()?;
                    progress(&report(FirstSyncPhase::Downloading, loaded));
                    return Err(SyncError::Cancelled);
                }
                match record {
                    Ok(parsed) => load.add(parsed?)?,
                    Err(e) => {
                        // Keep what arrived: the next run downloads only the rest.
                        load.checkpoint()?;
                        return Err(e.into());
                    }
                }
                loaded += 1;
                if loaded % PROGRESS_EVERY == 0 {
                    progress(&report(FirstSyncPhase::Downloading, loaded));
                }
            }
            progress(&report(FirstSyncPhase::Indexing, loaded));
            load.finish(|_| {})?;
            Ok((loaded - before, history))
        };
        let (loaded, history) = tokio::task::spawn_blocking(load)
            .await
            .map_err(|e| StoreError::Corrupt(format!("the first sync's task failed: {e}")))??;
        if let Some(history) = history {
            // The store starts pulls at the snapshot's version; on a server restored from a
            // backup, versions count in a history of their own, which the cursor names.
            self.with_store(move |s| {
                let version = s.cursor()?.unwrap_or_default();
                s.apply_pull(&[], &format!("{history}:{version}"), 0, false)
            })
            .await?;
        }
        Ok(loaded)
    }

    /// Pushes everything waiting, then pulls until up to date (rebasing what still waits), and
    /// tells of events archived or deleted under the user's check-ins. When the server went
    /// back in time, starts over (see [`Engine::start_over`]).
    pub async fn sync_once(&self) -> Result<Round, SyncError> {
        match self.round().await {
            Err(SyncError::Client(ClientError::ResyncNeeded(_)) | SyncError::ServerBehind { .. }) => {
                self.start_over().await
            }
            other => other,
        }
    }

    /// Loads the server's data again, keeping what waits to be sent, and sends it. Two signs
    /// that the server's database went back in time lead here: a pull cursor from a later time
    /// than the server's (410 `resync_needed`), and a push that finds the server lacking
    /// mutations it accepted from this replica before. Either way this replica holds records
    /// the server no longer has, which no pull would take away.
    async fn start_over(&self) -> Result<Round, SyncError> {
        let kept = self.with_store(|s| s.start_over()).await?;
        let started_over = StartedOver { at: chrono::Utc::now(), kept };
        *lock(&self.started_over) = Some(started_over);
        // The resumes' text went with the records; their bytes stayed, so reading is local.
        self.check_resumes.store(true, Ordering::Relaxed);
        let loaded = self.first_sync(Arc::new(AtomicBool::new(false)), |_| {}).await?;
        let mut round = self.round().await?;
        round.pulled += loaded as usize;
        round.changed = Changed::everything();
        round.started_over = Some(started_over);
        Ok(round)
    }

    /// One round: the first sync when not done yet, then pushes and pulls.
    async fn round(&self) -> Result<Round, SyncError> {
        if self.with_store(|s| s.cursor()).await?.is_none() {
            self.first_sync(Arc::new(AtomicBool::new(false)), |_| {}).await?;
        }
        let mut round = Round::default();
        let mut work = self.with_store(|s| s.event_work()).await?;
        let held = self.push_all(&mut round, &mut work).await?;
        self.pull_all(&mut round).await?;
        round.notices.extend(self.with_store(move |s| s.tell_events_gone(work)).await?);
        if let Some(error) = held {
            return Err(SyncError::Held { error, round: Box::new(round) });
        }
        self.fetch_offline_documents().await?;
        if round.pulled > 0 {
            self.check_resumes.store(true, Ordering::Relaxed);
        }
        if self.check_resumes.swap(false, Ordering::Relaxed)
            && let Err(e) = self.read_resumes().await
        {
            self.check_resumes.store(true, Ordering::Relaxed);
            return Err(e);
        }
        Ok(round)
    }

    /// Uploads the bytes of documents attached here before the mutations that refer to them:
    /// a teammate who pulls a document can then download it. Returns how many of `batch` may
    /// go now: all, or those before the first document whose bytes the server cannot take now
    /// (its document store is down), with that refusal.
    async fn upload_documents(&self, batch: &[OutboxEntry]) -> Result<(usize, Option<ClientError>), SyncError> {
        for (index, entry) in batch.iter().enumerate() {
            let Mutation::DocumentAttach { document } = &entry.mutation else { continue };
            let sha256 = document.sha256.clone();
            let local = self.with_store(move |s| Ok(s.blob(&sha256))).await?;
            // Without the bytes here (attached elsewhere, or cleared), the record syncs alone.
            if let Some(path) = local {
                let bytes =
                    tokio::fs::read(&path).await.map_err(|e| StoreError::Blob(format!("{}: {e}", path.display())))?;
                match self.client.put_blob(&document.sha256, bytes).await {
                    Ok(()) => {}
                    Err(e @ ClientError::Unavailable(_)) => return Ok((index, Some(e))),
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok((batch.len(), None))
    }

    /// Downloads the resumes that arrived without their text, reads them, and keeps the text
    /// (an unreadable one keeps an empty text, so it is not tried again).
    async fn read_resumes(&self) -> Result<(), SyncError> {
        let Some(reader) = self.resume_reader.clone() else { return Ok(()) };
        for (candidate, sha256) in self.with_store(|s| s.resumes_to_read(RESUMES_PER_ROUND)).await? {
            let hash = sha256.clone();
            let bytes = match self.with_store(move |s| Ok(s.blob(&hash))).await? {
                Some(path) => {
                    tokio::fs::read(&path).await.map_err(|e| StoreError::Blob(format!("{}: {e}", path.display())))?
                }
                None => match self.client.get_blob(&sha256).await {
                    Ok(bytes) => bytes,
                    // Its uploader has not sent it yet: a later pull tries again.
                    Err(ClientError::Refused { status: 404, .. }) => continue,
                    Err(e) => return Err(e.into()),
                },
            };
            let reader = reader.clone();
            let (bytes, text) = tokio::task::spawn_blocking(move || {
                let text = reader(&bytes).unwrap_or_default();
                (bytes, text)
            })
            .await
            .map_err(|e| SyncError::Store(StoreError::Blob(e.to_string())))?;
            self.with_store(move |s| {
                s.put_blob_checked(&sha256, &bytes)?;
                s.set_resume_text(candidate, Some(&text))
            })
            .await?;
        }
        Ok(())
    }

    /// Downloads the documents of the lists kept offline that are not here yet.
    async fn fetch_offline_documents(&self) -> Result<(), SyncError> {
        for sha256 in self.with_store(|s| s.missing_blobs()).await? {
            let bytes = match self.client.get_blob(&sha256).await {
                Ok(bytes) => bytes,
                // Its uploader has not sent it yet: the next round tries again.
                Err(ClientError::Refused { status: 404, .. }) => continue,
                Err(e) => return Err(e.into()),
            };
            self.with_store(move |s| s.put_blob_checked(&sha256, &bytes)).await?;
        }
        Ok(())
    }

    /// Pushes everything waiting, counting into `work` what it sends to events. Returns why
    /// the rest waits, when a document's bytes could not be uploaded now.
    async fn push_all(&self, round: &mut Round, work: &mut EventWork) -> Result<Option<ClientError>, SyncError> {
        loop {
            let who = self.with_store(|s| s.push_identity()).await?;
            let mut batch = self.with_store(|s| s.pending(PUSH_BATCH)).await?;
            let (ready, held) = self.upload_documents(&batch).await?;
            batch.truncate(ready);
            let Some(first) = batch.first().map(|e| e.seq) else { return Ok(held) };
            work.count(&batch);
            let mutations = batch
                .iter()
                .map(|e| PushedMutation {
                    seq: who.wire(e.seq),
                    mutation: e.mutation.clone().into(),
                    created_at: e.created_at,
                    digest: Some(e.digest.clone()),
                })
                .collect();
            match self.client.push(who.client_id, mutations).await {
                Ok(answer) => {
                    let notices = notices(&batch, &answer, who);
                    round.pushed += batch.len();
                    round.notices.extend(notices.iter().cloned());
                    let last_seq = who.local(answer.last_seq);
                    self.with_store(move |s| s.acknowledge(last_seq, &notices)).await?;
                    if held.is_some() {
                        return Ok(held);
                    }
                }
                // The server took some of these already (its answer was lost on the way).
                Err(ClientError::SequenceGap { expected }) if who.local(expected) > first => {
                    let taken = who.local(expected) - 1;
                    self.with_store(move |s| s.acknowledge(taken, &[])).await?;
                }
                Err(ClientError::SequenceGap { expected }) => return Err(SyncError::ServerBehind { expected }),
                // A copy of this replica took this number: ours before it were taken, the rest
                // go out under a new client id.
                Err(ClientError::ClientReused { seq }) => {
                    let taken = who.local(seq) - 1;
                    self.with_store(move |s| s.restart_client(taken)).await?;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    async fn pull_all(&self, round: &mut Round) -> Result<(), SyncError> {
        loop {
            let who = self.with_store(|s| s.push_identity()).await?;
            let cursor = self.with_store(|s| s.cursor()).await?.unwrap_or_default();
            let page = self.client.pull_at_most(who.client_id, &cursor, self.pull_page).await?;
            round.pulled += page.changes.len();
            let more = page.more;
            let changed = self
                .with_store(move |s| {
                    let mut last_seq = who.local(page.last_seq);
                    if s.client_id_shared(last_seq, page.last_digest.as_deref())? {
                        // What the server took under this id is not (all) ours: drop nothing, and
                        // push what waits under a new id.
                        let first_waiting = s.pending(1)?.first().map_or(last_seq, |e| e.seq);
                        last_seq = s.restart_client(first_waiting - 1)?.seq_base;
                    }
                    let changes: Vec<ServerChange<'_>> = page
                        .changes
                        .iter()
                        .map(|c| ServerChange { kind: c.kind, id: &c.id, data: c.data.as_deref().map(|d| d.get()) })
                        .collect();
                    s.apply_pull(&changes, &page.cursor, last_seq, !page.more)
                })
                .await?;
            round.changed.merge(changed);
            if !more {
                return Ok(());
            }
        }
    }

    /// The current status, from the store and the last round's result.
    async fn status(&self, failure: Option<(&SyncError, Timestamp)>) -> Result<SyncStatus, SyncError> {
        let (pending, last_sync_at) = self.with_store(|s| Ok((s.pending_count()?, s.last_sync_at()?))).await?;
        Ok(SyncStatus {
            online: failure.is_none_or(|(e, _)| !e.is_temporary()),
            signed_out: matches!(failure, Some((SyncError::Client(ClientError::SignedOut(_)), _))),
            pending,
            last_sync_at,
            failing_since: failure.map(|(_, since)| since),
            error: failure.map(|(e, _)| SyncProblem::from(e)),
            started_over: *lock(&self.started_over),
        })
    }

    /// Syncs in the background until `stop` turns true or the sign-in is refused, reporting
    /// to `events` after every round.
    pub async fn run(&self, events: tokio::sync::mpsc::UnboundedSender<SyncEvent>, mut stop: watch::Receiver<bool>) {
        let mut backoff = Duration::ZERO;
        let mut failing_since = None;
        while !*stop.borrow() {
            let result = self.sync_once().await;
            let failure = result.as_ref().err().map(|e| (e, *failing_since.get_or_insert_with(chrono::Utc::now)));
            match self.status(failure).await {
                Ok(status) => {
                    let _ = events.send(SyncEvent::Status(status));
                }
                // The next round tries again.
                Err(e) => tracing::warn!("sync: cannot read the status: {e}"),
            }
            let mut online = true;
            match result {
                Ok(round) => {
                    backoff = Duration::ZERO;
                    failing_since = None;
                    tell(&events, round);
                }
                Err(SyncError::Client(ClientError::SignedOut(_))) => return,
                held_or_failed => {
                    if let Err(SyncError::Held { round, .. }) = held_or_failed {
                        tell(&events, *round);
                    }
                    online = false;
                    backoff = (backoff * 2).clamp(Duration::from_secs(1), MAX_BACKOFF);
                }
            }
            let known = self.with_store(|s| s.cursor()).await.ok().flatten().map_or(0, |c| cursor_version(&c));
            let live = async {
                if !online || self.client.next_version(known).await.is_err() {
                    // No live stream: wait for the poll (or the backoff) instead.
                    std::future::pending::<()>().await;
                }
            };
            let pause = if online { POLL_EVERY } else { backoff };
            tokio::select! {
                _ = stop.changed() => {}
                _ = self.nudge.notified() => {}
                _ = live => {}
                _ = tokio::time::sleep(pause) => {}
            }
        }
    }
}

/// Tells the window what a round brought in: the views to read again, and the notices.
fn tell(events: &tokio::sync::mpsc::UnboundedSender<SyncEvent>, round: Round) {
    if round.pulled > 0 {
        let _ = events.send(SyncEvent::Pulled(round.changed));
    }
    if !round.notices.is_empty() {
        let _ = events.send(SyncEvent::Notices(round.notices));
    }
}

/// The version a pull cursor (`V` or `V/kind/id`, after `<history>:` on a restored server)
/// stands at.
pub fn cursor_version(cursor: &str) -> i64 {
    let version = cursor.split('/').next().unwrap_or_default();
    version.rsplit(':').next().and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// What the user should hear about a push: its rejections and conflicts.
fn notices(batch: &[OutboxEntry], answer: &PushResponse, who: PushIdentity) -> Vec<Notice> {
    let by_seq: HashMap<i64, &OutboxEntry> = batch.iter().map(|e| (e.seq, e)).collect();
    answer
        .results
        .iter()
        .filter_map(|result| {
            let entry = by_seq.get(&who.local(result.seq))?;
            let detail = match &result.outcome {
                PushOutcome::Rejected { reason } => NoticeDetail::Rejected { reason: reason.clone() },
                PushOutcome::Applied { conflicts, .. } if !conflicts.is_empty() => {
                    NoticeDetail::Conflicts { conflicts: conflicts.clone() }
                }
                PushOutcome::Applied { .. } => return None,
            };
            Some(Notice {
                seq: entry.seq,
                name: entry.mutation.name(),
                candidate_id: subject(entry),
                detail,
                at: entry.created_at,
            })
        })
        .collect()
}

/// The candidate a mutation is about, when it is about one (or its selection names one).
fn subject(entry: &OutboxEntry) -> Option<Uuid> {
    entry.mutation.candidate_id().or_else(|| match entry.mutation.selection() {
        Some(Selection::Ids { ids }) if ids.len() == 1 => ids.first().copied(),
        _ => None,
    })
}

/// A panic elsewhere must not stop sync for good: SQLite's transactions keep the store whole.
fn lock<T>(shared: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    shared.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
