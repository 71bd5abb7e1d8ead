//! Many resumes at once: what was dropped or chosen (files, folders, .zip archives of resumes)
//! becomes a queue of files, and each is read in the isolated reader, several at a time.
//!
//! Here rather than in the window's code so the CLI's benchmark and the tests run the very
//! queue the app runs, without Tauri. Deduplication needs the database and lives in
//! `talentdesk_import::resumes`.
//!
//! A .zip is unpacked into a folder the caller gives (the app's cache), never beside the
//! archive: only each entry's own file name is kept (no folders, so `../` and absolute names
//! lead nowhere), and reading stops at the limits below whatever the archive's headers claim.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
use ts_rs::TS;

use crate::{Isolated, ParsedResume, ResumeError};

/// The most files one queue takes (a folder or archive with more is cut there, and says so).
pub const MAX_FILES: usize = 1000;

/// How deep into a dropped folder's subfolders files are looked for.
pub const MAX_DEPTH: usize = 8;

/// The most bytes all of one archive's entries may unpack to together.
pub const MAX_UNPACKED_BYTES: u64 = 512 << 20;

/// A file in the queue: where it can be read, and the name the user knows it by
/// ("cvs.zip › anna.pdf" for an archive's entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub name: String,
    pub path: PathBuf,
}

/// Something dropped that is not in the queue, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "ResumeRefused")]
pub struct Refused {
    pub name: String,
    pub reason: RefusedBecause,
}

/// Why something dropped was not queued; the window words each in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export, rename = "ResumeRefusedBecause")]
pub enum RefusedBecause {
    /// More than [`MAX_FILES`] in the queue.
    TooManyFiles { limit: u32 },
    /// An archive that would unpack to more than [`MAX_UNPACKED_BYTES`], or one entry larger
    /// than a document may be.
    TooLarge { limit_mb: u32 },
    /// An archive that cannot be opened, or a file or folder that cannot be read.
    Unreadable { detail: String },
}

/// The queue made of what was dropped, and what was left out.
#[derive(Debug, Default)]
pub struct Collected {
    pub queued: Vec<Queued>,
    pub refused: Vec<Refused>,
}

/// Files as dropped: each file queued, each folder's files (subfolders to [`MAX_DEPTH`],
/// hidden files and links left out), each `.zip` unpacked into `unpack_into`. Nothing is
/// read yet but the archives.
pub fn collect(dropped: &[PathBuf], unpack_into: &Path) -> Collected {
    let mut c = Collector { out: Collected::default(), unpack_into, names: HashSet::new() };
    for path in dropped {
        c.add(path, &display_name(path), 0);
    }
    c.out
}

struct Collector<'a> {
    out: Collected,
    unpack_into: &'a Path,
    /// The unpacked files' names, kept apart.
    names: HashSet<String>,
}

