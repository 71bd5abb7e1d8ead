//! Every failure the API reports: the right HTTP status and a JSON body with a stable code
//! and a sentence a person can act on. Database trouble is a 503 the client retries; the
//! details go to the log, not to the caller.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use talentdesk_domain::DomainError;
use talentdesk_sync::wire::{ErrorBody, ErrorDetail};

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthorized(&'static str),
    /// Signed in, but not allowed this (a partner key without the route's scope): the
    /// sentence names what is missing.
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    TooLarge(String),
    /// Too many failed sign-ins: wait `retry_after_secs` (sent as `Retry-After`).
    #[error("{message}")]
    Throttled { message: String, retry_after_secs: u64 },
    /// The user holds as many streams of a kind as a user may.
    #[error("{0}")]
    TooManyStreams(String),
    #[error("mutation {got} was sent before {expected}; resend from {expected}")]
    SequenceGap { expected: i64, got: i64 },
    #[error(
        "mutation {seq} of this client id was already taken with other content: another copy of this replica \
         (restored or copied) pushes under the same id; push what waits under a new client id"
    )]
    ClientReused { seq: i64 },
    #[error("the database is unavailable: {0}")]
    Database(#[from] sqlx::Error),
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    /// The org's documents would take more than its quota.
    #[error("{0}")]
    QuotaExceeded(String),
    /// The document store failed (unreachable, a full disk, permissions): a sentence naming
    /// the store, for the caller, who may try again later.
    #[error("{0}")]
    Storage(String),
    /// The client's cursor is later than this server's data (a restore took it back in time):
    /// the client must load a snapshot again.
    #[error("{0}")]
    ResyncNeeded(String),
}

impl From<serde_json::Error> for ServerError {
    fn from(e: serde_json::Error) -> Self {
        ServerError::Corrupt(e.to_string())
    }
}

impl ServerError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ServerError::Domain(d) if d.is_forbidden() => (StatusCode::FORBIDDEN, "forbidden"),
            ServerError::Domain(DomainError::NotFound { .. }) => (StatusCode::NOT_FOUND, "not_found"),
            ServerError::Domain(DomainError::OverBulkLimit { .. }) => (StatusCode::UNPROCESSABLE_ENTITY, "over_limit"),
            ServerError::Domain(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            ServerError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            ServerError::Unauthorized(_) => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ServerError::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            ServerError::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            ServerError::Throttled { .. } => (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"),
            ServerError::TooManyStreams(_) => (StatusCode::TOO_MANY_REQUESTS, "too_many_streams"),
            ServerError::SequenceGap { .. } => (StatusCode::CONFLICT, "sequence_gap"),
            ServerError::ClientReused { .. } => (StatusCode::CONFLICT, "client_reused"),
            ServerError::QuotaExceeded(_) => (StatusCode::INSUFFICIENT_STORAGE, "quota_exceeded"),
            ServerError::ResyncNeeded(_) => (StatusCode::GONE, "resync_needed"),
            ServerError::Database(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ServerError::Storage(_) => (StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable"),
            ServerError::Corrupt(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let message = match &self {
            ServerError::Database(e) => {
                tracing::error!(error = %e, "database error");
                "the database is unavailable; try again shortly".to_owned()
            }
            ServerError::Corrupt(e) => {
                tracing::error!(error = %e, "internal failure");
                "the server failed to read or store data; the failure is logged".to_owned()
            }
            other => other.to_string(),
        };
        let rule = match &self {
            ServerError::Domain(rule) => Some(rule.clone()),
            _ => None,
        };
        let (expected_seq, retry_after) = match self {
            ServerError::SequenceGap { expected, .. } => (Some(expected), None),
            ServerError::ClientReused { seq } => (Some(seq), None),
            ServerError::Throttled { retry_after_secs, .. } => (None, Some(retry_after_secs)),
            _ => (None, None),
        };
        let body = Json(ErrorBody { error: ErrorDetail { code: code.to_owned(), message, expected_seq, rule } });
        match retry_after {
            Some(secs) => (status, [(axum::http::header::RETRY_AFTER, secs.to_string())], body).into_response(),
            None => (status, body).into_response(),
        }
    }
}
