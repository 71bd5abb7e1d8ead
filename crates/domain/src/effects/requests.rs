//! What candidates ask for themselves, on the pages the server serves them or through a
//! recruiter they told: to hear no more campaigns, to be forgotten.

use uuid::Uuid;

use super::{Effects, Flag, Records};
use crate::DomainError;
use crate::activity::Engagement;
use crate::erasure_request::{self, Declined, ErasureRequest};
use crate::history::HistoryDetail;

impl<R: Records> Effects<'_, R> {
    /// Unsubscribed, and the Candidate Opt-out engagement (at its latest time: a second click
    /// says it again). History tells of the unsubscribing only when it changed something.
    pub(super) fn opt_out(&self, candidate_id: Uuid) -> Result<u64, R::Error> {
        let cand = self.records.cand(candidate_id)?;
        self.records.record_engagement(cand, Engagement::CandidateOptOut, self.now)?;
        self.flag(&[cand], Flag::Subscribed, false)
    }

    /// Opens a request; asking again while one is open changes nothing (the first one's time
    /// is when they asked). After a decline they may ask again.
    pub(super) fn request_erasure(&self, candidate_id: Uuid) -> Result<u64, R::Error> {
        let cand = self.records.cand(candidate_id)?;
        let mut aggregate = self.records.aggregate(cand)?;
        if aggregate.erasure_request.as_ref().is_some_and(ErasureRequest::is_open) {
            return Ok(0);
        }
        aggregate.erasure_request = Some(ErasureRequest::new(self.now));
        self.records.put_aggregate(cand, &aggregate)?;
        self.entry(&[cand], HistoryDetail::ErasureRequested, None)?;
        Ok(1)
    }

    pub(super) fn decline_erasure(&self, candidate_id: Uuid, reason: &str) -> Result<u64, R::Error> {
        let reason = erasure_request::checked_reason(reason)?;
        let cand = self.records.cand(candidate_id)?;
        let mut aggregate = self.records.aggregate(cand)?;
        let Some(request) = aggregate.erasure_request.as_mut().filter(|r| r.is_open()) else {
            let why = "has no open request to be forgotten (it was decided already, or never made)";
            return Err(DomainError::invalid("candidate", why).into());
        };
        request.declined = Some(Declined { at: self.now, by: self.actor.id, reason: reason.clone() });
        self.records.put_aggregate(cand, &aggregate)?;
        self.entry(&[cand], HistoryDetail::ErasureDeclined { reason }, None)?;
        Ok(1)
    }
}
