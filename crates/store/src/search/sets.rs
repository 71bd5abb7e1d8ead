//! Sets of candidates (Roaring bitmaps of `cand`) that keywords and membership filters match,
//! fetched from SQLite and cached until the next write.

use std::collections::HashMap;
use std::sync::Arc;

use roaring::RoaringBitmap;
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::StoreError;

/// The candidates a keyword matches anywhere, and those it matches by name or email (which
/// ranks them first). The name index is a small table of its own, so asking it costs little.
#[derive(Debug, Default)]
pub(crate) struct Matches {
    pub all: RoaringBitmap,
    pub name: RoaringBitmap,
    /// `all` holds only the matches by name or email (and by tag): the keyword's other texts
    /// were not read ([`Reach::NamesOnly`]), so it may match more.
    pub partial: bool,
}

/// How far a keyword's matches are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Every match.
    Everywhere,
    /// A phrase ending in a prefix (an email typed past its dot) is looked for in names and
    /// emails only, where reading every other text that has its first words would cost most
    /// of the search, when it matches more than `more_than` there: its name matches rank
    /// first, so they alone may fill a first page of `more_than` rows (the page and one).
    /// With fewer, everywhere, as they cannot.
    NamesOnly { more_than: u64 },
}

impl Reach {
    /// Whether a keyword's matches by name or email alone answer it.
    pub(crate) fn served_by(self, by_name: &RoaringBitmap) -> bool {
        matches!(self, Reach::NamesOnly { more_than } if by_name.len() > more_than)
    }
}

/// Sets computed since the last write, by a key naming what they hold.
#[derive(Default)]
pub(crate) struct SetCache {
    matches: HashMap<String, Arc<Matches>>,
    sets: HashMap<String, Arc<RoaringBitmap>>,
}

/// How many distinct sets to keep before starting over: enough for typing and paging.
const CAPACITY: usize = 256;

impl SetCache {
    pub(crate) fn clear(&mut self) {
        self.matches.clear();
        self.sets.clear();
    }

    /// The candidates one keyword matches (`expr`, an FTS5 phrase, possibly a prefix), as
    /// `compute` finds them; `extra` adds candidates with a tag it names.
    /// Whole matches cached serve either reach; those of names only serve only that one.
    pub(crate) fn keyword(
        &mut self,
        expr: &str,
        extra: Option<Arc<RoaringBitmap>>,
        reach: Reach,
        compute: impl FnOnce() -> Result<Matches, StoreError>,
    ) -> Result<Arc<Matches>, StoreError> {
        let key = format!("{expr}\u{1f}{}", extra.as_ref().map_or(0, |e| e.len()));
        let names_key = format!("{key}\u{1f}names");
        if let Some(hit) = self.matches.get(&key) {
            return Ok(hit.clone());
        }
        if matches!(reach, Reach::NamesOnly { .. })
            && let Some(hit) = self.matches.get(&names_key)
        {
            return Ok(hit.clone());
        }
        let mut m = compute()?;
        if let Some(extra) = extra {
            m.all |= extra.as_ref();
        }
        if self.matches.len() >= CAPACITY {
            self.matches.clear();
        }
        let m = Arc::new(m);
        self.matches.insert(if m.partial { names_key } else { key }, m.clone());
        Ok(m)
    }

    /// The candidates a query returns (one `cand` per row), cached under `key`.
    pub(crate) fn query(
        &mut self,
        conn: &Connection,
        key: String,
        sql: &str,
        params: &[Value],
    ) -> Result<Arc<RoaringBitmap>, StoreError> {
        if let Some(hit) = self.sets.get(&key) {
            return Ok(hit.clone());
        }
        let mut set = RoaringBitmap::new();
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        while let Some(r) = rows.next()? {
            set.insert(r.get::<_, i64>(0)? as u32);
        }
        if self.sets.len() >= CAPACITY {
            self.sets.clear();
        }
        let set = Arc::new(set);
        self.sets.insert(key, set.clone());
        Ok(set)
    }

    /// The candidates an FTS5 expression matches, in any column.
    pub(crate) fn fts_set(&mut self, conn: &Connection, expr: &str) -> Result<Arc<RoaringBitmap>, StoreError> {
        self.query(
            conn,
            format!("fts\u{1f}{expr}"),
            "SELECT rowid FROM candidate_fts WHERE candidate_fts MATCH ?1",
            &[Value::Text(expr.to_owned())],
        )
    }
}

/// The candidates an FTS5 expression matches in `table`.
pub(crate) fn fts(conn: &Connection, table: &str, expr: &str) -> Result<RoaringBitmap, StoreError> {
    let mut set = RoaringBitmap::new();
    let mut stmt = conn.prepare_cached(&format!("SELECT rowid FROM {table} WHERE {table} MATCH ?1"))?;
    let mut rows = stmt.query([expr])?;
    while let Some(r) = rows.next()? {
        let cand = r.get::<_, i64>(0)? as u32;
        // FTS5 answers in rowid order, and appending is much cheaper than inserting (the term
        // index's rebuild reads some 40 million rowids at a million candidates).
        if set.try_push(cand).is_err() {
            set.insert(cand);
        }
    }
    Ok(set)
}

/// An FTS5 string literal: the text in double quotes, inner quotes doubled.
pub(crate) fn literal(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}
