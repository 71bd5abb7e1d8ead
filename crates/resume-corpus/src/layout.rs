//! How a record is written out: which lines, in which layout, with dates in which style. The
//! record written (`truth`) is exactly what the lines say.

use talentdesk_domain::candidate::Profile;
use talentdesk_resume::{ParsedEducation, ParsedJob, ParsedResume};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// One column: "Title — Employer   dates", contact on one line.
    Classic,
    /// Labelled contact lines ("Email: ..."), each job as employer, title and dates lines.
    Labelled,
    /// A sidebar (contact, skills, education) beside the experience.
    TwoColumn,
    /// Experience and education as table rows: dates, title, employer.
    Table,
    /// Name and contact in a running header, "Page N of M" in the footer.
    HeaderFooter,
}

impl Layout {
    pub const ALL: [Layout; 5] =
        [Layout::Classic, Layout::Labelled, Layout::TwoColumn, Layout::Table, Layout::HeaderFooter];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// "Apr 2019"
    MonthShort,
    /// "04/2019"
    Slash,
    /// "2019-04"
    Iso,
    /// "April 2019"
    MonthLong,
    /// "2019"
    Year,
}

impl DateStyle {
    pub const ALL: [DateStyle; 5] =
        [DateStyle::MonthShort, DateStyle::Slash, DateStyle::Iso, DateStyle::MonthLong, DateStyle::Year];

