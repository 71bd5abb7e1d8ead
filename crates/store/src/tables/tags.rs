//! Tags: the organisation's list (`tags`) and which candidates carry which (`candidate_tags`).

use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;
use crate::codec::fold;
use crate::tables::each_changed;

/// The id of the tag called `name` (case-insensitively), creating it if needed.
pub(crate) fn ensure(conn: &Connection, name: &str) -> Result<i64, StoreError> {
    if let Some(id) = find(conn, name)? {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO tags (name) VALUES (?1)")?.execute([name])?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn find(conn: &Connection, name: &str) -> Result<Option<i64>, StoreError> {
    Ok(find_listed(conn, name)?.map(|(tag, _)| tag))
}

/// The tag called `name` and whether it is on the tags list.
pub(crate) fn find_listed(conn: &Connection, name: &str) -> Result<Option<(i64, bool)>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT tag, listed FROM tags WHERE name = ?1")?
        .query_row([name], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

pub(crate) fn set_listed(conn: &Connection, tag: i64, listed: bool) -> Result<(), StoreError> {
    conn.prepare_cached("UPDATE tags SET listed = ?2 WHERE tag = ?1")?.execute(params![tag, listed])?;
    Ok(())
}

/// Removes the tag everywhere.
pub(crate) fn delete(conn: &Connection, tag: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM tags WHERE tag = ?1")?.execute([tag])?;
    Ok(())
}

/// Tags `cands` (already tagged ones are left as they are); returns how many were added.
/// Tags the candidates; returns those that did not have the tag.
pub(crate) fn add(conn: &Connection, tag: i64, cands: &[i64]) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("INSERT OR IGNORE INTO candidate_tags (tag, cand) VALUES (?1, ?2)")?;
    each_changed(cands, |cand| stmt.execute(params![tag, cand]))
}

/// Takes the tag off the candidates; returns those that had it.
pub(crate) fn remove(conn: &Connection, tag: i64, cands: &[i64]) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("DELETE FROM candidate_tags WHERE tag = ?1 AND cand = ?2")?;
    each_changed(cands, |cand| stmt.execute(params![tag, cand]))
}

/// Takes every tag off a candidate.
pub(crate) fn clear_of(conn: &Connection, cand: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM candidate_tags WHERE cand = ?1")?.execute([cand])?;
    Ok(())
}

/// The candidates carrying the tag.
pub(crate) fn carriers(conn: &Connection, tag: i64) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT cand FROM candidate_tags WHERE tag = ?1")?;
    Ok(stmt.query_map([tag], |r| r.get(0))?.collect::<Result<_, _>>()?)
}

/// A candidate's tags, by name.
pub(crate) fn of(conn: &Connection, cand: i64) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name FROM candidate_tags ct JOIN tags t ON t.tag = ct.tag WHERE ct.cand = ?1 ORDER BY t.name",
    )?;
    Ok(stmt.query_map([cand], |r| r.get(0))?.collect::<Result<_, _>>()?)
}

#[derive(Debug, Clone)]
pub(crate) struct TagName {
    pub id: i64,
    pub name: String,
    pub listed: bool,
}

pub(crate) fn all(conn: &Connection) -> Result<Vec<TagName>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT tag, name, listed FROM tags ORDER BY name")?;
    Ok(stmt
        .query_map([], |r| Ok(TagName { id: r.get(0)?, name: r.get(1)?, listed: r.get(2)? }))?
        .collect::<Result<_, _>>()?)
}

/// Tags whose name a keyword matches: a word matches tags with a word starting with it, a
/// phrase tags containing it (both ignoring case and accents).
pub(crate) fn matching(all: &[TagName], word: &str, phrase: bool) -> Vec<i64> {
    let needle = fold(word);
    all.iter()
        .filter(|t| {
            let name = fold(&t.name);
            if phrase {
                name.contains(&needle)
            } else {
                name.split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#').any(|w| w.starts_with(&needle))
                    || name.starts_with(&needle)
            }
        })
        .map(|t| t.id)
        .collect()
}
