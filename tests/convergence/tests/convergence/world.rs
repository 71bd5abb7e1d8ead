//! The desktop clients: a store file, a signed-in sync engine, and a user.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use talentdesk_domain::user::User;
pub use talentdesk_server::testing::{Instance as Server, PASSWORD};
use talentdesk_store::Store;
use talentdesk_sync::engine::{Engine, Replica, SyncError};

/// Changes per pull page: small, so that pages often end between records that refer to each
/// other (a note and its candidate, a candidate and a pipeline changed since), as they do for a
/// desktop that was offline for long.
pub const PULL_PAGE: u32 = 16;

pub struct Desktop {
    pub name: String,
    pub user: User,
    pub path: PathBuf,
    pub store: Arc<Mutex<Store>>,
    pub engine: Engine,
}

impl Desktop {
    /// A new store signed in as `user` and through its (empty) first sync.
    pub async fn sign_in(server: &Server, dir: &std::path::Path, name: &str, user: &User) -> Self {
        let path = dir.join(format!("{name}.db"));
        let replica = Replica::sign_in(&path, &server.url, &user.email, PASSWORD).await.unwrap();
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
