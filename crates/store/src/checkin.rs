//! Finding people at the door of an event: the check-in screen's search as you type, codes
//! from badges and emails, and the kiosk's exact lookup.
//!
//! The search answers from an index of folded keys (`tables::checkin_keys`, see [`keys`]),
//! in two groups: the event's members first, ranked in memory (an event has hundreds, not a
//! million), then everyone else in the local database, found by a range scan of the index
//! that stops as soon as a page is full: no query reads a million rows or ranks them.

pub(crate) mod key_list;
pub(crate) mod keys;
mod matching;
mod others;
mod typo;

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
use others::Others;

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

impl Store {
    /// People matching `query` (name words, an email or a phone number, as typed so far), at
    /// most `limit`: the event's members first, those not yet checked in before those who
    /// were, then everyone else in the local database who is not deactivated. Every word must
    /// start one of the person's names, their email or their phone digits, with case and
    /// accents ignored and one typo forgiven in a name. An empty query lists the members (a
    /// screen that asks for it as it opens has the members' pages read before the first
    /// keystroke). A check-in code is not a search: see [`Store::check_in_code_lookup`].
    pub fn check_in_lookup(&self, event_id: Uuid, query: &str, limit: usize) -> Result<Vec<CheckInMatch>, StoreError> {
        let conn = self.conn();
        let query = Query::parse(query);
        let words = Words::of(&query);
        let members = checkin_keys::members(conn, event_id)?;
        // Names are read only for the members who match (a cold start reads fewer pages).
        let mut ranked: Vec<(Fit, bool, String, i64)> = members
            .iter()
            .filter_map(|m| fit(&words, &m.keys).map(|f| (f, m.attended, m.cand)))
            .map(|(f, attended, cand)| Ok((f, attended, name_key(conn, cand)?, cand)))
            .collect::<Result<_, StoreError>>()?;
        ranked.sort_unstable();
        let mut found: Vec<i64> = ranked.iter().take(limit).map(|r| r.3).collect();
        if found.len() < limit && !query.is_empty() {
            let members = members.iter().map(|m| m.cand).collect();
            let mut others = Others::new(conn, &words, members, limit - found.len());
            others.search(&query)?;
            found.extend(others.found());
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

/// What names sort by (family name, then given name, folded).
fn name_key(conn: &Connection, cand: i64) -> Result<String, StoreError> {
    Ok(conn.prepare_cached("SELECT name_key FROM candidates WHERE cand = ?1")?.query_row([cand], |r| r.get(0))?)
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
