//! `bench typing`: the store's search as a recruiter types into the search box, one character
//! at a time. Words are drawn from the database itself (first and last names, emails, current
//! titles and skills of candidates spread over it) and every prefix of each, from the first
//! character up to twelve, asks for the first page by relevance as the search box does (a typed
//! search: an email typed past its dot may answer before counting every match, and its count
//! is then timed apart, as the window asks it after painting the page). Before each keystroke the
//! search's cached sets are dropped, as any write (a review, a teammate's pull) drops them, so
//! no prefix is answered from the one before it. SQLite's page cache and the operating
//! system's file cache are warm: the window's own first page has read them.
//!
//! `bench palette` is the command palette's share of it: the same keystrokes over first and
//! last names only, asking for the five hits the palette shows.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use serde::Serialize;
use serde_json::json;
use talentdesk_domain::search::SearchRequest;
use talentdesk_store::Store;
use talentdesk_store::search::{PageRequest, SearchTickets, Searched};

use crate::bench::{Stats, ms};

/// Candidates the words come from; five words each.
const PEOPLE: usize = 40;
/// The longest prefix typed.
pub(crate) const LONGEST: usize = 12;

/// What is typed and what each keystroke asks for.
struct Typing {
    /// Only first and last names (what the palette finds candidates by).
    names_only: bool,
    page: PageRequest,
    /// Asked as the search box asks (a typed search, its total counted after when it came
    /// without it), not as a plain search.
    typed: bool,
    /// What each keystroke does, for the report.
    asks: &'static str,
}

pub fn typing(db: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let asks = "first page of 200 by relevance, asked as the search box asks (a count after it timed apart)";
    let page = PageRequest { limit: SEARCH_BOX_PAGE, after: None };
    time_keystrokes(db, json, &Typing { names_only: false, page, typed: true, asks })
}

/// The search box asks for this many rows (RESULTS_PAGE in ui/src/lib/opening.ts).
const SEARCH_BOX_PAGE: u32 = 200;

/// The palette asks for this many candidates per keystroke (ui/src/lib/components/palette).
const PALETTE_HITS: u32 = 5;

pub fn palette(db: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let page = PageRequest { limit: PALETTE_HITS, after: None };
    time_keystrokes(
        db,
        json,
        &Typing { names_only: true, page, typed: false, asks: "the palette's five hits by relevance" },
    )
}

/// One search: what was typed, of which kind of word, how long it took and how many matched.
struct Keystroke {
    kind: Kind,
    typed: String,
    took: Duration,
    total: u64,
    /// When the page came before its total: how long counting it took then.
    counting: Option<Duration>,
}

