//! `talentdesk-server admin backup --to DIR` and `admin restore --from DIR`.
//!
//! A backup is a folder: the database as pg_dump's custom format, read in one snapshot while
//! the server keeps running; exactly the documents' bytes that snapshot counts, each read from
//! the configured storage and checked against its hash; and a manifest listing every file with
//! its size and SHA-256, written last and verified by reading everything back.
//!
//! A restore goes into an empty database (and any storage): it verifies the whole backup first,
//! refuses one made with a newer schema than this server's, marks the database
//! ([`restore_marker`]), puts the bytes, restores the database in one transaction, migrates it
//! forward, and starts a new sync history ([`history`]) as it drops the mark, so desktops the
//! backup covers pull on and those it does not load afresh. Run again after it stopped, it
//! picks up where it was.

pub(crate) mod history;
mod manifest;
pub(crate) mod pg_tools;
pub mod restore_marker;

use std::path::Path;

use sha2::{Digest, Sha256};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use self::manifest::{BLOBS, DUMP, Entry, FORMAT};
pub use self::manifest::{Counts, Manifest};
use crate::blobs::storage::{self, Storage};
use crate::config::Config;
use crate::db;

/// Backs up the configured database and storage into `to`, a new or empty folder; returns
/// what the backup holds. Nothing is read before the folder is known to be usable, and a backup
/// that fails removes what it wrote, so the folder takes the next attempt.
pub async fn backup(config: &Config, to: &Path, allow_missing_blobs: bool) -> anyhow::Result<Manifest> {
    let created = prepare_folder(to)?;
    let result = write_backup(config, to, allow_missing_blobs).await;
    if result.is_err() {
        discard(to, created);
    }
    result
}

async fn write_backup(config: &Config, to: &Path, allow_missing_blobs: bool) -> anyhow::Result<Manifest> {
    let storage = storage::configured(config)?;
    let pool = open(config).await?;
    // The running server removes a document's bytes once its row is gone; removal locks the
    // row FOR UPDATE first (db::blobs::settle). Every row is locked FOR KEY SHARE before the
    // snapshot is taken and held until the bytes are copied, so the bytes of every document
    // the snapshot counts stay. Uploads and releases (no key change) go on meanwhile.
    let mut locks = pool.begin().await?;
    let has_blobs = table_exists(&mut locks, "blobs").await?;
    if has_blobs {
        lock_blobs(&mut locks).await?;
    }
    // pg_dump reads the snapshot this transaction exports, so the blobs listed here are
    // exactly those its dump counts. It stays open until pg_dump is done.
    let mut snapshot = pool.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *snapshot).await?;
    let exported: String = sqlx::query_scalar("SELECT pg_export_snapshot()").fetch_one(&mut *snapshot).await?;
    if has_blobs {
        // Rows committed between the first pass and the snapshot (an upload) are locked too.
        // One removed in that moment is in the snapshot without its bytes: reported below.
        lock_blobs(&mut locks).await?;
    }
    if restore_marker::exists(&mut snapshot).await? {
        anyhow::bail!(
            "the database holds a restore that did not finish: run `talentdesk-server admin restore` again to \
             finish it before backing it up"
        );
    }
    let schema_version = schema_version(&mut snapshot)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the database holds no Talentdesk data: it was never migrated"))?;
    let history = match table_exists(&mut snapshot, "sync_histories").await? {
        true => history::current(&mut snapshot).await?,
        false => history::FIRST,
    };
    let blobs: Vec<(Uuid, String)> = match has_blobs {
        true => {
            sqlx::query_as("SELECT org_id, sha256 FROM blobs ORDER BY org_id, sha256").fetch_all(&mut *snapshot).await?
        }
        false => Vec::new(),
    };
    let (orgs, records): (i64, i64) =
        sqlx::query_as("SELECT (SELECT count(*) FROM orgs), (SELECT count(*) FROM records)")
            .fetch_one(&mut *snapshot)
            .await?;
    let url = config.database_url.clone();
    let dump = to.join(DUMP);
    tokio::task::spawn_blocking(move || pg_tools::dump(&url, &exported, &dump)).await??;
    snapshot.rollback().await?;

    let mut files = vec![Entry::of(to, DUMP)?];
    let mut missing_blobs = Vec::new();
    for (org, sha256) in &blobs {
        match storage.get(*org, sha256).await.map_err(|e| anyhow::anyhow!("{storage}: reading {sha256}: {e}"))? {
            Some(bytes) => files.push(copy_blob(to, *org, sha256, &bytes)?),
            None => missing_blobs.push(format!("{org}/{sha256}")),
        }
    }
    locks.rollback().await?;
    pool.close().await;
    if !missing_blobs.is_empty() {
        if !allow_missing_blobs {
            anyhow::bail!(
                "{} documents counted in the database have no bytes in {storage} (the first: {}); the backup stopped \
                 and was removed. Run it again, or pass --allow-missing-blobs to back up without them (they are \
                 listed in the manifest as missing_blobs)",
                missing_blobs.len(),
                missing_blobs[0]
            );
        }
        tracing::warn!(
            "{} documents counted in the database have no bytes in {storage} (listed in the manifest as missing_blobs)",
            missing_blobs.len()
        );
    }
    let manifest = Manifest {
        format: FORMAT,
        schema_version,
        server_version: env!("CARGO_PKG_VERSION").to_owned(),
        created_at: chrono::Utc::now(),
        history,
        counts: Counts { orgs, records, blobs: (files.len() - 1) as i64 },
        files,
        missing_blobs,
    };
    manifest.write(to)?;
    // Read back as a restore would: every file, and the dump's table of contents.
    manifest.verify(to)?;
    let dump = to.join(DUMP);
    tokio::task::spawn_blocking(move || pg_tools::list(&dump)).await??;
    Ok(manifest)
}

