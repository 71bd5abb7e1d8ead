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
    /// Left out of pickers and the list by default; its members and history stay.
    #[serde(default)]
    pub archived: bool,
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

/// The changes to a pipeline's workflow statuses. Each names the status it works on, so two
/// recruiters' edits made offline apply one after the other without undoing each other.
impl Pipeline {
    /// Adds `status` after the others.
    pub fn add_status(&mut self, status: &str) -> Result<String, DomainError> {
        let status = checked_status(status)?;
        self.unused(&status, None)?;
        self.statuses.push(status.clone());
        Ok(status)
    }

    /// Renames `from` to `to`; returns both as spelled (a change of case only is a rename too).
    pub fn rename_status(&mut self, from: &str, to: &str) -> Result<(String, String), DomainError> {
        let index = self.index(from)?;
        let to = checked_status(to)?;
        self.unused(&to, Some(index))?;
        let from = std::mem::replace(&mut self.statuses[index], to.clone());
        Ok((from, to))
    }

    /// Puts `status` at `position` (0 is first; past the end is last).
    pub fn move_status(&mut self, status: &str, position: usize) -> Result<(), DomainError> {
        let index = self.index(status)?;
        let moved = self.statuses.remove(index);
        self.statuses.insert(position.min(self.statuses.len()), moved);
        Ok(())
    }

    /// Takes `status` out of the list; returns it as spelled. Where its members go is the
    /// caller's business (see `effects`); the last status stays.
    pub fn remove_status(&mut self, status: &str) -> Result<String, DomainError> {
        let index = self.index(status)?;
        if self.statuses.len() == 1 {
            return Err(DomainError::invalid("statuses", "a pipeline needs at least one workflow status"));
        }
        Ok(self.statuses.remove(index))
    }

    fn index(&self, status: &str) -> Result<usize, DomainError> {
        let spelled = self.status(status)?;
        Ok(self.statuses.iter().position(|s| *s == spelled).unwrap_or_default())
    }

    /// Refuses a status the pipeline already has (case-insensitively), except the one at `own`.
    fn unused(&self, status: &str, own: Option<usize>) -> Result<(), DomainError> {
        let taken = self.statuses.iter().enumerate().any(|(i, s)| Some(i) != own && s.eq_ignore_ascii_case(status));
        if taken {
            return Err(DomainError::ListedTwice { field: "statuses".into(), value: status.to_owned() });
        }
        Ok(())
    }
}

fn checked_status(status: &str) -> Result<String, DomainError> {
    validation::required("statuses", status, limits::SHORT_TEXT)
}

/// Checks a pipeline's name.
pub fn checked_name(name: &str) -> Result<String, DomainError> {
    validation::required("name", name, limits::SHORT_TEXT)
}

/// Checks a new pipeline's name and statuses: at least one, none twice.
pub fn validate_definition(name: &str, statuses: &[String]) -> Result<(String, Vec<String>), DomainError> {
    let name = checked_name(name)?;
    if statuses.is_empty() {
        return Err(DomainError::invalid("statuses", "a pipeline needs at least one workflow status"));
    }
    let mut p =
        Pipeline { id: Uuid::nil(), name, statuses: Vec::new(), owner_id: None, private: false, archived: false };
    for status in statuses {
        p.add_status(status)?;
    }
    Ok((p.name, p.statuses))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hiring() -> Pipeline {
        let statuses = ["New", "Screen", "Interview", "Offer"].map(String::from).to_vec();
        Pipeline { id: Uuid::nil(), name: "Hiring".into(), statuses, owner_id: None, private: false, archived: false }
    }

    #[test]
    fn statuses_are_added_renamed_moved_and_removed_by_name() {
        let mut p = hiring();
        assert_eq!(p.add_status(" Hired ").unwrap(), "Hired");
        assert_eq!(p.rename_status("screen", "Phone screen").unwrap(), ("Screen".into(), "Phone screen".into()));
        p.move_status("Offer", 1).unwrap();
        p.move_status("New", 99).unwrap();
        assert_eq!(p.remove_status("INTERVIEW").unwrap(), "Interview");
        assert_eq!(p.statuses, ["Offer", "Phone screen", "Hired", "New"]);
        // A change of case is a rename of the status itself, not a clash with it.
        assert_eq!(p.rename_status("hired", "HIRED").unwrap().1, "HIRED");
    }

    #[test]
    fn a_status_twice_an_empty_one_or_none_left_is_refused() {
        let mut p = hiring();
        let twice = p.rename_status("Screen", "offer").unwrap_err();
        assert_eq!(twice, DomainError::ListedTwice { field: "statuses".into(), value: "offer".into() });
        assert!(matches!(p.add_status("new"), Err(DomainError::ListedTwice { .. })));
        assert!(matches!(p.add_status("  "), Err(DomainError::Required { .. })));
        assert!(p.rename_status("Gone", "Here").unwrap_err().to_string().contains("has no status \"Gone\""));
        assert_eq!(p.statuses, hiring().statuses, "nothing changed");
        let mut one = Pipeline { statuses: vec!["Only".into()], ..hiring() };
        assert!(one.remove_status("Only").unwrap_err().to_string().contains("at least one"));
        let dup = validate_definition("P", &["New".into(), "NEW".into()]).unwrap_err();
        assert!(matches!(dup, DomainError::ListedTwice { .. }));
        assert!(matches!(validate_definition(" ", &["New".into()]), Err(DomainError::Required { .. })));
    }

    #[test]
    fn a_status_with_members_is_refused_in_words_that_count_them() {
        let one = DomainError::StatusHasMembers { status: "Screen".into(), count: 1 };
        assert_eq!(one.to_string(), "1 candidate is at \"Screen\"; choose the status they move to");
        let many = DomainError::StatusHasMembers { status: "Screen".into(), count: 12 };
        assert_eq!(many.to_string(), "12 candidates are at \"Screen\"; choose the status they move to");
    }
}
