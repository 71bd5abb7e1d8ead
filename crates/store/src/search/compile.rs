//! Turns a [`SearchRequest`] into SQL conditions over `candidates c`.
//!
//! Keywords become one FTS5 MATCH expression whenever the query allows it (the fast path: the
//! index does the Boolean logic). A word that also names a tag, or a NOT with nothing to
//! subtract from, needs SQL set logic instead: each part becomes `c.cand IN (...)`.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::Connection;
use rusqlite::types::Value;
use talentdesk_domain::DomainError;
use talentdesk_domain::activity::EngagementSet;
use talentdesk_domain::event::Participation;
use talentdesk_domain::job::HIRING_STATUSES;
use talentdesk_domain::search::{DateRange, Query, SearchRequest, parse};

use crate::StoreError;
use crate::tables::{events, jobs, pipelines, tags, users};

const FTS_IN: &str = "c.cand IN (SELECT rowid FROM candidate_fts WHERE candidate_fts MATCH";

#[derive(Debug, Default)]
pub(crate) struct Compiled {
    /// Filter conditions (not keywords), ANDed.
    conditions: Vec<String>,
    /// The keyword condition, kept apart so a relevance query can join the index instead.
    keyword_condition: Option<String>,
    pub params: Vec<Value>,
    /// When the keywords (and location) are one MATCH expression: that expression, for ranking.
    pub rank_match: Option<String>,
}

impl Compiled {
    fn bind(&mut self, value: Value) -> String {
        self.params.push(value);
        format!("?{}", self.params.len())
    }

    pub fn conditions_with_fts(&self) -> String {
        self.conditions.iter().chain(&self.keyword_condition).cloned().collect::<Vec<_>>().join(" AND ")
    }

    /// The filters alone; the caller matches `rank_match` against the index itself.
    pub fn conditions_without_fts(&self) -> String {
        self.conditions.join(" AND ")
    }
}

fn unknown(filter: &str, value: impl std::fmt::Display) -> StoreError {
    DomainError::invalid(filter, format!("{value} does not exist")).into()
}

