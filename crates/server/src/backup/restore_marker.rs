//! The mark of a restore under way: a table in a schema of its own, created before pg_restore
//! and dropped in the transaction that starts the restored server's sync history. While it
//! exists the database is half restored (pg_restore may have committed, migrations or the new
//! history not yet): the server refuses to start on it, a backup refuses to read it, and the
//! restore run again finishes the work instead of calling the database "not empty".

use sqlx::PgConnection;
use uuid::Uuid;

pub(crate) async fn exists(conn: &mut PgConnection) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT to_regclass('talentdesk_restore.marker') IS NOT NULL").fetch_one(conn).await
}

/// The backup a restore under way is putting back (its history and creation time), if any.
pub(crate) async fn read(conn: &mut PgConnection) -> sqlx::Result<Option<(Uuid, chrono::DateTime<chrono::Utc>)>> {
    if !exists(&mut *conn).await? {
        return Ok(None);
    }
    sqlx::query_as("SELECT history, created_at FROM talentdesk_restore.marker").fetch_optional(conn).await
}

/// Marks the database as being restored from the backup of `history` made at `created_at`.
pub(crate) async fn create(
    conn: &mut PgConnection,
    history: Uuid,
    created_at: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<()> {
    // Outside `public`, so a restore's emptiness check and pg_restore leave it alone.
    sqlx::query("CREATE SCHEMA talentdesk_restore").execute(&mut *conn).await?;
    sqlx::query(
        "CREATE TABLE talentdesk_restore.marker (history uuid NOT NULL, created_at timestamptz NOT NULL,
                                                 started_at timestamptz NOT NULL DEFAULT now())",
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO talentdesk_restore.marker (history, created_at) VALUES ($1, $2)")
        .bind(history)
        .bind(created_at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends the restore: call in the transaction that finishes it.
pub(crate) async fn drop(conn: &mut PgConnection) -> sqlx::Result<()> {
    sqlx::query("DROP SCHEMA talentdesk_restore CASCADE").execute(conn).await?;
    Ok(())
}

/// Refuses to serve a database whose restore did not finish: it may lack migrations and still
/// count versions in the backup's history, which desktops ahead of the backup would trust.
pub async fn refuse_unfinished(url: &str) -> anyhow::Result<()> {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot connect to PostgreSQL at {}: {e}", crate::db::redact(url)))?;
    let marker = read(&mut conn).await?;
    let _ = conn.close().await;
    match marker {
        Some((_, created_at)) => anyhow::bail!(
            "the database holds a restore that did not finish (the backup of {}): run `talentdesk-server admin \
             restore --from` that backup again to finish it, then start the server",
            created_at.to_rfc3339()
        ),
        None => Ok(()),
    }
}
