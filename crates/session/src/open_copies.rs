//! Copies of documents handed to the system's viewer ("Open"). The viewer needs a file under
//! the document's own name, so a copy is written outside the store: into a folder only this
//! user may enter (0700, files 0600), one subfolder per candidate and document. Copies of
//! documents that are gone (a deleted document, an erased candidate) are removed, and signing
//! out or starting the app clears them all, so no personal data outlives its erasure here.

use std::io::Write;
use std::path::{Path, PathBuf};

use talentdesk_domain::document::{self, Document};
use talentdesk_store::Store;
use uuid::Uuid;

pub struct OpenCopies {
    dir: PathBuf,
}

impl OpenCopies {
    /// The folder, cleared of what an earlier run left. A copy that cannot be removed now (a
    /// viewer still holds it open) is left for the next start or sign-out, with a warning:
    /// it must not keep the app from starting.
    pub fn at(dir: PathBuf) -> Self {
        let copies = Self { dir };
        if let Err(e) = copies.clear() {
            tracing::warn!(error = %e, "opened copies from an earlier run could not all be removed");
        }
        copies
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes the copy of `document` to open, returning where it is.
    pub fn write(&self, document: &Document, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let name = document::sanitize_name(&document.name).map_err(std::io::Error::other)?;
        let folder = self.dir.join(document.candidate_id.to_string()).join(document.id.to_string());
        private_folder(&folder)?;
        let path = folder.join(name);
        let mut file = private_file(&path)?;
        file.write_all(bytes)?;
        Ok(path)
    }

    /// Removes the copies of documents no longer in `store`: deleted, or their candidate erased
    /// (here or, arriving by sync, by a teammate).
    pub fn forget_gone(&self, store: &Store) -> std::io::Result<()> {
        self.keep_only(|id| store.document(id).is_ok())
    }

    /// Removes the copies of every document `exists` says is gone, and the candidates' folders
    /// left empty.
    pub fn keep_only(&self, exists: impl Fn(Uuid) -> bool) -> std::io::Result<()> {
        for candidate in subfolders(&self.dir)? {
            for document in subfolders(&candidate)? {
                let id = document.file_name().and_then(|n| n.to_str()).and_then(|n| Uuid::parse_str(n).ok());
                if !id.is_some_and(&exists) {
                    std::fs::remove_dir_all(&document)?;
                }
            }
            if subfolders(&candidate)?.is_empty() {
                std::fs::remove_dir_all(&candidate)?;
            }
        }
        Ok(())
    }

    /// Whether no copy is kept (nothing to look up after a change).
    pub fn is_empty(&self) -> bool {
        subfolders(&self.dir).map_or(true, |found| found.is_empty())
    }

    /// Removes every copy (signing out, starting), leaving the private folder empty.
    pub fn clear(&self) -> std::io::Result<()> {
        match std::fs::remove_dir_all(&self.dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        private_folder(&self.dir)
    }
}

/// Removes the copies earlier versions of the app left in the shared temporary folder
/// (`talentdesk-<document id>`, readable by everyone, never removed). Only this user's own can
/// be removed there; others' are left to them.
pub fn remove_old_copies(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let old_copy =
            name.to_str().and_then(|n| n.strip_prefix("talentdesk-")).is_some_and(|id| Uuid::parse_str(id).is_ok());
        if old_copy && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn subfolders(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            found.push(entry.path());
        }
    }
    Ok(found)
}

/// Creates `dir` (and its parents) if needed, then makes it this user's alone: a folder that
/// existed with wider permissions is narrowed.
#[cfg(unix)]
fn private_folder(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn private_folder(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}
