//! Sets for short prefixes, the first keys a recruiter types. A prefix of a letter or two
//! covers tens of thousands of terms: FTS5 answers `c*` by merging every one of their
//! doclists (1.5 s at a million candidates), and the term-by-term route is no quicker. So
//! each broad prefix (one over more than `broad` terms, of up to [`LONGEST`] characters)
//! keeps the set of candidates who have a term under it, built with the term index and kept
//! current like the frequent terms' bitmaps: from `search_terms_log`.
//!
//! In the keyword index the sets count rare terms only; a frequent term's candidates are in
//! its own bitmap, which a prefix query adds. The name index has no bitmaps of its own, so its
//! sets count all its terms.

use std::collections::HashMap;

use roaring::RoaringBitmap;
use rusqlite::{Connection, params};

use crate::StoreError;
use crate::tables::search_prefixes;

/// The longest prefix with a set of its own: from the fourth character on a prefix covers
/// few enough terms for the term-by-term route.
pub(crate) const LONGEST: usize = 3;

/// A keyword index that has prefix sets.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Index {
    /// `candidate_fts`, everything a candidate is searched by.
    Keywords,
    /// `candidate_name_fts`, names and emails, which rank first.
    Names,
}

impl Index {
    fn key(self) -> &'static str {
        match self {
            Index::Keywords => "keywords",
            Index::Names => "names",
        }
    }

    pub(crate) fn table(self) -> &'static str {
        match self {
            Index::Keywords => "candidate_fts",
            Index::Names => "candidate_name_fts",
        }
    }

    /// Its columns, as named in the index and in `candidate_search_text`, whose text it holds.
    pub(crate) fn columns(self) -> &'static [&'static str] {
        match self {
            Index::Keywords => &["name", "email", "title", "employer", "location", "skills", "education", "resume"],
            Index::Names => &["name", "email"],
        }
    }

    /// The terms whose prefixes count. The keyword index's rare terms are listed in
    /// `search_terms`, quicker to read than the index's own vocabulary.
    fn counted_terms(self) -> &'static str {
        match self {
            Index::Keywords => "SELECT term FROM search_terms WHERE cands IS NULL",
            Index::Names => "SELECT term FROM temp.candidate_name_fts_row",
        }
    }
}

/// The prefixes of `term` that may have a set, shortest first.
fn short_prefixes(term: &str) -> impl Iterator<Item = &str> {
    term.char_indices().skip(1).map(|(at, _)| &term[..at]).chain(std::iter::once(term)).take(LONGEST)
}

/// One index's broad prefixes and their candidates.
#[derive(Default)]
pub(crate) struct PrefixSets {
    sets: HashMap<String, RoaringBitmap>,
}

impl PrefixSets {
    /// The sets as written (the caller brings them up to date with the log).
    pub(crate) fn load(conn: &Connection, index: Index) -> Result<Self, StoreError> {
        Ok(Self { sets: search_prefixes::read(conn, index.key())? })
    }

