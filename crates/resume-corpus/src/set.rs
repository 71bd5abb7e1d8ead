//! The hand-written evaluation set (`tests/resumes`, issue 25): resumes written and rendered
//! apart from this crate's generator, each with its ground truth, split into a half the parser
//! may be tuned on and a half that only reports. [`score`] reads both this set and the
//! generated corpus (through [`generated`]) with the same measures, so the two sit side by side:
//!
//! - name, email, phone: the share of resumes where the parse is right (a name in any of its
//!   written forms, case aside; a phone by its digits, any of the resume's numbers);
//! - skills, jobs, schools: precision, recall and F1 of the items (a job when its title and
//!   employer are both right, a town after the employer aside; a school by its name);
//! - dates: of the jobs found, the share whose start and end are both right.
//!
//! Texts compare after the parser's own normalisation, case-insensitively, with spaces and
//! punctuation at their ends ignored.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use talentdesk_resume::{ParsedJob, ParsedResume, normalize::normalize};

use crate::score::{FieldScore, Tally};

mod misses;
use crate::{FileKind, Sample};
pub use misses::{Misses, misses};

/// What a resume says (see tests/resumes/README.md).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Truth {
    pub file: String,
    pub render: String,
    pub layout: String,
    pub language: String,
    pub profession: String,
    pub name: String,
    #[serde(default)]
    pub name_also: Vec<String>,
    pub email: String,
    pub phone: String,
    #[serde(default)]
    pub phone_also: Vec<String>,
    pub skills: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    pub jobs: Vec<ParsedJob>,
    pub education: Vec<School>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct School {
    pub school: String,
    pub degree: String,
}

/// One resume of the set: its name, its truth and its file's bytes.
pub struct Case {
    pub id: String,
    pub truth: Truth,
    pub file: Vec<u8>,
}

impl Case {
    /// How the file was made: "chromium pdf", "libreoffice docx", "text txt", "printpdf pdf".
    pub fn format(&self) -> String {
        let extension = self.truth.file.rsplit_once('.').map_or("", |(_, e)| e);
        format!("{} {extension}", self.truth.render)
    }
}

/// Which resumes of the set (tests/resumes/split.json).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Half {
    /// Looked at only to report: the number the parser is judged by.
    HeldOut,
    /// May be looked at while changing the parser.
    Tuning,
    All,
}

#[derive(Deserialize)]
struct Split {
    held_out: Vec<String>,
    tuning: Vec<String>,
}

/// The set in `dir`, one half of it or all, in the order of its names. Fails when a truth file
/// does not read, its file is missing, or the split does not place every resume in exactly one
/// half.
pub fn load(dir: &Path, half: Half) -> Result<Vec<Case>, String> {
    let split: Split = read_json(&dir.join("split.json"))?;
    let ids = truth_ids(dir)?;
    check_split(&split, &ids)?;
    let wanted = |id: &String| match half {
        Half::HeldOut => split.held_out.contains(id),
        Half::Tuning => split.tuning.contains(id),
        Half::All => true,
    };
    ids.into_iter().filter(wanted).map(|id| case(dir, id)).collect()
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn truth_ids(dir: &Path) -> Result<Vec<String>, String> {
    let truth = dir.join("truth");
    let entries = std::fs::read_dir(&truth).map_err(|e| format!("{}: {e}", truth.display()))?;
    let mut ids: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json").map(str::to_owned))
        .collect();
    ids.sort();
    Ok(ids)
}

fn check_split(split: &Split, ids: &[String]) -> Result<(), String> {
    for id in ids {
        let halves = usize::from(split.held_out.contains(id)) + usize::from(split.tuning.contains(id));
        if halves != 1 {
            return Err(format!("split.json places {id} in {halves} halves (one wanted)"));
        }
    }
    match split.held_out.iter().chain(&split.tuning).find(|id| !ids.contains(id)) {
        Some(stray) => Err(format!("split.json names {stray}, which has no truth file")),
        None => Ok(()),
    }
}

fn case(dir: &Path, id: String) -> Result<Case, String> {
    let truth: Truth = read_json(&dir.join("truth").join(format!("{id}.json")))?;
    let path = dir.join("files").join(&truth.file);
    let file = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Case { id, truth, file })
}

/// The generated corpus as cases, to be scored beside the set with the same measures.
pub fn generated(samples: Vec<Sample>) -> Vec<Case> {
    samples.into_iter().enumerate().map(|(i, s)| generated_case(i, s)).collect()
}