pub(crate) fn compile(conn: &Connection, request: &SearchRequest) -> Result<Compiled, StoreError> {
    let mut c = Compiled::default();
    let f = &request.filters;

    c.conditions.push(format!("c.active = {}", i32::from(f.active.unwrap_or(true))));
    keywords(conn, &mut c, &request.query, f.location.as_deref())?;

    if !f.tags.is_empty() {
        let ids = f
            .tags
            .iter()
            .map(|name| tags::find(conn, name)?.ok_or_else(|| unknown("tags", format!("tag \"{name}\""))))
            .collect::<Result<Vec<_>, _>>()?;
        c.conditions.push(format!("c.cand IN (SELECT cand FROM candidate_tags WHERE tag IN ({}))", join_ints(&ids)));
    }
    if !f.activity.is_empty() {
        let codes: Vec<i64> = f.activity.iter().map(|s| s.code()).collect();
        c.conditions.push(format!("c.activity IN ({})", join_ints(&codes)));
    }
    if !f.engagements_any.is_empty() {
        c.conditions.push(format!("(c.engagements & {}) != 0", EngagementSet::of(&f.engagements_any).0));
    }
    if !f.engagements_none.is_empty() {
        c.conditions.push(format!("(c.engagements & {}) = 0", EngagementSet::of(&f.engagements_none).0));
    }
    if let Some(p) = &f.pipeline {
        let pipeline = pipelines::get(conn, p.pipeline_id)
            .map_err(|_| unknown("pipeline", format!("pipeline {}", p.pipeline_id)))?;
        let id = c.bind(Value::Text(p.pipeline_id.to_string()));
        let status = match &p.status {
            Some(s) => format!(" AND status = {}", c.bind(Value::Text(pipeline.status(s)?))),
            None => String::new(),
        };
        c.conditions.push(format!("c.cand IN (SELECT cand FROM pipeline_members WHERE pipeline_id = {id}{status})"));
    }
    if let Some(e) = &f.event {
        events::get(conn, e.event_id).map_err(|_| unknown("event", format!("event {}", e.event_id)))?;
        let id = c.bind(Value::Text(e.event_id.to_string()));
        let which = match e.participation {
            Participation::Registered => " AND registered = 1",
            Participation::Attended => " AND attended = 1",
            Participation::Any => "",
        };
        c.conditions.push(format!("c.cand IN (SELECT cand FROM event_members WHERE event_id = {id}{which})"));
    }
    if let Some(j) = &f.job {
        jobs::get(conn, j.job_id).map_err(|_| unknown("job", format!("job {}", j.job_id)))?;
        let id = c.bind(Value::Text(j.job_id.to_string()));
        let status = match &j.hiring_status {
            Some(s) => {
                let known = HIRING_STATUSES.iter().chain(&["Withdrawn"]).find(|k| k.eq_ignore_ascii_case(s.trim()));
                let Some(known) = known else {
                    return Err(DomainError::invalid(
                        "hiring_status",
                        format!(
                            "\"{s}\" is not a hiring status; use one of: {}, Withdrawn",
                            HIRING_STATUSES.join(", ")
                        ),
                    )
                    .into());
                };
                format!(" AND hiring_status = {}", c.bind(Value::Text((*known).to_owned())))
            }
            None => String::new(),
        };
        c.conditions.push(format!("c.cand IN (SELECT cand FROM applications WHERE job_id = {id}{status})"));
    }
    if !f.profile_types.is_empty() {
        let codes: Vec<String> = f.profile_types.iter().map(|t| format!("'{}'", t.code())).collect();
        c.conditions.push(format!("c.profile_type IN ({})", codes.join(", ")));
    }
    if let Some(r) = f.recruiter {
        users::by_id(conn, &r.to_string())?.ok_or_else(|| unknown("recruiter", format!("user {r}")))?;
        let id = c.bind(Value::Text(r.to_string()));
        c.conditions.push(format!("c.owner_id = {id}"));
    }
    date_range(&mut c, "created", "c.created_at", &f.created)?;
    date_range(&mut c, "updated", "c.updated_at", &f.updated)?;
    if let Some(eligible) = f.eligible {
        c.conditions.push(format!("c.eligible = {}", i32::from(eligible)));
    }
    Ok(c)
}

fn join_ints(values: &[i64]) -> String {
    values.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
}

fn date_range(c: &mut Compiled, field: &str, column: &str, range: &DateRange) -> Result<(), StoreError> {
    if let (Some(from), Some(to)) = (range.from, range.to)
        && from > to
    {
        return Err(DomainError::invalid(field, format!("the range starts ({from}) after it ends ({to})")).into());
    }
    let start_ms = |d: NaiveDate| d.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
    if let Some(from) = range.from {
        let p = c.bind(Value::Integer(start_ms(from)));
        c.conditions.push(format!("{column} >= {p}"));
    }
    if let Some(to) = range.to {
        let next_day = to.succ_opt().unwrap_or(to);
        let p = c.bind(Value::Integer(start_ms(next_day)));
        c.conditions.push(format!("{column} < {p}"));
    }
    Ok(())
}

