//! Employment and education entries: each is anchored on a line with its dates; its title and
//! employer (or school, degree and major) are on that line or the lines just before it.

use super::dates::{self, Span};
use super::{ParsedEducation, ParsedJob};

/// Words that make a phrase a job title.
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "engineer", "developer", "manager", "analyst", "designer", "nurse", "director", "lead", "specialist",
    "consultant", "scientist", "architect", "officer", "coordinator", "assistant", "intern", "administrator",
    "technician", "representative", "associate", "head", "vp", "president", "accountant", "teacher", "recruiter",
    "programmer", "owner", "partner", "advisor", "executive", "supervisor", "therapist", "physician", "editor",
    "writer", "researcher", "professor", "lecturer", "tester", "strategist", "planner", "buyer", "agent", "clerk",
    "chef", "driver", "operator", "pharmacist", "attorney", "lawyer", "paralegal", "auditor", "controller", "trainer",
    "marketer", "product", "senior", "junior", "principal", "staff", "chief", "sales", "support",
];

/// Words that make a phrase an organisation.
#[rustfmt::skip]
const EMPLOYER_WORDS: &[&str] = &[
    "inc", "ltd", "llc", "gmbh", "ag", "sa", "s.a.", "corp", "corporation", "company", "co", "group", "bank", "labs",
    "technologies", "solutions", "systems", "hospital", "clinic", "university", "partners", "consulting", "bv", "plc",
    "oy", "ab", "as", "srl", "spa", "kg", "studio", "agency", "foundation", "institute", "health", "software",
];

#[rustfmt::skip]
const SCHOOL_WORDS: &[&str] = &[
    "university", "college", "institute", "school", "academy", "polytechnic", "universität", "universitat",
    "université", "universidad", "università", "universidade", "hochschule", "instituto", "politecnico", "escuela",
    "universiteit", "uniwersytet", "univerzita", "universitet", "üniversitesi", "universitas", "institut", "école",
    "ecole", "politécnica", "politecnica", "technion", "eth", "epfl", "kth", "iit", "daigaku", "hogeschool",
];

#[rustfmt::skip]
const DEGREE_WORDS: &[&str] = &[
    "bachelor", "master", "b.sc", "m.sc", "bsc", "msc", "b.a", "m.a", "ba", "ma", "bs", "ms", "phd", "ph.d", "doctor",
    "doctorate", "associate", "mba", "diploma", "licenciatura", "b.eng", "m.eng", "beng", "meng", "llb", "llm", "md",
    "certificate", "high school",
];

/// Whether `text` has a word of a job title ("Chartered Accountant", "Chef de réception").
pub(super) fn names_a_job(text: &str) -> bool {
    has_word(text, TITLE_WORDS)
}

fn has_word(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.trim_end_matches('.'))
        .any(|w| words.iter().any(|k| k.trim_end_matches('.') == w))
        || words.iter().any(|k| k.contains(' ') && lower.contains(k))
}

/// A line that is a bullet or a sentence: description, not a heading of an entry.
fn is_description(line: &str) -> bool {
    line.starts_with('•') || line.starts_with("- ") || line.starts_with("* ") || line.split_whitespace().count() > 12
}

/// Takes the span out of a line and trims the separators left around it.
fn without(line: &str, span: &std::ops::Range<usize>) -> String {
    let rest = format!("{} {}", &line[..span.start], &line[span.end..]);
    rest.trim_matches(|c: char| c.is_whitespace() || "|,–—-()".contains(c)).to_owned()
}

/// Splits "Title — Employer", "Title at Employer", "Employer | Title", "Title, Employer".
fn title_and_employer(parts: &[String]) -> (String, String) {
    let mut pieces: Vec<String> = Vec::new();
    for part in parts {
        let split: Vec<String> = if let Some((a, b)) = part.split_once(" at ") {
            vec![a.into(), b.into()]
        } else if let Some((a, b)) = part.split_once(" @ ") {
            vec![a.into(), b.into()]
        } else {
            part.split(['—', '–', '|'])
                .flat_map(|p| p.split("  "))
                .flat_map(|p| p.split(" - "))
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect()
        };
        pieces.extend(split.into_iter().map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()));
    }
    // "Title, Employer" or "Title, Employer, Town ST" on one line, when nothing else split it.
    if pieces.len() == 1 && pieces[0].contains(", ") {
        let mut parts: Vec<String> = pieces[0].split(", ").map(str::to_owned).collect();
        while parts.len() > 2 && parts.last().is_some_and(|p| is_town(p)) {
            parts.pop();
        }
        pieces = parts;
    }
    if pieces.len() > 2 {
        // A piece that is a place ("Berlin, Germany") is neither, when the others are both.
        pieces.retain(|p| !is_place(p));
    } else {
        // "Clinique du Parc, Lyon": the employer, without its town.
        for piece in &mut pieces {
            if let Some((name, town)) = piece.rsplit_once(", ")
                && is_town(town)
            {
                *piece = name.to_owned();
            }
        }
    }
    // "UI Engineer Tailspin Toys": a table row whose cells ran together. The title ends at
    // its last title word that is followed by more capitalised words.
    if pieces.len() == 1
        && let Some((title, employer)) = split_after_title(&pieces[0])
    {
        pieces = vec![title, employer];
    }
    match pieces.as_slice() {
        [] => (String::new(), String::new()),
        [one] => (one.clone(), String::new()),
        [a, b, ..] => {
            let a_title = has_word(a, TITLE_WORDS) && !has_word(a, EMPLOYER_WORDS);
            let b_title = has_word(b, TITLE_WORDS) && !has_word(b, EMPLOYER_WORDS);
            if b_title && !a_title { (b.clone(), a.clone()) } else { (a.clone(), b.clone()) }
        }
    }
}

