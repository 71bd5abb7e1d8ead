//! `bench typing`: the store's search as a recruiter types into the search box, one character
//! at a time. Words are drawn from the database itself (first and last names, emails, current
//! titles and skills of candidates spread over it) and every prefix of each, from the first
//! character up to twelve, asks for the first page by relevance. Before each keystroke the
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
use serde_json::json;
use talentdesk_domain::search::SearchRequest;
use talentdesk_store::Store;
use talentdesk_store::search::PageRequest;

use crate::bench::{Stats, ms};

/// Candidates the words come from; five words each.
const PEOPLE: usize = 40;
/// The longest prefix typed.
const LONGEST: usize = 12;

/// What is typed and what each keystroke asks for.
struct Typing {
    /// Only first and last names (what the palette finds candidates by).
    names_only: bool,
    page: PageRequest,
    /// What each keystroke does, for the report.
    asks: &'static str,
}

pub fn typing(db: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let asks = "first page by relevance";
    time_keystrokes(db, json, &Typing { names_only: false, page: PageRequest::default(), asks })
}

/// The palette asks for this many candidates per keystroke (ui/src/lib/components/palette).
const PALETTE_HITS: u32 = 5;

pub fn palette(db: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let page = PageRequest { limit: PALETTE_HITS, after: None };
    time_keystrokes(db, json, &Typing { names_only: true, page, asks: "the palette's five hits by relevance" })
}

fn time_keystrokes(db: &Path, json: bool, typing: &Typing) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    let words = words(&store, typing.names_only)?;
    // The first search loads the facts and term bitmaps, as the window's first page does.
    store.search(&SearchRequest::default(), &PageRequest::default())?;
    let mut by_length: BTreeMap<usize, Vec<Duration>> = BTreeMap::new();
    let mut slowest = (Duration::ZERO, String::new(), 0u64);
    for word in &words {
        for end in word.char_indices().map(|(at, c)| at + c.len_utf8()).take(LONGEST) {
            let typed = &word[..end];
            store.clear_search_cache();
            let request = SearchRequest { query: typed.to_owned(), ..SearchRequest::default() };
            let started = Instant::now();
            let page = store.search(&request, &typing.page)?;
            let took = started.elapsed();
            if took > slowest.0 {
                slowest = (took, typed.to_owned(), page.total);
            }
            by_length.entry(typed.chars().count()).or_default().push(took);
        }
    }
    let all: Vec<Duration> = by_length.values().flatten().copied().collect();
    let overall = Stats::of(&all);
    if json {
        let lengths: Vec<_> = by_length
            .iter()
            .map(|(len, samples)| json!({ "prefix_length": len, "searches": samples.len(), "stats": Stats::of(samples) }))
            .collect();
        let out = json!({
            "candidates": store.candidate_count()?, "words": words.len(), "by_prefix_length": lengths,
            "overall": overall, "slowest": { "ms": ms(slowest.0), "typed": slowest.1, "total": slowest.2 },
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("{} words typed one character at a time, {} each", words.len(), typing.asks);
        for (len, samples) in &by_length {
            let s = Stats::of(samples);
            println!(
                "prefix of {len:>2}  {:>4} searches  p50 {:>7.2} ms  p95 {:>7.2} ms  max {:>7.2} ms",
                samples.len(),
                s.p50_ms,
                s.p95_ms,
                s.max_ms
            );
        }
        println!(
            "overall     {:>5} searches  p50 {:>7.2} ms  p95 {:>7.2} ms  max {:>7.2} ms",
            all.len(),
            overall.p50_ms,
            overall.p95_ms,
            overall.max_ms
        );
        println!("slowest: {:?} in {:.2} ms ({} results)", slowest.1, ms(slowest.0), slowest.2);
    }
    Ok(ExitCode::SUCCESS)
}

/// Names, emails, titles and skills (or the names only) of candidates spread evenly over the
/// database, as a recruiter would type them: lower case, each once.
fn words(store: &Store, names_only: bool) -> anyhow::Result<Vec<String>> {
    let admin = store.users()?.into_iter().find(|u| u.role.is_admin()).context("no admin user: run `demo` first")?;
    let ids = store.candidate_ids(u32::MAX)?;
    anyhow::ensure!(ids.len() >= PEOPLE, "the database holds too few candidates: run `demo` first");
    let mut words = Vec::new();
    for id in ids.iter().step_by(ids.len() / PEOPLE).take(PEOPLE) {
        let p = store.profile(&admin, *id)?.candidate.profile;
        let skill = p.skills.first().cloned().unwrap_or_default();
        let typed = if names_only {
            vec![p.first_name, p.last_name]
        } else {
            vec![p.first_name, p.last_name, p.email.unwrap_or_default(), p.current_title, skill]
        };
        for word in typed {
            let word = word.trim().to_lowercase();
            if !word.is_empty() && !words.contains(&word) {
                words.push(word);
            }
        }
    }
    Ok(words)
}
