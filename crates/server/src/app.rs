//! The HTTP application: routes, shared state, start and graceful shutdown.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::serve::ListenerExt;
use sqlx::PgPool;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ServerError;
use crate::config::Config;
use crate::stream_limit::StreamLimit;
use crate::wakeup::Wakeups;
use crate::{
    auth, blobs, connection, db, email, health, live, metrics, openapi, partner, pull, push, sms, snapshot, team,
    updates, webhooks,
};

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub config: Arc<Config>,
    /// Where documents' bytes are kept (the folder or S3 bucket the settings choose).
    pub storage: blobs::storage::Configured,
    /// Version announcements for the live streams.
    pub signals: tokio::sync::broadcast::Sender<live::Signal>,
    /// Where sign-ins queue for their password check.
    pub password_checks: Arc<auth::PasswordChecks>,
    /// Live streams each user holds open.
    pub live_streams: StreamLimit,
    /// Snapshot downloads each user has running.
    pub snapshot_streams: StreamLimit,
    /// Tracking hits that record something, which wait for the org's version lock: a few at
    /// once, so a long push never has them hold the database's connections.
    pub tracking_writes: Arc<tokio::sync::Semaphore>,
    /// Reads the sign-up page's resumes in isolated children, a few at a time.
    pub resume_reader: crate::signup::Reader,
    /// What each partner API key may still send (`partner_requests_per_minute`).
    pub partner_rate: Arc<crate::partner::rate::Buckets>,
}

pub fn router(state: AppState) -> Router {
    let (router, api) = api_router(&state.config).split_for_parts();
    router
        .route("/v1/openapi.json", get(move || async move { axum::Json(api) }))
        .merge(crate::preferences::routes())
        .merge(crate::signup::routes(&state.config))
        .fallback(not_found)
        .layer(axum::middleware::from_fn(metrics::track))
        .with_state(state)
}

/// Every documented route; the OpenAPI description comes from the same declarations.
///
/// Each route reads at most its own body limit: a push carries a desktop's offline backlog, a
/// blob a document; everything else (sign-in first) takes a few kilobytes, so a stranger's
/// megabytes are refused before they are read.
pub fn api_router(config: &Config) -> OpenApiRouter<AppState> {
    let push = OpenApiRouter::new().routes(routes!(push::push)).layer(DefaultBodyLimit::max(config.max_body_bytes));
    let blobs = OpenApiRouter::new()
        .routes(routes!(blobs::put, blobs::get))
        .routes(routes!(partner::writes::document))
        .layer(DefaultBodyLimit::max(config.max_blob_bytes));
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(health::health))
        .routes(routes!(health::ready))
        .routes(routes!(metrics::metrics))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(team::list))
        .routes(routes!(team::invite))
        .routes(routes!(team::set_role))
        .routes(routes!(team::set_ats_id))
        .routes(routes!(team::set_active))
        .routes(routes!(team::reset_password))
        .routes(routes!(team::end_sign_ins))
        .routes(routes!(pull::pull))
        .routes(routes!(live::live))
        .routes(routes!(snapshot::snapshot))
        .routes(routes!(email::tracking::opened))
        .routes(routes!(email::tracking::clicked))
        .routes(routes!(sms::callbacks::features))
        .routes(routes!(sms::callbacks::status))
        .routes(routes!(sms::callbacks::inbound))
        .routes(routes!(crate::signup::address))
        .routes(routes!(webhooks::routes::list, webhooks::routes::create))
        .routes(routes!(webhooks::routes::update, webhooks::routes::delete))
        .routes(routes!(webhooks::routes::deliveries))
        .routes(routes!(webhooks::routes::resend))
        .routes(routes!(updates::routes::latest))
        .routes(routes!(updates::routes::package))
        .routes(routes!(partner::keys::create, partner::keys::list))
        .routes(routes!(partner::keys::revoke))
        .routes(routes!(partner::reads::candidate))
        .routes(routes!(partner::reads::by_email))
        .routes(routes!(partner::writes::note))
        .routes(routes!(partner::writes::custom_fields))
        .routes(routes!(partner::writes::workflow_status))
        .layer(DefaultBodyLimit::max(config.max_small_body_bytes))
        .merge(push)
        .merge(blobs)
}

