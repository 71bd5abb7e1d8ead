//! A phrase whose last word is a prefix: what an email becomes when typed as far as a letter
//! after the dot ("grace.s" is the phrase `"grace s"*`). FTS5 checks such a phrase by first
//! merging the doclists, positions and all, of every term under the prefix ("s": most of the
//! keyword index, 0.8 s at a million candidates), before it looks at a single "grace".
//!
//! Here the candidates who have every word of the phrase come from the sets a single word is
//! found by, and the phrase is checked in their text only: the columns where its rarest exact
//! word occurs are indexed in a small scratch FTS5 table with the same tokenizer, and the
//! phrase is asked of that. FTS5 itself decides what the phrase matches, as before.
//!
//! Reading and tokenizing that text is the whole cost, so as little is read as can decide the
//! answer: names and emails first, only of the candidates with a name or email term under the
//! prefix (the name index's set of a short prefix; from the first letter after the dot that is
//! a tenth of those with the word), then the other columns of those the names did not match.
//! A candidate matched by name is matched, whatever their resume says. With
//! [`Reach::NamesOnly`] the other columns are not read at all when the name matches alone
//! could fill the page.

use std::collections::BTreeMap;

use roaring::RoaringBitmap;
use rusqlite::Connection;

use super::prefixes::Index;
use super::sets::{Matches, Reach, fts, literal};
use crate::StoreError;
use crate::tokens::TOKENIZER;

/// At most this many candidates with the rarest exact word are checked this way; past it
/// reading their text costs more than FTS5's own query.
const MAX_CHECKED: u64 = 20_000;

/// The words of a phrase ending in a prefix, and the candidates each is found in.
pub(crate) struct Phrase<'a> {
    /// Its FTS5 query.
    pub expr: &'a str,
    /// The exact terms before the prefix.
    pub words: &'a [String],
    /// The candidates with each word in the keyword index and, last, those with the prefix.
    pub sets: &'a [RoaringBitmap],
    /// The candidates with a name or email term under the prefix, when the name index keeps
    /// that set (a broad short prefix); `None` leaves them to the check.
    pub named: Option<&'a RoaringBitmap>,
}

/// The candidates whose text has the phrase anywhere, and those who have it by name or email;
/// with [`Reach::NamesOnly`], only the latter when there are enough of them (a partial answer).
pub(crate) fn matching(conn: &Connection, phrase: &Phrase, reach: Reach) -> Result<Matches, StoreError> {
    let Phrase { expr, words, sets, named } = *phrase;
    let index = Index::Keywords;
    let names_only = |name: RoaringBitmap| Matches { all: name.clone(), name, partial: true };
    let rarest = words.iter().zip(sets).min_by_key(|(_, set)| set.len());
    let Some((anchor, rarest)) = rarest.filter(|(_, set)| set.len() <= MAX_CHECKED) else {
        let name = fts(conn, Index::Names.table(), expr)?;
        if reach.served_by(&name) {
            return Ok(names_only(name));
        }
        return Ok(Matches { all: fts(conn, index.table(), expr)?, name, partial: false });
    };
    let within = sets.iter().fold(rarest.clone(), |within, set| within & set);
    let scratch = scratch(conn, index)?;
    // By name or email: only where the name index has the rarest word and, when it keeps that
    // set, a term under the prefix.
    let mut by_name = fts(conn, Index::Names.table(), &literal(anchor))? & &within;
    if let Some(named) = named {
        by_name &= named;
    }
    let names = columns_named(index, Index::Names.columns());
    let name = check(conn, &scratch, expr, by_name.iter().map(|cand| (cand, names)))?;
    if reach.served_by(&name) {
        return Ok(names_only(name));
    }
    // Anywhere else, for those not matched by name already: only in the columns that have the
    // rarest word.
    let columns = columns_with(conn, index, anchor, &within)?;
    let elsewhere = columns.iter().filter(|(cand, _)| !name.contains(**cand));
    let elsewhere = check(conn, &scratch, expr, elsewhere.map(|(&cand, &cols)| (cand, cols & !names)))?;
    Ok(Matches { all: &name | &elsewhere, name, partial: false })
}

