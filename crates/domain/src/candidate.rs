//! The candidate profile: the material fields a recruiter edits (and History records), and the
//! record around them (ids, flags, derived status).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::activity::{ActivityStatus, EngagementSet};
use crate::validation::{self, limits};
use crate::{DomainError, Timestamp};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Location {
    pub city: String,
    pub region: String,
    pub country: String,
}

impl Location {
    /// "Lisbon, PT": the parts that are known, joined.
    pub fn display(&self) -> String {
        [&self.city, &self.region, &self.country]
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Employment {
    pub title: String,
    pub employer: String,
    /// `2019` or `2019-04`.
    pub start: Option<String>,
    /// None while `current`.
    pub end: Option<String>,
    pub current: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Education {
    pub school: String,
    pub degree: String,
    pub major: String,
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LinkKind {
    LinkedIn,
    GitHub,
    Portfolio,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Link {
    pub kind: LinkKind,
    pub url: String,
}

/// How the candidate entered the CRM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProfileType {
    CandidateAuthenticated,
    RecruiterGenerated,
    Applicant,
    EventAttendee,
    Imported,
}

impl ProfileType {
    pub const ALL: [ProfileType; 5] = [
        ProfileType::CandidateAuthenticated,
        ProfileType::RecruiterGenerated,
        ProfileType::Applicant,
        ProfileType::EventAttendee,
        ProfileType::Imported,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProfileType::CandidateAuthenticated => "candidate_authenticated",
            ProfileType::RecruiterGenerated => "recruiter_generated",
            ProfileType::Applicant => "applicant",
            ProfileType::EventAttendee => "event_attendee",
            ProfileType::Imported => "imported",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ProfileType::CandidateAuthenticated => "Candidate Authenticated",
            ProfileType::RecruiterGenerated => "Recruiter Generated",
            ProfileType::Applicant => "Applicant",
            ProfileType::EventAttendee => "Event Attendee",
            ProfileType::Imported => "Imported",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum JobLevel {
    Entry,
    Mid,
    Senior,
    Lead,
    Manager,
    Director,
    Executive,
}

impl JobLevel {
    pub fn label(self) -> &'static str {
        match self {
            JobLevel::Entry => "Entry level",
            JobLevel::Mid => "Mid level",
            JobLevel::Senior => "Senior",
            JobLevel::Lead => "Lead",
            JobLevel::Manager => "Manager",
            JobLevel::Director => "Director",
            JobLevel::Executive => "Executive",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Either,
}

impl EmploymentType {
    pub fn label(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "Full time",
            EmploymentType::PartTime => "Part time",
            EmploymentType::Either => "Full or part time",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CommunicationMethod {
    Email,
    Phone,
    Text,
}

impl CommunicationMethod {
    pub fn label(self) -> &'static str {
        match self {
            CommunicationMethod::Email => "Email",
            CommunicationMethod::Phone => "Phone",
            CommunicationMethod::Text => "Text message",
        }
    }
}

/// The material profile: every field Edit Profile and Parse Resume change, and what a History
/// entry shows as "the profile right after".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Profile {
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub location: Location,
    pub current_title: String,
    pub current_employer: String,
    pub employment: Vec<Employment>,
    pub education: Vec<Education>,
    /// Terms from the skills taxonomy in `assets/`.
    pub skills: Vec<String>,
    pub links: Vec<Link>,
    pub willing_to_relocate: Option<bool>,
    pub desired_level: Option<JobLevel>,
    pub employment_type: Option<EmploymentType>,
    pub languages: Vec<String>,
    /// Certifications and licences, each one line: its name, with the issuer or year when known
    /// ("AWS Certified Data Engineer, 2023"). Absent from profiles saved before it existed
    /// (history snapshots, other clients' records), which read as none.
    #[serde(default)]
    pub certifications: Vec<String>,
    /// The areas of the organisation's list the person is interested in (Data, Design), as the
    /// list spells them when chosen. One the admin later takes off the list stays: the person
    /// chose it. Absent from profiles saved before it existed, which read as none.
    #[serde(default)]
    pub interests: Vec<String>,
    pub preferred_communication: Option<CommunicationMethod>,
    /// Values of admin-defined custom fields, by field key.
    pub custom_fields: BTreeMap<String, String>,
}

impl Profile {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name).trim().to_owned()
    }

    /// The highest degree, for the table's Highest Education column: the most recent entry
    /// with a degree, by end date.
    pub fn highest_education(&self) -> Option<&Education> {
        self.education.iter().filter(|e| !e.degree.is_empty()).max_by(|a, b| a.end.cmp(&b.end))
    }

    /// Checks every field and returns the cleaned profile.
    pub fn validated(mut self) -> Result<Self, DomainError> {
        for value in self.fields() {
            self.set(value.validated()?);
        }
        Ok(self)
    }

    /// The profile as a list of field values, one per field (custom fields one each).
    pub fn fields(&self) -> Vec<FieldValue> {
        let mut fields = vec![
            FieldValue::FirstName(self.first_name.clone()),
            FieldValue::LastName(self.last_name.clone()),
            FieldValue::Email(self.email.clone()),
            FieldValue::Phone(self.phone.clone()),
            FieldValue::Location(self.location.clone()),
            FieldValue::CurrentTitle(self.current_title.clone()),
            FieldValue::CurrentEmployer(self.current_employer.clone()),
            FieldValue::Employment(self.employment.clone()),
            FieldValue::Education(self.education.clone()),
            FieldValue::Skills(self.skills.clone()),
            FieldValue::Links(self.links.clone()),
            FieldValue::WillingToRelocate(self.willing_to_relocate),
            FieldValue::DesiredLevel(self.desired_level),
            FieldValue::EmploymentType(self.employment_type),
            FieldValue::Languages(self.languages.clone()),
            FieldValue::Certifications(self.certifications.clone()),
            FieldValue::Interests(self.interests.clone()),
            FieldValue::PreferredCommunication(self.preferred_communication),
        ];
        fields.extend(
            self.custom_fields
                .iter()
                .map(|(key, value)| FieldValue::CustomField { key: key.clone(), value: Some(value.clone()) }),
        );
        fields
    }

    /// The current value of the field `like` names.
    pub fn get(&self, like: &FieldValue) -> FieldValue {
        match like {
            FieldValue::CustomField { key, .. } => {
                FieldValue::CustomField { key: key.clone(), value: self.custom_fields.get(key).cloned() }
            }
            _ => self.fields().into_iter().find(|f| f.key() == like.key()).expect("every built-in field is listed"),
        }
    }

    pub fn set(&mut self, value: FieldValue) {
        match value {
            FieldValue::FirstName(v) => self.first_name = v,
            FieldValue::LastName(v) => self.last_name = v,
            FieldValue::Email(v) => self.email = v,
            FieldValue::Phone(v) => self.phone = v,
            FieldValue::Location(v) => self.location = v,
            FieldValue::CurrentTitle(v) => self.current_title = v,
            FieldValue::CurrentEmployer(v) => self.current_employer = v,
            FieldValue::Employment(v) => self.employment = v,
            FieldValue::Education(v) => self.education = v,
            FieldValue::Skills(v) => self.skills = v,
            FieldValue::Links(v) => self.links = v,
            FieldValue::WillingToRelocate(v) => self.willing_to_relocate = v,
            FieldValue::DesiredLevel(v) => self.desired_level = v,
            FieldValue::EmploymentType(v) => self.employment_type = v,
            FieldValue::Languages(v) => self.languages = v,
            FieldValue::Certifications(v) => self.certifications = v,
            FieldValue::Interests(v) => self.interests = v,
            FieldValue::PreferredCommunication(v) => self.preferred_communication = v,
            FieldValue::CustomField { key, value: Some(v) } => {
                self.custom_fields.insert(key, v);
            }
            FieldValue::CustomField { key, value: None } => {
                self.custom_fields.remove(&key);
            }
        }
    }
}

/// One field of the profile with its value: the unit of an edit and of a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum FieldValue {
    FirstName(String),
    LastName(String),
    Email(Option<String>),
    Phone(Option<String>),
    Location(Location),
    CurrentTitle(String),
    CurrentEmployer(String),
    Employment(Vec<Employment>),
    Education(Vec<Education>),
    Skills(Vec<String>),
    Links(Vec<Link>),
    WillingToRelocate(Option<bool>),
    DesiredLevel(Option<JobLevel>),
    EmploymentType(Option<EmploymentType>),
    Languages(Vec<String>),
    Certifications(Vec<String>),
    Interests(Vec<String>),
    PreferredCommunication(Option<CommunicationMethod>),
    CustomField { key: String, value: Option<String> },
}

impl FieldValue {
    /// The field's name: `email`, `skills`, `custom:<key>`.
    pub fn key(&self) -> String {
        match self {
            FieldValue::CustomField { key, .. } => format!("custom:{key}"),
            other => serde_json::to_value(other)
                .ok()
                .and_then(|v| v.get("field").and_then(|f| f.as_str()).map(str::to_owned))
                .unwrap_or_default(),
        }
    }

    /// The value cleaned and checked, or an error naming the field.
    pub fn validated(self) -> Result<Self, DomainError> {
        use FieldValue as F;
        let optional = |v: Option<String>, check: fn(&str) -> Result<String, DomainError>| {
            v.filter(|s| !s.trim().is_empty()).map(|s| check(&s)).transpose()
        };
        Ok(match self {
            F::FirstName(v) => F::FirstName(validation::required("first_name", &v, limits::NAME)?),
            F::LastName(v) => F::LastName(validation::required("last_name", &v, limits::NAME)?),
            F::Email(v) => F::Email(optional(v, validation::email)?),
            F::Phone(v) => F::Phone(optional(v, validation::phone)?),
            F::Location(l) => F::Location(Location {
                city: validation::line("city", &l.city, limits::SHORT_TEXT)?,
                region: validation::line("region", &l.region, limits::SHORT_TEXT)?,
                country: validation::line("country", &l.country, limits::SHORT_TEXT)?,
            }),
            F::CurrentTitle(v) => F::CurrentTitle(validation::line("current_title", &v, limits::SHORT_TEXT)?),
            F::CurrentEmployer(v) => F::CurrentEmployer(validation::line("current_employer", &v, limits::SHORT_TEXT)?),
            F::Employment(list) => F::Employment(
                bounded("employment", list)?.into_iter().map(validated_employment).collect::<Result<_, _>>()?,
            ),
            F::Education(list) => F::Education(
                bounded("education", list)?.into_iter().map(validated_education).collect::<Result<_, _>>()?,
            ),
            F::Skills(list) => F::Skills(distinct("skills", list, limits::SHORT_TEXT)?),
            F::Links(list) => F::Links(
                bounded("links", list)?
                    .into_iter()
                    .map(|l| Ok(Link { kind: l.kind, url: validation::url("links", &l.url)? }))
                    .collect::<Result<_, DomainError>>()?,
            ),
            F::Languages(list) => F::Languages(distinct("languages", list, limits::SHORT_TEXT)?),
            F::Certifications(list) => F::Certifications(distinct("certifications", list, limits::SHORT_TEXT)?),
            F::Interests(list) => F::Interests(distinct("interests", list, limits::NAME)?),
            F::CustomField { key, value } => {
                let key = validation::required("custom_field", &key, limits::SHORT_TEXT)?;
                let value = value.map(|v| validation::text(&format!("custom:{key}"), &v, limits::NOTE)).transpose()?;
                F::CustomField { key, value: value.filter(|v| !v.is_empty()) }
            }
            plain @ (F::WillingToRelocate(_)
            | F::DesiredLevel(_)
            | F::EmploymentType(_)
            | F::PreferredCommunication(_)) => plain,
        })
    }
}

fn bounded<T>(field: &str, list: Vec<T>) -> Result<Vec<T>, DomainError> {
    if list.len() > limits::LIST_ITEMS {
        let count = u32::try_from(list.len()).unwrap_or(u32::MAX);
        return Err(DomainError::TooMany { field: field.into(), count, limit: limits::LIST_ITEMS as u32 });
    }
    Ok(list)
}

/// Cleans each entry, drops empty ones and case-insensitive repeats, keeping the first spelling.
pub(crate) fn distinct(field: &str, list: Vec<String>, max_chars: usize) -> Result<Vec<String>, DomainError> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for item in bounded(field, list)? {
        let item = validation::line(field, &item, max_chars)?;
        if !item.is_empty() && seen.insert(item.to_lowercase()) {
            out.push(item);
        }
    }
    Ok(out)
}

fn optional_date(field: &str, value: Option<String>) -> Result<Option<String>, DomainError> {
    value.filter(|v| !v.trim().is_empty()).map(|v| validation::partial_date(field, &v)).transpose()
}

fn check_order(field: &str, start: &Option<String>, end: &Option<String>) -> Result<(), DomainError> {
    match (start, end) {
        (Some(s), Some(e)) if s > e => Err(DomainError::EndsBeforeStart { field: field.into() }),
        _ => Ok(()),
    }
}

fn validated_employment(e: Employment) -> Result<Employment, DomainError> {
    let start = optional_date("employment.start", e.start)?;
    let end = if e.current { None } else { optional_date("employment.end", e.end)? };
    check_order("employment", &start, &end)?;
    let title = validation::line("employment.title", &e.title, limits::SHORT_TEXT)?;
    let employer = validation::line("employment.employer", &e.employer, limits::SHORT_TEXT)?;
    if title.is_empty() && employer.is_empty() {
        return Err(DomainError::invalid("employment", "an entry needs a title or an employer"));
    }
    Ok(Employment { title, employer, start, end, current: e.current })
}

fn validated_education(e: Education) -> Result<Education, DomainError> {
    let start = optional_date("education.start", e.start)?;
    let end = optional_date("education.end", e.end)?;
    check_order("education", &start, &end)?;
    let school = validation::required("education.school", &e.school, limits::SHORT_TEXT)?;
    Ok(Education {
        school,
        degree: validation::line("education.degree", &e.degree, limits::SHORT_TEXT)?,
        major: validation::line("education.major", &e.major, limits::SHORT_TEXT)?,
        start,
        end,
    })
}

/// A candidate record: the material profile plus identity, flags and derived state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Candidate {
    pub id: Uuid,
    pub profile: Profile,
    pub ats_id: Option<String>,
    pub person_folder: Option<String>,
    pub profile_type: ProfileType,
    pub engagements: EngagementSet,
    /// Derived from `engagements` and withdrawals; never set by hand.
    pub activity: ActivityStatus,
    /// False after Mark Ineligible. Informational only: restricts nothing.
    pub eligible: bool,
    /// False after Deactivate: no longer searchable.
    pub active: bool,
    /// Receives campaign emails.
    pub subscribed: bool,
    /// Answered a text with STOP (or the like): no text message goes to them until they answer
    /// START. Left out of the JSON when false, so candidates saved before it existed read
    /// and hash as they did.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub texts_opted_out: bool,
    /// The recruiter who owns the candidate (created or imported them).
    pub owner_id: Option<Uuid>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub last_login_at: Option<Timestamp>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        Profile { first_name: "Ana".into(), last_name: "Souza".into(), ..Profile::default() }
    }

    #[test]
    fn field_keys_are_snake_case_names() {
        assert_eq!(FieldValue::Email(None).key(), "email");
        assert_eq!(FieldValue::CurrentTitle(String::new()).key(), "current_title");
        assert_eq!(FieldValue::CustomField { key: "visa".into(), value: None }.key(), "custom:visa");
    }

    #[test]
    fn get_and_set_round_trip_every_field() {
        let mut p = profile();
        p.custom_fields.insert("visa".into(), "H-1B".into());
        for f in p.fields() {
            assert_eq!(p.get(&f), f);
        }
        p.set(FieldValue::Email(Some("ana@example.com".into())));
        assert_eq!(p.email.as_deref(), Some("ana@example.com"));
        p.set(FieldValue::CustomField { key: "visa".into(), value: None });
        assert!(p.custom_fields.is_empty());
    }

    #[test]
    fn validation_cleans_and_names_the_bad_field() {
        let mut p = profile();
        p.email = Some(" ana@EXAMPLE.com ".into());
        p.skills = vec!["Rust".into(), "rust".into(), " ".into(), "SQL".into()];
        let p = p.validated().unwrap();
        assert_eq!(p.email.as_deref(), Some("ana@example.com"));
        assert_eq!(p.skills, vec!["Rust", "SQL"]);

        let mut p = profile();
        p.certifications = vec![" PMP, PMI, 2021 ".into(), "pmp, pmi, 2021".into(), "".into(), "CISSP".into()];
        assert_eq!(
            p.validated().unwrap().certifications,
            ["PMP, PMI, 2021", "CISSP"],
            "trimmed, repeats and blanks gone"
        );
        let mut bad = profile();
        bad.certifications = vec!["x".repeat(limits::SHORT_TEXT + 1)];
        assert!(bad.validated().unwrap_err().to_string().starts_with("certifications:"));
        let mut bad = profile();
        bad.certifications = (0..=limits::LIST_ITEMS).map(|i| format!("Cert {i}")).collect();
        assert!(bad.validated().unwrap_err().to_string().starts_with("certifications:"));

        let mut bad = profile();
        bad.first_name = " ".into();
        assert_eq!(bad.validated().unwrap_err().to_string(), "first_name: is required");

        let mut bad = profile();
        bad.employment = vec![Employment {
            title: "Engineer".into(),
            start: Some("2020".into()),
            end: Some("2019".into()),
            ..Default::default()
        }];
        assert!(bad.validated().unwrap_err().to_string().contains("employment: ends before it starts"));
    }

    #[test]
    fn a_profile_saved_before_certifications_or_interests_existed_reads_as_having_none() {
        let mut json = serde_json::to_value(profile()).unwrap();
        json.as_object_mut().unwrap().remove("certifications");
        json.as_object_mut().unwrap().remove("interests");
        let old: Profile = serde_json::from_value(json).unwrap();
        assert!(old.certifications.is_empty());
        assert!(old.interests.is_empty());
    }

    #[test]
    fn interests_are_single_lines_once_each_and_an_edit_of_their_own() {
        let mut p = profile();
        p.interests = vec![" Data ".into(), "data".into(), "".into(), "Design".into()];
        assert_eq!(p.validated().unwrap().interests, ["Data", "Design"], "trimmed, repeats and blanks gone");
        let mut bad = profile();
        bad.interests = vec!["Two\nlines".into()];
        assert!(bad.validated().unwrap_err().to_string().starts_with("interests:"));
        assert_eq!(FieldValue::Interests(Vec::new()).key(), "interests");
    }

    #[test]
    fn highest_education_is_the_latest_degree() {
        let mut p = profile();
        p.education = vec![
            Education { school: "U1".into(), degree: "BSc".into(), end: Some("2012".into()), ..Default::default() },
            Education { school: "U2".into(), degree: "MSc".into(), end: Some("2015".into()), ..Default::default() },
            Education { school: "Bootcamp".into(), end: Some("2018".into()), ..Default::default() },
        ];
        assert_eq!(p.highest_education().unwrap().degree, "MSc");
    }
}