fn generated_case(i: usize, sample: Sample) -> Case {
    let t = sample.truth;
    let (file, render) = match sample.kind {
        FileKind::Pdf => (format!("{i}.pdf"), "printpdf"),
        FileKind::Docx => (format!("{i}.docx"), "generator"),
    };
    let truth = Truth {
        file,
        render: render.into(),
        layout: format!("{:?}", sample.layout).to_lowercase(),
        language: "en".into(),
        profession: "demo".into(),
        name: t.name.unwrap_or_default(),
        email: t.email.unwrap_or_default(),
        phone: t.phone.unwrap_or_default(),
        skills: t.skills,
        jobs: t.employment,
        education: t.education.into_iter().map(|e| School { school: e.school, degree: e.degree }).collect(),
        ..Truth::default()
    };
    Case { id: format!("generated-{i}"), truth, file: sample.file }
}

/// The measures over some resumes.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    pub resumes: usize,
    /// Files that gave no text (or whose reading failed).
    pub unreadable: usize,
    pub name: f64,
    pub email: f64,
    pub phone: f64,
    /// Skills compared by the items of each list: a line of items kept as one skill
    /// ("Jira, Xray, TestRail") or listed one by one counts the same (see [`list_items`]).
    pub skills: FieldScore,
    /// Title and employer both right.
    pub jobs: FieldScore,
    /// Of the jobs found, start and end both right.
    pub dates: f64,
    /// The school's name right.
    pub schools: FieldScore,
    /// Jobs and schools compared whole, as the scorer did before it took a title with or
    /// without its aside, an employer with or without its site and a school with or without
    /// its faculty: the same ruler as the figures recorded before 2026-12-05 19:00.
    pub jobs_whole: FieldScore,
    pub schools_whole: FieldScore,
    /// Skills compared as written, a list kept whole as one item: the ruler before 2026-12-05
    /// 22:00.
    pub skills_whole: FieldScore,
}

/// The measures over all the resumes, and by layout, language and how the file was made.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SetReport {
    pub all: Scores,
    pub by_layout: BTreeMap<String, Scores>,
    pub by_language: BTreeMap<String, Scores>,
    pub by_format: BTreeMap<String, Scores>,
}

/// Counts over some resumes, turned into [`Scores`] at the end.
#[derive(Default)]
struct Counts {
    resumes: usize,
    unreadable: usize,
    name: usize,
    email: usize,
    phone: usize,
    skills: Tally,
    jobs: Tally,
    dated: usize,
    schools: Tally,
    jobs_whole: Tally,
    schools_whole: Tally,
    skills_whole: Tally,
}

impl Counts {
    fn add(&mut self, truth: &Truth, parse: Option<&ParsedResume>) {
        self.resumes += 1;
        let Some(p) = parse else {
            self.unreadable += 1;
            self.skills.add::<String>(&[], &truth.skills, |_, _| false);
            self.jobs.add::<ParsedJob>(&[], &truth.jobs, |_, _| false);
            self.schools.add::<String>(&[], &school_names(truth), |_, _| false);
            self.jobs_whole.add::<ParsedJob>(&[], &truth.jobs, |_, _| false);
            self.schools_whole.add::<String>(&[], &school_names(truth), |_, _| false);
            self.skills_whole.add::<String>(&[], &truth.skills, |_, _| false);
            return;
        };
        self.name += right(&p.name, &truth.name, &truth.name_also, same);
        self.email += right(&p.email, &truth.email, &[], |a, b| a.eq_ignore_ascii_case(b));
        self.phone += right(&p.phone, &truth.phone, &truth.phone_also, |a, b| digits(a) == digits(b));
        self.skills.add(&list_items(&p.skills), &list_items(&truth.skills), |a, b| same(a, b));
        self.skills_whole.add(&p.skills, &truth.skills, |a, b| same(a, b));
        let found = self.jobs.add(&p.employment, &truth.jobs, same_job);
        self.dated += found.iter().filter(|(f, t)| f.start == t.start && f.end == t.end).count();
        let schools: Vec<String> = p.education.iter().map(|e| e.school.clone()).collect();
        self.schools.add(&schools, &school_names(truth), |a, b| same_school(a, b));
        // As before 19:00: the employer found may go on to its town, never stop short.
        let whole_employer = |f: &str, t: &str| plain(f) == plain(t) || extended(&plain(t), &plain(f)).is_some();
        let whole_job =
            |f: &ParsedJob, t: &ParsedJob| same(&f.title, &t.title) && whole_employer(&f.employer, &t.employer);
        self.jobs_whole.add(&p.employment, &truth.jobs, whole_job);
        self.schools_whole.add(&schools, &school_names(truth), |a, b| same(a, b));
    }

