//! Bulk actions in batches: progress after each batch, cancel between batches, a failed batch
//! stops the run, and the limits are checked on the whole selection first.

mod common;

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::{Fixture, Person, fixture};
use talentdesk_domain::DomainError;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::{SearchFilters, SearchRequest, Selection};
use talentdesk_store::bulk::{self, BATCH, BulkEnd, BulkProgress};
use talentdesk_store::search::PageRequest;
use talentdesk_store::{AppError, StoreError};
use uuid::Uuid;

const PEOPLE: usize = 2 * BATCH + 500;

fn people() -> (Fixture, Vec<Uuid>) {
    let mut f = fixture();
    f.define_tag("Java");
    let ids = (0..PEOPLE).map(|_| f.create(Person { title: "Welder", ..Default::default() })).collect();
    (f, ids)
}

fn all_welders() -> Selection {
    Selection::Search { request: Box::new(SearchRequest { query: "welder".into(), ..Default::default() }) }
}

fn tag_java(selection: Selection) -> Mutation {
    Mutation::TagsAdd { selection, tags: vec!["Java".into()] }
}

fn tagged(f: &Fixture) -> u64 {
    let filters = SearchFilters { tags: vec!["Java".into()], ..Default::default() };
    f.store.search(&SearchRequest { filters, ..Default::default() }, &PageRequest::default()).unwrap().total
}

#[test]
fn all_from_a_search_is_applied_batch_by_batch_with_progress() {
    let (mut f, _) = people();
    let outbox_before = f.store.outbox().unwrap().len();
    let plan = f.store.plan_bulk(&f.admin, tag_java(all_welders())).unwrap();
    assert_eq!(plan.total(), PEOPLE);
    let admin = f.admin.clone();
    let mut reports = Vec::new();
    let end = bulk::run(&plan, &AtomicBool::new(false), |m| f.store.apply(&admin, m), |p| reports.push(p.done));
    assert!(matches!(end.end, Some(BulkEnd::Finished)), "{end:?}");
    assert_eq!((end.done, end.affected), (PEOPLE as u64, PEOPLE as u64));
    assert_eq!(reports, [1000, 2000, 2500, 2500], "after each batch, then the end");
    assert_eq!(tagged(&f), PEOPLE as u64);
    assert_eq!(f.store.outbox().unwrap().len() - outbox_before, 3, "one outbox entry per batch");
}

#[test]
fn a_cancelled_run_keeps_the_whole_batches_it_applied() {
    let (mut f, _) = people();
    let plan = f.store.plan_bulk(&f.admin, tag_java(all_welders())).unwrap();
    let admin = f.admin.clone();
    let cancel = AtomicBool::new(false);
    let end = bulk::run(&plan, &cancel, |m| f.store.apply(&admin, m), |_| cancel.store(true, Ordering::Relaxed));
    assert!(matches!(end.end, Some(BulkEnd::Cancelled)), "{end:?}");
    assert_eq!(end.done, BATCH as u64);
    assert_eq!(tagged(&f), BATCH as u64, "exactly the first batch, whole");
}

/// Another connection that holds the store's database as a writer until it is dropped.
fn hold_the_database(f: &Fixture) -> rusqlite::Connection {
    let other = rusqlite::Connection::open(f.dir.path().join("store.db")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    other
}

#[test]
fn a_batch_that_finds_the_database_held_waits_past_the_busy_timeout() {
    let (mut f, _) = people();
    let plan = f.store.plan_bulk(&f.admin, tag_java(all_welders())).unwrap();
    // Held for longer than SQLite's busy timeout (5 s): the first batch gives up once.
    let other = hold_the_database(&f);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(7));
        drop(other);
    });
    let admin = f.admin.clone();
    let started = Instant::now();
    let end = bulk::run(&plan, &AtomicBool::new(false), |m| f.store.apply(&admin, m), |_| {});
    release.join().unwrap();
    assert!(started.elapsed() >= Duration::from_secs(7), "it waited for the writer");
    assert!(matches!(end.end, Some(BulkEnd::Finished)), "{end:?}");
    assert_eq!(tagged(&f), PEOPLE as u64);
}

#[test]
fn a_run_cancelled_while_its_batch_waits_for_the_database_stops_with_nothing_half_done() {
    let (mut f, _) = people();
    let plan = f.store.plan_bulk(&f.admin, tag_java(all_welders())).unwrap();
    let other = hold_the_database(&f);
    let cancel = AtomicBool::new(false);
    let admin = f.admin.clone();
    let end = std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(Duration::from_secs(1));
            cancel.store(true, Ordering::Relaxed);
        });
        bulk::run(&plan, &cancel, |m| f.store.apply(&admin, m), |_| {})
    });
    drop(other);
    assert!(matches!(end.end, Some(BulkEnd::Cancelled)), "{end:?}");
    assert_eq!((end.done, tagged(&f)), (0, 0));
}

