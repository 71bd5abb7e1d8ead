//! Documents' bytes in a local folder: the default, for a server on one machine.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use uuid::Uuid;

use super::{Storage, Stored};

/// A folder: `<root>/<org>/<first two hex digits>/<sha256>`, one org per folder. An upload is
/// written to a `.<id>.partial` file beside its target and renamed, so a half-written file
/// never has the content's name.
#[derive(Debug, Clone)]
pub struct Folder {
    root: PathBuf,
}

impl Folder {
    pub fn new(root: &Path) -> Self {
        Self { root: root.to_owned() }
    }

    fn path(&self, org: Uuid, sha256: &str) -> PathBuf {
        self.root.join(org.to_string()).join(&sha256[..2]).join(sha256)
    }

    /// Every file under an org's folders, as (org, file), skipping what is not an org's.
    fn files(&self) -> io::Result<Vec<(Uuid, PathBuf)>> {
        let mut files = Vec::new();
        let orgs = match std::fs::read_dir(&self.root) {
            Ok(orgs) => orgs,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(files),
            Err(e) => return Err(e),
        };
        for org in orgs {
            let org = org?;
            let Some(id) = org.file_name().to_str().and_then(|name| name.parse::<Uuid>().ok()) else { continue };
            for shard in std::fs::read_dir(org.path())? {
                let shard = shard?;
                if shard.file_type()?.is_dir() {
                    for file in std::fs::read_dir(shard.path())? {
                        files.push((id, file?.path()));
                    }
                }
            }
        }
        Ok(files)
    }
}

fn is_partial(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.') && n.ends_with(".partial"))
}

impl Storage for Folder {
    async fn exists(&self, org: Uuid, sha256: &str) -> io::Result<bool> {
        tokio::fs::try_exists(self.path(org, sha256)).await
    }

    async fn put(&self, org: Uuid, sha256: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.path(org, sha256);
        let dir = path.parent().expect("blob paths have a folder");
        tokio::fs::create_dir_all(dir).await?;
        let partial = dir.join(format!(".{}.partial", Uuid::now_v7()));
        let written = match tokio::fs::write(&partial, bytes).await {
            Ok(()) => tokio::fs::rename(&partial, &path).await,
            Err(e) => Err(e),
        };
        if written.is_err() {
            // A full disk must not keep what it could not finish; the sweep catches a crash.
            let _ = tokio::fs::remove_file(&partial).await;
        }
        written
    }

    async fn get(&self, org: Uuid, sha256: &str) -> io::Result<Option<Vec<u8>>> {
        match tokio::fs::read(self.path(org, sha256)).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn remove(&self, org: Uuid, sha256: &str) -> io::Result<()> {
        match tokio::fs::remove_file(self.path(org, sha256)).await {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    async fn list(&self) -> io::Result<Vec<Stored>> {
        let folder = self.clone();
        let walked = tokio::task::spawn_blocking(move || -> io::Result<Vec<Stored>> {
            let mut stored = Vec::new();
            for (org, path) in folder.files()? {
                let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
                if talentdesk_domain::document::check_sha256(name).is_err() {
                    continue;
                }
                let size = match std::fs::metadata(&path) {
                    Ok(meta) => meta.len(),
                    // Removed meanwhile.
                    Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                    Err(e) => return Err(e),
                };
                stored.push(Stored { org, sha256: name.to_owned(), size });
            }
            Ok(stored)
        });
        walked.await.map_err(io::Error::other)?
    }

    async fn clean_interrupted(&self, before: SystemTime) -> io::Result<usize> {
        let folder = self.clone();
        let cleaned = tokio::task::spawn_blocking(move || -> io::Result<usize> {
            let mut removed = 0;
            for (_, path) in folder.files()?.into_iter().filter(|(_, p)| is_partial(p)) {
                let stale = std::fs::metadata(&path).and_then(|m| m.modified()).is_ok_and(|at| at < before);
                if stale && std::fs::remove_file(&path).is_ok() {
                    removed += 1;
                }
            }
            Ok(removed)
        });
        cleaned.await.map_err(io::Error::other)?
    }

    async fn check(&self) -> io::Result<()> {
        // Written where no content is ever kept (outside the orgs' folders), and removed.
        tokio::fs::create_dir_all(&self.root).await?;
        let probe = self.root.join(format!(".{}.partial", Uuid::now_v7()));
        tokio::fs::write(&probe, b"").await?;
        tokio::fs::remove_file(&probe).await?;
        tokio::fs::read_dir(&self.root).await.map(drop)
    }
}
