//! The check-in search beyond the event's members: everyone else in the local database,
//! found by scans of the key index that stop as soon as the page is full.

use std::collections::HashSet;

use rusqlite::Connection;

use super::keys::{self, Query};
use super::matching::{Fit, Words, fit};
use super::typo;
use crate::StoreError;
use crate::tables::checkin_keys;

/// How many candidates a scan looks up one by one (to read their keys) before the search
/// settles for what it has.
const EXAMINE_AT_MOST: usize = 2_000;

/// A query of several words first tries this many candidates of its longest word one by one:
/// common pairs ("ana souza") fill a page long before, and reading every word's candidates
/// (below) would cost more.
const TRY_AT_MOST: usize = 200;

/// A word of a query of several is answered from the index alone, as the set of its
/// candidates, when no more keys than this start with it: reading index entries in order is
/// far cheaper than looking candidates up one by one, and finds a rare pair of common words
/// ("wei müller") however many Müllers come first. (Measured at a million candidates: two
/// words with 10,400 keys each, held, answer in a few milliseconds; looked up one by one, the
/// pair was not found within 2,000 candidates and 25 ms.)
const HOLD_AT_MOST: usize = 30_000;

/// Words shorter than this are not held: at any size worth the trouble, thousands of keys
/// start with them.
const HOLD_FROM_LETTERS: usize = 3;

/// The search beyond the event's members: scans of the key index, each candidate found
/// checked against every word once.
pub(super) struct Others<'a> {
    conn: &'a Connection,
    words: &'a Words,
    /// Members and candidates already looked at.
    seen: HashSet<i64>,
    exact: Vec<i64>,
    typo: Vec<i64>,
    want: usize,
    examined: usize,
    /// How many may be examined (read one by one) in the current pass.
    budget: usize,
    /// Scanning for typos: matches with a typo count towards a full page.
    forgiving: bool,
}

impl<'a> Others<'a> {
    /// A search for `want` people matching `words`, none of `members` (already listed).
    pub(super) fn new(conn: &'a Connection, words: &'a Words, members: HashSet<i64>, want: usize) -> Self {
        Self {
            conn,
            words,
            seen: members,
            exact: Vec::new(),
            typo: Vec::new(),
            want,
            examined: 0,
            budget: EXAMINE_AT_MOST,
            forgiving: false,
        }
    }

    /// Those found, the exact matches first.
    pub(super) fn found(self) -> Vec<i64> {
        self.exact.into_iter().chain(self.typo).take(self.want).collect()
    }

    pub(super) fn search(&mut self, query: &Query) -> Result<(), StoreError> {
        let several = query.words.len() > 1;
        if several && self.try_longest_word(query)? {
            return Ok(());
        }
        // Each word's candidates when few enough to hold (`None`: too many).
        let held: Vec<Option<Vec<i64>>> = if several {
            let hold = |w: &String| match w.chars().count() {
                n if n < HOLD_FROM_LETTERS => Ok(None),
                _ => checkin_keys::cands_of_prefix(self.conn, w, HOLD_AT_MOST),
            };
            query.words.iter().map(hold).collect::<Result<_, _>>()?
        } else {
            vec![None]
        };
        let sets: Vec<Option<HashSet<i64>>> =
            held.iter().map(|h| h.as_ref().map(|c| c.iter().copied().collect())).collect();
        match held.iter().enumerate().filter_map(|(i, h)| h.as_ref().map(|c| (c.len(), i))).min() {
            Some((_, word)) => {
                let common = held.iter().any(Option::is_none);
                self.intersect(held[word].as_deref().unwrap_or_default(), &sets, word, common)?;
            }
            // One word (every candidate of its keys fits), or only common words.
            None => self.scan(query.driver().unwrap_or_default(), !several)?,
        }
        // Typos only when every exact match was found and the page is not full: after a search
        // cut short, they would only push its cost further.
        let exhausted = self.examined >= self.budget;
        match misspelt(query, &held) {
            Some(word) if !exhausted && self.exact.len() + self.typo.len() < self.want => {
                self.forgive(query, word, &sets)
            }
            _ => Ok(()),
        }
    }

