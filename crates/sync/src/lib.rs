//! The sync protocol of DESIGN.md section 3, shared by the desktop client and the server.
//!
//! [`wire`] holds what travels over HTTP; both sides serialise exactly these types.

pub mod wire;
