//! The server side of a world (one server, or several processes behind nginx) and the desktop
//! clients: a store file, a signed-in sync engine, and a user.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rand::Rng;
use talentdesk_domain::user::Role;
use talentdesk_domain::user::User;
use talentdesk_server::testing::balanced::{Balanced, ServerCommand};
pub use talentdesk_server::testing::{Instance as Server, PASSWORD};
use talentdesk_store::Store;
use talentdesk_sync::engine::{Engine, Replica, SyncError};

/// Changes per pull page: small, so that pages often end between records that refer to each
/// other (a note and its candidate, a candidate and a pipeline changed since), as they do for a
/// desktop that was offline for long.
pub const PULL_PAGE: u32 = 16;

/// Where the desktops sync to.
pub enum Servers {
    One(Box<Server>),
    /// Processes behind nginx, any of which serves any request.
    Balanced(Balanced),
}

impl Servers {
    pub fn url(&self) -> &str {
        match self {
            Servers::One(server) => &server.url,
            Servers::Balanced(balanced) => &balanced.url,
        }
    }

    pub fn database_url(&self) -> &str {
        match self {
            Servers::One(server) => &server.database_url,
            Servers::Balanced(balanced) => &balanced.database_url,
        }
    }

    pub async fn add_user(&self, email: &str, role: Role) -> User {
        match self {
            Servers::One(server) => server.add_user(email, role).await,
            Servers::Balanced(balanced) => balanced.add_user(email, role).await,
        }
    }

    /// An outage: the one server stops (cleanly) or comes back; or one process behind nginx,
    /// drawn at random, is killed in the middle of whatever it serves or started again, while
    /// the others go on.
    pub async fn disrupt(&mut self, rng: &mut impl Rng) {
        match self {
            Servers::One(server) if server.is_up() => server.stop().await,
            Servers::One(server) => server.start_again().await,
            Servers::Balanced(balanced) => {
                let process = rng.random_range(0..BALANCED_PROCESSES);
                if balanced.is_up(process) {
                    balanced.kill(process);
                } else {
                    balanced.start_again(process).await;
                }
            }
        }
    }

    /// Everything up again.
    pub async fn recover(&mut self) {
        match self {
            Servers::One(server) => server.start_again().await,
            Servers::Balanced(balanced) => {
                for process in 0..BALANCED_PROCESSES {
                    balanced.start_again(process).await;
                }
            }
        }
    }

    pub async fn balanced(command: ServerCommand) -> Self {
        Servers::Balanced(Balanced::start(command, BALANCED_PROCESSES).await)
    }
}

/// Server processes behind nginx in a balanced world.
const BALANCED_PROCESSES: usize = 2;

pub struct Desktop {
    pub name: String,
    pub user: User,
    pub path: PathBuf,
    pub store: Arc<Mutex<Store>>,
    pub engine: Engine,
}

impl Desktop {
    /// A new store signed in as `user` and through its (empty) first sync.
    pub async fn sign_in(url: &str, dir: &std::path::Path, name: &str, user: &User) -> Self {
        let path = dir.join(format!("{name}.db"));
        let replica = Replica::sign_in(&path, url, &user.email, PASSWORD).await.unwrap();
        let engine = replica.engine.with_pull_page(PULL_PAGE);
        engine.sync_once().await.unwrap();
        Self { name: name.to_owned(), user: replica.user, path, store: replica.store, engine }
    }

    /// One round; a server that is down is not an error here (the client is offline).
    pub async fn sync(&self) -> Result<(), SyncError> {
        match self.engine.sync_once().await {
            Ok(_) => Ok(()),
            Err(e) if e.is_temporary() => Ok(()),
            Err(e) => Err(e),
        }
    }

    pub fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap()
    }
}