fn split_after_title(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let modifiers = ["product", "sales", "support", "senior", "junior", "principal", "staff", "chief"];
    let at = (0..words.len().saturating_sub(1)).rev().find(|&i| {
        has_word(words[i], TITLE_WORDS)
            && !has_word(words[i], &modifiers)
            && words[i + 1].chars().next().is_some_and(char::is_uppercase)
    })?;
    Some((words[..=at].join(" "), words[at + 1..].join(" ")))
}

/// "Lyon", "Columbus OH", "Villeurbanne": a town (and state) after an employer's name.
fn is_town(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=2).contains(&words)
        && text.chars().all(|c| c.is_alphabetic() || " .'-".contains(c))
        && !has_word(text, TITLE_WORDS)
        && !has_word(text, EMPLOYER_WORDS)
}

fn is_place(text: &str) -> bool {
    let pieces: Vec<&str> = text.split(", ").collect();
    pieces.len() == 2
        && pieces[1].split_whitespace().count() <= 2
        && pieces.iter().all(|p| p.chars().all(|c| c.is_alphabetic() || " .'-".contains(c)))
        && !has_word(text, TITLE_WORDS)
        && !has_word(text, EMPLOYER_WORDS)
}

/// Words a PDF ran together where table cells met ("MathematicsAalto"), split again: a long
/// run of lowercase letters followed by a capital does not happen inside a word.
fn unglue(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 4);
    let mut lower_run = 0;
    for c in line.chars() {
        if c.is_uppercase() && lower_run >= 6 {
            out.push(' ');
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        out.push(c);
    }
    out
}

/// The jobs in the lines of an experience section.
pub fn jobs(lines: &[&str]) -> Vec<ParsedJob> {
    let unglued: Vec<String> = lines.iter().map(|l| unglue(l)).collect();
    let lines: Vec<&str> = unglued.iter().map(String::as_str).collect();
    let lines = lines.as_slice();
    let mut out = Vec::new();
    let mut used = 0; // lines before this belong to earlier entries
    for (i, line) in lines.iter().enumerate() {
        let Some(Span { start, end, at }) = dates::span(line) else { continue };
        let mut parts = Vec::new();
        // Up to two heading lines just before the dates, if they are not descriptions.
        for prev in (used.max(i.saturating_sub(2))..i).rev() {
            if is_description(lines[prev]) || dates::span(lines[prev]).is_some() {
                break;
            }
            parts.insert(0, lines[prev].to_owned());
        }
        let rest = without(line, &at);
        if !rest.is_empty() {
            parts.push(rest);
        }
        // Dates on a line of their own, with the title and employer after it.
        if parts.is_empty() {
            for next in lines.iter().skip(i + 1).take(2) {
                if is_description(next) || dates::span(next).is_some() {
                    break;
                }
                parts.push((*next).to_owned());
            }
        }
        let (title, employer) = title_and_employer(&parts);
        if !title.is_empty() {
            out.push(ParsedJob { title, employer, start: Some(start), end });
        }
        used = i + 1;
    }
    out
}

