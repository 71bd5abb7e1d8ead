//! Events and their members: who registered, who came (when, checked in by whom), walk-ins,
//! interests, ratings, and each member's check-in code, written with the row.

use rusqlite::{Connection, OptionalExtension, Row, params};
use talentdesk_domain::DomainError;
use talentdesk_domain::aggregate::EventMember;
use talentdesk_domain::event::{self, Event};
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{from_name, millis, name_of, time, uuid};
use crate::tables::candidates;

const EVENT: &str = "id, name, category, starts_at, location, capacity, description, archived, code_key";

/// Stores the event, replacing an earlier version of it (its members stay; their codes follow
/// a changed key, and members written before the event came get theirs).
pub(crate) fn put(conn: &Connection, e: &Event) -> Result<(), StoreError> {
    let key_before = key_of(conn, e.id)?;
    conn.prepare_cached(&format!(
        "INSERT INTO events ({EVENT}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET name = ?2, category = ?3, starts_at = ?4, location = ?5, capacity = ?6,
             description = ?7, archived = ?8, code_key = ?9"
    ))?
    .execute(params![
        e.id.to_string(),
        e.name,
        name_of(&e.category),
        millis(e.starts_at),
        e.location,
        e.capacity,
        e.description,
        e.archived,
        e.code_key
    ])?;
    // A snapshot delivers candidates (with their memberships) before events.
    if key_before.is_none_or(|key| key != e.code_key) {
        refresh_codes(conn, e)?;
    }
    Ok(())
}

fn decode(r: &Row) -> Result<Event, StoreError> {
    Ok(Event {
        id: uuid(&r.get::<_, String>(0)?)?,
        name: r.get(1)?,
        category: from_name(&r.get::<_, String>(2)?)?,
        starts_at: time(r.get(3)?),
        location: r.get(4)?,
        capacity: r.get(5)?,
        description: r.get(6)?,
        archived: r.get(7)?,
        code_key: r.get(8)?,
    })
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Event, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {EVENT} FROM events WHERE id = ?1"))?;
    let mut rows = stmt.query([id.to_string()])?;
    match rows.next()? {
        Some(r) => decode(r),
        None => Err(DomainError::not_found("event", id).into()),
    }
}

/// Every event, latest first.
pub(crate) fn all(conn: &Connection) -> Result<Vec<Event>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {EVENT} FROM events ORDER BY starts_at DESC"))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(decode(r)?);
    }
    Ok(out)
}

fn key_of(conn: &Connection, id: Uuid) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT code_key FROM events WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?)
}

/// The columns of `event_members` an [`EventMember`] sets, in the order [`member_from`] reads
/// them.
pub(crate) const MEMBER: &str =
    "event_id, registered, registered_at, registered_via, attended, checked_in_at, checked_in_by,
    walk_in, follow_up, interests, ratings";

/// A membership from a row holding [`MEMBER`]'s columns from column `first` on.
pub(crate) fn member_from(r: &Row, first: usize) -> Result<EventMember, StoreError> {
    let via: Option<String> = r.get(first + 3)?;
    Ok(EventMember {
        event_id: uuid(&r.get::<_, String>(first)?)?,
        registered: r.get(first + 1)?,
        registered_at: r.get::<_, Option<i64>>(first + 2)?.map(time),
        registered_via: via.as_deref().map(from_name).transpose()?,
        attended: r.get(first + 4)?,
        checked_in_at: r.get::<_, Option<i64>>(first + 5)?.map(time),
        checked_in_by: r.get(first + 6)?,
        walk_in: r.get(first + 7)?,
        follow_up: r.get(first + 8)?,
        interests: serde_json::from_str(&r.get::<_, String>(first + 9)?)?,
        ratings: serde_json::from_str(&r.get::<_, String>(first + 10)?)?,
    })
}

/// The candidate's membership of the event, if they are on its list.
pub(crate) fn member_of(conn: &Connection, event: Uuid, cand: i64) -> Result<Option<EventMember>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {MEMBER} FROM event_members WHERE event_id = ?1 AND cand = ?2"))?;
    let mut rows = stmt.query(params![event.to_string(), cand])?;
    rows.next()?.map(|r| member_from(r, 0)).transpose()
}

