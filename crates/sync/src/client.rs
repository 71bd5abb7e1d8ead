//! The sync API over HTTP, as the desktop and the CLI call it. Each call is one request;
//! retrying, backoff and rebasing belong to the engine above it.

use uuid::Uuid;

pub use crate::snapshot::SnapshotReader;

use crate::wire::{
    ErrorBody, LoginRequest, LoginResponse, PullResponse, PushRequest, PushResponse, PushedMutation, SnapshotRecord,
};

/// Why a call failed, in the terms the engine acts on.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The server could not be reached or the connection broke: try again later (offline).
    #[error("the server cannot be reached: {0}")]
    Unreachable(String),
    /// The sign-in is missing, expired or revoked: sign in again.
    #[error("{0}")]
    SignedOut(String),
    /// A push skipped sequence numbers: resend from `expected`.
    #[error("the server expects mutation {expected} next")]
    SequenceGap { expected: i64 },
    /// The server is up but cannot serve now (its database is away): try again later.
    #[error("{0}")]
    Unavailable(String),
    /// The server refused the request itself; retrying the same request will not help.
    #[error("{message} (HTTP {status})")]
    Refused { status: u16, code: String, message: String },
    #[error("the server's answer could not be read: {0}")]
    BadAnswer(String),
    /// The secure connection failed: a certificate this machine does not trust, or a server
    /// that does not speak TLS. Waiting does not fix it.
    #[error("a secure connection to the server failed: {0}")]
    Insecure(String),
}

impl ClientError {
    /// Whether the same call may succeed later without anything changing on this side.
    pub fn is_temporary(&self) -> bool {
        matches!(self, ClientError::Unreachable(_) | ClientError::Unavailable(_))
    }
}

impl From<reqwest::Error> for ClientError {
    fn from(e: reqwest::Error) -> Self {
        if let Some(tls) = tls_failure(&e) {
            return ClientError::Insecure(tls.to_string());
        }
        let mut message = e.to_string();
        // reqwest's own words say little ("error sending request"); the cause says what failed.
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            message = format!("{message}: {cause}");
            source = cause.source();
        }
        if e.is_decode() { ClientError::BadAnswer(message) } else { ClientError::Unreachable(message) }
    }
}

/// The TLS error behind a failed request, if that is what failed.
fn tls_failure(e: &reqwest::Error) -> Option<&rustls::Error> {
    std::error::Error::source(e).and_then(find_tls)
}

fn find_tls<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    if let Some(tls) = error.downcast_ref::<rustls::Error>() {
        return Some(tls);
    }
    // An I/O error's `source` skips the error it wraps (which may wrap another): look inside.
    let wrapped = error.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref());
    if let Some(tls) = wrapped.and_then(|inner| find_tls(inner)) {
        return Some(tls);
    }
    error.source().and_then(find_tls)
}

