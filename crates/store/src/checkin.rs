//! Finding people at the door of an event: the check-in screen's search as you type, codes
//! from badges and emails, and the kiosk's exact lookup.
//!
//! The search answers from an index of folded keys (`tables::checkin_keys`, see [`keys`]),
//! in two groups: the event's members first, ranked in memory (an event has hundreds, not a
//! million), then everyone else in the local database, found by a range scan of the index
//! that stops as soon as a page is full: no query reads a million rows or ranks them.

pub(crate) mod keys;
mod matching;
mod typo;

use std::collections::HashSet;

use rusqlite::{Connection, params};
use serde::Serialize;
use talentdesk_domain::Timestamp;
use talentdesk_domain::event::parse_code;
use ts_rs::TS;
use uuid::Uuid;

use crate::codec::{time, uuid};
use crate::tables::{candidates, checkin_keys};
use crate::{Store, StoreError};
use keys::Query;
use matching::{Fit, Words, fit};

/// A person the check-in search found, with where they stand at the event.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CheckInMatch {
    pub candidate_id: Uuid,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The current employer, or else the school of the highest degree ("" if neither).
    pub employer_or_school: String,
    pub registered: bool,
    pub attended: bool,
    pub checked_in_at: Option<Timestamp>,
    pub checked_in_by: Option<String>,
    pub walk_in: bool,
}

/// What a scanned or typed check-in code belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum CodeLookup {
    /// A member of this event.
    Here(CheckInMatch),
    /// A code of another event's member.
    OtherEvent { event_name: String },
    /// Not a code, mistyped, or of an event this desktop does not have.
    Unknown,
}

/// All the kiosk may show of the person at hand.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KioskPerson {
    pub candidate_id: Uuid,
    pub first_name: String,
    /// Already checked in at this event.
    pub attended: bool,
}

/// How many candidates a scan looks up one by one (to read their keys) before the search
/// settles for what it has.
const EXAMINE_AT_MOST: usize = 2_000;

/// A word of a query of several is answered from the index alone, as the set of its
/// candidates, when no more keys than this start with it: reading index entries in order is
/// far cheaper than looking candidates up one by one, and finds a rare pair of common words
/// ("wei müller") however many Müllers come first.
const HOLD_AT_MOST: usize = 10_000;

impl Store {
    /// People matching `query` (name words, an email or a phone number, as typed so far), at
    /// most `limit`: the event's members first, those not yet checked in before those who
    /// were, then everyone else in the local database who is not deactivated. Every word must start one of
    /// the person's names, their email or their phone digits, with case and accents ignored
    /// and one typo forgiven in a name. An empty query lists the members. A check-in code is
    /// not a search: see [`Store::check_in_code_lookup`].
    pub fn check_in_lookup(&self, event_id: Uuid, query: &str, limit: usize) -> Result<Vec<CheckInMatch>, StoreError> {
        let conn = self.conn();
        let query = Query::parse(query);
        let words = Words::of(&query);
        let members = checkin_keys::members(conn, event_id)?;
        let mut ranked: Vec<(Fit, bool, &str, i64)> = members
            .iter()
            .filter_map(|m| fit(&words, &m.keys).map(|f| (f, m.attended, m.name_key.as_str(), m.cand)))
            .collect();
        ranked.sort_unstable();
        let mut found: Vec<i64> = ranked.iter().take(limit).map(|r| r.3).collect();
        if found.len() < limit && !query.is_empty() {
            let mut others = Others {
                conn,
                words: &words,
                seen: members.iter().map(|m| m.cand).collect(),
                exact: Vec::new(),
                typo: Vec::new(),
                want: limit - found.len(),
                examined: 0,
                forgiving: false,
            };
            others.search(&query)?;
            found.extend(others.exact.into_iter().chain(others.typo).take(limit - found.len()));
        }
        found.into_iter().map(|cand| matched(conn, event_id, cand)).collect()
    }

    /// Where one person stands at the event, as the check-in screen shows them (also when
    /// they are not on its list).
    pub fn check_in_person(&self, event_id: Uuid, candidate_id: Uuid) -> Result<CheckInMatch, StoreError> {
        let conn = self.conn();
        matched(conn, event_id, candidates::cand_of(conn, candidate_id)?)
    }