    /// Tries the first candidates of the longest word one by one; whether that filled the page.
    fn try_longest_word(&mut self, query: &Query) -> Result<bool, StoreError> {
        self.budget = TRY_AT_MOST;
        self.scan(query.driver().unwrap_or_default(), false)?;
        (self.budget, self.examined) = (EXAMINE_AT_MOST, 0);
        Ok(self.enough())
    }

    /// Looks for the people who would match if `word` were spelt one edit differently.
    fn forgive(&mut self, query: &Query, word: usize, sets: &[Option<HashSet<i64>>]) -> Result<(), StoreError> {
        (self.forgiving, self.examined) = (true, 0);
        let chars: Vec<char> = query.words[word].chars().collect();
        for prefix in typo::near_prefixes(&chars) {
            if self.enough() {
                break;
            }
            match checkin_keys::cands_of_prefix(self.conn, &prefix, HOLD_AT_MOST)? {
                Some(cands) => self.intersect(&cands, sets, word, true)?,
                None => self.scan(&prefix, false)?,
            }
        }
        Ok(())
    }

    /// Those of `cands` (found by word `word`) whom the other words' held sets have too;
    /// with `verify`, their keys are read to check them against every word.
    fn intersect(
        &mut self,
        cands: &[i64],
        sets: &[Option<HashSet<i64>>],
        word: usize,
        verify: bool,
    ) -> Result<(), StoreError> {
        let others: Vec<&HashSet<i64>> =
            sets.iter().enumerate().filter(|(i, _)| *i != word).filter_map(|(_, s)| s.as_ref()).collect();
        for &cand in cands {
            if self.enough() {
                break;
            }
            if !others.iter().all(|s| s.contains(&cand)) || !self.seen.insert(cand) {
                continue;
            }
            let fit = if verify {
                self.examined += 1;
                fit(self.words, &checkin_keys::of(self.conn, cand)?)
            } else {
                Some(EXACT)
            };
            self.take(cand, fit)?;
        }
        Ok(())
    }

    fn enough(&self) -> bool {
        let found = if self.forgiving { self.exact.len() + self.typo.len() } else { self.exact.len() };
        found >= self.want || self.examined >= self.budget
    }

    /// Considers the candidates of every key starting with `prefix` until the page is full;
    /// `fits` when finding them there is enough, else each one's keys are read.
    fn scan(&mut self, prefix: &str, fits: bool) -> Result<(), StoreError> {
        let conn = self.conn;
        checkin_keys::scan(conn, prefix, |cand| {
            if self.seen.insert(cand) {
                self.examined += usize::from(!fits);
                let fit = if fits { Some(EXACT) } else { fit(self.words, &checkin_keys::of(conn, cand)?) };
                self.take(cand, fit)?;
            }
            Ok(!self.enough())
        })
    }

    /// Keeps a candidate who fits, unless deactivated.
    fn take(&mut self, cand: i64, fit: Option<Fit>) -> Result<(), StoreError> {
        if let Some(f) = fit
            && active(self.conn, cand)?
        {
            if f.typo { self.typo.push(cand) } else { self.exact.push(cand) }
        }
        Ok(())
    }
}

/// Which word is most likely mistyped, if a typo may be forgiven in one: of the name-like
/// words, the one fewest keys start with (then the longest).
fn misspelt(query: &Query, held: &[Option<Vec<i64>>]) -> Option<usize> {
    (0..query.words.len())
        .filter(|&i| keys::typo_eligible(&query.words[i]))
        .min_by_key(|&i| (held[i].as_ref().map_or(usize::MAX, Vec::len), std::cmp::Reverse(query.words[i].len())))
}

/// A match without a typo (its exactness does not matter beyond the members).
const EXACT: Fit = Fit { typo: false, partial_words: 0 };

/// Not deactivated (a deactivated candidate is no longer searchable; on an event's list,
/// they are still found).
fn active(conn: &Connection, cand: i64) -> Result<bool, StoreError> {
    Ok(conn.prepare_cached("SELECT active FROM candidates WHERE cand = ?1")?.query_row([cand], |r| r.get(0))?)
}
