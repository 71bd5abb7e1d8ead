//! Jobs candidates apply or are submitted to, and their applications.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::Timestamp;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Job {
    pub id: Uuid,
    pub title: String,
    pub location: String,
    /// The requisition id in the applicant tracking system.
    pub ats_id: Option<String>,
    pub open: bool,
}

/// The hiring status that means the candidate was hired (triggers the Hired engagement).
pub const HIRED_STATUS: &str = "Hired";

/// The hiring status of an application the candidate withdrew.
pub const WITHDRAWN_STATUS: &str = "Withdrawn";

/// Hiring statuses an application moves through, as the ATS reports them.
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

/// Whether a candidate counts as having withdrawn: they withdrew an application and have no
/// application still going.
pub fn withdrew(applications: &[Application]) -> bool {
    applications.iter().any(|a| a.withdrawn) && applications.iter().all(|a| a.withdrawn)
}
