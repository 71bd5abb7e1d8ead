//! `partner_keys`: the keys, their scopes and actors, the secret kept only as its SHA-256.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use talentdesk_domain::user::User;
use talentdesk_sync::partner::{PartnerKey, PartnerScope};
use uuid::Uuid;

use crate::db::users;

/// A key to insert.
pub struct NewRow<'a> {
    pub id: Uuid,
    pub org: Uuid,
    pub name: &'a str,
    pub scopes: &'a [PartnerScope],
    pub actor: Uuid,
    pub secret_hash: &'a [u8],
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

pub async fn insert(conn: &mut PgConnection, row: NewRow<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO partner_keys (id, org_id, name, scopes, actor_id, secret_hash, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(row.id)
    .bind(row.org)
    .bind(row.name)
    .bind(codes(row.scopes))
    .bind(row.actor)
    .bind(row.secret_hash)
    .bind(row.created_by)
    .bind(row.created_at)
    .execute(conn)
    .await?;
    Ok(())
}

fn codes(scopes: &[PartnerScope]) -> Vec<&'static str> {
    scopes.iter().map(|s| s.code()).collect()
}

/// Scopes as stored; one this server no longer knows grants nothing.
fn scopes(codes: &[String]) -> Vec<PartnerScope> {
    codes.iter().filter_map(|c| PartnerScope::parse(c)).collect()
}

#[derive(sqlx::FromRow)]
struct ListRow {
    id: Uuid,
    name: String,
    scopes: Vec<String>,
    actor_id: Uuid,
    created_by: String,
    created_at: DateTime<Utc>,
    last_used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

impl From<ListRow> for PartnerKey {
    fn from(r: ListRow) -> Self {
        PartnerKey {
            id: r.id,
            name: r.name,
            scopes: scopes(&r.scopes),
            actor_id: r.actor_id,
            created_by: r.created_by,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            revoked_at: r.revoked_at,
        }
    }
}

/// The org's keys, newest first (or the one `only` names).
pub async fn list(conn: &mut PgConnection, org: Uuid, only: Option<Uuid>) -> sqlx::Result<Vec<PartnerKey>> {
    let rows: Vec<ListRow> = sqlx::query_as(
        "SELECT k.id, k.name, k.scopes, k.actor_id, u.name AS created_by, k.created_at, k.last_used_at, k.revoked_at
         FROM partner_keys k JOIN users u ON u.id = k.created_by
         WHERE k.org_id = $1 AND ($2::uuid IS NULL OR k.id = $2)
         ORDER BY k.created_at DESC, k.id DESC",
    )
    .bind(org)
    .bind(only)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(PartnerKey::from).collect())
}

/// Revokes the org's key `id` (a second revoke keeps the first time); false when the org has
/// no such key.
pub async fn revoke(conn: &mut PgConnection, org: Uuid, id: Uuid, now: DateTime<Utc>) -> sqlx::Result<bool> {
    let done =
        sqlx::query("UPDATE partner_keys SET revoked_at = coalesce(revoked_at, $3) WHERE org_id = $1 AND id = $2")
            .bind(org)
            .bind(id)
            .bind(now)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() > 0)
}

/// The key a secret's hash belongs to, with its actor, as a partner request needs it.
pub struct Presented {
    pub id: Uuid,
    pub org: Uuid,
    pub scopes: Vec<PartnerScope>,
    pub actor: User,
    pub revoked: bool,
    pub last_used_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct PresentedRow {
    id: Uuid,
    org_id: Uuid,
    scopes: Vec<String>,
    actor_id: Uuid,
    revoked_at: Option<DateTime<Utc>>,
    last_used_at: Option<DateTime<Utc>>,
}

pub async fn by_secret(conn: &mut PgConnection, hash: &[u8]) -> sqlx::Result<Option<Presented>> {
    let row: Option<PresentedRow> = sqlx::query_as(
        "SELECT id, org_id, scopes, actor_id, revoked_at, last_used_at FROM partner_keys WHERE secret_hash = $1",
    )
    .bind(hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    // The actor row is made with the key and never removed.
    let Some(actor) = users::by_id(conn, row.actor_id).await? else { return Ok(None) };
    Ok(Some(Presented {
        id: row.id,
        org: row.org_id,
        scopes: scopes(&row.scopes),
        actor: actor.user,
        revoked: row.revoked_at.is_some(),
        last_used_at: row.last_used_at,
    }))
}

/// Notes that the key was used now.
pub async fn used(conn: &mut PgConnection, id: Uuid, now: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE partner_keys SET last_used_at = $2 WHERE id = $1").bind(id).bind(now).execute(conn).await?;
    Ok(())
}
