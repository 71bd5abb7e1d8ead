//! The check-in lookup's index (migrations/0011_check_in_people.sql): each candidate's folded
//! name words, email and phone digits (`checkin::keys`) in `checkin_people`, written with the
//! candidate's row on every path that writes one and removed with it by cascade; and every
//! key in order in `checkin_keys`, kept in step by triggers (or, during a bulk load, written
//! in order at its end).

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::candidate::Profile;
use uuid::Uuid;

use crate::StoreError;
use crate::checkin::key_list::KeyList;
use crate::checkin::keys;

/// The keys a profile is found by, as `checkin_people` stores them.
pub(crate) fn encoded(p: &Profile) -> Result<String, StoreError> {
    encode(&keys::of_person(&p.first_name, &p.last_name, p.email.as_deref(), p.phone.as_deref()))
}

fn encode(keys: &[String]) -> Result<String, StoreError> {
    Ok(serde_json::to_string(keys)?)
}

fn decode(keys: &str) -> Result<Vec<String>, StoreError> {
    Ok(serde_json::from_str(keys)?)
}

/// Stores a new candidate's keys (made by [`encoded`]).
pub(crate) fn insert(conn: &Connection, cand: i64, keys: &str) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO checkin_people (cand, keys) VALUES (?1, ?2)")?.execute(params![cand, keys])?;
    Ok(())
}

/// Brings `cand`'s keys in line with their profile; most writes (a review, a tag arriving by
/// sync) leave them as they are and write nothing.
pub(crate) fn refresh(conn: &Connection, cand: i64, p: &Profile) -> Result<(), StoreError> {
    let keys = encoded(p)?;
    let stored: Option<String> = conn
        .prepare_cached("SELECT keys FROM checkin_people WHERE cand = ?1")?
        .query_row([cand], |r| r.get(0))
        .optional()?;
    match stored {
        Some(stored) if stored == keys => {}
        // An update, so that the trigger takes the old keys out of the index.
        Some(_) => {
            conn.prepare_cached("UPDATE checkin_people SET keys = ?2 WHERE cand = ?1")?.execute(params![cand, keys])?;
        }
        None => insert(conn, cand, &keys)?,
    }
    Ok(())
}

/// `cand`'s keys, sorted (none if they are not here).
pub(crate) fn of(conn: &Connection, cand: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT keys FROM checkin_people WHERE cand = ?1")?;
    let mut rows = stmt.query([cand])?;
    match rows.next()? {
        Some(r) => decode(&r.get::<_, String>(0)?),
        None => Ok(Vec::new()),
    }
}

/// Defers writing keys in order until [`build`] (a bulk load: inserting a million
/// candidates' keys one by one, in no order, costs several times more than writing them
/// sorted at the end).
pub(crate) fn defer(conn: &Connection) -> Result<(), StoreError> {
    conn.execute("INSERT OR IGNORE INTO checkin_deferred (id) VALUES (1)", [])?;
    Ok(())
}

/// Writes every candidate's keys in order (after [`defer`]) and goes back to writing them as
/// candidates are written.
pub(crate) fn build(conn: &Connection) -> Result<(), StoreError> {
    let mut list = KeyList::default();
    {
        let mut stmt = conn.prepare("SELECT cand, keys FROM checkin_people")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let cand: i64 = r.get(0)?;
            let keys = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            // Borrowed from the row as they are (no escapes), which spares a million small
            // allocations; decoded otherwise.
            match serde_json::from_str::<Vec<&str>>(keys) {
                Ok(keys) => keys.into_iter().for_each(|key| list.push(key, cand)),
                Err(_) => decode(keys)?.iter().for_each(|key| list.push(key, cand)),
            }
        }
    }
    list.sort();
    conn.execute_batch("DELETE FROM checkin_keys")?;
    write_in_order(conn, &list)?;
    conn.execute_batch("DELETE FROM checkin_deferred")?;
    Ok(())
}

