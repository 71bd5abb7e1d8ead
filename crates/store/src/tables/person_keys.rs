//! A lookup index of text keys per candidate, kept as the check-in lookup
//! (migrations/0011_check_in_people.sql) and the duplicate finder
//! (migrations/0018_dedupe_keys.sql) keep theirs: each candidate's keys as a JSON array in a
//! row of a "people" table, written with the candidate's row on every path that writes one
//! and removed with it by cascade; and every key with its candidate in key order in a
//! WITHOUT ROWID "keys" table that triggers keep in step with the people rows, or that a
//! bulk load, while the "deferred" table holds a row, writes in order at its end.

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::StoreError;
use crate::checkin::key_list::KeyList;

/// The three tables of one index.
pub(crate) struct KeyTables {
    /// `(cand INTEGER PRIMARY KEY, keys TEXT)`: each candidate's keys, JSON.
    pub people: &'static str,
    /// `(key TEXT, cand INTEGER, PRIMARY KEY (key, cand)) WITHOUT ROWID`.
    pub keys: &'static str,
    /// One row while a bulk load defers the keys table.
    pub deferred: &'static str,
}

pub(crate) fn encode(keys: &[String]) -> Result<String, StoreError> {
    Ok(serde_json::to_string(keys)?)
}

pub(crate) fn decode(keys: &str) -> Result<Vec<String>, StoreError> {
    Ok(serde_json::from_str(keys)?)
}

impl KeyTables {
    /// Stores a new candidate's keys (made by [`encode`]).
    pub(crate) fn insert(&self, conn: &Connection, cand: i64, keys: &str) -> Result<(), StoreError> {
        conn.prepare_cached(&format!("INSERT INTO {} (cand, keys) VALUES (?1, ?2)", self.people))?
            .execute(params![cand, keys])?;
        Ok(())
    }

    /// Brings `cand`'s keys in line with `keys` (encoded); most writes (a review, a tag
    /// arriving by sync) leave them as they are and write nothing.
    pub(crate) fn refresh(&self, conn: &Connection, cand: i64, keys: &str) -> Result<(), StoreError> {
        let stored: Option<String> = conn
            .prepare_cached(&format!("SELECT keys FROM {} WHERE cand = ?1", self.people))?
            .query_row([cand], |r| r.get(0))
            .optional()?;
        match stored {
            Some(stored) if stored == keys => {}
            // An update, so that the trigger takes the old keys out of the index.
            Some(_) => {
                conn.prepare_cached(&format!("UPDATE {} SET keys = ?2 WHERE cand = ?1", self.people))?
                    .execute(params![cand, keys])?;
            }
            None => self.insert(conn, cand, keys)?,
        }
        Ok(())
    }

    /// `cand`'s keys as stored (none if they are not here).
    pub(crate) fn of(&self, conn: &Connection, cand: i64) -> Result<Vec<String>, StoreError> {
        let mut stmt = conn.prepare_cached(&format!("SELECT keys FROM {} WHERE cand = ?1", self.people))?;
        let mut rows = stmt.query([cand])?;
        match rows.next()? {
            Some(r) => decode(&r.get::<_, String>(0)?),
            None => Ok(Vec::new()),
        }
    }

    /// Defers writing keys in order until [`KeyTables::build`] (a bulk load: inserting a
    /// million candidates' keys one by one, in no order, costs several times more than
    /// writing them sorted at the end).
    pub(crate) fn defer(&self, conn: &Connection) -> Result<(), StoreError> {
        conn.execute(&format!("INSERT OR IGNORE INTO {} (id) VALUES (1)", self.deferred), [])?;
        Ok(())
    }

    /// Writes every candidate's keys in order (after [`KeyTables::defer`]) and goes back to
    /// writing them as candidates are written.
    pub(crate) fn build(&self, conn: &Connection) -> Result<(), StoreError> {
        let mut list = KeyList::default();
        {
            let mut stmt = conn.prepare(&format!("SELECT cand, keys FROM {}", self.people))?;
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
        conn.execute_batch(&format!("DELETE FROM {}", self.keys))?;
        self.write_in_order(conn, &list)?;
        conn.execute_batch(&format!("DELETE FROM {}", self.deferred))?;
        Ok(())
    }

    /// Inserts the sorted keys, many rows a statement: at millions of rows, stepping a
    /// statement per row costs more than SQLite's appending them.
    fn write_in_order(&self, conn: &Connection, list: &KeyList) -> Result<(), StoreError> {
        const ROWS: usize = 100;
        let insert = format!("INSERT INTO {} (key, cand) VALUES", self.keys);
        let mut many = conn.prepare(&format!("{insert} {}", vec!["(?, ?)"; ROWS].join(", ")))?;
        let mut one = conn.prepare(&format!("{insert} (?1, ?2)"))?;
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

    /// Fills the index for every candidate (the migration that made it): `select` reads
    /// candidates with their row number first, `keys_of` makes a row's keys.
    pub(crate) fn fill(
        &self,
        conn: &Connection,
        select: &str,
        mut keys_of: impl FnMut(&Row) -> Result<Vec<String>, StoreError>,
    ) -> Result<(), StoreError> {
        self.defer(conn)?;
        {
            let mut stmt = conn.prepare(select)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                self.insert(conn, r.get(0)?, &encode(&keys_of(r)?)?)?;
            }
        }
        self.build(conn)
    }
}
