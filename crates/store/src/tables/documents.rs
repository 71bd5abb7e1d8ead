//! Documents attached to candidates (the records; the bytes live in the blob folder).

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::DomainError;
use talentdesk_domain::document::Document;
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{from_name, millis, name_of, time, uuid};
use crate::tables::blob_orphans;

pub(crate) fn insert(conn: &Connection, d: &Document, cand: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO documents (id, cand, name, kind, sha256, size, uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        d.id.to_string(),
        cand,
        d.name,
        name_of(&d.kind),
        d.sha256,
        d.size,
        millis(d.uploaded_at)
    ])?;
    Ok(())
}

/// Deletes the record and returns the candidate it belonged to.
pub(crate) fn delete(conn: &Connection, id: Uuid) -> Result<i64, StoreError> {
    let cand: i64 = conn
        .prepare_cached("SELECT cand FROM documents WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?
        .ok_or_else(|| DomainError::not_found("document", id))?;
    let sha256: String = conn
        .prepare_cached("DELETE FROM documents WHERE id = ?1 RETURNING sha256")?
        .query_row([id.to_string()], |r| r.get(0))?;
    blob_orphans::add(conn, &sha256)?;
    Ok(cand)
}

/// Whether any document has the bytes with this hash.
pub(crate) fn has_content(conn: &Connection, sha256: &str) -> Result<bool, StoreError> {
    Ok(conn.prepare_cached("SELECT 1 FROM documents WHERE sha256 = ?1")?.exists([sha256])?)
}

pub(crate) fn of(conn: &Connection, cand: i64, candidate_id: Uuid) -> Result<Vec<Document>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, kind, sha256, size, uploaded_at FROM documents WHERE cand = ?1 ORDER BY uploaded_at DESC",
    )?;
    let rows = stmt
        .query_map([cand], |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?, r.get(4)?, r.get::<_, i64>(5)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(id, name, kind, sha256, size, at)| {
            Ok(Document {
                id: uuid(&id)?,
                candidate_id,
                name,
                kind: from_name(&kind)?,
                sha256,
                size,
                uploaded_at: time(at),
            })
        })
        .collect()
}

/// The candidate row a document belongs to, if the document is here.
pub(crate) fn cand_of(conn: &Connection, id: Uuid) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT cand FROM documents WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?)
}
