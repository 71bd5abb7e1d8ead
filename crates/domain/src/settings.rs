//! Organisation-wide settings an admin controls: the results table's columns, custom fields,
//! automated hired actions, the areas of interest people choose from at events.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::DomainError;
use crate::dedupe;
use crate::validation::{self, limits};

/// A column of the candidate results table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Column {
    Name,
    Tags,
    Location,
    CurrentRole,
    HighestEducation,
    JobApps,
    Activity,
    Updated,
    /// Years of experience (sortable).
    Experience,
    /// The areas of interest the candidate chose.
    Interests,
}

impl Column {
    /// Name always shows: it is how a recruiter opens a profile.
    pub const REQUIRED: Column = Column::Name;
    pub const DEFAULT: [Column; 7] = [
        Column::Name,
        Column::Tags,
        Column::Location,
        Column::CurrentRole,
        Column::HighestEducation,
        Column::JobApps,
        Column::Activity,
    ];
}

/// Which columns show, in which order. Applies to every user of the organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnConfig {
    pub columns: Vec<Column>,
}

impl Default for ColumnConfig {
    fn default() -> Self {
        Self { columns: Column::DEFAULT.to_vec() }
    }
}

impl ColumnConfig {
    pub fn validated(self) -> Result<Self, DomainError> {
        if !self.columns.contains(&Column::REQUIRED) {
            return Err(DomainError::invalid("columns", "the Name column cannot be hidden"));
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(dup) = self.columns.iter().find(|c| !seen.insert(**c)) {
            return Err(DomainError::ListedTwice { field: "columns".into(), value: format!("{dup:?}") });
        }
        Ok(self)
    }
}

/// What happens automatically when a candidate is hired.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HiredActions {
    pub unsubscribe: bool,
    pub deactivate: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CustomFieldKind {
    Text,
    Number,
    Date,
    YesNo,
}

/// A field an admin adds to every profile's Additional Information.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomFieldDef {
    /// Stable key used in profiles (`visa_status`).
    pub key: String,
    pub label: String,
    pub kind: CustomFieldKind,
}

impl CustomFieldDef {
    pub fn validated(self) -> Result<Self, DomainError> {
        let key = validation::required("key", &self.key, 64)?;
        if !key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return Err(DomainError::invalid("key", format!("\"{key}\" may use only a-z, 0-9 and _")));
        }
        let label = validation::required("label", &self.label, limits::SHORT_TEXT)?;
        Ok(Self { key, label, kind: self.kind })
    }

    /// Checks a value typed into this field.
    pub fn check_value(&self, value: &str) -> Result<(), DomainError> {
        let field = format!("custom:{}", self.key);
        let ok = match self.kind {
            CustomFieldKind::Text => true,
            CustomFieldKind::Number => value.trim().parse::<f64>().is_ok_and(f64::is_finite),
            CustomFieldKind::Date => chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").is_ok(),
            CustomFieldKind::YesNo => matches!(value.trim(), "yes" | "no"),
        };
        if ok {
            Ok(())
        } else {
            let expected = match self.kind {
                CustomFieldKind::Text => "text",
                CustomFieldKind::Number => "a number",
                CustomFieldKind::Date => "a date (YYYY-MM-DD)",
                CustomFieldKind::YesNo => "yes or no",
            };
            Err(DomainError::invalid(field, format!("is not {expected}")))
        }
    }
}

/// Most areas of interest an organisation lists: a list a walk-in scans in seconds.
pub const MAX_AREAS_OF_INTEREST: usize = 100;

/// The organisation's areas of interest as an admin sets them: each a short line, once
/// (whatever its case), in the admin's order.
pub fn areas_of_interest(list: &[String]) -> Result<Vec<String>, DomainError> {
    const FIELD: &str = "interests";
    if list.len() > MAX_AREAS_OF_INTEREST {
        let count = u32::try_from(list.len()).unwrap_or(u32::MAX);
        return Err(DomainError::TooMany { field: FIELD.into(), count, limit: MAX_AREAS_OF_INTEREST as u32 });
    }
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for item in list {
        let area = validation::line(FIELD, item, limits::NAME)?;
        if area.is_empty() {
            return Err(DomainError::Required { field: FIELD.into() });
        }
        if out.iter().any(|a| a.to_lowercase() == area.to_lowercase()) {
            return Err(DomainError::ListedTwice { field: FIELD.into(), value: area });
        }
        out.push(area);
    }
    Ok(out)
}

/// The organisation's default phone country as an admin sets it: an ISO 3166 code among the
/// countries whose calling codes are known ([`dedupe::CALLING_CODES`]), in capitals; none
/// (blank) when numbers without a country code are only compared as written.
pub fn phone_country(country: Option<&str>) -> Result<Option<String>, DomainError> {
    let Some(iso) = country.map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    if dedupe::calling_code(&iso).is_none() {
        let allowed = dedupe::CALLING_CODES.iter().map(|(c, _)| (*c).to_owned()).collect();
        return Err(DomainError::NotOneOf { field: "phone_country".into(), value: iso, allowed });
    }
    Ok(Some(iso))
}

