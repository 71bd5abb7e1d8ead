//! `GET /v1/sync/live`: a server-sent-events stream that says "the org's version is now V", so
//! a desktop pulls within moments of a teammate's change.
//!
//! Writers announce versions with PostgreSQL's NOTIFY at commit; every server process LISTENs,
//! so a change pushed to one process reaches streams held by another. When the listening
//! connection drops, notifications in between are lost: each stream is then sent its org's
//! current version, and the client's pull finds whatever was missed.
//!
//! A stream outlives the request that checked its token: it checks the token again before
//! every event and every [`Config::live_recheck_ms`](crate::config::Config), and ends once the
//! sign-in is revoked or expired. A user holds at most
//! [`Config::live_streams_per_user`](crate::config::Config) streams at once in one process
//! (see [`crate::stream_limit`]).

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use sqlx::PgPool;
use tokio::sync::broadcast;
use uuid::Uuid;

use crate::ServerError;
use crate::app::AppState;
use crate::auth::Caller;
use crate::db::tokens::{self, TokenState};
use crate::stream_limit::StreamPermit;
use crate::wakeup::{Heard, Subscription};

pub const CHANNEL: &str = "talentdesk_versions";

/// What the listener tells the streams.
#[derive(Debug, Clone, Copy)]
pub enum Signal {
    Version {
        org: Uuid,
        version: i64,
    },
    /// Notifications may have been missed: every stream re-reads its org's version.
    Resync,
    /// The server is stopping: streams end so their connections close.
    Shutdown,
}

/// Turns the version announcements the process's listener hears into signals for the streams,
/// for as long as the server runs.
pub fn spawn_forwarder(mut heard: Subscription, signals: broadcast::Sender<Signal>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let signal = match heard.next().await {
                Heard::Notification { channel, payload } if channel == CHANNEL => parse(&payload),
                Heard::Notification { .. } => None,
                Heard::Missed => Some(Signal::Resync),
            };
            if let Some(signal) = signal {
                let _ = signals.send(signal);
            }
        }
    })
}

/// `"<org>:<version>"`, as `orgs::announce` writes it.
fn parse(payload: &str) -> Option<Signal> {
    let (org, version) = payload.split_once(':')?;
    Some(Signal::Version { org: org.parse().ok()?, version: version.parse().ok()? })
}

async fn current_version(pool: &PgPool, org: Uuid) -> Option<i64> {
    sqlx::query_scalar("SELECT version FROM orgs WHERE id = $1").bind(org).fetch_one(pool).await.ok()
}

fn event(version: i64) -> Result<Event, Infallible> {
    Ok(Event::default().event("version").data(format!("{{\"version\":{version}}}")))
}

#[utoipa::path(
    get,
    path = "/v1/sync/live",
    tag = "sync",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Server-sent events `version` with data `{\"version\": V}`; the stream ends when the sign-in is revoked or expires", content_type = "text/event-stream"),
        (status = 401, description = "No live sign-in", body = talentdesk_sync::wire::ErrorBody),
        (status = 429, description = "The user holds as many live streams as a user may", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn live(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ServerError> {
    let permit = state.live_streams.open(caller.user.id)?;
    let signals = state.signals.subscribe();
    let first = current_version(&state.pool, caller.org).await;
    let period = Duration::from_millis(state.config.live_recheck_ms.max(1));
    let mut recheck = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    recheck.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let watch = Watch {
        pool: state.pool.clone(),
        caller,
        signals,
        recheck,
        first,
        _permit: permit,
        _counted: crate::metrics::OpenLiveStream::new(),
    };
    let stream = futures_util::stream::unfold(watch, |mut watch| async move {
        let version = watch.next_version().await?;
        Some((event(version), watch))
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

/// One live stream's state; dropping it (the client went away) frees its place in the limit.
struct Watch {
    pool: PgPool,
    caller: Caller,
    signals: broadcast::Receiver<Signal>,
    recheck: tokio::time::Interval,
    /// The version to send first, read when the stream opened.
    first: Option<i64>,
    _permit: StreamPermit,
    /// Counts the stream in `/metrics` while it is open.
    _counted: crate::metrics::OpenLiveStream,
}

impl Watch {
    /// The next version to tell the client, or `None` when the stream ends: the server is
    /// stopping, or the sign-in no longer holds.
    async fn next_version(&mut self) -> Option<i64> {
        if let Some(version) = self.first.take() {
            return Some(version);
        }
        loop {
            let (version, due) = tokio::select! {
                signal = self.signals.recv() => (match signal {
                    Ok(Signal::Version { org, version }) if org == self.caller.org => Some(version),
                    Ok(Signal::Version { .. }) => None,
                    Ok(Signal::Resync) | Err(broadcast::error::RecvError::Lagged(_)) => {
                        current_version(&self.pool, self.caller.org).await
                    }
                    Ok(Signal::Shutdown) | Err(broadcast::error::RecvError::Closed) => return None,
                }, false),
                _ = self.recheck.tick() => (None, true),
            };
            // Before every event and on the timer: a revoked sign-in hears nothing more.
            if (version.is_some() || due) && !self.still_signed_in().await {
                return None;
            }
            if version.is_some() {
                return version;
            }
        }
    }

    async fn still_signed_in(&self) -> bool {
        let state = async {
            let mut conn = self.pool.acquire().await?;
            tokens::check(&mut conn, &self.caller.token_hash, chrono::Utc::now()).await
        };
        let user = self.caller.user.id;
        match state.await {
            Ok(TokenState::Valid(_)) => true,
            Ok(TokenState::Expired) => {
                tracing::info!(%user, "live stream ended: the sign-in expired");
                false
            }
            Ok(TokenState::Revoked | TokenState::Unknown) => {
                tracing::info!(%user, "live stream ended: the sign-in was revoked");
                false
            }
            Ok(TokenState::Deactivated) => {
                tracing::info!(%user, "live stream ended: the user was deactivated");
                false
            }
            // The sign-in cannot be confirmed: the client reconnects, and that request decides.
            Err(e) => {
                tracing::warn!(%user, error = %e, "live stream ended: the sign-in could not be checked");
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_parse_or_are_ignored() {
        let org = Uuid::now_v7();
        assert!(matches!(parse(&format!("{org}:42")), Some(Signal::Version { version: 42, .. })));
        assert!(parse("junk").is_none());
        assert!(parse(&format!("{org}:x")).is_none());
    }
}
