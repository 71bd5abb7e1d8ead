//! Documents' bytes, content-addressed by SHA-256: `PUT /v1/blobs/{sha256}` stores them once
//! (a repeat is a no-op) and holds them for the document that will refer to them; `GET`
//! returns them only to whom a live document refers to them. The bytes are counted
//! (`db::blobs`) and kept behind one storage interface (`storage`); what nothing holds any
//! more is removed (`sweep`). One org never reads another's content, even knowing its hash.
//! A store that cannot be reached refuses the upload or download with a 503 naming it: the
//! desktop keeps the document queued and sends it again later.

pub mod storage;
pub mod sweep;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path as UrlPath, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use talentdesk_domain::{DomainError, document};

use self::storage::Storage;
use crate::ServerError;
use crate::app::AppState;
use crate::auth::Caller;
use crate::db::blobs::{self, Reserved};

fn checked_hash(sha256: &str) -> Result<&str, ServerError> {
    document::check_sha256(sha256).map_err(|e| ServerError::BadRequest(e.to_string()))?;
    Ok(sha256)
}

#[utoipa::path(
    put,
    path = "/v1/blobs/{sha256}",
    tag = "blobs",
    security(("bearer" = [])),
    params(("sha256" = String, Path, description = "Lowercase hex SHA-256 of the bytes")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "Stored"),
        (status = 200, description = "Already stored"),
        (status = 413, description = "Over the size limit", body = talentdesk_sync::wire::ErrorBody),
        (status = 422, description = "The bytes do not match the hash", body = talentdesk_sync::wire::ErrorBody),
        (status = 503, description = "The document storage cannot be reached; nothing was stored", body = talentdesk_sync::wire::ErrorBody),
        (status = 507, description = "The org's documents would pass its quota (`max_org_blob_bytes`)", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn put(
    State(state): State<AppState>,
    caller: Caller,
    UrlPath(sha256): UrlPath<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, ServerError> {
    let sha256 = checked_hash(&sha256)?;
    let bytes = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => {
            ServerError::TooLarge(format!("a document may be at most {} bytes", state.config.max_blob_bytes))
        }
        _ => ServerError::BadRequest(rejection.body_text()),
    })?;
    let actual = hex::encode(Sha256::digest(&bytes));
    if actual != sha256 {
        let reason = format!("the bytes hash to {actual}, not {sha256}; the upload was damaged");
        return Err(DomainError::invalid("sha256", reason).into());
    }
    Ok(if keep(&state, caller.org, sha256, &bytes).await? { StatusCode::CREATED } else { StatusCode::OK })
}

/// Keeps the org's bytes whose SHA-256 is `sha256` (checked by the caller), held for the
/// document that will refer to them; true when they were new. Desktop uploads and partners'
/// documents are kept by this one path, counted against the same quota.
pub(crate) async fn keep(state: &AppState, org: uuid::Uuid, sha256: &str, bytes: &[u8]) -> Result<bool, ServerError> {
    // Noted (and counted against the quota) before the bytes are written: the sweep never
    // takes a file being written for one nothing holds.
    let held_until = chrono::Utc::now() + chrono::Duration::seconds(state.config.blob_upload_expiry_secs as i64);
    let quota = i64::try_from(state.config.max_org_blob_bytes).unwrap_or(i64::MAX);
    let mut tx = state.pool.begin().await?;
    if let Reserved::OverQuota { used } =
        blobs::reserve(&mut tx, org, sha256, bytes.len() as i64, quota, held_until).await?
    {
        return Err(ServerError::QuotaExceeded(format!(
            "the org's documents take {used} of its {quota} bytes (max_org_blob_bytes); this one needs {} more. \
             Delete documents no longer needed, or ask the server's operator for a larger quota",
            bytes.len()
        )));
    }
    tx.commit().await?;
    let storage = &state.storage;
    if storage.exists(org, sha256).await.map_err(|e| unavailable(storage, "stored", sha256, e))? {
        return Ok(false);
    }
    // Refused as a whole: the reservation only holds the quota until the desktop sends the
    // document again (or its hold runs out), and nothing is taken as stored.
    storage.put(org, sha256, bytes).await.map_err(|e| unavailable(storage, "stored", sha256, e))?;
    tracing::info!(%org, sha256, size = bytes.len(), "stored a document");
    Ok(true)
}

#[utoipa::path(
    get,
    path = "/v1/blobs/{sha256}",
    tag = "blobs",
    security(("bearer" = [])),
    params(("sha256" = String, Path, description = "Lowercase hex SHA-256 of the bytes")),
    responses(
        (status = 200, description = "The bytes", content_type = "application/octet-stream"),
        (status = 404, description = "No document the caller may see refers to these bytes", body = talentdesk_sync::wire::ErrorBody),
        (status = 503, description = "The document storage cannot be reached", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    UrlPath(sha256): UrlPath<String>,
) -> Result<Response, ServerError> {
    let sha256 = checked_hash(&sha256)?;
    // Unseen and unknown answer alike: the caller learns nothing about content they may not see.
    let missing = || ServerError::from(DomainError::not_found("document", sha256));
    let visible = {
        let mut conn = state.pool.acquire().await?;
        blobs::visible(&mut conn, caller.org, sha256, caller.user.id, caller.user.role.is_admin()).await?
    };
    if !visible {
        return Err(missing());
    }
    match state.storage.get(caller.org, sha256).await {
        Ok(Some(bytes)) => Ok(([(header::CONTENT_TYPE, "application/octet-stream")], bytes).into_response()),
        Ok(None) => Err(missing()),
        Err(e) => Err(unavailable(&state.storage, "read", sha256, e)),
    }
}

/// The store failed: the details go to the log, the caller is told which store and to retry.
fn unavailable(storage: &storage::Configured, done: &str, sha256: &str, e: std::io::Error) -> ServerError {
    tracing::error!(error = %e, sha256, "a document could not be {done}: {storage} failed");
    ServerError::Storage(format!("{storage} is unavailable, so the document was not {done}; try again later"))
}
