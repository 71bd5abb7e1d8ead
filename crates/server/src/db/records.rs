//! `records`: everything that syncs, one row per record with the version that last changed
//! it. Deleting keeps the key with no data (a tombstone) so pulls can tell clients to drop it.

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::PgConnection;
use sqlx::types::Json;
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

/// Where a record sits: its kind and key.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    pub kind: RecordKind,
    pub id: &'a str,
}

/// Who a record belongs to and who may see it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    pub candidate_id: Option<Uuid>,
    /// Only this user (and admins) may see the record.
    pub visible_to: Option<Uuid>,
}

pub async fn put<T: Serialize>(
    conn: &mut PgConnection,
    org: Uuid,
    version: i64,
    key: Key<'_>,
    data: &T,
    scope: Scope,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO records (org_id, kind, id, version, data, candidate_id, visible_to, shared_once)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7 IS NULL)
         ON CONFLICT (org_id, kind, id) DO UPDATE
         SET version = $4, data = $5, candidate_id = $6, visible_to = $7,
             shared_once = records.shared_once OR $7 IS NULL",
    )
    .bind(org)
    .bind(key.kind.code())
    .bind(key.id)
    .bind(version)
    .bind(Json(data))
    .bind(scope.candidate_id)
    .bind(scope.visible_to)
    .execute(conn)
    .await?;
    Ok(())
}

/// The record's data, unless it is absent or deleted.
pub async fn get<T: DeserializeOwned + Send + Unpin + 'static>(
    conn: &mut PgConnection,
    org: Uuid,
    key: Key<'_>,
) -> sqlx::Result<Option<T>> {
    read(conn, org, key, "SELECT data FROM records WHERE org_id = $1 AND kind = $2 AND id = $3 AND data IS NOT NULL")
        .await
}

async fn read<T: DeserializeOwned + Send + Unpin + 'static>(
    conn: &mut PgConnection,
    org: Uuid,
    key: Key<'_>,
    sql: &'static str,
) -> sqlx::Result<Option<T>> {
    let row: Option<Json<T>> =
        sqlx::query_scalar(sql).bind(org).bind(key.kind.code()).bind(key.id).fetch_optional(conn).await?;
    Ok(row.map(|Json(t)| t))
}

/// The live records of a kind among `ids`, as (id, data).
pub async fn get_many<T: DeserializeOwned + Send + Unpin + 'static>(
    conn: &mut PgConnection,
    org: Uuid,
    kind: RecordKind,
    ids: &[String],
) -> sqlx::Result<Vec<(String, T)>> {
    let rows: Vec<(String, Json<T>)> = sqlx::query_as(
        "SELECT id, data FROM records WHERE org_id = $1 AND kind = $2 AND id = ANY($3) AND data IS NOT NULL",
    )
    .bind(org)
    .bind(kind.code())
    .bind(ids)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id, Json(t))| (id, t)).collect())
}

/// Every live record of a kind.
pub async fn all<T: DeserializeOwned + Send + Unpin + 'static>(
    conn: &mut PgConnection,
    org: Uuid,
    kind: RecordKind,
) -> sqlx::Result<Vec<T>> {
    let rows: Vec<Json<T>> =
        sqlx::query_scalar("SELECT data FROM records WHERE org_id = $1 AND kind = $2 AND data IS NOT NULL")
            .bind(org)
            .bind(kind.code())
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|Json(t)| t).collect())
}

/// Deletes the record, leaving its tombstone (seen by whom the record was); returns false when
/// there was nothing to delete.
pub async fn delete(conn: &mut PgConnection, org: Uuid, version: i64, key: Key<'_>) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE records SET data = NULL, version = $4
         WHERE org_id = $1 AND kind = $2 AND id = $3 AND data IS NOT NULL",
    )
    .bind(org)
    .bind(key.kind.code())
    .bind(key.id)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Deletes everything that belongs to the candidate (notes, messages, documents, history).
pub async fn delete_of_candidate(
    conn: &mut PgConnection,
    org: Uuid,
    version: i64,
    candidate: Uuid,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE records SET data = NULL, version = $3
         WHERE org_id = $1 AND candidate_id = $2 AND data IS NOT NULL",
    )
    .bind(org)
    .bind(candidate)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(())
}

