//! `bench resume`: the resume parser as the app runs it, each file read by the isolated reader
//! (a child process of this program), normalised and parsed, timed whole.
//!
//! With `--set DIR` it scores the hand-written evaluation set (tests/resumes, one half or all)
//! field by field, by layout, language and how the file was made, and the generated corpus
//! beside it with the same measures (talentdesk_resume_corpus::set). Without it, the generated
//! corpus alone in its older report (each job right only when title, employer and both dates
//! are), which the numbers of issue 5 in BENCHMARKS.md were taken with.
//!
//! With `--queue N`, many resumes dropped at once as the app takes them (issue 20): N corpus
//! resumes in one folder dropped, read one isolated reader per core and, with `--db`,
//! deduplicated against the whole database; `queue_s` is the whole, from drop to review.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde_json::json;
use talentdesk_resume::batch;
use talentdesk_resume::{Isolated, ParsedResume};
use talentdesk_resume_corpus::set::{self, Half, Scores, SetReport};

use crate::bench::{Stats, ms};

/// Which half of the evaluation set.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum HalfArg {
    /// The half the parser is not tuned on: the number it is judged by.
    HeldOut,
    /// The half that may be looked at while changing the parser.
    Tuning,
    All,
}

impl From<HalfArg> for Half {
    fn from(half: HalfArg) -> Self {
        match half {
            HalfArg::HeldOut => Half::HeldOut,
            HalfArg::Tuning => Half::Tuning,
            HalfArg::All => Half::All,
        }
    }
}

/// Reads and parses each file in the isolated reader; the parses (None: no text) and the time
/// each took.
fn read_all<'a>(files: impl Iterator<Item = &'a [u8]>) -> anyhow::Result<(Vec<Option<ParsedResume>>, Vec<Duration>)> {
    let reader = Isolated::this_program(&["extract-text"])?;
    let mut timings = Vec::new();
    let parses = files
        .map(|file| {
            let started = Instant::now();
            let parse = talentdesk_resume::parse_file(&reader, file).ok().map(|(_, parsed)| parsed);
            timings.push(started.elapsed());
            parse
        })
        .collect();
    Ok((parses, timings))
}