    fn scores(&self) -> Scores {
        let share = |n: usize, of: usize| if of == 0 { 1.0 } else { round(n as f64 / of as f64) };
        Scores {
            resumes: self.resumes,
            unreadable: self.unreadable,
            name: share(self.name, self.resumes),
            email: share(self.email, self.resumes),
            phone: share(self.phone, self.resumes),
            skills: self.skills.score(),
            jobs: self.jobs.score(),
            dates: share(self.dated, self.jobs.right),
            schools: self.schools.score(),
            jobs_whole: self.jobs_whole.score(),
            schools_whole: self.schools_whole.score(),
            skills_whole: self.skills_whole.score(),
        }
    }
}

/// 1 when the parse found one of the resume's values, or found nothing where it has none (the
/// generated corpus leaves some out).
fn right(found: &Option<String>, truth: &str, also: &[String], same: impl Fn(&str, &str) -> bool) -> usize {
    let right = match found {
        None => truth.is_empty(),
        Some(found) => {
            std::iter::once(truth).chain(also.iter().map(String::as_str)).any(|t| !t.is_empty() && same(found, t))
        }
    };
    usize::from(right)
}

/// Skills as the items of their lists: each at its commas and semicolons outside brackets
/// ("Comarch ERP Optima, Symfonia, SAP FI" is three; "Excel (Pivot, SVERWEIS)" one). Writers
/// keep a line of a category's items as one skill or list them one by one, and a recruiter
/// reads the same skills either way; found and truth are split alike.
fn list_items(skills: &[String]) -> Vec<String> {
    let mut items = Vec::new();
    for skill in skills {
        let (mut depth, mut start) = (0i32, 0);
        for (i, c) in skill.char_indices() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = (depth - 1).max(0),
                ',' | ';' if depth == 0 => {
                    items.push(skill[start..i].trim().to_owned());
                    start = i + 1;
                }
                _ => {}
            }
        }
        items.push(skill[start..].trim().to_owned());
    }
    items.retain(|item| !item.is_empty());
    items
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn school_names(truth: &Truth) -> Vec<String> {
    truth.education.iter().map(|e| e.school.clone()).collect()
}

/// Scores the parses (None: the file gave no text) against the cases they came from.
pub fn score(cases: &[Case], parses: &[Option<ParsedResume>]) -> SetReport {
    let mut all = Counts::default();
    let mut by: [BTreeMap<String, Counts>; 3] = Default::default();
    for (case, parse) in cases.iter().zip(parses) {
        all.add(&case.truth, parse.as_ref());
        let keys = [case.truth.layout.clone(), case.truth.language.clone(), case.format()];
        for (map, key) in by.iter_mut().zip(keys) {
            map.entry(key).or_default().add(&case.truth, parse.as_ref());
        }
    }
    let [layout, language, format] = by.map(|m| m.into_iter().map(|(k, c)| (k, c.scores())).collect());
    SetReport { all: all.scores(), by_layout: layout, by_language: language, by_format: format }
}

/// A text as compared: normalised as the parser normalises, lower case, spaces collapsed,
/// punctuation and stars at its ends gone.
fn plain(s: &str) -> String {
    let words = normalize(s).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    // A hotel's stars are no part of its name: writers keep them or not ("Hotel Cala Blava ****").
    words.trim_matches(|c: char| c.is_whitespace() || ".,;:|·•-–—*★☆".contains(c)).to_owned()
}

