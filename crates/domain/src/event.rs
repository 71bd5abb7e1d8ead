//! Recruiting events (career fairs, info sessions) and who registered for or attended them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EventCategory {
    CareerFair,
    InfoSession,
    Webinar,
    Meetup,
    Conference,
}

impl EventCategory {
    pub fn label(self) -> &'static str {
        match self {
            EventCategory::CareerFair => "Career Fair",
            EventCategory::InfoSession => "Info Session",
            EventCategory::Webinar => "Webinar",
            EventCategory::Meetup => "Meetup",
            EventCategory::Conference => "Conference",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Event {
    pub id: Uuid,
    pub name: String,
    pub category: EventCategory,
    pub starts_at: Timestamp,
    pub location: String,
}

/// Which part of an event's list a search filter asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Participation {
    /// Pre-registered through the event's page.
    Registered,
    /// Came, registered or not.
    Attended,
    /// Either.
    Any,
}
