//! The check-in screen's lookup on a real store: as-you-type search by name, email or phone
//! (folded, one typo forgiven, the event's members first), codes, the kiosk's exact lookup,
//! and an index that follows every way a profile changes.

mod common;

use common::{Fixture, Person, fixture, imported, profile};
use talentdesk_domain::candidate::{FieldValue, ProfileType};
use talentdesk_domain::event::{self, Event, EventCategory};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::search::Selection;
use talentdesk_store::Store;
use talentdesk_store::checkin::{CheckInMatch, CodeLookup};
use talentdesk_store::replica::ServerChange;
use uuid::Uuid;

fn add(f: &mut Fixture, first: &str, last: &str, email: Option<&str>, phone: Option<&str>) -> Uuid {
    let id = new_id();
    let mut profile = profile(&Person { first, last, email, ..Person::default() });
    profile.phone = phone.map(str::to_owned);
    let recruiter = f.recruiter.clone();
    f.store
        .apply(
            &recruiter,
            Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated },
        )
        .unwrap();
    id
}

fn person(f: &mut Fixture, first: &str, last: &str) -> Uuid {
    add(f, first, last, None, None)
}

fn new_event(f: &mut Fixture, name: &str) -> Event {
    let event = Event::new(new_id(), name, EventCategory::CareerFair, chrono::Utc::now(), "Hall A");
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, Mutation::EventCreate { event: event.clone() }).unwrap();
    event
}

fn register(f: &mut Fixture, event: &Event, ids: &[Uuid]) {
    let recruiter = f.recruiter.clone();
    let m = Mutation::EventAdd {
        selection: Selection::Ids { ids: ids.to_vec() },
        event_id: event.id,
        attended: false,
        confirmation: None,
    };
    f.store.apply(&recruiter, m).unwrap();
}

fn check_in(f: &mut Fixture, event: &Event, id: Uuid) {
    let recruiter = f.recruiter.clone();
    let m = Mutation::EventCheckIn { event_id: event.id, candidate_id: id, at: None, kiosk: false };
    f.store.apply(&recruiter, m).unwrap();
}

fn lookup(store: &Store, event: &Event, query: &str) -> Vec<CheckInMatch> {
    store.check_in_lookup(event.id, query, 10).unwrap()
}

fn names(store: &Store, event: &Event, query: &str) -> Vec<String> {
    lookup(store, event, query).into_iter().map(|m| m.full_name).collect()
}

#[test]
fn every_prefix_of_a_name_email_or_phone_finds_the_person() {
    let mut f = fixture();
    let event = new_event(&mut f, "Spring Fair");
    add(&mut f, "Ana", "Souza", Some("ana.souza77@example.com"), Some("+1 (555) 010-0199"));
    person(&mut f, "Bruno", "Lima");
    for typed in ["a", "an", "ana", "ana s", "ana souza", "souza ana", "sou", "ana.souza7", "ANA.SOUZA77@EXAMPLE.COM"] {
        assert_eq!(names(&f.store, &event, typed), ["Ana Souza"], "{typed}");
    }
    for typed in ["555", "555 010", "(555) 010-01", "+1 555 010 0199", "1555"] {
        assert_eq!(names(&f.store, &event, typed), ["Ana Souza"], "{typed}");
    }
    assert!(names(&f.store, &event, "ana alves").is_empty(), "every word must match");
    assert!(names(&f.store, &event, "010").is_empty(), "a phone is found from its start");
}

#[test]
fn accents_case_and_other_scripts_are_folded() {
    let mut f = fixture();
    let event = new_event(&mut f, "Spring Fair");
    person(&mut f, "Nguyễn Anh", "Đặng");
    person(&mut f, "José", "Núñez");
    person(&mut f, "Søren", "Weiß");
    person(&mut f, "Иван", "Петров");
    person(&mut f, "فاطمة", "الزهراء");
    add(&mut f, "小明", "王", Some("wang.xiaoming@example.cn"), None);
    person(&mut f, "Γιώργος", "Παπαδόπουλος");
    assert_eq!(names(&f.store, &event, "nguyen dang"), ["Nguyễn Anh Đặng"]);
    assert_eq!(names(&f.store, &event, "JOSE NUNEZ"), ["José Núñez"]);
    assert_eq!(names(&f.store, &event, "núñ"), ["José Núñez"]);
    assert_eq!(names(&f.store, &event, "soren weiss"), ["Søren Weiß"]);
    assert_eq!(names(&f.store, &event, "ivan pet"), ["Иван Петров"], "Cyrillic in Latin letters");
    assert_eq!(names(&f.store, &event, "иван"), ["Иван Петров"], "and in its own script");
    assert_eq!(names(&f.store, &event, "فاطمه"), ["فاطمة الزهراء"], "ta marbuta typed either way");
    assert_eq!(names(&f.store, &event, "王"), ["小明 王"]);
    assert_eq!(names(&f.store, &event, "wang.x"), ["小明 王"], "an ASCII form the profile holds");
    assert_eq!(names(&f.store, &event, "ΓΙΏΡΓΟΣ"), ["Γιώργος Παπαδόπουλος"]);
}

