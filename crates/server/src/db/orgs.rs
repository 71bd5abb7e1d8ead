//! `orgs`: one per customer, each with its version counter.

use sqlx::PgConnection;
use uuid::Uuid;

pub async fn insert(conn: &mut PgConnection, id: Uuid, name: &str) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO orgs (id, name) VALUES ($1, $2)").bind(id).bind(name).execute(conn).await?;
    Ok(())
}

pub async fn by_name(conn: &mut PgConnection, name: &str) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar("SELECT id FROM orgs WHERE name = $1").bind(name).fetch_optional(conn).await
}

/// Locks the org's row until the transaction ends: changes to the team that must see each
/// other (two teammates given the same ATS ID at once) take turns on it.
pub async fn lock(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<()> {
    sqlx::query("SELECT 1 FROM orgs WHERE id = $1 FOR UPDATE").bind(org).execute(conn).await?;
    Ok(())
}

/// Takes the org's next version. The row stays locked until the transaction ends, so a
/// transaction with a later version cannot commit before this one.
pub async fn next_version(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<i64> {
    sqlx::query_scalar("UPDATE orgs SET version = version + 1 WHERE id = $1 RETURNING version")
        .bind(org)
        .fetch_one(conn)
        .await
}

/// Tells every server process listening that the org reached `version` (delivered at commit).
pub async fn announce(conn: &mut PgConnection, org: Uuid, version: i64) -> sqlx::Result<()> {
    // The channel is live::CHANNEL.
    sqlx::query("SELECT pg_notify('talentdesk_versions', $1)").bind(format!("{org}:{version}")).execute(conn).await?;
    Ok(())
}
