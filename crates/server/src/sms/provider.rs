//! What the delivery worker needs from a text message provider, and the one it has: an HTTP
//! API in the shape of Twilio's Messages API.

use std::future::Future;
use std::time::Duration;

use serde::Deserialize;

use super::settings::SmsSettings;

/// One text to send.
pub struct Outgoing<'a> {
    /// The recipient in E.164.
    pub to: &'a str,
    pub body: &'a str,
    /// Where the provider posts the text's later states (delivered, failed).
    pub status_callback: &'a str,
}

/// The provider took the text: its id for the text, which its callbacks name.
#[derive(Debug)]
pub struct Accepted {
    pub provider_id: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The provider refused this text for good (a 4xx: a number it cannot reach, a body it
    /// will not take), or it may have gone out without the provider saying so: sending it
    /// again would be refused again, or send it twice.
    #[error("{0}")]
    Refused(String),
    /// The provider said it failed (a 5xx, a 429) or could not be reached: nothing was sent,
    /// try again later.
    #[error("{0}")]
    Temporary(String),
}

/// Sends texts. One implementation per provider API; the worker is written against this.
pub trait TextProvider: Send + Sync + 'static {
    fn send(&self, text: Outgoing<'_>) -> impl Future<Output = Result<Accepted, SendError>> + Send;
}

/// How long one request to the provider may take before it counts as a temporary failure.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// Twilio's Messages API: `POST {base}/2010-04-01/Accounts/{sid}/Messages.json`, form-encoded,
/// basic auth with the account SID and auth token; the answer is the message as JSON (`sid`,
/// `status`, `error_code`, `error_message`), or an error as JSON (`code`, `message`).
pub struct Twilio {
    http: reqwest::Client,
    settings: SmsSettings,
}

impl Twilio {
    pub fn new(settings: SmsSettings) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(Duration::from_secs(5))
            .build()
            .map_err(|e| anyhow::anyhow!("the text message client: {e}"))?;
        Ok(Self { http, settings })
    }

    fn messages_url(&self) -> String {
        let base = self.settings.base_url.trim_end_matches('/');
        format!("{base}/2010-04-01/Accounts/{}/Messages.json", self.settings.account_sid)
    }
}

/// The provider's answer, as far as it matters here: a message, or an error. (A message's
/// `status` is a word, "queued"; an error's the HTTP status, a number.)
#[derive(Deserialize)]
struct Answer {
    sid: Option<String>,
    status: Option<serde_json::Value>,
    error_code: Option<serde_json::Value>,
    error_message: Option<String>,
    code: Option<serde_json::Value>,
    message: Option<String>,
}

impl Answer {
    /// "21211: The 'To' number is not a valid phone number": the provider's code and words.
    fn reason(&self, status: reqwest::StatusCode) -> String {
        let code = self.error_code.as_ref().or(self.code.as_ref()).filter(|c| !c.is_null());
        let words = self.error_message.as_deref().or(self.message.as_deref());
        match (code, words) {
            (Some(code), Some(words)) => format!("{}: {words}", plain(code)),
            (Some(code), None) => format!("error {}", plain(code)),
            (None, Some(words)) => words.to_owned(),
            (None, None) => format!("the provider answered {status}"),
        }
    }
}

/// A JSON number or string as written, without quotes.
fn plain(value: &serde_json::Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_owned)
}

impl TextProvider for Twilio {
    async fn send(&self, text: Outgoing<'_>) -> Result<Accepted, SendError> {
        let form = [
            ("From", self.settings.from.as_str()),
            ("To", text.to),
            ("Body", text.body),
            ("StatusCallback", text.status_callback),
        ];
        let response = self
            .http
            .post(self.messages_url())
            .basic_auth(&self.settings.account_sid, Some(&self.settings.auth_token))
            .form(&form)
            .send()
            .await
            .map_err(|e| {
                // Only a connection never made sent nothing: anything later (a timeout, a
                // connection cut while waiting) may have sent the text, and a second try would
                // send it twice.
                if e.is_connect() {
                    SendError::Temporary(format!("the text message provider could not be reached: {e}"))
                } else {
                    SendError::Refused(format!("the provider did not answer ({e}); the text may have gone out"))
                }
            })?;
        let status = response.status();
        let body = response.text().await.map_err(|e| {
            SendError::Refused(format!("the provider's answer broke off ({e}); the text may have gone out"))
        })?;
        let answer: Option<Answer> = serde_json::from_str(&body).ok();
        if status.is_server_error() || status == reqwest::StatusCode::TOO_MANY_REQUESTS {
            let reason = answer.map_or_else(|| format!("the provider answered {status}"), |a| a.reason(status));
            return Err(SendError::Temporary(reason));
        }
        // Not tried again even after a success without a readable answer: the text may have
        // gone out, and a second try would send it twice.
        let Some(answer) = answer else {
            return Err(SendError::Refused(format!(
                "the provider answered {status} with something that is not its JSON"
            )));
        };
        if !status.is_success() {
            return Err(SendError::Refused(answer.reason(status)));
        }
        // Accepted, unless the message it made failed at once (it says so in its status).
        if matches!(answer.status.as_ref().and_then(|s| s.as_str()), Some("failed" | "undelivered")) {
            return Err(SendError::Refused(answer.reason(status)));
        }
        match answer.sid {
            Some(provider_id) if !provider_id.is_empty() => Ok(Accepted { provider_id }),
            _ => Err(SendError::Refused("the provider answered without naming the text (no sid)".into())),
        }
    }
}