/// An FTS5 string literal: the text in double quotes, inner quotes doubled.
fn literal(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

fn location_expr(location: &str) -> Result<Option<String>, StoreError> {
    let location = location.trim();
    if location.is_empty() {
        return Ok(None);
    }
    if !location.chars().any(char::is_alphanumeric) {
        return Err(DomainError::invalid("location", format!("\"{location}\" has no letters or digits")).into());
    }
    Ok(Some(format!("location : {}*", literal(location))))
}

fn keywords(conn: &Connection, c: &mut Compiled, query: &str, location: Option<&str>) -> Result<(), StoreError> {
    let location = location.map(location_expr).transpose()?.flatten();
    let Some(query) = parse(query)? else {
        if let Some(loc) = location {
            let p = c.bind(Value::Text(loc.clone()));
            c.keyword_condition = Some(format!("{FTS_IN} {p})"));
            c.rank_match = Some(loc);
        }
        return Ok(());
    };
    let all_tags = tags::all(conn)?;
    let tagged = |leaf: &Query| match leaf {
        Query::Prefix(w) => tags::matching(&all_tags, w, false),
        Query::Phrase(p) => tags::matching(&all_tags, p, true),
        _ => Vec::new(),
    };
    match fts_expr(&query, &tagged) {
        Some(expr) => {
            let expr = match location {
                Some(loc) => format!("({expr}) AND {loc}"),
                None => expr,
            };
            let p = c.bind(Value::Text(expr.clone()));
            c.keyword_condition = Some(format!("{FTS_IN} {p})"));
            c.rank_match = Some(expr);
        }
        None => {
            let mut sql = sql_expr(c, &query, &tagged);
            if let Some(loc) = location {
                let p = c.bind(Value::Text(loc));
                sql = format!("{sql} AND {FTS_IN} {p})");
            }
            c.keyword_condition = Some(format!("({sql})"));
        }
    }
    Ok(())
}

/// The query as one FTS5 expression, or None when it cannot be one: a leaf also matches tags,
/// or a NOT stands where FTS5 has nothing to subtract it from.
fn fts_expr(q: &Query, tagged: &dyn Fn(&Query) -> Vec<i64>) -> Option<String> {
    match q {
        Query::Prefix(w) => tagged(q).is_empty().then(|| format!("{}*", literal(w))),
        Query::Phrase(p) => tagged(q).is_empty().then(|| literal(p)),
        Query::Or(parts) => {
            let parts = parts.iter().map(|p| fts_expr(p, tagged)).collect::<Option<Vec<_>>>()?;
            Some(format!("({})", parts.join(" OR ")))
        }
        Query::And(parts) => {
            let (negative, positive): (Vec<&Query>, Vec<&Query>) =
                parts.iter().partition(|p| matches!(p, Query::Not(_)));
            if positive.is_empty() {
                return None;
            }
            let positive = positive.into_iter().map(|p| fts_expr(p, tagged)).collect::<Option<Vec<_>>>()?;
            let mut expr = format!("({})", positive.join(" AND "));
            for n in negative {
                let Query::Not(inner) = n else { unreachable!("partitioned on Not") };
                expr = format!("({expr} NOT {})", fts_expr(inner, tagged)?);
            }
            Some(expr)
        }
        Query::Not(_) => None,
    }
}

/// The query as SQL set logic; parts that can be one FTS5 expression still are.
fn sql_expr(c: &mut Compiled, q: &Query, tagged: &dyn Fn(&Query) -> Vec<i64>) -> String {
    if let Some(expr) = fts_expr(q, tagged) {
        let p = c.bind(Value::Text(expr));
        return format!("{FTS_IN} {p})");
    }
    match q {
        Query::Prefix(_) | Query::Phrase(_) => {
            let text = match q {
                Query::Prefix(w) => format!("{}*", literal(w)),
                Query::Phrase(p) => literal(p),
                _ => unreachable!("leaf"),
            };
            let p = c.bind(Value::Text(text));
            let tag_ids = join_ints(&tagged(q));
            format!("({FTS_IN} {p}) OR c.cand IN (SELECT cand FROM candidate_tags WHERE tag IN ({tag_ids})))")
        }
        Query::And(parts) => {
            let parts: Vec<String> = parts.iter().map(|p| sql_expr(c, p, tagged)).collect();
            format!("({})", parts.join(" AND "))
        }
        Query::Or(parts) => {
            let parts: Vec<String> = parts.iter().map(|p| sql_expr(c, p, tagged)).collect();
            format!("({})", parts.join(" OR "))
        }
        Query::Not(inner) => format!("NOT {}", sql_expr(c, inner, tagged)),
    }
}
