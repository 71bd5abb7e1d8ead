//! Years of experience, worked out from a profile's employment history: the months covered by
//! at least one job, so two jobs held at once count once, and a gap between jobs not at all.
//!
//! A current job runs to today, so the figure grows without any write. It is therefore kept
//! as two parts that do not change with time ([`Experience`]): the months of the finished
//! stretches, and the month the ongoing stretch began; [`Experience::months_at`] adds them up
//! for a given month.
//!
//! Dates are `2019` or `2019-04` (see [`crate::validation::partial_date`]); a year alone
//! means its January. A job runs from its start month up to, not including, its end month
//! (`2019-04` to `2021-04` is 24 months). A job without a start, a finished job without an
//! end, a date that cannot be read or an end before the start is skipped: it says nothing
//! trustworthy about how long someone worked. An end still ahead (a contract's) counts as
//! written, unless a current job overlaps it: then the stretch counts up to today.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::candidate::Employment;

/// A profile's experience in parts that stay true as time passes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Experience {
    /// Months of the stretches that ended.
    pub closed_months: u32,
    /// The month ([`month_index`]) the stretch still going on began; None without a current job.
    pub open_since: Option<u32>,
}

impl Experience {
    pub fn of(employment: &[Employment]) -> Self {
        // (start, end) in months; `None` as the end is a current job.
        let mut spans: Vec<(u32, Option<u32>)> = employment.iter().filter_map(span).collect();
        spans.sort_unstable_by_key(|(start, end)| (*start, end.unwrap_or(u32::MAX)));
        let mut out = Experience::default();
        let mut current: Option<(u32, Option<u32>)> = None;
        for (start, end) in spans {
            current = match current {
                // Overlapping or touching: one stretch, to the later end (an open one is latest).
                Some((s, Some(e))) if start <= e => Some((s, end.map(|end| end.max(e)))),
                Some((s, None)) => Some((s, None)),
                Some((s, Some(e))) => {
                    out.closed_months += e - s;
                    Some((start, end))
                }
                None => Some((start, end)),
            };
        }
        match current {
            Some((s, Some(e))) => out.closed_months += e - s,
            Some((s, None)) => out.open_since = Some(s),
            None => {}
        }
        out
    }

    /// The months of experience in month `now` ([`month_index`]): an ongoing stretch counts up
    /// to it (nothing when it starts later).
    pub fn months_at(&self, now: u32) -> u32 {
        self.closed_months + self.open_since.map_or(0, |s| now.saturating_sub(s))
    }
}

/// A month as a number that counts months: year * 12 + month - 1.
pub fn month_index(date: NaiveDate) -> u32 {
    date.year().max(0) as u32 * 12 + date.month0()
}

/// A `2019` or `2019-04` as a [`month_index`]; None when it is neither.
fn month_of(text: &str) -> Option<u32> {
    let text = text.trim();
    let (year, month) = match text.split_once('-') {
        Some((y, m)) => (y, m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
        None => (text, 1),
    };
    let year: u32 = year.parse().ok().filter(|y| (1900..=2200).contains(y))?;
    Some(year * 12 + month - 1)
}

/// A job's months, when its dates say how long it lasted.
fn span(job: &Employment) -> Option<(u32, Option<u32>)> {
    let start = month_of(job.start.as_deref()?)?;
    if job.current {
        return Some((start, None));
    }
    let end = month_of(job.end.as_deref()?)?;
    (end >= start).then_some((start, Some(end)))
}

/// Whole years of experience a search asks for, both ends inclusive and either open: 3 to 5
/// is someone with at least 3 and less than 6 years.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct YearsRange {
    pub min: Option<u32>,
    pub max: Option<u32>,
}

impl YearsRange {
    pub fn is_open(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }

    /// The range as months, [start, end).
    pub fn months(&self) -> Result<(u32, u32), crate::DomainError> {
        if let (Some(min), Some(max)) = (self.min, self.max)
            && min > max
        {
            return Err(crate::DomainError::invalid(
                "experience",
                format!("the range starts ({min} years) above where it ends ({max} years)"),
            ));
        }
        let months = |years: u32| years.saturating_mul(12);
        Ok((self.min.map_or(0, months), self.max.map_or(u32::MAX, |max| months(max.saturating_add(1)))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(start: Option<&str>, end: Option<&str>, current: bool) -> Employment {
        Employment {
            title: "Engineer".into(),
            employer: "Acme".into(),
            start: start.map(str::to_owned),
            end: end.map(str::to_owned),
            current,
        }
    }

    fn at(year: u32, month: u32) -> u32 {
        year * 12 + month - 1
    }

    #[test]
    fn jobs_held_at_once_count_once_and_gaps_not_at_all() {
        let history = [
            job(Some("2010-01"), Some("2012-01"), false),
            // Inside the first: adds nothing.
            job(Some("2010-06"), Some("2011-06"), false),
            // Overlaps the first's end: the stretch runs to 2013-01.
            job(Some("2011-12"), Some("2013-01"), false),
            // After a gap of a year.
            job(Some("2014-01"), Some("2015-01"), false),
        ];
        let e = Experience::of(&history);
        assert_eq!(e, Experience { closed_months: 36 + 12, open_since: None });
        assert_eq!(e.months_at(at(2030, 1)), 48, "finished jobs do not grow");
    }

    #[test]
    fn a_current_job_counts_to_today_and_swallows_what_it_overlaps() {
        let history = [
            job(Some("2005"), Some("2007"), false),
            job(Some("2019-04"), None, true),
            // Finished inside the current job's time: nothing more.
            job(Some("2020-01"), Some("2021-01"), false),
            // Began before the current job and ran into it: the stretch begins with it.
            job(Some("2018-04"), Some("2019-06"), false),
        ];
        let e = Experience::of(&history);
        assert_eq!(e, Experience { closed_months: 24, open_since: Some(at(2018, 4)) });
        assert_eq!(e.months_at(at(2026, 4)), 24 + 96);
        assert_eq!(e.months_at(at(2026, 5)), 24 + 97, "a month later, a month more");
        assert_eq!(e.months_at(at(2017, 1)), 24, "a start in the future counts nothing yet");
    }

    #[test]
    fn missing_and_bad_dates_are_skipped() {
        let history = [
            job(None, Some("2012"), false),
            job(Some("2012"), None, false),
            job(Some("April 2019"), None, true),
            job(Some("2019-13"), Some("2020"), false),
            job(Some("2015"), Some("2014"), false),
            job(Some("2020-02"), Some("2020-05"), false),
        ];
        assert_eq!(Experience::of(&history), Experience { closed_months: 3, open_since: None });
        assert_eq!(Experience::of(&[]), Experience::default());
    }

    #[test]
    fn a_years_range_is_whole_years_both_ends_included() {
        let range = |min, max| YearsRange { min, max }.months();
        assert_eq!(range(Some(3), Some(5)).unwrap(), (36, 72));
        assert_eq!(range(None, Some(0)).unwrap(), (0, 12));
        assert_eq!(range(Some(10), None).unwrap(), (120, u32::MAX));
        let err = range(Some(6), Some(2)).unwrap_err().to_string();
        assert!(err.contains("experience") && err.contains("6 years"), "{err}");
    }
}