    /// The candidates with a counted term under `prefix`, if it is a broad one.
    pub(crate) fn get(&self, prefix: &str) -> Option<&RoaringBitmap> {
        self.sets.get(prefix)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// The `changed` candidates' counted terms are now those given for each (none for one
    /// erased).
    pub(crate) fn update<'t>(
        &mut self,
        changed: &RoaringBitmap,
        terms: impl IntoIterator<Item = (u32, impl IntoIterator<Item = &'t str>)>,
    ) {
        if self.sets.is_empty() {
            return;
        }
        for set in self.sets.values_mut() {
            *set -= changed;
        }
        for (cand, terms) in terms {
            for term in terms {
                for prefix in short_prefixes(term) {
                    if let Some(set) = self.sets.get_mut(prefix) {
                        set.insert(cand);
                    }
                }
            }
        }
    }

    pub(crate) fn write(&self, conn: &Connection, index: Index) -> Result<(), StoreError> {
        search_prefixes::write(conn, index.key(), &self.sets)
    }
}

/// Rebuilds `index`'s sets from its vocabulary and postings: every prefix of up to
/// [`LONGEST`] characters over more than `broad` counted terms. `frequent` are the terms not
/// counted (sorted; they have bitmaps of their own).
pub(crate) fn rebuild(conn: &Connection, index: Index, frequent: &[String], broad: usize) -> Result<(), StoreError> {
    let table = index.table();
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_row USING fts5vocab (main, {table}, row);
         CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_instance USING fts5vocab (main, {table}, instance);"
    ))?;
    let mut sets = broad_prefixes(conn, index, broad)?;
    if !sets.is_empty() {
        fill(conn, table, frequent, &mut sets)?;
    }
    conn.execute_batch(&format!("DROP TABLE temp.{table}_row; DROP TABLE temp.{table}_instance;"))?;
    search_prefixes::write(conn, index.key(), &sets)
}

/// The prefixes over more than `broad` counted terms of `index`, each with an empty set.
fn broad_prefixes(conn: &Connection, index: Index, broad: usize) -> Result<HashMap<String, RoaringBitmap>, StoreError> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut stmt = conn.prepare(index.counted_terms())?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let term = r.get_ref(0)?.as_str().map_err(|e| StoreError::Corrupt(format!("a term of {index:?}: {e}")))?;
        for prefix in short_prefixes(term) {
            match counts.get_mut(prefix) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(prefix.to_owned(), 1);
                }
            }
        }
    }
    Ok(counts.into_iter().filter(|&(_, n)| n > broad).map(|(p, _)| (p, RoaringBitmap::new())).collect())
}

/// Adds each posting of a counted term to the sets of its broad prefixes. The postings are
/// read between the frequent terms, whose doclists (nine in ten postings at a million
/// candidates) are skipped. fts5vocab seeks to a range's bounds but includes them (it takes
/// `>` for `>=` and `<` for `<=`, leaving SQLite to filter row by row), so each range starts
/// just past its frequent term and stops on reaching the next one.
fn fill(
    conn: &Connection,
    table: &str,
    frequent: &[String],
    sets: &mut HashMap<String, RoaringBitmap>,
) -> Result<(), StoreError> {
    let mut stmt =
        conn.prepare(&format!("SELECT term, doc FROM temp.{table}_instance WHERE term >= ?1 AND term <= ?2"))?;
    // Just past a term: no term holds a control character. Above every term: the largest
    // code point.
    let past = |term: &str| format!("{term}\u{1}");
    let starts = std::iter::once(String::new()).chain(frequent.iter().map(|t| past(t)));
    let ends = frequent.iter().cloned().chain([char::MAX.to_string()]);
    for (start, end) in starts.zip(ends) {
        let mut rows = stmt.query(params![start, end])?;
        let mut term = String::new();
        let mut targets: Vec<String> = Vec::new();
        while let Some(r) = rows.next()? {
            let this = r.get_ref(0)?.as_str().map_err(|e| StoreError::Corrupt(format!("a term of {table}: {e}")))?;
            if this != term {
                if this == end {
                    break;
                }
                term = this.to_owned();
                targets = short_prefixes(&term).filter(|p| sets.contains_key(*p)).map(str::to_owned).collect();
            }
            let cand = r.get::<_, i64>(1)? as u32;
            for prefix in &targets {
                sets.get_mut(prefix).expect("a broad prefix").insert(cand);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_prefixes_count_characters_not_bytes() {
        assert_eq!(short_prefixes("łodz").collect::<Vec<_>>(), ["ł", "ło", "łod"]);
        assert_eq!(short_prefixes("c#").collect::<Vec<_>>(), ["c", "c#"]);
        assert_eq!(short_prefixes("x").collect::<Vec<_>>(), ["x"]);
    }
}
