//! The document store of a test server, of either kind the settings offer, so one test can run
//! against both: a temporary folder, or a bucket on a private moto. Tests look into it through
//! the same [`Storage`] interface the server uses.

use std::path::Path;

use uuid::Uuid;

use super::moto::Moto;
use crate::blobs::storage::{self, Configured, Storage, Stored};
use crate::config::{Config, S3Settings};

/// Which kind of store a test server keeps documents in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Folder,
    S3,
}

const BUCKET: &str = "talentdesk-test";

/// Removed with the test (the folder deleted, moto killed).
pub enum TestStore {
    Folder(tempfile::TempDir),
    S3(Moto),
}

impl TestStore {
    pub async fn new(backend: Backend) -> Self {
        match backend {
            Backend::Folder => TestStore::Folder(tempfile::tempdir().unwrap()),
            // Starting moto waits on a process and a socket: not on the runtime's threads,
            // where it would hold up the tasks of the test's server.
            Backend::S3 => TestStore::S3(
                tokio::task::spawn_blocking(|| {
                    let moto = Moto::start();
                    moto.create_bucket(BUCKET);
                    moto
                })
                .await
                .expect("start moto"),
            ),
        }
    }

    /// `config` with this store chosen.
    pub fn configure(&self, config: Config) -> Config {
        match self {
            TestStore::Folder(dir) => Config { blob_dir: dir.path().to_owned(), s3: None, ..config },
            TestStore::S3(moto) => Config {
                s3: Some(S3Settings {
                    endpoint: Some(moto.endpoint()),
                    bucket: BUCKET.into(),
                    region: "us-east-1".into(),
                    access_key_id: Some("test-key".into()),
                    secret_access_key: Some("test-secret".into()),
                    path_style: true,
                    allow_http: true,
                }),
                ..config
            },
        }
    }

    /// The store as the server sees it.
    pub fn storage(&self) -> Configured {
        storage::configured(&self.configure(Config::default())).expect("the test store's settings")
    }

    /// The folder, for what only a folder has (files an interrupted upload left).
    pub fn folder(&self) -> Option<&Path> {
        match self {
            TestStore::Folder(dir) => Some(dir.path()),
            TestStore::S3(_) => None,
        }
    }

    /// The S3 server, to pause and resume it.
    pub fn moto(&self) -> Option<&Moto> {
        match self {
            TestStore::Folder(_) => None,
            TestStore::S3(moto) => Some(moto),
        }
    }

    /// Whether the org's content is kept.
    pub async fn holds(&self, org: Uuid, sha256: &str) -> bool {
        self.storage().exists(org, sha256).await.expect("look into the test store")
    }

    /// Every content kept, with its bytes.
    pub async fn contents(&self) -> Vec<(Stored, Vec<u8>)> {
        let storage = self.storage();
        let mut contents = Vec::new();
        for stored in storage.list().await.expect("list the test store") {
            // Removed meanwhile (the sweep runs beside the test).
            if let Some(bytes) = storage.get(stored.org, &stored.sha256).await.expect("read the test store") {
                contents.push((stored, bytes));
            }
        }
        contents
    }
}
