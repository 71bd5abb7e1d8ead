//! Emails and text messages sent to candidates, with their delivery tracking.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Channel {
    Email,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MessageKind {
    /// Sent by a recruiter to this candidate (Email action).
    Direct,
    /// Invite to Apply, with a job.
    InviteToApply,
    /// Part of a campaign.
    Campaign,
    /// A text message.
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Message {
    /// The send it belongs to (one send reaches up to 50 candidates).
    pub send_id: Uuid,
    pub candidate_id: Uuid,
    pub channel: Channel,
    pub kind: MessageKind,
    pub sender_id: Uuid,
    pub campaign_id: Option<Uuid>,
    pub job_id: Option<Uuid>,
    pub subject: String,
    pub body: String,
    /// Set when handed to the server; until then the message is queued.
    pub queued_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    pub delivered_at: Option<Timestamp>,
    pub opened_at: Option<Timestamp>,
    pub clicked_at: Option<Timestamp>,
    pub bounced_at: Option<Timestamp>,
}
