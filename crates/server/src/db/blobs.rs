//! `blobs`: the documents' bytes the server keeps, per org and content, with what holds each
//! (live documents referring to it, counted from `records`, or a fresh upload's hold). The
//! migration's trigger keeps holds and releases in step with every document written.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

/// What became of an upload's reservation.
pub enum Reserved {
    /// Held for a document to refer to it.
    Held,
    /// Keeping it would pass the org's quota.
    OverQuota { used: i64 },
}

/// Notes an upload of `size` bytes and holds it until `held_until`, unless new content would
/// take the org over `quota` bytes. Uploads to one org are counted one at a time (an advisory
/// lock for the transaction), so two at once cannot both pass the quota.
pub async fn reserve(
    conn: &mut PgConnection,
    org: Uuid,
    sha256: &str,
    size: i64,
    quota: i64,
    held_until: DateTime<Utc>,
) -> sqlx::Result<Reserved> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('blobs:' || $1::text, 0))")
        .bind(org)
        .execute(&mut *conn)
        .await?;
    let known: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM blobs WHERE org_id = $1 AND sha256 = $2)")
        .bind(org)
        .bind(sha256)
        .fetch_one(&mut *conn)
        .await?;
    if !known {
        let used: i64 = sqlx::query_scalar("SELECT COALESCE(sum(size), 0)::bigint FROM blobs WHERE org_id = $1")
            .bind(org)
            .fetch_one(&mut *conn)
            .await?;
        if used + size > quota {
            return Ok(Reserved::OverQuota { used });
        }
    }
    sqlx::query(
        "INSERT INTO blobs (org_id, sha256, size, held_until) VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_id, sha256) DO UPDATE SET held_until = GREATEST(blobs.held_until, excluded.held_until)",
    )
    .bind(org)
    .bind(sha256)
    .bind(size)
    .bind(held_until)
    .execute(conn)
    .await?;
    Ok(Reserved::Held)
}

/// Whether a live document that `user` may see refers to the content, its candidate live too.
pub async fn visible(conn: &mut PgConnection, org: Uuid, sha256: &str, user: Uuid, admin: bool) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (
             SELECT 1 FROM records d
             JOIN records c ON c.org_id = d.org_id AND c.kind = 'candidate' AND c.id = d.candidate_id::text
             WHERE d.org_id = $1 AND d.kind = 'document' AND d.data IS NOT NULL AND d.data ->> 'sha256' = $2
               AND c.data IS NOT NULL AND (d.visible_to IS NULL OR d.visible_to = $3 OR $4))",
    )
    .bind(org)
    .bind(sha256)
    .bind(user)
    .bind(admin)
    .fetch_one(conn)
    .await
}

/// Content a document let go of, in one org (or every org): to look at now.
pub async fn released(conn: &mut PgConnection, org: Option<Uuid>) -> sqlx::Result<Vec<(Uuid, String)>> {
    sqlx::query_as(
        "SELECT org_id, sha256 FROM blobs WHERE released_at IS NOT NULL AND ($1::uuid IS NULL OR org_id = $1)",
    )
    .bind(org)
    .fetch_all(conn)
    .await
}

/// Uploads whose hold ran out: to look at now.
pub async fn expired(conn: &mut PgConnection, now: DateTime<Utc>) -> sqlx::Result<Vec<(Uuid, String)>> {
    sqlx::query_as("SELECT org_id, sha256 FROM blobs WHERE held_until < $1").bind(now).fetch_all(conn).await
}

/// Of the files found on disk for an org, those without a row.
pub async fn unknown(conn: &mut PgConnection, org: Uuid, sha256s: &[String]) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT s FROM unnest($2::text[]) AS s
         WHERE NOT EXISTS (SELECT 1 FROM blobs WHERE org_id = $1 AND sha256 = s)",
    )
    .bind(org)
    .bind(sha256s)
    .fetch_all(conn)
    .await
}

/// Gives a file found without a row one (released, nothing holding it), so it is removed the
/// way any other is. Waits for an upload of the same content that is noting it right now.
pub async fn adopt(conn: &mut PgConnection, org: Uuid, sha256: &str, size: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO blobs (org_id, sha256, size, released_at) SELECT $1, $2, $3, now()
         WHERE EXISTS (SELECT 1 FROM orgs WHERE id = $1)
         ON CONFLICT (org_id, sha256) DO NOTHING",
    )
    .bind(org)
    .bind(sha256)
    .bind(size)
    .execute(conn)
    .await?;
    Ok(())
}

/// What removal decided for one content, with its row locked for the transaction.
#[derive(Debug, PartialEq, Eq)]
pub enum Fate {
    /// No row: nothing to do.
    Gone,
    /// An upload's hold keeps it a while.
    Held,
    /// A live document refers to it.
    Referred,
    /// Nothing holds it: the row is deleted (commit after removing the file).
    Unreferenced,
}

/// Locks the content's row (waiting for a document being written that claims it), then
/// decides in a fresh statement, which sees what that writer committed.
pub async fn settle(conn: &mut PgConnection, org: Uuid, sha256: &str, now: DateTime<Utc>) -> sqlx::Result<Fate> {
    let held: Option<Option<DateTime<Utc>>> =
        sqlx::query_scalar("SELECT held_until FROM blobs WHERE org_id = $1 AND sha256 = $2 FOR UPDATE")
            .bind(org)
            .bind(sha256)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(held_until) = held else { return Ok(Fate::Gone) };
    let referred: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM records
                        WHERE org_id = $1 AND kind = 'document' AND data IS NOT NULL AND data ->> 'sha256' = $2)",
    )
    .bind(org)
    .bind(sha256)
    .fetch_one(&mut *conn)
    .await?;
    let fate = match held_until {
        _ if referred => Fate::Referred,
        Some(until) if until > now => Fate::Held,
        _ => Fate::Unreferenced,
    };
    let sql = match fate {
        Fate::Unreferenced => "DELETE FROM blobs WHERE org_id = $1 AND sha256 = $2",
        // A document holds it now: a hold that outlived its upload is of no use.
        Fate::Referred => "UPDATE blobs SET released_at = NULL, held_until = NULL WHERE org_id = $1 AND sha256 = $2",
        // Looked at again when the hold runs out.
        Fate::Held | Fate::Gone => "UPDATE blobs SET released_at = NULL WHERE org_id = $1 AND sha256 = $2",
    };
    sqlx::query(sql).bind(org).bind(sha256).execute(conn).await?;
    Ok(fate)
}