impl Collector<'_> {
    fn refuse(&mut self, name: &str, reason: RefusedBecause) {
        self.out.refused.push(Refused { name: name.to_owned(), reason });
    }

    /// Queues `name` unless the queue is full (the first file past it says why).
    fn queue(&mut self, name: String, path: PathBuf) -> bool {
        if self.out.queued.len() >= MAX_FILES {
            if !self.out.refused.iter().any(|r| matches!(r.reason, RefusedBecause::TooManyFiles { .. })) {
                self.refuse(&name, RefusedBecause::TooManyFiles { limit: MAX_FILES as u32 });
            }
            return false;
        }
        self.out.queued.push(Queued { name, path });
        true
    }

    fn add(&mut self, path: &Path, name: &str, depth: usize) {
        // Links are not followed: a link in a dropped folder could lead anywhere.
        let meta = match std::fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) => return self.refuse(name, unreadable(e)),
        };
        if meta.is_dir() {
            self.folder(path, name, depth);
        } else if meta.is_file() && is_zip(path) {
            self.zip(path, name);
        } else if meta.is_file() || depth == 0 {
            // A dropped link (depth 0) was given by the user; the reader reads what it is.
            self.queue(name.to_owned(), path.to_owned());
        }
    }

    fn folder(&mut self, path: &Path, name: &str, depth: usize) {
        if depth >= MAX_DEPTH {
            return;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => return self.refuse(name, unreadable(e)),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for child in paths {
            let own = display_name(&child);
            if own.starts_with('.') {
                continue;
            }
            self.add(&child, &format!("{name}/{own}"), depth + 1);
            if self.out.queued.len() >= MAX_FILES {
                return;
            }
        }
    }

    fn zip(&mut self, path: &Path, name: &str) {
        if let Err(reason) = self.unzip(path, name) {
            self.refuse(name, reason);
        }
    }

    fn unzip(&mut self, path: &Path, name: &str) -> Result<(), RefusedBecause> {
        let file = std::fs::File::open(path).map_err(unreadable)?;
        let mut archive = zip::ZipArchive::new(file).map_err(unreadable)?;
        std::fs::create_dir_all(self.unpack_into).map_err(unreadable)?;
        let mut unpacked = 0u64;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).map_err(unreadable)?;
            let Some(own) = entry_name(entry.name()) else { continue };
            if entry.is_dir() {
                continue;
            }
            // The header's size may lie: at most one byte past the limit is read, then refused.
            let room = (MAX_UNPACKED_BYTES - unpacked).min(crate::MAX_BYTES);
            let mut bytes = Vec::new();
            entry.by_ref().take(room + 1).read_to_end(&mut bytes).map_err(unreadable)?;
            if bytes.len() as u64 > room {
                let limit = if room == crate::MAX_BYTES { crate::MAX_BYTES } else { MAX_UNPACKED_BYTES };
                return Err(RefusedBecause::TooLarge { limit_mb: crate::limits::mb(limit) as u32 });
            }
            unpacked += bytes.len() as u64;
            let target = self.unpack_into.join(self.unique(&own));
            std::fs::write(&target, &bytes).map_err(unreadable)?;
            if !self.queue(format!("{name} › {own}"), target) {
                break;
            }
        }
        Ok(())
    }

    /// `own`, or `2-own`, `3-own`… when an earlier entry took the name.
    fn unique(&mut self, own: &str) -> String {
        let mut candidate = own.to_owned();
        let mut n = 1;
        while !self.names.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{n}-{own}");
        }
        candidate
    }
}

/// An archive entry's own file name: its last part, when it is a plain name worth reading
/// (not a folder, hidden file or macOS resource fork).
fn entry_name(raw: &str) -> Option<String> {
    if raw.split(['/', '\\']).any(|part| part == "__MACOSX") {
        return None;
    }
    let own = raw.rsplit(['/', '\\']).next()?.trim();
    let plain = !own.is_empty() && !own.starts_with('.') && !own.contains(['\0', ':']);
    plain.then(|| own.to_owned())
}

fn is_zip(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

fn display_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

fn unreadable(e: impl std::fmt::Display) -> RefusedBecause {
    RefusedBecause::Unreadable { detail: e.to_string() }
}

/// Where one file of the queue is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", content = "error", rename_all = "snake_case")]
#[ts(export, rename = "ResumeStep")]
pub enum Step {
    Reading,
    Read,
    Failed(ResumeError),
}

/// How many files are read at once: one per core.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Reads and parses each file in its own isolated reader, `workers` at a time; `progress`
/// hears each file start and end (from the reading threads, in no set order). The result is
/// in the files' order: each parse, or why the file gave none.
pub fn read_all(
    reader: &Isolated,
    files: &[PathBuf],
    workers: usize,
    progress: impl Fn(usize, &Step) + Sync,
) -> Vec<Result<ParsedResume, ResumeError>> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<ParsedResume, ResumeError>>>> =
        Mutex::new(files.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers.clamp(1, files.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    progress(i, &Step::Reading);
                    let result = read_one(reader, path);
                    progress(i, &step_of(&result));
                    results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(result);
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    results.into_iter().map(|r| r.unwrap_or_else(|| Err(ResumeError::Failed("not read".into())))).collect()
}

fn step_of(result: &Result<ParsedResume, ResumeError>) -> Step {
    match result {
        Ok(_) => Step::Read,
        Err(e) => Step::Failed(e.clone()),
    }
}

/// One file's fields, read in isolation; refused unread when larger than a document may be.
pub fn read_one(reader: &Isolated, path: &Path) -> Result<ParsedResume, ResumeError> {
    let failed = |e: std::io::Error| ResumeError::Failed(e.to_string());
    let size = std::fs::metadata(path).map_err(failed)?.len();
    if size > crate::MAX_BYTES {
        return Err(crate::isolated::too_large_file());
    }
    let bytes = std::fs::read(path).map_err(failed)?;
    Ok(crate::parse_file(reader, &bytes)?.1)
}
