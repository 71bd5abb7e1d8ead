//! Turns a [`SearchRequest`] into a plan over in-memory sets: checks every filter value
//! (naming the one that does not exist), fetches the sets keywords and memberships match, and
//! reduces the rest to a test on each candidate's [`Fact`].

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use roaring::RoaringBitmap;
use rusqlite::Connection;
use rusqlite::types::Value;
use talentdesk_domain::DomainError;
use talentdesk_domain::activity::EngagementSet;
use talentdesk_domain::event::Participation;
use talentdesk_domain::job::HIRING_STATUSES;
use talentdesk_domain::search::experience::month_index;
use talentdesk_domain::search::{DateRange, Query, SearchRequest, parse};

use super::facts::{Fact, Facts, profile_type_code};
use super::insights::{self, Values};
use super::sets::{Matches, Reach, SetCache, literal};
use super::terms::FrequentTerms;
use crate::StoreError;
use crate::tables::{events, jobs, pipelines, tags, users};

/// A test on one candidate's facts; every part must hold.
#[derive(Debug, Clone)]
pub(crate) struct Predicate {
    active: bool,
    eligible: Option<bool>,
    /// Bit per activity status code; 0 = any.
    activity: u32,
    engagements_any: u32,
    engagements_none: u32,
    /// Bit per profile type code; 0 = any.
    profile_types: u32,
    /// `Some(None)`: a recruiter who owns nobody, so nothing matches.
    owner: Option<Option<u32>>,
    created: (i64, i64),
    updated: (i64, i64),
    /// Months of experience, [start, end); [`ANY_EXPERIENCE`] when not asked.
    experience: (u32, u32),
    /// This month (a `month_index`): an ongoing job's experience counts up to it.
    now: u32,
}

const ANY_EXPERIENCE: (u32, u32) = (0, u32::MAX);

impl Predicate {
    /// `Some(active)` when whether a candidate is active is all this tests.
    pub(crate) fn only_active(&self) -> Option<bool> {
        let everything = (i64::MIN, i64::MAX);
        (self.eligible.is_none()
            && self.activity == 0
            && self.engagements_any == 0
            && self.engagements_none == 0
            && self.profile_types == 0
            && self.owner.is_none()
            && self.created == everything
            && self.updated == everything
            && self.experience == ANY_EXPERIENCE)
            .then_some(self.active)
    }

    /// When this leaves inactive candidates out: the same test for them, the rest unchanged.
    pub(crate) fn hiding_inactive(&self) -> Option<Self> {
        self.active.then(|| Self { active: false, ..self.clone() })
    }

    pub(crate) fn holds(&self, f: &Fact) -> bool {
        f.active == self.active
            && self.eligible.is_none_or(|e| f.eligible == e)
            && (self.activity == 0 || self.activity & (1 << f.activity) != 0)
            && (self.engagements_any == 0 || f.engagements & self.engagements_any != 0)
            && f.engagements & self.engagements_none == 0
            && (self.profile_types == 0 || (f.profile_type < 32 && self.profile_types & (1 << f.profile_type) != 0))
            && self.owner.is_none_or(|o| o.is_some_and(|o| o == f.owner))
            && (self.created.0..self.created.1).contains(&f.created)
            && (self.updated.0..self.updated.1).contains(&f.updated)
            && (self.experience == ANY_EXPERIENCE
                || (self.experience.0..self.experience.1).contains(&f.experience_at(self.now)))
    }
}

/// A keyword that scores: its matches by tier.
pub(crate) type Scorer = Arc<Matches>;

pub(crate) struct Plan {
    /// Candidates must be in every one of these sets.
    pub sets: Vec<Arc<RoaringBitmap>>,
    pub predicate: Predicate,
    /// The keywords a match is scored on (those not under a NOT); empty without keywords.
    pub scorers: Vec<Scorer>,
    /// Some keyword was matched by name and email only ([`Reach::NamesOnly`]): the plan may
    /// match fewer candidates than the search does.
    pub partial: bool,
}

fn unknown(filter: &str, value: impl std::fmt::Display) -> StoreError {
    DomainError::invalid(filter, format!("{value} does not exist")).into()
}