    /// The person a check-in code (`K7QX-M2PA`, typed loosely or scanned as `TD:K7QX-M2PA`)
    /// belongs to.
    pub fn check_in_code_lookup(&self, event_id: Uuid, code: &str) -> Result<CodeLookup, StoreError> {
        let conn = self.conn();
        let Some(code) = parse_code(code) else { return Ok(CodeLookup::Unknown) };
        let mut stmt = conn.prepare_cached(
            "SELECT m.event_id, m.cand, e.name FROM event_members m JOIN events e ON e.id = m.event_id
             WHERE m.code = ?1",
        )?;
        let holders: Vec<(String, i64, String)> =
            stmt.query_map([&code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
        if let Some((_, cand, _)) = holders.iter().find(|(event, ..)| *event == event_id.to_string()) {
            return Ok(CodeLookup::Here(matched(conn, event_id, *cand)?));
        }
        Ok(match holders.into_iter().next() {
            Some((_, _, event_name)) => CodeLookup::OtherEvent { event_name },
            None => CodeLookup::Unknown,
        })
    }

    /// The kiosk's lookup: the person whose email is exactly `email_or_code` (case and accents
    /// aside), or whose check-in code for this event it is. Never a prefix, never a list: a
    /// kiosk shows no one but the person who identified themselves.
    pub fn kiosk_lookup(&self, event_id: Uuid, email_or_code: &str) -> Result<Option<KioskPerson>, StoreError> {
        let conn = self.conn();
        let cand = if parse_code(email_or_code).is_some() {
            match self.check_in_code_lookup(event_id, email_or_code)? {
                CodeLookup::Here(m) => Some(candidates::cand_of(conn, m.candidate_id)?),
                _ => None,
            }
        } else {
            with_email(conn, event_id, email_or_code)?
        };
        cand.map(|cand| kiosk_person(conn, event_id, cand)).transpose()
    }
}

/// The search beyond the event's members: scans of the key index, each candidate found
/// checked against every word once.
struct Others<'a> {
    conn: &'a Connection,
    words: &'a Words,
    /// Members and candidates already looked at.
    seen: HashSet<i64>,
    exact: Vec<i64>,
    typo: Vec<i64>,
    want: usize,
    examined: usize,
    /// Scanning for typos: matches with a typo count towards a full page.
    forgiving: bool,
}

impl Others<'_> {
    fn search(&mut self, query: &Query) -> Result<(), StoreError> {
        let conn = self.conn;
        // Each word's candidates when few enough to hold (`None`: too many).
        let held: Vec<Option<Vec<i64>>> = if query.words.len() == 1 {
            vec![None]
        } else {
            query
                .words
                .iter()
                .map(|w| checkin_keys::cands_of_prefix(conn, w, HOLD_AT_MOST))
                .collect::<Result<_, _>>()?
        };
        let sets: Vec<Option<HashSet<i64>>> =
            held.iter().map(|h| h.as_ref().map(|c| c.iter().copied().collect())).collect();
        let narrowest = held.iter().enumerate().filter_map(|(i, h)| h.as_ref().map(|c| (c.len(), i))).min();
        match narrowest {
            Some((_, word)) => {
                let common = held.iter().any(Option::is_none);
                self.intersect(held[word].as_deref().unwrap_or_default(), &sets, word, common)?;
            }
            // One word (every candidate of its keys fits), or only common words.
            None => self.scan(query.driver().unwrap_or_default(), query.words.len() == 1)?,
        }
        let Some(word) = misspelt(query, &held).filter(|_| self.exact.len() + self.typo.len() < self.want) else {
            return Ok(());
        };
        (self.forgiving, self.examined) = (true, 0);
        let chars: Vec<char> = query.words[word].chars().collect();
        for prefix in typo::near_prefixes(&chars) {
            if self.enough() {
                break;
            }
            match checkin_keys::cands_of_prefix(conn, &prefix, HOLD_AT_MOST)? {
                Some(cands) => self.intersect(&cands, &sets, word, true)?,
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
        found >= self.want || self.examined >= EXAMINE_AT_MOST
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

/// The row the check-in screen shows for `cand`.
fn matched(conn: &Connection, event: Uuid, cand: i64) -> Result<CheckInMatch, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.current_employer,
             coalesce(m.registered, 0), coalesce(m.attended, 0), m.checked_in_at, m.checked_in_by,
             coalesce(m.walk_in, 0)
         FROM candidates c LEFT JOIN event_members m ON m.event_id = ?2 AND m.cand = c.cand
         WHERE c.cand = ?1",
    )?;
    let (raw, mut row) = stmt.query_row(params![cand, event.to_string()], |r| {
        let raw: (String, String, String, String, Option<i64>) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(5)?, r.get(8)?);
        let row = CheckInMatch {
            candidate_id: Uuid::nil(),
            full_name: String::new(),
            email: r.get(3)?,
            phone: r.get(4)?,
            employer_or_school: String::new(),
            registered: r.get(6)?,
            attended: r.get(7)?,
            checked_in_at: None,
            checked_in_by: r.get(9)?,
            walk_in: r.get(10)?,
        };
        Ok((raw, row))
    })?;
    let (id, first, last, employer, checked_in_at) = raw;
    row.candidate_id = uuid(&id)?;
    row.full_name = [first.trim(), last.trim()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
    row.checked_in_at = checked_in_at.map(time);
    row.employer_or_school = if employer.is_empty() {
        let profile = candidates::get(conn, cand)?.profile;
        profile.highest_education().map(|e| e.school.clone()).unwrap_or_default()
    } else {
        employer
    };
    Ok(row)
}

/// The active candidate whose email is exactly `email` once folded: a member of the event if
/// several share it, else the longest known.
fn with_email(conn: &Connection, event: Uuid, email: &str) -> Result<Option<i64>, StoreError> {
    let key = keys::email_key(email);
    if !keys::is_email(&key) {
        return Ok(None);
    }
    let mut holders = Vec::new();
    for cand in checkin_keys::with_key(conn, &key)? {
        // The key also holds Latin spellings of Cyrillic addresses; the kiosk takes only the
        // address as written.
        let (email, active): (Option<String>, bool) = conn
            .prepare_cached("SELECT email, active FROM candidates WHERE cand = ?1")?
            .query_row([cand], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if active && email.is_some_and(|e| keys::email_key(&e) == key) {
            holders.push((!is_member(conn, event, cand)?, cand));
        }
    }
    Ok(holders.into_iter().min().map(|(_, cand)| cand))
}

fn is_member(conn: &Connection, event: Uuid, cand: i64) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM event_members WHERE event_id = ?1 AND cand = ?2")?
        .exists(params![event.to_string(), cand])?)
}

fn kiosk_person(conn: &Connection, event: Uuid, cand: i64) -> Result<KioskPerson, StoreError> {
    let (id, first_name, attended): (String, String, bool) = conn
        .prepare_cached(
            "SELECT c.id, c.first_name, coalesce(m.attended, 0)
             FROM candidates c LEFT JOIN event_members m ON m.event_id = ?2 AND m.cand = c.cand
             WHERE c.cand = ?1",
        )?
        .query_row(params![cand, event.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(KioskPerson { candidate_id: uuid(&id)?, first_name, attended })
}
