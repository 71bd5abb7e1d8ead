//! The stored dedupe keys (migration 0018) that the Duplicates page, an import's plan and a
//! queue of resumes read instead of every candidate's row: they follow every write of a
//! candidate (an edit, a merge, an erasure, a change pulled from the server, a bulk load),
//! are filled for a database from before them, and are read in any country.

mod common;

use std::path::Path;

use common::{Fixture, fixture};
use talentdesk_domain::candidate::{FieldValue, Link, LinkKind, Profile, ProfileType};
use talentdesk_domain::dedupe::{self, DedupeKey};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::search::Selection;
use talentdesk_store::Store;
use talentdesk_store::replica::ServerChange;
use uuid::Uuid;

fn add(f: &mut Fixture, first: &str, email: Option<&str>, phone: Option<&str>) -> Uuid {
    let id = talentdesk_domain::new_id();
    let profile = Profile {
        first_name: first.into(),
        last_name: "Souza".into(),
        email: email.map(str::to_owned),
        phone: phone.map(str::to_owned),
        current_employer: "Acme".into(),
        ..Profile::default()
    };
    f.admin_applies(Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::Applicant });
    id
}

fn edit(f: &mut Fixture, id: Uuid, from: FieldValue, to: FieldValue) {
    f.admin_applies(Mutation::CandidateUpdate { candidate_id: id, changes: vec![FieldChange { from, to }] });
}

/// Who has the key (made with `country`), by the stored keys.
fn holders(store: &Store, key: DedupeKey, country: Option<&str>) -> Vec<Uuid> {
    store.holders(&[key], country).unwrap().into_iter().map(|(_, id)| id).collect()
}

fn email(text: &str) -> DedupeKey {
    DedupeKey::Email(text.into())
}

/// Every candidate's stored keys are their profile's keys, and the key-ordered table holds
/// exactly those: no key of an old value, of someone gone, or missing.
fn assert_in_step(f: &Fixture) {
    let conn = rusqlite::Connection::open(f.store.path()).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM dedupe_people WHERE cand NOT IN (SELECT cand FROM candidates)"), 0);
    assert_eq!(count("SELECT count(*) FROM candidates WHERE cand NOT IN (SELECT cand FROM dedupe_people)"), 0);
    assert_eq!(
        count(
            "SELECT count(*) FROM dedupe_keys k WHERE NOT EXISTS
                 (SELECT 1 FROM dedupe_people p, json_each(p.keys) j WHERE p.cand = k.cand AND j.value = k.key)"
        ),
        0,
        "a key in order that nobody's row has"
    );
    assert_eq!(
        count("SELECT count(*) FROM dedupe_keys"),
        count("SELECT count(*) FROM dedupe_people, json_each(dedupe_people.keys)")
    );
    for id in f.store.candidate_ids(u32::MAX).unwrap() {
        let profile = f.store.stored_profile(id).unwrap();
        for key in dedupe::keys(&profile, None) {
            assert!(holders(&f.store, key.clone(), None).contains(&id), "{key:?} of {}", profile.first_name);
        }
    }
}

#[test]
fn the_keys_follow_an_edit() {
    let mut f = fixture();
    let ana = add(&mut f, "Ana", Some("ana@example.com"), Some("030 1234567"));
    assert_eq!(holders(&f.store, email("ana@example.com"), None), [ana]);
    edit(
        &mut f,
        ana,
        FieldValue::Email(Some("ana@example.com".into())),
        FieldValue::Email(Some("Ana@Globex.example".into())),
    );
    edit(&mut f, ana, FieldValue::Phone(Some("030 1234567".into())), FieldValue::Phone(None));
    let links = vec![Link { kind: LinkKind::LinkedIn, url: "https://www.linkedin.com/in/ana-souza/".into() }];
    edit(&mut f, ana, FieldValue::Links(Vec::new()), FieldValue::Links(links));
    assert!(holders(&f.store, email("ana@example.com"), None).is_empty(), "the old email is no key of hers");
    assert_eq!(holders(&f.store, email("ana@globex.example"), None), [ana]);
    assert!(holders(&f.store, DedupeKey::Phone("0301234567".into()), None).is_empty());
    assert!(holders(&f.store, DedupeKey::NameAndPhone("ana souza|0301234567".into()), None).is_empty());
    assert_eq!(holders(&f.store, DedupeKey::LinkedIn("ana-souza".into()), None), [ana]);
    assert_eq!(holders(&f.store, DedupeKey::NameAndEmployer("ana souza|acme".into()), None), [ana]);
    assert_in_step(&f);
}

