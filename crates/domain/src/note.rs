//! Recruiter notes on a candidate: public, or private to their author (and admins).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::Timestamp;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Note {
    pub id: Uuid,
    pub candidate_id: Uuid,
    pub author_id: Uuid,
    pub body: String,
    pub private: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}
