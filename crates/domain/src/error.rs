//! The errors a rule can raise. Each says what happened, not the sentence: a `kind` and typed
//! values, which the window turns into a message in the user's language (its problems
//! catalogue) and which stay readable in any language when stored (a rejection kept on the
//! server, a notice). The English `Display` text is for logs, the CLI and diagnostics.
//!
//! `Invalid` and `Forbidden` carry an English reason: rules without a kind of their own yet,
//! and what older versions stored. Deserialisation stays tolerant of those older forms.

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::bulk::BulkAction;
use crate::permission::Capability;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum DomainError {
    /// A value that breaks a validation rule without a kind of its own (the reason in English).
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
    /// Refused for a reason without a kind of its own (in English).
    #[error("{reason}")]
    Forbidden { reason: String },
    /// A bulk action over its limit.
    #[error("{} works on at most {limit} candidates at once; {requested} are selected", action.label())]
    OverBulkLimit {
        #[serde(deserialize_with = "bulk_action_or_label")]
        action: BulkAction,
        limit: u32,
        #[ts(type = "number")]
        requested: u64,
    },
    /// Something the change refers to does not exist (or was deleted).
    #[error("{what} {id} does not exist")]
    NotFound { what: Thing, id: String },
    /// A keyword query that cannot be parsed; `position` is a character offset.
    #[error("{problem} (at character {position})")]
    Query { problem: QueryProblem, position: u32 },
    /// A field that must have a value is empty.
    #[error("{field}: is required")]
    Required { field: String },
    #[error("{field}: is {length} characters long; the limit is {limit}")]
    TooLong { field: String, length: u32, limit: u32 },
    #[error("{field}: has {count} entries; the limit is {limit}")]
    TooMany { field: String, count: u32, limit: u32 },
    /// `code` is the character's Unicode code point.
    #[error("{field}: contains a control character (U+{code:04X})")]
    ControlCharacter { field: String, code: u32 },
    #[error("{field}: must be a single line")]
    NotOneLine { field: String },
    #[error("{field}: is not an email address ({problem})")]
    NotAnEmail { field: String, problem: EmailProblem },
    #[error("{field}: is not a phone number ({problem})")]
    NotAPhone { field: String, problem: PhoneProblem },
    #[error("{field}: is not an http(s) address")]
    NotAWebAddress { field: String },
    #[error("{field}: is not a year (2019) or a year and month (2019-04)")]
    NotAYearMonth { field: String },
    #[error("{field}: ends before it starts")]
    EndsBeforeStart { field: String },
    #[error("{field}: {value} is not a rating from 1 to 5 stars")]
    NotARating { field: String, value: u8 },
    /// A create whose id is taken.
    #[error("{field}: {what} {id} already exists")]
    AlreadyExists { field: String, what: Thing, id: String },
    /// A change listing the same thing twice (`value` names it: a tag, a column, an area).
    #[error("{field}: \"{value}\" is listed twice")]
    ListedTwice { field: String, value: String },
    #[error("no candidates are selected")]
    NothingSelected,
    #[error("the selection lists a candidate more than once")]
    RepeatedInSelection,
    /// Outreach to a candidate without the address the channel needs.
    #[error("{candidate} has no {}", if *email { "email address" } else { "phone number" })]
    NoAddress { candidate: NamedCandidate, email: bool },
    #[error("{candidate} is deactivated; an admin reactivates them first")]
    Deactivated { candidate: NamedCandidate },
    /// A text to people who all answered STOP: nothing would be sent.
    #[error("the {count} chosen opted out of texts; nothing was sent")]
    TextsOptedOut { count: u32 },
    /// A text on a server that has no text message provider: it would stay queued forever.
    #[error("This server cannot send text messages: no provider is configured")]
    NoTextProvider,
    /// The candidate is not among a pipeline's, a job's (no application) or an event's people.
    #[error("the candidate is not in this {what}")]
    NotAmong { what: Thing },
    /// Only recruiter admins may use the capability.
    #[error("only recruiter admins may {}", capability.describe())]
    AdminOnly { capability: Capability },
    #[error("Submit to Job needs an ATS ID on your user; ask an admin to add it")]
    NeedsAtsId,
    /// Not what iCIMS gives a user as their ID (see `validation::ats_id`).
    #[error("{field}: is not an ATS ID: iCIMS gives each user a System ID, a whole number of up to 18 digits")]
    NotAnAtsId { field: String },
    /// Another teammate of the organisation has this ATS ID: Submit to Job would put their
    /// name on the submissions. `user` is the teammate's name.
    #[error("ATS ID {id} is {user}'s already; each teammate has their own")]
    AtsIdTaken { id: String, user: String },
    /// A value that must be one of a fixed list (a job's hiring statuses, the ATS bins).
    #[error("{field}: \"{value}\" is not one of: {}", allowed.join(", "))]
    NotOneOf { field: String, value: String, allowed: Vec<String> },
    /// A second Hired: the candidate is already Hired for another job that is still open.
    #[error("the candidate is already hired for \"{job}\"; move that application off Hired or close that job first")]
    AlreadyHired { job: String },
    /// A withdrawn application is over: it does not change status.
    #[error("the candidate withdrew from \"{job}\"; a withdrawn application does not change")]
    ApplicationWithdrawn { job: String },
    /// A closed job takes no new candidates.
    #[error("\"{job}\" is closed; an admin reopens it first")]
    JobClosed { job: String },
    /// An archived pipeline takes no new members (its members still move and leave).
    #[error("\"{pipeline}\" is archived; unarchive it first")]
    PipelineArchived { pipeline: String },
    /// Someone else's (a private pipeline, a note by another recruiter, another user's client),
    /// named by its id: the refusal may reach people who may not see its name.
    #[error("{what} {id} belongs to someone else")]
    NotYours { what: Thing, id: String },
    /// An undo whose action someone changed since (a teammate moved, retagged, edited the
    /// same thing): putting the old state back would lose their change, so nothing is undone.
    #[error("someone changed this {what} since; nothing was undone")]
    ChangedSince { what: Thing },
    /// A workflow status about to go still has members, and the change does not say where
    /// they go.
    #[error(
        "{} at \"{status}\"; choose the status they move to",
        if *count == 1 { "1 candidate is".to_owned() } else { format!("{count} candidates are") }
    )]
    StatusHasMembers {
        status: String,
        #[ts(type = "number")]
        count: u64,
    },
    /// A change to the team that would leave the organisation without an active admin.
    #[error("the organisation needs at least one active admin")]
    LastAdmin,
    /// A change from a desktop newer than its server, which does not know it (its `name`, or
    /// the arguments it came with): the server is updated to take it.
    #[error("this server does not know the change \"{name}\"; it needs updating")]
    UnknownChange { name: String },
}