/// A signed-in connection to one server.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Client {
    /// Signs in; the returned token is for the OS keychain, never a file.
    pub async fn login(base: &str, email: &str, password: &str) -> Result<(Self, LoginResponse), ClientError> {
        let http = reqwest::Client::new();
        let base = base.trim_end_matches('/').to_owned();
        let request = LoginRequest { email: email.to_owned(), password: password.to_owned() };
        let login: LoginResponse = answer(http.post(format!("{base}/v1/auth/login")).json(&request)).await?;
        Ok((Self { http, base, token: login.token.clone() }, login))
    }

    /// A client with a token kept from an earlier sign-in.
    pub fn with_token(base: &str, token: &str) -> Self {
        Self { http: reqwest::Client::new(), base: base.trim_end_matches('/').to_owned(), token: token.to_owned() }
    }

    pub async fn push(&self, client_id: Uuid, mutations: Vec<PushedMutation>) -> Result<PushResponse, ClientError> {
        let request = PushRequest { client_id, mutations };
        answer(self.http.post(self.url("/v1/sync/push")).bearer_auth(&self.token).json(&request)).await
    }

    pub async fn pull(&self, client_id: Uuid, cursor: &str) -> Result<PullResponse, ClientError> {
        let query = [("cursor", cursor.to_owned()), ("client_id", client_id.to_string())];
        answer(self.http.get(self.url("/v1/sync/pull")).bearer_auth(&self.token).query(&query)).await
    }

    /// Starts downloading the snapshot from `after` (a `kind/id`, empty for the start). The
    /// records are read as they arrive, on a blocking thread: see [`SnapshotReader`].
    pub async fn snapshot(&self, after: &str) -> Result<SnapshotReader<SnapshotRecord>, ClientError> {
        self.snapshot_prepared(after, |record| record).await
    }

    /// [`Client::snapshot`], with `prepare` run on each record on the thread that unpacks the
    /// download, beside the one that reads the results (the first sync parses there).
    pub async fn snapshot_prepared<T: Send + 'static>(
        &self,
        after: &str,
        prepare: impl Fn(SnapshotRecord) -> T + Send + 'static,
    ) -> Result<SnapshotReader<T>, ClientError> {
        let request = self.http.get(self.url("/v1/sync/snapshot")).bearer_auth(&self.token).query(&[("after", after)]);
        let response = checked(request.send().await?).await?;
        Ok(SnapshotReader::start(response, prepare))
    }

    /// Uploads a document's bytes (idempotent: bytes the server has already are fine).
    pub async fn put_blob(&self, sha256: &str, bytes: Vec<u8>) -> Result<(), ClientError> {
        let request = self.http.put(self.url(&format!("/v1/blobs/{sha256}"))).bearer_auth(&self.token).body(bytes);
        checked(request.send().await?).await.map(|_| ())
    }

    /// Downloads a document's bytes; the caller checks them against the hash.
    pub async fn get_blob(&self, sha256: &str) -> Result<Vec<u8>, ClientError> {
        let request = self.http.get(self.url(&format!("/v1/blobs/{sha256}"))).bearer_auth(&self.token);
        Ok(checked(request.send().await?).await?.bytes().await?.to_vec())
    }

    /// Waits on the live stream until it reports a version above `known`; returns it. The
    /// caller pulls then, and calls again.
    pub async fn next_version(&self, known: i64) -> Result<i64, ClientError> {
        let request = self.http.get(self.url("/v1/sync/live")).bearer_auth(&self.token);
        let mut response = checked(request.send().await?).await?;
        let mut text = String::new();
        while let Some(chunk) = response.chunk().await? {
            text.push_str(&String::from_utf8_lossy(&chunk));
            let newest = text
                .lines()
                .filter_map(|l| l.strip_prefix("data: "))
                .filter_map(|d| serde_json::from_str::<serde_json::Value>(d).ok()?["version"].as_i64())
                .max();
            if let Some(version) = newest.filter(|v| *v > known) {
                return Ok(version);
            }
        }
        Err(ClientError::Unreachable("the live stream ended".into()))
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

async fn answer<T: serde::de::DeserializeOwned>(request: reqwest::RequestBuilder) -> Result<T, ClientError> {
    Ok(checked(request.send().await?).await?.json().await?)
}

/// The response if it succeeded, else the server's error in the engine's terms.
async fn checked(response: reqwest::Response) -> Result<reqwest::Response, ClientError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let origin = response.url().origin().ascii_serialization();
    let body: Option<ErrorBody> = response.json().await.ok();
    let (code, message, expected) = match body {
        Some(b) => (b.error.code, b.error.message, b.error.expected_seq),
        // Every error of the API has a body; a bare 404 comes from some other web server.
        None if status == reqwest::StatusCode::NOT_FOUND => (
            "not_talentdesk".to_owned(),
            format!("{origin} is not a Talentdesk server, or not one this version of Talentdesk can talk to"),
            None,
        ),
        None => (String::new(), format!("the server answered {status}"), None),
    };
    Err(match (status.as_u16(), expected) {
        (401, _) => ClientError::SignedOut(message),
        (409, Some(expected)) => ClientError::SequenceGap { expected },
        (503, _) => ClientError::Unavailable(message),
        (status, _) => ClientError::Refused { status, code, message },
    })
}
