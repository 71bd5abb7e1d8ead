//! `bench checkin`: the check-in screen at the door of a career fair, on a copy of the
//! database. An event with 500 registrants spread over the whole database; for 200 of them,
//! their email and then their name typed one character at a time (a lookup per keystroke,
//! `Store::check_in_lookup`), then the check-in applied through `Store::apply`. Also each
//! one's name with two letters swapped (the typo a hurried recruiter makes) and their
//! check-in code. The lookups start on a freshly opened store: SQLite's cache is cold, the
//! operating system's file cache is as the copy left it, or with `--cold` emptied of it.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use serde_json::json;
use talentdesk_domain::event::{self, Event, EventCategory};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::User;
use talentdesk_store::Store;
use uuid::Uuid;

use crate::bench::{Stats, ms, tempfile_dir};

const REGISTRANTS: usize = 500;
const TYPED: usize = 200;

/// One registrant typed at the door.
struct Person {
    id: Uuid,
    name: String,
    email: String,
}

/// What typing found: every lookup's time, and per person the keystrokes after which they
/// were first in the list.
#[derive(Default)]
struct Typing {
    lookups: Vec<Duration>,
    /// The slowest lookup and what was typed.
    slowest: (Duration, String),
    keystrokes: Vec<usize>,
    /// People never first in the list, however much was typed (a namesake registered too).
    never_first: usize,
}

impl Typing {
    /// Types `text` into the search one character at a time, looking for `id`.
    fn type_out(&mut self, store: &Store, event: Uuid, text: &str, id: Uuid, limit: usize) -> anyhow::Result<()> {
        let mut first_at = None;
        for (typed, end) in text.char_indices().map(|(at, c)| at + c.len_utf8()).enumerate() {
            let started = Instant::now();
            let found = store.check_in_lookup(event, &text[..end], limit)?;
            let took = started.elapsed();
            self.lookups.push(took);
            if took > self.slowest.0 {
                self.slowest = (took, text[..end].to_owned());
            }
            if first_at.is_none() && found.first().is_some_and(|m| m.candidate_id == id) {
                first_at = Some(typed + 1);
            }
        }
        match first_at {
            Some(n) => self.keystrokes.push(n),
            None => self.never_first += 1,
        }
        Ok(())
    }
}

