//! The server that can be stopped and started again on the same address and database, and
//! the desktop clients: a store file, a signed-in sync engine, and a user.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use talentdesk_domain::user::{Role, User};
use talentdesk_server::admin::{self, NewUser};
use talentdesk_server::app::{self, Running};
use talentdesk_server::config::Config;
use talentdesk_store::Store;
use talentdesk_store::replica::Account;
use talentdesk_sync::client::Client;
use talentdesk_sync::engine::{Engine, SyncError};

pub const PASSWORD: &str = "correct horse battery";

pub struct Server {
    config: Config,
    running: Option<Running>,
    pub url: String,
    pub database_url: String,
    /// Where documents are kept; lives as long as the server.
    _blobs: tempfile::TempDir,
}

impl Server {
    pub async fn start() -> Self {
        let database_url = talentdesk_server::testing::postgres::new_database().await;
        let blobs = tempfile::tempdir().unwrap();
        let config = Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            database_url: database_url.clone(),
            blob_dir: blobs.path().to_owned(),
            ..Config::default()
        };
        let running = app::start(config.clone()).await.expect("start the server");
        // Later starts take the same address, so clients find it again.
        let config = Config { listen: running.addr, ..config };
        let url = format!("http://{}", running.addr);
        admin::create_org(&running.pool, "Acme").await.unwrap();
        Self { config, running: Some(running), url, database_url, _blobs: blobs }
    }

    pub async fn add_user(&self, email: &str, role: Role) -> User {
        let pool = &self.running.as_ref().expect("the server is up").pool;
        let new = NewUser { org: "Acme", email, name: email, role, ats_id: None, password: PASSWORD };
        admin::create_user(pool, new).await.unwrap()
    }

    pub fn is_up(&self) -> bool {
        self.running.is_some()
    }

    pub async fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            running.stop().await.expect("stop the server");
        }
    }

    pub async fn start_again(&mut self) {
        if self.running.is_none() {
            self.running = Some(app::start(self.config.clone()).await.expect("start the server again"));
        }
    }
}

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
