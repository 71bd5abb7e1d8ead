//! The sync API over HTTP, as the desktop and the CLI call it. Each call is one request;
//! retrying, backoff and rebasing belong to the engine above it.

use std::time::Duration;

use talentdesk_domain::DomainError;
use talentdesk_domain::user::Role;
use uuid::Uuid;

pub use crate::address::server_address;
pub use crate::snapshot::SnapshotReader;

use crate::partner::{CreatedPartnerKey, NewPartnerKey, PartnerKey};
use crate::webhooks::{Webhook, WebhookCreated, WebhookDelivery, WebhookSettings};

use crate::wire::{
    Activation, AtsIdChange, ErrorBody, Invitation, LoginRequest, LoginResponse, OneTimePassword, PullResponse,
    PushRequest, PushResponse, PushedMutation, RoleChange, ServerFeatures, SignInsEnded, SnapshotRecord, TeamMember,
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
    /// The server took mutation `seq` of this client id with other content: another copy of
    /// this replica pushes under the same id. What waits from `seq` on goes under a new id.
    #[error("another copy of this replica took mutation {seq} under the same client id")]
    ClientReused { seq: i64 },
    /// The server is up but cannot serve now (its database is away): try again later.
    #[error("{0}")]
    Unavailable(String),
    /// The server refused the request itself; retrying the same request will not help. `rule`
    /// is the domain rule that refused it, when one did.
    #[error("{message} (HTTP {status})")]
    Refused { status: u16, code: String, message: String, rule: Option<Box<DomainError>> },
    #[error("the server's answer could not be read: {0}")]
    BadAnswer(String),
    /// The secure connection failed: a certificate this machine does not trust, or a server
    /// that does not speak TLS. Waiting does not fix it.
    #[error("a secure connection to the server failed: {0}")]
    Insecure(String),
    /// An address the desktop will not send a password to (see [`server_address`]).
    #[error("{0}")]
    BadAddress(String),
    /// This replica has seen changes the server no longer has (it was restored from an older
    /// backup): pulling on would miss what was changed since under the same versions, so the
    /// replica must be loaded afresh.
    #[error("{0}")]
    ResyncNeeded(String),
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

/// How long a call may wait on the server before the server counts as unreachable. Without
/// limits, a server (or a network) that accepts a connection and then says nothing would hold
/// a sync round, or a sign-in, forever.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// To open the connection.
    pub connect: Duration,
    /// For an ordinary call as a whole: from connecting to the last byte of the answer.
    pub request: Duration,
    /// For the next bytes of a long transfer (the snapshot, a document, the live stream). Such
    /// a transfer may take as long as it needs while it keeps moving; a whole-call limit would
    /// cut a healthy first sync of a million candidates. Longer than the server's keep-alive on
    /// the live stream (15 s), which is all that arrives there while nothing changes.
    pub idle: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self { connect: Duration::from_secs(10), request: Duration::from_secs(30), idle: Duration::from_secs(60) }
    }
}

/// The slowest upload rate a document's upload is given time for, beyond the call's own limit
/// (a 25 MB document: about 13 minutes more).
const SLOWEST_UPLOAD_BYTES_PER_SECOND: f64 = 32.0 * 1024.0;

/// A server the desktop may talk to (see [`server_address`]), before signing in.
#[derive(Clone, Debug)]
pub struct Server {
    http: reqwest::Client,
    base: String,
    timeouts: Timeouts,
}

impl Server {
    pub fn at(address: &str) -> Result<Self, ClientError> {
        Self::with_timeouts(address, Timeouts::default())
    }

