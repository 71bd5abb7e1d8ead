//! The commands that are not benchmarks.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use serde_json::json;
use talentdesk_demo::{DemoOptions, Progress};
use talentdesk_domain::DomainError;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::user::User;
use talentdesk_store::search::PageRequest;
use talentdesk_store::{AppError, Store, StoreError};

use crate::search_args::SearchArgs;

pub fn demo(db: &Path, candidates: u64, seed: u64) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db)?;
    let started = std::time::Instant::now();
    let summary = talentdesk_demo::fill_store(&mut store, &DemoOptions { candidates, seed }, |p| match p {
        Progress::Candidates { done, total } => eprint!("\r{done} / {total} candidates"),
        Progress::Phase(phase) => eprint!("\n{:>6.1} s  {phase}...", started.elapsed().as_secs_f64()),
    })?;
    eprintln!();
    println!("Wrote {} candidates to {} in {:.1} s", summary.candidates, db.display(), summary.elapsed.as_secs_f64());
    println!("Admin:      {}", summary.admin_email);
    for r in &summary.recruiter_emails {
        println!("Recruiter:  {r}");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn search(args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(&args.db)?;
    let request = args.request(&store)?;
    let page = store.search(&request, &PageRequest { limit: args.limit, after: args.after.clone() })?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&page)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} candidates", page.total);
    for row in &page.rows {
        let role = [row.current_title.as_str(), row.current_employer.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" at ");
        println!("{}  {:<32} {:<40} {:<28} {}", row.id, row.name, role, row.location, row.activity.label());
    }
    if let Some(next) = &page.next {
        println!("next page: --after '{next}'");
    }
    Ok(ExitCode::SUCCESS)
}

/// The user a read is made as: the one named, or the first admin.
pub(crate) fn viewer(store: &Store, email: Option<&str>) -> anyhow::Result<User> {
    match email {
        Some(email) => Ok(store.user_by_email(email)?),
        None => store
            .users()?
            .into_iter()
            .find(|u| u.role.is_admin())
            .context("the database has no admin user; pass --as EMAIL"),
    }
}

pub fn show(db: &Path, id: uuid::Uuid, as_user: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    let viewer = viewer(&store, as_user)?;
    let profile = store.profile(&viewer, id)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&profile)?);
    } else {
        let c = &profile.candidate;
        println!("{} — {}", c.profile.full_name(), c.activity.label());
        println!("{} at {}", c.profile.current_title, c.profile.current_employer);
        println!("{}", c.profile.location.display());
        println!(
            "{}",
            [c.profile.email.as_deref(), c.profile.phone.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ")
        );
        println!("Skills: {}", c.profile.skills.join(", "));
        println!("Tags: {}", profile.tags.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}

/// One JSON line per input line: the outcome, or the error that left the store unchanged.
pub fn mutate(db: &Path, as_user: &str) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db)?;
    let actor = store.user_by_email(as_user).with_context(|| format!("--as {as_user}"))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0;
    for (index, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let number = index + 1;
        let result = serde_json::from_str::<Mutation>(&line)
            .map_err(|e| StoreError::from(DomainError::invalid("mutation", e.to_string())))
            .and_then(|m| store.apply(&actor, m));
        let report = match result {
            Ok(applied) => {
                json!({ "line": number, "ok": true, "seq": applied.seq, "name": applied.name, "affected": applied.affected })
            }
            Err(e) => {
                failed += 1;
                let error: AppError = e.to_app_error();
                json!({ "line": number, "ok": false, "message": error.to_string(), "error": error })
            }
        };
        writeln!(out, "{report}")?;
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Reads a resume in an isolated child (this program, `extract-text`) and prints its fields.
pub fn parse_resume(file: &Path, json: bool, as_text: bool) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let reader = talentdesk_resume::Isolated::this_program(&["extract-text"])?;
    let (text, parsed) = talentdesk_resume::parse_file(&reader, &bytes).with_context(|| file.display().to_string())?;
    if as_text {
        print_quietly(&text)?;
        return Ok(ExitCode::SUCCESS);
    }
    if json {
        print_quietly(&serde_json::to_string_pretty(&parsed)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let mut out = String::new();
    use std::fmt::Write as _;
    writeln!(out, "Name:      {}", or_dash(&parsed.name))?;
    writeln!(out, "Email:     {}", or_dash(&parsed.email))?;
    writeln!(out, "Phone:     {}", or_dash(&parsed.phone))?;
    writeln!(out, "Location:  {}", or_dash(&parsed.location))?;
    writeln!(out, "Links:     {}", parsed.links.join(", "))?;
    writeln!(out, "Skills:    {}", parsed.skills.join(", "))?;
    for job in &parsed.employment {
        let end = job.end.clone().unwrap_or_else(|| "present".into());
        writeln!(out, "Job:       {} — {} ({} – {end})", job.title, job.employer, or_dash(&job.start))?;
    }
    for school in &parsed.education {
        writeln!(
            out,
            "Education: {} {}, {} ({} – {})",
            school.degree,
            school.major,
            school.school,
            or_dash(&school.start),
            or_dash(&school.end)
        )?;
    }
    print_quietly(out.trim_end())?;
    Ok(ExitCode::SUCCESS)
}

/// Prints `text` and a newline. A reader that stops reading (`… | head`) ends the output
/// quietly, as command-line tools do, instead of a panic on the closed pipe.
fn print_quietly(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        done => done,
    }
}

/// The isolated reader's side (see talentdesk_resume::isolated).
pub fn extract_text() -> anyhow::Result<ExitCode> {
    talentdesk_resume::isolated::serve(std::io::stdin().lock(), std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}
