//! From a resume's normalised text to profile fields.

mod assessment;
mod contact;
mod data;
mod dates;
mod history;
mod labelled;
mod languages;
mod name;
mod sections;
mod skills;
mod words;

use std::collections::HashSet;

/// The reader rebuilds a table under a header row of column headings by its columns.
pub(crate) use history::{EMPTY_CELL, TableColumn, header_columns, is_known_town, is_town};
/// The reader keeps a job title apart from a name set over it in the same type.
pub(crate) use name::{NAME_PARTICLES, is_title_page_word, nickname};
pub(crate) use words::names_a_job;
pub(crate) use words::{
    CLOSING_QUOTES, OPENING_QUOTES, compound_goes_on, ends_on_broken_word, ends_on_joining_word, names_a_department,
    names_a_school, names_an_employer, part_before_its_name,
};

/// Whether a line is a section's heading: where a table drawn under a header row ends.
pub(crate) fn is_heading(line: &str) -> bool {
    sections::heading(line).is_some()
}

/// A line the reader sees set apart by its type, as the parser reads a heading (see
/// [`sections::heading_by_type`]).
pub(crate) fn as_heading(line: &str, as_headings: bool) -> Option<String> {
    sections::heading_by_type(line, as_headings)
}

/// Whether a piece of text is dates and nothing else ("SEPT. 2022 – AUJOURD'HUI", "2017"):
/// the reader keeps a column of them beside the entries they date.
pub(crate) fn is_dates(text: &str) -> bool {
    let text = text.trim();
    let whole = |at: &std::ops::Range<usize>| at.start == 0 && text[at.end..].trim().is_empty();
    dates::span(text).is_some_and(|s| whole(&s.at)) || dates::single(text).is_some_and(|(_, at)| whole(&at))
}

use serde::{Deserialize, Serialize};
use talentdesk_domain::candidate::{Education, Employment, Link, LinkKind, Location, Profile};
use ts_rs::TS;

pub use languages::SpokenLanguage;
use sections::Section;

/// What a resume says, field by field (`talentdesk-cli parse-resume --json` prints this).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ParsedResume {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub links: Vec<String>,
    pub skills: Vec<String>,
    pub employment: Vec<ParsedJob>,
    pub education: Vec<ParsedEducation>,
    #[serde(default)]
    pub languages: Vec<SpokenLanguage>,
    /// Certifications and licences, as written.
    #[serde(default)]
    pub certifications: Vec<String>,
    #[serde(default)]
    pub confidence: Confidences,
}

/// How sure a field is, from how it was found: the review screens ask the recruiter to check
/// a low one. It says what is in doubt, not what is missing: every resume has a name and a
/// work history, so not finding them is doubt, but many have no languages or certifications,
/// and a resume without such a section surely lists none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Confidence {
    /// Not found, or found where it is often wrong.
    #[default]
    Low,
    /// Found by a weaker rule (a name above a job title, skills picked out of prose, entries
    /// with parts missing).
    Medium,
    /// Found where it belongs and whole (a name at the top, a skills section, entries with
    /// title, employer and dates).
    High,
}

/// A confidence for each field of a parse.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Confidences {
    pub name: Confidence,
    pub email: Confidence,
    pub phone: Confidence,
    pub location: Confidence,
    pub skills: Confidence,
    pub employment: Confidence,
    pub education: Confidence,
    pub languages: Confidence,
    pub certifications: Confidence,
}

/// High when every entry is whole, medium when some are, low when there are none.
fn entries_confidence<T>(entries: &[T], whole: impl Fn(&T) -> bool) -> Confidence {
    match entries.iter().filter(|e| whole(e)).count() {
        _ if entries.is_empty() => Confidence::Low,
        n if n == entries.len() => Confidence::High,
        _ => Confidence::Medium,
    }
}

/// High when found the sure way, medium the other, low when not at all.
fn found_by<T>(sure: Option<T>, other: impl FnOnce() -> Option<T>) -> (Option<T>, Confidence) {
    match sure {
        Some(v) => (Some(v), Confidence::High),
        None => {
            let v = other();
            let confidence = if v.is_some() { Confidence::Medium } else { Confidence::Low };
            (v, confidence)
        }
    }
}