/// Stored without a country, a national number is read in the one asked for: the same
/// index serves a German and an American organisation.
#[test]
fn national_numbers_are_read_in_the_country_asked_for() {
    let mut f = fixture();
    let national = add(&mut f, "Ana", None, Some("030 1234567"));
    let international = add(&mut f, "Bia", None, Some("+49 30 1234567"));
    let german = DedupeKey::Phone("+49301234567".into());
    assert_eq!(holders(&f.store, german.clone(), Some("49")), [national, international]);
    assert_eq!(holders(&f.store, german.clone(), None), [international]);
    assert_eq!(holders(&f.store, german, Some("1")), [international]);
    let in_germany = f.store.find_duplicates(Some("49")).unwrap();
    assert_eq!(in_germany.groups.len(), 1);
    assert_eq!(in_germany.groups[0].evidence[0].value, "+49301234567");
    assert!(f.store.find_duplicates(Some("1")).unwrap().groups.is_empty());
    // The window scans through the read-only connection, in a read transaction of its own.
    let reader = Store::open_reader(f.store.path()).unwrap();
    assert_eq!(reader.find_duplicates(Some("49")).unwrap(), in_germany);
    assert_eq!(holders(&reader, DedupeKey::Phone("+49301234567".into()), Some("49")), [national, international]);
    let index = f.store.key_index(Some("49")).unwrap();
    let name_and_phone = DedupeKey::NameAndPhone("ana souza|+49301234567".into());
    assert_eq!(index.get(&f.store, &name_and_phone).unwrap(), Some(national));
}

#[test]
fn a_merged_candidates_keys_go_and_the_survivor_keeps_theirs() {
    let mut f = fixture();
    let survivor = add(&mut f, "Ana", Some("ana@example.com"), Some("+351 912 345 678"));
    let merged = add(&mut f, "Anita", Some("ANA@example.com"), Some("+351 966 000 111"));
    assert_eq!(holders(&f.store, email("ana@example.com"), None), [survivor, merged]);
    f.admin_applies(Mutation::CandidateMerge { survivor_id: survivor, merged_ids: vec![merged], changes: vec![] });
    assert_eq!(holders(&f.store, email("ana@example.com"), None), [survivor]);
    assert!(holders(&f.store, DedupeKey::Phone("+351966000111".into()), None).is_empty());
    assert!(f.store.find_duplicates(None).unwrap().groups.is_empty());
    assert_in_step(&f);
}

#[test]
fn nothing_is_left_of_an_erased_persons_keys() {
    let mut f = fixture();
    let kept = add(&mut f, "Bia", Some("bia@example.com"), None);
    let erased = add(&mut f, "Quorrelsby", Some("w.quorrelsby@example.org"), Some("+44 20 7946 0958"));
    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([erased]) });
    assert!(holders(&f.store, email("w.quorrelsby@example.org"), None).is_empty());
    assert_eq!(holders(&f.store, email("bia@example.com"), None), [kept]);
    let conn = rusqlite::Connection::open(f.store.path()).unwrap();
    let mentions: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM dedupe_keys WHERE key LIKE '%quorrelsby%' OR key LIKE '%79460958%')
                  + (SELECT count(*) FROM dedupe_people WHERE keys LIKE '%quorrelsby%' OR keys LIKE '%79460958%')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mentions, 0);
    assert_in_step(&f);
}