#[test]
fn one_typo_in_a_name_is_forgiven_after_the_exact_matches() {
    let mut f = fixture();
    let event = new_event(&mut f, "Spring Fair");
    person(&mut f, "John", "Smith");
    person(&mut f, "Mara", "Lind");
    person(&mut f, "Maria", "Costa");
    assert_eq!(names(&f.store, &event, "jhon"), ["John Smith"]);
    assert_eq!(names(&f.store, &event, "john smiht"), ["John Smith"]);
    assert_eq!(names(&f.store, &event, "mara"), ["Mara Lind", "Maria Costa"], "exact first");
    assert!(names(&f.store, &event, "jhon smiht").is_empty(), "one typo, not two");
}

#[test]
fn the_events_members_come_first_those_not_yet_checked_in_before_the_others() {
    let mut f = fixture();
    let event = new_event(&mut f, "Spring Fair");
    for i in 0..15 {
        person(&mut f, "Ana", &format!("Albers{i:02}"));
    }
    let registered = person(&mut f, "Ana", "Zimmer");
    let came = person(&mut f, "Ana", "Zola");
    register(&mut f, &event, &[registered, came]);
    check_in(&mut f, &event, came);
    let found = lookup(&f.store, &event, "ana");
    assert_eq!(found.len(), 10);
    assert_eq!((found[0].candidate_id, found[0].registered, found[0].attended), (registered, true, false));
    assert_eq!((found[1].candidate_id, found[1].attended), (came, true));
    assert_eq!(found[1].checked_in_by.as_deref(), Some(f.recruiter.email.as_str()));
    assert!(found[1].checked_in_at.is_some());
    assert!(found[2..].iter().all(|m| !m.registered && !m.attended && m.full_name.starts_with("Ana Albers")));
    let listed: Vec<Uuid> = lookup(&f.store, &event, "").into_iter().map(|m| m.candidate_id).collect();
    assert_eq!(listed, [registered, came], "an empty search lists the members");
}

#[test]
fn a_code_is_found_here_at_another_event_or_not_at_all() {
    let mut f = fixture();
    let fair = new_event(&mut f, "Spring Fair");
    let meetup = new_event(&mut f, "Rust Meetup");
    let ana = add(&mut f, "Ana", "Souza", None, None);
    let bruno = add(&mut f, "Bruno", "Alves", None, None);
    register(&mut f, &fair, &[ana]);
    register(&mut f, &meetup, &[bruno]);
    let code = event::check_in_code(&fair, ana);
    match f.store.check_in_code_lookup(fair.id, &code).unwrap() {
        CodeLookup::Here(m) => assert_eq!((m.candidate_id, m.registered), (ana, true)),
        other => panic!("{other:?}"),
    }
    let sloppy = format!("td:{}", code.to_lowercase().replace('-', " "));
    assert!(matches!(f.store.check_in_code_lookup(fair.id, &sloppy).unwrap(), CodeLookup::Here(_)));
    assert_eq!(
        f.store.check_in_code_lookup(fair.id, &event::check_in_code(&meetup, bruno)).unwrap(),
        CodeLookup::OtherEvent { event_name: "Rust Meetup".into() }
    );
    assert_eq!(
        f.store.check_in_code_lookup(fair.id, &event::check_in_code(&fair, bruno)).unwrap(),
        CodeLookup::Unknown
    );
    assert_eq!(f.store.check_in_code_lookup(fair.id, "Ana Souza").unwrap(), CodeLookup::Unknown);
}

