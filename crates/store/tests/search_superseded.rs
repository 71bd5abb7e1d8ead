//! A search typed while another still runs: the window supersedes the running one, which stops
//! at once instead of holding the store to its end; the next search, and every write, go on
//! as if nothing had happened.

mod common;

use std::time::{Duration, Instant};

use common::{fixture, imported};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::{SearchRequest, Selection};
use talentdesk_store::Store;
use talentdesk_store::search::{PageRequest, SearchPage, SearchTickets, Searched};

/// A name made of letters only, distinct for each `i`: the keyword index then holds tens of
/// thousands of terms under every letter.
fn word(mut i: usize) -> String {
    let mut w = String::new();
    for _ in 0..5 {
        w.push(char::from(b'a' + (i % 26) as u8));
        i /= 26;
    }
    w
}

/// A store of `n` candidates with distinct names whose keywords all go to FTS5 term by term
/// (no bitmaps, no prefix sets): a query over many prefixes then takes SQLite a while.
fn slow_store(n: usize) -> common::Fixture {
    let mut f = fixture();
    let mut load = f.store.bulk_load().unwrap();
    for i in 0..n {
        load.candidate(&imported(&word(i), &word(i * 7 + 3))).unwrap();
    }
    load.finish(|_| {}).unwrap();
    f.store.rebuild_term_index(u64::MAX, usize::MAX).unwrap();
    f
}

/// Every letter as a prefix, OR'd: 26 FTS5 prefix queries, each over thousands of terms.
fn broad_query() -> SearchRequest {
    let letters: Vec<String> = ('a'..='z').map(String::from).collect();
    SearchRequest { query: letters.join(" OR "), ..Default::default() }
}

fn first_page() -> PageRequest {
    PageRequest { limit: 50, after: None }
}

fn page_of(searched: Searched) -> SearchPage {
    match searched {
        Searched::Page(page) => page,
        Searched::Superseded => panic!("superseded, though nobody superseded it"),
    }
}

fn ids(page: &SearchPage) -> Vec<uuid::Uuid> {
    page.rows.iter().map(|r| r.id).collect()
}

/// The search uncached, as after a write, timed.
fn timed(store: &Store, tickets: &SearchTickets, number: u64) -> (Searched, Duration) {
    store.clear_search_cache();
    let start = Instant::now();
    let searched = store.search_unless_superseded(&broad_query(), &first_page(), &tickets.ticket(number)).unwrap();
    (searched, start.elapsed())
}

#[test]
fn a_search_superseded_from_another_thread_stops_promptly_and_the_next_is_right() {
    let f = slow_store(20_000);
    let store = &f.store;
    let tickets = SearchTickets::default();
    let expected = store.search(&broad_query(), &first_page()).unwrap();
    assert_eq!(expected.total, 20_000, "every candidate has a name");

    // Not superseded: exactly the plain search's page (warmed once, then timed).
    timed(store, &tickets, 1);
    let (searched, whole) = timed(store, &tickets, 2);
    let page = page_of(searched);
    assert_eq!((ids(&page), page.total, page.next.clone()), (ids(&expected), expected.total, expected.next.clone()));
    eprintln!("the search takes {whole:?} uncached");
    assert!(
        whole >= Duration::from_millis(20),
        "the search must take a while for this test to mean anything: {whole:?}"
    );

    // Superseded a fifth of the way in, from another thread, as the window's command does.
    let (searched, stopped_after) = std::thread::scope(|scope| {
        let other = tickets.clone();
        let superseder = scope.spawn(move || {
            std::thread::sleep(whole / 5);
            other.supersede(3);
            Instant::now()
        });
        let searched = timed(store, &tickets, 3).0;
        let returned = Instant::now();
        (searched, returned.saturating_duration_since(superseder.join().unwrap()))
    });
    assert!(matches!(searched, Searched::Superseded), "the search ran to its end: {searched:?}");
    assert!(
        stopped_after < whole / 2,
        "stopped {stopped_after:?} after being superseded; the whole search takes {whole:?}"
    );

    // Superseded before it starts: it does not start.
    tickets.supersede(4);
    let (searched, _) = timed(store, &tickets, 4);
    assert!(matches!(searched, Searched::Superseded));

    // The next search, with the sets the stopped one left half-fetched, is whole and right, and
    // so are its later pages; an older number superseded again stops nothing newer.
    tickets.supersede(3);
    let next = page_of(store.search_unless_superseded(&broad_query(), &first_page(), &tickets.ticket(5)).unwrap());
    assert_eq!((ids(&next), next.total), (ids(&expected), expected.total));
    let second = PageRequest { limit: 50, after: next.next.clone() };
    let later = page_of(store.search_unless_superseded(&broad_query(), &second, &tickets.ticket(6)).unwrap());
    assert_eq!(ids(&later), ids(&store.search(&broad_query(), &second).unwrap()));
}

