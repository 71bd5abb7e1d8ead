//! Whether this process should get traffic. `/health` says only that it answers (a supervisor
//! restarts a process that stops answering); `/ready` that it can serve requests: the database
//! and the blob store answer (a load balancer sends requests elsewhere meanwhile, and a process
//! that is merely waiting for them need not be restarted).

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::app::AppState;
use crate::blobs::storage::Storage;

/// How long `/ready` waits for each dependency: a probe must answer before its caller's own
/// time limit (load balancers wait a few seconds).
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

/// `GET /health`: the process runs and answers.
#[utoipa::path(
    get,
    path = "/health",
    tag = "operations",
    responses((status = 200, description = "The process answers (liveness); says nothing about the database"))
)]
pub async fn health() -> Json<serde_json::Value> {
    Json(json!({"status": "ok"}))
}

/// `GET /ready`: the database and the blob store answer. What failed is logged; the answer
/// (seen by anyone who can reach the server) only names which one.
#[utoipa::path(
    get,
    path = "/ready",
    tag = "operations",
    responses(
        (status = 200, description = "Ready: the database and the blob store answer"),
        (status = 503, description = "Not ready: the body says which of them does not answer (the log says why)")
    )
)]
pub async fn ready(State(state): State<AppState>) -> Response {
    let (database, blobs) = tokio::join!(
        probe("database", async {
            sqlx::query("SELECT 1").execute(&state.pool).await.map(drop).map_err(|e| e.to_string())
        }),
        probe("blob store", async { state.storage.check().await.map_err(|e| format!("{}: {e}", state.storage)) }),
    );
    let word = |ok: bool| if ok { "ok" } else { "unavailable" };
    let body = json!({
        "status": if database && blobs { "ready" } else { "not_ready" },
        "database": word(database),
        "blob_store": word(blobs),
    });
    let status = if database && blobs { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(body)).into_response()
}

/// Runs one check within [`PROBE_TIMEOUT`], logging why it failed.
async fn probe(what: &str, check: impl Future<Output = Result<(), String>>) -> bool {
    let failure = match tokio::time::timeout(PROBE_TIMEOUT, check).await {
        Ok(Ok(())) => return true,
        Ok(Err(reason)) => reason,
        Err(_) => format!("no answer within {} s", PROBE_TIMEOUT.as_secs()),
    };
    tracing::warn!("not ready: the {what} is unavailable: {failure}");
    false
}