/// A set of the keyword index's columns, a bit for each in the order of [`Index::columns`].
type Columns = u32;

/// The set of `index`'s columns `named`.
fn columns_named(index: Index, named: &[&str]) -> Columns {
    index.columns().iter().enumerate().filter(|(_, c)| named.contains(c)).fold(0, |set, (at, _)| set | 1 << at)
}

/// The candidates whose text, in the given columns of each, has `expr`: that text copied into
/// the scratch table (emptied first) and the phrase asked of it.
fn check(
    conn: &Connection,
    scratch: &str,
    expr: &str,
    cands: impl Iterator<Item = (u32, Columns)>,
) -> Result<RoaringBitmap, StoreError> {
    let columns = Index::Keywords.columns();
    let mut by_columns: BTreeMap<Columns, Vec<u32>> = BTreeMap::new();
    for (cand, set) in cands.filter(|(_, set)| *set != 0) {
        by_columns.entry(set).or_default().push(cand);
    }
    if by_columns.is_empty() {
        return Ok(RoaringBitmap::new());
    }
    // Emptied before rather than after: a check that failed halfway must not leave its rows
    // to the next.
    conn.prepare_cached(&format!("INSERT INTO temp.{scratch} ({scratch}) VALUES ('delete-all')"))?.execute([])?;
    // One statement for each set of columns: FTS5 writes a segment for each statement that
    // adds to it, and a query then reads every segment.
    for (set, cands) in by_columns {
        let named: Vec<&str> =
            columns.iter().enumerate().filter(|(at, _)| set & 1 << at != 0).map(|(_, c)| *c).collect();
        let list = named.join(", ");
        conn.prepare_cached(&format!(
            "INSERT INTO temp.{scratch} (rowid, {list}) SELECT cand, {list} FROM candidate_search_text
             WHERE cand IN (SELECT value FROM json_each(?1))"
        ))?
        .execute([serde_json::to_string(&cands)?])?;
    }
    let mut found = RoaringBitmap::new();
    let mut stmt = conn.prepare_cached(&format!("SELECT rowid FROM temp.{scratch} WHERE {scratch} MATCH ?1"))?;
    let mut rows = stmt.query([expr])?;
    while let Some(r) = rows.next()? {
        found.insert(r.get::<_, i64>(0)? as u32);
    }
    Ok(found)
}

/// The scratch table for `index` (its columns, its tokenizer, no content kept), and the
/// vocabulary table listing where each of the index's terms occurs; the scratch's name.
fn scratch(conn: &Connection, index: Index) -> Result<String, StoreError> {
    let table = index.table();
    let scratch = format!("{table}_phrases");
    let columns = index.columns().join(", ");
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.{scratch} USING fts5 ({columns}, content = '', tokenize = \"{TOKENIZER}\");
         CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_instance USING fts5vocab (main, {table}, instance);"
    ))?;
    Ok(scratch)
}

/// The candidates of `within` that have `anchor` in `index`, each with the columns it is in
/// (only there can the phrase be).
fn columns_with(
    conn: &Connection,
    index: Index,
    anchor: &str,
    within: &RoaringBitmap,
) -> Result<BTreeMap<u32, Columns>, StoreError> {
    let columns = index.columns();
    let mut stmt =
        conn.prepare_cached(&format!("SELECT doc, col FROM temp.{}_instance WHERE term = ?1", index.table()))?;
    let mut rows = stmt.query([anchor])?;
    let mut by_cand: BTreeMap<u32, Columns> = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let cand = r.get::<_, i64>(0)? as u32;
        if !within.contains(cand) {
            continue;
        }
        let col = r.get_ref(1)?.as_str().map_err(|e| StoreError::Corrupt(format!("a column of {index:?}: {e}")))?;
        let at = columns
            .iter()
            .position(|c| *c == col)
            .ok_or_else(|| StoreError::Corrupt(format!("{index:?} has no column {col}")))?;
        *by_cand.entry(cand).or_default() |= 1 << at;
    }
    Ok(by_cand)
}