impl DomainError {
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::Invalid { field: field.into(), reason: reason.into() }
    }

    pub fn forbidden(reason: impl Into<String>) -> Self {
        Self::Forbidden { reason: reason.into() }
    }

    pub fn not_found(what: impl Into<Thing>, id: impl ToString) -> Self {
        Self::NotFound { what: what.into(), id: id.to_string() }
    }

    /// Whether the user may not do this at all (HTTP 403 on the server).
    pub fn is_forbidden(&self) -> bool {
        matches!(self, Self::Forbidden { .. } | Self::AdminOnly { .. } | Self::NeedsAtsId | Self::NotYours { .. })
    }

    /// The texts in it that may quote people (for erasure to rewrite).
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Self::Invalid { field, reason } => vec![field, reason],
            Self::Forbidden { reason } => vec![reason],
            Self::NotFound { id, .. } => vec![id],
            Self::AlreadyExists { id, .. } => vec![id],
            Self::ListedTwice { value, .. } | Self::NotOneOf { value, .. } => vec![value],
            Self::Query { problem: QueryProblem::NoLettersOrDigits { word }, .. } => vec![word],
            Self::NoAddress { candidate, .. } | Self::Deactivated { candidate } => candidate.name.iter_mut().collect(),
            _ => Vec::new(),
        }
    }
}

/// Older versions stored the action's English label ("Manage Tags").
fn bulk_action_or_label<'de, D: Deserializer<'de>>(d: D) -> Result<BulkAction, D::Error> {
    let text = String::deserialize(d)?;
    BulkAction::ALL
        .into_iter()
        .find(|a| a.label() == text)
        .map_or_else(|| serde_json::from_value(serde_json::Value::String(text)).map_err(serde::de::Error::custom), Ok)
}

