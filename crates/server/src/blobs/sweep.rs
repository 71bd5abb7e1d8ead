//! Removing bytes nothing holds any more. A deleted document (an erasure, a document deleted)
//! releases its content in the deleting transaction; the servers hear of it at commit and look
//! at once, so the bytes go right after the deletion commits and never before. A sweep at
//! start-up and every `blob_sweep_interval_secs` catches the rest: releases a stopped server
//! never looked at, uploads no document claimed before their hold ran out, files without a
//! row, and what interrupted uploads left behind.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use sqlx::PgPool;
use uuid::Uuid;

use super::storage::{Configured, Storage};
use crate::ServerError;
use crate::config::Config;
use crate::db::blobs::{self, Fate};
use crate::wakeup::{Heard, Subscription};

/// Where the deleting transactions announce a release (the migration's trigger).
pub const CHANNEL: &str = "talentdesk_blobs_released";
/// A `.partial` file this old belongs to an upload that was interrupted, not one under way.
const INTERRUPTED_AFTER: Duration = Duration::from_secs(3600);

/// Runs for as long as the server runs, hearing releases through `heard` (subscribed before
/// the first sweep, so a release committed during it is heard too).
pub fn spawn(
    mut heard: Subscription,
    pool: PgPool,
    config: Arc<Config>,
    storage: Configured,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let interval = Duration::from_secs(config.blob_sweep_interval_secs.max(1));
        loop {
            if let Err(e) = sweep(&pool, &storage).await {
                tracing::warn!(error = %e, "blob sweep failed; trying again later");
            }
            let next = tokio::time::Instant::now() + interval;
            loop {
                let org = tokio::select! {
                    _ = tokio::time::sleep_until(next) => break,
                    heard = heard.next() => match heard {
                        Heard::Notification { channel, payload } if channel == CHANNEL => payload.parse().ok(),
                        Heard::Notification { .. } => continue,
                        // Releases announced meanwhile: every org's are looked at.
                        Heard::Missed => None,
                    },
                };
                if let Err(e) = settle_released(&pool, &storage, org).await {
                    tracing::warn!(error = %e, "removing released blobs failed; the sweep tries again");
                }
            }
        }
    })
}

/// Everything the sweep looks at, once.
pub async fn sweep(pool: &PgPool, storage: &impl Storage) -> Result<(), ServerError> {
    let interrupted = storage.clean_interrupted(SystemTime::now() - INTERRUPTED_AFTER).await.map_err(storage_error)?;
    if interrupted > 0 {
        tracing::info!(files = interrupted, "removed what interrupted uploads left");
    }
    let mut by_org: BTreeMap<Uuid, Vec<(String, u64)>> = BTreeMap::new();
    for stored in storage.list().await.map_err(storage_error)? {
        by_org.entry(stored.org).or_default().push((stored.sha256, stored.size));
    }
    let mut conn = pool.acquire().await?;
    for (org, files) in by_org {
        let sizes: BTreeMap<String, u64> = files.into_iter().collect();
        let names: Vec<String> = sizes.keys().cloned().collect();
        for sha256 in blobs::unknown(&mut conn, org, &names).await? {
            blobs::adopt(&mut conn, org, &sha256, sizes[&sha256] as i64).await?;
        }
    }
    let mut due = blobs::released(&mut conn, None).await?;
    due.extend(blobs::expired(&mut conn, chrono::Utc::now()).await?);
    drop(conn);
    settle_each(pool, storage, due).await;
    Ok(())
}

/// Looks at what was released in one org (every org when unknown).
async fn settle_released(pool: &PgPool, storage: &impl Storage, org: Option<Uuid>) -> Result<(), ServerError> {
    let due = {
        let mut conn = pool.acquire().await?;
        blobs::released(&mut conn, org).await?
    };
    settle_each(pool, storage, due).await;
    Ok(())
}

/// Settles each; one that fails (a file that cannot be removed) does not stop the others.
async fn settle_each(pool: &PgPool, storage: &impl Storage, due: Vec<(Uuid, String)>) {
    for (org, sha256) in due {
        if let Err(e) = settle(pool, storage, org, &sha256).await {
            tracing::warn!(error = %e, %org, sha256, "a blob nothing refers to could not be removed; the sweep tries again");
        }
    }
}

/// Removes the content if nothing holds it: the file goes while its row is locked and before
/// the row's deletion commits, so an upload of the same content waits and then writes it anew,
/// and a failure to remove the file keeps the row for the next sweep.
async fn settle(pool: &PgPool, storage: &impl Storage, org: Uuid, sha256: &str) -> Result<(), ServerError> {
    let mut tx = pool.begin().await?;
    if blobs::settle(&mut tx, org, sha256, chrono::Utc::now()).await? == Fate::Unreferenced {
        storage.remove(org, sha256).await.map_err(storage_error)?;
        tracing::info!(%org, sha256, "removed a document's bytes nothing refers to");
    }
    tx.commit().await?;
    Ok(())
}

fn storage_error(e: std::io::Error) -> ServerError {
    ServerError::Storage(format!("the document store: {e}"))
}
