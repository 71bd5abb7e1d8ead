//! The records that sync between the server and the desktops: their kinds and the shapes of
//! the small ones that have no entity of their own. Every other kind's JSON is its domain
//! entity's (a candidate's is its [`crate::aggregate::CandidateAggregate`]).

use serde::{Deserialize, Serialize};

/// The kinds of record that sync, each with its own JSON shape from the domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A [`crate::aggregate::CandidateAggregate`].
    Candidate,
    Note,
    Message,
    Document,
    History,
    Pipeline,
    Event,
    Job,
    /// A tag on the organisation's list: `{"name": ...}`.
    Tag,
    CustomField,
    /// An organisation setting: `{"key": ..., "value": ...}`.
    Setting,
    User,
    /// A [`crate::saved_search::SavedSearch`]; a private one reaches its owner alone.
    SavedSearch,
}

impl RecordKind {
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Candidate => "candidate",
            RecordKind::Note => "note",
            RecordKind::Message => "message",
            RecordKind::Document => "document",
            RecordKind::History => "history",
            RecordKind::Pipeline => "pipeline",
            RecordKind::Event => "event",
            RecordKind::Job => "job",
            RecordKind::Tag => "tag",
            RecordKind::CustomField => "custom_field",
            RecordKind::Setting => "setting",
            RecordKind::User => "user",
            RecordKind::SavedSearch => "saved_search",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [
            RecordKind::Candidate,
            RecordKind::Note,
            RecordKind::Message,
            RecordKind::Document,
            RecordKind::History,
            RecordKind::Pipeline,
            RecordKind::Event,
            RecordKind::Job,
            RecordKind::Tag,
            RecordKind::CustomField,
            RecordKind::Setting,
            RecordKind::User,
            RecordKind::SavedSearch,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// A tag as it syncs: known to the organisation, and on the admin's tags list or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagEntry {
    pub name: String,
    pub listed: bool,
}

/// An organisation setting as it syncs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingEntry {
    pub key: String,
    pub value: serde_json::Value,
}

/// The setting keys.
pub const HIRED_ACTIONS: &str = "hired_actions";
pub const COLUMNS: &str = "columns";
/// The organisation's areas of interest (a list of strings).
pub const AREAS_OF_INTEREST: &str = "areas_of_interest";
/// The organisation's default phone country (an ISO code, or null).
pub const PHONE_COUNTRY: &str = "phone_country";
/// The consent text of the organisation's sign-up page (a string, or null for the page's own).
pub const CONSENT_TEXT: &str = "consent_text";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_kinds_round_trip_their_codes() {
        for code in ["candidate", "note", "custom_field", "setting", "user", "saved_search"] {
            assert_eq!(RecordKind::parse(code).unwrap().code(), code);
        }
        assert_eq!(RecordKind::parse("nope"), None);
    }
}
