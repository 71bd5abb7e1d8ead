//! Which Talentdesk field each column goes to: guessed from the header names the common ATS
//! exports use (iCIMS, Greenhouse, Lever, Workable, Bullhorn), editable, and saved as JSON.

use serde::{Deserialize, Serialize};
use talentdesk_domain::settings::CustomFieldDef;
use ts_rs::TS;
use uuid::Uuid;

use crate::{ImportError, ImportProblem};

/// Where a column's values go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "to", rename_all = "snake_case")]
#[ts(export, rename = "ImportTarget")]
pub enum Target {
    Ignore,
    FirstName,
    LastName,
    /// "Ana Maria Souza": the last word is the last name.
    FullName,
    Email,
    Phone,
    City,
    Region,
    Country,
    /// "Lisbon, PT" or "Austin, TX, US".
    Location,
    CurrentTitle,
    CurrentEmployer,
    LinkedIn,
    /// Any other web address (GitHub, a portfolio).
    Website,
    /// Values split at `separator`.
    Skills {
        separator: String,
    },
    Languages {
        separator: String,
    },
    /// Guessed with ";" between them: a certification's issuer and year follow a comma.
    Certifications {
        separator: String,
    },
    CustomField {
        key: String,
    },
    Tags {
        separator: String,
    },
    /// A note on the candidate, headed with the column's name.
    Note,
    /// On the event's list: registered, or attended when the cell says so ("attended", "yes").
    Event {
        event_id: Uuid,
    },
    /// In the pipeline, at the status the cell names (or its first status).
    Pipeline {
        pipeline_id: Uuid,
    },
}

