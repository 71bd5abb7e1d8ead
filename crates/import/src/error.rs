//! What can go wrong with an import as a whole (a row's problems are its reasons, not errors).

use talentdesk_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot be read: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("{file}: is not a spreadsheet (CSV, XLSX, XLS or ODS)")]
    NotASpreadsheet { file: String },
    #[error("{file}: is empty")]
    Empty { file: String },
    #[error("{file}: has a header row but no rows to import")]
    HeaderOnly { file: String },
    #[error("{file}: is larger than {limit} and cannot be imported; split it into smaller files")]
    TooLarge { file: String, limit: String },
    #[error("{file}: has more than {limit} rows; split it into smaller files")]
    TooManyRows { file: String, limit: u64 },
    #[error("{file}: has no sheet named \"{sheet}\" (its sheets: {sheets})")]
    NoSuchSheet { file: String, sheet: String, sheets: String },
    #[error("line {line} is not someone already in Talentdesk; only a duplicate's choice can change")]
    NotADuplicate { line: u64 },
    #[error("mapping: {0}")]
    Mapping(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ImportError {
    pub(crate) fn unreadable(file: &str, reason: impl std::fmt::Display) -> Self {
        ImportError::Unreadable { file: file.to_owned(), reason: reason.to_string() }
    }
}
