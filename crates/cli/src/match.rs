//! `match`: the organisation's candidates for a job (`--job ID`) or a pasted job description
//! (`--description FILE`), best first, each with why (see the store's search/for_job.rs).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Args;
use talentdesk_store::Store;
use talentdesk_store::search::for_job::{JobMatch, JobWanted, LocationFit, MOST_RESULTS, MatchOptions};
use uuid::Uuid;

/// A description longer than this is not a job description (a book pasted by mistake).
const MOST_DESCRIPTION_BYTES: u64 = 100_000;

#[derive(Args)]
pub struct MatchArgs {
    #[arg(long)]
    pub db: PathBuf,
    /// The job: its title and place, and its pipeline (left out, its rejected listed apart).
    #[arg(long, required_unless_present = "description")]
    pub job: Option<Uuid>,
    /// A job description (text, up to 100 kB): its first line is the title; skills, years
    /// ("5+ years") are read from it.
    #[arg(long)]
    pub description: Option<PathBuf>,
    /// A wanted skill (repeatable), added to those read from the job or description.
    #[arg(long = "skill")]
    pub skills: Vec<String>,
    /// A skill a candidate must have (repeatable).
    #[arg(long = "require")]
    pub required: Vec<String>,
    #[arg(long)]
    pub location: Option<String>,
    /// Years of experience wanted at least.
    #[arg(long)]
    pub years: Option<u32>,
    /// A word the education should have, e.g. nursing (repeatable).
    #[arg(long = "education")]
    pub education: Vec<String>,
    /// Also rank those already in the job's pipeline.
    #[arg(long)]
    pub include_pipeline: bool,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &MatchArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let wanted = wanted(&store, args)?;
    if args.limit == 0 || args.limit > MOST_RESULTS {
        bail!("--limit {}: give 1 to {MOST_RESULTS}", args.limit);
    }
    let options = MatchOptions {
        required_skills: args.required.clone(),
        exclude_pipeline: !args.include_pipeline,
        limit: args.limit,
        ..MatchOptions::default()
    };
    let found = store.candidates_for_job(&wanted, &options)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&serde_json::json!({ "wanted": wanted, "found": found }))?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} — skills: {}", wanted.title, wanted.skills.join(", "));
    for (i, m) in found.ranked.iter().enumerate() {
        println!("{:>3}. {}", i + 1, line(m));
    }
    if found.in_pipeline > 0 {
        println!("({} already in the job's pipeline, left out)", found.in_pipeline);
    }
    if !found.rejected_here.is_empty() {
        println!("Rejected for this job before:");
        for m in &found.rejected_here {
            println!("     {}", line(m));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One result as a line of text with its reasons.
fn line(m: &JobMatch) -> String {
    let mut why = vec![format!("skills {}", m.matched_skills.join(", "))];
    if !m.related_skills.is_empty() {
        why.push(format!("related {}", m.related_skills.join(", ")));
    }
    if let Some(title) = &m.matched_title {
        why.push(format!("title {title}"));
    }
    why.push(format!("{:.1} years", f64::from(m.experience_months) / 12.0));
    why.push(
        match m.location {
            LocationFit::Here => "here",
            LocationFit::Relocates => "would relocate",
            LocationFit::Elsewhere => "elsewhere",
            LocationFit::Anywhere => "",
        }
        .to_owned(),
    );
    if let Some(e) = &m.education {
        why.push(e.clone());
    }
    for a in &m.applications {
        why.push(format!(
            "applied to {}: {}{}",
            a.job_title,
            a.hiring_status,
            if a.withdrawn { " (withdrew)" } else { "" }
        ));
    }
    if m.silver_medalist {
        why.push("silver medalist".into());
    }
    if m.opted_out {
        why.push("OPTED OUT".into());
    }
    why.retain(|w| !w.is_empty());
    format!("{} ({:.0}%) — {}", m.row.name, m.fit * 100.0, why.join("; "))
}

/// What the job asks for, from the job, the description and the flags.
fn wanted(store: &Store, args: &MatchArgs) -> anyhow::Result<JobWanted> {
    let mut wanted = JobWanted::default();
    if let Some(id) = args.job {
        let job = store.jobs()?.into_iter().find(|j| j.id == id).with_context(|| format!("--job {id}: no such job"))?;
        wanted.skills = talentdesk_resume::parse(&job.title).skills;
        wanted.job_id = Some(job.id);
        wanted.title = job.title;
        wanted.location = job.location;
    }
    if let Some(path) = &args.description {
        let read = read_description(path)?;
        if wanted.title.is_empty() {
            wanted.title = read.title;
        }
        wanted.skills.extend(read.skills);
        wanted.years = read.years;
    }
    wanted.skills.extend(args.skills.iter().cloned());
    if let Some(location) = &args.location {
        wanted.location = location.clone();
    }
    if args.years.is_some() {
        wanted.years = args.years;
    }
    wanted.education = args.education.clone();
    Ok(wanted)
}

/// The job description in a file: refused when it is too large to be one or has no text.
fn read_description(path: &std::path::Path) -> anyhow::Result<JobWanted> {
    let size = std::fs::metadata(path).with_context(|| format!("--description {}", path.display()))?.len();
    if size > MOST_DESCRIPTION_BYTES {
        bail!("--description {}: {size} bytes; a job description has at most {MOST_DESCRIPTION_BYTES}", path.display());
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("--description {}", path.display()))?;
    from_description(&text).with_context(|| format!("--description {}: nothing in it (an empty file?)", path.display()))
}

/// A job description's title (its first line), skills (the resume parser's finder, which
/// knows the taxonomy's names and their synonyms) and years wanted ("5+ years"); None when
/// it has no text.
fn from_description(text: &str) -> Option<JobWanted> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    // "Registered Nurse, Intensive Care (m/w/d)": the title is before the comma or bracket.
    let title = line.split([',', '(', '|']).next().unwrap_or(line).trim();
    let title: String = title.chars().take(120).collect();
    Some(JobWanted {
        title,
        skills: talentdesk_resume::parse(text).skills,
        years: years_in(text),
        ..JobWanted::default()
    })
}

/// The first "N years" / "N+ years" / "N Jahre" of a text.
fn years_in(text: &str) -> Option<u32> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words.windows(2).find_map(|w| {
        let unit = w[1].trim_matches(|c: char| !c.is_alphabetic());
        let number = w[0].trim_end_matches(['+', '-']).trim_start_matches('(');
        (["years", "year", "yrs", "jahre", "jahren"].contains(&unit)).then(|| number.parse().ok()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_gives_its_title_skills_and_years() {
        let text = "\n  Senior Backend Engineer (Rust)\nWe want 5+ years of Rust and PostgreSQL, Kubernetes a plus.\n";
        let read = from_description(text).unwrap();
        assert_eq!(read.title, "Senior Backend Engineer");
        assert_eq!(read.years, Some(5));
        for skill in ["Rust", "PostgreSQL", "Kubernetes"] {
            assert!(read.skills.iter().any(|s| s == skill), "{skill} in {:?}", read.skills);
        }
        assert!(from_description(" \n\t").is_none());
        assert_eq!(years_in("mindestens 3 Jahre Erfahrung"), Some(3));
        assert_eq!(years_in("no number here years"), None);
    }

    #[test]
    fn an_empty_a_huge_or_a_missing_description_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "  \n\n").unwrap();
        let huge = dir.path().join("huge.txt");
        std::fs::write(&huge, "Rust ".repeat(30_000)).unwrap();
        let err = |path: &std::path::Path| format!("{:#}", read_description(path).unwrap_err());
        assert!(err(&empty).contains("nothing in it"), "{}", err(&empty));
        assert!(err(&huge).contains("at most 100000"), "{}", err(&huge));
        assert!(err(&dir.path().join("gone.txt")).contains("gone.txt"));
        let fine = dir.path().join("fine.txt");
        std::fs::write(&fine, "Welder\nWelding, blueprint reading; 3 years").unwrap();
        assert_eq!(read_description(&fine).unwrap().title, "Welder");
    }
}
