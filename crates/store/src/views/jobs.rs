//! What a job's page shows: the job and its applicants with their applications; and the hiring
//! statuses and bins an application can move to (the board's columns, the status dialog's
//! choices).

use serde::Serialize;
use talentdesk_domain::job::{ATS_BINS, Application, HIRING_STATUSES, Job};
use ts_rs::TS;
use uuid::Uuid;

use super::{CandidateRow, rows_for};
use crate::codec::time;
use crate::tables;
use crate::{Store, StoreError};

/// An applicant on a job's page: who, and where their application stands.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct JobApplicant {
    pub candidate: CandidateRow,
    pub application: Application,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct JobView {
    pub job: Job,
    /// Latest status change first.
    pub applicants: Vec<JobApplicant>,
}

/// Where an application can be moved: every job follows this one workflow.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct HiringWorkflow {
    /// In the workflow's order.
    pub hiring_statuses: Vec<String>,
    pub bins: Vec<String>,
}

impl HiringWorkflow {
    pub fn new() -> Self {
        let words = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
        Self { hiring_statuses: words(&HIRING_STATUSES), bins: words(&ATS_BINS) }
    }
}

impl Default for HiringWorkflow {
    fn default() -> Self {
        Self::new()
    }
}

impl Store {
    /// The job and everyone who applied or was submitted to it. Every applicant is read: a
    /// requisition has tens to hundreds, not the thousands a pipeline can hold.
    pub fn job_view(&self, job_id: Uuid) -> Result<JobView, StoreError> {
        let conn = self.conn();
        let job = tables::jobs::get(conn, job_id)?;
        let mut stmt = conn.prepare_cached(
            "SELECT cand, bin, hiring_status, status_at, withdrawn FROM applications
             WHERE job_id = ?1 ORDER BY status_at DESC, cand",
        )?;
        let raw = stmt
            .query_map([job_id.to_string()], |r| {
                Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get::<_, i64>(3)?, r.get(4)?))
            })?
            .collect::<Result<Vec<(i64, String, String, i64, bool)>, _>>()?;
        let rows = rows_for(conn, &raw.iter().map(|r| r.0).collect::<Vec<_>>())?;
        let applicants = rows
            .into_iter()
            .zip(raw)
            .map(|(candidate, (_, bin, hiring_status, at, withdrawn))| {
                let application = Application {
                    job_id,
                    candidate_id: candidate.id,
                    bin,
                    hiring_status,
                    status_at: time(at),
                    withdrawn,
                };
                JobApplicant { candidate, application }
            })
            .collect();
        Ok(JobView { job, applicants })
    }
}