/// The live records of a kind that belong to a candidate.
pub async fn of_candidate<T: DeserializeOwned + Send + Unpin + 'static>(
    conn: &mut PgConnection,
    org: Uuid,
    kind: RecordKind,
    candidate: Uuid,
) -> sqlx::Result<Vec<T>> {
    of_candidates(conn, org, kind, &[candidate]).await
}

/// A record as a pull delivers it: the data stays JSON text, never parsed on the way.
#[derive(Debug, sqlx::FromRow)]
pub struct Changed {
    pub version: i64,
    pub kind: String,
    pub id: String,
    pub data: Option<String>,
    pub visible_to: Option<Uuid>,
    /// Whether everyone in the org could see it once (and may hold a copy).
    pub shared_once: bool,
}

/// Whether the record exists or existed (a tombstone counts).
pub async fn exists(conn: &mut PgConnection, org: Uuid, key: Key<'_>) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM records WHERE org_id = $1 AND kind = $2 AND id = $3)")
        .bind(org)
        .bind(key.kind.code())
        .bind(key.id)
        .fetch_one(conn)
        .await
}

/// Whether any message of the send exists or existed: message ids are `send:candidate`, so
/// they sort together, between "send:" and "send;".
pub async fn send_exists(conn: &mut PgConnection, org: Uuid, send_id: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM records WHERE org_id = $1 AND kind = 'message' AND id >= $2 AND id < $3)",
    )
    .bind(org)
    .bind(format!("{send_id}:"))
    .bind(format!("{send_id};"))
    .fetch_one(conn)
    .await
}

/// Records changed after the position (version, kind, id), in that order.
pub async fn changed_after(
    conn: &mut PgConnection,
    org: Uuid,
    after: (i64, &str, &str),
    limit: i64,
) -> sqlx::Result<Vec<Changed>> {
    sqlx::query_as(
        "SELECT version, kind, id, data::text AS data, visible_to, shared_once FROM records
         WHERE org_id = $1 AND (version, kind, id) > ($2, $3, $4)
         ORDER BY version, kind, id LIMIT $5",
    )
    .bind(org)
    .bind(after.0)
    .bind(after.1)
    .bind(after.2)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// The next `count` numbers for history entries, in order.
pub async fn next_history_ids(conn: &mut PgConnection, count: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT nextval('history_ids') FROM generate_series(1, $1)").bind(count).fetch_all(conn).await
}

/// A record to write in a batch.
pub struct NewRecord {
    pub kind: RecordKind,
    pub id: String,
    pub data: serde_json::Value,
    pub scope: Scope,
}

/// Writes many records of any kinds at once, each new or replacing the one with its key.
pub async fn put_batch(conn: &mut PgConnection, org: Uuid, version: i64, rows: &[NewRecord]) -> sqlx::Result<()> {
    let kinds: Vec<&str> = rows.iter().map(|r| r.kind.code()).collect();
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let data: Vec<Json<&serde_json::Value>> = rows.iter().map(|r| Json(&r.data)).collect();
    let candidates: Vec<Option<Uuid>> = rows.iter().map(|r| r.scope.candidate_id).collect();
    let visible_to: Vec<Option<Uuid>> = rows.iter().map(|r| r.scope.visible_to).collect();
    sqlx::query(
        "INSERT INTO records (org_id, kind, id, version, data, candidate_id, visible_to, shared_once)
         SELECT $1, kind, id, $2, data, candidate_id, visible_to, visible_to IS NULL
         FROM unnest($3::text[], $4::text[], $5::jsonb[], $6::uuid[], $7::uuid[])
              AS r (kind, id, data, candidate_id, visible_to)
         ON CONFLICT (org_id, kind, id) DO UPDATE SET version = $2, data = excluded.data,
             candidate_id = excluded.candidate_id, visible_to = excluded.visible_to,
             shared_once = records.shared_once OR excluded.shared_once",
    )
    .bind(org)
    .bind(version)
    .bind(kinds)
    .bind(ids)
    .bind(data)
    .bind(candidates)
    .bind(visible_to)
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces a live record's data at `version`, keeping whom it belongs to; returns false
/// when it is gone.
pub async fn replace_data<T: Serialize>(
    conn: &mut PgConnection,
    org: Uuid,
    version: i64,
    key: Key<'_>,
    data: &T,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE records SET data = $5, version = $4 WHERE org_id = $1 AND kind = $2 AND id = $3 AND data IS NOT NULL",
    )
    .bind(org)
    .bind(key.kind.code())
    .bind(key.id)
    .bind(version)
    .bind(Json(data))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Locks a live record for the rest of the transaction and returns its data.
pub async fn lock<T: DeserializeOwned + Send + Unpin + 'static>(
    conn: &mut PgConnection,
    org: Uuid,
    key: Key<'_>,
) -> sqlx::Result<Option<T>> {
    let sql = "SELECT data FROM records WHERE org_id = $1 AND kind = $2 AND id = $3 AND data IS NOT NULL FOR UPDATE";
    read(conn, org, key, sql).await
}

/// The live records of a kind that belong to any of the candidates.
pub async fn of_candidates<T: DeserializeOwned + Send + Unpin + 'static>(
    conn: &mut PgConnection,
    org: Uuid,
    kind: RecordKind,
    candidates: &[Uuid],
) -> sqlx::Result<Vec<T>> {
    let rows: Vec<Json<T>> = sqlx::query_scalar(
        "SELECT data FROM records WHERE org_id = $1 AND kind = $2 AND candidate_id = ANY($3) AND data IS NOT NULL",
    )
    .bind(org)
    .bind(kind.code())
    .bind(candidates)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|Json(t)| t).collect())
}

