//! A text message provider on this machine, in the shape of Twilio's Messages API: it takes
//! form-encoded POSTs with basic auth, records them, answers as Twilio does, then posts the
//! text's states back to its StatusCallback, signed with the account's auth token. What it does
//! with a text follows from the number it goes to (the constants below); any other number is
//! sent and delivered.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::routing::post;
use axum::{Form, Json, Router};

use crate::sms::settings::SmsSettings;
use crate::sms::signature;

pub const ACCOUNT_SID: &str = "AC00000000000000000000000000000001";
pub const AUTH_TOKEN: &str = "test-auth-token-of-the-account";
/// The organisation's number.
pub const FROM: &str = "+14155550100";
/// Accepted, then the carrier cannot reach the handset (30003).
pub const UNREACHABLE: &str = "+14155550102";
/// A 500 on the first try, then accepted and delivered.
pub const FLAKY: &str = "+14155550103";
/// Refused at once: not a number the provider takes (400, 21211).
pub const INVALID: &str = "+14155550104";

/// One request the provider received.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    /// The `Authorization` header as sent.
    pub authorization: String,
    pub form: Vec<(String, String)>,
}

impl Received {
    /// A form field's value ("" when it was not sent).
    pub fn field(&self, name: &str) -> &str {
        self.form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or_default()
    }
}

#[derive(Clone)]
pub struct TextProvider {
    /// Its base URL, for `sms.base_url`.
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
}

impl TextProvider {
    pub async fn start() -> Self {
        let received = Arc::new(Mutex::new(Vec::new()));
        let app = Router::new()
            .route("/2010-04-01/Accounts/{sid}/Messages.json", post(messages))
            .with_state(received.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the text provider");
        let url = format!("http://{}", listener.local_addr().expect("its address"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, received }
    }

    /// The `[sms]` settings of a server that sends its texts here.
    pub fn settings(&self) -> SmsSettings {
        SmsSettings {
            base_url: self.url.clone(),
            account_sid: ACCOUNT_SID.into(),
            auth_token: AUTH_TOKEN.into(),
            from: FROM.into(),
        }
    }

    /// Every request, in the order received.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// The requests that sent a text to `number`.
    pub fn to(&self, number: &str) -> Vec<Received> {
        self.received().into_iter().filter(|r| r.field("To") == number).collect()
    }
}

type Shared = Arc<Mutex<Vec<Received>>>;

/// `POST .../Messages.json`.
async fn messages(
    State(received): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> (StatusCode, Json<serde_json::Value>) {
    let authorization = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let request = Received { path: uri.path().to_owned(), authorization, form };
    let to = request.field("To").to_owned();
    let callback = request.field("StatusCallback").to_owned();
    let tries = {
        let mut all = received.lock().unwrap();
        all.push(request);
        all.iter().filter(|r| r.field("To") == to).count()
    };
    if to == FLAKY && tries == 1 {
        let error = serde_json::json!({"code": 20500, "message": "Internal Server Error", "status": 500});
        return (StatusCode::INTERNAL_SERVER_ERROR, Json(error));
    }
    if to == INVALID {
        let error = serde_json::json!({
            "code": 21211,
            "message": format!("The 'To' number {to} is not a valid phone number."),
            "more_info": "https://www.twilio.com/docs/errors/21211",
            "status": 400,
        });
        return (StatusCode::BAD_REQUEST, Json(error));
    }
    let sid = format!("SM{}", uuid::Uuid::now_v7().simple());
    let last = if to == UNREACHABLE {
        vec![("MessageStatus", "undelivered".to_owned()), ("ErrorCode", "30003".to_owned())]
    } else {
        vec![("MessageStatus", "delivered".to_owned())]
    };
    let states = [vec![("MessageStatus", "sent".to_owned())], last];
    let named = sid.clone();
    tokio::spawn(async move {
        for state in states {
            let mut form = vec![("MessageSid", named.clone()), ("AccountSid", ACCOUNT_SID.to_owned())];
            form.extend(state);
            call_back(&callback, &form).await;
        }
    });
    let answer = serde_json::json!({
        "sid": sid,
        "account_sid": ACCOUNT_SID,
        "from": FROM,
        "to": to,
        "status": "queued",
        "error_code": null,
        "error_message": null,
    });
    (StatusCode::CREATED, Json(answer))
}

/// Posts a status callback signed as the provider signs it. The provider calls back after it
/// answered; the server may still be recording that answer, so a text it does not know yet
/// (404) is posted again shortly.
async fn call_back(url: &str, form: &[(&str, String)]) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let status = post_signed(url, form, Some(AUTH_TOKEN)).await;
        if status != StatusCode::NOT_FOUND.as_u16() || Instant::now() > deadline {
            assert_eq!(status, StatusCode::NO_CONTENT.as_u16(), "the status callback to {url} was taken");
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Posts `form` to `url`, signed with `key` as the provider signs (unsigned without one), as
/// the provider or someone forging it; returns the HTTP status.
pub async fn post_signed(url: &str, form: &[(&str, String)], key: Option<&str>) -> u16 {
    let pairs: Vec<(String, String)> = form.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    let mut request = reqwest::Client::new().post(url).form(&pairs);
    if let Some(key) = key {
        request = request.header(signature::HEADER, signature::sign(key, url, &pairs));
    }
    request.send().await.expect("post to the server").status().as_u16()
}
