//! The `[sms]` table of the server's settings: the text message provider's account.

use serde::Deserialize;

/// A provider speaking Twilio's Messages API (Twilio itself, or a compatible service).
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmsSettings {
    /// Where the API is, without a trailing path: `https://api.twilio.com` unless told.
    #[serde(default = "SmsSettings::default_base_url")]
    pub base_url: String,
    /// The account's SID (`AC...`): the user name of the API's basic auth, and in its paths.
    /// (Each of these three defaults to empty, so [`Self::check`] names the one missing.)
    #[serde(default)]
    pub account_sid: String,
    /// The account's auth token: the password of the basic auth and the key the provider signs
    /// its callbacks with. A secret: from `TALENTDESK_SMS_AUTH_TOKEN` rather than the file.
    #[serde(default)]
    pub auth_token: String,
    /// The number texts are sent from, in E.164 (`+14155550100`), or a messaging service.
    #[serde(default)]
    pub from: String,
}

impl SmsSettings {
    fn default_base_url() -> String {
        "https://api.twilio.com".into()
    }

    /// Names what is missing or wrong, so the server stops at start-up instead of failing
    /// every text later.
    pub fn check(&self) -> anyhow::Result<()> {
        for (key, value) in [("account_sid", &self.account_sid), ("auth_token", &self.auth_token), ("from", &self.from)]
        {
            if value.trim().is_empty() {
                anyhow::bail!(
                    "configuration: sms.{key} is not set (in the file or TALENTDESK_SMS_{})",
                    key.to_uppercase()
                );
            }
        }
        match self.base_url.split_once("://").map(|(scheme, _)| scheme) {
            Some("https" | "http") => Ok(()),
            _ => anyhow::bail!("configuration: sms.base_url must be an http:// or https:// URL, not {}", self.base_url),
        }
    }
}

impl SmsSettings {
    /// Whether a text that came in was sent to this server's sending number: `to` is its `To`,
    /// `service` its `MessagingServiceSid` (when [`from`](Self::from) names a messaging
    /// service, its numbers are the provider's to choose, and the service says it is ours).
    /// Numbers compare by their digits, so "+1 (415) 555-0100" is "+14155550100".
    pub fn is_ours(&self, to: &str, service: Option<&str>) -> bool {
        let from = self.from.trim();
        if from.starts_with("MG") {
            return service.is_some_and(|s| s.trim() == from);
        }
        let digits = |n: &str| n.chars().filter(char::is_ascii_digit).collect::<String>();
        !digits(from).is_empty() && digits(from) == digits(to)
    }
}

// By hand, so the auth token never reaches a log line or an error message.
impl std::fmt::Debug for SmsSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsSettings")
            .field("base_url", &self.base_url)
            .field("account_sid", &self.account_sid)
            .field("auth_token", &"(hidden)")
            .field("from", &self.from)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sending(from: &str) -> SmsSettings {
        SmsSettings {
            base_url: SmsSettings::default_base_url(),
            account_sid: "AC1".into(),
            auth_token: "t".into(),
            from: from.into(),
        }
    }

    #[test]
    fn a_text_is_ours_when_sent_to_our_number_or_our_messaging_service() {
        let number = sending("+14155550100");
        assert!(number.is_ours("+14155550100", None));
        assert!(number.is_ours("+1 (415) 555-0100", None));
        assert!(!number.is_ours("+14155550199", None));
        assert!(!number.is_ours("", None));
        let service = sending("MG0123456789abcdef0123456789abcdef");
        assert!(service.is_ours("+14155550100", Some("MG0123456789abcdef0123456789abcdef")));
        assert!(!service.is_ours("+14155550100", Some("MGother")));
        assert!(!service.is_ours("+14155550100", None));
    }
}