/// Restores the backup in `from` into the configured database, which must be empty, and the
/// configured storage; returns what it held.
pub async fn restore(config: &Config, from: &Path) -> anyhow::Result<Manifest> {
    let manifest = Manifest::read(from)?;
    let known = db::startup::MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    if manifest.schema_version > known {
        anyhow::bail!(
            "the backup in {} was made by a newer Talentdesk server ({}, schema version {}); this server knows \
             schema versions up to {known}: restore it with version {} or newer",
            from.display(),
            manifest.server_version,
            manifest.schema_version,
            manifest.server_version
        );
    }
    manifest.verify(from)?;
    let storage = storage::configured(config)?;
    let pool = open(config).await?;
    let mut conn = pool.acquire().await?;
    let tables = tables_outside_marker(&mut conn).await?;
    let resumed = match restore_marker::read(&mut conn).await? {
        // The same backup (PostgreSQL keeps the time to the microsecond).
        Some((history, created_at))
            if (history, created_at.timestamp_micros())
                == (manifest.history, manifest.created_at.timestamp_micros()) =>
        {
            true
        }
        // pg_restore of that backup never committed: nothing of it is in the database.
        Some(_) if tables == 0 => {
            restore_marker::drop(&mut conn).await?;
            false
        }
        Some((_, created_at)) => anyhow::bail!(
            "the database at {} holds an unfinished restore of another backup (made {}): finish that one, or \
             restore into a new, empty database",
            db::redact(&config.database_url),
            created_at.to_rfc3339()
        ),
        None => false,
    };
    if !resumed && tables > 0 {
        anyhow::bail!(
            "the database at {} is not empty ({tables} tables): a restore goes into a new, empty database, so \
             nothing in it is overwritten. Create one (createdb) and point database_url at it",
            db::redact(&config.database_url)
        );
    }
    drop(conn);
    if !resumed {
        let mut tx = pool.begin().await?;
        restore_marker::create(&mut tx, manifest.history, manifest.created_at).await?;
        tx.commit().await?;
    }
    pool.close().await;
    // The bytes first, then the database, which claims them. Should a step fail, the marker
    // stays and the restore run again puts the bytes again (they are the same) and goes on.
    for entry in &manifest.files {
        let Some((org, sha256)) = entry.blob() else { continue };
        let bytes = std::fs::read(from.join(&entry.path))?;
        storage.put(org, sha256, &bytes).await.map_err(|e| anyhow::anyhow!("{storage}: storing {sha256}: {e}"))?;
    }
    // pg_restore runs in one transaction: a database with tables holds the whole dump.
    if tables == 0 {
        let url = config.database_url.clone();
        let dump = from.join(DUMP);
        tokio::task::spawn_blocking(move || pg_tools::restore(&url, &dump)).await??;
    }
    // Up to this server's schema (a backup of an older server), then a history of its own.
    let pool = db::connect(&config.database_url, 2).await?;
    let mut tx = pool.begin().await?;
    history::start_after_restore(&mut tx).await?;
    restore_marker::drop(&mut tx).await?;
    tx.commit().await?;
    pool.close().await;
    Ok(manifest)
}

