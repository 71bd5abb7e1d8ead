//! One module per table (or per table and its member table): the SQL lives here.

pub(crate) mod blob_orphans;
pub(crate) mod candidates;
pub(crate) mod client_state;
pub(crate) mod documents;
pub(crate) mod engagements;
pub(crate) mod events;
pub(crate) mod history;
pub(crate) mod jobs;
pub(crate) mod messages;
pub(crate) mod notes;
pub(crate) mod notices;
pub(crate) mod outbox;
pub(crate) mod pipelines;
pub(crate) mod search_terms;
pub(crate) mod settings;
pub(crate) mod tags;
pub(crate) mod users;