fn same(a: &str, b: &str) -> bool {
    plain(a) == plain(b)
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The employer as written, or followed by its town after a separator ("Redgum Pty Ltd,
/// Brisbane"; "Douro Vinhos, Lda. — Porto").
fn same_employer(found: &str, truth: &str) -> bool {
    let (found, truth) = (plain(found), plain(truth));
    // The truth's own final full stop ("Lda.") was trimmed from it, not from the find. The
    // site or branch after a separator ("Bupa Aged Care Australia Pty Ltd – Bupa Blackburn",
    // "Boost Juice (Retail Zoo Pty Ltd)") writers keep or leave out, as a school's faculty.
    found == truth || extended(&truth, &found).is_some() || (!found.is_empty() && extended(&found, &truth).is_some())
}

/// The school as written, with or without the part of it named after a separator: its
/// faculty ("Universidad de Zaragoza, Facultad de Ciencias Sociales"), its kind ("ISCAP –
/// Ensino Superior Politécnico") or its town. Writers keep the part or leave it out. A part
/// found beyond the truth must be a name (capitalised, no figures), not a degree's words or a
/// year ("Hogeschool Utrecht - diploma behaald", "…, 2015").
fn same_school(found: &str, truth: &str) -> bool {
    let (found, truth) = (plain(found), plain(truth));
    let named = |part: &str| !part.contains(|c: char| c.is_ascii_digit());
    found == truth
        || (!found.is_empty() && extended(&found, &truth).is_some())
        || (!truth.is_empty() && extended(&truth, &found).is_some_and(named))
}

/// What `longer` has after `shorter` and a separator, when it starts with it so.
fn extended<'a>(shorter: &str, longer: &'a str) -> Option<&'a str> {
    let rest = longer.strip_prefix(shorter)?.trim_start_matches(['.', ' ']);
    let part = rest.strip_prefix([',', '-', '–', '—', '|', '(', '·'])?;
    Some(part.trim())
}

/// The title as written, with or without an aside in brackets at its end ("Stocker
/// (part-time)", "Magazziniere (in somministrazione)"): writers keep it or leave it out, and a
/// recruiter reads the same job either way.
fn same_title(found: &str, truth: &str) -> bool {
    let bare = |t: &str| {
        let t = plain(t);
        t.strip_suffix(')')
            .and_then(|t| t.rsplit_once(" ("))
            .map_or(t.clone(), |(title, _)| title.trim_end().to_owned())
    };
    same(found, truth) || bare(found) == plain(truth) || plain(found) == bare(truth)
}