/// The schools in the lines of an education section: each line naming a school (or, without
/// one, a degree) starts an entry; its degree, major and dates are on it or the next lines.
pub fn schools(lines: &[&str]) -> Vec<ParsedEducation> {
    let unglued: Vec<String> = lines.iter().map(|l| unglue(l)).collect();
    let lines: Vec<&str> = unglued.iter().map(String::as_str).collect();
    let lines = lines.as_slice();
    let anchor = |l: &str| !is_description(l) && has_word(l, SCHOOL_WORDS);
    let anchors: Vec<usize> = if lines.iter().any(|l| anchor(l)) {
        (0..lines.len()).filter(|&i| anchor(lines[i])).collect()
    } else {
        (0..lines.len()).filter(|&i| !is_description(lines[i]) && has_word(lines[i], DEGREE_WORDS)).collect()
    };
    let mut out = Vec::new();
    for (n, &i) in anchors.iter().enumerate() {
        let next = anchors.get(n + 1).copied().unwrap_or(lines.len());
        // The entry: the line before (a degree line above the school) and the lines up to the next.
        let from =
            if i > 0 && n == 0 && has_word(lines[i - 1], DEGREE_WORDS) && !anchor(lines[i - 1]) { i - 1 } else { i };
        let block: Vec<&str> = lines[from..next.min(i + 4)].iter().copied().filter(|l| !is_description(l)).collect();
        let mut entry = ParsedEducation::default();
        for line in &block {
            let (text, span) = match dates::span(line) {
                Some(s) => (without(line, &s.at), Some((s.start, s.end))),
                None => match dates::single(line) {
                    Some((year, at)) => (without(line, &at), Some((year.clone(), Some(year)))),
                    None => ((*line).to_owned(), None),
                },
            };
            if let Some((start, end)) = span
                && entry.end.is_none()
            {
                if end.as_deref() == Some(start.as_str()) {
                    entry.end = end; // a lone year is when it ended
                } else {
                    entry.start = Some(start);
                    entry.end = end;
                }
            }
            for piece in
                text.split(['|', '—', '–', '•']).flat_map(|p| p.split("  ")).map(str::trim).filter(|p| !p.is_empty())
            {
                if entry.school.is_empty() && has_word(piece, SCHOOL_WORDS) {
                    entry.school = school_of(piece);
                } else if entry.degree.is_empty() && has_word(piece, DEGREE_WORDS) {
                    let (degree, major) = degree_and_major(piece);
                    entry.degree = degree;
                    if entry.major.is_empty() {
                        entry.major = major;
                    }
                } else if entry.major.is_empty()
                    && !entry.degree.is_empty()
                    && !is_place(piece)
                    && piece.split_whitespace().count() <= 6
                {
                    entry.major = piece.trim_start_matches("Major:").trim().to_owned();
                }
            }
        }
        if !entry.school.is_empty() || !entry.degree.is_empty() {
            out.push(entry);
        }
    }
    out
}

/// "University of Porto, Portugal" → "University of Porto"; a school keeps its own commas
/// only when the part after is not a place.
fn school_of(piece: &str) -> String {
    match piece.split_once(", ") {
        Some((school, rest)) if !has_word(rest, SCHOOL_WORDS) => school.trim().to_owned(),
        _ => piece.trim().to_owned(),
    }
}

/// "Master of Science in Computer Science" → ("Master of Science", "Computer Science");
/// "BSc, Biology" → ("BSc", "Biology").
fn degree_and_major(piece: &str) -> (String, String) {
    let clean = |s: &str| s.trim().trim_end_matches([',', ';', ':']).trim().to_owned();
    for sep in [" in ", ", ", " - ", ": "] {
        if let Some((degree, major)) = piece.split_once(sep)
            && has_word(degree, DEGREE_WORDS)
            && !has_word(major, SCHOOL_WORDS)
        {
            return (clean(degree), clean(major));
        }
    }
    (clean(piece), String::new())
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

    #[test]
    fn jobs_in_several_layouts() {
        let lines = [
            "Senior Data Engineer — Quantum Ledger   Jan 2020 – Present",
            "• Built the pipelines",
            "Andes Fintech | Berlin, Germany",
            "Data Engineer",
            "04/2017 - 12/2019",
            "• Moved reports to Spark",
            "2014 – 2017",
            "Analyst at Aurora Biotech",
        ];
        assert_eq!(
            jobs(&lines),
            [
                job("Senior Data Engineer", "Quantum Ledger", "2020-01", None),
                job("Data Engineer", "Andes Fintech", "2017-04", Some("2019-12")),
                job("Analyst", "Aurora Biotech", "2014", Some("2017")),
            ]
        );
    }

    #[test]
    fn an_employer_keeps_its_name_and_loses_its_town() {
        let lines = [
            "2020-03 - present   Warehouse Supervisor, Midwest Grocers Distribution, Columbus OH",
            "Infirmière de nuit — Clinique du Parc, Lyon",
            "Octobre 2016 – août 2019",
            "Infirmière — Hospices Civils de Lyon, Hôpital Louis Pradel",
            "Depuis 2019",
        ];
        let got: Vec<(String, String)> = jobs(&lines).into_iter().map(|j| (j.title, j.employer)).collect();
        let want = [
            ("Warehouse Supervisor", "Midwest Grocers Distribution"),
            ("Infirmière de nuit", "Clinique du Parc"),
            ("Infirmière", "Hospices Civils de Lyon, Hôpital Louis Pradel"),
        ];
        assert_eq!(got, want.map(|(t, e)| (t.to_owned(), e.to_owned())));
    }

    #[test]
    fn schools_with_degrees_majors_and_years() {
        let lines = [
            "University of Toronto",
            "Bachelor of Engineering in Civil Engineering",
            "2003 – 2007",
            "MSc, Data Science | Universidad de Chile | 2012",
        ];
        let got = schools(&lines);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            (got[0].school.as_str(), got[0].degree.as_str(), got[0].major.as_str()),
            ("University of Toronto", "Bachelor of Engineering", "Civil Engineering")
        );
        assert_eq!((got[0].start.as_deref(), got[0].end.as_deref()), (Some("2003"), Some("2007")));
        assert_eq!(
            (got[1].school.as_str(), got[1].degree.as_str(), got[1].major.as_str()),
            ("Universidad de Chile", "MSc", "Data Science")
        );
        assert_eq!(got[1].end.as_deref(), Some("2012"));
    }
}