#[test]
fn the_kiosk_finds_only_an_exact_email_or_a_code_of_this_event() {
    let mut f = fixture();
    let fair = new_event(&mut f, "Spring Fair");
    let meetup = new_event(&mut f, "Rust Meetup");
    let ana = add(&mut f, "Ana", "Souza", Some("ana.souza@example.com"), None);
    let bruno = add(&mut f, "Bruno", "Alves", Some("bruno@example.com"), None);
    register(&mut f, &fair, &[ana]);
    register(&mut f, &meetup, &[bruno]);
    let found = f.store.kiosk_lookup(fair.id, " Ana.Souza@Example.COM ").unwrap().expect("exact email, any case");
    assert_eq!((found.candidate_id, found.first_name.as_str(), found.attended), (ana, "Ana", false));
    let by_code = f.store.kiosk_lookup(fair.id, &event::check_in_code(&fair, ana)).unwrap();
    assert_eq!(by_code.map(|p| p.candidate_id), Some(ana));
    // A returning candidate who did not register is found by their own email too.
    assert_eq!(f.store.kiosk_lookup(fair.id, "bruno@example.com").unwrap().map(|p| p.candidate_id), Some(bruno));
    for other in ["ana.souza@example.co", "ana.souza", "ana", "Ana Souza", "bruno@", "@example.com"] {
        assert_eq!(f.store.kiosk_lookup(fair.id, other).unwrap(), None, "{other}");
    }
    assert_eq!(f.store.kiosk_lookup(fair.id, &event::check_in_code(&meetup, bruno)).unwrap(), None);
    check_in(&mut f, &fair, ana);
    assert!(f.store.kiosk_lookup(fair.id, "ana.souza@example.com").unwrap().unwrap().attended);
}

#[test]
fn the_index_follows_a_profile_edit() {
    let mut f = fixture();
    let event = new_event(&mut f, "Spring Fair");
    let id = add(&mut f, "Ana", "Souza", Some("ana@example.com"), None);
    let edit = |from: FieldValue, to: FieldValue| Mutation::CandidateUpdate {
        candidate_id: id,
        changes: vec![FieldChange { from, to }],
    };
    f.admin_applies(edit(FieldValue::LastName("Souza".into()), FieldValue::LastName("Ferreira".into())));
    f.admin_applies(edit(FieldValue::Phone(None), FieldValue::Phone(Some("+351 912 345 678".into()))));
    f.admin_applies(edit(FieldValue::Email(Some("ana@example.com".into())), FieldValue::Email(None)));
    assert!(names(&f.store, &event, "souza").is_empty());
    assert!(names(&f.store, &event, "ana@").is_empty());
    assert_eq!(names(&f.store, &event, "ana ferr"), ["Ana Ferreira"]);
    assert_eq!(names(&f.store, &event, "912 345"), ["Ana Ferreira"]);
    assert_eq!(f.store.kiosk_lookup(event.id, "ana@example.com").unwrap(), None);
}

#[test]
fn deleted_candidates_are_not_found_and_deactivated_ones_only_on_the_events_list() {
    let mut f = fixture();
    let event = new_event(&mut f, "Spring Fair");
    let other = new_event(&mut f, "Rust Meetup");
    let gone = add(&mut f, "Wendel", "Quorrelsby", Some("wq@example.org"), None);
    let inactive = person(&mut f, "Wendy", "Quill");
    register(&mut f, &event, &[inactive]);
    f.admin_applies(Mutation::CandidateDelete { selection: Selection::Ids { ids: vec![gone] } });
    f.admin_applies(Mutation::SetActive { candidate_id: inactive, active: false });
    assert_eq!(names(&f.store, &event, "wen"), ["Wendy Quill"], "registered, so found at the door");
    assert!(names(&f.store, &other, "wen").is_empty(), "elsewhere no longer searchable");
    assert!(names(&f.store, &event, "quorrel").is_empty());
    assert_eq!(f.store.kiosk_lookup(event.id, "wq@example.org").unwrap(), None);
}

/// What a pull from the server writes (a candidate arriving, renamed, erased) reaches the
/// index as a local edit does.
#[test]
fn the_index_follows_a_pull() {
    let mut server = fixture();
    let id = add(&mut server, "Ana", "Souza", Some("ana@example.com"), None);
    let (_, _, json) = server.store.export_records_of(&[RecordKind::Candidate]).unwrap().remove(0);
    let mut desktop = fixture();
    let event = new_event(&mut desktop, "Spring Fair");
    let key = id.to_string();
    let pull = |store: &mut Store, data: Option<&str>, cursor: &str| {
        store.apply_pull(&[ServerChange { kind: RecordKind::Candidate, id: &key, data }], cursor, 0, true).unwrap();
    };
    pull(&mut desktop.store, Some(&json), "1");
    assert_eq!(names(&desktop.store, &event, "ana sou"), ["Ana Souza"]);
    let renamed = json.replace("\"Souza\"", "\"Ferreira\"");
    pull(&mut desktop.store, Some(&renamed), "2");
    assert!(names(&desktop.store, &event, "souza").is_empty());
    assert_eq!(names(&desktop.store, &event, "ana fer"), ["Ana Ferreira"]);
    pull(&mut desktop.store, None, "3");
    assert!(names(&desktop.store, &event, "ana").is_empty());
}