pub(crate) fn plan(
    conn: &Connection,
    facts: &Facts,
    values: Option<&Values>,
    terms: &FrequentTerms,
    cache: &mut SetCache,
    request: &SearchRequest,
    reach: Reach,
) -> Result<Plan, StoreError> {
    let f = &request.filters;
    let predicate = predicate(conn, facts, request)?;
    let mut plan = Plan { sets: Vec::new(), predicate, scorers: Vec::new(), partial: false };

    if let Some(query) = parse(&request.query)? {
        let all_tags = tags::all(conn)?;
        let mut eval =
            Evaluator { conn, facts, terms, cache, all_tags: &all_tags, reach, scorers: Vec::new(), partial: false };
        let set = eval.eval(&query, true)?;
        plan.partial = eval.partial;
        plan.scorers = eval.scorers;
        plan.sets.push(Arc::new(set));
    }
    if let Some(location) = f.location.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        if !location.chars().any(char::is_alphanumeric) {
            return Err(DomainError::invalid("location", format!("\"{location}\" has no letters or digits")).into());
        }
        plan.sets.push(cache.fts_set(conn, &format!("location : {}*", literal(location)))?);
    }
    if !f.tags.is_empty() {
        let ids = f
            .tags
            .iter()
            .map(|name| tags::find(conn, name)?.ok_or_else(|| unknown("tags", format!("tag \"{name}\""))))
            .collect::<Result<Vec<_>, _>>()?;
        plan.sets.push(tagged(conn, cache, &ids)?);
    }
    if let Some(p) = &f.pipeline {
        let pipeline = pipelines::get(conn, p.pipeline_id)
            .map_err(|_| unknown("pipeline", format!("pipeline {}", p.pipeline_id)))?;
        let mut params = vec![Value::Text(p.pipeline_id.to_string())];
        let mut sql = "SELECT cand FROM pipeline_members WHERE pipeline_id = ?1".to_owned();
        if let Some(s) = &p.status {
            params.push(Value::Text(pipeline.status(s)?));
            sql.push_str(" AND status = ?2");
        }
        plan.sets.push(cache.query(conn, format!("pipeline\u{1f}{params:?}"), &sql, &params)?);
    }
    if let Some(e) = &f.event {
        events::get(conn, e.event_id).map_err(|_| unknown("event", format!("event {}", e.event_id)))?;
        let which = match e.participation {
            Participation::Registered => " AND registered = 1",
            Participation::Attended => " AND attended = 1",
            Participation::Any => "",
        };
        let sql = format!("SELECT cand FROM event_members WHERE event_id = ?1{which}");
        plan.sets.push(cache.query(
            conn,
            format!("event\u{1f}{}{which}", e.event_id),
            &sql,
            &[Value::Text(e.event_id.to_string())],
        )?);
    }
    if let Some(j) = &f.job {
        jobs::get(conn, j.job_id).map_err(|_| unknown("job", format!("job {}", j.job_id)))?;
        let mut params = vec![Value::Text(j.job_id.to_string())];
        let mut sql = "SELECT cand FROM applications WHERE job_id = ?1".to_owned();
        if let Some(s) = &j.hiring_status {
            let known = HIRING_STATUSES.iter().chain(&["Withdrawn"]).find(|k| k.eq_ignore_ascii_case(s.trim()));
            let Some(known) = known else {
                return Err(DomainError::invalid(
                    "hiring_status",
                    format!("\"{s}\" is not a hiring status; use one of: {}, Withdrawn", HIRING_STATUSES.join(", ")),
                )
                .into());
            };
            params.push(Value::Text((*known).to_owned()));
            sql.push_str(" AND hiring_status = ?2");
        }
        plan.sets.push(cache.query(conn, format!("job\u{1f}{params:?}"), &sql, &params)?);
    }
    plan.sets.extend(insights::facet_sets(facts, values, &f.facets)?.into_iter().map(Arc::new));
    // Smallest first: intersecting walks the first set.
    plan.sets.sort_by_key(|s| s.len());
    Ok(plan)
}