/// Counting a typed search's total (its first page came without it) stops as the search does
/// when the next keystroke supersedes it, and a count after it is whole.
#[test]
fn a_count_superseded_stops_promptly_and_the_next_is_whole() {
    let f = slow_store(20_000);
    let store = &f.store;
    let tickets = SearchTickets::default();
    let count = |number: u64| {
        store.clear_search_cache();
        let start = Instant::now();
        let counted = store.count_unless_superseded(&broad_query(), &tickets.ticket(number)).unwrap();
        (counted.map(|c| c.total), start.elapsed())
    };
    count(1);
    let (total, whole) = count(2);
    assert_eq!(total, Some(20_000));
    assert!(
        whole >= Duration::from_millis(20),
        "the count must take a while for this test to mean anything: {whole:?}"
    );

    let (counted, stopped_after) = std::thread::scope(|scope| {
        let other = tickets.clone();
        let superseder = scope.spawn(move || {
            std::thread::sleep(whole / 5);
            other.supersede(3);
            Instant::now()
        });
        let counted = count(3).0;
        (counted, Instant::now().saturating_duration_since(superseder.join().unwrap()))
    });
    assert_eq!(counted, None, "the count ran to its end");
    assert!(
        stopped_after < whole / 2,
        "stopped {stopped_after:?} after being superseded; the whole count takes {whole:?}"
    );

    tickets.supersede(4);
    assert_eq!(count(4).0, None, "superseded before it starts, it does not start");
    assert_eq!(count(5).0, Some(20_000));
}

/// The check is there only while a search runs: a write after a superseded search, whose
/// ticket stays superseded, runs to its end, and so does a plain search.
#[test]
fn a_write_is_never_interrupted() {
    let mut f = slow_store(5_000);
    let tickets = SearchTickets::default();
    tickets.supersede(7);
    let searched = f.store.search_unless_superseded(&broad_query(), &first_page(), &tickets.ticket(7)).unwrap();
    assert!(matches!(searched, Searched::Superseded));

    // Superseded while it ran (the flag is set for good from the first check on).
    let ticket = tickets.ticket(8);
    std::thread::scope(|scope| {
        scope.spawn(|| tickets.supersede(8));
        f.store.search_unless_superseded(&broad_query(), &first_page(), &ticket).unwrap();
    });
    assert!(ticket.superseded());

    // Tagging everyone: thousands of statements, each far past the handler's step count.
    f.define_tag("Reached");
    let everyone = Selection::Search { request: Box::new(broad_query()) };
    f.admin_applies(Mutation::TagsAdd { selection: everyone, tags: vec!["Reached".into()] });
    let tagged = SearchRequest { query: "reached".into(), ..Default::default() };
    assert_eq!(f.store.search(&tagged, &first_page()).unwrap().total, 5_000);
    assert_eq!(f.store.search(&broad_query(), &first_page()).unwrap().total, 5_000);
}
