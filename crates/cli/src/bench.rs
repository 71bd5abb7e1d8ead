//! Benchmarks. Numbers go into BENCHMARKS.md with the date and the machine.
//!
//! `bench search` times a fixed mix of realistic searches and Talent Matches; the others each
//! have their own file (`bench bulk` bench_bulk.rs, `bench app` bench_app.rs, …).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Subcommand;
use serde::Serialize;
use serde_json::json;
use talentdesk_domain::activity::{ActivityStatus, Engagement};
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::event::Participation;
use talentdesk_domain::search::{
    DateRange, EventFilter, JobFilter, PipelineFilter, SearchFilters, SearchRequest, SortOrder,
};
use talentdesk_store::Store;
use talentdesk_store::search::PageRequest;

/// The server and the account a benchmark signs in with.
#[derive(clap::Args)]
pub struct Account {
    /// e.g. http://127.0.0.1:8080
    #[arg(long)]
    server: String,
    #[arg(long)]
    email: String,
    /// Or TALENTDESK_PASSWORD.
    #[arg(long, env = "TALENTDESK_PASSWORD", hide_env_values = true)]
    password: String,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum Which {
    /// A pipeline's board at scale, on a copy of the database: 10,000 members over five
    /// statuses; the board's first screen and a move's round trip (see bench_board.rs).
    Board {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// A fixed mix of searches: p50 / p95 / max per query and overall; then Talent Matches for
    /// 200 candidates spread over the database (`talent_matches_p95_ms`).
    Search {
        #[arg(long)]
        db: PathBuf,
        /// Timed runs of each query (after one warm-up run).
        #[arg(long, default_value_t = 20)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
    /// Every insights chart of searches over the database, one matching some 300,000
    /// candidates (`insights_p95_ms`), and a search by a chart's values (see
    /// bench_insights.rs). Opening an older database migrates it: use a copy of a shared one.
    Insights {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 20)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
    /// What fifty watching saved searches cost a pull of 1,000 changes (`alert_check_ms`; see
    /// bench_alerts.rs). It WRITES to the database: use a copy of a shared one.
    Alerts {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 10)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
    /// Candidates for a job with ten skills over the database, top 200 with reasons
    /// (`match_p95_ms`; see bench_match.rs). Opening an older database migrates it: use a copy.
    Match {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 20)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
    /// Typing into the search box one character at a time: every prefix (1 to 12 characters)
    /// of names, emails, titles and skills from the database, first page each with the
    /// cached sets dropped as a write drops them; p50 / p95 / max per prefix length.
    Typing {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The command palette finding candidates by name: every prefix (1 to 12 characters) of
    /// first and last names from the database, the store's five hits the palette shows each,
    /// cached sets dropped as for `typing`; p50 / p95 / max per prefix length.
    Palette {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The resume parser, as the app runs it (isolated reader included): on the hand-written
    /// evaluation set with `--set tests/resumes` (by field, layout, language and file format,
    /// beside the generated corpus scored the same way), or on the generated corpus alone.
    Resume {
        /// Resumes of the generated corpus.
        #[arg(long, default_value_t = 60)]
        resumes: usize,
        /// The evaluation set's folder (tests/resumes).
        #[arg(long)]
        set: Option<PathBuf>,
        /// Which half of the set to score.
        #[arg(long, value_enum, default_value = "held-out")]
        half: crate::bench_resume::HalfArg,
        /// Instead of the scores, what each resume's parse got wrong, field by field (the
        /// tuning half only: the held-out half only reports).
        #[arg(long, requires = "set")]
        misses: bool,
        /// Instead: this many resumes dropped at once (a folder), through the app's parallel
        /// queue (`queue_s`: read one reader per core, deduplicated).
        #[arg(long)]
        queue: Option<usize>,
        /// The database the queue's resumes are deduplicated against (none: no dedupe).
        #[arg(long, requires = "queue")]
        db: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Importing a 100,000-row CSV, one row in ten an existing candidate, on a copy of the
    /// database (`import_100k_s`: read, checked, deduplicated and written; see bench_import.rs).
    Import {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
        /// Only the whole-database duplicate finder (`dedupe_scan_1m_s`), three times.
        #[arg(long)]
        scan_only: bool,
        #[arg(long)]
        json: bool,
    },
    /// Tagging and exporting 100,000 candidates of a search's results and opening 1,000
    /// profiles as the window opens them, on the database itself (see bench_bulk.rs). Changes
    /// the database: run it on a demo database.
    Bulk {
        #[arg(long)]
        db: PathBuf,
        /// Only the tag and its delete: no export, no profiles (for trying the tag quickly).
        #[arg(long)]
        tag_only: bool,
        #[arg(long)]
        json: bool,
    },
    /// The CRM server: a full snapshot, then 10 desktops at once pushing reviews, tags and
    /// notes (a history of many versions; applied changes a second), then pulls of 1,000
    /// changes from random cursors across that history (see bench_server.rs). Pushes change
    /// the org: run it on a demo org.
    Server {
        #[command(flatten)]
        account: Account,
        /// Pushes each desktop makes, 20 changes each.
        #[arg(long, default_value_t = 100)]
        pushes: usize,
    },
    /// Abuse: while a desktop pulls and pushes, 200 bad sign-ins at once, 50 snapshot
    /// downloads never read and 1,000 tracking hits during a push tagging 100,000 candidates;
    /// the desktop's p95 and errors (see bench_abuse.rs). Loopback servers only; the account
    /// must be an admin of an org with 100,000 candidates or more (a demo org).
    Abuse(Account),
    /// Sync between desktops: two replicas of the org, then how soon a change on one shows on
    /// the other (p50 / p95), and how long 10,000 mutations made offline take to reach the
    /// server (see bench_sync.rs). Changes the org: run it on a demo org.
    Sync(Account),
    /// A team at once: every desktop pushing a change then pulling, as fast as the server lets
    /// it, for a while; then live fan-out to all of them (see bench_scale.rs). Run by
    /// scripts/bench-scale.sh against one or more server processes behind nginx.
    Scale {
        /// e.g. http://127.0.0.1:8080
        #[arg(long)]
        server: String,
        /// The desktops' users, with {} for their number: desk{}@bench.test.
        #[arg(long)]
        email: String,
        /// Or TALENTDESK_PASSWORD.
        #[arg(long, env = "TALENTDESK_PASSWORD", hide_env_values = true)]
        password: String,
        #[arg(long, default_value_t = 200)]
        desktops: usize,
        /// How long the desktops push and pull.
        #[arg(long, default_value_t = 20)]
        seconds: u64,
        #[arg(long)]
        json: bool,
    },
    /// Check-in at a career fair on a copy of the database: 500 registrants, 200 of them typed
    /// by email and name one character at a time, then checked in (see bench_checkin.rs).
    Checkin {
        #[arg(long)]
        db: PathBuf,
        /// Rows the check-in screen asks for.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Drop the copy from the operating system's file cache before the lookups (Linux).
        #[arg(long)]
        cold: bool,
        #[arg(long)]
        json: bool,
    },
    /// The desktop app on this database: first page after a warm and a cold start, memory,
    /// and words from the database typed into the search box as key events, each keystroke
    /// timed to the painted page (see bench_app.rs). Needs a display and tauri-driver.
    App {
        #[arg(long)]
        db: PathBuf,
        /// The app binary.
        #[arg(long, default_value = "target/release/talentdesk")]
        app: PathBuf,
        /// Type only this many of the words drawn from the database (all, some 200, when absent).
        #[arg(long)]
        words: Option<usize>,
        /// Also time a start after dropping the operating system's whole file cache (as root;
        /// every process on the machine then reads from disk again for a while).
        #[arg(long)]
        cold: bool,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(which: Which) -> anyhow::Result<ExitCode> {
    match which {
        Which::Search { db, runs, json } => search(&db, runs.max(1), json),
        Which::Insights { db, runs, json } => crate::bench_insights::insights(&db, runs.max(1), json),
        Which::Match { db, runs, json } => crate::bench_match::bench(&db, runs.max(1), json),
        Which::Alerts { db, runs, json } => crate::bench_alerts::alerts(&db, runs.max(1), json),
        Which::Typing { db, json } => crate::bench_typing::typing(&db, json),
        Which::Palette { db, json } => crate::bench_typing::palette(&db, json),
        Which::Board { db, json } => crate::bench_board::board(&db, json),
        Which::Bulk { db, tag_only, json } => crate::bench_bulk::bulk(&db, tag_only, json),
        Which::Import { db, scan_only: true, json, .. } => crate::bench_import::scans(&db, json),
        Which::Import { db, rows, json, .. } => crate::bench_import::import(&db, rows, json),
        Which::Resume { queue: Some(count), db, json, .. } => crate::bench_resume::queue(count, db.as_deref(), json),
        Which::Resume { set: Some(dir), half, misses: true, json, .. } => crate::bench_resume::misses(&dir, half, json),
        Which::Resume { resumes, set: Some(dir), half, json, .. } => {
            crate::bench_resume::set(&dir, half, resumes, json)
        }
        Which::Resume { resumes, set: None, json, .. } => crate::bench_resume::generated(resumes, json),
        Which::App { db, app, words, cold, json } => crate::bench_app::app(&db, &app, words, cold, json),
        Which::Checkin { db, limit, cold, json } => crate::bench_checkin::checkin(&db, limit.max(1), cold, json),
        Which::Server { account: a, pushes } => {
            crate::bench_server::server(&a.server, &a.email, &a.password, pushes.max(1), a.json)
        }
        Which::Sync(a) => crate::bench_sync::sync(&a.server, &a.email, &a.password, a.json),
        Which::Scale { server, email, password, desktops, seconds, json } => {
            crate::bench_scale::scale(&server, &email, &password, desktops.max(1), seconds.max(1), json)
        }
        Which::Abuse(a) => crate::bench_abuse::abuse(&a.server, &a.email, &a.password, a.json),
    }
}

pub(crate) fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1000.0 * 100.0).round() / 100.0
}

/// p50, p95 and max of some timings, in milliseconds.
#[derive(Serialize)]
pub(crate) struct Stats {
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
}

impl Stats {
    pub(crate) fn of(samples: &[Duration]) -> Self {
        let mut s = samples.to_vec();
        s.sort_unstable();
        // No samples (nothing timed): zeros.
        let at = |q: f64| s.get(((s.len() as f64 * q).ceil() as usize).max(1) - 1).copied().unwrap_or_default();
        Self { p50_ms: ms(at(0.50)), p95_ms: ms(at(0.95)), max_ms: ms(*s.last().unwrap_or(&Duration::ZERO)) }
    }
}

struct Case {
    name: &'static str,
    request: SearchRequest,
    /// Which page to time (1 = first); deeper pages follow the cursors there first.
    page: usize,
}

fn q(query: &str) -> SearchRequest {
    SearchRequest { query: query.into(), ..Default::default() }
}

fn f(query: &str, filters: SearchFilters) -> SearchRequest {
    SearchRequest { query: query.into(), filters, ..Default::default() }
}

fn cases(store: &Store) -> anyhow::Result<Vec<Case>> {
    let admin = store.users()?.into_iter().find(|u| u.role.is_admin()).context("no admin user: run `demo` first")?;
    let pipeline = store.pipelines(&admin)?.into_iter().next().context("no pipelines: run `demo` first")?.pipeline;
    let event = store.events()?.into_iter().next().context("no events")?.event;
    let job = store.jobs()?.into_iter().next().context("no jobs")?;
    let recruiter = store.users()?.into_iter().find(|u| !u.role.is_admin()).context("no recruiter")?;
    let none = SearchFilters::default;
    let case = |name, request, page| Case { name, request, page };
    Ok(vec![
        case("default first page", q(""), 1),
        case("keyword java", q("java"), 1),
        case("prefix kub", q("kub"), 1),
        case("phrase \"data engineer\"", q("\"data engineer\""), 1),
        case("boolean (python OR rust) AND kubernetes", q("(python OR rust) AND kubernetes"), 1),
        case("NOT: engineer -senior", q("engineer -senior"), 1),
        case("name with accents García", q("García"), 1),
        case("skill c++", q("c++"), 1),
        case("keyword that names a tag: veteran", q("veteran"), 1),
        case("filter tag", f("", SearchFilters { tags: vec!["Military Veteran".into()], ..none() }), 1),
        case("filter location Lisbon", f("", SearchFilters { location: Some("Lisbon".into()), ..none() }), 1),
        case(
            "filter activity contacted",
            f("", SearchFilters { activity: vec![ActivityStatus::Contacted], ..none() }),
            1,
        ),
        case(
            "filter engagements any-of",
            f("", SearchFilters { engagements_any: vec![Engagement::SentInviteToApply, Engagement::Hired], ..none() }),
            1,
        ),
        case(
            "filter engagements none-of",
            f("", SearchFilters { engagements_none: vec![Engagement::RecruiterReviewed], ..none() }),
            1,
        ),
        case(
            "filter pipeline",
            f(
                "",
                SearchFilters { pipeline: Some(PipelineFilter { pipeline_id: pipeline.id, status: None }), ..none() },
            ),
            1,
        ),
        case(
            "filter event attended",
            f(
                "",
                SearchFilters {
                    event: Some(EventFilter { event_id: event.id, participation: Participation::Attended }),
                    ..none()
                },
            ),
            1,
        ),
        case(
            "filter job + hiring status",
            f(
                "",
                SearchFilters {
                    job: Some(JobFilter { job_id: job.id, hiring_status: Some("Interview".into()) }),
                    ..none()
                },
            ),
            1,
        ),
        case(
            "filter profile type applicant",
            f("", SearchFilters { profile_types: vec![ProfileType::Applicant], ..none() }),
            1,
        ),
        case("filter recruiter", f("", SearchFilters { recruiter: Some(recruiter.id), ..none() }), 1),
        case(
            "filter created in 2025",
            f(
                "",
                SearchFilters {
                    created: DateRange { from: "2025-01-01".parse().ok(), to: "2025-12-31".parse().ok() },
                    ..none()
                },
            ),
            1,
        ),
        case("filter ineligible", f("", SearchFilters { eligible: Some(false), ..none() }), 1),
        case(
            "combined: python + Berlin + reviewed",
            f(
                "python",
                SearchFilters { location: Some("Berlin".into()), activity: vec![ActivityStatus::Reviewed], ..none() },
            ),
            1,
        ),
        case("sort name ascending", SearchRequest { sort: SortOrder::NameAsc, ..q("") }, 1),
        case("sort name descending + keyword", SearchRequest { sort: SortOrder::NameDesc, ..q("engineer") }, 1),
        case("sort updated ascending", SearchRequest { sort: SortOrder::UpdatedAsc, ..q("") }, 1),
        case("deep page 20: engineer by relevance", q("engineer"), 20),
        case("deep page 50: default", q(""), 50),
        case(
            "deep page 20: name order + tag",
            SearchRequest {
                sort: SortOrder::NameAsc,
                ..f("", SearchFilters { tags: vec!["Referral".into()], ..none() })
            },
            20,
        ),
    ])
}

fn search(db: &PathBuf, runs: usize, json: bool) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    let candidates = store.candidate_count()?;
    let mut all = Vec::new();
    let mut results = Vec::new();
    for case in cases(&store)? {
        let mut page = PageRequest::default();
        for _ in 1..case.page {
            page.after = store.search(&case.request, &page)?.next;
        }
        let total = store.search(&case.request, &page)?.total; // warm-up: facts, SQLite pages
        // A first page is timed cold: the sets a search fetches are cached only until the next
        // write, so every new search pays for them. A deep page is timed as a recruiter paging
        // reaches it: right after the page before it.
        let cold = case.page == 1;
        let samples: Vec<Duration> = (0..runs)
            .map(|_| {
                if cold {
                    store.clear_search_cache();
                }
                let started = Instant::now();
                store.search(&case.request, &page).map(|_| started.elapsed())
            })
            .collect::<Result<_, _>>()?;
        all.extend_from_slice(&samples);
        let stats = Stats::of(&samples);
        if !json {
            println!(
                "{:<48} p50 {:>8.2} ms  p95 {:>8.2} ms  max {:>8.2} ms  ({total} results)",
                case.name, stats.p50_ms, stats.p95_ms, stats.max_ms
            );
        }
        results.push(json!({ "name": case.name, "total": total, "p50_ms": stats.p50_ms, "p95_ms": stats.p95_ms, "max_ms": stats.max_ms }));
    }
    let overall = Stats::of(&all);
    let matches = talent_matches(&store, candidates)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "candidates": candidates, "runs": runs, "queries": results, "overall": overall,
                "talent_matches_p50_ms": matches.p50_ms, "talent_matches_p95_ms": matches.p95_ms,
                "talent_matches_max_ms": matches.max_ms,
            }))?
        );
    } else {
        println!(
            "{:<48} p50 {:>8.2} ms  p95 {:>8.2} ms  max {:>8.2} ms",
            "overall", overall.p50_ms, overall.p95_ms, overall.max_ms
        );
        println!(
            "{:<48} p50 {:>8.2} ms  p95 {:>8.2} ms  max {:>8.2} ms",
            "talent matches (200 candidates)", matches.p50_ms, matches.p95_ms, matches.max_ms
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Talent Matches for 200 candidates spread over the database, each timed cold: opening a
/// profile records a review (a write), which empties the cached sets.
fn talent_matches(store: &Store, candidates: u64) -> anyhow::Result<Stats> {
    let ids = store.candidate_ids(candidates.min(u64::from(u32::MAX)) as u32)?;
    let sample: Vec<uuid::Uuid> = ids.iter().step_by((ids.len() / 200).max(1)).take(200).copied().collect();
    let timings = sample
        .iter()
        .map(|id| {
            store.clear_search_cache();
            let started = Instant::now();
            store.talent_matches(*id).map(|_| started.elapsed())
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Stats::of(&timings))
}

/// A scratch folder beside the database (same disk, so the copy is realistic).
pub(crate) fn tempfile_dir(db: &std::path::Path) -> anyhow::Result<PathBuf> {
    let parent = db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let dir = parent.join(format!(".talentdesk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