#[test]
fn a_failing_batch_stops_the_run_and_says_why() {
    let (f, ids) = people();
    let Fixture { store, admin, .. } = f;
    let plan = store.plan_bulk(&admin, tag_java(Selection::ids(ids.iter().copied()))).unwrap();
    let store = RefCell::new(store);
    // Someone deletes a candidate of the second batch while the first is being applied.
    let gone = ids[BATCH + 10];
    let report = |p: &BulkProgress| {
        if p.done == BATCH as u64 && p.end.is_none() {
            store.borrow_mut().apply(&admin, Mutation::CandidateDelete { selection: Selection::ids([gone]) }).unwrap();
        }
    };
    let end = bulk::run(&plan, &AtomicBool::new(false), |m| store.borrow_mut().apply(&admin, m), report);
    match &end.end {
        Some(BulkEnd::Failed { error: AppError::Rule(DomainError::NotFound { .. }) }) => {}
        other => panic!("expected a not-found failure, got {other:?}"),
    }
    assert_eq!(end.done, BATCH as u64);
    let filters = SearchFilters { tags: vec!["Java".into()], ..Default::default() };
    let request = SearchRequest { filters, ..Default::default() };
    assert_eq!(store.borrow().search(&request, &PageRequest::default()).unwrap().total, BATCH as u64);
}

#[test]
fn limits_and_roles_are_checked_on_the_whole_selection_before_anything_runs() {
    let (f, ids) = people();
    let over = Mutation::EmailSend {
        send_id: Uuid::now_v7(),
        selection: Selection::ids(ids[..51].iter().copied()),
        subject: "Hi".into(),
        body: "Hello".into(),
    };
    match f.store.plan_bulk(&f.recruiter, over) {
        Err(StoreError::Domain(DomainError::OverBulkLimit { limit: 50, requested: 51, .. })) => {}
        other => panic!("expected the limit, got {other:?}"),
    }
    let purge = Mutation::CandidateDelete { selection: Selection::ids(ids[..2].iter().copied()) };
    assert!(matches!(f.store.plan_bulk(&f.recruiter, purge), Err(StoreError::Domain(d)) if d.is_forbidden()));
    assert!(matches!(
        f.store.plan_bulk(&f.admin, Mutation::CandidateReview { candidate_id: ids[0] }),
        Err(StoreError::Domain(DomainError::Invalid { .. }))
    ));
    assert_eq!(f.store.outbox().unwrap().len(), PEOPLE + 1, "the creations and the tag only");
}

/// A selection in a search's order, spread over the database, is tagged in batches of
/// neighbouring rows (so each batch writes to a narrow run of the tables' pages): every batch
/// is the next thousand in row order, everyone is tagged once, and the plan still gives the ids
/// in the selection's order (an export writes them so). The first id that does not exist is
/// named.
#[test]
fn a_spread_selection_is_tagged_in_batches_of_neighbouring_rows() {
    let (mut f, in_rows) = people();
    let picked: Vec<Uuid> = in_rows.iter().rev().step_by(2).chain(in_rows.iter().step_by(2)).copied().collect();
    let outbox_before = f.store.outbox().unwrap().len();
    let plan = f.store.plan_bulk(&f.admin, tag_java(Selection::ids(picked.iter().copied()))).unwrap();
    assert_eq!(plan.ids(), picked, "the selection's order, for an export");
    let admin = f.admin.clone();
    let end = bulk::run(&plan, &AtomicBool::new(false), |m| f.store.apply(&admin, m), |_| {});
    assert!(matches!(end.end, Some(BulkEnd::Finished)), "{end:?}");
    assert_eq!((end.done, end.affected, tagged(&f)), (PEOPLE as u64, PEOPLE as u64, PEOPLE as u64));
    let batches: Vec<Vec<Uuid>> = f.store.outbox().unwrap()[outbox_before..]
        .iter()
        .map(|entry| match &entry.mutation {
            Mutation::TagsAdd { selection: Selection::Ids { ids }, .. } => ids.clone(),
            other => panic!("not a batch of the tag: {other:?}"),
        })
        .collect();
    let expected: Vec<Vec<Uuid>> = in_rows.chunks(BATCH).map(<[Uuid]>::to_vec).collect();
    assert_eq!(batches, expected);

    // The first unknown of the selection is named, though the lookups go in the ids' order.
    let unknown = Uuid::from_u128(u128::MAX - 1);
    let with_unknown = Selection::ids([in_rows[7], unknown, in_rows[3], Uuid::from_u128(1)]);
    match f.store.plan_bulk(&f.admin, tag_java(with_unknown)) {
        Err(StoreError::Domain(DomainError::NotFound { id, .. })) => assert_eq!(id, unknown.to_string()),
        other => panic!("expected the unknown id named: {other:?}"),
    }
}
