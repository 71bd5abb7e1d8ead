//! Open and click tracking: `GET /t/o/{token}` is the pixel in an email, `GET /t/c/{token}/{n}`
//! its n-th link. The first of each records Opened or Clicked on the message. Links lead only
//! where the email's own text pointed (no open redirect).
//!
//! Anyone holding an email reaches these routes without signing in, as often as they like.
//! Recording takes the org's version lock, which a long push holds until it commits; so a hit
//! that records nothing new (the message was opened already) answers from a plain read, and
//! the hits that do record wait for the lock [`CONCURRENT_WRITES`] at a time, holding no
//! database connection while they queue.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use talentdesk_domain::DomainError;
use talentdesk_domain::message::Message;

use super::{update_message, would_change};
use crate::ServerError;
use crate::app::AppState;
use crate::db::tracking;

/// Tracking hits that may wait on the org's version lock at once, each holding a connection.
pub const CONCURRENT_WRITES: usize = 2;

/// A transparent 1x1 GIF.
const PIXEL: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
    0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02,
    0x02, 0x44, 0x01, 0x00, 0x3b,
];

#[utoipa::path(
    get,
    path = "/t/o/{token}",
    tag = "tracking",
    params(("token" = String, Path, description = "The email's tracking token")),
    responses((status = 200, description = "A transparent pixel", content_type = "image/gif"), (status = 404, description = "Unknown token"))
)]
pub async fn opened(State(state): State<AppState>, Path(token): Path<String>) -> Result<Response, ServerError> {
    let tracked = find(&state, &token).await?;
    let now = chrono::Utc::now();
    record(&state, &tracked, |m| {
        let first = m.opened_at.is_none();
        m.opened_at.get_or_insert(now);
        first
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, "image/gif"), (header::CACHE_CONTROL, "no-store")], PIXEL).into_response())
}

#[utoipa::path(
    get,
    path = "/t/c/{token}/{link}",
    tag = "tracking",
    params(
        ("token" = String, Path, description = "The email's tracking token"),
        ("link" = usize, Path, description = "Which link of the email, from 0"),
    ),
    responses((status = 302, description = "On to the link's target"), (status = 404, description = "Unknown token or link"))
)]
pub async fn clicked(
    State(state): State<AppState>,
    Path((token, link)): Path<(String, usize)>,
) -> Result<Response, ServerError> {
    let tracked = find(&state, &token).await?;
    let target = tracked.links.get(link).cloned().ok_or_else(|| DomainError::not_found("link", link))?;
    let now = chrono::Utc::now();
    record(&state, &tracked, |m| {
        let first = m.clicked_at.is_none();
        m.clicked_at.get_or_insert(now);
        // A click means the email was opened, even where images were blocked.
        m.opened_at.get_or_insert(now);
        first
    })
    .await?;
    Ok((StatusCode::FOUND, [(header::LOCATION, target)]).into_response())
}

/// Records what `change` changes on the tracked message, unless it changes nothing.
async fn record(
    state: &AppState,
    tracked: &tracking::Tracked,
    change: impl Fn(&mut Message) -> bool,
) -> Result<(), ServerError> {
    if !would_change(&state.pool, tracked.org, &tracked.message_id, &change).await? {
        return Ok(());
    }
    let _writing = state.tracking_writes.acquire().await.map_err(|e| ServerError::Corrupt(format!("tracking: {e}")))?;
    update_message(&state.pool, tracked.org, &tracked.message_id, change).await?;
    Ok(())
}

async fn find(state: &AppState, token: &str) -> Result<tracking::Tracked, ServerError> {
    let mut conn = state.pool.acquire().await?;
    tracking::get(&mut conn, token).await?.ok_or_else(|| DomainError::not_found("tracking token", token).into())
}
