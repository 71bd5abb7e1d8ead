//! `match`: the organisation's candidates for a job (`--job ID`) or a pasted job description
//! (`--description FILE`), best first, each with why (see the store's search/for_job.rs).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Args;
use talentdesk_resume::job_description::{self, JobDescription};
use talentdesk_store::Store;
use talentdesk_store::search::for_job::{JobMatch, JobWanted, LocationFit, MOST_RESULTS, MatchOptions, PlaceRequired};
use uuid::Uuid;

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
    /// Leaves out those farther than this many km from the job's city (by name where the
    /// gazetteer does not know a place).
    #[arg(long)]
    pub within: Option<u32>,
    /// With --within: keeps those willing to relocate too.
    #[arg(long, requires = "within")]
    pub or_relocating: bool,
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
        place: match args.within {
            Some(km) => PlaceRequired::Within { km, or_relocating: args.or_relocating },
            None => PlaceRequired::Anywhere,
        },
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
    let place = match (m.location, m.distance_km) {
        (LocationFit::Anywhere, _) => String::new(),
        (LocationFit::Here, _) => "here".to_owned(),
        (LocationFit::Relocates, Some(km)) => format!("would relocate ({km} km)"),
        (LocationFit::Relocates, None) => "would relocate".to_owned(),
        (LocationFit::Near | LocationFit::Elsewhere, Some(km)) => format!("{km} km away"),
        (LocationFit::Near | LocationFit::Elsewhere, None) => "elsewhere".to_owned(),
    };
    why.push(if m.place_by_name && !place.is_empty() { format!("{place} (by name)") } else { place });
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
        let read = job_description::of_job(&job);
        wanted = JobWanted::for_job(&job, read.skills, read.years);
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

/// The job description in a file: refused, naming the file, when it is too large to be one
/// (checked before reading it) or has no text.
fn read_description(path: &std::path::Path) -> anyhow::Result<JobDescription> {
    let size = std::fs::metadata(path).with_context(|| format!("--description {}", path.display()))?.len();
    if size > job_description::MOST_BYTES as u64 {
        bail!(
            "--description {}: {size} bytes; a job description has at most {}",
            path.display(),
            job_description::MOST_BYTES
        );
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("--description {}", path.display()))?;
    job_description::read(&text).with_context(|| format!("--description {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_a_huge_or_a_missing_description_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "  \n\n").unwrap();
        let huge = dir.path().join("huge.txt");
        std::fs::write(&huge, "Rust ".repeat(30_000)).unwrap();
        let err = |path: &std::path::Path| format!("{:#}", read_description(path).unwrap_err());
        assert!(err(&empty).contains("is empty"), "{}", err(&empty));
        assert!(err(&huge).contains("at most 100000"), "{}", err(&huge));
        assert!(err(&dir.path().join("gone.txt")).contains("gone.txt"));
        let fine = dir.path().join("fine.txt");
        std::fs::write(&fine, "Welder\nWelding, blueprint reading; 3 years").unwrap();
        assert_eq!(read_description(&fine).unwrap().title, "Welder");
    }
}