/// The hand-written set in `dir` and, beside it, `generated` resumes of the generated corpus
/// (its last row, "generated corpus").
pub fn set(dir: &Path, half: HalfArg, generated: usize, json: bool) -> anyhow::Result<ExitCode> {
    let cases = set::load(dir, half.into()).map_err(anyhow::Error::msg)?;
    anyhow::ensure!(!cases.is_empty(), "no resumes in {}", dir.display());
    let (parses, timings) = read_all(cases.iter().map(|c| c.file.as_slice()))?;
    let report = set::score(&cases, &parses);
    let corpus = set::generated(talentdesk_resume_corpus::corpus(generated, 7).map_err(anyhow::Error::msg)?);
    let (corpus_parses, _) = read_all(corpus.iter().map(|c| c.file.as_slice()))?;
    let beside = set::score(&corpus, &corpus_parses);
    let time = Stats::of(&timings);
    let p99 = ms(quantile(&timings, 0.99));
    if json {
        let per_resume = json!({ "p50_ms": time.p50_ms, "p95_ms": time.p95_ms, "p99_ms": p99, "max_ms": time.max_ms });
        let out = json!({ "half": Half::from(half), "set": report, "generated": beside, "per_resume": per_resume });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    let name = clap::ValueEnum::to_possible_value(&half).map(|v| v.get_name().to_owned()).unwrap_or_default();
    println!("{}, {name} half: {} resumes ({} unreadable)", dir.display(), report.all.resumes, report.all.unreadable);
    print_table(&report, &beside.all);
    println!(
        "per resume, reader process included: p50 {:.1} ms, p99 {p99:.1} ms, max {:.1} ms",
        time.p50_ms, time.max_ms
    );
    Ok(ExitCode::SUCCESS)
}

/// The sample at quantile `q` (nearest rank).
fn quantile(samples: &[Duration], q: f64) -> Duration {
    let mut s = samples.to_vec();
    s.sort_unstable();
    s.get(((s.len() as f64 * q).ceil() as usize).saturating_sub(1)).copied().unwrap_or_default()
}

fn print_table(report: &SetReport, generated: &Scores) {
    println!(
        "{:<28} {:>3}  {:>5} {:>5} {:>5}  {:<17}  {:<17}  {:>5}  {:<17}",
        "", "n", "name", "email", "phone", "skills P/R/F1", "jobs P/R/F1", "dates", "schools P/R/F1"
    );
    row("all", &report.all);
    let groups = [("layout", &report.by_layout), ("language", &report.by_language), ("format", &report.by_format)];
    for (group, scores) in groups {
        for (key, s) in scores {
            row(&format!("{group} {key}"), s);
        }
    }
    row("generated corpus", generated);
    let f1 = |f: talentdesk_resume_corpus::FieldScore| f.f1;
    println!(
        "compared whole (titles with their asides, employers with their sites, schools with their faculties: the scorer before 2026-12-05 19:00; a skill's list as one item: before 22:00): jobs F1 {:.2}, schools F1 {:.2}, skills F1 {:.2}",
        f1(report.all.jobs_whole),
        f1(report.all.schools_whole),
        f1(report.all.skills_whole)
    );
}

fn row(label: &str, s: &Scores) {
    let prf = |f: talentdesk_resume_corpus::FieldScore| format!("{:.2}/{:.2}/{:.2}", f.precision, f.recall, f.f1);
    println!(
        "{label:<28} {:>3}  {:>5.2} {:>5.2} {:>5.2}  {:<17}  {:<17}  {:>5.2}  {:<17}",
        s.resumes,
        s.name,
        s.email,
        s.phone,
        prf(s.skills),
        prf(s.jobs),
        s.dates,
        prf(s.schools)
    );
}

/// What the parse of each resume of the tuning half got wrong, by the scorer's rulers; resumes
/// parsed right are left out. The held-out half is refused: its resumes are never looked at.
pub fn misses(dir: &Path, half: HalfArg, json: bool) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        matches!(half, HalfArg::Tuning),
        "misses are shown for the tuning half only (--half tuning): the held-out half only reports its totals"
    );
    let cases = set::load(dir, Half::Tuning).map_err(anyhow::Error::msg)?;
    let (parses, _) = read_all(cases.iter().map(|c| c.file.as_slice()))?;
    let wrong: Vec<set::Misses> =
        cases.iter().zip(&parses).map(|(c, p)| set::misses(c, p.as_ref())).filter(|m| !m.none()).collect();
    if json {
        println!("{}", serde_json::to_string_pretty(&wrong)?);
        return Ok(ExitCode::SUCCESS);
    }
    for m in &wrong {
        print_misses(m);
    }
    println!("{} of {} resumes with a miss", wrong.len(), cases.len());
    Ok(ExitCode::SUCCESS)
}

fn print_misses(m: &set::Misses) {
    println!("{} ({})", m.id, m.layout);
    let pairs = [("name", &m.name), ("email", &m.email), ("phone", &m.phone)];
    for (field, (found, truth)) in pairs.into_iter().filter_map(|(f, v)| Some((f, v.as_ref()?))) {
        println!("  {field}: found {found:?}, the resume says {truth:?}");
    }
    let lists = [
        ("job missed", &m.jobs_missed),
        ("job found beside", &m.jobs_extra),
        ("dates", &m.dates),
        ("school missed", &m.schools_missed),
        ("school found beside", &m.schools_extra),
    ];
    for (what, items) in lists {
        for item in items {
            println!("  {what}: {item}");
        }
    }
    for (what, items) in [("skills missed", &m.skills_missed), ("skills found beside", &m.skills_extra)] {
        if !items.is_empty() {
            println!("  {what}: {}", items.join(" ¦ "));
        }
    }
}

