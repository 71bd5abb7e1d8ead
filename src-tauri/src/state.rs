//! What the app holds while it runs: the open store and who is signed in.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use talentdesk_domain::user::User;
use talentdesk_store::{Store, StoreError};

/// Command-line options: `--db PATH` (default: `talentdesk.db` in the app's data folder),
/// `--as EMAIL` (default: the first admin) until sign-in against the server exists, and
/// `--bench OUT` (the window times itself and writes what it measured to OUT; see
/// `talentdesk-cli bench app`).
#[derive(Debug, Default)]
pub struct Options {
    pub db: Option<PathBuf>,
    pub user: Option<String>,
    pub bench: Option<PathBuf>,
}

impl Options {
    pub fn from_args(args: impl Iterator<Item = String>) -> Result<Self, String> {
        let mut options = Options { db: std::env::var_os("TALENTDESK_DB").map(PathBuf::from), ..Options::default() };
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

pub struct AppState {
    pub store: Arc<Mutex<Store>>,
    pub user: User,
    pub db_path: PathBuf,
    /// Where the window's self-timing goes, when asked for.
    pub bench: Option<PathBuf>,
}

impl AppState {
    pub fn open(options: Options, data_dir: &Path) -> Result<Self, Box<dyn std::error::Error>> {
        let db_path = match options.db {
            Some(path) => path,
            None => {
                std::fs::create_dir_all(data_dir)?;
                data_dir.join("talentdesk.db")
            }
        };
        let store = Store::open(&db_path)?;
        let user = signed_in_user(&store, options.user.as_deref())?;
        Ok(Self { store: Arc::new(Mutex::new(store)), user, db_path, bench: options.bench })
    }
}

fn signed_in_user(store: &Store, email: Option<&str>) -> Result<User, StoreError> {
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
