//! The routes the Tauri updater plugin asks, without a sign-in (an installer is no secret, and a
//! desktop whose sign-in ended must still be able to update): its endpoint is
//! `{server}/v1/desktop-updates/{{target}}-{{arch}}/{{current_version}}`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use talentdesk_domain::DomainError;
use talentdesk_sync::wire::ErrorBody;
use utoipa::ToSchema;

use super::publish::is_platform;
use crate::ServerError;
use crate::app::AppState;

/// An update, in the form the Tauri updater reads from a dynamic update server.
#[derive(Debug, Serialize, ToSchema)]
pub struct Update {
    /// The newest version published for the platform.
    pub version: String,
    pub notes: String,
    /// When it was published (RFC 3339).
    pub pub_date: String,
    /// Where the package is downloaded from.
    pub url: String,
    /// The package's minisign signature (base64), made with the admin's updater key; the
    /// desktop installs nothing whose signature does not check against its public key.
    pub signature: String,
}

/// `GET /v1/desktop-updates/{platform}/{current_version}`: the newest published version for the
/// platform when it is newer than the desktop's, else 204.
#[utoipa::path(
    get,
    path = "/v1/desktop-updates/{platform}/{current_version}",
    tag = "desktop updates",
    params(
        ("platform" = String, Path, description = "The updater's `{os}-{arch}`, e.g. linux-x86_64"),
        ("current_version" = String, Path, description = "The desktop's version (semantic version)"),
    ),
    responses(
        (status = 200, description = "A newer version, its package's address and signature", body = Update),
        (status = 204, description = "Nothing newer is published for the platform"),
        (status = 400, description = "The platform or the version cannot be read", body = ErrorBody),
    )
)]
pub async fn latest(
    State(state): State<AppState>,
    Path((platform, current_version)): Path<(String, String)>,
) -> Result<Response, ServerError> {
    let current = parsed(&platform, &current_version)?;
    let published: Vec<(String, String, chrono::DateTime<chrono::Utc>, String)> =
        sqlx::query_as("SELECT version, notes, published_at, signature FROM desktop_updates WHERE platform = $1")
            .bind(&platform)
            .fetch_all(&state.pool)
            .await?;
    // Versions are compared as semantic versions (1.10.0 after 1.9.0), which SQL cannot do.
    let newest = published
        .into_iter()
        .filter_map(|row| Some((semver::Version::parse(&row.0).ok()?, row)))
        .filter(|(version, _)| *version > current)
        .max_by(|a, b| a.0.cmp(&b.0));
    let Some((version, (_, notes, published_at, signature))) = newest else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    let url =
        format!("{}/v1/desktop-updates/{platform}/{version}/package", state.config.public_url.trim_end_matches('/'));
    let update = Update { version: version.to_string(), notes, pub_date: published_at.to_rfc3339(), url, signature };
    Ok(Json(update).into_response())
}

/// `GET /v1/desktop-updates/{platform}/{version}/package`: the published package's bytes.
#[utoipa::path(
    get,
    path = "/v1/desktop-updates/{platform}/{version}/package",
    tag = "desktop updates",
    params(
        ("platform" = String, Path, description = "The updater's `{os}-{arch}`, e.g. linux-x86_64"),
        ("version" = String, Path, description = "A published version"),
    ),
    responses(
        (status = 200, description = "The package (its file name in Content-Disposition)", content_type = "application/octet-stream"),
        (status = 400, description = "The platform or the version cannot be read", body = ErrorBody),
        (status = 404, description = "No such version is published for the platform", body = ErrorBody),
    )
)]
pub async fn package(
    State(state): State<AppState>,
    Path((platform, version)): Path<(String, String)>,
) -> Result<Response, ServerError> {
    let version = parsed(&platform, &version)?;
    let found: Option<(String, Vec<u8>)> =
        sqlx::query_as("SELECT file_name, package FROM desktop_updates WHERE platform = $1 AND version = $2")
            .bind(&platform)
            .bind(version.to_string())
            .fetch_optional(&state.pool)
            .await?;
    let (file_name, bytes) =
        found.ok_or_else(|| DomainError::not_found("document", format!("desktop update {version} for {platform}")))?;
    let disposition = format!("attachment; filename=\"{}\"", file_name.replace(['"', '\\'], "_"));
    Ok((
        [(header::CONTENT_TYPE, "application/octet-stream".to_owned()), (header::CONTENT_DISPOSITION, disposition)],
        bytes,
    )
        .into_response())
}

fn parsed(platform: &str, version: &str) -> Result<semver::Version, ServerError> {
    if !is_platform(platform) {
        return Err(ServerError::BadRequest(format!("{platform:?} is not a platform (such as linux-x86_64)")));
    }
    semver::Version::parse(version)
        .map_err(|_| ServerError::BadRequest(format!("{version:?} is not a version (such as 1.4.0)")))
}