/// A list a resume may well not have (languages, certifications): high when read from its
/// section, or when there is no such section (nothing is in doubt); low when the section is
/// there and nothing was read from it.
fn optional_list_confidence<T>(items: &[T], has_section: bool) -> Confidence {
    if items.is_empty() && has_section { Confidence::Low } else { Confidence::High }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ParsedJob {
    pub title: String,
    pub employer: String,
    /// `YYYY` or `YYYY-MM`.
    pub start: Option<String>,
    /// None: to the present.
    pub end: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ParsedEducation {
    pub school: String,
    pub degree: String,
    pub major: String,
    pub start: Option<String>,
    pub end: Option<String>,
}

/// Lines that are page furniture, not content.
fn is_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    matches!(words.as_slice(), ["page", _, "of", _] | ["page", _] | [_, "/", _] | ["-", _, "-"])
        && lower.chars().any(|c| c.is_ascii_digit())
}

/// Whether a line is a full date ("12.11.2026", "12/11/2026").
fn is_full_date(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().trim_end_matches('.').split(['.', '/', '-']).collect();
    matches!(parts.as_slice(), [d, m, y] if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) && y.len() == 4
        && [d, m, y].iter().all(|p| p.chars().all(|c| c.is_ascii_digit())))
}

/// The lines without a signature near the end ("Kassel, 12.11.2026" over "T. Brandner", as a
/// German Lebenslauf ends; a sidebar may put it before the main column's last lines): the place
/// and date, and the name under them, are no skill or job. Only those lines go; a
/// certificate's date in a list ("First Aid at Work, 12.05.2023") names no place of one to
/// three words and is kept.
fn without_signature(lines: Vec<&str>) -> Vec<&str> {
    let signed = |line: &str| {
        let Some((place, date)) = line.rsplit_once(", ") else { return false };
        (1..=3).contains(&place.split_whitespace().count())
            && place.starts_with(char::is_uppercase)
            && !place.contains(|c: char| c.is_ascii_digit())
            && is_full_date(date)
    };
    let name_under =
        |line: &str| line.split_whitespace().count() <= 3 && !line.contains(|c: char| c.is_ascii_digit() || c == '@');
    let Some(at) = (2 * lines.len() / 3..lines.len()).find(|&i| signed(lines[i])) else { return lines };
    let end = if lines.get(at + 1).is_some_and(|l| name_under(l)) { at + 2 } else { at + 1 };
    lines[..at].iter().chain(&lines[end..]).copied().collect()
}

/// Reads the fields of a resume's (normalised) text and the title its file gave: where no name
/// was found on the page, a name the title gives ("Tomás Herrera Vidal" in a PDF's document
/// information), for the recruiter to check.
pub fn parse_with_title(text: &str, title: Option<&str>) -> ParsedResume {
    let mut parsed = parse(text);
    if parsed.name.is_none()
        && let Some(name) = title.and_then(name::from_title)
    {
        parsed.name = Some(name);
        parsed.confidence.name = Confidence::Low;
    }
    parsed
}

