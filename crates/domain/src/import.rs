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
/// the row's value; lists (skills, languages, certifications, interests, links) gain the row's entries they lack; a
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
            (FieldValue::Certifications(mine), FieldValue::Certifications(theirs)) => {
                FieldValue::Certifications(union(mine, theirs))
            }
            (FieldValue::Interests(mine), FieldValue::Interests(theirs)) => FieldValue::Interests(union(mine, theirs)),
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
        F::Skills(v) | F::Languages(v) | F::Certifications(v) | F::Interests(v) => v.is_empty(),
        F::Links(v) => v.is_empty(),
        F::WillingToRelocate(v) => v.is_none(),
        F::DesiredLevel(v) => v.is_none(),
        F::EmploymentType(v) => v.is_none(),
        F::PreferredCommunication(v) => v.is_none(),
    }
}

/// Why a file cannot be imported, or an import cannot go on. Each kind crosses to the window,
/// which words it in its language; the `Display` is the English the CLI prints. (A row's
/// problems are its reasons for being rejected, not one of these.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ImportProblem {
    /// The system or the file's reader failed; `reason` is theirs, in English.
    #[error("{file}: cannot be read: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("{file}: is not a spreadsheet (CSV, XLSX, XLS or ODS)")]
    NotASpreadsheet { file: String },
    #[error("{file}: is empty")]
    Empty { file: String },
    #[error("{file}: has a header row but no rows to import")]
    HeaderOnly { file: String },
    /// Over the limit for its kind of file ("2 GB"); `unpacked`: what a workbook unpacks to.
    #[error("{file}: is larger than {limit}{} and cannot be imported; split it into smaller files", if *unpacked { " unpacked" } else { "" })]
    TooLarge { file: String, limit: String, unpacked: bool },
    #[error("{file}: has more than {limit} rows; split it into smaller files")]
    TooManyRows {
        file: String,
        #[ts(type = "number")]
        limit: u64,
    },
    #[error("{file}: has no sheet named \"{sheet}\" (its sheets: {})", sheets.join(", "))]
    NoSuchSheet { file: String, sheet: String, sheets: Vec<String> },
    /// The mapping names a column the file does not have.
    #[error("mapping: the file has no column \"{column}\"")]
    NoSuchColumn { column: String },
    /// Two columns go to a field that takes one; `field` as the mapping names it
    /// ("first_name", "custom:visa", "event", "pipeline").
    #[error("mapping: \"{first}\" and \"{second}\" both go to {}; a field takes one column", field_words(field))]
    OneFieldTwice { first: String, second: String, field: String },
    #[error("mapping: a full name column cannot go beside first or last name columns")]
    FullNameBesideParts,
    #[error("mapping: \"{key}\" is not a custom field; an admin defines custom fields")]
    NotACustomField { key: String },
    /// The default country of phone numbers is not one whose calling code is known.
    #[error("mapping: \"{country}\" is not a country whose calling code is known")]
    UnknownCountry { country: String },
    /// Only a row that is someone already in Talentdesk can be chosen otherwise.
    #[error("line {line} is not someone already in Talentdesk; only a duplicate's choice can change")]
    NotADuplicate {
        #[ts(type = "number")]
        line: u64,
    },
    /// The window asked to go on with an import it no longer has (it was closed).
    #[error("there is no import to continue; open the file again")]
    NoImport,
    /// The import was written to the end: importing again starts from the file.
    #[error("this import has been written; open the file again to import it again")]
    Written,
    /// Part of the import was written (then cancelled or stopped): its choices stay.
    #[error(
        "part of this import is written, so its choices stay as they are; Import the rest writes the other rows as planned"
    )]
    PartlyWritten,
    /// The error file could not be written where the user chose; `reason` is the system's.
    #[error("{path}: the error file cannot be written: {reason}")]
    ErrorFileUnwritten { path: String, reason: String },
}

/// A mapping's field key in the English of the CLI's messages.
fn field_words(field: &str) -> String {
    match field {
        "event" => "that event".to_owned(),
        "pipeline" => "that pipeline".to_owned(),
        other => other.strip_prefix("custom:").map_or_else(|| other.to_owned(), |key| format!("custom field {key}")),
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
            certifications: vec!["PMP, PMI".into()],
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
            certifications: vec!["CISSP, 2022".into(), "PMP, PMI".into()],
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
        assert_eq!(kept.certifications, ["PMP, PMI", "CISSP, 2022"], "certifications gain what they lack");

        let taken = merged(&existing(), &row(), Differing::TakeImport);
        assert_eq!(taken.current_title, "Staff Engineer");
        assert_eq!(taken.email.as_deref(), Some("ana@example.com"));
        assert_eq!(taken.certifications, ["PMP, PMI", "CISSP, 2022"], "a list gains, whichever side differing takes");
    }

    #[test]
    fn merging_the_same_row_twice_changes_nothing_the_second_time() {
        let once = merged(&existing(), &row(), Differing::TakeImport);
        assert_eq!(merged(&once, &row(), Differing::TakeImport), once);
    }
}
