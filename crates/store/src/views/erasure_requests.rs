//! Settings -> Privacy requests: the candidates who asked to be forgotten and wait for an
//! admin's decision (approve: the erasure; decline: with a reason).

use serde::Serialize;
use talentdesk_domain::Timestamp;
use ts_rs::TS;
use uuid::Uuid;

use crate::tables::{candidates, erasure_requests};
use crate::{Store, StoreError};

/// An open request, with what an admin needs to recognise the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OpenErasureRequest {
    pub candidate_id: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub requested_at: Timestamp,
}

impl Store {
    /// The open requests to be forgotten, oldest first.
    pub fn open_erasure_requests(&self) -> Result<Vec<OpenErasureRequest>, StoreError> {
        let conn = self.conn();
        erasure_requests::open(conn)?
            .into_iter()
            .map(|(cand, requested_at)| {
                let c = candidates::get(conn, cand)?;
                Ok(OpenErasureRequest {
                    candidate_id: c.id,
                    name: c.profile.full_name(),
                    email: c.profile.email,
                    requested_at,
                })
            })
            .collect()
    }
}