/// Reads the fields of a resume's (normalised) text.
pub fn parse(text: &str) -> ParsedResume {
    let all: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty() && !is_furniture(l)).collect();
    let all = without_signature(all);
    // A running header repeats the name and contact line on every page: later copies go (a
    // job title that repeats the headline under the name stays).
    let header: Vec<&str> =
        all.iter().take(3).enumerate().filter(|(i, l)| *i == 0 || l.contains('@')).map(|(_, l)| *l).collect();
    let unheaded: Vec<&str> =
        all.iter().enumerate().filter(|(i, l)| *i < 3 || !header.contains(l)).map(|(_, l)| *l).collect();
    // A heading a narrow column wrapped is read whole where it starts.
    let wrapped = sections::wrapped_headings(&unheaded);
    let mut lines: Vec<&str> = unheaded
        .iter()
        .enumerate()
        .filter(|(i, _)| !wrapped.iter().any(|(_, end, _)| end == i))
        .map(|(i, l)| wrapped.iter().find(|(start, _, _)| *start == i).map_or(*l, |(_, _, whole)| whole.as_str()))
        .flat_map(|l| match sections::heading_apart(l) {
            Some((heading, rest)) => vec![heading, rest],
            None => vec![l],
        })
        .collect();
    sections::centred_labels_first(&mut lines);
    let mut split = sections::split(&lines);
    // Two resumes in one file: the first is read, and who it is is in doubt.
    let another = contact::another_resume(&lines, &split);
    if let Some(start) = another {
        lines.truncate(start);
        split = sections::split(&lines);
    }
    // Lines after a blank one start a block of the page, as text copied out of it keeps them.
    let raw: Vec<&str> = text.lines().map(str::trim).collect();
    let after_blank: HashSet<&str> = raw.windows(2).filter(|w| w[0].is_empty()).map(|w| w[1]).collect();
    sections::interleaved_entries_back(&lines, &mut split, |i| after_blank.contains(lines[i]));
    let section =
        |wanted: Section| -> Vec<&str> { split.iter().filter(|(s, _)| *s == wanted).map(|(_, i)| lines[*i]).collect() };
    // A heading counts even when nothing was read under it (its list drawn elsewhere on the page).
    let headed = |wanted: Section| lines.iter().any(|l| sections::heading(l) == Some(wanted));
    let top = section(Section::Top);
    let email = contact::email(text);
    let (name, name_confidence) = found_by(name::name(&top), || name::name_above_a_title(&lines));
    let name = name.map(|n| name::with_surname_below(&top, n, email.as_deref()));
    // A name only the e-mail address vouches for, over the one the top gave, is checked.
    let (name, name_confidence) = match name::agreeing_with_email(&lines, name.as_deref(), email.as_deref()) {
        Some(agreeing) => (Some(agreeing), Confidence::Medium),
        None => (name, name_confidence),
    };
    let (phone, phone_confidence) = found_by(contact::phone(&top), || contact::phone(&lines));
    // A languages list run in with its heading inside the skills is languages, read below,
    // unless the skills taxonomy knows every one of them ("Languages: Go, Java, SQL").
    fn programming(l: &str) -> Option<&str> {
        sections::inline_languages(l).filter(|list| skills::all_known(list))
    }
    fn spoken(l: &str) -> Option<&str> {
        sections::inline_languages(l).filter(|list| !skills::all_known(list))
    }
    let skills_lines: Vec<&str> = assessment::without_grids(&section(Section::Skills))
        .into_iter()
        .filter(|l| spoken(l).is_none() && !languages::labelled(l))
        .map(|l| programming(l).unwrap_or(l))
        .collect();
    // Without a skills section, a skills label run in with its list anywhere ("Skills:
    // Patrol operations, …" among the education's lines); with one, such a line in a job's
    // lines is that job's tools, not the resume's list.
    let skills_lines = if skills_lines.is_empty() {
        lines.iter().filter_map(|l| sections::inline_skills(l)).collect()
    } else {
        skills_lines
    };
    let (skills, skills_confidence) = if skills_lines.is_empty() {
        let found = skills::find(&lines.join("\n"));
        let confidence = if found.is_empty() { Confidence::Low } else { Confidence::Medium };
        (found, confidence)
    } else {
        let listed = skills::listed(&skills_lines);
        let confidence = if listed.is_empty() { Confidence::Low } else { Confidence::High };
        (listed, confidence)
    };
    // Jobs under a banner with no heading are looked for only in a resume with headings of
    // its own (a text whose headings are all unknown, in a script the table lacks, says its
    // jobs and its schools alike without one), and are less sure.
    let unheaded = !headed(Section::Experience) && split.iter().any(|(s, _)| *s != Section::Top);
    let employment = if unheaded { jobs_under_the_banner(&top) } else { history::jobs(&section(Section::Experience)) };
    // Schooling read as jobs gives its schools back: a history of both in one ("Trayectoria y
    // formación"), a degree listed among the jobs.
    let (employment, schooling) = history::schooling_apart(employment);
    let mut education = history::schools(&section(Section::Education));
    education.extend(schooling);
    // A sidebar read before the main column ends with its languages, and the main column
    // starts with the name: the languages end there.
    let is_name = |l: &&str| name.as_deref().is_some_and(|n| l.to_lowercase() == n.to_lowercase());
    let mut languages_lines: Vec<&str> = section(Section::Languages).into_iter().take_while(|l| !is_name(l)).collect();
    languages_lines.extend(lines.iter().filter_map(|l| spoken(l)));
    // A Europass form's language rows ("Mother tongue  Russian") under its personal skills.
    languages_lines.extend(
        split
            .iter()
            .filter(|(s, i)| *s != Section::Languages && languages::labelled(lines[*i]))
            .map(|(_, i)| lines[*i]),
    );
    // A language listed among the skills is the candidate's language.
    let among_skills = skills::languages_among(&skills_lines);
    languages_lines.extend(among_skills.iter().map(String::as_str));
    let languages = languages::spoken(&languages_lines);
    let certifications: Vec<String> = skills::listed(&section(Section::Certifications))
        .into_iter()
        .filter(|c| c.chars().any(char::is_alphabetic))
        .collect();
    let location = contact::location(&top, name.as_deref());
    let confidence = Confidences {
        // A job title taken for want of a name ("Warehouse Lead" where the name was an image)
        // is shown for checking, as is the name of a file that holds two resumes.
        name: if another.is_some() || name.as_deref().is_some_and(words::names_a_job) {
            Confidence::Low
        } else {
            name_confidence
        },
        email: if email.is_some() && another.is_none() { Confidence::High } else { Confidence::Low },
        phone: phone_confidence,
        location: if location.is_some() { Confidence::Medium } else { Confidence::Low },
        skills: skills_confidence,
        employment: match entries_confidence(&employment, |j| {
            !j.title.is_empty() && !j.employer.is_empty() && j.start.is_some()
        }) {
            Confidence::High if unheaded => Confidence::Medium,
            sure => sure,
        },
        education: entries_confidence(&education, |e| {
            !e.school.is_empty() && (!e.degree.is_empty() || e.end.is_some())
        }),
        languages: optional_list_confidence(&languages, headed(Section::Languages) || !languages_lines.is_empty()),
        certifications: optional_list_confidence(&certifications, headed(Section::Certifications)),
    };
    ParsedResume {
        email,
        phone,
        location,
        links: contact::links(text),
        skills,
        employment,
        education,
        name,
        languages,
        certifications,
        confidence,
    }
}

