//! `GET /metrics`: what the server is doing, in Prometheus's text format. Requests are counted
//! and timed per route template (`/v1/blobs/{sha256}`, never the raw path, so the number of
//! series stays bounded); the sync routes count what they did; the pool and the email queue are
//! read when the page is asked for. One registry per process: every server started in the
//! process (tests start many) records into it.
//!
//! The page tells a stranger how busy the team is, so it is served only to this machine (a
//! Prometheus on the host, or an admin's curl) unless a proxy passed the request on, or to
//! whoever sends the configured `metrics_token` as a bearer token.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics::{Unit, counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sha2::{Digest, Sha256};

use crate::ServerError;
use crate::app::AppState;
use crate::auth::Source;
use crate::db;

const REQUESTS: &str = "talentdesk_http_requests_total";
const DURATION: &str = "talentdesk_http_request_duration_seconds";
const PUSHED: &str = "talentdesk_push_mutations_total";
const PULL_PAGES: &str = "talentdesk_pull_pages_total";
const PULL_CHANGES: &str = "talentdesk_pull_changes_total";
const LIVE_STREAMS: &str = "talentdesk_live_streams_open";
const EMAIL_QUEUE: &str = "talentdesk_email_queue_length";
const EMAILED: &str = "talentdesk_email_attempts_total";
const TEXTED: &str = "talentdesk_text_attempts_total";
const CONNECTIONS: &str = "talentdesk_db_connections";
const CONNECTIONS_MAX: &str = "talentdesk_db_connections_max";

/// Upper bounds of the latency buckets, in seconds: a pull answers in milliseconds, a large
/// push or a snapshot's first bytes may take seconds.
const LATENCY_BUCKETS: &[f64] = &[0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

/// The process's registry, installed as the `metrics` recorder on first use.
pub fn registry() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(DURATION.to_owned()), LATENCY_BUCKETS)
            .expect("the latency buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        // Only this function installs a recorder, and only once.
        metrics::set_global_recorder(recorder).expect("no other metrics recorder in this process");
        describe();
        // Histogram samples are folded into their buckets by this upkeep; without it they would
        // pile up between scrapes (or forever, with nobody scraping).
        let upkeep = handle.clone();
        std::thread::Builder::new()
            .name("metrics-upkeep".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(Duration::from_secs(5));
                    upkeep.run_upkeep();
                }
            })
            .expect("start the metrics upkeep thread");
        handle
    })
}

fn describe() {
    describe_counter!(REQUESTS, "HTTP requests answered, by method, route template and status");
    describe_histogram!(DURATION, Unit::Seconds, "Time until a request's response began, by method and route");
    describe_counter!(PUSHED, "Pushed mutations taken for the first time, by outcome (applied or rejected)");
    describe_counter!(PULL_PAGES, "Pull pages served");
    describe_counter!(PULL_CHANGES, "Changes sent in pull pages");
    describe_gauge!(LIVE_STREAMS, "Live update streams open in this process");
    describe_gauge!(EMAIL_QUEUE, "Emails waiting to be sent, for every process (read at each scrape)");
    describe_counter!(EMAILED, "Emails this process tried to send, by outcome (delivered, bounced, retry)");
    describe_counter!(TEXTED, "Texts this process tried to send, by outcome (sent, failed, retry)");
    describe_gauge!(CONNECTIONS, "This process's PostgreSQL connections, by state (in_use, idle)");
    describe_gauge!(CONNECTIONS_MAX, "The most PostgreSQL connections this process opens");
}

/// Middleware: counts and times every request under its route's template; what matched no
/// route counts as `unmatched`.
pub async fn track(request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", MatchedPath::as_str).to_owned();
    // Any token is a method to HTTP; only the standard ones become labels.
    let method = match *request.method() {
        Method::GET | Method::POST | Method::PUT | Method::DELETE | Method::PATCH | Method::HEAD | Method::OPTIONS => {
            request.method().as_str().to_owned()
        }
        _ => "other".to_owned(),
    };
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    histogram!(DURATION, "method" => method.clone(), "route" => route.clone()).record(started.elapsed().as_secs_f64());
    counter!(REQUESTS, "method" => method, "route" => route, "status" => status).increment(1);
    response
}

/// A push took `applied` mutations and refused `rejected` (replays of mutations taken before
/// are not counted again).
pub fn pushed(applied: u64, rejected: u64) {
    counter!(PUSHED, "outcome" => "applied").increment(applied);
    counter!(PUSHED, "outcome" => "rejected").increment(rejected);
}

