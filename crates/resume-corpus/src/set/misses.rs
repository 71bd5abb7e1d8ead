//! What a parse got wrong, resume by resume, by the scorer's own rulers: what the parser's
//! authors read while changing it, on the tuning half only (`bench resume --misses`). The
//! held-out half only ever reports its totals.

use serde::Serialize;
use talentdesk_resume::{ParsedJob, ParsedResume};

use super::{Case, digits, list_items, same, same_job, same_school, school_names};

/// One resume's misses; empty lists and `None` where the parse was right.
#[derive(Debug, Default, Serialize, PartialEq)]
pub struct Misses {
    pub id: String,
    pub layout: String,
    /// (found, truth) where a single-valued field is wrong.
    pub name: Option<(String, String)>,
    pub email: Option<(String, String)>,
    pub phone: Option<(String, String)>,
    /// In the truth and not found; found and not in the truth.
    pub jobs_missed: Vec<String>,
    pub jobs_extra: Vec<String>,
    /// Jobs found right whose dates are not ("title — employer: found … / truth …").
    pub dates: Vec<String>,
    pub schools_missed: Vec<String>,
    pub schools_extra: Vec<String>,
    pub skills_missed: Vec<String>,
    pub skills_extra: Vec<String>,
}

impl Misses {
    /// Whether the parse was right in every field.
    pub fn none(&self) -> bool {
        *self == Misses { id: self.id.clone(), layout: self.layout.clone(), ..Misses::default() }
    }
}

/// The misses of `parse` (None: the file gave no text) against `case`'s truth.
pub fn misses(case: &Case, parse: Option<&ParsedResume>) -> Misses {
    let empty = ParsedResume::default();
    let p = parse.unwrap_or(&empty);
    let t = &case.truth;
    let wrong = |found: &Option<String>, truth: &str, also: &[String], same: fn(&str, &str) -> bool| {
        let found = found.clone().unwrap_or_default();
        let right = std::iter::once(truth).chain(also.iter().map(String::as_str)).any(|t| same(&found, t));
        (!right).then(|| (found, truth.to_owned()))
    };
    let (jobs_missed, jobs_extra, pairs) = apart(&p.employment, &t.jobs, same_job);
    let schools: Vec<String> = p.education.iter().map(|e| e.school.clone()).collect();
    let (schools_missed, schools_extra, _) = apart(&schools, &school_names(t), |a, b| same_school(a, b));
    let (skills_missed, skills_extra, _) = apart(&list_items(&p.skills), &list_items(&t.skills), |a, b| same(a, b));
    let job = |j: &ParsedJob| format!("{} — {}", j.title, j.employer);
    let dated =
        |j: &ParsedJob| format!("{} – {}", j.start.as_deref().unwrap_or("?"), j.end.as_deref().unwrap_or("now"));
    Misses {
        id: case.id.clone(),
        layout: t.layout.clone(),
        name: wrong(&p.name, &t.name, &t.name_also, same),
        email: wrong(&p.email, &t.email, &[], |a, b| a.eq_ignore_ascii_case(b)),
        phone: wrong(&p.phone, &t.phone, &t.phone_also, |a, b| digits(a) == digits(b)),
        jobs_missed: jobs_missed.iter().map(job).collect(),
        jobs_extra: jobs_extra.iter().map(job).collect(),
        dates: pairs
            .into_iter()
            .filter(|(f, t)| f.start != t.start || f.end != t.end)
            .map(|(f, t)| format!("{}: found {} / truth {}", job(&t), dated(&f), dated(&t)))
            .collect(),
        schools_missed,
        schools_extra,
        skills_missed,
        skills_extra,
    }
}

/// Pairs found and truth items as the scorer does (each found item takes the first truth item
/// it matches); what of the truth was left, what was found beside it, and the pairs.
fn apart<T: Clone>(found: &[T], truth: &[T], same: impl Fn(&T, &T) -> bool) -> (Vec<T>, Vec<T>, Vec<(T, T)>) {
    let mut missed: Vec<T> = truth.to_vec();
    let (mut extra, mut pairs) = (Vec::new(), Vec::new());
    for f in found {
        match missed.iter().position(|t| same(f, t)) {
            Some(at) => pairs.push((f.clone(), missed.remove(at))),
            None => extra.push(f.clone()),
        }
    }
    (missed, extra, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::set::{School, Truth};

    fn job(title: &str, employer: &str, start: &str) -> ParsedJob {
        ParsedJob { title: title.into(), employer: employer.into(), start: Some(start.into()), end: None }
    }

    fn case() -> Case {
        let truth = Truth {
            layout: "table".into(),
            name: "Ana Souza".into(),
            email: "ana@example.br".into(),
            phone: "+55 11 91234-5678".into(),
            skills: vec!["Excel, SAP".into()],
            jobs: vec![job("Analista", "Natura", "2020-01"), job("Estagiária", "Itaú", "2018")],
            education: vec![School { school: "USP".into(), degree: "Bacharel".into() }],
            ..Truth::default()
        };
        Case { id: "pt-analista-table".into(), truth, file: Vec::new() }
    }

    #[test]
    fn a_right_parse_misses_nothing() {
        let parse = ParsedResume {
            name: Some("ANA SOUZA".into()),
            email: Some("ana@example.br".into()),
            phone: Some("+55 (11) 91234 5678".into()),
            skills: vec!["Excel".into(), "SAP".into()],
            employment: vec![job("Analista", "Natura", "2020-01"), job("Estagiária", "Itaú", "2018")],
            education: vec![talentdesk_resume::ParsedEducation { school: "USP".into(), ..Default::default() }],
            ..ParsedResume::default()
        };
        let m = misses(&case(), Some(&parse));
        assert!(m.none(), "{m:?}");
    }

    #[test]
    fn each_field_says_what_was_found_and_what_the_resume_says() {
        let parse = ParsedResume {
            name: Some("Analista".into()),
            skills: vec!["Excel".into(), "Word".into()],
            employment: vec![job("Analista", "Natura", "2019"), job("Natura", "Analista", "2020-01")],
            ..ParsedResume::default()
        };
        let m = misses(&case(), Some(&parse));
        assert_eq!(m.name, Some(("Analista".into(), "Ana Souza".into())));
        assert_eq!(m.email, Some((String::new(), "ana@example.br".into())));
        assert_eq!(m.jobs_missed, ["Estagiária — Itaú"]);
        assert_eq!(m.jobs_extra, ["Natura — Analista"], "title and employer swapped is no job");
        assert_eq!(m.dates, ["Analista — Natura: found 2019 – now / truth 2020-01 – now"]);
        assert_eq!(m.schools_missed, ["USP"]);
        assert_eq!(
            (m.skills_missed.as_slice(), m.skills_extra.as_slice()),
            (&["SAP".to_owned()][..], &["Word".to_owned()][..])
        );
        assert!(!m.none());
    }

    #[test]
    fn an_unreadable_file_misses_everything() {
        let m = misses(&case(), None);
        assert_eq!((m.jobs_missed.len(), m.schools_missed.len(), m.skills_missed.len()), (2, 1, 2));
    }
}
