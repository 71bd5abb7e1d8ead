//! Where documents' bytes are kept, behind one small interface (DESIGN.md section 6): the
//! server decides what to keep (`db::blobs`), storage only keeps bytes. The server's settings
//! choose one store ([`configured`]): a local folder (the default) or a bucket of an
//! S3-compatible service; erasure, quotas and the sweep are the same on both.

mod folder;
mod s3;

use std::fmt;
use std::future::Future;
use std::io;
use std::time::SystemTime;

use uuid::Uuid;

pub use self::folder::Folder;
pub use self::s3::S3;
use crate::config::Config;

/// Content kept for an org.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub org: Uuid,
    pub sha256: String,
    pub size: u64,
}

pub trait Storage: Send + Sync {
    fn exists(&self, org: Uuid, sha256: &str) -> impl Future<Output = io::Result<bool>> + Send;
    /// Stores the bytes whole or not at all.
    fn put(&self, org: Uuid, sha256: &str, bytes: &[u8]) -> impl Future<Output = io::Result<()>> + Send;
    fn get(&self, org: Uuid, sha256: &str) -> impl Future<Output = io::Result<Option<Vec<u8>>>> + Send;
    /// Removes the bytes; content already absent is fine.
    fn remove(&self, org: Uuid, sha256: &str) -> impl Future<Output = io::Result<()>> + Send;
    /// Everything kept, for the sweep.
    fn list(&self) -> impl Future<Output = io::Result<Vec<Stored>>> + Send;
    /// Removes what uploads interrupted before `before` left behind; returns how many.
    fn clean_interrupted(&self, before: SystemTime) -> impl Future<Output = io::Result<usize>> + Send;
    /// Whether the store can be reached, written and listed now (for readiness checks).
    fn check(&self) -> impl Future<Output = io::Result<()>> + Send;
}

/// The store the server's settings chose. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub enum Configured {
    Folder(Folder),
    S3(S3),
}

/// The store the settings choose: the bucket of `s3` when set, else the folder `blob_dir`.
/// Fails, naming the setting, when the S3 settings cannot make a client (an endpoint that is
/// not a URL); nothing is contacted yet, so a store that is down does not stop a start.
pub fn configured(config: &Config) -> anyhow::Result<Configured> {
    Ok(match &config.s3 {
        Some(settings) => Configured::S3(S3::new(settings)?),
        None => Configured::Folder(Folder::new(&config.blob_dir)),
    })
}

/// What people are told the store is: which kind, and the bucket (not its address or keys).
impl fmt::Display for Configured {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Configured::Folder(_) => write!(f, "the server's document folder"),
            Configured::S3(s3) => write!(f, "the document storage (S3 bucket \"{}\")", s3.bucket()),
        }
    }
}

impl Storage for Configured {
    async fn exists(&self, org: Uuid, sha256: &str) -> io::Result<bool> {
        match self {
            Configured::Folder(store) => store.exists(org, sha256).await,
            Configured::S3(store) => store.exists(org, sha256).await,
        }
    }

    async fn put(&self, org: Uuid, sha256: &str, bytes: &[u8]) -> io::Result<()> {
        match self {
            Configured::Folder(store) => store.put(org, sha256, bytes).await,
            Configured::S3(store) => store.put(org, sha256, bytes).await,
        }
    }

    async fn get(&self, org: Uuid, sha256: &str) -> io::Result<Option<Vec<u8>>> {
        match self {
            Configured::Folder(store) => store.get(org, sha256).await,
            Configured::S3(store) => store.get(org, sha256).await,
        }
    }

    async fn remove(&self, org: Uuid, sha256: &str) -> io::Result<()> {
        match self {
            Configured::Folder(store) => store.remove(org, sha256).await,
            Configured::S3(store) => store.remove(org, sha256).await,
        }
    }

    async fn list(&self) -> io::Result<Vec<Stored>> {
        match self {
            Configured::Folder(store) => store.list().await,
            Configured::S3(store) => store.list().await,
        }
    }

    async fn clean_interrupted(&self, before: SystemTime) -> io::Result<usize> {
        match self {
            Configured::Folder(store) => store.clean_interrupted(before).await,
            Configured::S3(store) => store.clean_interrupted(before).await,
        }
    }

    async fn check(&self) -> io::Result<()> {
        match self {
            Configured::Folder(store) => store.check().await,
            Configured::S3(store) => store.check().await,
        }
    }
}