/// A pull page went out with `changes` changes.
pub fn pulled(changes: usize) {
    counter!(PULL_PAGES).increment(1);
    counter!(PULL_CHANGES).increment(changes as u64);
}

/// This process tried to send an email: `delivered`, `bounced` or `retry` (later).
pub fn emailed(outcome: &'static str) {
    counter!(EMAILED, "outcome" => outcome).increment(1);
}

/// This process tried to send a text: `sent`, `failed` or `retry` (later).
pub fn texted(outcome: &'static str) {
    counter!(TEXTED, "outcome" => outcome).increment(1);
}

/// Held by an open live stream: counts it until dropped.
pub struct OpenLiveStream(());

impl OpenLiveStream {
    pub fn new() -> Self {
        gauge!(LIVE_STREAMS).increment(1.0);
        Self(())
    }
}

impl Drop for OpenLiveStream {
    fn drop(&mut self) {
        gauge!(LIVE_STREAMS).decrement(1.0);
    }
}

/// `GET /metrics`.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "operations",
    responses(
        (status = 200, description = "Prometheus text format", content_type = "text/plain"),
        (status = 401, description = "Asked from another machine without the configured metrics token", body = talentdesk_sync::wire::ErrorBody)
    )
)]
pub async fn metrics(
    State(state): State<AppState>,
    Source(source): Source,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    allow(state.config.metrics_token.as_deref(), source, &headers)?;
    let registry = registry();
    let pool = &state.pool;
    let idle = pool.num_idle() as f64;
    gauge!(CONNECTIONS, "state" => "in_use").set(f64::from(pool.size()) - idle);
    gauge!(CONNECTIONS, "state" => "idle").set(idle);
    gauge!(CONNECTIONS_MAX).set(f64::from(state.config.max_connections));
    // A database that does not answer must not cost the rest of the page: the queue's gauge
    // keeps its last value, and /ready tells.
    match db::deliveries::queued(pool).await {
        Ok(queued) => gauge!(EMAIL_QUEUE).set(queued as f64),
        Err(e) => tracing::warn!(error = %e, "metrics: cannot count the email queue"),
    }
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], registry.render()).into_response())
}

/// With a token configured, the request must carry it; without one, it must come from this
/// machine (behind a trusted proxy: the client the proxy names).
fn allow(token: Option<&str>, source: Option<std::net::IpAddr>, headers: &HeaderMap) -> Result<(), ServerError> {
    let allowed = match token {
        Some(token) => {
            let sent = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "));
            // Compared as digests, so the time taken tells nothing about the token.
            sent.is_some_and(|sent| Sha256::digest(sent.as_bytes()) == Sha256::digest(token.as_bytes()))
        }
        // A request a proxy passed on (it names whom for) is not this machine's, even when
        // the proxy runs here and is not among the trusted proxies.
        None => {
            source.is_some_and(|ip| ip.is_loopback())
                && !headers.contains_key("x-forwarded-for")
                && !headers.contains_key(header::FORWARDED)
        }
    };
    if allowed {
        Ok(())
    } else if token.is_some() {
        Err(ServerError::Unauthorized("the metrics need the metrics token as a bearer token"))
    } else {
        Err(ServerError::Unauthorized(
            "the metrics are served only to this machine; set metrics_token to read them from elsewhere",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_machine_or_the_token_holder_reads_the_metrics() {
        let none = HeaderMap::new();
        let local = Some("127.0.0.1".parse().unwrap());
        let remote = Some("203.0.113.9".parse().unwrap());
        assert!(allow(None, local, &none).is_ok());
        assert!(allow(None, Some("::1".parse().unwrap()), &none).is_ok());
        assert!(allow(None, remote, &none).is_err());
        assert!(allow(None, None, &none).is_err());
        let mut proxied = HeaderMap::new();
        proxied.insert("x-forwarded-for", "203.0.113.9".parse().unwrap());
        assert!(allow(None, local, &proxied).is_err(), "a proxy on this machine passes on a stranger's request");

        let mut bearer = HeaderMap::new();
        bearer.insert(header::AUTHORIZATION, "Bearer s3cret-token".parse().unwrap());
        assert!(allow(Some("s3cret-token"), remote, &bearer).is_ok());
        // With a token, this machine needs it too: a reverse proxy on this machine would
        // otherwise open the page to everyone.
        assert!(allow(Some("s3cret-token"), local, &none).is_err());
        let mut wrong = HeaderMap::new();
        wrong.insert(header::AUTHORIZATION, "Bearer s3cret-tokem".parse().unwrap());
        let refused = allow(Some("s3cret-token"), remote, &wrong).unwrap_err().to_string();
        assert!(refused.contains("metrics token"), "{refused}");
    }
}