/// A candidate written by a pull (created, changed, deleted on the server) has their keys
/// kept as a local edit does.
#[test]
fn the_keys_follow_a_pull() {
    let mut server = fixture();
    let id = add(&mut server, "Ana", Some("ana@example.com"), None);
    let (_, _, json) = server.store.export_records_of(&[RecordKind::Candidate]).unwrap().remove(0);
    let mut desktop = fixture();
    let key = id.to_string();
    let pull = |store: &mut Store, data: Option<&str>, cursor: &str| {
        store.apply_pull(&[ServerChange { kind: RecordKind::Candidate, id: &key, data }], cursor, 0, true).unwrap();
    };
    pull(&mut desktop.store, Some(&json), "1");
    assert_eq!(holders(&desktop.store, email("ana@example.com"), None), [id]);
    pull(&mut desktop.store, Some(&json.replace("ana@example.com", "ana@globex.example")), "2");
    assert!(holders(&desktop.store, email("ana@example.com"), None).is_empty());
    assert_eq!(holders(&desktop.store, email("ana@globex.example"), None), [id]);
    assert_in_step(&desktop);
    pull(&mut desktop.store, None, "3");
    assert!(holders(&desktop.store, email("ana@globex.example"), None).is_empty());
    assert_in_step(&desktop);
}

/// A bulk load (demo data, the first sync) writes the keys in order at its end; the
/// candidates written after it are indexed as they are written.
#[test]
fn a_bulk_load_is_indexed_and_later_writes_too() {
    let mut f = fixture();
    let mut load = f.store.bulk_load().unwrap();
    let mut loaded = Vec::new();
    for i in 0..300 {
        let mut c = common::imported_candidate("Ana", &format!("Souza {i}"));
        c.profile.email = Some(format!("ana.{}@example.com", i % 150));
        loaded.push(c.id);
        load.candidate(
            &talentdesk_store::bulk_load::Prepared::candidate(talentdesk_domain::aggregate::FullCandidate::new(c))
                .unwrap(),
        )
        .unwrap();
    }
    load.finish(|_| {}).unwrap();
    assert_eq!(holders(&f.store, email("ana.7@example.com"), None), [loaded[7], loaded[157]]);
    assert_eq!(f.store.find_duplicates(None).unwrap().groups.len(), 150);
    let later = add(&mut f, "Ana", Some("ana.7@example.com"), None);
    assert_eq!(holders(&f.store, email("ana.7@example.com"), None), [loaded[7], loaded[157], later]);
    assert_in_step(&f);
}

/// A database from before the index gets it filled as it opens, and finds the same
/// duplicates as one made with it.
#[test]
fn an_older_database_gets_its_keys_when_it_opens() {
    let mut f = fixture();
    let ana = add(&mut f, "Ana", Some("ana@example.com"), Some("030 1234567"));
    let bia = add(&mut f, "Bia", Some("ANA@example.com"), None);
    let links = vec![Link { kind: LinkKind::LinkedIn, url: "https://linkedin.com/in/ana-souza".into() }];
    edit(&mut f, bia, FieldValue::Links(Vec::new()), FieldValue::Links(links));
    let before = f.store.find_duplicates(Some("49")).unwrap();
    let path = f.store.path().to_path_buf();
    drop(f.store);
    as_before_migration_0018(&path);
    f.store = Store::open(&path).unwrap();
    assert_eq!(holders(&f.store, email("ana@example.com"), None), [ana, bia]);
    assert_eq!(holders(&f.store, DedupeKey::Phone("+49301234567".into()), Some("49")), [ana]);
    assert_eq!(holders(&f.store, DedupeKey::LinkedIn("ana-souza".into()), None), [bia]);
    assert_eq!(f.store.find_duplicates(Some("49")).unwrap(), before);
    assert_in_step(&f);
}

fn as_before_migration_0018(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!(
        "{}; DROP TABLE dedupe_people; DROP TABLE dedupe_keys; DROP TABLE dedupe_deferred; PRAGMA user_version = 17;",
        common::BEFORE_EXPERIENCE
    ))
    .unwrap();
}