impl ParsedResume {
    /// The parse as a profile, for Parse Resume and New Candidate: first and last name from
    /// the name, the place split into city, region and country, the links by their sites, the
    /// current job from an open-ended one.
    pub fn to_profile(&self) -> Profile {
        let (first_name, last_name) = match self.name.as_deref().map(str::trim) {
            Some(name) => match name.rsplit_once(' ') {
                Some((first, last)) => (first.to_owned(), last.to_owned()),
                None => (name.to_owned(), String::new()),
            },
            None => (String::new(), String::new()),
        };
        let place: Vec<&str> = self.location.as_deref().unwrap_or_default().split(',').map(str::trim).collect();
        let location = match place.as_slice() {
            [city, region, country] => {
                Location { city: (*city).into(), region: (*region).into(), country: (*country).into() }
            }
            [city, country] => Location { city: (*city).into(), region: String::new(), country: (*country).into() },
            [city] => Location { city: (*city).into(), ..Location::default() },
            _ => Location::default(),
        };
        let employment: Vec<Employment> = self
            .employment
            .iter()
            .map(|j| Employment {
                title: j.title.clone(),
                employer: j.employer.clone(),
                start: j.start.clone(),
                end: j.end.clone(),
                current: j.end.is_none(),
            })
            .collect();
        let current = employment.iter().find(|e| e.current);
        Profile {
            first_name,
            last_name,
            email: self.email.clone(),
            phone: self.phone.clone(),
            location,
            current_title: current.map(|e| e.title.clone()).unwrap_or_default(),
            current_employer: current.map(|e| e.employer.clone()).unwrap_or_default(),
            education: self
                .education
                .iter()
                .map(|e| Education {
                    school: e.school.clone(),
                    degree: e.degree.clone(),
                    major: e.major.clone(),
                    start: e.start.clone(),
                    end: e.end.clone(),
                })
                .collect(),
            skills: self.skills.clone(),
            languages: self.languages.iter().map(SpokenLanguage::written).collect(),
            certifications: self.certifications.clone(),
            links: self.links.iter().map(|url| Link { kind: link_kind(url), url: url.clone() }).collect(),
            employment,
            ..Profile::default()
        }
    }
}

