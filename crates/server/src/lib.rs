//! The Talentdesk CRM server: the team's shared source of truth.
//!
//! Desktops push their mutations here and pull what changed (DESIGN.md section 3). The server
//! applies a mutation with the very rules the desktop ran ([`talentdesk_domain::effects`]) in
//! one PostgreSQL transaction that also records the client's sequence number, so a retried
//! push is never applied twice. It keeps no state of its own between requests: several
//! processes can serve one database.

mod actors;
pub mod admin;
pub mod app;
mod auth;
pub mod backup;
pub mod blobs;
pub mod config;
mod connection;
mod db;
pub mod demo;
mod email;
mod erasure;
mod error;
mod extract;
mod health;
mod live;
mod metrics;
mod openapi;
mod partner;
pub mod preferences;
mod public_page;
mod pull;
mod push;
mod records;
pub mod signup;
pub mod sms;
mod snapshot;
mod stream_limit;
mod team;
#[cfg(feature = "testing")]
pub mod testing;
mod throttle;
pub mod updates;
mod visibility;
mod wakeup;
mod webhooks;

pub use error::ServerError;
