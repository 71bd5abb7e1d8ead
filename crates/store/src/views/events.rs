//! What the Events pages show: the list with counts, an event's members by tab with a search
//! box, the summary after the event, and the attendees as a selection for the bulk actions.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};
use serde::{Deserialize, Serialize};
use talentdesk_domain::Timestamp;
use talentdesk_domain::aggregate::EventMember;
use talentdesk_domain::event::Event;
use ts_rs::TS;
use uuid::Uuid;

use super::{CandidateRow, rows_for};
use crate::codec::{fold, millis, time, uuid};
use crate::search;
use crate::tables::{self, events};
use crate::{Store, StoreError};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EventCounts {
    #[ts(type = "number")]
    pub registered: u64,
    /// Came, registered or not.
    #[ts(type = "number")]
    pub attended: u64,
    #[ts(type = "number")]
    pub walk_ins: u64,
    /// Registered and not (yet) come.
    #[ts(type = "number")]
    pub no_shows: u64,
}

/// An event on the Events page, with its counts.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EventSummary {
    pub event: Event,
    #[serde(flatten)]
    #[ts(flatten)]
    pub counts: EventCounts,
}

/// A tab of an event's page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MemberFilter {
    #[default]
    All,
    Registered,
    Attended,
    WalkIns,
    NoShows,
    /// Walk-ins without an email address.
    FollowUp,
}

impl MemberFilter {
    fn sql(self) -> &'static str {
        match self {
            MemberFilter::All => "1",
            MemberFilter::Registered => "m.registered = 1",
            MemberFilter::Attended => "m.attended = 1",
            MemberFilter::WalkIns => "m.walk_in = 1",
            MemberFilter::NoShows => "m.registered = 1 AND m.attended = 0",
            MemberFilter::FollowUp => "m.follow_up = 1",
        }
    }
}

/// Which members an event's page lists: a tab, and words each of which must start or be in a
/// name or the email (case and accents ignored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MemberQuery {
    pub which: MemberFilter,
    pub text: String,
}

/// A member on an event's page: the results row, the membership, and their check-in code.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EventMemberRow {
    pub candidate: CandidateRow,
    #[serde(flatten)]
    #[ts(flatten)]
    pub member: EventMember,
    pub code: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EventMembersPage {
    pub rows: Vec<EventMemberRow>,
    /// How many members the query matches in all.
    #[ts(type = "number")]
    pub total: u64,
}

/// An event on a profile's Activity › Events: the event, the membership, the code.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EventMembership {
    pub event: Event,
    #[serde(flatten)]
    #[ts(flatten)]
    pub member: EventMember,
    pub code: String,
}

/// The summary on an event's page after (or during) the event.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EventReport {
    pub counts: EventCounts,
    /// Check-ins per quarter hour, from the first to the last (quarters with none included).
    #[ts(type = "Array<[string, number]>")]
    pub check_ins_over_time: Vec<(Timestamp, u64)>,
    /// How many ratings gave 1, 2, 3, 4 and 5 stars (every recruiter's rating counts).
    #[ts(type = "[number, number, number, number, number]")]
    pub ratings: [u64; 5],
    /// The areas of interest members chose, most chosen first (at most ten).
    #[ts(type = "Array<[string, number]>")]
    pub top_interests: Vec<(String, u64)>,
}

/// Quarter hours, as the attendance chart counts check-ins.
const BUCKET_MS: i64 = 15 * 60 * 1000;
/// Past this many quarter hours (four days) the chart's empty quarters are left out: check-ins
/// that far apart are not one day at the door.
const FILLED_BUCKETS: i64 = 4 * 24 * 4;
const TOP_INTERESTS: usize = 10;

fn counts(conn: &Connection, event: Uuid) -> Result<EventCounts, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FILTER (WHERE registered = 1), count(*) FILTER (WHERE attended = 1),
                 count(*) FILTER (WHERE walk_in = 1), count(*) FILTER (WHERE registered = 1 AND attended = 0)
             FROM event_members WHERE event_id = ?1",
        )?
        .query_row([event.to_string()], |r| {
            Ok(EventCounts { registered: r.get(0)?, attended: r.get(1)?, walk_ins: r.get(2)?, no_shows: r.get(3)? })
        })?)
}

/// The `WHERE` clause and its values for the members `query` asks for.
fn member_filter(event: Uuid, query: &MemberQuery) -> (String, Vec<Value>) {
    let mut sql = format!("m.event_id = ?1 AND {}", query.which.sql());
    let mut values = vec![Value::Text(event.to_string())];
    for word in fold(&query.text).split_whitespace() {
        let escaped = word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        values.push(Value::Text(format!("%{escaped}%")));
        let n = values.len();
        sql.push_str(&format!(
            " AND (c.name_key LIKE ?{n} ESCAPE '\\' OR lower(coalesce(c.email, '')) LIKE ?{n} ESCAPE '\\')"
        ));
    }
    (sql, values)
}

impl Store {
    /// Every event with its counts, latest first.
    pub fn events(&self) -> Result<Vec<EventSummary>, StoreError> {
        tables::events::all(self.conn())?
            .into_iter()
            .map(|event| Ok(EventSummary { counts: counts(self.conn(), event.id)?, event }))
            .collect()
    }

