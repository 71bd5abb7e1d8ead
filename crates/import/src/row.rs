//! One row turned into what it imports — a profile, tags, a note, event and pipeline places —
//! or the reasons it cannot be, checked with the domain's own validation.

use serde::Serialize;
use talentdesk_domain::candidate::{Link, LinkKind, Profile};
use talentdesk_domain::settings::{CustomFieldDef, CustomFieldKind};
use talentdesk_domain::validation;
use ts_rs::TS;
use uuid::Uuid;

use crate::RowProblem;
use crate::mapping::Target;
use crate::read::RawRow;

/// What a valid row imports.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportRow {
    #[ts(type = "number")]
    pub line: u64,
    pub profile: Profile,
    pub tags: Vec<String>,
    /// The row's note columns, each headed with its column's name, as one note.
    pub note: Option<String>,
    /// Events to be on the list of, and whether they attended.
    pub events: Vec<(Uuid, bool)>,
    /// Pipelines to be in, at a status (or the pipeline's first).
    pub pipelines: Vec<(Uuid, Option<String>)>,
}

/// What rows are checked against: the columns' targets and the organisation's definitions.
pub(crate) struct Rules<'a> {
    pub headers: &'a [String],
    pub targets: &'a [Target],
    pub custom_fields: &'a [CustomFieldDef],
    /// Each pipeline's statuses.
    pub pipelines: &'a [(Uuid, Vec<String>)],
}

/// A cell as the import reads it: trimmed; "N/A", "-", "null" and the like are empty; an
/// apostrophe a spreadsheet put before a formula-looking value ("'=SUM") is dropped (the value
/// stays text: nothing here ever evaluates a cell).
pub fn clean(cell: &str) -> &str {
    let cell = cell.trim();
    if ["n/a", "na", "-", "--", "null", "none", "#n/a", "(none)", "not available"]
        .contains(&cell.to_lowercase().as_str())
    {
        return "";
    }
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

impl Rules<'_> {
    /// The row's import, or every reason it cannot be imported.
    pub fn convert(&self, raw: &RawRow) -> Result<ImportRow, Vec<RowProblem>> {
        let mut reasons = Vec::new();
        let filled = raw.cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
        if filled > self.headers.len() || raw.cells.len() < self.headers.len() {
            reasons.push(RowProblem::CellCount { cells: raw.cells.len() as u64, header: self.headers.len() as u64 });
            return Err(reasons);
        }
        let mut row = ImportRow {
            line: raw.line,
            profile: Profile::default(),
            tags: Vec::new(),
            note: None,
            events: Vec::new(),
            pipelines: Vec::new(),
        };
        let mut notes = Vec::new();
        for ((cell, target), header) in raw.cells.iter().zip(self.targets).zip(self.headers) {
            let value = clean(cell);
            if value.is_empty() {
                continue;
            }
            if let Err(reason) = self.put(&mut row, &mut notes, target, header, value) {
                reasons.push(reason);
            }
        }
        if !notes.is_empty() {
            row.note = Some(notes.join("\n\n"));
        }
        match validated(row.profile.clone()) {
            Ok(profile) => row.profile = profile,
            Err(problems) => reasons.extend(problems),
        }
        if reasons.is_empty() { Ok(row) } else { Err(reasons) }
    }

    fn put(
        &self,
        row: &mut ImportRow,
        notes: &mut Vec<String>,
        target: &Target,
        header: &str,
        value: &str,
    ) -> Result<(), RowProblem> {
        let p = &mut row.profile;
        match target {
            Target::Ignore => {}
            Target::FirstName => p.first_name = value.to_owned(),
            Target::LastName => p.last_name = value.to_owned(),
            Target::FullName => {
                let (first, last) = value.rsplit_once(char::is_whitespace).unwrap_or((value, ""));
                (p.first_name, p.last_name) = (first.trim().to_owned(), last.trim().to_owned());
            }
            // Lever and Workable list several addresses or numbers in one cell: the first counts.
            Target::Email => {
                let first = value.split([',', ';']).next().unwrap_or_default();
                p.email = Some(first.chars().filter(|c| !c.is_whitespace()).collect());
            }
            Target::Phone => p.phone = Some(value.split([',', ';']).next().unwrap_or_default().trim().to_owned()),
            Target::City => p.location.city = value.to_owned(),
            Target::Region => p.location.region = value.to_owned(),
            Target::Country => p.location.country = value.to_owned(),
            Target::Location => {
                // "City", "City, Country" or "City, Region, Country" (as exports write it).
                let parts: Vec<&str> = value.split(',').map(str::trim).collect();
                let (city, region, country) = match parts.as_slice() {
                    [city, country] => (*city, "", country.to_string()),
                    [city, region, rest @ ..] => (*city, *region, rest.join(", ")),
                    _ => (value, "", String::new()),
                };
                p.location.city = city.to_owned();
                p.location.region = region.to_owned();
                p.location.country = country;
            }
            Target::CurrentTitle => p.current_title = value.to_owned(),
            Target::CurrentEmployer => p.current_employer = value.to_owned(),
            Target::LinkedIn => p.links.push(Link { kind: LinkKind::LinkedIn, url: web_address(value) }),
            Target::Website => {
                for url in value.split([',', ';', ' ', '\n']).filter(|u| !u.is_empty()) {
                    let url = web_address(url);
                    let kind = if url.contains("linkedin.com/") {
                        LinkKind::LinkedIn
                    } else if url.contains("github.com/") {
                        LinkKind::GitHub
                    } else {
                        LinkKind::Portfolio
                    };
                    p.links.push(Link { kind, url });
                }
            }
            Target::Skills { separator } => p.skills.extend(split(value, separator)),
            Target::Languages { separator } => p.languages.extend(split(value, separator)),
            Target::Certifications { separator } => p.certifications.extend(split(value, separator)),
            Target::CustomField { key } => {
                let def = self.custom_fields.iter().find(|d| &d.key == key);
                let value = match def.map(|d| d.kind) {
                    Some(CustomFieldKind::Date) => {
                        date(value).ok_or_else(|| RowProblem::NotADate { column: header.to_owned() })?
                    }
                    Some(CustomFieldKind::YesNo) => {
                        yes_no(value).ok_or_else(|| RowProblem::NotYesNo { column: header.to_owned() })?
                    }
                    _ => value.to_owned(),
                };
                p.custom_fields.insert(key.clone(), value);
            }
            Target::Tags { separator } => {
                for tag in split(value, separator) {
                    row.tags.push(validation::tag(&tag)?);
                }
            }
            Target::Note => notes.push(format!("{header}: {value}")),
            Target::Event { event_id } => {
                if let Some(attended) = attendance(value) {
                    row.events.push((*event_id, attended));
                }
            }
            Target::Pipeline { pipeline_id } => {
                let statuses = self.pipelines.iter().find(|(id, _)| id == pipeline_id).map(|(_, s)| s.as_slice());
                let status = match yes_no(value) {
                    Some(_) => None,
                    None => Some(
                        statuses
                            .unwrap_or_default()
                            .iter()
                            .find(|s| s.eq_ignore_ascii_case(value))
                            .cloned()
                            .ok_or_else(|| RowProblem::NotAStatus {
                                column: header.to_owned(),
                                value: value.to_owned(),
                            })?,
                    ),
                };
                row.pipelines.push((*pipeline_id, status));
            }
        }
        Ok(())
    }
}

