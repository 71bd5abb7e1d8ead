//! Document bytes, kept beside the database in a folder of files named by their SHA-256 (never
//! in SQLite), and which of them the user wants on this computer: the documents of the
//! candidates in the pipelines and events kept offline.

use std::io::Write;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use talentdesk_domain::DomainError;
use talentdesk_domain::document::check_sha256;
use ts_rs::TS;
use uuid::Uuid;

use crate::tables::client_state;
use crate::{Store, StoreError};

/// A list whose candidates' documents are kept on this computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[ts(export)]
pub enum OfflineSet {
    Pipeline(Uuid),
    Event(Uuid),
}

const OFFLINE_SETS: &str = "offline_sets";

impl Store {
    /// The folder of document bytes: `<database>.blobs` beside the database file.
    pub fn blob_dir(&self) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".blobs");
        self.path.with_file_name(name)
    }

    /// Where the bytes with this hash are, if they are here.
    pub fn blob(&self, sha256: &str) -> Option<PathBuf> {
        check_sha256(sha256).ok()?;
        let path = self.blob_dir().join(sha256);
        path.is_file().then_some(path)
    }

    /// Keeps `bytes` and returns their hash. Written to a temporary file and renamed, so a
    /// crash never leaves a partial file under a hash; bytes already here are not written again.
    pub fn put_blob(&self, bytes: &[u8]) -> Result<String, StoreError> {
        let sha256 = content_address(bytes);
        if self.blob(&sha256).is_some() {
            return Ok(sha256);
        }
        let dir = self.blob_dir();
        let io = |e: std::io::Error| StoreError::Blob(format!("{}: {e}", dir.display()));
        std::fs::create_dir_all(&dir).map_err(io)?;
        let mut file = tempfile::NamedTempFile::new_in(&dir).map_err(io)?;
        file.write_all(bytes).map_err(io)?;
        file.as_file().sync_all().map_err(io)?;
        file.persist(dir.join(&sha256)).map_err(|e| io(e.error))?;
        Ok(sha256)
    }

    /// Keeps downloaded bytes, refusing them unless they hash to `expected`.
    pub fn put_blob_checked(&self, expected: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let actual = content_address(bytes);
        if actual != expected {
            let reason = format!("the bytes hash to {actual}, not {expected}; the download was damaged");
            return Err(DomainError::invalid("sha256", reason).into());
        }
        self.put_blob(bytes).map(|_| ())
    }

    /// The pipelines and events whose candidates' documents are kept on this computer.
    pub fn offline_sets(&self) -> Result<Vec<OfflineSet>, StoreError> {
        Ok(client_state::get(self.conn(), OFFLINE_SETS)?
            .map(|json| serde_json::from_str(&json))
            .transpose()?
            .unwrap_or_default())
    }

    /// Keeps (or stops keeping) a list's documents on this computer; the next sync fetches them.
    pub fn keep_offline(&mut self, set: OfflineSet, keep: bool) -> Result<(), StoreError> {
        let mut sets = self.offline_sets()?;
        sets.retain(|s| *s != set);
        if keep {
            sets.push(set);
        }
        sets.sort();
        client_state::set(self.conn(), OFFLINE_SETS, &serde_json::to_string(&sets)?)
    }

    /// Hashes of documents in the offline lists whose bytes are not here yet.
    pub fn missing_blobs(&self) -> Result<Vec<String>, StoreError> {
        let mut wanted = Vec::new();
        for set in self.offline_sets()? {
            let (sql, id) = match set {
                OfflineSet::Pipeline(id) => (
                    "SELECT DISTINCT d.sha256 FROM documents d JOIN pipeline_members m ON m.cand = d.cand WHERE m.pipeline_id = ?1",
                    id,
                ),
                OfflineSet::Event(id) => (
                    "SELECT DISTINCT d.sha256 FROM documents d JOIN event_members m ON m.cand = d.cand WHERE m.event_id = ?1",
                    id,
                ),
            };
            let mut stmt = self.conn().prepare_cached(sql)?;
            let hashes = stmt.query_map([id.to_string()], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
            wanted.extend(hashes.into_iter().filter(|h| self.blob(h).is_none()));
        }
        wanted.sort();
        wanted.dedup();
        Ok(wanted)
    }
}

/// The hash bytes are kept under: lowercase hex SHA-256.
pub(crate) fn content_address(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
