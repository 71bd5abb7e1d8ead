//! `talentdesk-cli job …`: jobs and applications on a database, for scripting. Every write
//! is a mutation through `Store::apply` as the named user, with the app's rules (a closed job
//! takes nobody, a second Hired is refused, ...).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_store::Store;
use uuid::Uuid;

use crate::named::apply_as as apply;

#[derive(Subcommand)]
pub enum JobCommand {
    /// Creates an open job and prints its id (admins).
    Create {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        location: String,
        /// The requisition's id in the applicant tracking system.
        #[arg(long)]
        ats_id: Option<String>,
    },
    /// Lists the jobs, open ones first, with their number of applicants.
    List {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Submits candidates to a job (Submit to Job: the user needs an ATS ID).
    Submit {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        /// The job's id or exact title.
        #[arg(long)]
        job: String,
        /// The candidates, comma-separated ids.
        #[arg(long, value_delimiter = ',', required = true)]
        ids: Vec<Uuid>,
    },
    /// Moves a candidate's application to a hiring status (Hired runs the hired actions).
    Status {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        /// The job's id or exact title.
        #[arg(long)]
        job: String,
        #[arg(long)]
        candidate: Uuid,
        /// New Submission, Reviewed, Phone Screen, Interview, Offer, Hired or Rejected.
        #[arg(long)]
        status: String,
        /// The ATS bin (Submissions, Screening, Interviewing, Offer); the application's own
        /// when not given.
        #[arg(long)]
        bin: Option<String>,
    },
    /// The candidate withdrew their application.
    Withdraw {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        /// The job's id or exact title.
        #[arg(long)]
        job: String,
        #[arg(long)]
        candidate: Uuid,
    },
    /// Closes a job (no new submissions or invitations), or reopens it with --reopen (admins).
    Close {
        #[arg(long)]
        db: PathBuf,
        #[arg(long = "as")]
        as_user: String,
        /// The job's id or exact title.
        #[arg(long)]
        job: String,
        #[arg(long)]
        reopen: bool,
    },
}

pub fn run(command: JobCommand) -> anyhow::Result<ExitCode> {
    match command {
        JobCommand::Create { db, as_user, title, location, ats_id } => {
            let job = Job {
                id: Uuid::now_v7(),
                title,
                location,
                ats_id,
                open: true,
                skills: Vec::new(),
                description: String::new(),
            };
            let id = job.id;
            apply(&db, &as_user, Mutation::JobCreate { job })?;
            println!("{id}");
        }
        JobCommand::List { db, json } => list(&db, json)?,
        JobCommand::Submit { db, as_user, job, ids } => {
            let job = find_job(&Store::open(&db)?, &job)?;
            let affected =
                apply(&db, &as_user, Mutation::JobSubmit { selection: Selection::ids(ids), job_id: job.id })?;
            println!("Submitted {affected} to {}", job.title);
        }
        JobCommand::Status { db, as_user, job, candidate, status, bin } => {
            let store = Store::open(&db)?;
            let job = find_job(&store, &job)?;
            let bin = match bin {
                Some(bin) => bin,
                None => current_bin(&store, &job, candidate)?,
            };
            drop(store);
            let change =
                Mutation::ApplicationSetStatus { job_id: job.id, candidate_id: candidate, bin, hiring_status: status };
            apply(&db, &as_user, change)?;
            println!("Moved the application to {}", job.title);
        }
        JobCommand::Withdraw { db, as_user, job, candidate } => {
            let job = find_job(&Store::open(&db)?, &job)?;
            let affected =
                apply(&db, &as_user, Mutation::ApplicationWithdraw { job_id: job.id, candidate_id: candidate })?;
            let done = if affected == 0 { "had already withdrawn; nothing changed" } else { "withdrew" };
            println!("The candidate {done} from {}", job.title);
        }
        JobCommand::Close { db, as_user, job, reopen } => {
            let job = find_job(&Store::open(&db)?, &job)?;
            apply(&db, &as_user, Mutation::JobSetOpen { job_id: job.id, open: reopen })?;
            println!("{} is {}", job.title, if reopen { "open" } else { "closed" });
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(db: &Path, json: bool) -> anyhow::Result<()> {
    let jobs = Store::open(db)?.job_summaries()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&jobs)?);
        return Ok(());
    }
    for summary in &jobs {
        let j = &summary.job;
        let state = if j.open { "open" } else { "closed" };
        let ats = j.ats_id.as_deref().map(|id| format!("  ATS {id}")).unwrap_or_default();
        println!("{}  {state:<6}  {} ({}){ats}  {} applicants", j.id, j.title, j.location, summary.applicants);
    }
    Ok(())
}

/// The job a `--job` names: its id, or its exact title.
fn find_job(store: &Store, named: &str) -> anyhow::Result<Job> {
    crate::named::find(store.jobs()?, named, "job", "job list", |j| j.id, |j| &j.title)
}

/// The bin the candidate's application to the job is in.
fn current_bin(store: &Store, job: &Job, candidate: Uuid) -> anyhow::Result<String> {
    let view = store.job_view(job.id)?;
    let applicant = view.applicants.into_iter().find(|a| a.candidate.id == candidate);
    Ok(applicant.with_context(|| format!("candidate {candidate} has no application to {}", job.title))?.application.bin)
}
