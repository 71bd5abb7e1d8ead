//! Events and who registered for or attended them.

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::DomainError;
use talentdesk_domain::aggregate::EventMember;
use talentdesk_domain::event::Event;
use uuid::Uuid;

use crate::StoreError;
use crate::codec::{from_name, millis, name_of, time, uuid};

/// Stores the event, replacing an earlier version of it (its members stay).
pub(crate) fn put(conn: &Connection, e: &Event) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO events (id, name, category, starts_at, location) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET name = ?2, category = ?3, starts_at = ?4, location = ?5",
    )?
    .execute(params![e.id.to_string(), e.name, name_of(&e.category), millis(e.starts_at), e.location])?;
    Ok(())
}

type RawEvent = (String, String, String, i64, String);

fn decode((id, name, category, starts_at, location): RawEvent) -> Result<Event, StoreError> {
    Ok(Event { id: uuid(&id)?, name, category: from_name(&category)?, starts_at: time(starts_at), location })
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Event, StoreError> {
    let raw = conn
        .prepare_cached("SELECT id, name, category, starts_at, location FROM events WHERE id = ?1")?
        .query_row([id.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .optional()?
        .ok_or_else(|| DomainError::not_found("event", id))?;
    decode(raw)
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<Event>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, category, starts_at, location FROM events ORDER BY starts_at DESC")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<Result<Vec<RawEvent>, _>>()?;
    rows.into_iter().map(decode).collect()
}

/// Adds candidates to an event; `attended` marks them as having come. Existing members keep
/// their registration and gain attendance if `attended`.
pub(crate) fn add(conn: &Connection, event: Uuid, cands: &[i64], attended: bool) -> Result<u64, StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO event_members (event_id, cand, registered, attended) VALUES (?1, ?2, 0, ?3)
         ON CONFLICT (event_id, cand) DO UPDATE SET attended = max(attended, ?3)",
    )?;
    let id = event.to_string();
    let mut n = 0;
    for cand in cands {
        n += stmt.execute(params![id, cand, attended])? as u64;
    }
    Ok(n)
}

pub(crate) fn rate(conn: &Connection, event: Uuid, cand: i64, rating: u8) -> Result<(), StoreError> {
    let changed = conn
        .prepare_cached("UPDATE event_members SET rating = ?3 WHERE event_id = ?1 AND cand = ?2")?
        .execute(params![event.to_string(), cand, rating])?;
    if changed == 0 {
        return Err(DomainError::invalid("event", "the candidate is not on this event's list").into());
    }
    Ok(())
}

/// A candidate's event memberships.
pub(crate) fn of(conn: &Connection, cand: i64) -> Result<Vec<EventMember>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT event_id, registered, attended, rating FROM event_members WHERE cand = ?1 ORDER BY event_id",
    )?;
    let rows = stmt
        .query_map([cand], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(e, registered, attended, rating)| Ok(EventMember { event_id: uuid(&e)?, registered, attended, rating }))
        .collect()
}

/// Adds a candidate's memberships as they are (a new candidate's, or after [`clear_of`]).
pub(crate) fn insert_of(conn: &Connection, cand: i64, members: &[EventMember]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO event_members (event_id, cand, registered, attended, rating) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for m in members {
        stmt.execute(params![m.event_id.to_string(), cand, m.registered, m.attended, m.rating])?;
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

/// (registered, attended) counts.
pub(crate) fn counts(conn: &Connection, event: Uuid) -> Result<(u64, u64), StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FILTER (WHERE registered = 1), count(*) FILTER (WHERE attended = 1)
             FROM event_members WHERE event_id = ?1",
        )?
        .query_row([event.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// One candidate on an event's list.
pub(crate) struct Attendance {
    pub cand: i64,
    pub registered: bool,
    pub attended: bool,
    pub rating: Option<u8>,
}

/// Everyone on the event's list, those who came first.
pub(crate) fn members(conn: &Connection, event: Uuid, limit: u32, offset: u32) -> Result<Vec<Attendance>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT cand, registered, attended, rating FROM event_members WHERE event_id = ?1
         ORDER BY attended DESC, cand LIMIT ?2 OFFSET ?3",
    )?;
    Ok(stmt
        .query_map(params![event.to_string(), limit, offset], |r| {
            Ok(Attendance { cand: r.get(0)?, registered: r.get(1)?, attended: r.get(2)?, rating: r.get(3)? })
        })?
        .collect::<Result<_, _>>()?)
}
