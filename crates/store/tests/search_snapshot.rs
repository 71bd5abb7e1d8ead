//! The saved snapshot of search's facts: an app start reads it instead of every candidate's
//! row, and what it finds is what the rows say, whoever changed them since.

mod common;

use common::{Person, fixture};
use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::{SearchFilters, SearchRequest, Selection, SortOrder};
use talentdesk_store::Store;
use talentdesk_store::search::{FactsSource, PageRequest};
use uuid::Uuid;

fn ids(store: &Store, request: &SearchRequest) -> Vec<Uuid> {
    store.search(request, &PageRequest { limit: 100, after: None }).unwrap().rows.iter().map(|r| r.id).collect()
}

/// Requests whose answers depend on every kind of fact: both orders each way, activity,
/// active, owner, and the total.
fn requests() -> Vec<SearchRequest> {
    let sorted = |sort| SearchRequest { sort, ..Default::default() };
    let filtered = |filters| SearchRequest { filters, sort: SortOrder::NameAsc, ..Default::default() };
    vec![
        sorted(SortOrder::NameAsc),
        sorted(SortOrder::NameDesc),
        sorted(SortOrder::UpdatedAsc),
        sorted(SortOrder::UpdatedDesc),
        filtered(SearchFilters { activity: vec![ActivityStatus::Contacted], ..Default::default() }),
        filtered(SearchFilters { active: Some(false), ..Default::default() }),
        filtered(SearchFilters {
            recruiter: Some(common::user(2, talentdesk_domain::user::Role::Recruiter).id),
            ..Default::default()
        }),
    ]
}

fn answers(store: &Store) -> Vec<Vec<Uuid>> {
    requests().iter().map(|r| ids(store, r)).collect()
}

/// What a store reading every row answers: the same file with its snapshot switched off.
fn answers_from_rows(path: &std::path::Path) -> Vec<Vec<Uuid>> {
    let copy = tempfile::tempdir().unwrap();
    let copy_path = copy.path().join("rows.db");
    rusqlite::Connection::open(path).unwrap().execute("VACUUM INTO ?1", [copy_path.to_str().unwrap()]).unwrap();
    rusqlite::Connection::open(&copy_path).unwrap().execute_batch("DELETE FROM search_facts").unwrap();
    let store = Store::open(&copy_path).unwrap();
    assert_eq!(store.warm_search().unwrap(), FactsSource::Rows);
    answers(&store)
}

#[test]
fn a_start_reads_the_snapshot_and_every_change_made_since_by_anyone() {
    let mut f = fixture();
    let people = [("Ana", "Souza"), ("José", "Núñez"), ("Mei", "Chen"), ("Omar", "Haddad"), ("Zoë", "Abara")];
    let emails = ["ana@example.com", "jose@example.com", "mei@example.com", "omar@example.com", "zoe@example.com"];
    let ids: Vec<Uuid> = people
        .iter()
        .zip(emails)
        .map(|((first, last), email)| f.create(Person { first, last, email: Some(email), ..Default::default() }))
        .collect();
    let path = f.store.path().to_path_buf();

    // The first start reads the rows and saves them; nothing is due once saved.
    assert_eq!(f.store.warm_search().unwrap(), FactsSource::Rows);
    assert!(f.store.save_search_snapshot().unwrap(), "a start from the rows saves them");
    assert!(!f.store.save_search_snapshot().unwrap(), "nothing changed since");
    drop(f.store);

    // Meanwhile another process (the command line, a sync) changes candidates.
    let mut other = Store::open(&path).unwrap();
    let admin = f.admin.clone();
    let mut apply = |m| other.apply(&admin, m).unwrap();
    apply(Mutation::CandidateUpdate {
        candidate_id: ids[0],
        changes: vec![FieldChange {
            from: FieldValue::LastName("Souza".into()),
            to: FieldValue::LastName("Aalto".into()),
        }],
    });
    apply(Mutation::SetActive { candidate_id: ids[2], active: false });
    apply(Mutation::CandidateUpdate {
        candidate_id: ids[3],
        changes: vec![FieldChange {
            from: FieldValue::FirstName("Omar".into()),
            to: FieldValue::FirstName("Omari".into()),
        }],
    });
    apply(Mutation::EmailSend {
        send_id: new_id(),
        selection: Selection::ids([ids[4]]),
        subject: "Hi".into(),
        body: "Hello".into(),
    });
    let bea = new_id();
    apply(Mutation::CandidateCreate {
        candidate_id: bea,
        profile: common::profile(&Person { first: "Bea", last: "Abreu", ..Default::default() }),
        profile_type: talentdesk_domain::candidate::ProfileType::RecruiterGenerated,
    });
    drop(other);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.warm_search().unwrap(), FactsSource::Snapshot);
    let by_name = SearchRequest { sort: SortOrder::NameAsc, ..Default::default() };
    // Chen was made inactive: searches leave the inactive out unless asked.
    let order = vec![ids[0], ids[4], bea, ids[3], ids[1]];
    assert_eq!(self::ids(&store, &by_name), order, "Aalto, Abara, Abreu, Haddad, Núñez");
    assert_eq!(answers(&store), answers_from_rows(&path));
    assert_eq!(store.search(&SearchRequest::default(), &PageRequest::default()).unwrap().total, 5);
}

