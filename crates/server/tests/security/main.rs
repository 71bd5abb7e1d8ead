//! The security suite: each attack a review found, performed over HTTP against a real server
//! on real PostgreSQL, asserting it is refused and that no data changed (issue 21).
//! One module per area; `support` is the same harness the other server tests use.

#[path = "../support/mod.rs"]
mod support;

mod auth;
mod blobs;
mod erasure;
mod limits;
mod live;
mod records;
