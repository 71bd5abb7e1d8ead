//! What can go wrong with an import as a whole ([`ImportError`]), and a row's reasons for
//! being rejected ([`RowProblem`]). Both are typed, so the window words each in its language;
//! their `Display` is the English of the CLI and of the error file's Reason column.

use serde::Serialize;
use talentdesk_domain::DomainError;
pub use talentdesk_domain::import::ImportProblem;
use talentdesk_store::{AppError, StoreError};
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file, its mapping or the import's steps (see [`ImportProblem`]).
    #[error(transparent)]
    Problem(#[from] ImportProblem),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ImportError {
    pub(crate) fn unreadable(file: &str, reason: impl std::fmt::Display) -> Self {
        ImportProblem::Unreadable { file: file.to_owned(), reason: reason.to_string() }.into()
    }

    /// The error as the window receives it.
    pub fn to_app_error(&self) -> AppError {
        match self {
            ImportError::Problem(problem) => AppError::Import(problem.clone()),
            ImportError::Store(e) => e.to_app_error(),
        }
    }
}

/// Why a row cannot be imported (a row may have several).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export, rename = "ImportRowProblem")]
pub enum RowProblem {
    /// More cells than the header has columns (not all empty), or fewer.
    #[error("has {cells} cells; the header has {header}")]
    CellCount {
        #[ts(type = "number")]
        cells: u64,
        #[ts(type = "number")]
        header: u64,
    },
    /// A value the domain's validation refuses (a profile field, a tag): the rule names it.
    #[error("{rule}")]
    Rule { rule: DomainError },
    /// A date custom field's cell that is no date in the formats exports write.
    #[error("{column}: is not a date")]
    NotADate { column: String },
    /// A yes/no custom field's cell that says neither.
    #[error("{column}: is not yes or no")]
    NotYesNo { column: String },
    /// A pipeline column's cell that names none of the pipeline's statuses.
    #[error("{column}: \"{value}\" is not a status of the pipeline")]
    NotAStatus { column: String, value: String },
    /// A tag the tags list lacks, in a recruiter's import (an admin's adds it to the list).
    #[error("tag \"{tag}\" is not in the tags list; an admin can add it")]
    UnlistedTag { tag: String },
}

impl From<DomainError> for RowProblem {
    fn from(rule: DomainError) -> Self {
        RowProblem::Rule { rule }
    }
}
