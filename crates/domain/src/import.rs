//! A row of an import as a mutation (`candidate.import`): a new candidate, or the row merged
//! into the candidate it duplicates. The merge rule lives here so that the desktop and the
//! server, applying the same mutation to what each holds, merge alike.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::candidate::{FieldValue, Profile};

/// Which import a row came from: history names the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportSource {
    pub import_id: Uuid,
    /// The file's name, without its folder.
    pub file: String,
}

/// For a field that both the candidate and the row fill, with different values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Differing {
    #[default]
    KeepExisting,
    TakeImport,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ImportWrite {
    /// A new candidate, profile type Imported.
    Create { profile: Profile },
    /// Into an existing candidate: see [`merged`].
    Merge { profile: Profile, differing: Differing },
}

/// `existing` with the row's values merged in: every field the candidate leaves empty takes
/// the row's value; lists (skills, languages, links) gain the row's entries they lack; a
/// field both fill differently keeps the candidate's value or takes the row's, as `differing`
/// says.
pub fn merged(existing: &Profile, row: &Profile, differing: Differing) -> Profile {
    let mut out = existing.clone();
    for value in row.fields() {
        if is_empty(&value) {
            continue;
        }
        let current = existing.get(&value);
        let next = match (current, value) {
            (FieldValue::Skills(mine), FieldValue::Skills(theirs)) => FieldValue::Skills(union(mine, theirs)),
            (FieldValue::Languages(mine), FieldValue::Languages(theirs)) => FieldValue::Languages(union(mine, theirs)),
            (FieldValue::Links(mine), FieldValue::Links(theirs)) => FieldValue::Links(union(mine, theirs)),
            (current, value) if is_empty(&current) || differing == Differing::TakeImport => value,
            _ => continue,
        };
        out.set(next);
    }
    out
}

fn union<T: PartialEq>(mut mine: Vec<T>, theirs: Vec<T>) -> Vec<T> {
    for item in theirs {
        if !mine.contains(&item) {
            mine.push(item);
        }
    }
    mine
}

/// Whether a field holds nothing (an empty text, no value, an empty list).
pub fn is_empty(value: &FieldValue) -> bool {
    use FieldValue as F;
    match value {
        F::FirstName(s) | F::LastName(s) | F::CurrentTitle(s) | F::CurrentEmployer(s) => s.trim().is_empty(),
        F::Email(v) | F::Phone(v) | F::CustomField { value: v, .. } => v.as_deref().is_none_or(|s| s.trim().is_empty()),
        F::Location(l) => l.city.is_empty() && l.region.is_empty() && l.country.is_empty(),
        F::Employment(v) => v.is_empty(),
        F::Education(v) => v.is_empty(),
        F::Skills(v) | F::Languages(v) => v.is_empty(),
        F::Links(v) => v.is_empty(),
        F::WillingToRelocate(v) => v.is_none(),
        F::DesiredLevel(v) => v.is_none(),
        F::EmploymentType(v) => v.is_none(),
        F::PreferredCommunication(v) => v.is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::{Link, LinkKind};

    fn existing() -> Profile {
        Profile {
            first_name: "Ana".into(),
            last_name: "Souza".into(),
            email: Some("ana@example.com".into()),
            current_title: "Engineer".into(),
            skills: vec!["Rust".into()],
            ..Profile::default()
        }
    }

    fn row() -> Profile {
        Profile {
            first_name: "Ana".into(),
            last_name: "Souza".into(),
            phone: Some("+351 912 345 678".into()),
            current_title: "Staff Engineer".into(),
            skills: vec!["SQL".into(), "Rust".into()],
            links: vec![Link { kind: LinkKind::LinkedIn, url: "https://linkedin.com/in/ana".into() }],
            ..Profile::default()
        }
    }

    #[test]
    fn a_merge_fills_empty_fields_and_keeps_or_takes_differing_ones() {
        let kept = merged(&existing(), &row(), Differing::KeepExisting);
        assert_eq!(kept.phone.as_deref(), Some("+351 912 345 678"), "empty phone filled");
        assert_eq!(kept.current_title, "Engineer", "differing title kept");
        assert_eq!(kept.email.as_deref(), Some("ana@example.com"), "the row's empty email changes nothing");
        assert_eq!(kept.skills, vec!["Rust", "SQL"], "lists gain what they lack");
        assert_eq!(kept.links.len(), 1);

        let taken = merged(&existing(), &row(), Differing::TakeImport);
        assert_eq!(taken.current_title, "Staff Engineer");
        assert_eq!(taken.email.as_deref(), Some("ana@example.com"));
    }

    #[test]
    fn merging_the_same_row_twice_changes_nothing_the_second_time() {
        let once = merged(&existing(), &row(), Differing::TakeImport);
        assert_eq!(merged(&once, &row(), Differing::TakeImport), once);
    }
}
