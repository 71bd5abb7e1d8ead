//! Recruiter notes.

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::note::Note;
use talentdesk_domain::{DomainError, Timestamp};
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{millis, time, uuid};
use crate::tables::candidates;

pub(crate) fn insert(conn: &Connection, note: &Note, cand: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO notes (id, cand, author_id, body, private, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        note.id.to_string(),
        cand,
        note.author_id.to_string(),
        note.body,
        note.private,
        millis(note.created_at),
        millis(note.updated_at)
    ])?;
    Ok(())
}

pub(crate) fn update(conn: &Connection, id: Uuid, body: &str, private: bool, at: Timestamp) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE notes SET body = ?2, private = ?3, updated_at = ?4 WHERE id = ?1")?
        .execute(params![id.to_string(), body, private, millis(at)])?;
    Ok(())
}

pub(crate) fn delete(conn: &Connection, id: Uuid) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM notes WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}

type RawNote = (String, i64, String, String, bool, i64, i64);

fn decode(conn: &Connection, (id, cand, author, body, private, created, updated): RawNote) -> Result<Note, StoreError> {
    Ok(Note {
        id: uuid(&id)?,
        candidate_id: candidates::id_of(conn, cand)?,
        author_id: uuid(&author)?,
        body,
        private,
        created_at: time(created),
        updated_at: time(updated),
    })
}

const COLUMNS: &str = "id, cand, author_id, body, private, created_at, updated_at";

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Note, StoreError> {
    let raw = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM notes WHERE id = ?1"))?
        .query_row([id.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
        })
        .optional()?
        .ok_or_else(|| DomainError::not_found("note", id))?;
    decode(conn, raw)
}

/// A candidate's notes, newest first.
pub(crate) fn of(conn: &Connection, cand: i64) -> Result<Vec<Note>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM notes WHERE cand = ?1 ORDER BY created_at DESC"))?;
    let rows = stmt
        .query_map([cand], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))?
        .collect::<Result<Vec<RawNote>, _>>()?;
    rows.into_iter().map(|raw| decode(conn, raw)).collect()
}
