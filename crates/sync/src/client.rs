//! The sync API over HTTP, as the desktop and the CLI call it. Each call is one request;
//! retrying, backoff and rebasing belong to the engine above it.

use std::io::{BufRead, BufReader};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use uuid::Uuid;

use crate::wire::{
    ErrorBody, LoginRequest, LoginResponse, PullResponse, PushRequest, PushResponse, PushedMutation, SnapshotHeader,
    SnapshotRecord,
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
    pub async fn snapshot(&self, after: &str) -> Result<SnapshotReader, ClientError> {
        let request = self.http.get(self.url("/v1/sync/snapshot")).bearer_auth(&self.token).query(&[("after", after)]);
        let response = checked(request.send().await?).await?;
        SnapshotReader::start(response).await
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

/// A snapshot being downloaded, read record by record while the rest arrives. A task on the
/// runtime forwards the compressed bytes; iterating blocks on them, so it belongs on a blocking
/// thread (`spawn_blocking`), where the records are also written to the store.
pub struct SnapshotReader {
    lines: std::io::Lines<BufReader<flate2::read::GzDecoder<Download>>>,
    header: Option<SnapshotHeader>,
    received: Arc<AtomicU64>,
}

impl SnapshotReader {
    async fn start(mut response: reqwest::Response) -> Result<Self, ClientError> {
        // A few megabytes in flight: enough to keep the download going while a batch is written.
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Result<bytes::Bytes, String>>(64);
        let received = Arc::new(AtomicU64::new(0));
        let counter = received.clone();
        tokio::spawn(async move {
            loop {
                let next = response.chunk().await;
                let done = !matches!(next, Ok(Some(_)));
                let item = match next {
                    Ok(Some(chunk)) => {
                        counter.fetch_add(chunk.len() as u64, Ordering::Relaxed);
                        Ok(chunk)
                    }
                    Ok(None) => break,
                    Err(e) => Err(e.to_string()),
                };
                if sender.send(item).is_err() || done {
                    break;
                }
            }
        });
        let download = Download { receiver, current: bytes::Bytes::new() };
        let lines = BufReader::new(flate2::read::GzDecoder::new(download)).lines();
        Ok(Self { lines, header: None, received })
    }

    /// The snapshot's first line: its version and size. Blocks until it arrives.
    pub fn header(&mut self) -> Result<SnapshotHeader, ClientError> {
        if let Some(header) = &self.header {
            return Ok(header.clone());
        }
        let first = self
            .lines
            .next()
            .ok_or_else(|| ClientError::BadAnswer("the snapshot is empty".into()))?
            .map_err(read_error)?;
        let header: SnapshotHeader = serde_json::from_str(&first).map_err(|e| ClientError::BadAnswer(e.to_string()))?;
        self.header = Some(header.clone());
        Ok(header)
    }

    /// Compressed bytes received so far.
    pub fn received_bytes(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }
}

impl Iterator for SnapshotReader {
    type Item = Result<SnapshotRecord, ClientError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.header.is_none()
            && let Err(e) = self.header()
        {
            return Some(Err(e));
        }
        let line = self.lines.next()?;
        Some(
            line.map_err(read_error)
                .and_then(|l| serde_json::from_str(&l).map_err(|e| ClientError::BadAnswer(e.to_string()))),
        )
    }
}

/// A broken connection mid-download is the network's fault; anything else, the data's.
fn read_error(e: std::io::Error) -> ClientError {
    match e.kind() {
        std::io::ErrorKind::ConnectionAborted | std::io::ErrorKind::UnexpectedEof => {
            ClientError::Unreachable(format!("the download broke off: {e}"))
        }
        _ => ClientError::BadAnswer(e.to_string()),
    }
}

/// The download as a `Read`: chunks from the forwarding task, in order.
struct Download {
    receiver: std::sync::mpsc::Receiver<Result<bytes::Bytes, String>>,
    current: bytes::Bytes,
}

impl std::io::Read for Download {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            match self.receiver.recv() {
                Ok(Ok(chunk)) => self.current = chunk,
                Ok(Err(e)) => return Err(std::io::Error::new(std::io::ErrorKind::ConnectionAborted, e)),
                // The sender is gone after the last chunk: the end of the body.
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current.split_to(n));
        Ok(n)
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