/// Inserts the sorted keys, many rows a statement: at millions of rows, stepping a statement
/// per row costs more than SQLite's appending them.
fn write_in_order(conn: &Connection, list: &KeyList) -> Result<(), StoreError> {
    const ROWS: usize = 100;
    let many = format!("INSERT INTO checkin_keys (key, cand) VALUES {}", vec!["(?, ?)"; ROWS].join(", "));
    let mut many = conn.prepare(&many)?;
    let mut one = conn.prepare("INSERT INTO checkin_keys (key, cand) VALUES (?1, ?2)")?;
    let mut keys = list.iter();
    for _ in 0..list.len() / ROWS {
        for (i, (key, cand)) in keys.by_ref().take(ROWS).enumerate() {
            many.raw_bind_parameter(2 * i + 1, key)?;
            many.raw_bind_parameter(2 * i + 2, cand)?;
        }
        many.raw_execute()?;
    }
    for (key, cand) in keys {
        one.execute(params![key, cand])?;
    }
    Ok(())
}

/// Fills the index from every candidate's row (the migration that made it).
pub(crate) fn fill(conn: &Connection) -> Result<(), StoreError> {
    defer(conn)?;
    {
        let mut stmt = conn.prepare("SELECT cand, first_name, last_name, email, phone FROM candidates")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (first, last, email, phone): (String, String, Option<String>, Option<String>) =
                (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            let keys = keys::of_person(&first, &last, email.as_deref(), phone.as_deref());
            insert(conn, r.get(0)?, &encode(&keys)?)?;
        }
    }
    build(conn)
}

/// Calls `each` with the candidate of every key starting with `prefix`, in key order (a
/// candidate once per key), until it returns false.
pub(crate) fn scan(
    conn: &Connection,
    prefix: &str,
    mut each: impl FnMut(i64) -> Result<bool, StoreError>,
) -> Result<(), StoreError> {
    // Every key starting with the prefix sorts below the prefix followed by the last code point.
    let end = format!("{prefix}{}", char::MAX);
    let mut stmt = conn.prepare_cached("SELECT cand FROM checkin_keys WHERE key >= ?1 AND key < ?2")?;
    let mut rows = stmt.query(params![prefix, end])?;
    while let Some(r) = rows.next()? {
        if !each(r.get(0)?)? {
            break;
        }
    }
    Ok(())
}

/// The candidates of the keys starting with `prefix`, in key order (a candidate once per
/// key), or `None` when there are more than `at_most` such keys.
pub(crate) fn cands_of_prefix(conn: &Connection, prefix: &str, at_most: usize) -> Result<Option<Vec<i64>>, StoreError> {
    let mut cands = Vec::new();
    scan(conn, prefix, |cand| {
        cands.push(cand);
        Ok(cands.len() <= at_most)
    })?;
    Ok((cands.len() <= at_most).then_some(cands))
}

/// The candidates with exactly this key.
pub(crate) fn with_key(conn: &Connection, key: &str) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT cand FROM checkin_keys WHERE key = ?1")?;
    Ok(stmt.query_map([key], |r| r.get(0))?.collect::<Result<_, _>>()?)
}

/// An event's member with their keys.
pub(crate) struct Member {
    pub cand: i64,
    pub attended: bool,
    pub keys: Vec<String>,
}

/// Everyone on the event's list, with their keys.
pub(crate) fn members(conn: &Connection, event: Uuid) -> Result<Vec<Member>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.cand, m.attended, p.keys
         FROM event_members m JOIN checkin_people p ON p.cand = m.cand
         WHERE m.event_id = ?1",
    )?;
    let mut rows = stmt.query([event.to_string()])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let keys = decode(&r.get::<_, String>(2)?)?;
        out.push(Member { cand: r.get(0)?, attended: r.get(1)?, keys });
    }
    Ok(out)
}
