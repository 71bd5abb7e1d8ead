//! Insights: the shape of any search's results at a glance — how many of its candidates are
//! in each country and city, at each company, with each title, skill, area of interest, school,
//! degree and major, at each activity status, from each source and with how many years of experience.
//! Each chart is its top values, with what is left as "other" and those with no value as
//! "unknown". A chart's value is also a search filter ([`FacetFilter`]), so a click on a bar
//! narrows the search to it.
//!
//! Counted in memory over the search's matches: the text values as small codes
//! ([`values`]), the rest from search's facts. See BENCHMARKS.md for the time at a million.

mod values;
mod workbook;

use roaring::RoaringBitmap;
use rusqlite::Connection;
use serde::Serialize;
use talentdesk_domain::DomainError;
use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::search::{Facet, FacetFilter, SearchRequest, YearsRange};
use ts_rs::TS;

use super::Engine;
use super::facts::{Facts, profile_type_code};
use super::plan::this_month;
use crate::StoreError;
pub(crate) use values::Values;
use values::{LISTED, SINGLE, Slot};

/// How many values a chart shows unless asked for another number.
pub const TOP: usize = 10;
/// The most values a chart shows.
pub const MAX_TOP: usize = 50;

/// The charts of one search.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Insights {
    /// How many candidates the search matches: what the shares are of.
    #[ts(type = "number")]
    pub total: u64,
    /// One per [`Facet`], in [`Facet::ALL`]'s order.
    pub charts: Vec<Chart>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Chart {
    pub facet: Facet,
    /// The values with the most candidates, most first (activity, source and years in their
    /// own order); values no candidate of the search has are left out.
    pub bars: Vec<Bar>,
    /// Candidates with a value, but none of those shown.
    #[ts(type = "number")]
    pub other: u64,
    /// Candidates with no value known.
    #[ts(type = "number")]
    pub unknown: u64,
    /// How many different values the search's candidates have.
    #[ts(type = "number")]
    pub distinct: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Bar {
    /// The value as a [`FacetFilter`] names it.
    pub value: String,
    /// The value as shown.
    pub label: String,
    #[ts(type = "number")]
    pub count: u64,
    /// `count` of the search's total, from 0 to 1. A candidate has several skills (schools,
    /// ...), so a listed facet's shares can add up to more than 1.
    pub share: f64,
}

impl Chart {
    fn new(facet: Facet, total: u64, mut bars: Vec<Bar>, unknown: u64, other: u64, distinct: u64) -> Self {
        for bar in &mut bars {
            bar.share = if total == 0 { 0.0 } else { bar.count as f64 / total as f64 };
        }
        Chart { facet, bars, other, unknown, distinct }
    }
}

/// The experience ranges the years chart shows: whole years, both ends inclusive.
const YEARS: [(u32, Option<u32>); 6] =
    [(0, Some(1)), (2, Some(4)), (5, Some(9)), (10, Some(14)), (15, Some(19)), (20, None)];

fn years_value((min, max): (u32, Option<u32>)) -> String {
    max.map_or(format!("{min}-"), |max| format!("{min}-{max}"))
}

fn years_label((min, max): (u32, Option<u32>)) -> String {
    max.map_or(format!("{min}+"), |max| format!("{min}–{max}"))
}

/// The range of [`YEARS`] `months` of experience fall in.
fn years_bucket(months: u32) -> usize {
    let years = months / 12;
    YEARS.iter().position(|(_, max)| max.is_none_or(|max| years <= max)).unwrap_or(YEARS.len() - 1)
}

/// A years value (`5-9`, `20-`) as months, [start, end), as the experience filter counts them.
fn years_months(value: &str) -> Result<(u32, u32), StoreError> {
    let bad = || DomainError::invalid("years", format!("\"{value}\" is not a range of years like 5-9 or 20-"));
    let (min, max) = value.trim().split_once('-').ok_or_else(bad)?;
    let min: u32 = min.trim().parse().map_err(|_| bad())?;
    let max = match max.trim() {
        "" => None,
        max => Some(max.parse::<u32>().map_err(|_| bad())?),
    };
    // Refused here, naming the chart's value, before the range's own check could.
    if max.is_some_and(|max| max < min) {
        return Err(bad().into());
    }
    Ok(YearsRange { min: Some(min), max }.months()?)
}

fn activity_of(value: &str) -> Result<ActivityStatus, StoreError> {
    ActivityStatus::parse(value.trim()).ok_or_else(|| {
        let names: Vec<String> = ActivityStatus::ALL.iter().map(|s| s.label().to_lowercase()).collect();
        DomainError::invalid(
            "activity",
            format!("\"{value}\" is not an activity status; use one of: {}", names.join(", ")),
        )
        .into()
    })
}

/// A source's code in the facts; "" is a profile type not known.
fn source_code(value: &str) -> Result<u8, StoreError> {
    if value.trim().is_empty() {
        return Ok(profile_type_code(None));
    }
    let known = ProfileType::parse(value.trim()).ok_or_else(|| {
        let names: Vec<&str> = ProfileType::ALL.iter().map(|t| t.code()).collect();
        DomainError::invalid("source", format!("\"{value}\" is not a source; use one of: {}", names.join(", ")))
    })?;
    Ok(profile_type_code(Some(known)))
}

/// Whether a search with these filters needs the charts' text values.
fn needs_values(filters: &[FacetFilter]) -> bool {
    filters.iter().any(|f| Slot::of(f.facet).is_some())
}

/// The sets a search's facet filters restrict it to, each among `facts.present`: per facet,
/// those with any included value; and those with none of the excluded values.
pub(super) fn facet_sets(
    facts: &Facts,
    values: Option<&Values>,
    filters: &[FacetFilter],
) -> Result<Vec<RoaringBitmap>, StoreError> {
    let mut sets = Vec::new();
    let mut excluded = RoaringBitmap::new();
    let now = this_month();
    for facet in Facet::ALL {
        let of = |exclude: bool| -> Vec<&str> {
            filters.iter().filter(|f| f.facet == facet && f.exclude == exclude).map(|f| f.value.as_str()).collect()
        };
        let (shown, left_out) = (of(false), of(true));
        if !shown.is_empty() {
            sets.push(having_any(facts, values, facet, &shown, now)?);
        }
        if !left_out.is_empty() {
            excluded |= having_any(facts, values, facet, &left_out, now)?;
        }
    }
    if !excluded.is_empty() {
        sets.push(&facts.present - &excluded);
    }
    Ok(sets)
}

/// The candidates whose `facet` has any of `wanted`, found in one pass over the candidates
/// (a click on four countries' bars is one pass, not four).
fn having_any(
    facts: &Facts,
    values: Option<&Values>,
    facet: Facet,
    wanted: &[&str],
    now: u32,
) -> Result<RoaringBitmap, StoreError> {
    let present = &facts.present;
    let pick = |test: &dyn Fn(u32) -> bool| present.iter().filter(|c| test(*c)).collect();
    Ok(match facet {
        Facet::Activity => {
            let codes =
                wanted.iter().map(|v| Ok(activity_of(v)?.code() as u8)).collect::<Result<Vec<_>, StoreError>>()?;
            pick(&|c| codes.contains(&facts.get(c).activity))
        }
        Facet::Source => {
            let codes = wanted.iter().map(|v| source_code(v)).collect::<Result<Vec<_>, _>>()?;
            pick(&|c| codes.contains(&facts.get(c).profile_type))
        }
        Facet::Years => {
            let ranges = wanted.iter().map(|v| years_months(v)).collect::<Result<Vec<_>, _>>()?;
            pick(&|c| {
                let months = facts.get(c).experience_at(now);
                ranges.iter().any(|(start, end)| (*start..*end).contains(&months))
            })
        }
        text => {
            let slot = Slot::of(text).expect("every other facet is text");
            let values = values.ok_or_else(|| StoreError::Corrupt("the charts' values are not loaded".into()))?;
            // A value no candidate ever had (a chart from before a change) matches nobody.
            let codes: Vec<u32> = wanted.iter().filter_map(|v| values.dictionaries[slot.index()].code(v)).collect();
            if codes.is_empty() { RoaringBitmap::new() } else { values.having(slot, &codes, present) }
        }
    })
}

/// Counts every chart over `matched`.
fn count(facts: &Facts, values: &Values, matched: &RoaringBitmap, top: usize, now: u32) -> Insights {
    let total = matched.len();
    let mut text: Vec<Vec<u64>> = values.dictionaries.iter().map(|d| vec![0; d.len()]).collect();
    let mut activity = [0u64; 32];
    let mut source = [0u64; 256];
    let mut years = [0u64; YEARS.len()];
    for c in matched {
        for (i, counts) in text.iter_mut().take(SINGLE.len()).enumerate() {
            counts[values.single(i, c) as usize] += 1;
        }
        let mut seen = 0u32;
        for (i, code) in values.listed(c) {
            text[Slot::Listed(i).index()][code as usize] += 1;
            seen |= 1 << i;
        }
        for i in (0..LISTED.len()).filter(|i| seen & 1 << i == 0) {
            text[Slot::Listed(i).index()][0] += 1;
        }
        let f = facts.get(c);
        activity[usize::from(f.activity) % activity.len()] += 1;
        source[usize::from(f.profile_type)] += 1;
        years[years_bucket(f.experience_at(now))] += 1;
    }

    // The shown values of each text facet, and its candidates with a value but none shown.
    let shown: Vec<Vec<u32>> = text.iter().map(|counts| top_codes(counts, top)).collect();
    let mut other: Vec<u64> = SINGLE
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let counts = &text[i];
            total - counts[0] - shown[i].iter().map(|c| counts[*c as usize]).sum::<u64>()
        })
        .collect();
    other.extend(listed_other(values, matched, &shown[SINGLE.len()..]));

    let mut charts = Vec::with_capacity(Facet::ALL.len());
    for facet in Facet::ALL {
        charts.push(match facet {
            Facet::Activity => {
                let bars = ActivityStatus::ALL
                    .iter()
                    .map(|s| (serde_name(s), s.label().to_owned(), activity[s.code() as usize]))
                    .collect();
                Chart::new(facet, total, bars_of(bars), 0, 0, count_nonzero(&activity))
            }
            Facet::Source => {
                let bars = ProfileType::ALL
                    .iter()
                    .map(|t| {
                        (t.code().to_owned(), t.label().to_owned(), source[usize::from(profile_type_code(Some(*t)))])
                    })
                    .collect();
                let unknown = source[usize::from(profile_type_code(None))];
                Chart::new(facet, total, bars_of(bars), unknown, 0, count_nonzero(&source) - u64::from(unknown > 0))
            }
            Facet::Years => {
                let bars = YEARS.iter().zip(years).map(|(r, n)| (years_value(*r), years_label(*r), n)).collect();
                Chart::new(facet, total, bars_of(bars), 0, 0, count_nonzero(&years))
            }
            text_facet => {
                let i = Slot::of(text_facet).expect("every other facet is text").index();
                let dictionary = &values.dictionaries[i];
                let bars = shown[i]
                    .iter()
                    .map(|code| {
                        let label = dictionary.label(*code).to_owned();
                        (label.clone(), label, text[i][*code as usize])
                    })
                    .collect();
                let distinct = count_nonzero(&text[i][1..]);
                Chart::new(text_facet, total, bars_of(bars), text[i][0], other[i], distinct)
            }
        });
    }
    Insights { total, charts }
}

