//! Closing a store frees it: signing out leaves no connection to the account's database file
//! and no search data in memory, so signing in again opens the only store on that file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::user::{Role, User};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_session::{Notifier, Session, SessionEvent, SnapshotTimes, keep_search_warm};
use talentdesk_store::Store;
use tokio::sync::mpsc;

/// SQLite removes a database's write-ahead log when its last connection closes.
fn wal_of(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap().to_os_string();
    name.push("-wal");
    db.with_file_name(name)
}

/// Waits up to 20 s for the last strong reference to the store to go, and for its file to be
/// closed.
fn until_closed(store: &Weak<Mutex<Store>>, db: &Path) {
    let start = Instant::now();
    while store.strong_count() > 0 || wal_of(db).exists() {
        assert!(start.elapsed() < Duration::from_secs(20), "the store stayed open after it was closed");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn add_candidates(store: &mut Store, n: usize) {
    let user = User {
        id: uuid::Uuid::from_u128(1),
        email: "rita@acme.test".into(),
        name: "Rita".into(),
        role: Role::Recruiter,
        ats_id: None,
    };
    store.put_user(&user).unwrap();
    for i in 0..n {
        let profile = Profile { first_name: format!("Ana{i}"), last_name: "Souza".into(), ..Profile::default() };
        let create = Mutation::CandidateCreate {
            candidate_id: new_id(),
            profile,
            profile_type: ProfileType::RecruiterGenerated,
        };
        store.apply(&user, create).unwrap();
    }
}

#[test]
fn the_search_thread_lets_a_closed_store_go() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let mut store = Store::open(&db).unwrap();
    add_candidates(&mut store, 20);
    let store = Arc::new(Mutex::new(store));
    let times = SnapshotTimes { first_after: Duration::from_millis(10), every: Duration::from_millis(10) };
    let upkeep = keep_search_warm(&store, times);
    // Let it load search and save a snapshot or two.
    std::thread::sleep(Duration::from_millis(300));
    assert!(wal_of(&db).exists(), "the store is open");

    let weak = Arc::downgrade(&store);
    drop(store);
    until_closed(&weak, &db);
    let start = Instant::now();
    while !upkeep.is_finished() {
        assert!(start.elapsed() < Duration::from_secs(5), "the thread outlived its store");
        std::thread::sleep(Duration::from_millis(10));
    }
    // The file is whole and opens again.
    assert_eq!(Store::open(&db).unwrap().candidate_count().unwrap(), 20);
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_closes_the_store_and_signing_in_again_opens_it_afresh() {
    let server = Instance::start().await;
    let rita = server.add_user(&format!("rita+{}@acme.test", std::process::id()), Role::Recruiter).await;
    let data = tempfile::tempdir().unwrap();
    let (tx, mut events) = mpsc::unbounded_channel();
    let session =
        Session::sign_in(data.path(), &server.url, &rita.email, PASSWORD, tx, Notifier::default()).await.unwrap();
    // As the app does: search loads ahead and its snapshot is kept.
    keep_search_warm(&session.store, SnapshotTimes::default());
    tokio::time::timeout(Duration::from_secs(20), async {
        while !matches!(events.recv().await, Some(SessionEvent::Status { status }) if status.online) {}
    })
    .await
    .expect("the session came online");
    let db = session.store.lock().unwrap().path().to_path_buf();
    let weak = Arc::downgrade(&session.store);

    session.sign_out(data.path()).await.unwrap();
    let closed = db.clone();
    tokio::task::spawn_blocking(move || until_closed(&weak, &closed)).await.unwrap();

    let (tx, _events) = mpsc::unbounded_channel();
    let again =
        Session::sign_in(data.path(), &server.url, &rita.email, PASSWORD, tx, Notifier::default()).await.unwrap();
    assert_eq!(again.store.lock().unwrap().path(), db, "the same account's file, opened once more");
    again.sign_out(data.path()).await.unwrap();
}
