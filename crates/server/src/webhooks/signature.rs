//! The signature a receiver checks, in the scheme of Stripe's webhooks:
//! `Talentdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
//! The time is signed with the body, so a receiver that refuses old times refuses a replay.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The header's name.
pub const HEADER: &str = "Talentdesk-Signature";

/// The header's value for `body` sent at `t` (Unix seconds).
pub fn sign(secret: &str, t: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// A new secret: 32 random bytes, hex, with a prefix that says what it is when found in a file.
pub fn new_secret() -> String {
    format!("whsec_{}", crate::auth::new_token())
}

#[cfg(test)]
mod tests {
    #[test]
    fn signs_the_time_and_the_body() {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        let header = super::sign("whsec_test", 1_700_000_000, br#"{"a":1}"#);
        assert_eq!(header, "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    }
}
