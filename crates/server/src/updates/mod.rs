//! Desktop updates from the team's own server (issue 24): the admin makes a signing key pair
//! ([`keys::generate`], `talentdesk-server admin updater-keygen`) and keeps the private key;
//! each package they publish ([`publish`]) is signed with it, and desktops, which know only the
//! public key, install nothing whose signature does not check. The server only hosts: it
//! answers the Tauri updater's question "is there something newer than version V for my
//! platform?" ([`routes::latest`]) and serves the package ([`routes::package`]); [`store`]: the table.

pub mod keys;
mod publish;
pub(crate) mod routes;
mod store;

pub use publish::{Published, publish};
