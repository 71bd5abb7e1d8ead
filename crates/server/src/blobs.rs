//! Documents' bytes, content-addressed by SHA-256: `PUT /v1/blobs/{sha256}` stores them once
//! (a repeat is a no-op), `GET` returns them. Each org has its own folder, so one org can never
//! read another's files even when it knows a hash.

use std::path::{Path, PathBuf};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path as UrlPath, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use talentdesk_domain::{DomainError, document};
use uuid::Uuid;

use crate::ServerError;
use crate::app::AppState;
use crate::auth::Caller;

/// Where the blob lives: `<blob_dir>/<org>/<first two hex digits>/<sha256>`.
fn blob_path(root: &Path, org: Uuid, sha256: &str) -> PathBuf {
    root.join(org.to_string()).join(&sha256[..2]).join(sha256)
}

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
    let path = blob_path(&state.config.blob_dir, caller.org, sha256);
    if tokio::fs::try_exists(&path).await.unwrap_or(false) {
        return Ok(StatusCode::OK);
    }
    write_atomically(&path, &bytes).await.map_err(|e| ServerError::Storage(format!("storing a document: {e}")))?;
    tracing::info!(org = %caller.org, sha256, size = bytes.len(), "stored a document");
    Ok(StatusCode::CREATED)
}

/// Writes beside the target and renames, so a half-written file never has the blob's name.
async fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().expect("blob paths have a folder");
    tokio::fs::create_dir_all(dir).await?;
    let partial = dir.join(format!(".{}.partial", Uuid::now_v7()));
    tokio::fs::write(&partial, bytes).await?;
    tokio::fs::rename(&partial, path).await
}

#[utoipa::path(
    get,
    path = "/v1/blobs/{sha256}",
    tag = "blobs",
    security(("bearer" = [])),
    params(("sha256" = String, Path, description = "Lowercase hex SHA-256 of the bytes")),
    responses(
        (status = 200, description = "The bytes", content_type = "application/octet-stream"),
        (status = 404, description = "No such document in this org", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    UrlPath(sha256): UrlPath<String>,
) -> Result<Response, ServerError> {
    let sha256 = checked_hash(&sha256)?;
    let path = blob_path(&state.config.blob_dir, caller.org, sha256);
    match tokio::fs::read(&path).await {
        Ok(bytes) => Ok(([(header::CONTENT_TYPE, "application/octet-stream")], bytes).into_response()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(DomainError::not_found("document", sha256).into()),
        Err(e) => Err(ServerError::Storage(format!("reading a document: {e}"))),
    }
}
