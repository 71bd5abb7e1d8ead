//! Whether a callback really comes from the provider. Twilio signs each request it makes with
//! `X-Twilio-Signature`: base64 of HMAC-SHA1, keyed with the account's auth token, over the
//! full URL it called followed by every POST parameter, sorted by name, as name then value.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha1::Sha1;

/// The header the provider's signature comes in.
pub const HEADER: &str = "X-Twilio-Signature";

/// The signature of a request to `url` with the form `params`.
pub fn sign(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    STANDARD.encode(mac(auth_token, url, params).finalize().into_bytes())
}

/// Whether `signature` is the provider's for this request (compared in constant time).
pub fn verify(auth_token: &str, url: &str, params: &[(String, String)], signature: &str) -> bool {
    let Ok(given) = STANDARD.decode(signature.trim()) else {
        return false;
    };
    mac(auth_token, url, params).verify_slice(&given).is_ok()
}

fn mac(auth_token: &str, url: &str, params: &[(String, String)]) -> Hmac<Sha1> {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort();
    let mut mac = Hmac::<Sha1>::new_from_slice(auth_token.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(url.as_bytes());
    for (name, value) in sorted {
        mac.update(name.as_bytes());
        mac.update(value.as_bytes());
    }
    mac
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// The example of Twilio's security documentation, with its published signature.
    #[test]
    fn twilios_documented_example_verifies() {
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        let form = params(&[
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+14158675310"),
            ("Digits", "1234"),
            ("From", "+14158675310"),
            ("To", "+18005551212"),
        ]);
        let token = "12345";
        assert_eq!(sign(token, url, &form), "GvWf1cFY/Q7PnoempGyD5oXAezc=");
        assert!(verify(token, url, &form, "GvWf1cFY/Q7PnoempGyD5oXAezc="));
    }

    #[test]
    fn a_changed_value_url_or_key_fails() {
        let form = params(&[("MessageSid", "SM1"), ("MessageStatus", "delivered")]);
        let good = sign("token", "https://td.example/v1/sms/status", &form);
        assert!(verify("token", "https://td.example/v1/sms/status", &form, &good));
        let forged = params(&[("MessageSid", "SM1"), ("MessageStatus", "failed")]);
        assert!(!verify("token", "https://td.example/v1/sms/status", &forged, &good));
        assert!(!verify("token", "https://td.example/v1/sms/inbound", &form, &good));
        assert!(!verify("other", "https://td.example/v1/sms/status", &form, &good));
        assert!(!verify("token", "https://td.example/v1/sms/status", &form, "not base64!"));
    }
}