/// Candidates among `matched` with a value of each listed facet, but none of its `shown` ones.
fn listed_other(values: &Values, matched: &RoaringBitmap, shown: &[Vec<u32>]) -> Vec<u64> {
    let marks: Vec<Vec<bool>> = shown
        .iter()
        .enumerate()
        .map(|(i, codes)| {
            let mut mark = vec![false; values.dictionaries[Slot::Listed(i).index()].len()];
            codes.iter().for_each(|c| mark[*c as usize] = true);
            mark
        })
        .collect();
    let mut other = vec![0; LISTED.len()];
    for c in matched {
        let (mut has, mut hit) = (0u32, 0u32);
        for (i, code) in values.listed(c) {
            has |= 1 << i;
            if marks[i][code as usize] {
                hit |= 1 << i;
            }
        }
        for (i, n) in other.iter_mut().enumerate() {
            *n += u64::from(has & !hit & 1 << i != 0);
        }
    }
    other
}

/// The `top` codes (from 1: 0 is "not known") with the most candidates, most first; equal
/// counts in code order, so a chart stays put between two equal searches.
fn top_codes(counts: &[u64], top: usize) -> Vec<u32> {
    let mut codes: Vec<u32> = (1..counts.len() as u32).filter(|c| counts[*c as usize] > 0).collect();
    let order = |a: &u32, b: &u32| counts[*b as usize].cmp(&counts[*a as usize]).then(a.cmp(b));
    if codes.len() > top {
        codes.select_nth_unstable_by(top, order);
        codes.truncate(top);
    }
    codes.sort_unstable_by(order);
    codes
}

