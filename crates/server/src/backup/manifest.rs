//! `manifest.json`: what a backup holds and how to tell it is whole. Written last, so a folder
//! with a manifest holds a finished backup; every file in it is listed with its size and
//! SHA-256, checked after writing and again before a restore uses anything.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub const FILE: &str = "manifest.json";
/// The layout this server writes and reads; a later layout is refused by name.
pub const FORMAT: u32 = 1;
/// The database, as pg_dump's custom format.
pub const DUMP: &str = "database.dump";
/// Documents' bytes, as `blobs/<org>/<sha256>`.
pub const BLOBS: &str = "blobs";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// The newest migration applied to the database when it was dumped.
    pub schema_version: i64,
    /// The server that wrote the backup.
    pub server_version: String,
    pub created_at: DateTime<Utc>,
    /// The sync history the backup's versions belong to.
    pub history: Uuid,
    pub counts: Counts,
    pub files: Vec<Entry>,
    /// Documents the database counts but whose bytes the storage did not have (an upload that
    /// never finished, say), as `<org>/<sha256>`: a download of them fails as it did before.
    #[serde(default)]
    pub missing_blobs: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Counts {
    pub orgs: i64,
    /// Rows of the records table, tombstones included.
    pub records: i64,
    pub blobs: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// Relative to the backup's folder, with `/` between parts.
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

impl Entry {
    /// Describes the file at `path` (under `dir`) as it is now.
    pub fn of(dir: &Path, path: &str) -> anyhow::Result<Self> {
        let (size, sha256) = hash_file(&dir.join(path))?;
        Ok(Self { path: path.to_owned(), size, sha256 })
    }

    /// The document's org and content, when this is one of the backup's blobs.
    pub fn blob(&self) -> Option<(Uuid, &str)> {
        let rest = self.path.strip_prefix(BLOBS)?.strip_prefix('/')?;
        let (org, sha256) = rest.split_once('/')?;
        Some((org.parse().ok()?, sha256))
    }
}

impl Manifest {
    pub fn read(dir: &Path) -> anyhow::Result<Self> {
        let path = dir.join(FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                anyhow::bail!("{} is not a Talentdesk backup: it has no {FILE}", dir.display())
            }
            Err(e) => anyhow::bail!("cannot read {}: {e}", path.display()),
        };
        let manifest: Manifest =
            serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{} cannot be read: {e}", path.display()))?;
        if manifest.format > FORMAT {
            anyhow::bail!(
                "the backup in {} has layout {}, newer than this server's {FORMAT}: restore it with the Talentdesk \
                 server version {} or newer",
                dir.display(),
                manifest.format,
                manifest.server_version
            );
        }
        Ok(manifest)
    }

    /// Writes the manifest beside the files it lists, whole or not at all.
    pub fn write(&self, dir: &Path) -> anyhow::Result<()> {
        let partial = dir.join(format!(".{FILE}.partial"));
        std::fs::write(&partial, serde_json::to_vec_pretty(self)?)?;
        std::fs::File::open(&partial)?.sync_all()?;
        std::fs::rename(&partial, dir.join(FILE))?;
        Ok(())
    }

    /// Reads every file listed again and compares its size and SHA-256 (and a blob's name, which
    /// is its content's hash). Fails naming the first file that is missing or differs.
    pub fn verify(&self, dir: &Path) -> anyhow::Result<()> {
        if !self.files.iter().any(|f| f.path == DUMP) {
            anyhow::bail!("the backup in {} lists no {DUMP}", dir.display());
        }
        for entry in &self.files {
            let path = inside(dir, &entry.path)?;
            let (size, sha256) = hash_file(&path)?;
            if (size, sha256.as_str()) != (entry.size, entry.sha256.as_str()) {
                anyhow::bail!(
                    "{} is damaged or was changed: {size} bytes with SHA-256 {sha256}, but the backup wrote {} bytes \
                     with SHA-256 {}",
                    path.display(),
                    entry.size,
                    entry.sha256
                );
            }
            if let Some((_, name)) = entry.blob()
                && name != sha256
            {
                anyhow::bail!("{} holds other bytes than its name says (SHA-256 {sha256})", path.display());
            }
        }
        Ok(())
    }
}

/// `relative` under `dir`, refusing a path that would lead out of it.
fn inside(dir: &Path, relative: &str) -> anyhow::Result<PathBuf> {
    let path = Path::new(relative);
    if !path.components().all(|c| matches!(c, Component::Normal(_))) {
        anyhow::bail!("the backup's manifest lists \"{relative}\", which is not a file inside the backup");
    }
    Ok(dir.join(path))
}

/// The file's size and SHA-256 (lowercase hex).
fn hash_file(path: &Path) -> anyhow::Result<(u64, String)> {
    let mut file = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 1 << 16];
    let mut size = 0;
    loop {
        let read = file.read(&mut buffer).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
        if read == 0 {
            return Ok((size, hex::encode(hasher.finalize())));
        }
        hasher.update(&buffer[..read]);
        size += read as u64;
    }
}
