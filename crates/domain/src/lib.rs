//! Talentdesk's domain: the entities of a recruiter's CRM, the vocabulary of changes
//! (mutations) and the rules both the desktop and the server apply to them.
//!
//! Nothing here performs I/O. A rule that client and server must agree on lives here once.

pub mod activity;
pub mod aggregate;
pub mod attendance;
pub mod bulk;
pub mod candidate;
pub mod dedupe;
pub mod document;
pub mod effects;
pub mod erasure;
pub mod erasure_request;
pub mod error;
pub mod event;
pub mod history;
pub mod import;
pub mod import_mapping;
pub mod job;
pub mod merge;
pub mod message;
pub mod mutation;
pub mod note;
pub mod permission;
pub mod pipeline;
pub mod record;
pub mod saved_search;
pub mod search;
pub mod settings;
pub mod signup;
pub mod skills;
pub mod template;
pub mod undo;
pub mod user;
pub mod validation;

pub use error::DomainError;

/// Every instant is UTC; the UI shows it in local time.
pub type Timestamp = chrono::DateTime<chrono::Utc>;

/// A new identifier for an entity created here and now. UUIDv7 sorts by creation time and is
/// final at once, so a candidate registered offline at a career fair never changes id.
pub fn new_id() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}
