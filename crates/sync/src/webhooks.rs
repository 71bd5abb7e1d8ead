//! Outbound webhooks as the admin REST API (`/v1/webhooks`) speaks them: what an admin sets up
//! in Settings → Webhooks, and the delivery log they read. The server sends each event as
//! `{id, type, time, data}`, signed (`Talentdesk-Signature: t=<unix>,v1=<hex hmac>`).

use serde::{Deserialize, Serialize};
use talentdesk_domain::Timestamp;
use ts_rs::TS;
use uuid::Uuid;

/// What a webhook can be told about. The code (`candidate.created`) is the payload's `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub enum WebhookEvent {
    #[serde(rename = "candidate.created")]
    CandidateCreated,
    #[serde(rename = "candidate.updated")]
    CandidateUpdated,
    #[serde(rename = "candidate.deleted")]
    CandidateDeleted,
    /// A candidate reached a workflow status in a pipeline (moved there or added at it).
    #[serde(rename = "pipeline.status_changed")]
    PipelineStatusChanged,
    /// A job application's hiring status changed.
    #[serde(rename = "application.status_changed")]
    ApplicationStatusChanged,
    #[serde(rename = "candidate.hired")]
    CandidateHired,
    #[serde(rename = "event.checked_in")]
    EventCheckedIn,
    /// A note everyone may read was added (a private note never leaves the server).
    #[serde(rename = "note.added")]
    NoteAdded,
}

impl WebhookEvent {
    pub const ALL: [WebhookEvent; 8] = [
        Self::CandidateCreated,
        Self::CandidateUpdated,
        Self::CandidateDeleted,
        Self::PipelineStatusChanged,
        Self::ApplicationStatusChanged,
        Self::CandidateHired,
        Self::EventCheckedIn,
        Self::NoteAdded,
    ];

    /// The payload's `type`, as stored.
    pub fn code(self) -> &'static str {
        match self {
            Self::CandidateCreated => "candidate.created",
            Self::CandidateUpdated => "candidate.updated",
            Self::CandidateDeleted => "candidate.deleted",
            Self::PipelineStatusChanged => "pipeline.status_changed",
            Self::ApplicationStatusChanged => "application.status_changed",
            Self::CandidateHired => "candidate.hired",
            Self::EventCheckedIn => "event.checked_in",
            Self::NoteAdded => "note.added",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// What an admin sets when adding or changing a webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct WebhookSettings {
    /// Where events are POSTed: `https://` (or `http://`).
    pub url: String,
    /// At least one.
    pub events: Vec<WebhookEvent>,
    /// Only status changes in this pipeline.
    #[serde(default)]
    pub pipeline_id: Option<Uuid>,
    /// Only status changes to this status (a pipeline's workflow status or a hiring status).
    #[serde(default)]
    pub status: Option<String>,
    /// Off, nothing is sent and no new event is kept for it; on again, the deliveries that
    /// were waiting go out.
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// A webhook as the list shows it (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Webhook {
    pub id: Uuid,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub pipeline_id: Option<Uuid>,
    pub status: Option<String>,
    pub enabled: bool,
    /// When the server turned it off (it failed for the whole retry window) or an admin did.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    #[ts(type = "string | null")]
    pub disabled_at: Option<Timestamp>,
    pub disabled_reason: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    #[ts(type = "string")]
    pub created_at: Timestamp,
}

/// `POST /v1/webhooks`: the new webhook and its signing secret, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct WebhookCreated {
    pub webhook: Webhook,
    /// The HMAC-SHA256 key of `Talentdesk-Signature`; the server never shows it again.
    pub secret: String,
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DeliveryStatus {
    /// Not yet accepted: waiting for its first try or its next retry.
    Pending,
    /// The receiver answered 2xx.
    Delivered,
    /// It failed for the whole retry window; the webhook was disabled.
    Failed,
    /// Not sent: the candidate was erased before it went.
    Cancelled,
}

/// One event sent (or to be sent) to one webhook: a line of the delivery log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct WebhookDelivery {
    pub id: Uuid,
    pub event_id: Uuid,
    pub event: WebhookEvent,
    pub status: DeliveryStatus,
    pub attempts: i32,
    /// The receiver's HTTP status at the last try.
    pub response_code: Option<i32>,
    /// Why the last try failed (a timeout, a refused address, the status).
    pub error: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    #[ts(type = "string")]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    #[ts(type = "string | null")]
    pub last_attempt_at: Option<Timestamp>,
    /// When it is tried again (pending only).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    #[ts(type = "string | null")]
    pub next_attempt_at: Option<Timestamp>,
}
