//! This client's identity: its id (the server numbers mutations per client) and the next
//! outbox sequence number.

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use crate::StoreError;
use crate::codec::uuid;

pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.query_row("SELECT value FROM client_state WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

pub(crate) fn set(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO client_state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
        params![key, value],
    )?;
    Ok(())
}

/// The id this client pushes under, created on first use.
pub(crate) fn client_id(conn: &Connection) -> Result<Uuid, StoreError> {
    match get(conn, "client_id")? {
        Some(id) => uuid(&id),
        None => {
            let id = talentdesk_domain::new_id();
            set(conn, "client_id", &id.to_string())?;
            Ok(id)
        }
    }
}

/// Starts pushing under a new id (the old one turned out to be shared with a copy of this
/// replica). Local sequence numbers go on; the server numbers the new id's mutations from 1,
/// so the offset between the two is kept: the first waiting mutation is the new id's 1.
pub(crate) fn restart(conn: &Connection, first_waiting: i64) -> Result<(Uuid, i64), StoreError> {
    let id = talentdesk_domain::new_id();
    let base = first_waiting - 1;
    set(conn, "client_id", &id.to_string())?;
    set(conn, "seq_base", &base.to_string())?;
    Ok((id, base))
}

/// What to subtract from a local sequence number to get the one the server knows it by
/// (0 until the client id was restarted).
pub(crate) fn seq_base(conn: &Connection) -> Result<i64, StoreError> {
    get(conn, "seq_base")?.map_or(Ok(0), |s| s.parse::<i64>().map_err(|e| StoreError::Corrupt(e.to_string())))
}

/// The highest sequence number taken so far (0 before the first).
pub(crate) fn last_taken_seq(conn: &Connection) -> Result<i64, StoreError> {
    get(conn, "next_seq")?
        .map_or(Ok(0), |s| s.parse::<i64>().map(|n| n - 1).map_err(|e| StoreError::Corrupt(e.to_string())))
}

/// Takes the next sequence number (1, 2, 3, ...). Never reused, even after the outbox drains.
pub(crate) fn take_seq(conn: &Connection) -> Result<i64, StoreError> {
    let next =
        get(conn, "next_seq")?.map_or(Ok(1), |s| s.parse::<i64>().map_err(|e| StoreError::Corrupt(e.to_string())))?;
    set(conn, "next_seq", &(next + 1).to_string())?;
    Ok(next)
}

pub(crate) fn remove(conn: &Connection, key: &str) -> Result<(), StoreError> {
    conn.execute("DELETE FROM client_state WHERE key = ?1", [key])?;
    Ok(())
}