impl ParsedResume {
    /// Parse Resume: `current` with what the resume says put in its place. What a resume does
    /// not say (preferences, custom fields, and any field it left out) is kept.
    pub fn apply_to(&self, current: &Profile) -> Profile {
        let read = self.to_profile();
        let text = |new: &str, old: &str| if new.is_empty() { old.to_owned() } else { new.to_owned() };
        Profile {
            first_name: text(&read.first_name, &current.first_name),
            last_name: text(&read.last_name, &current.last_name),
            email: read.email.or_else(|| current.email.clone()),
            phone: read.phone.or_else(|| current.phone.clone()),
            location: if read.location.city.is_empty() { current.location.clone() } else { read.location },
            current_title: text(&read.current_title, &current.current_title),
            current_employer: text(&read.current_employer, &current.current_employer),
            employment: or_kept(&read.employment, &current.employment),
            education: or_kept(&read.education, &current.education),
            skills: or_kept(&read.skills, &current.skills),
            languages: or_kept(&read.languages, &current.languages),
            certifications: or_kept(&read.certifications, &current.certifications),
            links: or_kept(&read.links, &current.links),
            ..current.clone()
        }
    }
}

/// The new list, or the old one when the resume gave none.
/// With no experience heading anywhere, a banner's resume may set its jobs right under the
/// name and contacts: the jobs from the first line with a range of dates on, and only those
/// that name both a title and an employer (a line of the header is neither).
fn jobs_under_the_banner(top: &[&str]) -> Vec<ParsedJob> {
    let Some(first) = top.iter().position(|l| dates::span(l).is_some()) else { return Vec::new() };
    history::jobs(&top[first..]).into_iter().filter(|j| !j.title.is_empty() && !j.employer.is_empty()).collect()
}

fn or_kept<T: Clone>(new: &[T], old: &[T]) -> Vec<T> {
    if new.is_empty() { old.to_vec() } else { new.to_vec() }
}

