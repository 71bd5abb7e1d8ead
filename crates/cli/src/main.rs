//! talentdesk-cli: the Talentdesk crates without a window. Every write goes through the same
//! `Store::apply` the desktop app uses.

mod bench;
mod bench_abuse;
mod bench_alerts;
mod bench_app;
mod bench_board;
mod bench_bulk;
mod bench_checkin;
mod bench_import;
mod bench_insights;
mod bench_match;
mod bench_resume;
mod bench_scale;
mod bench_server;
mod bench_signup;
mod bench_sync;
mod bench_typing;
mod bench_webhook_lag;
mod commands;
mod duplicates;
mod event;
mod import;
mod insights;
mod job;
mod r#match;
mod named;
mod pipeline;
mod search_args;
mod sync;
mod user;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "talentdesk-cli",
    version,
    about = "Talentdesk without the window: demo data, search, profiles, mutations, benchmarks"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes a deterministic demo data set into a new database.
    Demo {
        #[arg(long)]
        candidates: u64,
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Searches candidates: keywords (AND / OR / NOT, "phrases", parentheses) and filters.
    Search(Box<search_args::SearchArgs>),
    /// The insights charts of a search (its keywords and filters, as for `search`): counts
    /// and shares by country, city, company, title, skill, school, degree, major, activity
    /// status, source and years of experience.
    Insights(Box<insights::InsightsArgs>),
    /// Candidates for a job (`--job ID`) or a job description (`--description FILE`), best
    /// first, each with why: skills, title, years, place, education, applications.
    Match(Box<r#match::MatchArgs>),
    /// Prints a candidate's full profile.
    Show {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        id: uuid::Uuid,
        /// See the profile as this user (default: the first admin).
        #[arg(long = "as")]
        as_user: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Applies mutations read as JSON lines from stdin, printing one JSON result per line.
    Mutate {
        #[arg(long)]
        db: PathBuf,
        /// The signed-in user's email.
        #[arg(long = "as")]
        as_user: String,
    },
    /// Signs in, loads the first snapshot (resuming an interrupted one), then pushes and pulls
    /// until up to date, like the desktop does in the background. The password comes from
    /// TALENTDESK_PASSWORD; without it, the sign-in the keychain keeps is used.
    Sync {
        /// The server's base URL, e.g. https://crm.example.com.
        #[arg(long)]
        server: String,
        /// The account's email.
        #[arg(long)]
        user: String,
        #[arg(long)]
        db: PathBuf,
    },
    /// Reads a resume (PDF, DOCX or text) and prints what it says, field by field.
    ParseResume {
        file: PathBuf,
        /// Print the fields as JSON (name, email, phone, location, links, skills, employment,
        /// education).
        #[arg(long)]
        json: bool,
        /// Print the text as the reader gives it to the parser (lines in reading order), not
        /// the fields: what to look at when a field is wrong.
        #[arg(long, conflicts_with = "json")]
        text: bool,
    },
    /// The isolated resume reader: a file on stdin, its text as JSON on stdout (this program
    /// starts itself with it; see talentdesk_resume::isolated).
    #[command(hide = true)]
    ExtractText,
    /// Imports a spreadsheet or ATS export (CSV, XLSX, XLS, ODS): checked, deduplicated and
    /// written through the mutation path; rows not imported go to an error file with reasons.
    Import(Box<import::ImportArgs>),
    /// Exports the candidates a search finds (all with no query) as CSV, XLSX or TXT.
    Export(Box<import::ExportArgs>),
    /// Lists likely duplicate candidates across the database (groups sharing an email,
    /// LinkedIn profile, phone, or name with employer or phone), strongest evidence first.
    Duplicates {
        #[arg(long)]
        db: PathBuf,
        /// The country national phone numbers are read in (ISO code: PT, DE, US…; default:
        /// the organisation's default phone country, if an admin set one).
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Events: create, list, check in, print badges.
    Event {
        #[command(subcommand)]
        which: event::EventCommand,
    },
    /// Jobs and applications: create, list, submit, move to a hiring status, withdraw, close.
    Job {
        #[command(subcommand)]
        which: job::JobCommand,
    },
    /// Pipelines: create, list, move a member to a status, archive.
    Pipeline {
        #[command(subcommand)]
        which: pipeline::PipelineCommand,
    },
    /// The team on a server: list, invite, change a role, deactivate (admins).
    User(user::UserArgs),
    /// Benchmarks (see BENCHMARKS.md).
    Bench {
        #[command(subcommand)]
        which: bench::Which,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo { candidates, db, seed } => commands::demo(&db, candidates, seed),
        Command::Search(args) => commands::search(&args),
        Command::Insights(args) => insights::insights(&args),
        Command::Match(args) => r#match::run(&args),
        Command::Show { db, id, as_user, json } => commands::show(&db, id, as_user.as_deref(), json),
        Command::Mutate { db, as_user } => commands::mutate(&db, &as_user),
        Command::Sync { server, user, db } => sync::run(&server, &user, &db),
        Command::ParseResume { file, json, text } => commands::parse_resume(&file, json, text),
        Command::ExtractText => commands::extract_text(),
        Command::Import(args) => import::import(&args),
        Command::Export(args) => import::export(&args),
        Command::Duplicates { db, country, json } => duplicates::duplicates(&db, country.as_deref(), json),
        Command::Event { which } => event::run(which),
        Command::Job { which } => job::run(which),
        Command::Pipeline { which } => pipeline::run(which),
        Command::User(args) => user::run(args),
        Command::Bench { which } => bench::run(which),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
