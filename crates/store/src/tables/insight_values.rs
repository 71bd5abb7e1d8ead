//! `insight_values`: each candidate's skills, areas of interest and the schools, degrees and
//! majors of their education, as the insights charts count them (see
//! migrations/0020_insight_values.sql and 0025_interest_values.sql).
//! Kept beside the row, written whenever the profile is, so that the charts' in-memory codes
//! load from short text rather than every candidate's details JSON.

use rusqlite::{Connection, OptionalExtension, params};
use talentdesk_domain::candidate::Profile;

use crate::StoreError;

/// Between the values of one list. Profile text holds no control characters.
pub(crate) const SEPARATOR: char = '\u{1f}';

/// A profile's lists, each joined by [`SEPARATOR`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Lists {
    pub skills: String,
    pub interests: String,
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
            interests: join(p.interests.iter().map(String::as_str).collect()),
            schools: join(p.education.iter().map(|e| e.school.as_str()).collect()),
            degrees: join(p.education.iter().map(|e| e.degree.as_str()).collect()),
            majors: join(p.education.iter().map(|e| e.major.as_str()).collect()),
        }
    }
}

/// Writes (or replaces) the lists of `cand`.
pub(crate) fn write(conn: &Connection, cand: i64, lists: &Lists) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO insight_values (cand, skills, interests, schools, degrees, majors)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![cand, lists.skills, lists.interests, lists.schools, lists.degrees, lists.majors])?;
    Ok(())
}

/// The areas of interest of `cand`, as the results table's column shows them.
pub(crate) fn interests(conn: &Connection, cand: i64) -> Result<Vec<String>, StoreError> {
    let list: Option<String> = conn
        .prepare_cached("SELECT interests FROM insight_values WHERE cand = ?1")?
        .query_row([cand], |r| r.get(0))
        .optional()?;
    Ok(list.as_deref().map(split).into_iter().flatten().map(str::to_owned).collect())
}

/// Migration 25: the interests column, filled from every candidate's details. The column is
/// added only when missing: a file set back to an older version (as tests do) has it already,
/// since migration 20 keeps the table it finds.
pub(crate) fn add_interests(conn: &Connection) -> Result<(), StoreError> {
    let has: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('insight_values') WHERE name = 'interests')",
        [],
        |r| r.get(0),
    )?;
    if !has {
        conn.execute_batch("ALTER TABLE insight_values ADD COLUMN interests TEXT NOT NULL DEFAULT ''")?;
    }
    conn.execute_batch(
        "UPDATE insight_values SET interests = ifnull(
             (SELECT group_concat(value, char(31)) FROM candidate_details d, json_each(d.details, '$.interests')
              WHERE d.cand = insight_values.cand), '')",
    )?;
    Ok(())
}

/// The values of one list, as [`Lists`] joined them.
pub(crate) fn split(list: &str) -> impl Iterator<Item = &str> {
    list.split(SEPARATOR).filter(|v| !v.trim().is_empty())
}