/// A candidate a rejection is about. Only the id is stored and sent (a rejection may reach
/// people who may not see the candidate); the desktop adds the name for its own user when the
/// candidate is here (`talentdesk_store`'s wording).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NamedCandidate {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
}

impl NamedCandidate {
    pub fn id(id: Uuid) -> Self {
        Self { id, name: None }
    }
}

impl std::fmt::Display for NamedCandidate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.name {
            Some(name) => f.write_str(name),
            None => write!(f, "candidate {}", self.id),
        }
    }
}

/// The kinds of record an error can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Thing {
    Candidate,
    Tag,
    CustomField,
    HistoryEntry,
    Note,
    Event,
    Pipeline,
    Job,
    Document,
    User,
    Conflict,
    Send,
    Link,
    Org,
    Route,
    TrackingToken,
    Client,
    SavedSearch,
    /// A kind this version does not know (a newer server's, an older stored text).
    Record,
}

impl Thing {
    const ALL: [Thing; 19] = [
        Thing::Candidate,
        Thing::Tag,
        Thing::CustomField,
        Thing::HistoryEntry,
        Thing::Note,
        Thing::Event,
        Thing::Pipeline,
        Thing::Job,
        Thing::Document,
        Thing::User,
        Thing::Conflict,
        Thing::Send,
        Thing::Link,
        Thing::Org,
        Thing::Route,
        Thing::TrackingToken,
        Thing::Client,
        Thing::SavedSearch,
        Thing::Record,
    ];

    /// Its name in English, as in `Display`.
    pub fn word(self) -> &'static str {
        match self {
            Thing::Candidate => "candidate",
            Thing::Tag => "tag",
            Thing::CustomField => "custom field",
            Thing::HistoryEntry => "history entry",
            Thing::Note => "note",
            Thing::Event => "event",
            Thing::Pipeline => "pipeline",
            Thing::Job => "job",
            Thing::Document => "document",
            Thing::User => "user",
            Thing::Conflict => "conflict",
            Thing::Send => "send",
            Thing::Link => "link",
            Thing::Org => "organisation",
            Thing::Route => "route",
            Thing::TrackingToken => "tracking token",
            Thing::Client => "client",
            Thing::SavedSearch => "saved search",
            Thing::Record => "record",
        }
    }
}

impl std::fmt::Display for Thing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.word())
    }
}

/// From its key (`custom_field`) or its English word (`custom field`, as older versions
/// stored it); anything else is a [`Thing::Record`].
impl From<&str> for Thing {
    fn from(text: &str) -> Self {
        let key = text.replace(' ', "_");
        Thing::ALL
            .into_iter()
            .find(|t| t.word() == text || serde_json::to_value(t).is_ok_and(|v| v == key.as_str()))
            .unwrap_or(Thing::Record)
    }
}

impl From<String> for Thing {
    fn from(text: String) -> Self {
        Thing::from(text.as_str())
    }
}

impl<'de> Deserialize<'de> for Thing {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Thing::from(String::deserialize(d)?))
    }
}

/// What is wrong with an email address (never quoting it: a rejection is stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EmailProblem {
    #[error("has no @")]
    NoAt,
    #[error("has nothing before the @")]
    NothingBeforeAt,
    #[error("has more than 64 bytes before the @")]
    LocalPartTooLong,
    #[error("has more than one @")]
    MoreThanOneAt,
    #[error("has a space or a character not allowed before the @")]
    BadCharacter,
    #[error("has a misplaced dot before the @")]
    MisplacedDot,
    #[error("has nothing after the @")]
    NothingAfterAt,
    #[error("has a domain that is not a valid internationalised name")]
    BadDomainName,
    #[error("has a domain without a dot")]
    DomainWithoutDot,
    #[error("has an invalid domain")]
    InvalidDomain,
    #[error("has a numeric top-level domain")]
    NumericTopLevel,
}

/// What is wrong with a phone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum PhoneProblem {
    #[error("has an extension that is not 1-6 digits")]
    BadExtension,
    #[error("contains '{character}'")]
    BadCharacter { character: String },
    #[error("has a + that is not at the start")]
    PlusNotAtStart,
    #[error("has {digits} digits; a phone number has 7 to 15")]
    DigitCount { digits: u32 },
}

