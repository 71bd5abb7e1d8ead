//! `GET /v1/sync/live`: a server-sent-events stream that says "the org's version is now V", so
//! a desktop pulls within moments of a teammate's change.
//!
//! Writers announce versions with PostgreSQL's NOTIFY at commit; every server process LISTENs,
//! so a change pushed to one process reaches streams held by another. When the listening
//! connection drops, notifications in between are lost: each stream is then sent its org's
//! current version, and the client's pull finds whatever was missed.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use tokio::sync::broadcast;
use uuid::Uuid;

use crate::ServerError;
use crate::app::AppState;
use crate::auth::Caller;

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

/// Listens for version announcements for as long as the server runs, reconnecting as needed.
pub fn spawn_listener(pool: PgPool, signals: broadcast::Sender<Signal>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = listen(&pool, &signals).await {
                tracing::warn!(error = %e, "live updates: lost the database; retrying");
            }
            let _ = signals.send(Signal::Resync);
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    })
}

async fn listen(pool: &PgPool, signals: &broadcast::Sender<Signal>) -> sqlx::Result<()> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    // Anything announced before this point was missed.
    let _ = signals.send(Signal::Resync);
    loop {
        match listener.try_recv().await? {
            Some(notification) => {
                if let Some(signal) = parse(notification.payload()) {
                    let _ = signals.send(signal);
                }
            }
            None => {
                let _ = signals.send(Signal::Resync);
            }
        }
    }
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
        (status = 200, description = "Server-sent events `version` with data `{\"version\": V}`", content_type = "text/event-stream"),
        (status = 401, description = "No live sign-in", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn live(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ServerError> {
    let receiver = state.signals.subscribe();
    let first = current_version(&state.pool, caller.org).await;
    let pool = state.pool.clone();
    let org = caller.org;
    let stream = futures_util::stream::unfold((receiver, first), move |(mut receiver, first)| {
        let pool = pool.clone();
        async move {
            if let Some(version) = first {
                return Some((event(version), (receiver, None)));
            }
            loop {
                let version = match receiver.recv().await {
                    Ok(Signal::Version { org: o, version }) if o == org => Some(version),
                    Ok(Signal::Version { .. }) => None,
                    Ok(Signal::Resync) | Err(broadcast::error::RecvError::Lagged(_)) => {
                        current_version(&pool, org).await
                    }
                    Ok(Signal::Shutdown) | Err(broadcast::error::RecvError::Closed) => return None,
                };
                if let Some(version) = version {
                    return Some((event(version), (receiver, None)));
                }
            }
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
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