fn predicate(conn: &Connection, facts: &Facts, request: &SearchRequest) -> Result<Predicate, StoreError> {
    let f = &request.filters;
    let owner = match f.recruiter {
        Some(r) => {
            users::by_id(conn, &r.to_string())?.ok_or_else(|| unknown("recruiter", format!("user {r}")))?;
            Some(facts.owner_code(&r.to_string()))
        }
        None => None,
    };
    Ok(Predicate {
        active: f.active.unwrap_or(true),
        eligible: f.eligible,
        activity: f.activity.iter().fold(0, |m, s| m | 1 << s.code()),
        engagements_any: EngagementSet::of(&f.engagements_any).0,
        engagements_none: EngagementSet::of(&f.engagements_none).0,
        profile_types: f.profile_types.iter().fold(0, |m, t| m | 1 << profile_type_code(Some(*t))),
        owner,
        created: range("created", &f.created)?,
        updated: range("updated", &f.updated)?,
        experience: f.experience.months()?,
        now: this_month(),
    })
}

/// This month as a `month_index`, which experience is counted up to.
pub(crate) fn this_month() -> u32 {
    month_index(chrono::Utc::now().date_naive())
}

/// A date range as [start, end) in epoch milliseconds.
fn range(field: &str, range: &DateRange) -> Result<(i64, i64), StoreError> {
    if let (Some(from), Some(to)) = (range.from, range.to)
        && from > to
    {
        return Err(DomainError::invalid(field, format!("the range starts ({from}) after it ends ({to})")).into());
    }
    let start_ms = |d: NaiveDate| d.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
    Ok((range.from.map_or(i64::MIN, start_ms), range.to.map_or(i64::MAX, |to| start_ms(to.succ_opt().unwrap_or(to)))))
}

fn tagged(conn: &Connection, cache: &mut SetCache, tag_ids: &[i64]) -> Result<Arc<RoaringBitmap>, StoreError> {
    let list = tag_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    cache.query(
        conn,
        format!("tags\u{1f}{list}"),
        &format!("SELECT cand FROM candidate_tags WHERE tag IN ({list})"),
        &[],
    )
}

struct Evaluator<'a> {
    conn: &'a Connection,
    facts: &'a Facts,
    terms: &'a FrequentTerms,
    cache: &'a mut SetCache,
    all_tags: &'a [tags::TagName],
    /// Only for keywords that score: under a NOT, fewer matches would mean more results.
    reach: Reach,
    scorers: Vec<Scorer>,
    /// Some keyword's matches were partial.
    partial: bool,
}

impl Evaluator<'_> {
    /// The candidates `q` matches; `positive` is false under a NOT (those keywords do not score).
    fn eval(&mut self, q: &Query, positive: bool) -> Result<RoaringBitmap, StoreError> {
        Ok(match q {
            Query::Prefix(_) | Query::Phrase(_) => {
                let (word, prefix) = match q {
                    Query::Prefix(w) => (w, true),
                    Query::Phrase(p) => (p, false),
                    _ => unreachable!("a leaf"),
                };
                let expr = if prefix { format!("{}*", literal(word)) } else { literal(word) };
                let tag_ids = tags::matching(self.all_tags, word, !prefix);
                let extra = if tag_ids.is_empty() { None } else { Some(tagged(self.conn, self.cache, &tag_ids)?) };
                let (conn, terms) = (self.conn, self.terms);
                let reach = if positive { self.reach } else { Reach::Everywhere };
                let matches =
                    self.cache.keyword(&expr, extra, reach, || terms.matches(conn, word, prefix, &expr, reach))?;
                self.partial |= matches.partial;
                let all = matches.all.clone();
                if positive {
                    self.scorers.push(matches);
                }
                all
            }
            Query::And(parts) => {
                let (negative, positive_parts): (Vec<&Query>, Vec<&Query>) =
                    parts.iter().partition(|p| matches!(p, Query::Not(_)));
                let mut set = match positive_parts.split_first() {
                    Some((first, rest)) => {
                        let mut set = self.eval(first, positive)?;
                        for p in rest {
                            set &= self.eval(p, positive)?;
                        }
                        set
                    }
                    None => self.facts.present.clone(),
                };
                for n in negative {
                    let Query::Not(inner) = n else { unreachable!("partitioned on Not") };
                    set -= self.eval(inner, !positive)?;
                }
                set
            }
            Query::Or(parts) => {
                let mut set = RoaringBitmap::new();
                for p in parts {
                    set |= self.eval(p, positive)?;
                }
                set
            }
            Query::Not(inner) => &self.facts.present - &self.eval(inner, !positive)?,
        })
    }
}
