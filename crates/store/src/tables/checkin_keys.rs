//! The check-in lookup's index (migrations/0011_check_in_people.sql): each candidate's folded
//! name words, email and phone digits (`checkin::keys`) in `checkin_people`, written with the
//! candidate's row on every path that writes one and removed with it by cascade; and every
//! key in order in `checkin_keys`, kept in step by triggers (or, during a bulk load, written
//! in order at its end).

use rusqlite::{Connection, params};
use talentdesk_domain::candidate::Profile;
use uuid::Uuid;

use crate::StoreError;
use crate::checkin::keys;
use crate::tables::person_keys::{KeyTables, decode, encode};

/// The index's tables (kept as every [`KeyTables`] index is).
pub(crate) const TABLES: KeyTables =
    KeyTables { people: "checkin_people", keys: "checkin_keys", deferred: "checkin_deferred" };

/// The keys a profile is found by, as `checkin_people` stores them.
pub(crate) fn encoded(p: &Profile) -> Result<String, StoreError> {
    encode(&keys::of_person(&p.first_name, &p.last_name, p.email.as_deref(), p.phone.as_deref()))
}

/// Brings `cand`'s keys in line with their profile.
pub(crate) fn refresh(conn: &Connection, cand: i64, p: &Profile) -> Result<(), StoreError> {
    TABLES.refresh(conn, cand, &encoded(p)?)
}

/// `cand`'s keys, sorted (none if they are not here).
pub(crate) fn of(conn: &Connection, cand: i64) -> Result<Vec<String>, StoreError> {
    TABLES.of(conn, cand)
}

/// Fills the index from every candidate's row (the migration that made it).
pub(crate) fn fill(conn: &Connection) -> Result<(), StoreError> {
    TABLES.fill(conn, "SELECT cand, first_name, last_name, email, phone FROM candidates", |r| {
        let (first, last, email, phone): (String, String, Option<String>, Option<String>) =
            (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        Ok(keys::of_person(&first, &last, email.as_deref(), phone.as_deref()))
    })
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