fn time_keystrokes(db: &Path, json: bool, typing: &Typing) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    let words = words(&store, typing.names_only)?;
    // The first search loads the facts and term bitmaps, as the window's first page does.
    store.search(&SearchRequest::default(), &PageRequest::default())?;
    let mut keystrokes = Vec::new();
    // Never superseded: each keystroke's search runs to its end.
    let tickets = SearchTickets::default();
    for (kind, word) in &words {
        for end in word.char_indices().map(|(at, c)| at + c.len_utf8()).take(LONGEST) {
            let typed = &word[..end];
            store.clear_search_cache();
            let request = SearchRequest { query: typed.to_owned(), ..SearchRequest::default() };
            let started = Instant::now();
            let ticket = tickets.ticket(keystrokes.len() as u64 + 1);
            let page = if typing.typed {
                match store.search_unless_superseded(&request, &typing.page, &ticket)? {
                    Searched::Page(page) => page,
                    Searched::Superseded => anyhow::bail!("{typed:?} was superseded, though nothing superseded it"),
                }
            } else {
                store.search(&request, &typing.page)?
            };
            let took = started.elapsed();
            let (total, counting) = if page.counted {
                (page.total, None)
            } else {
                let started = Instant::now();
                let counted = store.count_unless_superseded(&request, &ticket)?.context("a count was superseded")?;
                (counted.total, Some(started.elapsed()))
            };
            keystrokes.push(Keystroke { kind: *kind, typed: typed.to_owned(), took, total, counting });
        }
    }
    let counts: Vec<Duration> = keystrokes.iter().filter_map(|k| k.counting).collect();
    let by_length = group(&keystrokes, |k| k.typed.chars().count());
    let by_kind = group(&keystrokes, |k| k.kind);
    let all: Vec<Duration> = keystrokes.iter().map(|k| k.took).collect();
    let mut slowest: Vec<&Keystroke> = keystrokes.iter().collect();
    slowest.sort_by_key(|k| std::cmp::Reverse(k.took));
    slowest.truncate(SLOWEST);
    if json {
        let by_kind_and_length: Vec<_> = by_kind
            .keys()
            .map(|kind| {
                let of_kind: Vec<&Keystroke> = keystrokes.iter().filter(|k| k.kind == *kind).collect();
                json!({ "kind": kind, "by_prefix_length": groups("prefix_length", &group(of_kind, |k| k.typed.chars().count())) })
            })
            .collect();
        let slowest: Vec<_> = slowest
            .iter()
            .map(|k| {
                let counted_after = k.counting.map(ms);
                json!({ "ms": ms(k.took), "typed": k.typed, "kind": k.kind, "total": k.total, "counted_after_ms": counted_after })
            })
            .collect();
        let out = json!({
            "candidates": store.candidate_count()?, "words": words.len(),
            "by_prefix_length": groups("prefix_length", &by_length), "by_kind": groups("kind", &by_kind),
            "by_kind_and_length": by_kind_and_length, "overall": Stats::of(&all), "slowest": slowest,
            "answered_before_counted": counts.len(), "counting_after": Stats::of(&counts),
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("{} words typed one character at a time, {} each", words.len(), typing.asks);
        for (len, samples) in &by_length {
            print_line(&format!("prefix of {len:>2}"), samples);
        }
        for (kind, samples) in &by_kind {
            print_line(&format!("{kind:<12}"), samples);
        }
        print_line("overall     ", &all);
        if !counts.is_empty() {
            print_line("then counted", &counts);
        }
        for k in slowest {
            println!("slow: {:?} ({}) in {:.2} ms ({} results)", k.typed, k.kind, ms(k.took), k.total);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Each group's count and statistics, its key under `name`.
fn groups<K: Serialize>(name: &str, groups: &BTreeMap<K, Vec<Duration>>) -> Vec<serde_json::Value> {
    groups.iter().map(|(key, s)| json!({ name: key, "searches": s.len(), "stats": Stats::of(s) })).collect()
}

/// The slowest searches listed, to see what to make faster.
const SLOWEST: usize = 10;

/// The keystrokes' times grouped by `key`.
fn group<'k, K: Ord>(
    keystrokes: impl IntoIterator<Item = &'k Keystroke>,
    key: impl Fn(&Keystroke) -> K,
) -> BTreeMap<K, Vec<Duration>> {
    let mut groups: BTreeMap<K, Vec<Duration>> = BTreeMap::new();
    for k in keystrokes {
        groups.entry(key(k)).or_default().push(k.took);
    }
    groups
}

fn print_line(label: &str, samples: &[Duration]) {
    let s = Stats::of(samples);
    println!(
        "{label}  {:>5} searches  p50 {:>7.2} ms  p95 {:>7.2} ms  max {:>7.2} ms",
        samples.len(),
        s.p50_ms,
        s.p95_ms,
        s.max_ms
    );
}

/// What a typed word is, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Kind {
    FirstName,
    LastName,
    Email,
    Title,
    Skill,
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Kind::FirstName => "first name",
            Kind::LastName => "last name",
            Kind::Email => "email",
            Kind::Title => "title",
            Kind::Skill => "skill",
        })
    }
}

/// Names, emails, titles and skills (or the names only) of candidates spread evenly over the
/// database, as a recruiter would type them: lower case, each once.
pub(crate) fn words(store: &Store, names_only: bool) -> anyhow::Result<Vec<(Kind, String)>> {
    let admin = store.users()?.into_iter().find(|u| u.role.is_admin()).context("no admin user: run `demo` first")?;
    let ids = store.candidate_ids(u32::MAX)?;
    anyhow::ensure!(ids.len() >= PEOPLE, "the database holds too few candidates: run `demo` first");
    let mut words = Vec::new();
    for id in ids.iter().step_by(ids.len() / PEOPLE).take(PEOPLE) {
        let p = store.profile(&admin, *id)?.candidate.profile;
        let skill = p.skills.first().cloned().unwrap_or_default();
        let mut typed = vec![(Kind::FirstName, p.first_name), (Kind::LastName, p.last_name)];
        if !names_only {
            typed.extend([
                (Kind::Email, p.email.unwrap_or_default()),
                (Kind::Title, p.current_title),
                (Kind::Skill, skill),
            ]);
        }
        for (kind, word) in typed {
            let word = word.trim().to_lowercase();
            if !word.is_empty() && !words.iter().any(|(_, w)| *w == word) {
                words.push((kind, word));
            }
        }
    }
    Ok(words)
}
