//! The partner API (issue 22 item 6): admins give a partner — a reference-check service, an
//! assessment vendor — an API key with scopes (`keys`); the partner reads candidates and
//! writes results back on `/v1/partner/...` with it as a bearer token (`reads`, `writes`).
//! Each key is its own actor (`crate::actors`), so every partner write is a mutation taken
//! through the one write path, with history naming the key. Keys are rate-limited each
//! (`rate`), refused once revoked, and refused a route whose scope they lack (`caller`).

mod caller;
pub mod keys;
pub mod rate;
pub mod reads;
mod table;
pub mod writes;

pub use caller::Partner;

/// A new key's secret: a token behind a prefix that tells it from a sign-in token (in a leaked
/// log line or a secret scanner's rule).
fn new_secret() -> String {
    format!("tdpk_{}", crate::auth::new_token())
}
