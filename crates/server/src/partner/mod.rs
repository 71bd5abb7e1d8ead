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

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new key's secret: 32 random bytes in hex behind a prefix that tells it from a sign-in
/// token (in a leaked log line or a secret scanner's rule).
fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("tdpk_{}", hex::encode(bytes))
}

/// What is kept of a secret: its SHA-256, like sign-in tokens (the secret is random and long,
/// so a slow hash would add nothing but cost on every request).
fn secret_hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}
