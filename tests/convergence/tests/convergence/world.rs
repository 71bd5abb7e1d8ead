//! The desktop clients: a store file, a signed-in sync engine, and a user.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use talentdesk_domain::user::User;
pub use talentdesk_server::testing::{Instance as Server, PASSWORD};
use talentdesk_store::Store;
use talentdesk_store::replica::Account;
use talentdesk_sync::client::Client;
use talentdesk_sync::engine::{Engine, SyncError};

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
        let mut store = Store::open(&path).unwrap();
        let (client, login) = Client::login(&server.url, &user.email, PASSWORD).await.unwrap();
        let account =
            Account { server: server.url.clone(), org_id: login.org_id, user_id: user.id, email: user.email.clone() };
        store.bind(&account, &login.user).unwrap();
        let store = Arc::new(Mutex::new(store));
        let engine = Engine::new(store.clone(), client).unwrap();
        engine.sync_once().await.unwrap();
        Self { name: name.to_owned(), user: user.clone(), path, store, engine }
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