/// A bulk load (demo data, an import, the first sync) fills the index; and a rare pair of
/// common words is found however many candidates have each word: here the one Wei Müller
/// behind 3,000 other Müllers and 3,000 other Weis.
#[test]
fn a_bulk_load_is_indexed_and_a_rare_pair_of_common_names_is_found() {
    let mut f = fixture();
    let event = new_event(&mut f, "Spring Fair");
    let mut load = f.store.bulk_load().unwrap();
    for i in 0..3_000 {
        load.candidate(&imported(&format!("Anna{i}"), "Müller")).unwrap();
        load.candidate(&imported("Wei", &format!("Zhang{i}"))).unwrap();
    }
    load.candidate(&imported("Wei", "Müller")).unwrap();
    load.finish(|_| {}).unwrap();
    assert_eq!(names(&f.store, &event, "wei mül"), ["Wei Müller"]);
    assert_eq!(names(&f.store, &event, "mueller wei"), ["Wei Müller"], "a typo in the rarer word");
    assert_eq!(lookup(&f.store, &event, "müller").len(), 10);
}

/// A database from before the index gets it filled as it opens.
#[test]
fn an_older_database_gets_its_index_when_it_opens() {
    let mut f = fixture();
    add(&mut f, "Ana", "Souza", Some("ana@example.com"), None);
    let event = new_event(&mut f, "Spring Fair");
    let path = f.store.path().to_path_buf();
    drop(f.store);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "{}; DROP TRIGGER merged_into_on_merge; DROP TRIGGER merged_into_on_return; DROP TABLE merged_into;
             DROP TABLE checkin_people; DROP TABLE checkin_keys; DROP TABLE checkin_deferred;
             DROP TABLE dedupe_people; DROP TABLE dedupe_keys; DROP TABLE dedupe_deferred;
             ALTER TABLE history DROP COLUMN detail; DROP TABLE history_shared_cands; DROP TABLE history_shared; DROP TABLE search_prefixes;
             DROP INDEX pipeline_members_board; ALTER TABLE pipelines DROP COLUMN archived; DROP TABLE sync_early;
             PRAGMA user_version = 9;",
            common::BEFORE_EXPERIENCE
        ))
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(names(&store, &event, "souza"), ["Ana Souza"]);
}

#[test]
fn the_last_check_ins_come_newest_first_and_one_person_is_read_as_the_screen_shows_them() {
    let mut f = fixture();
    let event = new_event(&mut f, "Spring Fair");
    let [early, late, middle, only_registered] = ["Ana", "Bruno", "Carla", "Dora"].map(|n| person(&mut f, n, "Lima"));
    register(&mut f, &event, &[only_registered]);
    let now = chrono::Utc::now();
    let recruiter = f.recruiter.clone();
    for (id, minutes_ago) in [(early, 30), (late, 10), (middle, 20)] {
        let at = Some(now - chrono::Duration::minutes(minutes_ago));
        let m = Mutation::EventCheckIn { event_id: event.id, candidate_id: id, at, kiosk: false };
        f.store.apply(&recruiter, m).unwrap();
    }
    let last: Vec<Uuid> = f.store.last_check_ins(event.id, 2).unwrap().into_iter().map(|r| r.candidate.id).collect();
    assert_eq!(last, [late, middle]);
    assert_eq!(
        f.store.last_check_ins(event.id, 10).unwrap().len(),
        3,
        "the registered who did not come are not listed"
    );

    let stranger = person(&mut f, "Eva", "Lima");
    let before = f.store.check_in_person(event.id, stranger).unwrap();
    assert_eq!((before.full_name.as_str(), before.registered, before.attended), ("Eva Lima", false, false));
    let came = f.store.check_in_person(event.id, late).unwrap();
    assert!(came.attended);
    assert_eq!(came.checked_in_by.as_deref(), Some(recruiter.email.as_str()));
}
