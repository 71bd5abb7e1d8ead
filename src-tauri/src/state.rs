//! What the app holds while it runs: the open data (a local database, or the signed-in
//! account's replica with its session) and where it reports sync news to the window.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use talentdesk_domain::user::User;
use talentdesk_session::{
    GrantedPaths, Notifier, OpenCopies, Session, SessionEvent, SnapshotTimes, keep_search_warm, remove_old_copies,
};
use talentdesk_store::replica::Account;
use talentdesk_store::{AppError, Store, StoreError};
use tokio::sync::mpsc;

/// Command-line options: `--db PATH` opens a local database without a server (demo data);
/// `--as EMAIL` picks its user (default: the first admin); `--bench OUT` makes the window
/// time itself and write what it measured to OUT (see `talentdesk-cli bench app`). Without
/// `--db`, the app signs in to a server and keeps its data in the app's data folder
/// (`TALENTDESK_DATA_DIR` overrides the folder).
#[derive(Debug, Default)]
pub struct Options {
    pub db: Option<PathBuf>,
    pub user: Option<String>,
    pub bench: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
}

impl Options {
    pub fn from_args(args: impl Iterator<Item = String>) -> Result<Self, String> {
        let mut options = Options {
            db: std::env::var_os("TALENTDESK_DB").map(PathBuf::from),
            data_dir: std::env::var_os("TALENTDESK_DATA_DIR").map(PathBuf::from),
            ..Options::default()
        };
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            match arg.as_str() {
                "--db" => options.db = Some(PathBuf::from(value("--db")?)),
                "--as" => options.user = Some(value("--as")?),
                "--bench" => options.bench = Some(PathBuf::from(value("--bench")?)),
                other => {
                    return Err(format!(
                        "unknown option {other}; Talentdesk takes --db PATH, --as EMAIL and --bench OUT"
                    ));
                }
            }
        }
        Ok(options)
    }
}

/// The data the window works on.
pub struct Open {
    pub store: Arc<Mutex<Store>>,
    pub user: User,
    pub db_path: PathBuf,
    /// The server account the data comes from; `None` for a local database.
    pub account: Option<Account>,
    /// The signed-in session; `None` for a local database.
    pub session: Option<Session>,
    /// The read-only connection long whole-database reads take instead of `store`.
    pub reader: Reader,
}

/// A read-only second connection to the open database ([`Store::open_reader`]), opened on
/// first use: scans of every candidate (duplicates, import plans) read through it for seconds
/// while the other commands keep the writer's lock.
#[derive(Clone)]
pub struct Reader {
    path: PathBuf,
    store: Arc<Mutex<Option<Store>>>,
}

impl Reader {
    fn at(path: &Path) -> Self {
        Self { path: path.to_path_buf(), store: Default::default() }
    }

    /// Runs `work` on the reader, opening it first if this is its first use.
    pub fn read<T>(&self, work: impl FnOnce(&Store) -> Result<T, StoreError>) -> Result<T, StoreError> {
        // A panic in an earlier read left nothing half-written: the connection cannot write.
        let mut slot = self.store.lock().unwrap_or_else(|p| p.into_inner());
        let store = match slot.take() {
            Some(store) => store,
            None => Store::open_reader(&self.path)?,
        };
        work(slot.insert(store))
    }
}

/// Where the app keeps what is not in a store.
pub struct Folders {
    /// The app's data folder (signed-in accounts' replicas, unless `TALENTDESK_DATA_DIR`).
    pub data: PathBuf,
    /// The private folder of copies of documents opened in the system's viewer.
    pub opened_copies: PathBuf,
    /// Where exports and downloads go unless the user chooses another file.
    pub exports: PathBuf,
}

pub struct AppState {
    /// `None` while nobody is signed in.
    pub open: RwLock<Option<Open>>,
    /// Where signed-in accounts keep their data; `None` with a local database (`--db`).
    pub data_dir: Option<PathBuf>,
    /// Where the window's self-timing goes, when asked for.
    pub bench: Option<PathBuf>,
    /// Sync news, forwarded to the window.
    pub events: mpsc::UnboundedSender<SessionEvent>,
    pub notifier: Notifier,
    /// Bulk actions and exports under way.
    pub runs: crate::actions::Runs,
    /// The files the user chose or dropped in this session: the only ones commands touch.
    pub granted: GrantedPaths,
    /// Copies of documents opened in the system's viewer.
    pub opened_copies: Arc<OpenCopies>,
    /// Where exports and downloads go unless the user chooses another file.
    pub exports: PathBuf,
    /// Held through a [`Self::refresh_user`]: two pulls close together each start one, and the
    /// one that read the users first must not write them last.
    refreshing_user: Mutex<()>,
}

