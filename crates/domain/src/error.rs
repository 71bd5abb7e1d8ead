//! The errors a rule can raise. Each names the problem in words a recruiter understands;
//! `kind` lets the UI place the message (a field, a row, the search box).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum DomainError {
    /// A value that breaks a validation rule.
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
    /// The signed-in user's role does not allow this.
    #[error("{reason}")]
    Forbidden { reason: String },
    /// A bulk action over its limit.
    #[error("{action} works on at most {limit} candidates at once; {requested} are selected")]
    OverBulkLimit { action: String, limit: u32, requested: u64 },
    /// Something the change refers to does not exist (or was deleted).
    #[error("{what} {id} does not exist")]
    NotFound { what: String, id: String },
    /// A keyword query that cannot be parsed; `position` is a character offset.
    #[error("{message} (at character {position})")]
    Query { message: String, position: u32 },
}

impl DomainError {
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::Invalid { field: field.into(), reason: reason.into() }
    }

    pub fn forbidden(reason: impl Into<String>) -> Self {
        Self::Forbidden { reason: reason.into() }
    }

    pub fn not_found(what: impl Into<String>, id: impl ToString) -> Self {
        Self::NotFound { what: what.into(), id: id.to_string() }
    }
}
