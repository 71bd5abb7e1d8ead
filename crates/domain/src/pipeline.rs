//! Pipelines: named lists of candidates, each member at a workflow status.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::DomainError;
use crate::validation::{self, limits};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pipeline {
    pub id: Uuid,
    pub name: String,
    /// The workflow statuses a member can be at, in order. The first is where members start.
    pub statuses: Vec<String>,
    pub owner_id: Option<Uuid>,
    /// Seen only by its owner and admins.
    pub private: bool,
}

impl Pipeline {
    /// The status a candidate added without one gets.
    pub fn initial_status(&self) -> &str {
        self.statuses.first().map(String::as_str).unwrap_or("New")
    }

    /// Whether a candidate added at `status` counts as reviewed in this pipeline: a status past
    /// the first was chosen for them by someone who looked (Add to Pipeline at "Contacted"),
    /// so they belong with those moved on, not in Unreviewed.
    pub fn reviewed_at(&self, status: &str) -> bool {
        !status.eq_ignore_ascii_case(self.initial_status())
    }

    /// `status` if this pipeline has it (case-insensitively, returning its spelling).
    pub fn status(&self, status: &str) -> Result<String, DomainError> {
        self.statuses.iter().find(|s| s.eq_ignore_ascii_case(status.trim())).cloned().ok_or_else(|| {
            DomainError::invalid(
                "status",
                format!("pipeline \"{}\" has no status \"{status}\"; it has: {}", self.name, self.statuses.join(", ")),
            )
        })
    }
}

/// Checks a new pipeline's name and statuses.
pub fn validate_definition(name: &str, statuses: &[String]) -> Result<(String, Vec<String>), DomainError> {
    let name = validation::required("name", name, limits::SHORT_TEXT)?;
    if statuses.is_empty() {
        return Err(DomainError::invalid("statuses", "a pipeline needs at least one workflow status"));
    }
    let statuses = statuses
        .iter()
        .map(|s| validation::required("statuses", s, limits::SHORT_TEXT))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((name, statuses))
}