impl Target {
    /// Whether two columns may go to this target (their values are added up).
    fn takes_many(&self) -> bool {
        matches!(
            self,
            Target::Ignore
                | Target::Website
                | Target::Skills { .. }
                | Target::Languages { .. }
                | Target::Certifications { .. }
                | Target::Tags { .. }
                | Target::Note
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportColumn")]
pub struct ColumnMapping {
    /// The column's header, as [`crate::Table::headers`] names it.
    pub column: String,
    pub target: Target,
}

/// A mapping of a file's columns; saved as JSON and given to `talentdesk-cli import --mapping`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "ImportMapping")]
pub struct Mapping {
    pub columns: Vec<ColumnMapping>,
}

impl Mapping {
    /// The target of each of `headers`, in order (a column the mapping does not name is
    /// ignored). Refuses a mapping naming a column the file lacks, or sending two columns to
    /// one single-valued field, or a full name beside first or last names.
    pub fn targets(&self, headers: &[String]) -> Result<Vec<Target>, ImportError> {
        let mut targets = vec![Target::Ignore; headers.len()];
        for c in &self.columns {
            let i = headers
                .iter()
                .position(|h| h == &c.column)
                .ok_or_else(|| ImportProblem::NoSuchColumn { column: c.column.clone() })?;
            targets[i] = c.target.clone();
        }
        for (i, t) in targets.iter().enumerate() {
            if let Some(j) = (i + 1..targets.len()).find(|&j| !t.takes_many() && &targets[j] == t) {
                return Err(ImportProblem::OneFieldTwice {
                    first: headers[i].clone(),
                    second: headers[j].clone(),
                    field: field_key(t),
                }
                .into());
            }
        }
        let has = |t: Target| targets.contains(&t);
        if has(Target::FullName) && (has(Target::FirstName) || has(Target::LastName)) {
            return Err(ImportProblem::FullNameBesideParts.into());
        }
        Ok(targets)
    }
}

/// A target's field key for messages: `first_name`, `custom:visa`, `event`, `pipeline`.
fn field_key(target: &Target) -> String {
    match target {
        Target::CustomField { key } => format!("custom:{key}"),
        Target::Event { .. } => "event".into(),
        Target::Pipeline { .. } => "pipeline".into(),
        other => serde_json::to_value(other)
            .ok()
            .and_then(|v| v.get("to").and_then(|t| t.as_str()).map(str::to_owned))
            .unwrap_or_default(),
    }
}

/// Header names as lowercase letters and digits only: "E-mail Address" -> "emailaddress".
fn squeezed(header: &str) -> String {
    header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Header names (squeezed) and the target they make.
type Known = (&'static [&'static str], fn() -> Target);

/// Headers of ATS exports and spreadsheets, squeezed, by the field they hold.
const KNOWN: &[Known] = &[
    (&["firstname", "givenname", "personfullnamefirst", "forename", "first", "vorname", "prenom"], || {
        Target::FirstName
    }),
    (&["lastname", "surname", "personfullnamelast", "familyname", "last", "nachname", "nom"], || Target::LastName),
    (&["name", "fullname", "candidatename", "candidate", "contactname"], || Target::FullName),
    (
        &[
            "email",
            "emailaddress",
            "primaryemail",
            "primaryemailaddress",
            "personalemail",
            "workemail",
            "emails",
            "mail",
            "candidateemail",
        ],
        || Target::Email,
    ),
    (
        &[
            "phone",
            "mobile",
            "phonenumbersnumber",
            "mobilephonenumber",
            "mobilephone",
            "cellphone",
            "cell",
            "phonenumber",
            "phonenumbers",
            "primaryphone",
            "telephone",
            "homephone",
            "telefon",
        ],
        || Target::Phone,
    ),
    (&["city", "town", "ort", "addresscity"], || Target::City),
    (&["state", "region", "province", "stateprovince", "county", "addressstateprovince"], || Target::Region),
    (&["country", "countrycode", "land", "addresscountry"], || Target::Country),
    (&["location", "address", "candidatelocation", "currentlocation"], || Target::Location),
    (&["title", "currenttitle", "jobtitle", "currentjobtitle", "headline", "position", "occupation"], || {
        Target::CurrentTitle
    }),
    (
        &[
            "company",
            "currentcompany",
            "employer",
            "currentemployer",
            "organization",
            "organisation",
            "currentorganization",
        ],
        || Target::CurrentEmployer,
    ),
    (&["linkedin", "linkedinprofile", "linkedinurl", "linkedinprofileurl", "linkedinprofilelink"], || Target::LinkedIn),
    (
        &["website", "websites", "url", "github", "githuburl", "portfolio", "portfoliourl", "links", "otherlinks"],
        || Target::Website,
    ),
    (&["skills", "skill", "keywords"], || Target::Skills { separator: ",".into() }),
    (&["languages", "language"], || Target::Languages { separator: ",".into() }),
    (&["certifications", "certification", "certificates", "licenses", "licences", "licensesandcertifications"], || {
        Target::Certifications { separator: ";".into() }
    }),
    (&["tags", "tag", "labels", "label"], || Target::Tags { separator: ",".into() }),
    (&["notes", "note", "comments", "comment", "summary", "recruiternotes"], || Target::Note),
];

/// Guesses each column's target from its header; a column whose header names a custom field
/// (by key or label) goes to it. Each single-valued field takes only the first column that
/// names it, so a guess is always a valid mapping.
pub fn guess(headers: &[String], custom_fields: &[CustomFieldDef]) -> Mapping {
    let mut columns: Vec<ColumnMapping> = Vec::new();
    for header in headers {
        let key = squeezed(header);
        let known = KNOWN.iter().find(|(names, _)| names.contains(&key.as_str())).map(|(_, target)| target());
        let custom = || {
            custom_fields
                .iter()
                .find(|d| squeezed(&d.key) == key || squeezed(&d.label) == key)
                .map(|d| Target::CustomField { key: d.key.clone() })
        };
        let mut target = known.or_else(custom).unwrap_or(Target::Ignore);
        if !target.takes_many() && columns.iter().any(|c| c.target == target) {
            target = Target::Ignore;
        }
        columns.push(ColumnMapping { column: header.clone(), target });
    }
    let full_name = columns.iter().position(|c| c.target == Target::FullName);
    let split_name = columns.iter().any(|c| matches!(c.target, Target::FirstName | Target::LastName));
    if let (Some(i), true) = (full_name, split_name) {
        columns[i].target = Target::Ignore;
    }
    Mapping { columns }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn two_columns_to_one_field_are_refused() {
        let h = headers(&["Email", "Work Email"]);
        let mapping = Mapping {
            columns: vec![
                ColumnMapping { column: "Email".into(), target: Target::Email },
                ColumnMapping { column: "Work Email".into(), target: Target::Email },
            ],
        };
        let err = mapping.targets(&h).unwrap_err().to_string();
        assert_eq!(err, "mapping: \"Email\" and \"Work Email\" both go to email; a field takes one column");
        let tags = Mapping {
            columns: vec![
                ColumnMapping { column: "Email".into(), target: Target::Tags { separator: ",".into() } },
                ColumnMapping { column: "Work Email".into(), target: Target::Tags { separator: ",".into() } },
            ],
        };
        assert!(tags.targets(&h).is_ok(), "tags take many columns");
    }

    #[test]
    fn a_guess_never_sends_two_columns_to_one_field() {
        let h = headers(&["Name", "First Name", "Last Name", "Email", "Secondary Email", "E-mail"]);
        let m = guess(&h, &[]);
        assert!(m.targets(&h).is_ok());
        assert_eq!(m.columns[0].target, Target::Ignore, "full name beside first and last");
        assert_eq!(m.columns[5].target, Target::Ignore);
    }

    #[test]
    fn a_mapping_reads_back_from_json() {
        let m = guess(&headers(&["Given name", "Tags", "Visa"]), &[]);
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.contains(r#"{"to":"tags","separator":","}"#), "{json}");
        assert_eq!(serde_json::from_str::<Mapping>(&json).unwrap(), m);
    }
}