/// Locks the live records of a kind that belong to the candidates, for the transaction.
pub async fn lock_of_candidates(
    conn: &mut PgConnection,
    org: Uuid,
    kind: RecordKind,
    candidates: &[Uuid],
) -> sqlx::Result<()> {
    sqlx::query(
        "SELECT 1 FROM records WHERE org_id = $1 AND kind = $2 AND candidate_id = ANY($3) AND data IS NOT NULL
         FOR UPDATE",
    )
    .bind(org)
    .bind(kind.code())
    .bind(candidates)
    .execute(conn)
    .await?;
    Ok(())
}

/// The live candidates whose email address is `email_key` (lower-cased, as
/// `auth::email_key` makes it), earliest first, at most `limit`. The one query of its kind:
/// its expression is the email index's (migration 0014), which the sign-up page and the
/// partner API both need.
pub async fn candidates_with_email<T: DeserializeOwned + Send + Unpin + 'static>(
    conn: &mut PgConnection,
    org: Uuid,
    email_key: &str,
    limit: i64,
) -> sqlx::Result<Vec<T>> {
    // Found first, then ordered: with `ORDER BY id LIMIT` alone PostgreSQL may walk the primary
    // key in id order and test every candidate's email (it guesses hundreds share an address, so
    // the first would come soon); for an address nobody has, that read the whole org (0.3–1.3 s
    // at 100,000 candidates, under the self-service actor's lock, in bench server's sign-ups).
    let found: Vec<Json<T>> = sqlx::query_scalar(
        "WITH found AS MATERIALIZED (
             SELECT id, data FROM records
             WHERE org_id = $1 AND kind = 'candidate' AND data IS NOT NULL
               AND lower(data #>> '{candidate,profile,email}') = $2
         )
         SELECT data FROM found ORDER BY id LIMIT $3",
    )
    .bind(org)
    .bind(email_key)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(found.into_iter().map(|Json(t)| t).collect())
}

/// The org's private pipelines (each a recruiter's own), but those of `except` (who may see
/// their own): what a recruiter's pull, a partner or a webhook must not be told of.
pub async fn private_pipelines(
    conn: &mut PgConnection,
    org: Uuid,
    except: Option<Uuid>,
) -> sqlx::Result<std::collections::HashSet<Uuid>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM records WHERE org_id = $1 AND kind = 'pipeline' AND data IS NOT NULL
         AND visible_to IS NOT NULL AND ($2::uuid IS NULL OR visible_to <> $2)",
    )
    .bind(org)
    .bind(except)
    .fetch_all(conn)
    .await?;
    Ok(ids.iter().filter_map(|id| id.parse().ok()).collect())
}