    pub fn with_timeouts(address: &str, timeouts: Timeouts) -> Result<Self, ClientError> {
        let url = server_address(address).map_err(ClientError::BadAddress)?;
        let http = reqwest::Client::builder()
            .connect_timeout(timeouts.connect)
            // The API never redirects; following one could carry the password to plain HTTP.
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Self { http, base: url.as_str().trim_end_matches('/').to_owned(), timeouts })
    }

    /// Signs in; the returned token is for the OS keychain, never a file.
    pub async fn login(&self, email: &str, password: &str) -> Result<(Client, LoginResponse), ClientError> {
        let request = LoginRequest { email: email.to_owned(), password: password.to_owned() };
        let login: LoginResponse = self.answer(self.http.post(self.url("/v1/auth/login")).json(&request)).await?;
        Ok((self.client(&login.token), login))
    }

    /// The connection of a token kept from an earlier sign-in.
    pub fn client(&self, token: &str) -> Client {
        Client { server: self.clone(), token: token.to_owned() }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// An ordinary call, its answer read as JSON, all within the request limit.
    async fn answer<T: serde::de::DeserializeOwned>(&self, request: reqwest::RequestBuilder) -> Result<T, ClientError> {
        let limit = self.timeouts.request;
        self.call(request, limit).await?.json().await.map_err(|e| self.failure(e, limit))
    }

    /// An ordinary call: answered (and its answer read) within `limit`.
    async fn call(&self, request: reqwest::RequestBuilder, limit: Duration) -> Result<reqwest::Response, ClientError> {
        let response = request.timeout(limit).send().await.map_err(|e| self.failure(e, limit))?;
        checked(response).await
    }

    /// A long transfer: its answer must start within the idle limit; its body is then read
    /// with [`next_chunk`], each piece within the idle limit again.
    async fn open(&self, request: reqwest::RequestBuilder) -> Result<reqwest::Response, ClientError> {
        let idle = self.timeouts.idle;
        let started = async { checked(request.send().await.map_err(|e| self.failure(e, idle))?).await };
        tokio::time::timeout(idle, started).await.map_err(|_| silent_for(idle))?
    }

    /// A failed request in the engine's terms, a time limit named as such.
    fn failure(&self, e: reqwest::Error, limit: Duration) -> ClientError {
        match (e.is_timeout(), e.is_connect()) {
            (true, true) => {
                ClientError::Unreachable(format!("no connection within {}", in_words(self.timeouts.connect)))
            }
            (true, false) => silent_for(limit),
            (false, _) => e.into(),
        }
    }
}

/// The next piece of a long transfer's body (`None` at its end), or a failure when nothing
/// arrives for `idle`.
pub(crate) async fn next_chunk(
    response: &mut reqwest::Response,
    idle: Duration,
) -> Result<Option<bytes::Bytes>, ClientError> {
    match tokio::time::timeout(idle, response.chunk()).await {
        Ok(chunk) => Ok(chunk?),
        Err(_) => Err(silent_for(idle)),
    }
}

fn silent_for(limit: Duration) -> ClientError {
    ClientError::Unreachable(format!("no answer within {}", in_words(limit)))
}

fn in_words(limit: Duration) -> String {
    if limit.subsec_millis() == 0 { format!("{} s", limit.as_secs()) } else { format!("{} ms", limit.as_millis()) }
}

/// A signed-in connection to one server.
#[derive(Clone)]
pub struct Client {
    server: Server,
    token: String,
}

/// Names the server only: a client printed into a log must not carry its token.
impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("server", &self.server.base).finish_non_exhaustive()
    }
}

impl Client {
    /// Signs in to the server at `address` (see [`Server::login`]).
    pub async fn login(address: &str, email: &str, password: &str) -> Result<(Self, LoginResponse), ClientError> {
        Server::at(address)?.login(email, password).await
    }

    /// A client with a token kept from an earlier sign-in.
    pub fn with_token(address: &str, token: &str) -> Result<Self, ClientError> {
        Ok(Server::at(address)?.client(token))
    }

    pub async fn push(&self, client_id: Uuid, mutations: Vec<PushedMutation>) -> Result<PushResponse, ClientError> {
        let request = PushRequest { client_id, mutations };
        self.server.answer(self.post("/v1/sync/push").json(&request)).await
    }

    pub async fn pull(&self, client_id: Uuid, cursor: &str) -> Result<PullResponse, ClientError> {
        self.pull_at_most(client_id, cursor, None).await
    }

    /// A pull page of at most `limit` changes (the server's default when `None`).
    pub async fn pull_at_most(
        &self,
        client_id: Uuid,
        cursor: &str,
        limit: Option<u32>,
    ) -> Result<PullResponse, ClientError> {
        let mut query = vec![("cursor", cursor.to_owned()), ("client_id", client_id.to_string())];
        query.extend(limit.map(|limit| ("limit", limit.to_string())));
        self.server.answer(self.get("/v1/sync/pull").query(&query)).await
    }

