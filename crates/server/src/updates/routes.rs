//! The routes the Tauri updater plugin asks, without a sign-in (an installer is no secret, and a
//! desktop whose sign-in ended must still be able to update): its endpoint is
//! `{server}/v1/desktop-updates/{{target}}-{{arch}}/{{current_version}}`.

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use talentdesk_domain::DomainError;
use talentdesk_sync::wire::ErrorBody;
use utoipa::ToSchema;

use super::publish::is_platform;
use super::store;
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
    let newest = store::releases(&state.pool, &platform)
        .await?
        .into_iter()
        .filter_map(|release| Some((semver::Version::parse(&release.version).ok()?, release)))
        .filter(|(version, _)| *version > current)
        .max_by(|a, b| a.0.cmp(&b.0));
    let Some((version, release)) = newest else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    let url =
        format!("{}/v1/desktop-updates/{platform}/{version}/package", state.config.public_url.trim_end_matches('/'));
    let update = Update {
        version: version.to_string(),
        notes: release.notes,
        pub_date: release.published_at.to_rfc3339(),
        url,
        signature: release.signature,
    };
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
    let version = parsed(&platform, &version)?.to_string();
    let (file_name, size) = store::package_file(&state.pool, &platform, &version)
        .await?
        .ok_or_else(|| DomainError::not_found("document", format!("desktop update {version} for {platform}")))?;
    let disposition = format!("attachment; filename=\"{}\"", file_name.replace(['"', '\\'], "_"));
    let chunks = chunks(state.pool.clone(), platform, version, size);
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CONTENT_LENGTH, size.to_string()),
        ],
        Body::from_stream(chunks),
    )
        .into_response())
}

/// How much of a package one read takes from the database.
const CHUNK: i64 = 1024 * 1024;

/// The package's bytes, a chunk at a time: a package of a hundred megabytes, downloaded by
/// every desktop of an organisation at once, is never held whole in the server's memory.
fn chunks(
    pool: sqlx::PgPool,
    platform: String,
    version: String,
    size: i64,
) -> impl futures_util::Stream<Item = Result<Bytes, sqlx::Error>> {
    futures_util::stream::try_unfold(0i64, move |offset| {
        let (pool, platform, version) = (pool.clone(), platform.clone(), version.clone());
        async move {
            if offset >= size {
                return Ok(None);
            }
            let chunk = store::package_chunk(&pool, &platform, &version, offset, CHUNK).await?;
            if chunk.is_empty() {
                // Shorter than when the download began: the connection is ended, not padded.
                return Err(sqlx::Error::RowNotFound);
            }
            let next = offset + chunk.len() as i64;
            Ok(Some((Bytes::from(chunk), next)))
        }
    })
}

fn parsed(platform: &str, version: &str) -> Result<semver::Version, ServerError> {
    if !is_platform(platform) {
        return Err(ServerError::BadRequest(format!("{platform:?} is not a platform (such as linux-x86_64)")));
    }
    semver::Version::parse(version)
        .map_err(|_| ServerError::BadRequest(format!("{version:?} is not a version (such as 1.4.0)")))
}
