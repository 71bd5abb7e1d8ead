//! The sync protocol of DESIGN.md section 3, shared by the desktop client and the server.
//!
//! [`wire`] holds what travels over HTTP; both sides serialise exactly these types.
//! [`client`] speaks the API for the desktop and the CLI; [`engine`] keeps a replica store
//! and the server in step with it.

mod address;
pub mod client;
pub mod engine;
pub mod partner;
pub mod problem;
pub mod signup_page;
mod snapshot;
pub mod webhooks;
pub mod wire;
