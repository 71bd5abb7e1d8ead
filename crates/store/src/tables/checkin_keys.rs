//! `checkin_keys`: the check-in lookup's index (migrations/0010_check_in_lookup.sql), each
//! candidate's folded name words, email and phone digits (`checkin::keys`). Written with the
//! candidate's row on every path that writes one; removed with it by cascade.

use rusqlite::{Connection, params};
use talentdesk_domain::candidate::Profile;
use uuid::Uuid;

use crate::StoreError;
use crate::checkin::keys;

/// The keys a profile is found by.
pub(crate) fn of_profile(p: &Profile) -> Vec<String> {
    keys::of_person(&p.first_name, &p.last_name, p.email.as_deref(), p.phone.as_deref())
}

/// Adds the keys of a new candidate.
pub(crate) fn insert(conn: &Connection, cand: i64, keys: &[String]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached("INSERT OR IGNORE INTO checkin_keys (cand, key) VALUES (?1, ?2)")?;
    for key in keys {
        stmt.execute(params![cand, key])?;
    }
    Ok(())
}

/// Brings `cand`'s keys in line with their profile; most writes (a review, a tag arriving by
/// sync) leave them as they are and write nothing.
pub(crate) fn refresh(conn: &Connection, cand: i64, p: &Profile) -> Result<(), StoreError> {
    let keys = of_profile(p);
    if of(conn, cand)? != keys {
        conn.prepare_cached("DELETE FROM checkin_keys WHERE cand = ?1")?.execute([cand])?;
        insert(conn, cand, &keys)?;
    }
    Ok(())
}

/// `cand`'s keys, sorted.
pub(crate) fn of(conn: &Connection, cand: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT key FROM checkin_keys WHERE cand = ?1 ORDER BY key")?;
    Ok(stmt.query_map([cand], |r| r.get(0))?.collect::<Result<_, _>>()?)
}

/// Fills the index from every candidate's row (the migration that made it).
pub(crate) fn fill(conn: &Connection) -> Result<(), StoreError> {
    let mut stmt = conn.prepare("SELECT cand, first_name, last_name, email, phone FROM candidates ORDER BY cand")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (first, last, email, phone): (String, String, Option<String>, Option<String>) =
            (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        insert(conn, r.get(0)?, &keys::of_person(&first, &last, email.as_deref(), phone.as_deref()))?;
    }
    Ok(())
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

/// An event's member with what the lookup ranks them by.
pub(crate) struct Member {
    pub cand: i64,
    pub attended: bool,
    pub name_key: String,
    pub keys: Vec<String>,
}

/// Everyone on the event's list, with their keys.
pub(crate) fn members(conn: &Connection, event: Uuid) -> Result<Vec<Member>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.cand, m.attended, c.name_key, k.key
         FROM event_members m
         JOIN candidates c ON c.cand = m.cand
         JOIN checkin_keys k ON k.cand = m.cand
         WHERE m.event_id = ?1
         ORDER BY m.cand",
    )?;
    let mut rows = stmt.query([event.to_string()])?;
    let mut out: Vec<Member> = Vec::new();
    while let Some(r) = rows.next()? {
        let cand: i64 = r.get(0)?;
        let key: String = r.get(3)?;
        match out.last_mut() {
            Some(m) if m.cand == cand => m.keys.push(key),
            _ => out.push(Member { cand, attended: r.get(1)?, name_key: r.get(2)?, keys: vec![key] }),
        }
    }
    Ok(out)
}
