//! The history the orgs' versions belong to (migration 0010). Versions count up within one
//! history; a restore starts a new one that carries the backup's versions over. A pull's
//! cursor names its history (none for the first), so a cursor the restore took back in time —
//! later than the backup — is told apart from one of the same number handed out since.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::ServerError;

/// The first history, the same in every installation; its cursors name no history.
pub(crate) const FIRST: Uuid = Uuid::nil();

/// The history versions are counted in now.
pub(crate) async fn current(conn: &mut PgConnection) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "SELECT id FROM sync_histories h WHERE NOT EXISTS (SELECT 1 FROM sync_histories c WHERE c.parent = h.id)",
    )
    .fetch_one(conn)
    .await
}

/// Checks that a cursor at `version` of history `of` leaves nothing of `org` unseen: it names
/// the current history and no version beyond the org's, or an earlier history whose versions
/// up to its own were carried over into the current one. Returns the current history; a
/// cursor from elsewhere is refused with [`ServerError::ResyncNeeded`].
pub(crate) async fn check_cursor(
    conn: &mut PgConnection,
    org: Uuid,
    of: Uuid,
    version: i64,
) -> Result<Uuid, ServerError> {
    // Walks from the current history back through its parents; `carried` is how far each
    // earlier history's versions of the org reach the current one (the least along the way).
    let (current, carried, latest): (Uuid, Option<i64>, i64) = sqlx::query_as(
        "WITH RECURSIVE chain (id, parent, carried) AS (
             SELECT h.id, h.parent, NULL::bigint FROM sync_histories h
             WHERE NOT EXISTS (SELECT 1 FROM sync_histories c WHERE c.parent = h.id)
           UNION ALL
             SELECT p.id, p.parent, LEAST(chain.carried, COALESCE(f.version, 0))
             FROM chain JOIN sync_histories p ON p.id = chain.parent
             LEFT JOIN sync_history_orgs f ON f.history_id = chain.id AND f.org_id = $1
         )
         SELECT (SELECT id FROM chain WHERE carried IS NULL),
                (SELECT carried FROM chain WHERE id = $2),
                (SELECT version FROM orgs WHERE id = $1)",
    )
    .bind(org)
    .bind(of)
    .fetch_one(conn)
    .await?;
    // A history not on the line (another restore's) carried nothing here.
    let reach = if of == current { Some(latest) } else { carried };
    match reach {
        Some(reach) if version <= reach => Ok(current),
        _ => Err(ServerError::ResyncNeeded(
            "this replica has seen changes this server does not have (the server was restored from a backup \
             older than them): load everything again from the server"
                .into(),
        )),
    }
}

/// Starts a new history after a restore, carrying every org's versions over as they are now.
pub(crate) async fn start_after_restore(conn: &mut PgConnection) -> sqlx::Result<Uuid> {
    let parent = current(&mut *conn).await?;
    let id = Uuid::now_v7();
    sqlx::query("INSERT INTO sync_histories (id, parent) VALUES ($1, $2)")
        .bind(id)
        .bind(parent)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO sync_history_orgs (history_id, org_id, version) SELECT $1, id, version FROM orgs")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(id)
}