/// Stores a membership, new or changed, with the candidate's check-in code at the event.
pub(crate) fn put_member(conn: &Connection, cand: i64, m: &EventMember) -> Result<(), StoreError> {
    put_member_of(conn, cand, candidates::id_of(conn, cand)?, m)
}

fn put_member_of(conn: &Connection, cand: i64, candidate_id: Uuid, m: &EventMember) -> Result<(), StoreError> {
    // An event not here yet (a snapshot sends it after its members) sets the code when it comes.
    let code = match get(conn, m.event_id) {
        Ok(e) => event::check_in_code(&e, candidate_id),
        Err(StoreError::Domain(DomainError::NotFound { .. })) => String::new(),
        Err(e) => return Err(e),
    };
    conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO event_members (cand, code, {MEMBER})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    ))?
    .execute(params![
        cand,
        code,
        m.event_id.to_string(),
        m.registered,
        m.registered_at.map(millis),
        m.registered_via.as_ref().map(name_of),
        m.attended,
        m.checked_in_at.map(millis),
        m.checked_in_by,
        m.walk_in,
        m.follow_up,
        serde_json::to_string(&m.interests)?,
        serde_json::to_string(&m.ratings)?,
    ])?;
    Ok(())
}

pub(crate) fn remove_member(conn: &Connection, event: Uuid, cand: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM event_members WHERE event_id = ?1 AND cand = ?2")?
        .execute(params![event.to_string(), cand])?;
    Ok(())
}

/// A candidate's event memberships.
pub(crate) fn of(conn: &Connection, cand: i64) -> Result<Vec<EventMember>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {MEMBER} FROM event_members WHERE cand = ?1 ORDER BY event_id"))?;
    let mut rows = stmt.query([cand])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(member_from(r, 0)?);
    }
    Ok(out)
}

/// A candidate's check-in code at the event, if they are on its list.
pub(crate) fn code_of(conn: &Connection, event: Uuid, cand: i64) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT code FROM event_members WHERE event_id = ?1 AND cand = ?2")?
        .query_row(params![event.to_string(), cand], |r| r.get(0))
        .optional()?)
}

/// Adds candidate `candidate_id`'s memberships as they are (a new candidate's, or after
/// [`clear_of`]); their events must be here.
pub(crate) fn insert_of(
    conn: &Connection,
    cand: i64,
    candidate_id: Uuid,
    members: &[EventMember],
) -> Result<(), StoreError> {
    for m in members {
        put_member_of(conn, cand, candidate_id, m)?;
    }
    Ok(())
}

pub(crate) fn clear_of(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM event_members WHERE cand = ?1")?.execute([cand])?;
    Ok(())
}

pub(crate) fn exists(conn: &Connection, id: Uuid) -> Result<bool, StoreError> {
    Ok(conn.prepare_cached("SELECT 1 FROM events WHERE id = ?1")?.exists([id.to_string()])?)
}

pub(crate) fn delete(conn: &Connection, id: Uuid) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM events WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}

/// Works out the check-in codes of the event's members again (its key changed).
fn refresh_codes(conn: &Connection, e: &Event) -> Result<(), StoreError> {
    let members: Vec<(i64, String)> = conn
        .prepare_cached(
            "SELECT m.cand, c.id FROM event_members m JOIN candidates c ON c.cand = m.cand WHERE m.event_id = ?1",
        )?
        .query_map([e.id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut set = conn.prepare_cached("UPDATE event_members SET code = ?3 WHERE event_id = ?1 AND cand = ?2")?;
    for (cand, id) in members {
        set.execute(params![e.id.to_string(), cand, event::check_in_code(e, uuid(&id)?)])?;
    }
    Ok(())
}

/// The codes of every membership written before codes existed (a migration step).
pub(crate) fn fill_codes(conn: &Connection) -> Result<(), StoreError> {
    for e in all(conn)? {
        refresh_codes(conn, &e)?;
    }
    Ok(())
}
