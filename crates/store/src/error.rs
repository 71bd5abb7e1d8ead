//! Store errors: a domain rule said no, the file is not usable, or SQLite failed.

use std::path::Path;

use serde::Serialize;
use talentdesk_domain::DomainError;
use talentdesk_domain::import::ImportProblem;
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("{path} is not a Talentdesk database ({detail})")]
    NotOurs { path: String, detail: String },
    #[error(
        "{path} was written by a newer Talentdesk (schema version {found}; this version understands up to {supported}); update Talentdesk to open it"
    )]
    TooNew { path: String, found: i64, supported: i64 },
    #[error("cannot open {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    /// The folder of document bytes cannot be written or read.
    #[error("documents folder: {0}")]
    Blob(String),
    /// An erasure committed, but a file beside the database (a document's bytes, the WAL) still
    /// holds erased data; it is tried again on the next erasure and when the store opens.
    #[error("the candidate is deleted, but {0}; Talentdesk tries again when it next starts")]
    ErasureUnfinished(String),
    /// An export could not be written where the user asked.
    #[error("the export could not be written: {0}")]
    Export(String),
    /// The store cannot take part in sync as asked (another account's data, not signed in).
    #[error("{0}")]
    Replica(String),
}

impl StoreError {
    pub(crate) fn open(path: &Path, source: rusqlite::Error) -> Self {
        let path = path.display().to_string();
        match source.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => {
                StoreError::NotOurs { path, detail: "the file is not an SQLite database".into() }
            }
            _ => StoreError::Open { path, source },
        }
    }

    /// The error as the UI receives it.
    pub fn to_app_error(&self) -> AppError {
        match self {
            StoreError::Domain(d) => AppError::Rule(d.clone()),
            other => AppError::Storage { message: other.to_string() },
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

/// What crosses to the UI when something fails: a rule with its field, a command needing a
/// server this window has none of, a file that cannot be imported, or a storage problem.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "type", content = "error", rename_all = "snake_case")]
#[ts(export)]
pub enum AppError {
    Rule(DomainError),
    /// What was asked needs a server this window is not signed in to.
    Session(SessionProblem),
    /// A spreadsheet import cannot go on (the file, its mapping, the import's steps).
    Import(ImportProblem),
    Storage {
        message: String,
    },
}

/// Why a command that works on the server cannot, from this window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SessionProblem {
    /// Nobody is signed in yet.
    NotSignedIn,
    /// The window works on a local database, which has no server (and no team).
    NoServer,
}

impl std::fmt::Display for SessionProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SessionProblem::NotSignedIn => "sign in to a server first",
            SessionProblem::NoServer => "this works on a server; this window works on a local database",
        })
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::Rule(d) => d.fmt(f),
            AppError::Session(problem) => problem.fmt(f),
            AppError::Import(problem) => problem.fmt(f),
            AppError::Storage { message } => f.write_str(message),
        }
    }
}