impl AppState {
    /// Opens the local database of `--db`, or resumes the last signed-in account.
    pub fn open(
        options: Options,
        folders: Folders,
        events: mpsc::UnboundedSender<SessionEvent>,
    ) -> Result<Self, Box<dyn std::error::Error>> {
        let notifier = Notifier::default();
        // Copies opened by an earlier run (which may have ended without signing out) go now,
        // and those earlier versions left in the shared temporary folder.
        let opened_copies = Arc::new(OpenCopies::at(folders.opened_copies));
        remove_old_copies(&std::env::temp_dir());
        // A name typed for an export lands in the exports folder as a new file; anywhere else
        // is chosen in the Save dialog.
        let granted = GrantedPaths::default();
        granted.allow_new_files_in(&folders.exports);
        let Some(db_path) = options.db else {
            let data_dir = options.data_dir.unwrap_or(folders.data);
            std::fs::create_dir_all(&data_dir)?;
            let session = tauri::async_runtime::block_on(Session::resume(&data_dir, events.clone(), notifier.clone()));
            let open = match session {
                Ok(Some(session)) => {
                    if session.synced() {
                        keep_search_warm(&session.store, SnapshotTimes::default());
                    }
                    Some(Open::of(session, &data_dir))
                }
                Ok(None) => None,
                // The window asks to sign in again; the reason goes to the log.
                Err(e) => {
                    tracing::warn!("the last session could not be resumed: {e}");
                    None
                }
            };
            return Ok(Self {
                open: RwLock::new(open),
                data_dir: Some(data_dir),
                bench: options.bench,
                events,
                notifier,
                runs: Default::default(),
                granted,
                opened_copies,
                exports: folders.exports,
                refreshing_user: Mutex::default(),
            });
        };
        let store = Store::open(&db_path)?;
        let user = local_user(&store, options.user.as_deref())?;
        let account = store.account()?;
        let store = Arc::new(Mutex::new(store));
        keep_search_warm(&store, SnapshotTimes::default());
        let open = Open { store, user, reader: Reader::at(&db_path), db_path, account, session: None };
        Ok(Self {
            open: RwLock::new(Some(open)),
            data_dir: None,
            bench: options.bench,
            events,
            notifier,
            runs: Default::default(),
            granted,
            opened_copies,
            exports: folders.exports,
            refreshing_user: Mutex::default(),
        })
    }

    /// The store and the user working on it, or the error the window shows when signed out.
    pub fn current(&self) -> Result<(Arc<Mutex<Store>>, User), AppError> {
        let open = self.open.read().map_err(|_| poisoned())?;
        let open = open.as_ref().ok_or_else(|| AppError::Storage { message: "sign in to a server first".into() })?;
        Ok((open.store.clone(), open.user.clone()))
    }

    /// The open data's read-only connection and the user working on it.
    pub fn reader(&self) -> Result<(Reader, User), AppError> {
        let open = self.open.read().map_err(|_| poisoned())?;
        let open = open.as_ref().ok_or_else(|| AppError::Storage { message: "sign in to a server first".into() })?;
        Ok((open.reader.clone(), open.user.clone()))
    }

    /// After a pull that brought users: the signed-in user as the organisation has them now.
    /// An admin may have given them an ATS ID (or changed their role) while they work; the
    /// next change made here is then judged as the server judges it, without signing in again.
    /// Waits for the store: call it off the window's thread.
    pub fn refresh_user(&self) -> Result<(), AppError> {
        let _one_at_a_time = self.refreshing_user.lock().map_err(|_| poisoned())?;
        let (store, user) = self.current()?;
        let users = store.lock().map_err(|_| poisoned())?.users().map_err(|e| e.to_app_error())?;
        let Some(now) = users.into_iter().find(|u| u.id == user.id).filter(|now| *now != user) else { return Ok(()) };
        let mut open = self.open.write().map_err(|_| poisoned())?;
        // The same user still signed in (not someone who signed in since).
        if let Some(open) = open.as_mut().filter(|o| o.user.id == now.id) {
            tracing::info!(
                role = now.role.code(),
                ats_id = now.ats_id.is_some(),
                "the signed-in user changed on the server"
            );
            open.user = now;
        }
        Ok(())
    }

    /// Tells the session a change was made here, so it is pushed at once; a change that
    /// deleted documents or erased candidates takes their opened copies with it.
    pub fn changed(&self) {
        if let Ok(open) = self.open.read()
            && let Some(session) = open.as_ref().and_then(|o| o.session.as_ref())
        {
            session.changed();
        }
        self.forget_gone_copies();
    }

    /// Removes the opened copies of documents no longer in the store, off the caller's thread
    /// (the store may be busy).
    pub fn forget_gone_copies(&self) {
        if self.opened_copies.is_empty() {
            return;
        }
        let Ok((store, _)) = self.current() else { return };
        let copies = self.opened_copies.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let store = store.lock().unwrap_or_else(|p| p.into_inner());
            if let Err(e) = copies.forget_gone(&store) {
                tracing::warn!("opened copies of deleted documents could not be removed: {e}");
            }
        });
    }

    /// After signing out: no copy of the account's documents stays, and the next user
    /// chooses their own files.
    pub fn signed_out(&self) {
        if let Err(e) = self.opened_copies.clear() {
            tracing::warn!("opened copies could not be removed at sign-out: {e}");
        }
        self.granted.clear();
        self.granted.allow_new_files_in(&self.exports);
    }
}

impl Open {
    pub fn of(session: Session, data_dir: &Path) -> Self {
        let db_path = session.store.lock().map(|s| s.path().to_path_buf()).unwrap_or_else(|_| data_dir.to_path_buf());
        Self {
            store: session.store.clone(),
            user: session.user.clone(),
            reader: Reader::at(&db_path),
            db_path,
            account: Some(session.account.clone()),
            session: Some(session),
        }
    }
}

pub fn poisoned() -> AppError {
    AppError::Storage { message: "the app's state is unavailable after an earlier failure; restart Talentdesk".into() }
}

fn local_user(store: &Store, email: Option<&str>) -> Result<User, StoreError> {
    match email {
        Some(email) => store.user_by_email(email),
        None => store.users()?.into_iter().find(|u| u.role.is_admin()).ok_or_else(|| {
            talentdesk_domain::DomainError::invalid(
                "user",
                "the database has no users yet; start with --db on a demo database",
            )
            .into()
        }),
    }
}