fn same_job(found: &ParsedJob, truth: &ParsedJob) -> bool {
    same_title(&found.title, &truth.title) && same_employer(&found.employer, &truth.employer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(title: &str, employer: &str, start: &str, end: Option<&str>) -> ParsedJob {
        ParsedJob {
            title: title.into(),
            employer: employer.into(),
            start: Some(start.into()),
            end: end.map(Into::into),
        }
    }

    fn truth() -> Truth {
        Truth {
            layout: "sidebar".into(),
            language: "de".into(),
            name: "Mehmet Yılmaz".into(),
            name_also: vec!["Yılmaz, Mehmet".into()],
            email: "m@example.de".into(),
            phone: "0176 98765432".into(),
            skills: vec!["SAP EWM".into(), "Inventur".into()],
            jobs: vec![
                job("Schichtleiter Lager", "Rhenus GmbH", "2021-03", None),
                job("Fachkraft", "Müller GmbH", "2016-08", Some("2021-02")),
            ],
            education: vec![School { school: "IHK Duisburg".into(), degree: "Ausbildung".into() }],
            ..Truth::default()
        }
    }

    #[test]
    fn a_parse_is_scored_field_by_field() {
        let parse = ParsedResume {
            name: Some("yılmaz, MEHMET".into()),
            email: Some("M@example.de".into()),
            phone: Some("0176/98765432".into()),
            skills: vec!["sap ewm".into(), "Excel".into()],
            employment: vec![
                job("Schichtleiter Lager", "Rhenus GmbH, Duisburg", "2021-03", None),
                job("Fachkraft", "Müller GmbH", "2016", Some("2021-02")),
                job("Rhenus GmbH", "Schichtleiter Lager", "2021-03", None),
            ],
            ..ParsedResume::default()
        };
        let case = Case { id: "x".into(), truth: truth(), file: Vec::new() };
        let report = score(&[case], &[Some(parse)]);
        let s = &report.all;
        assert_eq!((s.name, s.email, s.phone), (1.0, 1.0, 1.0));
        assert_eq!((s.skills.precision, s.skills.recall), (0.5, 0.5));
        assert_eq!((s.jobs.precision, s.jobs.recall), (0.667, 1.0), "title and employer swapped is wrong");
        assert_eq!(s.dates, 0.5, "one of the two jobs found has its start wrong");
        assert_eq!((s.schools.precision, s.schools.recall), (1.0, 0.0));
        assert_eq!(report.by_layout["sidebar"].resumes, 1);
        assert_eq!(report.by_language["de"].name, 1.0);
    }

    #[test]
    fn an_unreadable_file_finds_nothing() {
        let case = Case { id: "x".into(), truth: truth(), file: Vec::new() };
        let s = score(&[case], &[None]).all;
        assert_eq!((s.unreadable, s.name, s.skills.recall, s.jobs.recall, s.schools.recall), (1, 0.0, 0.0, 0.0, 0.0));
    }

    #[test]
    fn nothing_found_where_the_resume_gives_nothing_is_right() {
        let case = Case { id: "x".into(), truth: Truth { phone: String::new(), ..truth() }, file: Vec::new() };
        let s = score(&[case], &[Some(ParsedResume::default())]).all;
        assert_eq!((s.name, s.phone), (0.0, 1.0));
    }

    #[test]
    fn another_employer_that_begins_alike_is_not_the_employer() {
        assert!(same_employer("Munster Build Ltd", "Munster Build Ltd."));
        assert!(same_employer("Douro Vinhos, Lda. — Porto", "Douro Vinhos, Lda."));
        assert!(!same_employer("Munster Builders", "Munster Build"));
        assert!(same_employer("Boost Juice", "Boost Juice (Retail Zoo Pty Ltd)"));
        assert!(!same_employer("Bupa", "Bupa Aged Care Australia Pty Ltd"));
        assert!(!same_employer("", "Bupa Aged Care Australia Pty Ltd"));
    }

    #[test]
    fn a_schools_faculty_or_kind_after_a_separator_may_be_kept_or_left_out() {
        assert!(same_school("Universidad de Zaragoza, Facultad de Ciencias Sociales", "Universidad de Zaragoza"));
        assert!(same_school("Università di Bologna", "Università di Bologna – Scuola di Medicina"));
        assert!(same_school("ISCAP (Porto) – Ensino Superior Politécnico", "ISCAP (Porto)"));
        // A broken value is no school, nor are a degree's words or a year after one.
        assert!(!same_school("ISCAP) – Ensino Superior Politécnico", "ISCAP"));
        assert!(!same_school("Universidad de Zaragoza, Grado en Derecho, 2015", "Universidad de Zaragoza"));
        assert!(!same_school("Stedelijk College", "Stedelijk College Eindhoven"));
        assert!(!same_school("Universidad", "Universidad de Zaragoza"));
        assert!(!same_school("", "Universidad de Zaragoza"));
    }

    #[test]
    fn a_skills_list_kept_whole_or_listed_item_by_item_is_the_same_skills() {
        let whole = Truth {
            skills: vec!["Comarch ERP Optima, Symfonia; SAP FI".into(), "Excel (Pivot, SVERWEIS)".into()],
            ..truth()
        };
        let listed = ParsedResume {
            skills: vec![
                "Comarch ERP Optima".into(),
                "Symfonia".into(),
                "SAP FI".into(),
                "Excel (Pivot, SVERWEIS)".into(),
            ],
            ..ParsedResume::default()
        };
        let s = score(&[Case { id: "x".into(), truth: whole, file: Vec::new() }], &[Some(listed)]).all;
        assert_eq!((s.skills.precision, s.skills.recall), (1.0, 1.0));
        assert_eq!((s.skills_whole.precision, s.skills_whole.recall), (0.25, 0.5));
        // Some of a list's items found are some of them, not all.
        let partly = ParsedResume { skills: vec!["Symfonia".into(), "Excel".into()], ..ParsedResume::default() };
        let whole = Truth { skills: vec!["Comarch ERP Optima, Symfonia, SAP FI".into()], ..truth() };
        let s = score(&[Case { id: "x".into(), truth: whole, file: Vec::new() }], &[Some(partly)]).all;
        assert_eq!((s.skills.precision, s.skills.recall), (0.5, 0.333));
    }

    #[test]
    fn a_titles_aside_in_brackets_may_be_kept_or_left_out() {
        assert!(same_title("Stocker (part-time)", "Stocker"));
        assert!(same_title("Magazziniere", "Magazziniere (in somministrazione)"));
        assert!(same_title("Sachgebietsleiter Bürgerbüro (Stadtamtmann, A 11)", "Sachgebietsleiter Bürgerbüro"));
        assert!(!same_title("Stocker (part-time)", "Stock Clerk"));
        assert!(!same_title("Nurse", "Nurse Practitioner"));
    }
}
