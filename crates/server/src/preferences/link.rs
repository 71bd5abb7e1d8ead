//! Signed, expiring links to a candidate's own pages: an HMAC-SHA256 over the organisation,
//! the candidate, what the link is for and until when, with a secret only this server knows.
//! Holding the link is the only proof a visitor gives (they got it by email), so a link is
//! checked whole and in constant time before anything about the person is read; a link that
//! is changed in any byte, for another person, or past its time opens nothing.
//!
//! The secret is the `link_secret` setting when given; otherwise one is made on first use and
//! kept in the database, so links keep working across restarts and on every server process.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::config::Config;

/// What a link lets its holder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// See and change their preferences (areas of interest, campaign emails) and ask to be
    /// forgotten; unsubscribe in one click (RFC 8058).
    Preferences,
}

impl Purpose {
    fn code(self) -> u8 {
        match self {
            Purpose::Preferences => 1,
        }
    }

    fn of(code: u8) -> Option<Self> {
        (code == 1).then_some(Purpose::Preferences)
    }
}

/// Whose link it is, once checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holder {
    pub org: Uuid,
    pub candidate: Uuid,
    pub purpose: Purpose,
}

/// Why a link opens nothing. Neither says whose it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not a link this server made (changed, cut short, made with another secret).
    Forged,
    /// Made here, but its time is over.
    Expired,
}

/// The bytes signed: org (16), candidate (16), purpose (1), expiry in Unix seconds (8).
const SIGNED: usize = 41;
const TAG: usize = 32;

type HmacSha256 = Hmac<Sha256>;

/// The secret links are signed with.
#[derive(Clone)]
pub struct Secret(Vec<u8>);

impl Secret {
    pub fn new(secret: Vec<u8>) -> Self {
        Secret(secret)
    }

    /// The configured secret, else the one kept in the database (made on first use; two
    /// processes starting at once keep the first one written).
    pub async fn get(conn: &mut PgConnection, config: &Config) -> sqlx::Result<Self> {
        if let Some(secret) = config.link_secret.as_deref().filter(|s| !s.is_empty()) {
            return Ok(Secret(secret.as_bytes().to_vec()));
        }
        let mut fresh = vec![0u8; 32];
        rand::rng().fill_bytes(&mut fresh);
        sqlx::query("INSERT INTO link_secret (secret) VALUES ($1) ON CONFLICT DO NOTHING")
            .bind(&fresh)
            .execute(&mut *conn)
            .await?;
        let kept: Vec<u8> = sqlx::query_scalar("SELECT secret FROM link_secret").fetch_one(conn).await?;
        Ok(Secret(kept))
    }

    fn mac(&self) -> HmacSha256 {
        HmacSha256::new_from_slice(&self.0).expect("HMAC takes a key of any length")
    }

    /// The token of a link for `holder`, valid until `until`.
    pub fn sign(&self, holder: Holder, until: chrono::DateTime<chrono::Utc>) -> String {
        let mut signed = Vec::with_capacity(SIGNED + TAG);
        signed.extend_from_slice(holder.org.as_bytes());
        signed.extend_from_slice(holder.candidate.as_bytes());
        signed.push(holder.purpose.code());
        signed.extend_from_slice(&until.timestamp().to_be_bytes());
        let mut mac = self.mac();
        mac.update(&signed);
        signed.extend_from_slice(&mac.finalize().into_bytes());
        URL_SAFE_NO_PAD.encode(signed)
    }

    /// Whose the token is, if this server signed it and it is still valid at `now`. The
    /// signature is checked before anything in the token is believed, in constant time.
    pub fn check(&self, token: &str, now: chrono::DateTime<chrono::Utc>) -> Result<Holder, Refused> {
        let bytes = URL_SAFE_NO_PAD.decode(token.trim()).map_err(|_| Refused::Forged)?;
        if bytes.len() != SIGNED + TAG {
            return Err(Refused::Forged);
        }
        let (signed, tag) = bytes.split_at(SIGNED);
        let mut mac = self.mac();
        mac.update(signed);
        mac.verify_slice(tag).map_err(|_| Refused::Forged)?;
        let uuid = |range: std::ops::Range<usize>| Uuid::from_slice(&signed[range]).map_err(|_| Refused::Forged);
        let purpose = Purpose::of(signed[32]).ok_or(Refused::Forged)?;
        let until = i64::from_be_bytes(signed[33..SIGNED].try_into().map_err(|_| Refused::Forged)?);
        if now.timestamp() > until {
            return Err(Refused::Expired);
        }
        Ok(Holder { org: uuid(0..16)?, candidate: uuid(16..32)?, purpose })
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Utc};

    use super::*;

    fn holder() -> Holder {
        Holder { org: Uuid::from_u128(1), candidate: Uuid::from_u128(2), purpose: Purpose::Preferences }
    }

    #[test]
    fn a_link_opens_for_its_holder_until_it_expires() {
        let secret = Secret(b"the server's own".to_vec());
        let now = Utc::now();
        let token = secret.sign(holder(), now + Duration::days(1));
        assert!(token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "fits a URL: {token}");
        assert_eq!(secret.check(&token, now), Ok(holder()));
        assert_eq!(secret.check(&token, now + Duration::days(2)), Err(Refused::Expired));
    }

    #[test]
    fn a_changed_cut_or_foreign_link_is_forged() {
        let secret = Secret(b"the server's own".to_vec());
        let now = Utc::now();
        let token = secret.sign(holder(), now + Duration::days(1));
        // Any byte changed: here the candidate's id (someone else's link), then the expiry.
        let mut bytes = URL_SAFE_NO_PAD.decode(&token).unwrap();
        for at in [20, 40, SIGNED + 3] {
            let mut changed = bytes.clone();
            changed[at] ^= 1;
            assert_eq!(secret.check(&URL_SAFE_NO_PAD.encode(&changed), now), Err(Refused::Forged), "byte {at}");
        }
        bytes.truncate(SIGNED + TAG - 1);
        assert_eq!(secret.check(&URL_SAFE_NO_PAD.encode(&bytes), now), Err(Refused::Forged));
        assert_eq!(secret.check("not a token!", now), Err(Refused::Forged));
        let other = Secret(b"another server".to_vec());
        assert_eq!(other.check(&token, now), Err(Refused::Forged));
    }
}
