//! `insight_values`: each candidate's skills and the schools, degrees and majors of their
//! education, as the insights charts count them (see migrations/0020_insight_values.sql).
//! Kept beside the row, written whenever the profile is, so that the charts' in-memory codes
//! load from short text rather than every candidate's details JSON.

use rusqlite::{Connection, params};
use talentdesk_domain::candidate::Profile;

use crate::StoreError;

/// Between the values of one list. Profile text holds no control characters.
pub(crate) const SEPARATOR: char = '\u{1f}';

/// A profile's lists, each joined by [`SEPARATOR`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Lists {
    pub skills: String,
    pub schools: String,
    pub degrees: String,
    pub majors: String,
}

impl Lists {
    pub(crate) fn of(p: &Profile) -> Self {
        let join = |values: Vec<&str>| {
            values.into_iter().filter(|v| !v.trim().is_empty()).collect::<Vec<_>>().join(&SEPARATOR.to_string())
        };
        Self {
            skills: join(p.skills.iter().map(String::as_str).collect()),
            schools: join(p.education.iter().map(|e| e.school.as_str()).collect()),
            degrees: join(p.education.iter().map(|e| e.degree.as_str()).collect()),
            majors: join(p.education.iter().map(|e| e.major.as_str()).collect()),
        }
    }
}

/// Writes (or replaces) the lists of `cand`.
pub(crate) fn write(conn: &Connection, cand: i64, lists: &Lists) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO insight_values (cand, skills, schools, degrees, majors) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![cand, lists.skills, lists.schools, lists.degrees, lists.majors])?;
    Ok(())
}

/// The values of one list, as [`Lists`] joined them.
pub(crate) fn split(list: &str) -> impl Iterator<Item = &str> {
    list.split(SEPARATOR).filter(|v| !v.trim().is_empty())
}
