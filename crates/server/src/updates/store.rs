//! The `desktop_updates` table (migration 0017): one row per published package, its signature
//! and its bytes. A package is never changed once published, so reads of it in chunks are of
//! one package.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// A published version as the updater's question needs it (not its bytes).
pub(super) struct Release {
    pub version: String,
    pub notes: String,
    pub published_at: DateTime<Utc>,
    pub signature: String,
}

/// A package to be kept.
pub(super) struct NewPackage<'a> {
    pub platform: &'a str,
    pub version: &'a str,
    pub notes: &'a str,
    pub file_name: &'a str,
    pub signature: &'a str,
    pub package: &'a [u8],
}

/// Every version published for `platform`, in no order: versions are compared as semantic
/// versions (1.10.0 after 1.9.0), which SQL cannot do.
pub(super) async fn releases(pool: &PgPool, platform: &str) -> sqlx::Result<Vec<Release>> {
    let rows: Vec<(String, String, DateTime<Utc>, String)> =
        sqlx::query_as("SELECT version, notes, published_at, signature FROM desktop_updates WHERE platform = $1")
            .bind(platform)
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(version, notes, published_at, signature)| Release { version, notes, published_at, signature })
        .collect())
}

/// The file name and size in bytes of the package of `version` for `platform`, if published.
pub(super) async fn package_file(pool: &PgPool, platform: &str, version: &str) -> sqlx::Result<Option<(String, i64)>> {
    sqlx::query_as(
        "SELECT file_name, octet_length(package)::bigint FROM desktop_updates WHERE platform = $1 AND version = $2",
    )
    .bind(platform)
    .bind(version)
    .fetch_optional(pool)
    .await
}

/// Up to `len` bytes of the package from byte `offset` (0-based); empty past its end.
pub(super) async fn package_chunk(
    pool: &PgPool,
    platform: &str,
    version: &str,
    offset: i64,
    len: i64,
) -> sqlx::Result<Vec<u8>> {
    sqlx::query_scalar(
        "SELECT substring(package FROM $3::int FOR $4::int) FROM desktop_updates WHERE platform = $1 AND version = $2",
    )
    .bind(platform)
    .bind(version)
    .bind(offset + 1)
    .bind(len)
    .fetch_one(pool)
    .await
}

/// Keeps `new`; false when its version is published for its platform already (nothing changed).
pub(super) async fn insert(pool: &PgPool, new: &NewPackage<'_>) -> sqlx::Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO desktop_updates (platform, version, notes, file_name, signature, package)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(new.platform)
    .bind(new.version)
    .bind(new.notes)
    .bind(new.file_name)
    .bind(new.signature)
    .bind(new.package)
    .execute(pool)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}
