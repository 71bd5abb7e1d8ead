//! Saved searches (their JSON, as they sync) and the news each heard on this desktop.

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::saved_search::SavedSearch;
use uuid::Uuid;

use crate::StoreError;
use crate::codec::millis;

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Option<SavedSearch>, StoreError> {
    raw(conn, &id.to_string())?.map(|json| Ok(serde_json::from_str(&json)?)).transpose()
}

/// Its stored JSON, by the id as text (how a pulled record names it).
pub(crate) fn raw(conn: &Connection, id: &str) -> Result<Option<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT data FROM saved_searches WHERE id = ?1")?;
    Ok(stmt.query_row([id], |r| r.get(0)).optional()?)
}

/// Stores it over the one with its id; the news it heard here stays.
pub(crate) fn put(conn: &Connection, search: &SavedSearch) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO saved_searches (id, name, watch, data) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET name = ?2, watch = ?3, data = ?4",
    )?
    .execute(params![search.id.to_string(), search.name, search.watch, serde_json::to_string(search)?])?;
    Ok(())
}

/// Removes it; its news stays, for a rebase that puts it back (see [`forget_news`]).
pub(crate) fn delete(conn: &Connection, id: &str) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM saved_searches WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// Forgets what the saved search heard here: the user deleted it.
pub(crate) fn forget_news(conn: &Connection, id: Uuid) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM saved_search_news WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}

/// Every saved search here by name, with the new matches it heard since it was opened.
pub(crate) fn all(conn: &Connection) -> Result<Vec<(SavedSearch, u32)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.data, ifnull(n.new_matches, 0) FROM saved_searches s LEFT JOIN saved_search_news n USING (id)
         ORDER BY s.name COLLATE NOCASE, s.id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    rows.map(|row| {
        let (json, news) = row?;
        Ok((serde_json::from_str(&json)?, news))
    })
    .collect()
}

/// The saved searches that watch for new matches.
pub(crate) fn watching(conn: &Connection) -> Result<Vec<SavedSearch>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT data FROM saved_searches WHERE watch = 1 ORDER BY id")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.map(|json| Ok(serde_json::from_str(&json?)?)).collect()
}

/// Adds `count` new matches to what the saved search heard.
pub(crate) fn add_news(conn: &Connection, id: Uuid, count: u32) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO saved_search_news (id, new_matches) VALUES (?1, ?2)
         ON CONFLICT (id) DO UPDATE SET new_matches = new_matches + ?2",
    )?
    .execute(params![id.to_string(), count])?;
    Ok(())
}

/// The saved search was opened now: what it heard is read. False when it is not here.
pub(crate) fn opened(conn: &Connection, id: Uuid) -> Result<bool, StoreError> {
    if get(conn, id)?.is_none() {
        return Ok(false);
    }
    conn.prepare_cached(
        "INSERT INTO saved_search_news (id, new_matches, opened_at) VALUES (?1, 0, ?2)
         ON CONFLICT (id) DO UPDATE SET new_matches = 0, opened_at = ?2",
    )?
    .execute(params![id.to_string(), millis(chrono::Utc::now())])?;
    Ok(true)
}

pub(crate) fn ids(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT id FROM saved_searches")?;
    Ok(stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?)
}