#[test]
fn a_snapshot_keeps_who_is_inactive() {
    let mut f = fixture();
    let ana = f.create(Person { first: "Ana", last: "Souza", ..Default::default() });
    let mei = f.create(Person { first: "Mei", last: "Chen", ..Default::default() });
    f.admin_applies(Mutation::SetActive { candidate_id: mei, active: false });
    f.store.warm_search().unwrap();
    assert!(f.store.save_search_snapshot().unwrap());
    let path = f.store.path().to_path_buf();
    drop(f.store);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.warm_search().unwrap(), FactsSource::Snapshot);
    assert_eq!(ids(&store, &SearchRequest::default()), vec![ana]);
    let inactive = SearchRequest {
        query: "chen".into(),
        filters: SearchFilters { active: Some(false), ..Default::default() },
        ..Default::default()
    };
    assert_eq!(ids(&store, &inactive), vec![mei]);
    assert_eq!(answers(&store), answers_from_rows(&path));
}

#[test]
fn an_erasure_throws_the_snapshot_away_and_the_next_save_leaves_the_candidate_out() {
    let mut f = fixture();
    let ana = f.create(Person { first: "Ana", last: "Souza", email: Some("ana@example.com"), ..Default::default() });
    let mei = f.create(Person { first: "Mei", last: "Chen", ..Default::default() });
    f.store.warm_search().unwrap();
    assert!(f.store.save_search_snapshot().unwrap());
    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([ana]) });
    let path = f.store.path().to_path_buf();
    let saved = || -> Option<Vec<u8>> {
        rusqlite::Connection::open(&path).unwrap().query_row("SELECT data FROM search_facts", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(saved(), None, "the snapshot with her name is gone at once");
    assert!(f.store.save_search_snapshot().unwrap(), "and is due again");
    let data = saved().expect("saved again");
    assert!(!data.windows(5).any(|w| w.eq_ignore_ascii_case(b"souza")), "without her");
    drop(f.store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.warm_search().unwrap(), FactsSource::Snapshot);
    assert_eq!(ids(&store, &SearchRequest::default()), vec![mei]);
}

#[test]
fn a_damaged_snapshot_is_read_from_the_rows_and_saved_again() {
    let mut f = fixture();
    for (first, last) in [("Ana", "Souza"), ("Mei", "Chen")] {
        f.create(Person { first, last, ..Default::default() });
    }
    let path = f.store.path().to_path_buf();
    f.store.warm_search().unwrap();
    f.store.save_search_snapshot().unwrap();
    let expected = answers(&f.store);
    drop(f.store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let saved: Vec<u8> = conn.query_row("SELECT data FROM search_facts", [], |r| r.get(0)).unwrap();
    for damaged in [saved[..saved.len() / 2].to_vec(), b"not a snapshot".to_vec(), [saved.clone(), vec![0]].concat()] {
        conn.execute("UPDATE search_facts SET data = ?1", [&damaged]).unwrap();
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.warm_search().unwrap(), FactsSource::Rows);
        assert_eq!(answers(&store), expected);
        assert!(store.save_search_snapshot().unwrap(), "saved again");
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.warm_search().unwrap(), FactsSource::Snapshot);
        assert_eq!(answers(&store), expected);
    }
}

#[test]
fn many_changes_since_the_snapshot_make_it_due_again() {
    let mut f = fixture();
    let ana = f.create(Person { first: "Ana", last: "Souza", ..Default::default() });
    f.store.warm_search().unwrap();
    assert!(f.store.save_search_snapshot().unwrap());
    // Each change is logged; past the limit the snapshot is written again and the log emptied.
    for n in 0..20_001 {
        let active = n % 2 == 0;
        f.admin_applies(Mutation::SetActive { candidate_id: ana, active });
        if n == 0 {
            assert!(!f.store.save_search_snapshot().unwrap(), "one change is read on start, not saved");
        }
    }
    assert!(f.store.save_search_snapshot().unwrap());
    let path = f.store.path().to_path_buf();
    let logged: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM search_facts_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(logged, 0);
}
