//! `talentdesk-cli event …`: events on a database, for scripting. Writes go through
//! `Store::apply` as the named user, like the app's; badges are the app's PDF.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Subcommand, ValueEnum};
use talentdesk_badges::{Badge, PaperSize};
use talentdesk_domain::Timestamp;
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::mutation::Mutation;
use talentdesk_store::Store;
use talentdesk_store::checkin::{CheckInMatch, CodeLookup};
use talentdesk_store::views::{EventMemberRow, MemberFilter, MemberQuery};
use uuid::Uuid;

#[derive(Subcommand)]
pub enum EventCommand {
    /// Creates an event and prints its id.
    Create {
        #[arg(long)]
        db: PathBuf,
        /// The recruiter or admin creating it.
        #[arg(long = "as")]
        as_user: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        category: Category,
        /// When it starts, e.g. 2026-05-14T09:00:00Z.
        #[arg(long)]
        starts_at: Timestamp,
        #[arg(long)]
        location: String,
        /// How many people the venue takes.
        #[arg(long)]
        capacity: Option<u32>,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// Lists the events, latest first, with how many registered, attended, walked in and did
    /// not come.
    List {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Checks a person in at an event, found by their email address or check-in code.
    CheckIn {
        #[arg(long)]
        db: PathBuf,
        /// Who checks them in.
        #[arg(long = "as")]
        as_user: String,
        /// The event's id or exact name.
        #[arg(long)]
        event: String,
        #[arg(long, required_unless_present = "code", conflicts_with = "code")]
        email: Option<String>,
        /// As printed under the badge's QR code, e.g. K7QX-M2PA (or a scanner's TD:K7QX-M2PA).
        #[arg(long)]
        code: Option<String>,
    },
    /// Writes a PDF of badges (name, employer or school, the event, the QR code of the
    /// check-in code) for everyone registered, or for the candidates named.
    Badges {
        #[arg(long)]
        db: PathBuf,
        /// The event's id or exact name.
        #[arg(long)]
        event: String,
        /// Where to write the PDF.
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "a4")]
        paper: Paper,
        /// Only these candidates (comma-separated ids), in this order; each must be on the
        /// event's list.
        #[arg(long, value_delimiter = ',')]
        ids: Vec<Uuid>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Category {
    CareerFair,
    InfoSession,
    Webinar,
    Meetup,
    Conference,
}

impl From<Category> for EventCategory {
    fn from(category: Category) -> Self {
        match category {
            Category::CareerFair => EventCategory::CareerFair,
            Category::InfoSession => EventCategory::InfoSession,
            Category::Webinar => EventCategory::Webinar,
            Category::Meetup => EventCategory::Meetup,
            Category::Conference => EventCategory::Conference,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Paper {
    A4,
    Letter,
}

impl From<Paper> for PaperSize {
    fn from(paper: Paper) -> Self {
        match paper {
            Paper::A4 => PaperSize::A4,
            Paper::Letter => PaperSize::Letter,
        }
    }
}

pub fn run(command: EventCommand) -> anyhow::Result<ExitCode> {
    match command {
        EventCommand::Create { db, as_user, name, category, starts_at, location, capacity, description } => {
            let mut event = Event::new(Uuid::now_v7(), name, category.into(), starts_at, location);
            event.capacity = capacity;
            event.description = description;
            create(&db, &as_user, event)
        }
        EventCommand::List { db, json } => list(&db, json),
        EventCommand::CheckIn { db, as_user, event, email, code } => {
            let person = match (email, code) {
                (Some(email), _) => Person::Email(email),
                (None, Some(code)) => Person::Code(code),
                (None, None) => bail!("say who: --email or --code"),
            };
            check_in(&db, &as_user, &event, &person)
        }
        EventCommand::Badges { db, event, out, paper, ids } => badges(&db, &event, &out, paper, &ids),
    }
}

fn create(db: &Path, as_user: &str, event: Event) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db)?;
    let actor = store.user_by_email(as_user).with_context(|| format!("--as {as_user}"))?;
    let id = event.id;
    store.apply(&actor, Mutation::EventCreate { event })?;
    println!("{id}");
    Ok(ExitCode::SUCCESS)
}

fn list(db: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let events = Store::open(db)?.events()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&events)?);
        return Ok(ExitCode::SUCCESS);
    }
    for summary in &events {
        let (e, n) = (&summary.event, &summary.counts);
        let archived = if e.archived { "  (archived)" } else { "" };
        println!(
            "{}  {}  {:<12}  {} ({}){archived}\n    registered {}, attended {}, walk-ins {}, no-shows {}",
            e.id,
            e.starts_at.format("%Y-%m-%d %H:%M"),
            e.category.label(),
            e.name,
            e.location,
            n.registered,
            n.attended,
            n.walk_ins,
            n.no_shows
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The event an `--event` names: its id, or its exact name.
fn find_event(store: &Store, named: &str) -> anyhow::Result<Event> {
    let events: Vec<Event> = store.events()?.into_iter().map(|s| s.event).collect();
    crate::named::find(events, named, "event", "event list", |e| e.id, |e| &e.name)
}

enum Person {
    Email(String),
    Code(String),
}

/// The person `who` names, as check-in mode shows them, or why there is none.
fn find_person(store: &Store, event: &Event, who: &Person) -> anyhow::Result<CheckInMatch> {
    match who {
        Person::Code(code) => match store.check_in_code_lookup(event.id, code)? {
            CodeLookup::Here(person) => Ok(person),
            CodeLookup::OtherEvent { event_name } => {
                bail!("{code} is a check-in code for another event: {event_name}")
            }
            CodeLookup::Unknown => bail!("{code} is no check-in code of {} (mistyped?)", event.name),
        },
        Person::Email(email) => {
            let person = store
                .kiosk_lookup(event.id, email)?
                .with_context(|| format!("no candidate has the email address {email}"))?;
            store
                .check_in_lookup(event.id, email, 20)?
                .into_iter()
                .find(|m| m.candidate_id == person.candidate_id)
                .with_context(|| format!("{email} was found but could not be read back"))
        }
    }
}

fn check_in(db: &Path, as_user: &str, event: &str, who: &Person) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(db)?;
    let actor = store.user_by_email(as_user).with_context(|| format!("--as {as_user}"))?;
    let event = find_event(&store, event)?;
    let person = find_person(&store, &event, who)?;
    if person.attended {
        let when = person.checked_in_at.map(|t| t.format(" at %Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default();
        let by = person.checked_in_by.map(|b| format!(" by {b}")).unwrap_or_default();
        println!("{} was already checked in{when}{by}; nothing changed", person.full_name);
        return Ok(ExitCode::SUCCESS);
    }
    store.apply(
        &actor,
        Mutation::EventCheckIn { event_id: event.id, candidate_id: person.candidate_id, at: None, kiosk: false },
    )?;
    let registered = if person.registered { "" } else { " (not registered: added to the event as attended)" };
    println!("Checked in {} at {}{registered}", person.full_name, event.name);
    Ok(ExitCode::SUCCESS)
}

fn badges(db: &Path, event: &str, out: &Path, paper: Paper, ids: &[Uuid]) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    let event = find_event(&store, event)?;
    let which = if ids.is_empty() { MemberFilter::Registered } else { MemberFilter::All };
    let members = all_members(&store, event.id, which)?;
    let chosen: Vec<&EventMemberRow> = if ids.is_empty() {
        members.iter().collect()
    } else {
        ids.iter()
            .map(|id| {
                members
                    .iter()
                    .find(|m| m.candidate.id == *id)
                    .with_context(|| format!("candidate {id} is not on the list of {}", event.name))
            })
            .collect::<anyhow::Result<_>>()?
    };
    if chosen.is_empty() {
        bail!("nobody is registered for {} yet: there are no badges to print", event.name);
    }
    let badges: Vec<Badge> = chosen
        .iter()
        .map(|m| {
            let c = &m.candidate;
            Badge::for_person(&c.name, &c.current_employer, &c.highest_education, &m.code)
        })
        .collect();
    let pdf = talentdesk_badges::render_badges(&event.name, &badges, paper.into())?;
    // Written aside and moved into place, so a failure leaves no half-written PDF.
    let folder = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut file =
        tempfile::NamedTempFile::new_in(folder).with_context(|| format!("writing in {}", folder.display()))?;
    std::io::Write::write_all(&mut file, &pdf)?;
    file.persist(out).with_context(|| format!("writing {}", out.display()))?;
    let pages = badges.len().div_ceil(PaperSize::from(paper).badges_per_page());
    println!("Wrote {} badges on {pages} {paper:?} pages to {}", badges.len(), out.display());
    Ok(ExitCode::SUCCESS)
}

/// Every member of the event `which` selects, a page at a time.
fn all_members(store: &Store, event: Uuid, which: MemberFilter) -> anyhow::Result<Vec<EventMemberRow>> {
    let query = MemberQuery { which, text: String::new() };
    let mut members: Vec<EventMemberRow> = Vec::new();
    loop {
        let page = store.event_members(event, &query, talentdesk_store::search::MAX_PAGE, members.len() as u32)?;
        let done = page.rows.is_empty() || members.len() + page.rows.len() >= page.total as usize;
        members.extend(page.rows);
        if done {
            return Ok(members);
        }
    }
}
