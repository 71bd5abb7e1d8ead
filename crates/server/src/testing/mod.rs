//! For tests of the server and of its clients (feature `testing`): a throwaway PostgreSQL
//! cluster from the system's binaries with a fresh database per test, and a server on it;
//! a document store of either kind (a folder, or a bucket on a private S3 server).

pub mod balanced;
pub mod blob_store;
pub mod moto;
pub mod postgres;
pub mod text_provider;

pub use blob_store::{Backend, TestStore};

use std::sync::atomic::{AtomicU64, Ordering};

use talentdesk_domain::user::{Role, User};

use crate::admin::{self, NewUser};
use crate::app::{self, Running};
use crate::config::Config;

/// Every test user's password.
pub const PASSWORD: &str = "correct horse battery";

/// A server on a fresh database with the org Acme; it can be stopped and started again on the
/// same address and database.
pub struct Instance {
    config: Config,
    running: Option<Running>,
    pub url: String,
    pub database_url: String,
    /// Where documents are kept; lives as long as the server.
    _blobs: tempfile::TempDir,
}

impl Instance {
    pub async fn start() -> Self {
        Self::start_with(|config| config).await
    }

    /// [`start`](Self::start) with settings of the test's own (webhooks to a receiver on this
    /// machine, short retry windows).
    pub async fn start_with(adjust: impl FnOnce(Config) -> Config) -> Self {
        let database_url = postgres::new_database().await;
        let blobs = tempfile::tempdir().unwrap();
        let config = adjust(Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            database_url: database_url.clone(),
            blob_dir: blobs.path().to_owned(),
            ..Config::default()
        });
        let running = app::start(config.clone()).await.expect("start the server");
        // Later starts take the same address, so clients find it again.
        let config = Config { listen: running.addr, ..config };
        let url = format!("http://{}", running.addr);
        admin::create_org(&running.pool, "Acme").await.unwrap();
        Self { config, running: Some(running), url, database_url, _blobs: blobs }
    }

    /// A user of the organisation, with an ATS ID of their own (a System ID in iCIMS: a whole
    /// number) so that Submit to Job is theirs to use.
    pub async fn add_user(&self, email: &str, role: Role) -> User {
        static NEXT_ATS_ID: AtomicU64 = AtomicU64::new(1001);
        let ats_id = NEXT_ATS_ID.fetch_add(1, Ordering::Relaxed).to_string();
        let new = NewUser { org: "Acme", email, name: email, role, ats_id: Some(&ats_id), password: PASSWORD };
        admin::create_user(self.pool(), new).await.unwrap()
    }

    /// The server's database pool, for admin commands.
    pub fn pool(&self) -> &sqlx::PgPool {
        &self.running.as_ref().expect("the server is up").pool
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