/// The generated corpus alone, in the report of issue 5.
pub fn generated(count: usize, json: bool) -> anyhow::Result<ExitCode> {
    let samples = talentdesk_resume_corpus::corpus(count, 7).map_err(anyhow::Error::msg)?;
    let (parses, timings) = read_all(samples.iter().map(|s| s.file.as_slice()))?;
    let report = talentdesk_resume_corpus::score(&samples, &parses);
    let time = Stats::of(&timings);
    if json {
        println!("{}", serde_json::to_string_pretty(&json!({ "quality": report, "per_resume": time }))?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} resumes ({} unreadable)", report.resumes, report.unreadable);
    let fields = [
        ("name", report.name),
        ("email", report.email),
        ("phone", report.phone),
        ("location", report.location),
        ("links", report.links),
        ("skills", report.skills),
        ("employment", report.employment),
        ("education", report.education),
    ];
    for (name, s) in fields {
        println!("{name:<12} precision {:.3}  recall {:.3}  F1 {:.3}", s.precision, s.recall, s.f1);
    }
    println!(
        "per resume, reader process included: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        time.p50_ms, time.p95_ms, time.max_ms
    );
    Ok(ExitCode::SUCCESS)
}

/// `count` resumes through the app's queue: a folder of them dropped, read in parallel, and
/// deduplicated against `db` when given (opened, never written).
pub fn queue(count: usize, db: Option<&Path>, json: bool) -> anyhow::Result<ExitCode> {
    let samples = talentdesk_resume_corpus::corpus(count, 11).map_err(anyhow::Error::msg)?;
    let dir = tempfile::tempdir()?;
    let folder = dir.path().join("resumes");
    std::fs::create_dir(&folder)?;
    for (i, s) in samples.iter().enumerate() {
        let ext = if s.kind == talentdesk_resume_corpus::FileKind::Pdf { "pdf" } else { "docx" };
        std::fs::write(folder.join(format!("cv-{i:03}.{ext}")), &s.file)?;
    }
    let store = db.map(talentdesk_store::Store::open_reader).transpose()?;
    let reader = Isolated::this_program(&["extract-text"])?;
    let workers = batch::workers();

    let started = Instant::now();
    let collected = batch::collect(&[folder], &dir.path().join("unpacked"));
    let collecting = started.elapsed();
    let files: Vec<_> = collected.queued.iter().map(|q| q.path.clone()).collect();
    let results = batch::read_all(&reader, &files, workers, |_, _| {});
    let read = started.elapsed() - collecting;
    let profiles: Vec<_> = results.iter().map(|r| r.as_ref().ok().map(ParsedResume::to_profile)).collect();
    let matched = match &store {
        Some(store) => {
            talentdesk_import::resumes::matches(store, &profiles, None)?.iter().filter(|m| !m.stored.is_empty()).count()
        }
        None => 0,
    };
    let total = started.elapsed();
    let deduped = total - collecting - read;

    let failed = results.iter().filter(|r| r.is_err()).count();
    let secs = |d: Duration| (d.as_secs_f64() * 1000.0).round() / 1000.0;
    if json {
        let out = json!({
            "resumes": files.len(), "failed": failed, "workers": workers, "with_duplicates": matched,
            "collect_s": secs(collecting), "read_s": secs(read), "dedupe_s": secs(deduped), "queue_s": secs(total),
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} resumes ({failed} unreadable), {workers} readers at once", files.len());
    println!(
        "collect {:.2} s, read {:.2} s, dedupe {:.2} s ({matched} with a likely duplicate): queue_s {:.2}",
        secs(collecting),
        secs(read),
        secs(deduped),
        secs(total)
    );
    Ok(ExitCode::SUCCESS)
}
