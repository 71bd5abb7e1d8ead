//! The files the user has given the app in this session: chosen in a native Open or Save
//! dialog, or dropped on the window. The window's commands read and write only these, so a
//! script running in the webview cannot name any other file on the computer.
//!
//! Paths are compared in their canonical form (symbolic links and `..` resolved), so a granted
//! folder's `../` or a link beside a granted file leads nowhere else.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NotGranted {
    #[error("{path} was not chosen in this session: choose it with the file dialog or drop it on the window")]
    Read { path: String },
    #[error("{path} was not chosen in this session: choose where to save it in the Save dialog")]
    Write { path: String },
}

#[derive(Default)]
pub struct GrantedPaths {
    read: Mutex<HashSet<PathBuf>>,
    write: Mutex<HashSet<PathBuf>>,
    /// Folders where a new file may be written by name (the app's own exports folder): nothing
    /// there can be read or replaced this way.
    new_files_in: Mutex<HashSet<PathBuf>>,
}

impl GrantedPaths {
    /// Files chosen in an Open dialog or dropped on the window may be read.
    pub fn allow_read(&self, paths: impl IntoIterator<Item = PathBuf>) {
        let mut read = self.read.lock().unwrap_or_else(|p| p.into_inner());
        read.extend(paths.into_iter().map(|p| canonical(&p)));
    }

    /// A file chosen in a Save dialog may be written (and replaced).
    pub fn allow_write(&self, path: &Path) {
        self.write.lock().unwrap_or_else(|p| p.into_inner()).insert(canonical(path));
    }

    /// New files (only) may be written in `folder` by name, without a dialog.
    pub fn allow_new_files_in(&self, folder: &Path) {
        self.new_files_in.lock().unwrap_or_else(|p| p.into_inner()).insert(canonical(folder));
    }

    /// The file (its canonical path, to read from), when it was granted for reading.
    pub fn readable(&self, path: &Path) -> Result<PathBuf, NotGranted> {
        check(&self.read, path).ok_or_else(|| NotGranted::Read { path: path.display().to_string() })
    }

    /// The file (its canonical path, to write to), when it was granted for writing.
    pub fn writable(&self, path: &Path) -> Result<PathBuf, NotGranted> {
        check(&self.write, path)
            .or_else(|| {
                let real = canonical(path);
                let folders = self.new_files_in.lock().unwrap_or_else(|p| p.into_inner());
                let new_file_there = path.is_absolute()
                    && real.parent().is_some_and(|folder| folders.contains(folder))
                    && std::fs::symlink_metadata(&real).is_err();
                new_file_there.then_some(real)
            })
            .ok_or_else(|| NotGranted::Write { path: path.display().to_string() })
    }

    /// Forgets the files chosen and dropped (signing out: the next user chooses their own).
    pub fn clear(&self) {
        self.read.lock().unwrap_or_else(|p| p.into_inner()).clear();
        self.write.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

/// The canonical path, when it is among `granted`.
fn check(granted: &Mutex<HashSet<PathBuf>>, path: &Path) -> Option<PathBuf> {
    let granted = granted.lock().unwrap_or_else(|p| p.into_inner());
    // Relative paths would depend on the app's working folder: never granted.
    let real = canonical(path);
    (path.is_absolute() && granted.contains(&real)).then_some(real)
}

/// The path with links and `..` resolved: the file's own when it exists, else its folder's
/// with the name joined (a file about to be saved). A path neither resolves stays as given.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    match (path.parent().map(std::fs::canonicalize), path.file_name()) {
        (Some(Ok(folder)), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, b"x").unwrap();
        path
    }

    #[test]
    fn only_granted_files_may_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let cv = file(dir.path(), "cv.pdf");
        let other = file(dir.path(), "other.pdf");
        let granted = GrantedPaths::default();
        assert!(granted.readable(&cv).is_err(), "nothing is granted at first");
        granted.allow_read([cv.clone()]);
        assert_eq!(granted.readable(&cv), Ok(std::fs::canonicalize(&cv).unwrap()));
        let refused = granted.readable(&other).unwrap_err();
        assert!(refused.to_string().contains("other.pdf") && refused.to_string().contains("file dialog"), "{refused}");
        assert!(granted.writable(&cv).is_err(), "reading is not writing");
        assert!(granted.readable(Path::new("/etc/passwd")).is_err());
    }

    #[test]
    fn dot_dot_and_links_lead_only_where_the_grant_does() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("docs")).unwrap();
        let cv = file(&dir.path().join("docs"), "cv.pdf");
        let secret = file(dir.path(), "secret.txt");
        let granted = GrantedPaths::default();
        granted.allow_read([cv.clone()]);
        // The same file by another spelling is the same grant.
        assert!(granted.readable(&dir.path().join("docs/../docs/cv.pdf")).is_ok());
        // A path through the granted file's folder to another file is not.
        assert!(granted.readable(&dir.path().join("docs/../secret.txt")).is_err());
        // Nor is a link to the secret placed after the grant under another name.
        #[cfg(unix)]
        {
            let link = dir.path().join("docs/link.pdf");
            std::os::unix::fs::symlink(&secret, &link).unwrap();
            assert!(granted.readable(&link).is_err());
        }
        // A granted name later replaced by a link to another file leads to that file, which
        // was never granted.
        #[cfg(unix)]
        {
            std::fs::remove_file(&cv).unwrap();
            std::os::unix::fs::symlink(&secret, &cv).unwrap();
            assert!(granted.readable(&cv).is_err());
        }
        assert!(granted.readable(Path::new("docs/cv.pdf")).is_err(), "relative paths are never granted");
    }

    #[test]
    fn a_save_dialogs_choice_may_be_written_before_it_exists_and_sign_out_forgets_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("export.csv");
        let granted = GrantedPaths::default();
        assert!(granted.writable(&target).is_err());
        granted.allow_write(&target);
        assert!(granted.writable(&target).is_ok(), "granted while it does not exist yet");
        std::fs::write(&target, b"a,b").unwrap();
        assert!(granted.writable(&target).is_ok(), "and once written");
        let refused = granted.writable(&dir.path().join("other.csv")).unwrap_err().to_string();
        assert!(refused.contains("other.csv") && refused.contains("Save dialog"), "{refused}");
        assert!(granted.readable(&target).is_err(), "writing is not reading");
        granted.clear();
        assert!(granted.writable(&target).is_err());
    }

    #[test]
    fn the_exports_folder_takes_new_files_by_name_and_nothing_else() {
        let home = tempfile::tempdir().unwrap();
        let exports = home.path().join("Downloads");
        std::fs::create_dir(&exports).unwrap();
        std::fs::create_dir(exports.join("sub")).unwrap();
        let existing = file(&exports, "taxes.pdf");
        let granted = GrantedPaths::default();
        granted.allow_new_files_in(&exports);
        assert!(granted.writable(&exports.join("export.csv")).is_ok(), "a new file by name");
        assert!(granted.writable(&existing).is_err(), "an existing file is not replaced");
        assert!(granted.readable(&existing).is_err(), "nor read");
        assert!(granted.writable(&exports.join("sub/export.csv")).is_err(), "not in a folder below");
        assert!(granted.writable(&exports.join("../export.csv")).is_err(), "nor above");
        assert!(granted.writable(&home.path().join("export.csv")).is_err());
        #[cfg(unix)]
        {
            let link = exports.join("link.csv");
            std::os::unix::fs::symlink(home.path().join("elsewhere.csv"), &link).unwrap();
            assert!(granted.writable(&link).is_err(), "a dangling link is not a new file");
        }
    }
}