fn bars_of(values: Vec<(String, String, u64)>) -> Vec<Bar> {
    values
        .into_iter()
        .filter(|(_, _, count)| *count > 0)
        .map(|(value, label, count)| Bar { value, label, count, share: 0.0 })
        .collect()
}

fn count_nonzero(counts: &[u64]) -> u64 {
    counts.iter().filter(|n| **n > 0).count() as u64
}

fn serde_name(status: &ActivityStatus) -> String {
    serde_json::to_value(status).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

impl Engine {
    /// Loads the charts' text values when `request` filters on one of them.
    pub(super) fn ensure_values_for(&mut self, conn: &Connection, request: &SearchRequest) -> Result<(), StoreError> {
        if needs_values(&request.filters.facets) { self.ensure_values(conn) } else { Ok(()) }
    }

    /// Loads the charts' text values unless they are.
    pub(super) fn ensure_values(&mut self, conn: &Connection) -> Result<(), StoreError> {
        if self.values.is_none() {
            self.values = Some(Values::load(conn)?);
        }
        Ok(())
    }

    pub(crate) fn insights(
        &mut self,
        conn: &Connection,
        request: &SearchRequest,
        top: usize,
    ) -> Result<Insights, StoreError> {
        self.ensure_values(conn)?;
        let (_, matched) = self.matching(conn, request, super::sets::Reach::Everywhere)?;
        let facts = &self.loaded.as_ref().expect("loaded by the search").facts;
        let values = self.values.as_ref().expect("loaded above");
        Ok(count(facts, values, &matched, top.clamp(1, MAX_TOP), this_month()))
    }
}

impl crate::Store {
    /// Every chart of what `request` finds, each with its `top` values (at most
    /// [`MAX_TOP`]).
    pub fn insights(&self, request: &SearchRequest, top: usize) -> Result<Insights, StoreError> {
        self.engine.borrow_mut().insights(self.conn(), request, top)
    }
}