    /// The date as written, and as the record then says it (`YYYY` or `YYYY-MM`).
    fn write(self, ym: &str) -> (String, String) {
        const SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        const LONG: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let (year, month) = match ym.split_once('-') {
            Some((y, m)) => (y, m.parse::<usize>().ok().filter(|m| (1..=12).contains(m))),
            None => (ym, None),
        };
        match (self, month) {
            (DateStyle::Year, _) | (_, None) => (year.to_owned(), year.to_owned()),
            (DateStyle::MonthShort, Some(m)) => (format!("{} {year}", SHORT[m - 1]), format!("{year}-{m:02}")),
            (DateStyle::MonthLong, Some(m)) => (format!("{} {year}", LONG[m - 1]), format!("{year}-{m:02}")),
            (DateStyle::Slash, Some(m)) => (format!("{m:02}/{year}"), format!("{year}-{m:02}")),
            (DateStyle::Iso, Some(m)) => (format!("{year}-{m:02}"), format!("{year}-{m:02}")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Name,
    Heading,
    Text,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub style: Style,
}

/// A resume's lines, by where they go on the page. In `body` and the columns, a line with
/// tabs is a table row.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub header: Vec<Line>,
    pub footer_pages: bool,
    pub body: Vec<Line>,
    pub left: Vec<Line>,
    pub right: Vec<Line>,
    pub truth: ParsedResume,
}

fn line(text: impl Into<String>, style: Style) -> Line {
    Line { text: text.into(), style }
}

fn text(t: impl Into<String>) -> Line {
    line(t, Style::Text)
}

fn heading(t: &str, upper: bool) -> Line {
    line(if upper { t.to_uppercase() } else { t.to_owned() }, Style::Heading)
}

/// What the lines write about one job or school.
struct Entry {
    dates: String,
    start: Option<String>,
    end: Option<String>,
}

fn dates(style: DateStyle, start: Option<&str>, end: Option<&str>, n: usize) -> Entry {
    let present = ["Present", "Current", "now"][n % 3];
    let (start_text, start) = start.map(|s| style.write(s)).map_or((String::new(), None), |(t, v)| (t, Some(v)));
    let (end_text, end) = match end {
        Some(e) => {
            let (t, v) = style.write(e);
            (t, Some(v))
        }
        None => (present.to_owned(), None),
    };
    let dash = [" – ", " - ", " to ", "–"][n % 4];
    Entry { dates: format!("{start_text}{dash}{end_text}"), start, end }
}

/// Writes `p` in `layout`; `n` varies the small choices (capitals, separators).
pub fn write(p: &Profile, layout: Layout, style: DateStyle, n: usize) -> Doc {
    let name = format!("{} {}", p.first_name, p.last_name);
    let place = [&p.location.city, &p.location.region, &p.location.country]
        .into_iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let upper = n.is_multiple_of(3);
    let links: Vec<String> = p.links.iter().map(|l| l.url.clone()).collect();
    let shown_links: Vec<String> = links
        .iter()
        .map(|l| if n.is_multiple_of(2) { l.trim_start_matches("https://").to_owned() } else { l.clone() })
        .collect();
    let mut truth = ParsedResume {
        name: Some(name.clone()),
        email: p.email.clone(),
        phone: p.phone.clone(),
        location: (!place.is_empty()).then(|| place.clone()),
        links: links
            .iter()
            .map(|l| if l.starts_with("https://") { l.clone() } else { format!("https://{l}") })
            .collect(),
        skills: p.skills.clone(),
        ..ParsedResume::default()
    };
    let jobs: Vec<(String, &talentdesk_domain::candidate::Employment)> = p
        .employment
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let d = dates(style, e.start.as_deref(), e.end.as_deref(), n + i);
            truth.employment.push(ParsedJob {
                title: e.title.clone(),
                employer: e.employer.clone(),
                start: d.start,
                end: d.end,
            });
            (d.dates, e)
        })
        .collect();
    let schools: Vec<(String, &talentdesk_domain::candidate::Education)> = p
        .education
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let d = dates(style, e.start.as_deref(), e.end.as_deref(), n + i);
            truth.education.push(ParsedEducation {
                school: e.school.clone(),
                degree: e.degree.clone(),
                major: e.major.clone(),
                start: d.start,
                end: d.end,
            });
            (d.dates, e)
        })
        .collect();
    let email = p.email.clone().unwrap_or_default();
    let phone = p.phone.clone().unwrap_or_default();
    let shown_name = if upper { name.to_uppercase() } else { name.clone() };
    let summary = format!(
        "{} with {} years of experience across {} teams.",
        p.current_title.trim(),
        3 + n % 12,
        ["product", "platform", "client", "operations"][n % 4]
    );
    let bullets = |e: &talentdesk_domain::candidate::Employment| {
        vec![
            text(format!("• Led work on {} initiatives for {}", ["core", "customer", "internal"][n % 3], e.employer)),
            text("• Improved delivery times and quality across the team"),
        ]
    };
    let skills_line = p.skills.join(if n.is_multiple_of(2) { ", " } else { " | " });
    let mut doc = Doc { truth, ..Doc::default() };
    match layout {
        Layout::Classic => {
            let b = &mut doc.body;
            b.push(line(&shown_name, Style::Name));
            b.push(text(
                [place.as_str(), &email, &phone].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" | "),
            ));
            if !shown_links.is_empty() {
                b.push(text(shown_links.join(" · ")));
            }
            b.push(heading("Summary", upper));
            b.push(text(summary));
            b.push(heading("Experience", upper));
            for (d, e) in &jobs {
                b.push(text(format!("{} — {}   {d}", e.title, e.employer)));
                b.extend(bullets(e));
            }
            b.push(heading("Education", upper));
            for (d, e) in &schools {
                b.push(text(&e.school));
                b.push(text(format!("{} in {}", e.degree, e.major)));
                b.push(text(d));
            }
            b.push(heading("Skills", upper));
            b.push(text(skills_line));
        }
        Layout::Labelled => {
            let b = &mut doc.body;
            b.push(line(&shown_name, Style::Name));
            b.push(text(&p.current_title));
            if !email.is_empty() {
                b.push(text(format!("Email: {email}")));
            }
            if !phone.is_empty() {
                b.push(text(format!("Phone: {phone}")));
            }
            if !place.is_empty() {
                b.push(text(format!("Location: {place}")));
            }
            for l in &shown_links {
                b.push(text(l));
            }
            b.push(heading("Work Experience", upper));
            for (d, e) in &jobs {
                b.push(text(&e.employer));
                b.push(text(&e.title));
                b.push(text(d));
                b.extend(bullets(e));
            }
            b.push(heading("Education", upper));
            for (d, e) in &schools {
                b.push(text(format!("{}, {} | {} | {d}", e.degree, e.major, e.school)));
            }
            b.push(heading("Skills", upper));
            for chunk in p.skills.chunks(4) {
                b.push(text(chunk.iter().map(|s| format!("• {s}")).collect::<Vec<_>>().join("  ")));
            }
        }
        Layout::TwoColumn => {
            doc.body.push(line(&shown_name, Style::Name));
            doc.body.push(text(&p.current_title));
            let l = &mut doc.left;
            l.push(heading("Contact", upper));
            for item in [&email, &phone, &place].into_iter().filter(|s| !s.is_empty()) {
                l.push(text(item));
            }
            for link in &shown_links {
                l.push(text(link));
            }
            l.push(heading("Skills", upper));
            for s in &p.skills {
                l.push(text(s));
            }
            l.push(heading("Education", upper));
            for (d, e) in &schools {
                l.push(text(&e.school));
                l.push(text(format!("{}, {}", e.degree, e.major)));
                l.push(text(d));
            }
            let r = &mut doc.right;
            r.push(heading("Experience", upper));
            for (d, e) in &jobs {
                r.push(text(format!("{} at {}", e.title, e.employer)));
                r.push(text(d));
                r.extend(bullets(e));
            }
        }
        Layout::Table => {
            let b = &mut doc.body;
            b.push(line(&shown_name, Style::Name));
            b.push(text(
                [email.as_str(), &phone, &place]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("  |  "),
            ));
            for l in &shown_links {
                b.push(text(l));
            }
            b.push(heading("Professional Experience", upper));
            for (d, e) in &jobs {
                b.push(text(format!("{d}\t{}\t{}", e.title, e.employer)));
            }
            b.push(heading("Education", upper));
            for (d, e) in &schools {
                b.push(text(format!("{d}\t{} in {}\t{}", e.degree, e.major, e.school)));
            }
            b.push(heading("Technical Skills", upper));
            b.push(text(skills_line));
        }
        Layout::HeaderFooter => {
            doc.header.push(text(
                [shown_name.as_str(), &email, &phone]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" — "),
            ));
            doc.footer_pages = true;
            let b = &mut doc.body;
            if !place.is_empty() {
                b.push(text(&place));
            }
            for l in &shown_links {
                b.push(text(l));
            }
            b.push(heading("Profile", upper));
            b.push(text(summary));
            b.push(heading("Employment History", upper));
            for (d, e) in &jobs {
                b.push(text(format!("{}, {}", e.title, e.employer)));
                b.push(text(d));
                b.extend(bullets(e));
                b.extend(bullets(e));
            }
            b.push(heading("Education", upper));
            for (d, e) in &schools {
                b.push(text(format!("{} — {} in {}", e.school, e.degree, e.major)));
                b.push(text(d));
            }
            b.push(heading("Skills", upper));
            b.push(text(skills_line));
        }
    }
    doc
}