/// Makes `dir` a new folder, or accepts an empty one, and checks it takes files; refuses
/// anything else before any work, so a backup never mixes with other files. Returns whether
/// it made the folder.
fn prepare_folder(dir: &Path) -> anyhow::Result<bool> {
    let created = match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                anyhow::bail!(
                    "the backup folder {} is not empty: back up into a new or empty folder, so one backup never \
                     mixes with another",
                    dir.display()
                );
            }
            false
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir(dir)
                .map_err(|e| anyhow::anyhow!("cannot create the backup folder {}: {e}", dir.display()))?;
            true
        }
        Err(e) => anyhow::bail!("cannot use {} as the backup folder: {e}", dir.display()),
    };
    let probe = dir.join(".talentdesk-write-check");
    let writable = std::fs::write(&probe, b"").and_then(|()| std::fs::remove_file(&probe));
    if let Err(e) = writable {
        discard(dir, created);
        anyhow::bail!("the backup folder {} is not writable: {e}", dir.display());
    }
    Ok(created)
}

/// Removes what a failed backup wrote into `dir` (it was empty before), and `dir` itself when
/// the backup made it; a half backup would only block the next one.
fn discard(dir: &Path, created: bool) {
    let removed = match created {
        true => std::fs::remove_dir_all(dir),
        false => std::fs::read_dir(dir).and_then(|entries| {
            entries.flatten().try_for_each(|entry| match entry.file_type()?.is_dir() {
                true => std::fs::remove_dir_all(entry.path()),
                false => std::fs::remove_file(entry.path()),
            })
        }),
    };
    if let Err(e) = removed {
        tracing::warn!("cannot remove the failed backup's files from {}: {e}", dir.display());
    }
}

/// Locks every document's row against removal (see [`backup`]); held until `conn` ends.
async fn lock_blobs(conn: &mut PgConnection) -> sqlx::Result<()> {
    sqlx::query("SELECT count(*) FROM (SELECT 1 FROM blobs FOR KEY SHARE) locked").execute(conn).await?;
    Ok(())
}

/// The tables a restore would clash with: all but the restore marker's and the system's.
pub async fn tables_outside_marker(conn: &mut PgConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT count(*) FROM information_schema.tables
         WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'talentdesk_restore')",
    )
    .fetch_one(conn)
    .await
}

/// Writes a document's bytes into the backup after checking them against their hash.
fn copy_blob(dir: &Path, org: Uuid, sha256: &str, bytes: &[u8]) -> anyhow::Result<Entry> {
    let actual = hex::encode(Sha256::digest(bytes));
    if actual != sha256 {
        anyhow::bail!(
            "the stored document {org}/{sha256} is damaged (its bytes hash to {actual}); the backup stopped. \
             Restore that document from an earlier backup or delete it, then back up again"
        );
    }
    let path = format!("{BLOBS}/{org}/{sha256}");
    let file = dir.join(&path);
    std::fs::create_dir_all(file.parent().expect("blob paths have a folder"))?;
    std::fs::write(&file, bytes)?;
    std::fs::File::open(&file)?.sync_all()?;
    Ok(Entry { path, size: bytes.len() as u64, sha256: sha256.to_owned() })
}

/// A connection that leaves the schema as it is (no migrations).
async fn open(config: &Config) -> anyhow::Result<PgPool> {
    PgPool::connect(&config.database_url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot connect to PostgreSQL at {}: {e}", db::redact(&config.database_url)))
}

/// The newest migration applied, `None` for a database never migrated.
async fn schema_version(conn: &mut PgConnection) -> sqlx::Result<Option<i64>> {
    if !table_exists(conn, "_sqlx_migrations").await? {
        return Ok(None);
    }
    sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success").fetch_one(conn).await
}

async fn table_exists(conn: &mut PgConnection, name: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT to_regclass($1) IS NOT NULL").bind(name).fetch_one(conn).await
}