fn link_kind(url: &str) -> LinkKind {
    let lower = url.to_lowercase();
    if lower.contains("linkedin.com/") {
        LinkKind::LinkedIn
    } else if lower.contains("github.com/") {
        LinkKind::GitHub
    } else {
        LinkKind::Portfolio
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESUME: &str = "\
MARÍA FERNÁNDEZ
Senior Data Engineer
Lisbon, Portugal | maria.fernandez@example.pt | +351 912 345 678
linkedin.com/in/mariafernandez · github.com/mferna

SUMMARY
Data engineer with nine years of experience.

EXPERIENCE
Senior Data Engineer — Quantum Ledger    Mar 2020 – Present
• Built streaming pipelines in Apache Spark and Kafka
Data Engineer, Andes Fintech
06/2016 - 02/2020
• Moved the warehouse to Snowflake

EDUCATION
Universidade do Porto
MSc in Computer Science
2014 – 2016

SKILLS
Python, SQL, Apache Spark, Kubernetes, Go
Page 1 of 1";

    #[test]
    fn jobs_right_under_a_banner_with_no_heading_before_them() {
        let text = "FEDERICA COLOMBO\nResponsabile di negozio · Retail moda\n\
            Via Paolo Sarpi 19, Milano · +39 340 771 2286 · federica.colombo@example.it\n\
            Store Manager  03/2020 – oggi\nMaison Brera Abbigliamento S.r.l., Milano\n\
            Addetta alle vendite  06/2013 – 08/2016\nCalzature Meroni, Monza\n\
            FORMAZIONE\nDiploma di Tecnico dei servizi commerciali  2008 – 2013\nIstituto Professionale Carlo Porta";
        let p = parse(&crate::normalize::normalize(text));
        let who: Vec<(&str, &str)> = p.employment.iter().map(|j| (j.title.as_str(), j.employer.as_str())).collect();
        assert_eq!(
            who,
            [("Store Manager", "Maison Brera Abbigliamento S.r.l."), ("Addetta alle vendite", "Calzature Meroni")]
        );
        assert_eq!(p.name.as_deref(), Some("Federica Colombo"));
        assert_eq!(p.confidence.employment, Confidence::Medium, "found without a heading: to check");
    }

    #[test]
    fn a_whole_resume() {
        let p = parse(&crate::normalize::normalize(RESUME));
        assert_eq!(p.name.as_deref(), Some("María Fernández"));
        assert_eq!(p.email.as_deref(), Some("maria.fernandez@example.pt"));
        assert_eq!(p.phone.as_deref(), Some("+351 912 345 678"));
        assert_eq!(p.location.as_deref(), Some("Lisbon, Portugal"));
        assert_eq!(p.links, ["https://linkedin.com/in/mariafernandez", "https://github.com/mferna"]);
        assert_eq!(p.skills, ["Python", "SQL", "Apache Spark", "Kubernetes", "Go"]);
        assert_eq!(p.employment.len(), 2, "{:?}", p.employment);
        assert_eq!(
            (p.employment[0].title.as_str(), p.employment[0].employer.as_str()),
            ("Senior Data Engineer", "Quantum Ledger")
        );
        assert_eq!(
            (p.employment[1].title.as_str(), p.employment[1].employer.as_str()),
            ("Data Engineer", "Andes Fintech")
        );
        assert_eq!(p.employment[1].start.as_deref(), Some("2016-06"));
        assert_eq!(p.education[0].school, "Universidade do Porto");
        assert_eq!((p.education[0].degree.as_str(), p.education[0].major.as_str()), ("MSc", "Computer Science"));

        let profile = p.to_profile();
        assert_eq!((profile.first_name.as_str(), profile.last_name.as_str()), ("María", "Fernández"));
        assert_eq!(profile.location.country, "Portugal");
        assert_eq!(profile.current_title, "Senior Data Engineer");
        assert!(profile.clone().validated().is_ok(), "a parse makes a valid profile: {profile:?}");
    }

    #[test]
    fn applied_to_a_profile_it_keeps_what_the_resume_does_not_say() {
        let current = Profile {
            first_name: "Maria".into(),
            last_name: "Fernandez".into(),
            phone: Some("+351 000 000 000".into()),
            languages: vec!["Portuguese".into()],
            certifications: vec!["ITIL Foundation".into()],
            ..Profile::default()
        };
        let read = ParsedResume {
            name: Some("María Fernández".into()),
            skills: vec!["SQL".into()],
            ..ParsedResume::default()
        };
        let after = read.apply_to(&current);
        assert_eq!((after.first_name.as_str(), after.last_name.as_str()), ("María", "Fernández"));
        assert_eq!(after.phone, current.phone, "the resume gave no phone");
        assert_eq!(after.languages, ["Portuguese"]);
        assert_eq!(after.skills, ["SQL"]);
        assert_eq!(after.certifications, ["ITIL Foundation"], "the resume named no certifications");

        let with_certifications =
            ParsedResume { certifications: vec!["AWS Certified Data Engineer, 2023".into()], ..read };
        let after = with_certifications.apply_to(&current);
        assert_eq!(after.certifications, ["AWS Certified Data Engineer, 2023"], "the resume's replace the profile's");
        assert!(after.validated().is_ok());
    }

    #[test]
    fn languages_certifications_and_how_sure_each_field_is() {
        let text = format!(
            "{RESUME}\nLANGUAGES\nPortuguese (native), English – C1\nCERTIFICATIONS\nAWS Certified Data Engineer, 2023\n"
        );
        let p = parse(&crate::normalize::normalize(&text));
        let spoken: Vec<String> = p.languages.iter().map(SpokenLanguage::written).collect();
        assert_eq!(spoken, ["Portuguese (native)", "English (C1)"]);
        assert_eq!(p.certifications, ["AWS Certified Data Engineer"]);
        assert_eq!(p.to_profile().languages, ["Portuguese (native)", "English (C1)"]);
        assert_eq!(p.to_profile().certifications, ["AWS Certified Data Engineer"], "a profile field of its own");
        assert_eq!(
            (p.confidence.name, p.confidence.skills, p.confidence.employment),
            (Confidence::High, Confidence::High, Confidence::High)
        );
        assert_eq!(p.confidence.location, Confidence::Medium, "a place is a guess from the contact line");

        // In a skills section, programming languages under a "Languages:" label are skills;
        // spoken ones are languages.
        let p = parse("Ola Nordmann\nSKILLS\nLanguages: Go, Java, SQL\nLanguages: German (C1), Polish\n");
        assert_eq!(p.skills, ["Go", "Java", "SQL"]);
        let spoken: Vec<String> = p.languages.iter().map(SpokenLanguage::written).collect();
        assert_eq!(spoken, ["German (C1)", "Polish"]);
        // A language among the skills, with its level in the next cell, is a language.
        let p = parse("Ola Nordmann\nSKILLS\nBudgettering  Nederlands  moedertaal\nPower BI  Engels  vloeiend\n");
        assert_eq!(p.skills, ["Budgettering", "Power BI"]);
        let spoken: Vec<String> = p.languages.iter().map(SpokenLanguage::written).collect();
        assert_eq!(spoken, ["Nederlands (moedertaal)", "Engels (vloeiend)"]);

        // Without a top or a skills section: the name above a title and skills from prose are
        // less sure; what is missing is low.
        let p = parse("Senior Welder\nJan Nowak\nSenior Welder\nTIG welding and HACCP audits at the plant.");
        assert_eq!(p.confidence.skills, Confidence::Medium, "{p:?}");
        assert_eq!((p.confidence.email, p.confidence.employment), (Confidence::Low, Confidence::Low));
    }

    #[test]
    fn a_sidebars_languages_end_where_the_main_column_starts_with_the_name() {
        let text = "CONTACT\npieter@example.nl\nLANGUAGES\nDutch\nEnglish\nPieter Bakker\nGeography Teacher\n\
                    EXPERIENCE\nGeography Teacher — Stedelijk Lyceum, 2015 – Present";
        let p = parse(&crate::normalize::normalize(text));
        assert_eq!(p.name.as_deref(), Some("Pieter Bakker"));
        let spoken: Vec<String> = p.languages.iter().map(SpokenLanguage::written).collect();
        assert_eq!(spoken, ["Dutch", "English"]);
    }

    #[test]
    fn a_europass_form_gives_the_given_name_and_the_surname_a_recruiter_would_type() {
        let text = "europass Lebenslauf\nANGABEN ZUR PERSON\nNachname(n) / Vorname(n)  HARTMANN, Lea Sophie\n\
                    Telefon  +49 351 555 0101\nE-Mail  lea.hartmann@example.de\nBERUFSERFAHRUNG\n\
                    seit 2019  Filialleiterin, Bäckerei Sonne GmbH";
        let p = parse(&crate::normalize::normalize(text));
        assert_eq!(p.name.as_deref(), Some("Lea Sophie Hartmann"));
        assert_eq!(p.confidence.name, Confidence::High);
        let profile = p.to_profile();
        assert_eq!((profile.first_name.as_str(), profile.last_name.as_str()), ("Lea Sophie", "Hartmann"));
    }

    #[test]
    fn a_documents_title_names_the_person_only_where_the_page_does_not() {
        let page = "Experiencia Profesional\nAuxiliar administrativo  2019 – 2022\ntomas@example.es";
        let p = parse_with_title(page, Some("Tomás Herrera Vidal"));
        assert_eq!((p.name.as_deref(), p.confidence.name), (Some("Tomás Herrera Vidal"), Confidence::Low));
        let p = parse_with_title(RESUME, Some("Tomás Herrera Vidal"));
        assert_eq!((p.name.as_deref(), p.confidence.name), (Some("María Fernández"), Confidence::High));
    }

    #[test]
    fn a_job_title_where_the_name_should_be_is_shown_for_checking() {
        // The name was an image: the headline is all the top has.
        let text = "Warehouse Lead\nSeattle, WA · (206) 555-0100 · jh@example.com\nEXPERIENCE\n\
                    Warehouse Lead — Cascade Freight Inc., 2019 – Present";
        let p = parse(&crate::normalize::normalize(text));
        assert_eq!((p.name.as_deref(), p.confidence.name), (Some("Warehouse Lead"), Confidence::Low));
        let p =
            parse(&crate::normalize::normalize(&text.replacen("Warehouse Lead\n", "Ji-hoon Kim\nWarehouse Lead\n", 1)));
        assert_eq!((p.name.as_deref(), p.confidence.name), (Some("Ji-hoon Kim"), Confidence::High));
    }

    #[test]
    fn a_section_the_resume_does_not_have_is_not_in_doubt() {
        // No languages or certifications section: nothing to check there.
        let p = parse(&crate::normalize::normalize(RESUME));
        assert!(p.languages.is_empty() && p.certifications.is_empty());
        assert_eq!((p.confidence.languages, p.confidence.certifications), (Confidence::High, Confidence::High));

        // A languages heading with nothing read under it (its list drawn elsewhere): check it.
        let p = parse(&crate::normalize::normalize(&format!("{RESUME}\nLANGUAGES\nCERTIFICATIONS\n")));
        assert_eq!((p.confidence.languages, p.confidence.certifications), (Confidence::Low, Confidence::Low));
    }

    #[test]
    fn two_resumes_in_one_file_give_the_first_and_ask_to_check_who_it_is() {
        let second = "Marek Dvořák\nHGV Driver · Bradford · marek.dvorak@example.com\nEXPERIENCE\n\
                      Class 1 HGV Driver — Pennine Freight Ltd, Mar 2018 – Present\nSKILLS\nTachograph rules, ADR";
        let p = parse(&crate::normalize::normalize(&format!("{RESUME}\n{second}")));
        assert_eq!(p.name.as_deref(), Some("María Fernández"));
        assert_eq!(p.email.as_deref(), Some("maria.fernandez@example.pt"));
        assert_eq!(p.skills, ["Python", "SQL", "Apache Spark", "Kubernetes", "Go"], "none of the second's");
        assert_eq!(p.employment.len(), 2, "{:?}", p.employment);
        assert_eq!((p.confidence.name, p.confidence.email), (Confidence::Low, Confidence::Low));

        // A referee's address is no second resume, nor is a second address with no work
        // history after it.
        let referee = "REFERENCES\nDr. Ana Costa, Quantum Ledger, ana.costa@example.pt";
        let work = "LANGUAGES\nPortuguese\nmaria@quantumledger.example";
        for more in [referee, work] {
            let p = parse(&crate::normalize::normalize(&format!("{RESUME}\n{more}")));
            assert_eq!((p.confidence.name, p.confidence.email), (Confidence::High, Confidence::High), "{more}");
        }
    }

    #[test]
    fn a_signature_at_the_end_is_no_skill() {
        let p = parse("Tobias Brandner\nKENNTNISSE\nSPS-Programmierung\nDGUV V3\nKassel, 12.11.2026\nT. Brandner\n");
        assert_eq!(p.skills, ["SPS-Programmierung", "DGUV V3"]);
        // A sidebar read first may put the signature before the last lines: only it goes.
        let p = parse("Jane Doe\nSKILLS\nWound care\nIV therapy\nKassel, 12.11.2026\nJ. Doe\nTriage\n");
        assert_eq!(p.skills, ["Wound care", "IV therapy", "Triage"]);
        // A certificate's date near the end is no signature: what follows it is kept.
        let text =
            "Jane Doe\nCERTIFICATIONS\nFirst Aid at Work, 12.05.2023\nManual Handling\nLANGUAGES\nEnglish (native)\n";
        let p = parse(text);
        assert_eq!(p.certifications, ["First Aid at Work", "Manual Handling"]);
        assert_eq!(p.languages.len(), 1);
        assert!(is_full_date("12.11.2026") && is_full_date("01/02/2025") && !is_full_date("2019 – 2021"));
    }

    #[test]
    fn an_empty_text_gives_an_empty_parse() {
        let p = parse("");
        assert_eq!(ParsedResume { confidence: Confidences::default(), ..p.clone() }, ParsedResume::default());
        assert_eq!((p.confidence.name, p.confidence.employment), (Confidence::Low, Confidence::Low));
    }

    #[test]
    fn a_skills_label_run_in_with_its_list_counts_only_without_a_skills_section() {
        let text = "Rosa Delgado\nrosa@example.com\nEDUCATION\nB.S. Criminal Justice, Arizona State University, 2020\n\
                    Skills: Patrol operations, Report writing, Community policing\n";
        assert_eq!(parse(text).skills, ["Patrol operations", "Report writing", "Community policing"]);
        // With a skills section, a job's tools line is that job's, not the resume's list.
        let text = "Rosa Delgado\nrosa@example.com\nEXPERIENCE\nAnalyst  2019 – 2021\nAcme Ltd\n\
                    Skills: Jira, Confluence\nSKILLS\nBudgeting\nForecasting\n";
        assert_eq!(parse(text).skills, ["Budgeting", "Forecasting"]);
    }
}
