//! `GET /v1/sync/snapshot`: everything a user may see, for a first sync or a client too far
//! behind to pull. Streamed as gzip-compressed JSON lines, read in one repeatable-read
//! transaction so the records are exactly the state at the header's version.
//!
//! A resumed download (`after=kind/id`) reads the state as it is by then, which may be newer
//! than the version in its header; the pull from that version that follows every snapshot
//! brings each record to its latest state either way.

use std::io::Write;

use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use flate2::Compression;
use flate2::write::GzEncoder;
use serde::Deserialize;
use sqlx::{Postgres, Transaction};
use talentdesk_sync::wire::{RecordKind, SnapshotHeader};
use tokio::sync::mpsc;
use uuid::Uuid;

use crate::ServerError;
use crate::app::AppState;
use crate::auth::Caller;
use crate::visibility::Visibility;

/// Records read per query, and compressed into one chunk of the response.
const PAGE: i64 = 2_000;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SnapshotQuery {
    /// Resume after this `kind/id`; empty for the start.
    #[serde(default)]
    after: String,
}

#[utoipa::path(
    get,
    path = "/v1/sync/snapshot",
    tag = "sync",
    security(("bearer" = [])),
    params(SnapshotQuery),
    responses(
        (status = 200, description = "gzip-compressed JSON lines: a SnapshotHeader, then SnapshotRecords", content_type = "application/x-ndjson"),
        (status = 400, description = "Not a kind/id position", body = talentdesk_sync::wire::ErrorBody),
        (status = 401, description = "No live sign-in", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn snapshot(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<SnapshotQuery>,
) -> Result<Response, ServerError> {
    let after = parse_after(&query.after)?;
    let mut tx = state.pool.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *tx).await?;
    let version: i64 =
        sqlx::query_scalar("SELECT version FROM orgs WHERE id = $1").bind(caller.org).fetch_one(&mut *tx).await?;
    let total: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM records WHERE org_id = $1 AND data IS NOT NULL AND (kind, id) > ($2, $3)",
    )
    .bind(caller.org)
    .bind(&after.0)
    .bind(&after.1)
    .fetch_one(&mut *tx)
    .await?;
    let visibility = Visibility::of(&mut tx, &caller).await?;
    let header = SnapshotHeader { version, total: total as u64 };

    let (sender, receiver) = mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    tokio::spawn(async move {
        if let Err(e) = produce(tx, caller.org, after, header, &visibility, &sender).await {
            tracing::warn!(error = %e, "snapshot stream ended early");
            let _ = sender.send(Err(std::io::Error::other(e.to_string()))).await;
        }
    });
    let body = Body::from_stream(futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|chunk| (chunk, receiver))
    }));
    Ok(([(header::CONTENT_TYPE, "application/x-ndjson"), (header::CONTENT_ENCODING, "gzip")], body).into_response())
}

fn parse_after(text: &str) -> Result<(String, String), ServerError> {
    if text.is_empty() {
        return Ok((String::new(), String::new()));
    }
    match text.split_once('/') {
        Some((kind, id)) if RecordKind::parse(kind).is_some() => Ok((kind.to_owned(), id.to_owned())),
        _ => Err(ServerError::BadRequest(format!("\"{text}\" is not a kind/id position of a snapshot"))),
    }
}

type Row = (String, String, String, Option<Uuid>);

/// Compresses pages into the response while the next page is read: the database and the
/// compressor each keep a core busy.
async fn produce(
    tx: Transaction<'static, Postgres>,
    org: Uuid,
    after: (String, String),
    header: SnapshotHeader,
    visibility: &Visibility,
    sender: &mpsc::Sender<Result<Bytes, std::io::Error>>,
) -> Result<(), ServerError> {
    let (pages, mut received) = mpsc::channel::<Result<Vec<Row>, ServerError>>(2);
    let reader = tokio::spawn(read_pages(tx, org, after, pages));
    let mut gzip = GzEncoder::new(Vec::new(), Compression::fast());
    // Lines are written into one buffer per page and compressed in one call: the encoder does
    // fixed work per write, which per JSON token would cost more than the compression.
    let mut page = serde_json::to_vec(&header)?;
    page.push(b'\n');
    while let Some(rows) = received.recv().await {
        for (kind, id, data, visible_to) in rows? {
            let kind = RecordKind::parse(&kind).ok_or_else(|| ServerError::Corrupt(format!("record kind {kind}")))?;
            if let Some(data) = visibility.json(kind, visible_to, Some(data))? {
                line(&mut page, kind, &id, &data)?;
            }
        }
        let chunk = tokio::task::block_in_place(|| {
            gzip.write_all(&page)?;
            gzip.flush()?;
            std::io::Result::Ok(std::mem::take(gzip.get_mut()))
        })
        .map_err(|e| ServerError::Corrupt(format!("compressing: {e}")))?;
        page.clear();
        if sender.send(Ok(Bytes::from(chunk))).await.is_err() {
            reader.abort();
            return Ok(()); // The client went away; it resumes later.
        }
    }
    let rest = gzip.finish().map_err(|e| ServerError::Corrupt(format!("compressing: {e}")))?;
    let _ = sender.send(Ok(Bytes::from(rest))).await;
    Ok(())
}

/// Sends the records page by page, in key order, until there are no more.
async fn read_pages(
    mut tx: Transaction<'static, Postgres>,
    org: Uuid,
    mut after: (String, String),
    pages: mpsc::Sender<Result<Vec<Row>, ServerError>>,
) {
    loop {
        let rows: sqlx::Result<Vec<Row>> = sqlx::query_as(
            "SELECT kind, id, data::text, visible_to FROM records
             WHERE org_id = $1 AND data IS NOT NULL AND (kind, id) > ($2, $3)
             ORDER BY kind, id LIMIT $4",
        )
        .bind(org)
        .bind(&after.0)
        .bind(&after.1)
        .bind(PAGE)
        .fetch_all(&mut *tx)
        .await;
        let rows = match rows {
            Ok(rows) => rows,
            Err(e) => {
                let _ = pages.send(Err(e.into())).await;
                return;
            }
        };
        let done = (rows.len() as i64) < PAGE;
        if let Some((kind, id, _, _)) = rows.last() {
            after = (kind.clone(), id.clone());
        }
        if pages.send(Ok(rows)).await.is_err() || done {
            return;
        }
    }
}

/// One [`SnapshotRecord`] line, written by hand around the stored JSON so it is not parsed.
fn line(out: &mut Vec<u8>, kind: RecordKind, id: &str, data: &str) -> Result<(), ServerError> {
    out.extend_from_slice(b"{\"kind\":\"");
    out.extend_from_slice(kind.code().as_bytes());
    out.extend_from_slice(b"\",\"id\":");
    serde_json::to_writer(&mut *out, id)?;
    out.extend_from_slice(b",\"data\":");
    out.extend_from_slice(data.as_bytes());
    out.extend_from_slice(b"}\n");
    Ok(())
}