/// Why a keyword query cannot be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum QueryProblem {
    #[error("the query is longer than {limit} characters")]
    QueryTooLong { limit: u32 },
    #[error("the query has {count} terms; the limit is {limit}")]
    TooManyTerms { count: u32, limit: u32 },
    #[error("this quote is never closed")]
    QuoteNotClosed,
    #[error("these quotes hold no words")]
    EmptyQuotes,
    #[error("\"{word}\" has no letters or digits to search for")]
    NoLettersOrDigits { word: String },
    #[error("this ( is never closed")]
    ParenNotClosed,
    #[error("this ) has no matching (")]
    UnmatchedClose,
    #[error("these parentheses are empty")]
    EmptyParens,
    /// `operator` is AND, OR or NOT, as typed in every language.
    #[error("{operator} needs a term after it")]
    NothingAfter { operator: String },
    #[error("{operator} needs a term before it")]
    NothingBefore { operator: String },
    #[error("the query ends where a term was expected")]
    EndsEarly,
    #[error("unexpected text")]
    Unexpected,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_kind_travels_as_the_window_reads_it() {
        let id = Uuid::nil();
        for (error, wire) in [
            (DomainError::Required { field: "email".into() }, json!({"kind": "required", "field": "email"})),
            (
                DomainError::OverBulkLimit { action: BulkAction::ManageTags, limit: 50, requested: 51 },
                json!({"kind": "over_bulk_limit", "action": "manage_tags", "limit": 50, "requested": 51}),
            ),
            (
                DomainError::not_found("custom field", "level"),
                json!({"kind": "not_found", "what": "custom_field", "id": "level"}),
            ),
            (
                DomainError::Query { problem: QueryProblem::NothingAfter { operator: "AND".into() }, position: 5 },
                json!({"kind": "query", "problem": {"kind": "nothing_after", "operator": "AND"}, "position": 5}),
            ),
            (
                DomainError::NoAddress { candidate: NamedCandidate::id(id), email: true },
                json!({"kind": "no_address", "candidate": {"id": id}, "email": true}),
            ),
            (
                DomainError::AdminOnly { capability: Capability::DeleteCandidate },
                json!({"kind": "admin_only", "capability": "delete_candidate"}),
            ),
            (DomainError::NothingSelected, json!({"kind": "nothing_selected"})),
        ] {
            assert_eq!(serde_json::to_value(&error).unwrap(), wire);
            assert_eq!(serde_json::from_value::<DomainError>(wire).unwrap(), error);
        }
    }

    #[test]
    fn what_older_versions_stored_still_reads() {
        let old = json!({"kind": "over_bulk_limit", "action": "Manage Tags", "limit": 100000, "requested": 100001});
        let read: DomainError = serde_json::from_value(old).unwrap();
        assert_eq!(
            read,
            DomainError::OverBulkLimit { action: BulkAction::ManageTags, limit: 100_000, requested: 100_001 }
        );
        let old = json!({"kind": "not_found", "what": "history entry", "id": "7"});
        let read: DomainError = serde_json::from_value(old).unwrap();
        assert_eq!(read, DomainError::NotFound { what: Thing::HistoryEntry, id: "7".into() });
        let unknown = json!({"kind": "not_found", "what": "spaceship", "id": "7"});
        assert!(matches!(serde_json::from_value(unknown).unwrap(), DomainError::NotFound { what: Thing::Record, .. }));
        let old = json!({"kind": "invalid", "field": "selection", "reason": "candidate 1 has no email address"});
        assert!(matches!(serde_json::from_value(old).unwrap(), DomainError::Invalid { .. }));
    }

    #[test]
    fn the_english_text_stays_for_logs() {
        let error = DomainError::OverBulkLimit { action: BulkAction::ManageTags, limit: 50, requested: 51 };
        assert_eq!(error.to_string(), "Manage Tags works on at most 50 candidates at once; 51 are selected");
        let named = NamedCandidate { id: Uuid::nil(), name: Some("Ana Silva".into()) };
        assert_eq!(
            DomainError::NoAddress { candidate: named, email: false }.to_string(),
            "Ana Silva has no phone number"
        );
    }
}