pub fn checkin(db: &Path, limit: usize, cold: bool, json: bool) -> anyhow::Result<ExitCode> {
    let source = Store::open(db)?;
    let dir = tempfile_dir(db)?;
    let copy = dir.join("bench-copy.db");
    source.copy_to(&copy)?;
    drop(source);
    let outcome = on_copy(&copy, limit, cold);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    let _ = std::fs::remove_dir(&dir);
    let report = outcome?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for (key, value) in report.as_object().into_iter().flatten() {
            println!("{key}: {value}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn on_copy(copy: &Path, limit: usize, cold: bool) -> anyhow::Result<serde_json::Value> {
    let mut store = Store::open(copy)?;
    let admin = store.users()?.into_iter().find(|u| u.role.is_admin()).context("no admin user: run `demo` first")?;
    let candidates = store.candidate_count()?;
    let people = registrants(&store, &admin)?;
    let fair = fair(&mut store, &admin, &people)?;
    // Reopened, so the lookups start with an empty page cache.
    drop(store);
    if cold {
        forget_cached_pages(copy)?;
    }
    let mut store = Store::open(copy)?;

    let (mut emails, mut names, mut typos) = (Typing::default(), Typing::default(), Typing::default());
    let (mut check_ins, mut codes) = (Vec::new(), Vec::new());
    let mut typo_found = 0;
    let started = Instant::now();
    for p in people.iter().take(TYPED) {
        emails.type_out(&store, fair.id, &p.email, p.id, limit)?;
        names.type_out(&store, fair.id, &p.name, p.id, limit)?;
        if let Some(misspelt) = swap_two_letters(&p.name) {
            let began = Instant::now();
            let found = store.check_in_lookup(fair.id, &misspelt, limit)?;
            let took = began.elapsed();
            typos.lookups.push(took);
            if took > typos.slowest.0 {
                typos.slowest = (took, misspelt.clone());
            }
            typo_found += usize::from(found.iter().any(|m| m.candidate_id == p.id));
        }
        let began = Instant::now();
        store.check_in_code_lookup(fair.id, &event::check_in_code(&fair, p.id))?;
        codes.push(began.elapsed());
        let began = Instant::now();
        store
            .apply(&admin, Mutation::EventCheckIn { event_id: fair.id, candidate_id: p.id, at: None, kiosk: false })?;
        check_ins.push(began.elapsed());
    }
    let whole = started.elapsed();
    let all: Vec<Duration> = emails.lookups.iter().chain(&names.lookups).copied().collect();
    let lookup = Stats::of(&all);
    let check_in = Stats::of(&check_ins);
    let keystrokes = Keystrokes::of(&names.keystrokes);
    let email_keystrokes = Keystrokes::of(&emails.keystrokes);
    Ok(json!({
        "candidates": candidates,
        "registrants": people.len(),
        "typed_people": TYPED.min(people.len()),
        "page": limit,
        "cold_sqlite_cache": true,
        "cold_os_cache": cold,
        "lookups": all.len(),
        "first_lookup_ms": ms(all.first().copied().unwrap_or_default()),
        "lookup_p50_ms": lookup.p50_ms,
        "lookup_p95_ms": lookup.p95_ms,
        "lookup_max_ms": lookup.max_ms,
        "slowest_lookup": emails.slowest.max(names.slowest).1,
        "name_lookup_p95_ms": Stats::of(&names.lookups).p95_ms,
        "email_lookup_p95_ms": Stats::of(&emails.lookups).p95_ms,
        "typo_lookup_p95_ms": Stats::of(&typos.lookups).p95_ms,
        "typo_lookup_max_ms": Stats::of(&typos.lookups).max_ms,
        "typo_lookups": typos.lookups.len(),
        "typo_found": typo_found,
        "slowest_typo_lookup": typos.slowest.1,
        "code_lookup_p95_ms": Stats::of(&codes).p95_ms,
        "checkin_p50_ms": check_in.p50_ms,
        "checkin_p95_ms": check_in.p95_ms,
        "checkin_max_ms": check_in.max_ms,
        "keystrokes_p50": keystrokes.p50,
        "keystrokes_p95": keystrokes.p95,
        "keystrokes_max": keystrokes.max,
        "names_never_first": names.never_first,
        "email_keystrokes_p95": email_keystrokes.p95,
        "emails_never_first": emails.never_first,
        "whole_run_s": (whole.as_secs_f64() * 10.0).round() / 10.0,
    }))
}

/// Has the operating system drop the file's pages from its cache, as after a restart: written
/// to disk first, then let go (GNU dd's `nocache`, which asks the kernel with fadvise).
fn forget_cached_pages(file: &Path) -> anyhow::Result<()> {
    std::fs::File::open(file)?.sync_all()?;
    let status = std::process::Command::new("dd")
        .arg(format!("if={}", file.display()))
        .args(["iflag=nocache", "count=0", "status=none"])
        .status()
        .context("running dd to drop the copy from the file cache (GNU coreutils)")?;
    anyhow::ensure!(status.success(), "dd could not drop the copy from the file cache: {status}");
    Ok(())
}

/// 500 people with an email, spread evenly over the database.
fn registrants(store: &Store, admin: &User) -> anyhow::Result<Vec<Person>> {
    let ids = store.candidate_ids(u32::MAX)?;
    anyhow::ensure!(ids.len() >= REGISTRANTS * 2, "the database holds too few candidates: run `demo` first");
    let stride = ids.len() / (REGISTRANTS * 2);
    let mut people = Vec::with_capacity(REGISTRANTS);
    for id in ids.into_iter().step_by(stride) {
        let profile = store.profile(admin, id)?.candidate.profile;
        if let Some(email) = profile.email {
            people.push(Person { id, name: format!("{} {}", profile.first_name, profile.last_name), email });
        }
        if people.len() == REGISTRANTS {
            break;
        }
    }
    Ok(people)
}

/// A new career fair with `people` registered, as Add to Event registers them (50 at a time).
fn fair(store: &mut Store, admin: &User, people: &[Person]) -> anyhow::Result<Event> {
    let id = talentdesk_domain::new_id();
    let fair = Event::new(id, "Benchmark Career Fair", EventCategory::CareerFair, chrono::Utc::now(), "Hall A");
    store.apply(admin, Mutation::EventCreate { event: fair.clone() })?;
    for batch in people.chunks(50) {
        let selection = Selection::ids(batch.iter().map(|p| p.id));
        store.apply(admin, Mutation::EventAdd { selection, event_id: fair.id, attended: false, confirmation: None })?;
    }
    Ok(fair)
}

/// The name with the two letters after the first three of its last word swapped ("Souza" ->
/// "Souaz"), unless that word is too short or the letters are the same.
fn swap_two_letters(name: &str) -> Option<String> {
    let (head, last) = name.rsplit_once(' ').unwrap_or(("", name));
    let mut chars: Vec<char> = last.chars().collect();
    if chars.len() < 5 || chars[3] == chars[4] {
        return None;
    }
    chars.swap(3, 4);
    let last: String = chars.into_iter().collect();
    Some(if head.is_empty() { last } else { format!("{head} {last}") })
}

struct Keystrokes {
    p50: usize,
    p95: usize,
    max: usize,
}

impl Keystrokes {
    fn of(counts: &[usize]) -> Self {
        let mut s = counts.to_vec();
        s.sort_unstable();
        let at = |q: f64| s.get(((s.len() as f64 * q).ceil() as usize).clamp(1, s.len().max(1)) - 1).copied();
        Self { p50: at(0.5).unwrap_or(0), p95: at(0.95).unwrap_or(0), max: s.last().copied().unwrap_or(0) }
    }
}
