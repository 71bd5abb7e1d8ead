//! Which candidates a keyword matches in the keyword index. Frequent terms answer from their
//! bitmaps (`search_terms`), held in memory and kept exact: loaded as written, then brought up
//! to date with every candidate logged since. A prefix becomes the exact terms it covers, the
//! frequent ones from bitmaps, the rare ones from FTS5 in a few OR queries; FTS5's own prefix
//! query would merge the doclists of every covered term, the slowest thing search could do.
//! A short prefix over too many rare terms for that has a set of its own ([`super::prefixes`]).

use std::collections::BTreeMap;

use roaring::RoaringBitmap;
use rusqlite::Connection;

use super::phrases;
use super::prefixes::{Index, PrefixSets};
use super::sets::{Matches, Reach, fts, literal};
use crate::tables::search_terms;
use crate::{StoreError, tokens};

/// More rare terms under one prefix than this (a prefix of a letter or two): the term-by-term
/// route is then no quicker than FTS5's prefix query. A short prefix that was this broad when
/// the term index was built has a set instead.
const MAX_RARE: usize = super::BROAD_PREFIX;
/// Terms per FTS5 OR query.
const OR_CHUNK: usize = 250;
/// Log entries after which opening the store folds them into the stored bitmaps, so loading
/// them stays quick.
const FOLD_AFTER: i64 = 20_000;

pub(crate) struct FrequentTerms {
    sets: BTreeMap<String, RoaringBitmap>,
    /// Broad short prefixes of the keyword index's rare terms.
    keyword_prefixes: PrefixSets,
    /// Broad short prefixes of the name index's terms.
    name_prefixes: PrefixSets,
    /// The last `search_terms_log` entry the sets include.
    absorbed: i64,
}

impl FrequentTerms {
    /// Reads the bitmaps, the prefix sets and the log in one snapshot: another process folding
    /// or rebuilding between the reads would pair old bitmaps with new sets, and a term become
    /// frequent would be counted in neither.
    pub(crate) fn load(conn: &Connection) -> Result<Self, StoreError> {
        conn.execute_batch("SAVEPOINT load_terms")?;
        let terms = Self::read(conn);
        let released = conn.execute_batch("RELEASE load_terms");
        let terms = terms?;
        released?;
        Ok(terms)
    }

    fn read(conn: &Connection) -> Result<Self, StoreError> {
        let mut terms = Self {
            sets: search_terms::bitmaps(conn)?,
            keyword_prefixes: PrefixSets::load(conn, Index::Keywords)?,
            name_prefixes: PrefixSets::load(conn, Index::Names)?,
            absorbed: 0,
        };
        terms.catch_up(conn)?;
        Ok(terms)
    }

    /// Brings the sets up to date for the candidates logged since the last call.
    pub(crate) fn catch_up(&mut self, conn: &Connection) -> Result<(), StoreError> {
        let (cands, last) = search_terms::logged_since(conn, self.absorbed)?;
        if cands.is_empty() {
            return Ok(());
        }
        let changed: RoaringBitmap = cands.iter().map(|&c| c as u32).collect();
        for set in self.sets.values_mut() {
            *set -= &changed;
        }
        let texts = tokens::of_candidates(conn, &cands)?;
        for (cand, terms) in &texts {
            for term in terms {
                if let Some(set) = self.sets.get_mut(term) {
                    set.insert(*cand as u32);
                }
            }
        }
        let frequent = &self.sets;
        self.keyword_prefixes.update(
            &changed,
            texts.iter().map(|(cand, terms)| {
                (*cand as u32, terms.iter().filter(|t| !frequent.contains_key(*t)).map(String::as_str))
            }),
        );
        if !self.name_prefixes.is_empty() {
            let names = tokens::of_candidate_names(conn, &cands)?;
            self.name_prefixes
                .update(&changed, names.iter().map(|(cand, terms)| (*cand as u32, terms.iter().map(String::as_str))));
        }
        self.absorbed = last;
        Ok(())
    }

    /// The candidates whose indexed text has `word` (as a whole term, or as the start of one
    /// when `prefix`), and those whose name or email has it; `expr` is its FTS5 query.
    pub(crate) fn matches(
        &self,
        conn: &Connection,
        word: &str,
        prefix: bool,
        expr: &str,
        reach: Reach,
    ) -> Result<Matches, StoreError> {
        let terms = tokens::of_text(conn, word)?;
        // Several terms ("grace.s") make a phrase, here the last a prefix.
        if prefix
            && let [words @ .., last] = terms.as_slice()
            && !words.is_empty()
        {
            let mut sets = words.iter().map(|t| self.term(conn, t)).collect::<Result<Vec<_>, _>>()?;
            sets.push(self.with_prefix(conn, last)?);
            let named = self.name_prefixes.get(last);
            return phrases::matching(conn, &phrases::Phrase { expr, words, sets: &sets, named }, reach);
        }
        let all = match terms.as_slice() {
            [term] if prefix => self.with_prefix(conn, term)?,
            [term] => self.term(conn, term)?,
            // An exact phrase ("node.js"): FTS5 checks the positions of its exact terms.
            _ => fts(conn, "candidate_fts", expr)?,
        };
        let name = match terms.as_slice() {
            [term] if prefix && let Some(set) = self.name_prefixes.get(term) => set.clone(),
            _ => fts(conn, "candidate_name_fts", expr)?,
        };
        Ok(Matches { all, name, partial: false })
    }

    /// The candidates with a term in the keyword index that starts with `term` (a term as
    /// the tokenizer makes it).
    fn with_prefix(&self, conn: &Connection, term: &str) -> Result<RoaringBitmap, StoreError> {
        let mut out = RoaringBitmap::new();
        for (_, set) in self.sets.range(term.to_owned()..).take_while(|(t, _)| t.starts_with(term)) {
            out |= set;
        }
        if let Some(rare) = self.keyword_prefixes.get(term) {
            return Ok(out | rare);
        }
        let rare = search_terms::rare_with_prefix(conn, term, MAX_RARE + 1)?;
        if rare.len() > MAX_RARE {
            return fts(conn, "candidate_fts", &format!("{}*", literal(term)));
        }
        for chunk in rare.chunks(OR_CHUNK) {
            let any = chunk.iter().map(|t| literal(t)).collect::<Vec<_>>().join(" OR ");
            out |= fts(conn, "candidate_fts", &any)?;
        }
        Ok(out)
    }

    /// The candidates whose indexed text has this exact term (a term as the tokenizer makes
    /// it): a bitmap held in memory when the term is frequent, otherwise a quick FTS5 lookup.
    pub(crate) fn term(&self, conn: &Connection, term: &str) -> Result<RoaringBitmap, StoreError> {
        match self.sets.get(term) {
            Some(set) => Ok(set.clone()),
            None => fts(conn, "candidate_fts", &literal(term)),
        }
    }

    /// Writes the sets back and empties the log, when the log has grown long: in one
    /// transaction (written halfway, the prefix sets would stay incomplete until a rebuild),
    /// taken only then (opening a store must not wait for another's write).
    pub(crate) fn fold_if_long(conn: &mut Connection) -> Result<(), StoreError> {
        if search_terms::log_len(conn)? < FOLD_AFTER {
            return Ok(());
        }
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let terms = Self::load(&tx)?;
        terms.keyword_prefixes.write(&tx, Index::Keywords)?;
        terms.name_prefixes.write(&tx, Index::Names)?;
        search_terms::fold(&tx, &terms.sets, terms.absorbed)?;
        Ok(tx.commit()?)
    }
}
