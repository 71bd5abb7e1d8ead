//! The duplicate finders' index (migrations/0018_dedupe_keys.sql): each candidate's dedupe
//! keys (`talentdesk_domain::dedupe::keys`, made without a country) in `dedupe_people`, and
//! every key in order in `dedupe_keys`, kept as the check-in index is (see [`KeyTables`]).
//!
//! A key is stored as its kind's code and its text ("e:ana@example.com", "np:ana souza|0301234567").
//! Made without a country, a national phone number is its bare digits; whoever reads with a
//! country reads those in it ([`read_in`]), so one index serves every organisation's default.

use std::borrow::Cow;

use rusqlite::{Connection, OptionalExtension, Row};
use talentdesk_domain::candidate::{Link, Profile};
use talentdesk_domain::dedupe::{self, DedupeKey};

use crate::StoreError;
use crate::tables::person_keys::{KeyTables, encode};

pub(crate) const TABLES: KeyTables =
    KeyTables { people: "dedupe_people", keys: "dedupe_keys", deferred: "dedupe_deferred" };

/// The kinds' codes, strongest first (the order of [`DedupeKey`]).
const EMAIL: &str = "e:";
const LINKEDIN: &str = "l:";
const PHONE: &str = "p:";
const NAME_AND_EMPLOYER: &str = "ne:";
const NAME_AND_PHONE: &str = "np:";

/// The key as stored.
pub(crate) fn code(key: &DedupeKey) -> String {
    let (kind, text) = match key {
        DedupeKey::Email(t) => (EMAIL, t),
        DedupeKey::LinkedIn(t) => (LINKEDIN, t),
        DedupeKey::Phone(t) => (PHONE, t),
        DedupeKey::NameAndEmployer(t) => (NAME_AND_EMPLOYER, t),
        DedupeKey::NameAndPhone(t) => (NAME_AND_PHONE, t),
    };
    format!("{kind}{text}")
}

/// The key a stored code is.
pub(crate) fn key_of(code: &str) -> Result<DedupeKey, StoreError> {
    type Make = fn(String) -> DedupeKey;
    let kinds: [(&str, Make); 5] = [
        (EMAIL, DedupeKey::Email),
        (LINKEDIN, DedupeKey::LinkedIn),
        (PHONE, DedupeKey::Phone),
        (NAME_AND_EMPLOYER, DedupeKey::NameAndEmployer),
        (NAME_AND_PHONE, DedupeKey::NameAndPhone),
    ];
    kinds
        .iter()
        .find_map(|(kind, make)| code.strip_prefix(kind).map(|text| make(text.to_owned())))
        .ok_or_else(|| StoreError::Corrupt(format!("unknown dedupe key \"{code}\"")))
}

/// A stored code as read in `country` (the calling code): national phone numbers in E.164,
/// everything else as it is, without copying.
pub(crate) fn read_in<'a>(code: &'a str, country: Option<&str>) -> Result<Cow<'a, str>, StoreError> {
    let national = match (country, code.strip_prefix(PHONE), code.strip_prefix(NAME_AND_PHONE)) {
        (None, _, _) => false,
        (Some(_), Some(phone), _) => !phone.starts_with('+'),
        (Some(_), None, Some(key)) => key.rsplit_once('|').is_some_and(|(_, phone)| !phone.starts_with('+')),
        (Some(_), None, None) => false,
    };
    Ok(if national { Cow::Owned(self::code(&key_of(code)?.in_country(country))) } else { Cow::Borrowed(code) })
}

/// A profile's keys as `dedupe_people` stores them.
pub(crate) fn encoded(p: &Profile) -> Result<String, StoreError> {
    encode(&dedupe::keys(p, None).iter().map(code).collect::<Vec<_>>())
}

/// Brings `cand`'s keys in line with their profile.
pub(crate) fn refresh(conn: &Connection, cand: i64, p: &Profile) -> Result<(), StoreError> {
    TABLES.refresh(conn, cand, &encoded(p)?)
}

/// After a first column of the caller's, each candidate's fields dedupe keys are made of
/// (read by [`identity`]): one scan, no JSON parsed for candidates without a LinkedIn link.
pub(crate) const IDENTITIES: &str = "c.first_name, c.last_name, c.email, c.phone, c.current_employer,
        CASE WHEN instr(d.details, 'linkedin') > 0 THEN json_extract(d.details, '$.links') END
    FROM candidates c JOIN candidate_details d ON d.cand = c.cand";

/// A profile holding only the fields dedupe keys are made of, from a row of [`IDENTITIES`].
pub(crate) fn identity(r: &Row) -> Result<Profile, StoreError> {
    let links: Option<String> = r.get(6)?;
    Ok(Profile {
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        email: r.get(3)?,
        phone: r.get(4)?,
        current_employer: r.get(5)?,
        links: links.map(|l| serde_json::from_str::<Vec<Link>>(&l)).transpose()?.unwrap_or_default(),
        ..Profile::default()
    })
}

/// Fills the index from every candidate's row and links (the migration that made it).
pub(crate) fn fill(conn: &Connection) -> Result<(), StoreError> {
    TABLES.fill(conn, &format!("SELECT c.cand, {IDENTITIES}"), |r| {
        Ok(dedupe::keys(&identity(r)?, None).iter().map(code).collect())
    })
}

/// Calls `each` with every stored key and its candidate, in key order: one pass over the
/// index alone (no candidate row, no JSON).
pub(crate) fn scan(
    conn: &Connection,
    mut each: impl FnMut(&str, i64) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare("SELECT key, cand FROM dedupe_keys")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        each(r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?, r.get(1)?)?;
    }
    Ok(())
}

/// The candidates with exactly this stored key, in row order.
pub(crate) fn holders(conn: &Connection, code: &str) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT cand FROM dedupe_keys WHERE key = ?1")?;
    Ok(stmt.query_map([code], |r| r.get(0))?.collect::<Result<_, _>>()?)
}

/// The candidate first added here of those with exactly this stored key.
pub(crate) fn first_holder(conn: &Connection, code: &str) -> Result<Option<i64>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT cand FROM dedupe_keys WHERE key = ?1 ORDER BY cand LIMIT 1")?;
    Ok(stmt.query_row([code], |r| r.get(0)).optional()?)
}