    /// One page of an event's members as `query` asks (by name), and how many match in all.
    pub fn event_members(
        &self,
        event_id: Uuid,
        query: &MemberQuery,
        limit: u32,
        offset: u32,
    ) -> Result<EventMembersPage, StoreError> {
        let conn = self.conn();
        events::get(conn, event_id)?;
        let (filter, mut values) = member_filter(event_id, query);
        let from = format!("FROM event_members m JOIN candidates c ON c.cand = m.cand WHERE {filter}");
        let total: u64 = conn
            .prepare_cached(&format!("SELECT count(*) {from}"))?
            .query_row(params_from_iter(&values), |r| r.get(0))?;
        values.extend([Value::from(i64::from(limit.min(search::MAX_PAGE))), Value::from(i64::from(offset))]);
        let n = values.len();
        let rows =
            member_rows(conn, &format!("{from} ORDER BY c.name_key, m.cand LIMIT ?{} OFFSET ?{n}", n - 1), &values)?;
        Ok(EventMembersPage { rows, total })
    }

    /// The event's latest check-ins, newest first (the check-in screen's list, after a restart
    /// and with teammates' check-ins synced in too).
    pub fn last_check_ins(&self, event_id: Uuid, limit: u32) -> Result<Vec<EventMemberRow>, StoreError> {
        let conn = self.conn();
        events::get(conn, event_id)?;
        member_rows(
            conn,
            "FROM event_members m JOIN candidates c ON c.cand = m.cand
             WHERE m.event_id = ?1 AND m.attended = 1 ORDER BY m.checked_in_at DESC, m.cand DESC LIMIT ?2",
            &[Value::Text(event_id.to_string()), Value::from(i64::from(limit.min(search::MAX_PAGE)))],
        )
    }

    /// The event's summary: counts, check-ins over time, ratings, top areas of interest.
    pub fn event_report(&self, event_id: Uuid) -> Result<EventReport, StoreError> {
        let conn = self.conn();
        events::get(conn, event_id)?;
        let mut ratings = [0u64; 5];
        let mut interests: BTreeMap<String, u64> = BTreeMap::new();
        let mut buckets: BTreeMap<i64, u64> = BTreeMap::new();
        for member in all_members(conn, event_id)? {
            for stars in member.ratings.values() {
                if let Some(n) = ratings.get_mut(usize::from(*stars).wrapping_sub(1)) {
                    *n += 1;
                }
            }
            for interest in member.interests {
                *interests.entry(interest).or_default() += 1;
            }
            if let (true, Some(at)) = (member.attended, member.checked_in_at) {
                *buckets.entry(millis(at).div_euclid(BUCKET_MS) * BUCKET_MS).or_default() += 1;
            }
        }
        let mut top_interests: Vec<(String, u64)> = interests.into_iter().collect();
        top_interests.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top_interests.truncate(TOP_INTERESTS);
        Ok(EventReport {
            counts: counts(conn, event_id)?,
            check_ins_over_time: over_time(buckets),
            ratings,
            top_interests,
        })
    }

    /// The ids of those who came to the event (rated `min_rating` stars or more by someone,
    /// when given), by name: a selection for the bulk actions.
    pub fn event_attendee_ids(&self, event_id: Uuid, min_rating: Option<u8>) -> Result<Vec<Uuid>, StoreError> {
        let conn = self.conn();
        events::get(conn, event_id)?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT c.id, {} FROM event_members m JOIN candidates c ON c.cand = m.cand
             WHERE m.event_id = ?1 AND m.attended = 1 ORDER BY c.name_key, m.cand",
            members_columns()
        ))?;
        let mut rows = stmt.query([event_id.to_string()])?;
        let mut ids = Vec::new();
        while let Some(r) = rows.next()? {
            let member = events::member_from(r, 1)?;
            if min_rating.is_none_or(|min| member.best_rating().is_some_and(|best| best >= min)) {
                ids.push(uuid(&r.get::<_, String>(0)?)?);
            }
        }
        Ok(ids)
    }
}

/// Members with their candidates' rows, from `SELECT m.cand, m.code, <membership columns> {tail}`.
fn member_rows(conn: &Connection, tail: &str, values: &[Value]) -> Result<Vec<EventMemberRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT m.cand, m.code, {} {tail}", members_columns()))?;
    let mut found = Vec::new();
    let mut rows = stmt.query(params_from_iter(values))?;
    while let Some(r) = rows.next()? {
        found.push((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, events::member_from(r, 2)?));
    }
    let candidates = rows_for(conn, &found.iter().map(|(cand, ..)| *cand).collect::<Vec<_>>())?;
    Ok(candidates
        .into_iter()
        .zip(found)
        .map(|(candidate, (_, code, member))| EventMemberRow { candidate, member, code })
        .collect())
}

/// The membership columns, qualified for a query that joins the candidates.
fn members_columns() -> String {
    events::MEMBER.split(',').map(|c| format!("m.{}", c.trim())).collect::<Vec<_>>().join(", ")
}

fn all_members(conn: &Connection, event: Uuid) -> Result<Vec<EventMember>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {} FROM event_members m WHERE m.event_id = ?1", members_columns()))?;
    let mut rows = stmt.query([event.to_string()])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(events::member_from(r, 0)?);
    }
    Ok(out)
}

/// Counted quarters in order, the empty ones between them filled in when they are few enough
/// to chart.
fn over_time(buckets: BTreeMap<i64, u64>) -> Vec<(Timestamp, u64)> {
    let (Some(first), Some(last)) = (buckets.keys().next().copied(), buckets.keys().next_back().copied()) else {
        return Vec::new();
    };
    if (last - first) / BUCKET_MS > FILLED_BUCKETS {
        return buckets.into_iter().map(|(at, n)| (time(at), n)).collect();
    }
    (first..=last).step_by(BUCKET_MS as usize).map(|at| (time(at), buckets.get(&at).copied().unwrap_or(0))).collect()
}