/// The areas someone chose, spelled as the organisation lists them, each once. One that is
/// not on the list is refused, naming it.
pub fn chosen_interests(chosen: &[String], offered: &[String]) -> Result<Vec<String>, DomainError> {
    let mut out: Vec<String> = Vec::with_capacity(chosen.len());
    for choice in chosen {
        let wanted = choice.trim().to_lowercase();
        let area = offered.iter().find(|a| a.to_lowercase() == wanted).ok_or_else(|| {
            let reason = format!("\"{}\" is not one of the organisation's areas of interest", choice.trim());
            DomainError::invalid("interests", reason)
        })?;
        if !out.contains(area) {
            out.push(area.clone());
        }
    }
    Ok(out)
}

/// A candidate's areas of interest as an edit leaves them. One they already `had` stays as it
/// is, even when the admin has taken it off the list since: the person chose it, and an edit
/// (or a merge, or a sign-up that adds another) must not lose it. One added must be on the
/// organisation's list (`offered`) and takes its spelling; anything else is refused, naming it.
pub fn profile_interests(wanted: &[String], had: &[String], offered: &[String]) -> Result<Vec<String>, DomainError> {
    let mut out: Vec<String> = Vec::with_capacity(wanted.len());
    for want in wanted {
        let area = match had.iter().find(|h| h.to_lowercase() == want.trim().to_lowercase()) {
            Some(kept) => kept.clone(),
            None => chosen_interests(std::slice::from_ref(want), offered)?.remove(0),
        };
        if !out.contains(&area) {
            out.push(area);
        }
    }
    Ok(out)
}

/// Whether `wanted` holds an area not among those the candidate `had`: only then is the
/// organisation's list needed to check it.
pub fn adds_interests(wanted: &[String], had: &[String]) -> bool {
    wanted.iter().any(|w| !had.iter().any(|h| h.to_lowercase() == w.trim().to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_config_keeps_name_and_refuses_repeats() {
        assert!(ColumnConfig::default().validated().is_ok());
        assert!(ColumnConfig { columns: vec![Column::Tags] }.validated().is_err());
        assert!(ColumnConfig { columns: vec![Column::Name, Column::Tags, Column::Tags] }.validated().is_err());
        assert!(ColumnConfig { columns: vec![Column::Activity, Column::Name] }.validated().is_ok());
    }

    #[test]
    fn custom_field_values_follow_their_kind() {
        let def = |kind| CustomFieldDef { key: "k".into(), label: "K".into(), kind };
        assert!(def(CustomFieldKind::Number).check_value("12.5").is_ok());
        assert!(def(CustomFieldKind::Number).check_value("twelve").is_err());
        assert!(def(CustomFieldKind::Date).check_value("2026-02-30").is_err());
        assert!(def(CustomFieldKind::YesNo).check_value("yes").is_ok());
        assert!(
            CustomFieldDef { key: "Visa Status".into(), label: "Visa".into(), kind: CustomFieldKind::Text }
                .validated()
                .is_err()
        );
    }

    #[test]
    fn areas_of_interest_are_single_lines_listed_once() {
        let list = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(areas_of_interest(&list(&[" Data ", "Design"])).unwrap(), list(&["Data", "Design"]));
        for (bad, reason) in [
            (list(&["Data", "data"]), "listed twice"),
            (list(&["Data", " "]), "is required"),
            (list(&["Two\nlines"]), "single line"),
            (vec!["x".to_owned(); MAX_AREAS_OF_INTEREST + 1], "the limit is 100"),
        ] {
            let err = areas_of_interest(&bad).unwrap_err().to_string();
            assert!(err.contains(reason), "{err}");
        }
    }

    #[test]
    fn the_phone_country_is_a_known_iso_code_or_none() {
        assert_eq!(phone_country(Some(" de ")).unwrap().as_deref(), Some("DE"));
        assert_eq!(phone_country(Some("  ")).unwrap(), None);
        assert_eq!(phone_country(None).unwrap(), None);
        match phone_country(Some("Germany")) {
            Err(DomainError::NotOneOf { field, value, allowed }) => {
                assert_eq!((field.as_str(), value.as_str()), ("phone_country", "GERMANY"));
                assert!(allowed.contains(&"DE".to_owned()) && allowed.contains(&"US".to_owned()));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn chosen_interests_take_the_listed_spelling_and_refuse_others() {
        let offered = vec!["Data Science".to_owned(), "Design".to_owned()];
        let chosen = vec!["data science".to_owned(), "Design".to_owned(), "DESIGN".to_owned()];
        assert_eq!(chosen_interests(&chosen, &offered).unwrap(), offered);
        let err = chosen_interests(&["Sales".to_owned()], &offered).unwrap_err().to_string();
        assert_eq!(err, "interests: \"Sales\" is not one of the organisation's areas of interest");
    }

    #[test]
    fn a_profile_keeps_the_areas_it_had_and_adds_only_listed_ones() {
        let list = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        // "Sales" was taken off the organisation's list after the candidate chose it.
        let (had, offered) = (list(&["Sales", "Data"]), list(&["Data", "Design"]));
        assert_eq!(profile_interests(&list(&["Sales", "design"]), &had, &offered).unwrap(), list(&["Sales", "Design"]));
        assert!(!adds_interests(&list(&["sales", "Data"]), &had), "what they had needs no list");
        assert!(adds_interests(&list(&["Design"]), &had));
        let err = profile_interests(&list(&["Data", "Marketing"]), &had, &offered).unwrap_err().to_string();
        assert_eq!(err, "interests: \"Marketing\" is not one of the organisation's areas of interest");
        assert_eq!(profile_interests(&list(&["DATA", "data"]), &[], &offered).unwrap(), list(&["Data"]));
    }
}