/// Every field checked by the domain, each problem reported (not only the first).
fn validated(mut profile: Profile) -> Result<Profile, Vec<RowProblem>> {
    let mut problems = Vec::new();
    for value in profile.fields() {
        match value.validated() {
            Ok(clean) => profile.set(clean),
            Err(e) => problems.push(e.into()),
        }
    }
    if problems.is_empty() { Ok(profile) } else { Err(problems) }
}

/// A list cell's values. A comma separator also splits at semicolons when the cell has them:
/// Talentdesk's own exports (and many spreadsheets) join lists with "; ".
fn split(value: &str, separator: &str) -> Vec<String> {
    let separator = match separator {
        "" | "," if value.contains(';') => ";",
        "" => ",",
        other => other,
    };
    value.split(separator).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// "linkedin.com/in/ana" -> "https://linkedin.com/in/ana".
fn web_address(value: &str) -> String {
    let value = value.trim();
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        value.to_owned()
    } else {
        format!("https://{value}")
    }
}

fn yes_no(value: &str) -> Option<String> {
    match value.to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "x" | "ja" => Some("yes".into()),
        "no" | "n" | "false" | "0" | "nein" => Some("no".into()),
        _ => None,
    }
}

/// An event cell: attended ("attended", "checked in", yes), registered (any other text), or
/// not on the list ("no").
fn attendance(value: &str) -> Option<bool> {
    let lower = value.to_lowercase();
    if ["attended", "checked in", "checked-in", "came"].contains(&lower.as_str()) {
        return Some(true);
    }
    match yes_no(value).as_deref() {
        Some("yes") => Some(true),
        Some(_) => None,
        None => Some(false),
    }
}

/// A date in the formats exports write ("2024-03-05", "03/05/2024", "5.3.2024", "Mar 5,
/// 2024", "2024-03-05T10:00:00Z"), as YYYY-MM-DD. Slashes read month first, as US exports
/// write them, unless the first number cannot be a month.
pub fn date(value: &str) -> Option<String> {
    use chrono::NaiveDate;
    let value = value.trim();
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(value) {
        return Some(at.date_naive().to_string());
    }
    let day_part = value.split(['T', ' ']).next().unwrap_or(value);
    let formats = ["%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%y", "%d-%m-%Y"];
    let parsed = formats.iter().find_map(|f| NaiveDate::parse_from_str(day_part, f).ok()).or_else(|| {
        ["%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y"].iter().find_map(|f| NaiveDate::parse_from_str(value, f).ok())
    });
    parsed.filter(|d| (1900..=2100).contains(&chrono::Datelike::year(d))).map(|d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cleaned() {
        assert_eq!(clean("  N/A "), "");
        assert_eq!(clean("#N/A"), "");
        assert_eq!(clean("'=HYPERLINK(\"x\")"), "=HYPERLINK(\"x\")");
        assert_eq!(clean("=1+1"), "=1+1");
        assert_eq!(clean("'+351 912"), "+351 912");
        assert_eq!(clean("O'Brien"), "O'Brien");
    }

    #[test]
    fn dates_in_the_formats_exports_use() {
        for (raw, want) in [
            ("2024-03-05", "2024-03-05"),
            ("03/05/2024", "2024-03-05"),
            ("25/12/2024", "2024-12-25"),
            ("5.3.2024", "2024-03-05"),
            ("Mar 5, 2024", "2024-03-05"),
            ("2024-03-05T10:00:00Z", "2024-03-05"),
            ("2024-03-05 10:00:00", "2024-03-05"),
        ] {
            assert_eq!(date(raw).as_deref(), Some(want), "{raw}");
        }
        for bad in ["soon", "2024-13-01", "32/01/2024", "1850-01-01"] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }
}
