//! Field by field, how much of what the resumes say the parser got back: precision (of what it
//! found, how much is right) and recall (of what is there, how much it found), micro-averaged
//! over the corpus. A job counts when its title, employer, start and end all match; a school
//! when its school, degree, major and end do.

use serde::Serialize;
use talentdesk_resume::{ParsedEducation, ParsedJob, ParsedResume};

use crate::Sample;

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct FieldScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub resumes: usize,
    /// Files that gave no text at all.
    pub unreadable: usize,
    pub name: FieldScore,
    pub email: FieldScore,
    pub phone: FieldScore,
    pub location: FieldScore,
    pub links: FieldScore,
    pub skills: FieldScore,
    pub employment: FieldScore,
    pub education: FieldScore,
}

#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) right: usize,
    found: usize,
    there: usize,
}

impl Tally {
    /// Counts what was found against what is there, each item matched at most once; returns
    /// the matched pairs (found, there).
    pub(crate) fn add<'a, T>(
        &mut self,
        found: &'a [T],
        there: &'a [T],
        same: impl Fn(&T, &T) -> bool,
    ) -> Vec<(&'a T, &'a T)> {
        let mut unmatched: Vec<&T> = there.iter().collect();
        let mut pairs = Vec::new();
        for f in found {
            if let Some(at) = unmatched.iter().position(|t| same(f, t)) {
                pairs.push((f, unmatched.remove(at)));
            }
        }
        self.right += pairs.len();
        self.found += found.len();
        self.there += there.len();
        pairs
    }

    pub(crate) fn score(&self) -> FieldScore {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(self.right, self.found), ratio(self.right, self.there));
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        let round = |x: f64| (x * 1000.0).round() / 1000.0;
        FieldScore { precision: round(precision), recall: round(recall), f1: round(f1) }
    }
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn bare_link(s: &str) -> String {
    let lower = s.to_lowercase();
    let rest = lower.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("www.");
    rest.trim_end_matches('/').to_owned()
}

fn same_job(a: &ParsedJob, b: &ParsedJob) -> bool {
    same_text(&a.title, &b.title) && same_text(&a.employer, &b.employer) && a.start == b.start && a.end == b.end
}

fn same_school(a: &ParsedEducation, b: &ParsedEducation) -> bool {
    same_text(&a.school, &b.school)
        && same_text(&a.degree, &b.degree)
        && same_text(&a.major, &b.major)
        && a.end == b.end
}

/// Scores the parses (None: the file gave no text) against the samples they came from.
pub fn score(samples: &[Sample], parses: &[Option<ParsedResume>]) -> Report {
    let mut t: [Tally; 8] = Default::default();
    let mut unreadable = 0;
    let empty = ParsedResume::default();
    for (sample, parse) in samples.iter().zip(parses) {
        let p = parse.as_ref().unwrap_or_else(|| {
            unreadable += 1;
            &empty
        });
        let truth = &sample.truth;
        let one = |v: &Option<String>| v.iter().cloned().collect::<Vec<_>>();
        t[0].add(&one(&p.name), &one(&truth.name), |a, b| same_text(a, b));
        t[1].add(&one(&p.email), &one(&truth.email), |a, b| a.eq_ignore_ascii_case(b));
        t[2].add(&one(&p.phone), &one(&truth.phone), |a, b| digits(a) == digits(b));
        t[3].add(&one(&p.location), &one(&truth.location), |a, b| same_text(a, b));
        t[4].add(&p.links, &truth.links, |a, b| bare_link(a) == bare_link(b));
        t[5].add(&p.skills, &truth.skills, |a, b| same_text(a, b));
        t[6].add(&p.employment, &truth.employment, same_job);
        t[7].add(&p.education, &truth.education, same_school);
    }
    Report {
        resumes: samples.len(),
        unreadable,
        name: t[0].score(),
        email: t[1].score(),
        phone: t[2].score(),
        location: t[3].score(),
        links: t[4].score(),
        skills: t[5].score(),
        employment: t[6].score(),
        education: t[7].score(),
    }
}
