//! Jobs candidates apply or are submitted to, and their applications.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::validation::{self, limits};
use crate::{DomainError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Job {
    pub id: Uuid,
    pub title: String,
    pub location: String,
    /// The requisition id in the applicant tracking system.
    pub ats_id: Option<String>,
    pub open: bool,
    /// Skills the job asks for (taxonomy terms or as written); candidates for the job are
    /// ranked on them. A job saved before jobs had skills reads as having none.
    #[serde(default)]
    pub skills: Vec<String>,
    /// The job description as the recruiter pasted it; its skills and years count too.
    #[serde(default)]
    pub description: String,
}

impl Job {
    /// The job with its details checked and cleaned: a title, a one-line location, an ATS id
    /// that is either a line of text or none (an empty one is none), skills each once (blanks
    /// gone), a description of at most [`DESCRIPTION_CHARS`].
    pub fn validated(self) -> Result<Self, DomainError> {
        let ats_id = match self.ats_id.as_deref().map(|id| validation::line("ats_id", id, limits::SHORT_TEXT)) {
            Some(Ok(id)) if id.is_empty() => None,
            other => other.transpose()?,
        };
        Ok(Job {
            title: validation::required("title", &self.title, limits::SHORT_TEXT)?,
            location: validation::line("location", &self.location, limits::SHORT_TEXT)?,
            ats_id,
            skills: crate::candidate::distinct("skills", self.skills, limits::SHORT_TEXT)?,
            description: validation::text("description", &self.description, DESCRIPTION_CHARS)?,
            ..self
        })
    }
}

/// The longest job description kept: a long posting is a few thousand characters; more is a
/// pasted document by mistake.
pub const DESCRIPTION_CHARS: usize = 20_000;

/// The hiring status that means the candidate was hired (triggers the Hired engagement).
pub const HIRED_STATUS: &str = "Hired";

/// The hiring status of an application the candidate withdrew.
pub const WITHDRAWN_STATUS: &str = "Withdrawn";

/// Hiring statuses an application moves through, as the ATS reports them. Every job follows
/// this one workflow; Withdrawn is not among them (only a withdrawal sets it).
pub const HIRING_STATUSES: [&str; 7] =
    ["New Submission", "Reviewed", "Phone Screen", "Interview", "Offer", HIRED_STATUS, "Rejected"];

/// ATS bins (the folder an application sits in).
pub const ATS_BINS: [&str; 4] = ["Submissions", "Screening", "Interviewing", "Offer"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Application {
    pub job_id: Uuid,
    pub candidate_id: Uuid,
    pub bin: String,
    pub hiring_status: String,
    /// When the hiring status last changed.
    pub status_at: Timestamp,
    /// The candidate withdrew this application.
    pub withdrawn: bool,
}

/// `status` as the jobs' workflow spells it (matched without regard to case); a status no job
/// has is refused with the list.
pub fn hiring_status(status: &str) -> Result<&'static str, DomainError> {
    one_of("hiring_status", status, &HIRING_STATUSES)
}

/// `bin` as the ATS spells it; refused with the list when there is no such bin.
pub fn bin(bin: &str) -> Result<&'static str, DomainError> {
    one_of("bin", bin, &ATS_BINS)
}

fn one_of(field: &str, value: &str, allowed: &[&'static str]) -> Result<&'static str, DomainError> {
    allowed.iter().copied().find(|a| a.eq_ignore_ascii_case(value.trim())).ok_or_else(|| DomainError::NotOneOf {
        field: field.into(),
        value: value.trim().to_owned(),
        allowed: allowed.iter().map(|a| (*a).to_owned()).collect(),
    })
}

/// Whether a candidate counts as having withdrawn: they withdrew an application and have no
/// application still going.
pub fn withdrew(applications: &[Application]) -> bool {
    applications.iter().any(|a| a.withdrawn) && applications.iter().all(|a| a.withdrawn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_bins_match_without_case_and_name_the_choices() {
        assert_eq!(hiring_status(" hired "), Ok(HIRED_STATUS));
        assert_eq!(bin("screening"), Ok("Screening"));
        let Err(DomainError::NotOneOf { field, value, allowed }) = hiring_status("Withdrawn") else {
            panic!("Withdrawn is set by a withdrawal only");
        };
        assert_eq!((field.as_str(), value.as_str()), ("hiring_status", "Withdrawn"));
        assert_eq!(allowed, HIRING_STATUSES);
        assert!(matches!(bin("Archive"), Err(DomainError::NotOneOf { .. })));
    }

    #[test]
    fn details_are_cleaned_and_an_empty_ats_id_is_none() {
        let job = Job {
            id: Uuid::nil(),
            title: " Nurse ".into(),
            location: "Leeds".into(),
            ats_id: Some(" ".into()),
            open: true,
            skills: vec![" Rust ".into(), "rust".into(), "".into(), "SQL".into()],
            description: "  Nurses wanted.\n".into(),
        };
        let clean = job.clone().validated().unwrap();
        assert_eq!((clean.title.as_str(), clean.ats_id), ("Nurse", None));
        assert_eq!(clean.skills, ["Rust", "SQL"]);
        let long = Job { description: "x".repeat(DESCRIPTION_CHARS + 1), ..job.clone() };
        assert!(matches!(long.validated(), Err(DomainError::TooLong { .. })), "a description past the limit");
        let two_lines = Job { ats_id: Some("R-1\nR-2".into()), ..job.clone() };
        assert_eq!(two_lines.validated(), Err(DomainError::NotOneLine { field: "ats_id".into() }));
        assert_eq!(Job { title: "  ".into(), ..job }.validated(), Err(DomainError::Required { field: "title".into() }));
    }

    #[test]
    fn a_job_saved_before_skills_and_descriptions_reads_as_having_none() {
        let old =
            r#"{"id":"00000000-0000-0000-0000-000000000000","title":"Nurse","location":"","ats_id":null,"open":true}"#;
        let job: Job = serde_json::from_str(old).unwrap();
        assert!(job.skills.is_empty() && job.description.is_empty());
    }
}