async fn not_found() -> ServerError {
    ServerError::Domain(talentdesk_domain::DomainError::not_found("route", "requested"))
}

/// A server accepting requests.
pub struct Running {
    pub addr: SocketAddr,
    pub pool: PgPool,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
    stop: tokio::sync::oneshot::Sender<()>,
}

impl Running {
    /// Stops taking connections, lets requests in flight finish, then returns.
    pub async fn stop(self) -> anyhow::Result<()> {
        let _ = self.stop.send(());
        self.task.await??;
        Ok(())
    }
}

/// Connects to the configured database, migrating it.
pub async fn connect(config: &Config) -> anyhow::Result<PgPool> {
    db::connect(&config.database_url, config.max_connections).await
}

/// Waits for the database (it may come up after this server), connects and migrates it,
/// binds the listen address and starts serving.
pub async fn start(config: Config) -> anyhow::Result<Running> {
    // A setting that cannot make a store (an S3 endpoint that is no URL) stops the start.
    let storage = blobs::storage::configured(&config)?;
    // Installed before the first request, so that every request is counted.
    metrics::registry();
    db::wait_until_reachable(&config.database_url).await?;
    // Before migrating: a half-restored database is the restore's to finish.
    crate::backup::restore_marker::refuse_unfinished(&config.database_url).await?;
    let pool = connect(&config).await?;
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr()?;
    let stall = Duration::from_millis(config.client_stall_ms);
    let listener = listener.tap_io(move |connection| connection::drop_when_stalled(connection, stall));
    let (signals, _) = tokio::sync::broadcast::channel(1024);
    // One listener for the process: each channel's announcements wake whoever takes them.
    let channels = &[live::CHANNEL, blobs::sweep::CHANNEL, webhooks::CHANNEL, crate::signup::CHANNEL];
    let heartbeat = Duration::from_millis(config.listener_heartbeat_ms);
    let (wakeups, listener_task) = Wakeups::spawn(pool.clone(), channels, heartbeat);
    let forwarder_task = live::spawn_forwarder(wakeups.subscribe(), signals.clone());
    let config = Arc::new(config);
    let delivery_task = email::delivery::spawn(pool.clone(), config.clone())?;
    let text_task = sms::delivery::spawn(pool.clone(), config.clone())?;
    let sweep_task = blobs::sweep::spawn(wakeups.subscribe(), pool.clone(), config.clone(), storage.clone());
    let webhook_task = webhooks::delivery::spawn(wakeups.clone(), pool.clone(), config.clone())?;
    let password_checks = auth::PasswordChecks::new();
    let live_streams = StreamLimit::new("live update", config.live_streams_per_user);
    let snapshot_streams = StreamLimit::new("snapshot", config.snapshot_streams_per_user);
    let tracking_writes = Arc::new(tokio::sync::Semaphore::new(email::tracking::CONCURRENT_WRITES));
    let resume_reader = crate::signup::Reader::new(&config.signup)?;
    let partner_rate = Arc::new(partner::rate::Buckets::new(config.partner_requests_per_minute, config.partner_burst));
    let state = AppState {
        pool: pool.clone(),
        config,
        storage,
        signals: signals.clone(),
        password_checks,
        live_streams,
        snapshot_streams,
        tracking_writes,
        resume_reader,
        partner_rate,
    };
    let signup_task = crate::signup::worker::spawn(wakeups, state.clone());
    let app = router(state)
        // Sign-in throttling counts per source address.
        .into_make_service_with_connect_info::<SocketAddr>();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
                // Live streams never end by themselves; graceful shutdown waits for them.
                let _ = signals.send(live::Signal::Shutdown);
            })
            .await;
        listener_task.abort();
        forwarder_task.abort();
        sweep_task.abort();
        webhook_task.abort();
        signup_task.abort();
        for task in [delivery_task, text_task].into_iter().flatten() {
            task.abort();
        }
        served
    });
    tracing::info!(%addr, "listening");
    Ok(Running { addr, pool, task, stop })
}
