//! The hand-written evaluation set (tests/resumes) stays usable: every ground truth reads, the
//! split places each resume in one half, and every file is read and parsed without a panic or
//! a hang. No score is asserted here yet: the parser work of issue 25 adds its targets, measured
//! on the held-out half by `talentdesk-cli bench resume --set tests/resumes`.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use talentdesk_resume::{ParsedResume, extract, normalize, parse_extracted};
use talentdesk_resume_corpus::set::{self, Half};

/// Far above what one resume takes (milliseconds); below it a loop in the reader shows.
const PER_FILE: Duration = Duration::from_secs(20);

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/resumes")
}

#[test]
fn every_resume_has_its_truth_and_its_file_in_one_half() {
    let all = set::load(&dir(), Half::All).unwrap();
    let held_out = set::load(&dir(), Half::HeldOut).unwrap();
    let tuning = set::load(&dir(), Half::Tuning).unwrap();
    assert!(all.len() >= 60, "{} resumes", all.len());
    assert_eq!(held_out.len() + tuning.len(), all.len());
    for case in &all {
        let t = &case.truth;
        assert!(!case.file.is_empty(), "{}: empty file", case.id);
        assert!(!t.name.is_empty() && t.email.contains('@') && !t.phone.is_empty(), "{}: contact", case.id);
        assert!(!t.skills.is_empty() && !t.jobs.is_empty() && !t.education.is_empty(), "{}: lists", case.id);
        for job in &t.jobs {
            let dates = [job.start.as_deref(), job.end.as_deref()];
            assert!(dates.into_iter().flatten().all(is_date), "{}: dates of {job:?}", case.id);
        }
    }
}

/// What a source says, as plain words: an HTML source's tags, styles and entities gone (a text
/// source says "< 0,2 %" as it is), letters typed apart joined, spaces collapsed.
fn source_words(case: &set::Case) -> String {
    let typed = case.truth.render == "text";
    let extension = if typed { "txt" } else { "html" };
    let source = std::fs::read_to_string(dir().join("sources").join(format!("{}.{extension}", case.id))).unwrap();
    let text = if typed { source } else { html_text(&source) };
    // Letters typed apart ("M A X I M I L I A N   K R Ü G E R") say their words.
    let text: Vec<String> = text.lines().map(|l| normalize::letters_joined(&l.replace('\t', "  "))).collect();
    let text = text.join("\n");
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// An HTML source's text: its tags and styles gone, its entities written out.
fn html_text(source: &str) -> String {
    let body = source.split("</style>").last().unwrap_or(source);
    let mut text = String::new();
    let mut tag: Option<String> = None;
    for c in body.chars() {
        match (c, tag.as_mut()) {
            ('<', _) => tag = Some(String::new()),
            ('>', Some(name)) => {
                // An inline tag is inside a word ("M<small>ARCUS</small>", faked small capitals);
                // any other ends one.
                let name = name.trim_start_matches('/').split_whitespace().next().unwrap_or_default().to_lowercase();
                if !["small", "b", "strong", "i", "em", "u", "sup", "sub"].contains(&name.as_str()) {
                    text.push(' ');
                }
                tag = None;
            }
            (c, Some(name)) => name.push(c),
            (c, None) => text.push(c),
        }
    }
    text.replace("&amp;", "&").replace("&nbsp;", " ")
}

#[test]
fn the_truth_is_what_the_resume_says() {
    // Every value the source does not say, each on a line of its own.
    let mut unsaid: Vec<String> = Vec::new();
    for case in set::load(&dir(), Half::All).unwrap() {
        let words = source_words(&case);
        // A form typed as text sets its labels in a column of their own, so a value that wraps
        // has the label's next words between its own ("working with" / "competences" /
        // "families in crisis"): in a text source, a value may have up to three words between
        // two of its own.
        let broken_by_labels = |s: &str| case.truth.render == "text" && in_order_nearly(&words, s);
        let says = |s: &str| {
            words.contains(&s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()) || broken_by_labels(s)
        };
        let t = &case.truth;
        if !(says(&t.name) || t.name_also.iter().any(|n| says(n))) {
            unsaid.push(format!("{}: name {}", case.id, t.name));
        }
        let jobs = t.jobs.iter().flat_map(|j| [&j.title, &j.employer]);
        let schools = t.education.iter().flat_map(|e| [&e.school, &e.degree]);
        let phones = std::iter::once(&t.phone).chain(&t.phone_also);
        for item in [&t.email].into_iter().chain(phones).chain(&t.skills).chain(jobs).chain(schools) {
            if !says(item) {
                unsaid.push(format!("{}: the source does not say {item:?}", case.id));
            }
        }
    }
    assert!(unsaid.is_empty(), "truth the resumes do not say:\n{}", unsaid.join("\n"));
}

/// Whether the words of `value` come in `text` in order, each within three words of the one
/// before; a word of the text may end with a comma the value does not have ("und Sicherheit,
/// Abteilung Gießen").
fn in_order_nearly(text: &str, value: &str) -> bool {
    let text: Vec<&str> = text.split_whitespace().map(|w| w.trim_end_matches([',', ';'])).collect();
    let value: Vec<String> = value.split_whitespace().map(str::to_lowercase).collect();
    let Some(first) = value.first() else { return false };
    (0..text.len()).filter(|&i| text[i] == first).any(|start| {
        let mut at = start;
        value[1..].iter().all(|word| match text[at + 1..text.len().min(at + 5)].iter().position(|w| w == word) {
            Some(k) => {
                at += k + 1;
                true
            }
            None => false,
        })
    })
}

/// `YYYY` or `YYYY-MM`, as the parser gives dates.
fn is_date(d: &str) -> bool {
    let (year, month) = d.split_once('-').unwrap_or((d, "01"));
    year.len() == 4 && year.parse::<u16>().is_ok() && month.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
}

#[test]
fn every_file_is_read_and_parsed_without_a_crash_or_a_hang() {
    let cases = set::load(&dir(), Half::All).unwrap();
    // The set grows with every writer: its files are read on every core, in order.
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let parses: Vec<Option<ParsedResume>> = std::thread::scope(|scope| {
        let readers: Vec<_> = cases
            .chunks(cases.len().div_ceil(workers).max(1))
            .map(|chunk| scope.spawn(move || chunk.iter().map(|case| Some(read(case))).collect::<Vec<_>>()))
            .collect();
        readers.into_iter().flat_map(|reader| reader.join().expect("a file's read panicked")).collect()
    });
    let report = set::score(&cases, &parses);
    assert_eq!((report.all.resumes, report.all.unreadable), (cases.len(), 0));
    assert!(report.by_layout.len() >= 8 && report.by_language.len() >= 5, "{report:?}");
}

/// One file read and parsed in a thread of its own: a panic is an Err from the channel, a hang
/// a timeout; either fails the test with the resume's id.
fn read(case: &set::Case) -> ParsedResume {
    let (tx, rx) = mpsc::channel();
    let file = case.file.clone();
    std::thread::spawn(move || {
        let _ = tx.send(extract::read(&file).map(|e| parse_extracted(e).1));
    });
    let read = rx.recv_timeout(PER_FILE).unwrap_or_else(|e| panic!("{}: {e}", case.id));
    read.unwrap_or_else(|e| panic!("{}: {e}", case.id))
}