    /// Ends this sign-in on the server: the token is refused from then on, wherever a copy of
    /// it is.
    pub async fn logout(&self) -> Result<(), ClientError> {
        self.server.call(self.post("/v1/auth/logout"), self.server.timeouts.request).await.map(|_| ())
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
        let response = self.server.open(self.get("/v1/sync/snapshot").query(&[("after", after)])).await?;
        Ok(SnapshotReader::start(response, self.server.timeouts.idle, prepare))
    }

    /// Uploads a document's bytes (idempotent: bytes the server has already are fine). The
    /// call's limit grows with the document, at the slowest rate still worth waiting for.
    pub async fn put_blob(&self, sha256: &str, bytes: Vec<u8>) -> Result<(), ClientError> {
        let sending = Duration::from_secs_f64(bytes.len() as f64 / SLOWEST_UPLOAD_BYTES_PER_SECOND);
        let request = self.put(&format!("/v1/blobs/{sha256}"));
        self.server.call(request.body(bytes), self.server.timeouts.request + sending).await.map(|_| ())
    }

    /// Downloads a document's bytes; the caller checks them against the hash.
    pub async fn get_blob(&self, sha256: &str) -> Result<Vec<u8>, ClientError> {
        let mut response = self.server.open(self.get(&format!("/v1/blobs/{sha256}"))).await?;
        let mut bytes = Vec::new();
        while let Some(chunk) = next_chunk(&mut response, self.server.timeouts.idle).await? {
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    }

    /// Waits on the live stream until it reports a version above `known`; returns it. The
    /// caller pulls then, and calls again.
    pub async fn next_version(&self, known: i64) -> Result<i64, ClientError> {
        let mut response = self.server.open(self.get("/v1/sync/live")).await?;
        let mut text = String::new();
        while let Some(chunk) = next_chunk(&mut response, self.server.timeouts.idle).await? {
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

    /// What the server does beyond sync (whether it sends texts); an older server without the
    /// route does nothing beyond sync.
    pub async fn features(&self) -> Result<ServerFeatures, ClientError> {
        match self.server.answer(self.get("/v1/features")).await {
            Err(ClientError::Refused { status: 404, .. }) => Ok(ServerFeatures::default()),
            answer => answer,
        }
    }

    /// The address of the organisation's sign-up page.
    pub async fn sign_up_page(&self) -> Result<crate::signup_page::SignUpPage, ClientError> {
        self.server.answer(self.get("/v1/sign-up-page")).await
    }

    /// Everyone in this user's organisation, active or not.
    pub async fn team(&self) -> Result<Vec<TeamMember>, ClientError> {
        self.server.answer(self.get("/v1/team")).await
    }

    /// Adds a teammate (admins only); the answer carries their one-time password.
    pub async fn invite(&self, invitation: &Invitation) -> Result<OneTimePassword, ClientError> {
        self.server.answer(self.post("/v1/team/invitations").json(invitation)).await
    }

    pub async fn set_role(&self, user: Uuid, role: Role) -> Result<TeamMember, ClientError> {
        self.server.answer(self.put(&format!("/v1/team/{user}/role")).json(&RoleChange { role })).await
    }

    /// Sets (or with `None` takes away) a teammate's ATS ID, their System ID in iCIMS.
    pub async fn set_ats_id(&self, user: Uuid, ats_id: Option<String>) -> Result<TeamMember, ClientError> {
        self.server.answer(self.put(&format!("/v1/team/{user}/ats-id")).json(&AtsIdChange { ats_id })).await
    }

    /// Deactivates (`false`) or reactivates a teammate.
    pub async fn set_active(&self, user: Uuid, active: bool) -> Result<TeamMember, ClientError> {
        self.server.answer(self.put(&format!("/v1/team/{user}/active")).json(&Activation { active })).await
    }

    /// Gives a teammate a new one-time password, ending their sign-ins.
    pub async fn reset_password(&self, user: Uuid) -> Result<OneTimePassword, ClientError> {
        self.server.answer(self.post(&format!("/v1/team/{user}/password"))).await
    }

    /// Ends every sign-in of a teammate; returns how many were live.
    pub async fn end_sign_ins(&self, user: Uuid) -> Result<u64, ClientError> {
        let request = self.server.http.delete(self.server.url(&format!("/v1/team/{user}/sign-ins")));
        let ended: SignInsEnded = self.server.answer(request.bearer_auth(&self.token)).await?;
        Ok(ended.ended)
    }

    /// The organisation's partner API keys (admins only), never their secrets.
    pub async fn partner_keys(&self) -> Result<Vec<PartnerKey>, ClientError> {
        self.server.answer(self.get("/v1/partner-keys")).await
    }

    /// Creates a partner API key (admins only); the answer is the only place its secret is.
    pub async fn create_partner_key(&self, new: &NewPartnerKey) -> Result<CreatedPartnerKey, ClientError> {
        self.server.answer(self.post("/v1/partner-keys").json(new)).await
    }

    /// Revokes a partner API key (admins only): the partner is refused from then on.
    pub async fn revoke_partner_key(&self, key: Uuid) -> Result<PartnerKey, ClientError> {
        let request = self.server.http.delete(self.server.url(&format!("/v1/partner-keys/{key}")));
        self.server.answer(request.bearer_auth(&self.token)).await
    }

    /// The organisation's webhooks (admins only), never their secrets.
    pub async fn webhooks(&self) -> Result<Vec<Webhook>, ClientError> {
        self.server.answer(self.get("/v1/webhooks")).await
    }

    /// Adds a webhook (admins only); the answer is the only place its signing secret is.
    pub async fn create_webhook(&self, settings: &WebhookSettings) -> Result<WebhookCreated, ClientError> {
        self.server.answer(self.post("/v1/webhooks").json(settings)).await
    }

    /// Changes a webhook's URL, events, filters, or whether it is on.
    pub async fn update_webhook(&self, id: Uuid, settings: &WebhookSettings) -> Result<Webhook, ClientError> {
        self.server.answer(self.put(&format!("/v1/webhooks/{id}")).json(settings)).await
    }

    /// Removes a webhook with its delivery log.
    pub async fn delete_webhook(&self, id: Uuid) -> Result<(), ClientError> {
        let request = self.server.http.delete(self.server.url(&format!("/v1/webhooks/{id}"))).bearer_auth(&self.token);
        self.server.call(request, self.server.timeouts.request).await.map(|_| ())
    }

    /// A webhook's delivery log, newest first.
    pub async fn webhook_deliveries(&self, id: Uuid) -> Result<Vec<WebhookDelivery>, ClientError> {
        self.server.answer(self.get(&format!("/v1/webhooks/{id}/deliveries"))).await
    }

    /// Queues a delivery's event to its webhook again; the log as it is then.
    pub async fn resend_webhook_delivery(&self, id: Uuid, delivery: Uuid) -> Result<Vec<WebhookDelivery>, ClientError> {
        self.server.answer(self.post(&format!("/v1/webhooks/{id}/deliveries/{delivery}/resend"))).await
    }

    fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.server.http.get(self.server.url(path)).bearer_auth(&self.token)
    }

    fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.server.http.post(self.server.url(path)).bearer_auth(&self.token)
    }

    fn put(&self, path: &str) -> reqwest::RequestBuilder {
        self.server.http.put(self.server.url(path)).bearer_auth(&self.token)
    }
}

/// The response if it succeeded, else the server's error in the engine's terms.
async fn checked(response: reqwest::Response) -> Result<reqwest::Response, ClientError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let origin = response.url().origin().ascii_serialization();
    let body: Option<ErrorBody> = response.json().await.ok();
    let (code, message, expected, rule) = match body {
        Some(b) => (b.error.code, b.error.message, b.error.expected_seq, b.error.rule.map(Box::new)),
        // Every error of the API has a body; a bare 404 comes from some other web server.
        None if status == reqwest::StatusCode::NOT_FOUND => (
            "not_talentdesk".to_owned(),
            format!("{origin} is not a Talentdesk server, or not one this version of Talentdesk can talk to"),
            None,
            None,
        ),
        None => (String::new(), format!("the server answered {status}"), None, None),
    };
    Err(match (status.as_u16(), expected) {
        (401, _) => ClientError::SignedOut(message),
        (409, Some(seq)) if code == "client_reused" => ClientError::ClientReused { seq },
        (409, Some(expected)) => ClientError::SequenceGap { expected },
        (503, _) => ClientError::Unavailable(message),
        // A gateway in front of several server processes (nginx) found none that answered, or
        // lost the one serving this call: the servers are away, as if the network were.
        (502 | 504, _) if code.is_empty() => ClientError::Unreachable(format!("{origin}: {message}")),
        (410, _) if code == "resync_needed" => ClientError::ResyncNeeded(message),
        (status, _) => ClientError::Refused { status, code, message, rule },
    })
}
