//! `GET /v1/sync/snapshot`: everything a user may see, for a first sync or a client too far
//! behind to pull. Streamed as gzip-compressed JSON lines, read in a repeatable-read
//! transaction so that, while the client keeps up, the records are exactly the state at the
//! header's version.
//!
//! A resumed download (`after=kind/id`), and the rest of a download whose client fell behind
//! (see [`Reader`]), read the state as it is by then, which may be newer than the version in
//! the header; the pull from that version that follows every snapshot brings each record to its
//! latest state either way.
//!
//! A user runs at most [`Config::snapshot_streams_per_user`](crate::config::Config) downloads
//! at once (in one process, see [`crate::stream_limit`]), and a download whose client takes
//! nothing for [`Config::snapshot_idle_ms`](crate::config::Config) is ended.

use std::io::Write;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use flate2::Compression;
use flate2::write::GzEncoder;
use serde::Deserialize;
use sqlx::{PgPool, Postgres, Transaction};
use talentdesk_sync::wire::{RecordKind, SnapshotHeader};
use tokio::sync::mpsc;
use uuid::Uuid;

use crate::ServerError;
use crate::app::AppState;
use crate::auth::Caller;
use crate::backup::history;
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
        (status = 429, description = "The user runs as many snapshot downloads as a user may", body = talentdesk_sync::wire::ErrorBody),
    )
)]
pub async fn snapshot(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<SnapshotQuery>,
) -> Result<Response, ServerError> {
    let after = parse_after(&query.after)?;
    let permit = state.snapshot_streams.open(caller.user.id)?;
    let mut segment = Segment::begin(&state.pool, &caller).await?;
    let version: i64 = sqlx::query_scalar("SELECT version FROM orgs WHERE id = $1")
        .bind(caller.org)
        .fetch_one(&mut *segment.tx)
        .await?;
    // Only what this user may see is counted: the total must not tell how many private
    // records others hold.
    let total: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM records WHERE org_id = $1 AND data IS NOT NULL AND (kind, id) > ($2, $3)
         AND (visible_to IS NULL OR visible_to = $4 OR ($5 AND kind <> 'saved_search'))",
    )
    .bind(caller.org)
    .bind(&after.0)
    .bind(&after.1)
    .bind(caller.user.id)
    .bind(caller.user.role.is_admin())
    .fetch_one(&mut *segment.tx)
    .await?;
    let history = Some(history::current(&mut segment.tx).await?).filter(|h| *h != history::FIRST);
    let header = SnapshotHeader { version, total: total as u64, history };

    let (sender, receiver) = mpsc::channel::<Piece>(4);
    let reader = Reader { pool: state.pool.clone(), caller, segment: Some(segment), after };
    let idle = Duration::from_millis(state.config.snapshot_idle_ms);
    tokio::spawn(async move {
        // The download counts against the user's limit until it is sent, abandoned or given up.
        let _permit = permit;
        if let Err(e) = produce(reader, header, idle, &sender).await {
            tracing::warn!(error = %e, "snapshot stream ended early");
        }
    });
    let body = Body::from_stream(futures_util::stream::unfold(Some(receiver), |receiver| async move {
        let mut receiver = receiver?;
        Some(match receiver.recv().await {
            Some(Piece::More(chunk)) => (Ok(chunk), Some(receiver)),
            Some(Piece::Last(chunk)) => (Ok(chunk), None),
            // Ended before its end: the response breaks off, so it cannot pass for a whole one.
            None => (Err(std::io::Error::other("the snapshot ended early; resume it")), None),
        })
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

/// A compressed part of the response; the last one completes it.
enum Piece {
    More(Bytes),
    Last(Bytes),
}

/// Compresses pages into the response while the reader reads the next: the database and the
/// compressor each keep a core busy. A client that takes nothing for `idle` is given up on.
async fn produce(
    reader: Reader,
    header: SnapshotHeader,
    idle: Duration,
    sender: &mpsc::Sender<Piece>,
) -> Result<(), ServerError> {
    let (pages, mut received) = mpsc::channel::<Result<Vec<u8>, ServerError>>(2);
    // It stops by itself once `received` is dropped, whenever this returns.
    tokio::spawn(reader.run(pages));
    let mut gzip = GzEncoder::new(Vec::new(), Compression::fast());
    // Lines are written into one buffer per page and compressed in one call: the encoder does
    // fixed work per write, which per JSON token would cost more than the compression.
    let mut page = serde_json::to_vec(&header)?;
    page.push(b'\n');
    while let Some(lines) = received.recv().await {
        page.extend_from_slice(&lines?);
        let chunk = tokio::task::block_in_place(|| {
            gzip.write_all(&page)?;
            gzip.flush()?;
            std::io::Result::Ok(std::mem::take(gzip.get_mut()))
        })
        .map_err(|e| ServerError::Corrupt(format!("compressing: {e}")))?;
        page.clear();
        if !deliver(sender, Piece::More(Bytes::from(chunk)), idle).await {
            return Ok(());
        }
    }
    let rest = gzip.finish().map_err(|e| ServerError::Corrupt(format!("compressing: {e}")))?;
    deliver(sender, Piece::Last(Bytes::from(rest)), idle).await;
    Ok(())
}

/// Hands a piece to the response; false when the client went away (it resumes later) or took
/// nothing for `idle`.
async fn deliver(sender: &mpsc::Sender<Piece>, piece: Piece, idle: Duration) -> bool {
    match tokio::time::timeout(idle, sender.send(piece)).await {
        Ok(sent) => sent.is_ok(),
        Err(_) => {
            tracing::info!(idle_ms = idle.as_millis() as u64, "snapshot ended: the client stopped reading");
            false
        }
    }
}

/// How long the reader waits for the client with a database connection in hand.
const HOLD_WHILE_WAITING: Duration = Duration::from_millis(250);

/// Reads what the user may see, page by page in key order, as snapshot lines.
///
/// It reads in a repeatable-read transaction for as long as the client keeps up. A client
/// slower than the database (or one that stopped reading) would keep that connection from
/// everyone else, so after [`HOLD_WHILE_WAITING`] the reader lets the transaction go, waits
/// without a connection, and reads on in a new one: the records after that are the state as
/// it is by then, as in a resumed download.
struct Reader {
    pool: PgPool,
    caller: Caller,
    segment: Option<Segment>,
    after: (String, String),
}

/// A repeatable-read transaction and what the user may see in it.
struct Segment {
    tx: Transaction<'static, Postgres>,
    visibility: Visibility,
}

impl Segment {
    async fn begin(pool: &PgPool, caller: &Caller) -> Result<Self, ServerError> {
        let mut tx = pool.begin().await?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *tx).await?;
        let visibility = Visibility::of(&mut tx, caller).await?;
        Ok(Self { tx, visibility })
    }
}

impl Reader {
    /// Sends the pages until there are no more, a read fails, or nobody takes them.
    async fn run(mut self, pages: mpsc::Sender<Result<Vec<u8>, ServerError>>) {
        loop {
            let mut segment = match self.segment.take() {
                Some(segment) => segment,
                None => match Segment::begin(&self.pool, &self.caller).await {
                    Ok(segment) => segment,
                    Err(e) => {
                        let _ = pages.send(Err(e)).await;
                        return;
                    }
                },
            };
            let (page, done) = match self.next_page(&mut segment).await {
                Ok((lines, done)) => (Ok(lines), done),
                Err(e) => (Err(e), true),
            };
            let reserved = match tokio::time::timeout(HOLD_WHILE_WAITING, pages.reserve()).await {
                Ok(reserved) => {
                    self.segment = Some(segment);
                    reserved
                }
                Err(_) => {
                    let _ = segment.tx.rollback().await;
                    pages.reserve().await
                }
            };
            let Ok(slot) = reserved else { return };
            slot.send(page);
            if done {
                return;
            }
        }
    }

    /// The next page's lines, and whether it is the last.
    async fn next_page(&mut self, segment: &mut Segment) -> Result<(Vec<u8>, bool), ServerError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT kind, id, data::text, visible_to FROM records
             WHERE org_id = $1 AND data IS NOT NULL AND (kind, id) > ($2, $3)
             ORDER BY kind, id LIMIT $4",
        )
        .bind(self.caller.org)
        .bind(&self.after.0)
        .bind(&self.after.1)
        .bind(PAGE)
        .fetch_all(&mut *segment.tx)
        .await?;
        let done = (rows.len() as i64) < PAGE;
        if let Some((kind, id, _, _)) = rows.last() {
            self.after = (kind.clone(), id.clone());
        }
        let mut lines = Vec::new();
        for (kind, id, data, visible_to) in rows {
            let kind = RecordKind::parse(&kind).ok_or_else(|| ServerError::Corrupt(format!("record kind {kind}")))?;
            if let Some(data) = segment.visibility.json(kind, visible_to, Some(data))? {
                line(&mut lines, kind, &id, &data)?;
            }
        }
        Ok((lines, done))
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
