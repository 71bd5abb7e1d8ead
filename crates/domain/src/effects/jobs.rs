//! What the job mutations do: jobs created, edited, closed and reopened; candidates submitted;
//! applications moved through the hiring statuses (Hired fires the organisation's hired
//! actions) and withdrawn (which can leave the candidate Disengaged: see
//! [`crate::job::withdrew`]).
//!
//! A candidate is Hired for one job at a time: Hired for a second job while the application
//! Hired for another job still open is refused ([`DomainError::AlreadyHired`]). Once that job
//! is closed the hire is done, and a later hire elsewhere (a rehire, a move) is allowed.

use uuid::Uuid;

use super::{Effects, Flag, Records, still_active};
use crate::DomainError;
use crate::activity::Engagement;
use crate::error::Thing;
use crate::history::HistoryDetail;
use crate::job::{self, Application, HIRED_STATUS, Job};
use crate::record::RecordKind;

impl<R: Records> Effects<'_, R> {
    pub(super) fn create_job(&self, job: &Job) -> Result<u64, R::Error> {
        self.unused_id(RecordKind::Job, &job.id.to_string())?;
        self.records.put_job(&job.clone().validated()?)?;
        Ok(1)
    }

    /// Replaces the job's details; whether it is open is `job.set_open`'s to change.
    pub(super) fn update_job(&self, job: &Job) -> Result<u64, R::Error> {
        let stored = self.records.job(job.id)?;
        let updated = Job { open: stored.open, ..job.clone() }.validated()?;
        if updated == stored {
            return Ok(0);
        }
        self.records.put_job(&updated)?;
        Ok(1)
    }

    pub(super) fn set_job_open(&self, job_id: Uuid, open: bool) -> Result<u64, R::Error> {
        let stored = self.records.job(job_id)?;
        if stored.open == open {
            return Ok(0);
        }
        self.records.put_job(&Job { open, ..stored })?;
        Ok(1)
    }

    /// The job, when it takes new candidates.
    pub(super) fn open_job(&self, id: Uuid) -> Result<Job, R::Error> {
        let job = self.records.job(id)?;
        if !job.open {
            return Err(DomainError::JobClosed { job: job.title }.into());
        }
        Ok(job)
    }

    pub(super) fn submit_to_job(&self, job_id: Uuid, cands: &[R::Cand]) -> Result<u64, R::Error> {
        let job = self.open_job(job_id)?;
        for cand in cands {
            still_active(&self.records.candidate(*cand)?)?;
        }
        let submitted = self.records.submit_to_job(job_id, cands, self.now)?;
        self.entry(&submitted, HistoryDetail::SubmittedToJob { job: job.title }, None)?;
        Ok(submitted.len() as u64)
    }

    /// Moves an application to a bin and hiring status. Becoming Hired records the Hired
    /// engagement and runs the organisation's hired actions (once: staying Hired does not
    /// run them again, so an admin who resubscribes a hire is not overruled by a bin move).
    pub(super) fn set_application_status(
        &self,
        job_id: Uuid,
        candidate_id: Uuid,
        bin: &str,
        status: &str,
    ) -> Result<u64, R::Error> {
        let r = self.records;
        let status = job::hiring_status(status)?;
        let bin = job::bin(bin)?;
        let cand = r.cand(candidate_id)?;
        let job = r.job(job_id)?;
        let applications = r.applications(cand, candidate_id)?;
        let current =
            applications.iter().find(|a| a.job_id == job_id).ok_or(DomainError::NotAmong { what: Thing::Job })?;
        if current.withdrawn {
            return Err(DomainError::ApplicationWithdrawn { job: job.title }.into());
        }
        let becomes_hired = status == HIRED_STATUS && current.hiring_status != HIRED_STATUS;
        if becomes_hired {
            self.not_hired_elsewhere(&applications, job_id)?;
        }
        let (bin_before, status_before) = r.set_application_status(job_id, cand, bin, status, self.now)?;
        if (bin_before.as_str(), status_before.as_str()) != (bin, status) {
            let bin = (bin_before != bin).then(|| bin.to_owned());
            let detail = HistoryDetail::HiringStatus { job: job.title, from: status_before, to: status.into(), bin };
            self.entry(&[cand], detail, None)?;
        }
        if becomes_hired {
            self.hired(cand)?;
        }
        Ok(1)
    }

    /// Refuses a second Hired: one of the candidate's other applications is Hired for a job
    /// that is still open.
    fn not_hired_elsewhere(&self, applications: &[Application], job_id: Uuid) -> Result<(), R::Error> {
        let hired =
            applications.iter().filter(|a| a.job_id != job_id && !a.withdrawn && a.hiring_status == HIRED_STATUS);
        for application in hired {
            let other = self.records.job(application.job_id)?;
            if other.open {
                return Err(DomainError::AlreadyHired { job: other.title }.into());
            }
        }
        Ok(())
    }

    /// The Hired engagement and the organisation's hired actions.
    fn hired(&self, cand: R::Cand) -> Result<(), R::Error> {
        self.records.record_engagement(cand, Engagement::Hired, self.now)?;
        let actions = self.records.hired_actions()?;
        if actions.unsubscribe {
            self.flag(&[cand], Flag::Subscribed, false)?;
        }
        if actions.deactivate {
            self.flag(&[cand], Flag::Active, false)?;
        }
        Ok(())
    }

    /// The candidate withdrew from the job. Withdrawing again changes nothing.
    pub(super) fn withdraw(&self, job_id: Uuid, candidate_id: Uuid) -> Result<u64, R::Error> {
        let cand = self.records.cand(candidate_id)?;
        let job = self.records.job(job_id)?;
        let applications = self.records.applications(cand, candidate_id)?;
        let current =
            applications.iter().find(|a| a.job_id == job_id).ok_or(DomainError::NotAmong { what: Thing::Job })?;
        if current.withdrawn {
            return Ok(0);
        }
        self.records.withdraw_application(job_id, cand, self.now)?;
        self.entry(&[cand], HistoryDetail::Withdrew { job: job.title }, None)?;
        Ok(1)
    }
}
