//! Search as a recruiter uses it: keywords, Boolean logic, filters, sorting and pages.

mod common;

use std::collections::HashSet;

use common::{Person, fixture};
use talentdesk_domain::activity::{ActivityStatus, Engagement};
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::event::{Event, EventCategory, Participation};
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::{
    DateRange, EventFilter, JobFilter, PipelineFilter, SearchFilters, SearchRequest, Selection, SortOrder,
};
use talentdesk_store::search::{PageRequest, SearchTickets, Searched};
use talentdesk_store::{Store, StoreError};
use uuid::Uuid;

struct World {
    f: common::Fixture,
    ana: Uuid,
    jose: Uuid,
    mei: Uuid,
    omar: Uuid,
}

fn world() -> World {
    let mut f = fixture();
    let ana = f.create(Person {
        first: "Ana",
        last: "Souza",
        email: Some("ana.souza@example.com"),
        title: "Senior Data Engineer",
        employer: "Northwind",
        city: "Lisbon",
        country: "PT",
        skills: &["Python", "Apache Spark", "SQL"],
    });
    let jose = f.create(Person {
        first: "José",
        last: "Núñez",
        email: Some("jose@example.es"),
        title: "Backend Engineer",
        employer: "Contoso",
        city: "Madrid",
        country: "ES",
        skills: &["Java", "Kotlin", "PostgreSQL"],
    });
    let mei = f.create(Person {
        first: "Mei",
        last: "Chen",
        title: "Machine Learning Engineer",
        employer: "Fabrikam",
        city: "Berlin",
        country: "DE",
        skills: &["Python", "PyTorch", "C++"],
        ..Default::default()
    });
    let omar = f.create(Person {
        first: "Omar",
        last: "Haddad",
        title: "Product Designer",
        employer: "Northwind",
        city: "New York",
        country: "US",
        skills: &["Figma", "User Research"],
        ..Default::default()
    });
    World { f, ana, jose, mei, omar }
}

fn ids(store: &Store, request: &SearchRequest) -> Vec<Uuid> {
    store.search(request, &PageRequest { limit: 100, after: None }).unwrap().rows.iter().map(|r| r.id).collect()
}

fn set(v: &[Uuid]) -> HashSet<Uuid> {
    v.iter().copied().collect()
}

fn q(query: &str) -> SearchRequest {
    SearchRequest { query: query.into(), ..Default::default() }
}

fn with(filters: SearchFilters) -> SearchRequest {
    SearchRequest { filters, ..Default::default() }
}

#[test]
fn keywords_prefixes_phrases_and_boolean_logic() {
    let mut w = world();
    let cases: Vec<(&str, Vec<Uuid>)> = vec![
        ("python", vec![w.ana, w.mei]),
        ("pyth", vec![w.ana, w.mei]),
        ("engineer", vec![w.ana, w.jose, w.mei]),
        ("\"data engineer\"", vec![w.ana]),
        ("\"engineer data\"", vec![]),
        ("python AND berlin", vec![w.mei]),
        ("python berlin", vec![w.mei]),
        ("kotlin OR figma", vec![w.jose, w.omar]),
        ("engineer NOT python", vec![w.jose]),
        ("engineer -python", vec![w.jose]),
        ("(java OR pytorch) AND engineer", vec![w.jose, w.mei]),
        ("NOT engineer", vec![w.omar]),
        ("nunez", vec![w.jose]),
        ("Núñez", vec![w.jose]),
        ("c++", vec![w.mei]),
        ("northwind", vec![w.ana, w.omar]),
        ("ana.souza@example.com", vec![w.ana]),
        ("\"new york\"", vec![w.omar]),
        ("zzzz", vec![]),
    ];
    // Twice: with every term answered by FTS5, then with terms in two or more candidates
    // answered by their bitmaps (the route frequent terms take at scale).
    for frequent_from in [u64::MAX, 2] {
        w.f.store.rebuild_term_index(frequent_from, usize::MAX).unwrap();
        for (query, expected) in &cases {
            let found = set(&ids(&w.f.store, &q(query)));
            assert_eq!(found, set(expected), "query {query:?}, bitmaps for terms in {frequent_from}+ candidates");
        }
    }
}

/// The results of each query: by the term bitmaps kept up to date through edits, and from
/// scratch (every term answered by FTS5).
fn term_index_agrees_with_fts(store: &mut Store, queries: &[&str]) {
    let kept: Vec<Vec<Uuid>> = queries.iter().map(|query| ids(store, &q(query))).collect();
    store.rebuild_term_index(u64::MAX, usize::MAX).unwrap();
    for (query, kept) in queries.iter().zip(kept) {
        assert_eq!(set(&kept), set(&ids(store, &q(query))), "query {query:?}");
    }
}

#[test]
fn term_bitmaps_follow_edits_erasures_and_reopening() {
    let mut w = world();
    let queries = ["engineer", "eng", "\"engineer\"", "python", "nurse", "nur", "northwind", "engineer -python"];
    let retitle = |id: Uuid, from: &str, to: &str| Mutation::CandidateUpdate {
        candidate_id: id,
        changes: vec![FieldChange {
            from: FieldValue::CurrentTitle(from.into()),
            to: FieldValue::CurrentTitle(to.into()),
        }],
    };
    w.f.store.rebuild_term_index(2, usize::MAX).unwrap();
    assert_eq!(set(&ids(&w.f.store, &q("engineer"))), set(&[w.ana, w.jose, w.mei]));

    // While searching: an engineer becomes a nurse, a designer an engineer, one is erased.
    w.f.admin_applies(retitle(w.jose, "Backend Engineer", "Night Nurse"));
    w.f.admin_applies(retitle(w.omar, "Product Designer", "Platform Engineer"));
    w.f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([w.mei]) });
    let nurse = w.f.create(Person { first: "Ines", last: "Ferreira", title: "Nurse Engineer", ..Default::default() });
    assert_eq!(set(&ids(&w.f.store, &q("engineer"))), set(&[w.ana, w.omar, nurse]));
    term_index_agrees_with_fts(&mut w.f.store, &queries);

    // Edits made since the bitmaps were written are caught up when the store is reopened.
    w.f.store.rebuild_term_index(2, usize::MAX).unwrap();
    w.f.admin_applies(retitle(w.ana, "Senior Data Engineer", "Head Nurse"));
    let path = w.f.store.path().to_path_buf();
    let mut reopened = Store::open(&path).unwrap();
    assert_eq!(set(&ids(&reopened, &q("nurse"))), set(&[w.ana, w.jose, nurse]));
    term_index_agrees_with_fts(&mut reopened, &queries);
}

#[test]
fn a_keyword_that_names_a_tag_finds_the_tagged_too() {
    let mut w = world();
    w.f.define_tag("Military Veteran");
    w.f.admin_applies(Mutation::TagsAdd { selection: Selection::ids([w.omar]), tags: vec!["Military Veteran".into()] });
    let s = &w.f.store;
    assert_eq!(set(&ids(s, &q("veteran"))), set(&[w.omar]));
    assert_eq!(set(&ids(s, &q("veteran OR kotlin"))), set(&[w.omar, w.jose]));
    assert_eq!(set(&ids(s, &q("northwind -veteran"))), set(&[w.ana]));
    assert_eq!(set(&ids(s, &q("\"military veteran\" designer"))), set(&[w.omar]));
}

#[test]
fn every_filter_narrows_the_results() {
    let mut w = world();
    let admin = w.f.admin.clone();
    let recruiter = w.f.recruiter.clone();
    // Tags, pipeline, event, job, engagements, eligibility, activity.
    w.f.define_tag("Referral");
    w.f.admin_applies(Mutation::TagsAdd { selection: Selection::ids([w.ana, w.mei]), tags: vec!["Referral".into()] });
    let pipeline = new_id();
    w.f.admin_applies(Mutation::PipelineCreate {
        pipeline_id: pipeline,
        name: "Data".into(),
        statuses: vec!["Sourced".into(), "Screening".into()],
        private: false,
    });
    w.f.admin_applies(Mutation::PipelineAdd {
        selection: Selection::ids([w.ana, w.jose]),
        pipeline_id: pipeline,
        status: None,
    });
    w.f.admin_applies(Mutation::PipelineSetStatus {
        candidate_id: w.jose,
        pipeline_id: pipeline,
        status: "Screening".into(),
    });
    let event = Event::new(new_id(), "Lisbon Fair", EventCategory::CareerFair, chrono::Utc::now(), "Lisbon");
    w.f.admin_applies(Mutation::EventCreate { event: event.clone() });
    w.f.admin_applies(Mutation::EventAdd {
        selection: Selection::ids([w.mei]),
        event_id: event.id,
        attended: false,
        confirmation: None,
    });
    w.f.admin_applies(Mutation::EventCheckIn { event_id: event.id, candidate_id: w.omar, at: None, kiosk: false });
    let job = Job {
        id: new_id(),
        title: "ML".into(),
        location: String::new(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    w.f.admin_applies(Mutation::JobCreate { job: job.clone() });
    w.f.admin_applies(Mutation::JobSubmit { selection: Selection::ids([w.mei, w.omar]), job_id: job.id });
    w.f.admin_applies(Mutation::ApplicationSetStatus {
        job_id: job.id,
        candidate_id: w.mei,
        bin: "Interviewing".into(),
        hiring_status: "Interview".into(),
    });
    w.f.admin_applies(Mutation::EmailSend {
        send_id: new_id(),
        selection: Selection::ids([w.jose]),
        subject: "Hi".into(),
        body: "Hello".into(),
    });
    w.f.admin_applies(Mutation::SetEligible { candidate_id: w.omar, eligible: false });
    let other = w.f.store.users().unwrap().into_iter().find(|u| u.id == admin.id).unwrap();
    let s = &w.f.store;
    let none = SearchFilters::default;
    let cases: Vec<(&str, SearchFilters, Vec<Uuid>)> = vec![
        ("tag", SearchFilters { tags: vec!["referral".into()], ..none() }, vec![w.ana, w.mei]),
        ("location", SearchFilters { location: Some("lisb".into()), ..none() }, vec![w.ana]),
        ("location by country", SearchFilters { location: Some("ES".into()), ..none() }, vec![w.jose]),
        ("activity", SearchFilters { activity: vec![ActivityStatus::Contacted], ..none() }, vec![w.jose]),
        (
            "engagements any-of",
            SearchFilters { engagements_any: vec![Engagement::SentDirectEmail, Engagement::Hired], ..none() },
            vec![w.jose],
        ),
        (
            "engagements none-of",
            SearchFilters { engagements_none: vec![Engagement::SentDirectEmail], ..none() },
            vec![w.ana, w.mei, w.omar],
        ),
        (
            "pipeline",
            SearchFilters { pipeline: Some(PipelineFilter { pipeline_id: pipeline, status: None }), ..none() },
            vec![w.ana, w.jose],
        ),
        (
            "pipeline status",
            SearchFilters {
                pipeline: Some(PipelineFilter { pipeline_id: pipeline, status: Some("screening".into()) }),
                ..none()
            },
            vec![w.jose],
        ),
        (
            "event attended",
            SearchFilters {
                event: Some(EventFilter { event_id: event.id, participation: Participation::Attended }),
                ..none()
            },
            vec![w.omar],
        ),
        (
            "event any",
            SearchFilters {
                event: Some(EventFilter { event_id: event.id, participation: Participation::Any }),
                ..none()
            },
            vec![w.mei, w.omar],
        ),
        (
            "job",
            SearchFilters { job: Some(JobFilter { job_id: job.id, hiring_status: None }), ..none() },
            vec![w.mei, w.omar],
        ),
        (
            "job hiring status",
            SearchFilters {
                job: Some(JobFilter { job_id: job.id, hiring_status: Some("Interview".into()) }),
                ..none()
            },
            vec![w.mei],
        ),
        (
            "profile type",
            SearchFilters { profile_types: vec![talentdesk_domain::candidate::ProfileType::Applicant], ..none() },
            vec![],
        ),
        ("recruiter", SearchFilters { recruiter: Some(recruiter.id), ..none() }, vec![w.ana, w.jose, w.mei, w.omar]),
        ("recruiter (none owned)", SearchFilters { recruiter: Some(other.id), ..none() }, vec![]),
        (
            "created today",
            SearchFilters { created: DateRange { from: Some(chrono::Utc::now().date_naive()), to: None }, ..none() },
            vec![w.ana, w.jose, w.mei, w.omar],
        ),
        (
            "updated before 2020",
            SearchFilters { updated: DateRange { from: None, to: "2019-12-31".parse().ok() }, ..none() },
            vec![],
        ),
        ("ineligible", SearchFilters { eligible: Some(false), ..none() }, vec![w.omar]),
        (
            "combined: tag + keywordless location",
            SearchFilters { tags: vec!["Referral".into()], location: Some("Berlin".into()), ..none() },
            vec![w.mei],
        ),
    ];
    for (name, filters, expected) in cases {
        let got = ids(s, &with(filters));
        assert_eq!(set(&got), set(&expected), "{name}");
        let total = s.search(&with(SearchFilters::default()), &PageRequest::default()).unwrap().total;
        assert!(total >= got.len() as u64);
    }
    // A filter and keywords together.
    let request = SearchRequest {
        query: "python".into(),
        filters: SearchFilters { tags: vec!["Referral".into()], location: Some("berlin".into()), ..none() },
        ..Default::default()
    };
    assert_eq!(ids(s, &request), vec![w.mei]);
}

#[test]
fn sorting_by_name_updated_and_relevance() {
    let w = world();
    let s = &w.f.store;
    let by = |sort| ids(s, &SearchRequest { sort, ..Default::default() });
    // Family names: Chen, Haddad, Núñez, Souza (accents fold: Núñez sorts as nunez).
    assert_eq!(by(SortOrder::NameAsc), vec![w.mei, w.omar, w.jose, w.ana]);
    assert_eq!(by(SortOrder::NameDesc), vec![w.ana, w.jose, w.omar, w.mei]);
    assert_eq!(by(SortOrder::UpdatedDesc), vec![w.omar, w.mei, w.jose, w.ana]);
    assert_eq!(by(SortOrder::UpdatedAsc), vec![w.ana, w.jose, w.mei, w.omar]);
    // A match in the name outranks a match in the employer.
    let mut f = fixture();
    let by_employer = f.create(Person { first: "Ann", last: "Lee", employer: "Souza Ventures", ..Default::default() });
    let by_name = f.create(Person { first: "Rita", last: "Souza", ..Default::default() });
    assert_eq!(ids(&f.store, &q("souza")), vec![by_name, by_employer]);
}

#[test]
fn keyset_pages_visit_every_result_exactly_once() {
    let mut f = fixture();
    for i in 0..57 {
        let last = format!("Zed{:02}", (i * 37) % 57);
        f.create(Person { first: "Kim", last: &last, title: "Engineer", ..Default::default() });
    }
    for sort in SortOrder::ALL {
        for query in ["", "engineer"] {
            let request = SearchRequest { query: query.into(), sort, ..Default::default() };
            let mut seen = Vec::new();
            let mut page = PageRequest { limit: 10, after: None };
            loop {
                let result = f.store.search(&request, &page).unwrap();
                assert_eq!(result.total, 57);
                seen.extend(result.rows.iter().map(|r| r.id));
                match result.next {
                    Some(next) => page.after = Some(next),
                    None => break,
                }
            }
            assert_eq!(seen.len(), 57, "{sort:?} {query:?}");
            assert_eq!(set(&seen).len(), 57, "{sort:?} {query:?}: a row came twice");
        }
    }
}

#[test]
fn bad_queries_and_unknown_filter_values_get_clear_errors() {
    let w = world();
    let s = &w.f.store;
    let err = |r: SearchRequest| -> String {
        match s.search(&r, &PageRequest::default()) {
            Err(StoreError::Domain(d)) => d.to_string(),
            other => panic!("expected a clear error, got {other:?}"),
        }
    };
    assert_eq!(err(q("(java OR")), "OR needs a term after it (at character 6)");
    assert!(err(q("\"data engineer")).contains("never closed"));
    let none = SearchFilters::default;
    assert_eq!(err(with(SearchFilters { tags: vec!["Nope".into()], ..none() })), "tags: tag \"Nope\" does not exist");
    let unknown = Uuid::from_u128(42);
    assert!(
        err(with(SearchFilters { pipeline: Some(PipelineFilter { pipeline_id: unknown, status: None }), ..none() }))
            .contains("does not exist")
    );
    assert!(
        err(with(SearchFilters {
            event: Some(EventFilter { event_id: unknown, participation: Participation::Any }),
            ..none()
        }))
        .contains("does not exist")
    );
    assert!(
        err(with(SearchFilters { job: Some(JobFilter { job_id: unknown, hiring_status: None }), ..none() }))
            .contains("does not exist")
    );
    assert!(
        err(with(SearchFilters {
            created: DateRange { from: "2025-02-01".parse().ok(), to: "2025-01-01".parse().ok() },
            ..none()
        }))
        .contains("starts (2025-02-01) after it ends")
    );
    assert!(err(with(SearchFilters { location: Some("--".into()), ..none() })).contains("no letters or digits"));
    let bad_cursor = s.search(&q(""), &PageRequest { limit: 10, after: Some("garbage".into()) }).unwrap_err();
    assert!(bad_cursor.to_string().contains("is not a page cursor"));
}

#[test]
fn results_follow_writes_made_after_a_search() {
    let mut w = world();
    let s = |w: &World, r: &SearchRequest| ids(&w.f.store, r);
    let by_name = SearchRequest { sort: SortOrder::NameAsc, ..Default::default() };
    assert_eq!(s(&w, &by_name), vec![w.mei, w.omar, w.jose, w.ana]);
    // A new candidate appears, in name order, and in keyword results.
    let bea = w.f.create(Person { first: "Bea", last: "Abreu", skills: &["Rust"], ..Default::default() });
    assert_eq!(s(&w, &by_name), vec![bea, w.mei, w.omar, w.jose, w.ana]);
    assert_eq!(s(&w, &q("rust")), vec![bea]);
    // A renamed candidate moves; the most recently updated comes first.
    w.f.admin_applies(Mutation::CandidateUpdate {
        candidate_id: w.ana,
        changes: vec![talentdesk_domain::history::FieldChange {
            from: talentdesk_domain::candidate::FieldValue::LastName("Souza".into()),
            to: talentdesk_domain::candidate::FieldValue::LastName("Aalto".into()),
        }],
    });
    assert_eq!(s(&w, &by_name), vec![w.ana, bea, w.mei, w.omar, w.jose]);
    assert_eq!(s(&w, &SearchRequest { sort: SortOrder::UpdatedDesc, ..Default::default() })[0], w.ana);
    assert_eq!(s(&w, &q("aalto")), vec![w.ana]);
    let old_name = SearchRequest { query: "souza".into(), sort: SortOrder::NameAsc, ..Default::default() };
    assert_eq!(s(&w, &old_name), vec![w.ana], "only her email still says souza");
    let page = w.f.store.search(&q("souza"), &PageRequest::default()).unwrap();
    assert_eq!(page.rows[0].name, "Ana Aalto");
    // Activity changes reach the filters; deactivated and deleted candidates leave.
    w.f.admin_applies(Mutation::EmailSend {
        send_id: new_id(),
        selection: Selection::ids([w.ana]),
        subject: "Hi".into(),
        body: "Hello".into(),
    });
    let contacted = with(SearchFilters { activity: vec![ActivityStatus::Contacted], ..Default::default() });
    assert_eq!(s(&w, &contacted), vec![w.ana]);
    w.f.admin_applies(Mutation::SetActive { candidate_id: w.mei, active: false });
    w.f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([w.omar]) });
    assert_eq!(s(&w, &by_name), vec![w.ana, bea, w.jose]);
    let inactive = with(SearchFilters { active: Some(false), ..Default::default() });
    assert_eq!(s(&w, &inactive), vec![w.mei]);
    // The count of candidates follows too.
    assert_eq!(w.f.store.candidate_count().unwrap(), 4, "five created, one deleted; the deactivated still count");
}

#[test]
fn a_certification_is_found_by_its_words_until_it_is_removed() {
    let mut w = world();
    let jose = w.jose;
    let s = |w: &World, query: &str| ids(&w.f.store, &q(query));
    let change = |from: Vec<String>, to: &[&str]| Mutation::CandidateUpdate {
        candidate_id: jose,
        changes: vec![FieldChange {
            from: FieldValue::Certifications(from),
            to: FieldValue::Certifications(to.iter().map(|c| (*c).to_owned()).collect()),
        }],
    };
    let added = change(vec![], &["AWS Certified Solutions Architect, 2023", "PMP"]);
    w.f.admin_applies(added);
    assert_eq!(s(&w, "\"solutions architect\""), vec![w.jose]);
    assert_eq!(s(&w, "pmp"), vec![w.jose]);
    assert_eq!(s(&w, "java AND pmp"), vec![w.jose], "with his skills, as one of them");
    let kept = w.f.store.profile(&w.f.admin, w.jose).unwrap().candidate.profile.certifications;
    assert_eq!(kept, ["AWS Certified Solutions Architect, 2023", "PMP"]);
    w.f.admin_applies(change(kept, &["PMP"]));
    assert!(s(&w, "architect").is_empty(), "a removed certification is no longer found");
    assert_eq!(s(&w, "pmp"), vec![w.jose]);
}

#[test]
fn a_store_from_before_the_term_index_gets_one_when_opened() {
    let w = world();
    let path = w.f.store.path().to_path_buf();
    drop(w.f.store);
    {
        // What schema version 1 looked like: no term index, the candidates' sort indexes.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE search_terms; DROP TABLE search_terms_log; DROP TABLE sync_base; DROP TABLE sync_notices;
             DROP TABLE blob_orphans; DROP TABLE search_facts; DROP TABLE search_facts_log;
             DROP TRIGGER search_facts_after_insert; DROP TRIGGER search_facts_after_update;
             DROP TRIGGER search_facts_after_delete;
             ALTER TABLE candidates DROP COLUMN experience_months; ALTER TABLE candidates DROP COLUMN experience_since;
             CREATE INDEX candidates_updated ON candidates (updated_at);
             CREATE INDEX candidates_name ON candidates (name_key);
             CREATE INDEX candidates_activity ON candidates (activity, updated_at);
             CREATE INDEX candidates_created ON candidates (created_at);
             CREATE INDEX candidates_owner ON candidates (owner_id);
             ALTER TABLE outbox DROP COLUMN digest;
             DROP INDEX event_members_code;
             ALTER TABLE event_members DROP COLUMN registered_at; ALTER TABLE event_members DROP COLUMN registered_via;
             ALTER TABLE event_members DROP COLUMN checked_in_at; ALTER TABLE event_members DROP COLUMN checked_in_by;
             ALTER TABLE event_members DROP COLUMN walk_in; ALTER TABLE event_members DROP COLUMN follow_up;
             ALTER TABLE event_members DROP COLUMN interests; ALTER TABLE event_members DROP COLUMN ratings;
             ALTER TABLE event_members DROP COLUMN code; ALTER TABLE event_members ADD COLUMN rating INTEGER;
             ALTER TABLE events DROP COLUMN capacity; ALTER TABLE events DROP COLUMN description;
             ALTER TABLE events DROP COLUMN archived; ALTER TABLE events DROP COLUMN code_key;
             DROP TRIGGER merged_into_on_merge; DROP TRIGGER merged_into_on_return; DROP TABLE merged_into;
             ALTER TABLE history DROP COLUMN summary; ALTER TABLE history DROP COLUMN detail; DROP TABLE history_shared_cands; DROP TABLE history_shared;
             ALTER TABLE messages DROP COLUMN check_in_code;
             DROP TABLE checkin_people; DROP TABLE checkin_deferred; DROP TABLE checkin_keys;
             DROP TABLE dedupe_people; DROP TABLE dedupe_keys; DROP TABLE dedupe_deferred;
             DROP TABLE search_prefixes;
             DROP INDEX pipeline_members_board; ALTER TABLE pipelines DROP COLUMN archived; DROP TABLE sync_early;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(set(&ids(&store, &q("eng"))), set(&[w.ana, w.jose, w.mei]));
    assert_eq!(set(&ids(&store, &q("north"))), set(&[w.ana, w.omar]));
}

#[test]
fn a_search_says_how_many_inactive_candidates_it_leaves_out() {
    let mut w = world();
    w.f.admin_applies(Mutation::SetActive { candidate_id: w.mei, active: false });
    let store = &w.f.store;
    let hidden = |request: &SearchRequest| {
        let page = store.search(request, &PageRequest::default()).unwrap();
        (page.total, page.inactive_hidden)
    };
    // Mei is inactive: left out of everything she would match, and counted as left out.
    assert_eq!(hidden(&SearchRequest::default()), (3, 1));
    assert_eq!(hidden(&q("python")), (1, 1), "Ana shown, Mei hidden");
    assert_eq!(hidden(&q("java")), (1, 0), "Mei does not know Java");
    let eligible = with(SearchFilters { eligible: Some(true), ..Default::default() });
    assert_eq!(hidden(&SearchRequest { query: "python".into(), ..eligible }), (1, 1));
    let hired = with(SearchFilters { activity: vec![ActivityStatus::Hired], ..Default::default() });
    assert_eq!(hidden(&hired), (0, 0), "the other filters still apply to the inactive");
    // Asking for the inactive hides none.
    assert_eq!(hidden(&with(SearchFilters { active: Some(false), ..Default::default() })), (1, 0));
}

/// First and last names of the people the prefix tests make, with letters FTS5 folds (í, ä) and
/// one it keeps (Ł).
const FIRST: [&str; 12] =
    ["Ana", "Bruno", "Carla", "Chen", "Dmitri", "Elena", "Fatima", "Gustavo", "Hana", "Igor", "Łucja", "Marta"];
const LAST: [&str; 11] = [
    "Almeida",
    "Brandt",
    "Costa",
    "Chowdhury",
    "Duarte",
    "Eriksen",
    "Fischer",
    "García",
    "Horvat",
    "Ivanova",
    "Mäkelä",
];

/// What a recruiter types first: a letter or two. At scale such prefixes answer from sets of
/// their own (search/prefixes.rs); here every prefix gets one (`broad_prefix` 0) and must page
/// exactly as FTS5 answers it, every match once, with the total a brute-force count gives,
/// also after edits, an erasure and reopening the store.
#[test]
fn one_and_two_letter_prefixes_page_through_every_match_once() {
    const TITLE: [&str; 7] = ["Data Engineer", "Nurse", "Sales Manager", "Carpenter", "Teacher", "Chef", "Driver"];
    const SKILLS: [&[&str]; 4] = [&["Python", "SQL"], &["Triage"], &["Negotiation", "CRM"], &[]];
    let mut f = fixture();
    // (id, the words search should find them by), as a tokenizer folds them.
    let mut people: Vec<(Uuid, Vec<String>)> = Vec::new();
    for i in 0..90 {
        let (first, last, title, skills) = (FIRST[i % 12], LAST[(i * 5) % 11], TITLE[i % 7], SKILLS[i % 4]);
        let email = format!("{}.{}{i}@mail.example", first.to_lowercase(), last.to_lowercase());
        let id =
            f.create(Person { first, last, email: Some(&email), title, employer: "Acme", skills, ..Person::default() });
        people
            .push((id, words(&[first, last, &email, title, "Acme"].iter().chain(skills).copied().collect::<Vec<_>>())));
    }

    let prefixes = |people: &[(Uuid, Vec<String>)]| {
        let mut all: Vec<String> = people
            .iter()
            .flat_map(|(_, words)| {
                words.iter().flat_map(|w| [w.chars().take(1).collect(), w.chars().take(2).collect()])
            })
            .collect();
        all.sort();
        all.dedup();
        all
    };
    // Without prefix sets or bitmaps, every keyword goes to FTS5 term by term.
    let by_route: Vec<(String, Vec<Uuid>)> = {
        f.store.rebuild_term_index(u64::MAX, usize::MAX).unwrap();
        prefixes(&people).into_iter().map(|p| (p.clone(), every_page(&f.store, &p))).collect()
    };
    f.store.rebuild_term_index(2, 0).unwrap();
    let kept: Vec<(String, i64)> = rusqlite::Connection::open(f.store.path())
        .unwrap()
        .prepare("SELECT idx, count(*) FROM search_prefixes GROUP BY idx ORDER BY idx")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(kept.len() == 2 && kept.iter().all(|(_, n)| *n > 20), "both indexes keep prefix sets: {kept:?}");
    for (prefix, route_order) in &by_route {
        assert_eq!(
            &every_page(&f.store, prefix),
            route_order,
            "{prefix:?}: its set pages as the term-by-term route does"
        );
    }
    matches_brute_force(&f.store, &people, &prefixes(&people));

    // Renamed, retitled and erased while the sets are in memory: the first no longer has a
    // word starting "alm" or "da", and now one starting "alv" and "w".
    let rename = Mutation::CandidateUpdate {
        candidate_id: people[0].0,
        changes: vec![
            FieldChange { from: FieldValue::LastName("Almeida".into()), to: FieldValue::LastName("Alves".into()) },
            FieldChange {
                from: FieldValue::Email(Some("ana.almeida0@mail.example".into())),
                to: FieldValue::Email(Some("ana.alves@mail.example".into())),
            },
            FieldChange {
                from: FieldValue::CurrentTitle("Data Engineer".into()),
                to: FieldValue::CurrentTitle("Welder".into()),
            },
        ],
    };
    f.admin_applies(rename);
    people[0].1 = words(&["Ana", "Alves", "ana.alves@mail.example", "Welder", "Acme", "Python", "SQL"]);
    let (erased, _) = people.remove(1);
    f.admin_applies(Mutation::CandidateDelete { selection: Selection::ids([erased]) });
    matches_brute_force(&f.store, &people, &prefixes(&people));

    // Reopened: the sets as written, caught up from the log.
    let reopened = Store::open(f.store.path()).unwrap();
    matches_brute_force(&reopened, &people, &prefixes(&people));
}

/// An email typed as far as a letter or two after the dot ("ana.c") is a phrase whose last
/// word is a prefix, matched within one column (search/phrases.rs checks it in the text of
/// the candidates with every word). Every such prefix of every email pages through each match
/// once, with the matches and total a brute-force look at each column's words gives, name and
/// email matches first: with every term and prefix answered by FTS5, with bitmaps and prefix
/// sets for all, and after an email changes. Typed in the search box, each answers the same
/// first page, some before counting what only the employer column matches.
#[test]
fn email_prefixes_match_their_phrase_in_one_column_and_page_once() {
    let mut f = fixture();
    // (id, the words of each column the keyword index holds: name and email first).
    let mut people: Vec<(Uuid, Vec<Vec<String>>)> = Vec::new();
    for i in 0..60 {
        let (first, last) = (FIRST[i % 12], LAST[(i * 5) % 11]);
        let email = format!("{}.{}{i}@mail.example", first.to_lowercase(), last.to_lowercase());
        // Some work for a firm named after someone else: the phrase is found there too.
        let employer = if i % 4 == 0 { format!("{} {} Lda", FIRST[(i + 1) % 12], LAST[i % 11]) } else { "Acme".into() };
        let skills: &[&str] = if i % 2 == 0 { &["Python", "SQL"] } else { &["Negotiation", "CRM"] };
        let person = Person {
            first,
            last,
            email: Some(&email),
            title: "Data Engineer",
            employer: &employer,
            skills,
            ..Person::default()
        };
        let id = f.create(person);
        let columns = [vec![first, last], vec![&email], vec!["Data Engineer"], vec![&employer], skills.to_vec()];
        people.push((id, columns.iter().map(|c| words(c)).collect()));
    }
    // Three namesakes of the firm the first works for: their email typed past its dot matches
    // more people by name than a page of one holds, and the firm besides.
    for n in 0..3 {
        let (first, last) = (FIRST[1], LAST[0]);
        let email = format!("{}.{}.{n}@mail.example", first.to_lowercase(), last.to_lowercase());
        let person =
            Person { first, last, email: Some(&email), title: "Data Engineer", employer: "Acme", ..Person::default() };
        let id = f.create(person);
        let columns = [vec![first, last], vec![&email], vec!["Data Engineer"], vec!["Acme"], vec![]];
        people.push((id, columns.iter().map(|c| words(c)).collect()));
    }
    let typed = |people: &[(Uuid, Vec<Vec<String>>)]| {
        let mut typed: Vec<String> = people.iter().flat_map(|(_, columns)| email_prefixes(&columns[1])).collect();
        typed.sort();
        typed.dedup();
        typed
    };
    // One namesake inactive from here on: hidden, and said to be.
    f.admin_applies(Mutation::SetActive { candidate_id: people[61].0, active: false });
    people.remove(61);
    // The newest of all works for the firm and knows Python: asked for the email or Python,
    // she scores as the namesakes do and, newer, ranks before them.
    let firm = format!("{} {} Lda", FIRST[1], LAST[0]);
    let email = "zoe.newman@mail.example";
    let skills = ["Python"];
    let newest = Person {
        first: "Zoe",
        last: "Newman",
        email: Some(email),
        title: "Data Engineer",
        employer: &firm,
        skills: &skills,
        ..Person::default()
    };
    let id = f.create(newest);
    let columns = [vec!["Zoe", "Newman"], vec![email], vec!["Data Engineer"], vec![&firm], skills.to_vec()];
    people.push((id, columns.iter().map(|c| words(c)).collect()));
    for (frequent_from, broad_prefix) in [(u64::MAX, usize::MAX), (2, 0)] {
        f.store.rebuild_term_index(frequent_from, broad_prefix).unwrap();
        let early = phrases_match_brute_force(&f.store, &people, &typed(&people));
        assert!(early > 0, "some first pages came before every match was counted");
        typed_combinations_page_as_the_search_does(&f.store);
    }

    let old = "ana.almeida0@mail.example";
    assert_eq!(people[0].1[1], words(&[old]));
    let email = |e: &str| FieldValue::Email(Some(e.into()));
    let change = FieldChange { from: email(old), to: email("ana.brandt.work@mail.example") };
    f.admin_applies(Mutation::CandidateUpdate { candidate_id: people[0].0, changes: vec![change] });
    people[0].1[1] = words(&["ana.brandt.work@mail.example"]);
    let mut typed = typed(&people);
    typed.push("ana.al".into());
    phrases_match_brute_force(&f.store, &people, &typed);
}

/// What is typed of an email from the first letter after its first word to four letters
/// past it ("ana.a" to "ana.alme"), and to the first letter after the "@": each a phrase.
fn email_prefixes(email: &[String]) -> Vec<String> {
    let [first, second, ..] = email else { panic!("an email of two words or more: {email:?}") };
    let mut typed: Vec<String> = (1..=4.min(second.len())).map(|n| format!("{first}.{}", &second[..n])).collect();
    typed.push(format!("{first}.{second}@{}", &email[2][..1]));
    typed
}

/// Each typed phrase finds, page after page, exactly those with its words side by side in one
/// column (the last as a prefix), name and email matches first. How many first pages typed
/// in the search box came before matches they had not counted.
fn phrases_match_brute_force(store: &Store, people: &[(Uuid, Vec<Vec<String>>)], typed: &[String]) -> usize {
    let mut early = 0;
    for t in typed {
        let words = words(&[t]);
        let (last, exact) = words.split_last().unwrap();
        let has = |column: &Vec<String>| {
            column.windows(words.len()).any(|w| w[..exact.len()] == *exact && w[exact.len()].starts_with(last.as_str()))
        };
        let matching = |columns: std::ops::Range<usize>| -> HashSet<Uuid> {
            people.iter().filter(|(_, c)| c[columns.clone()].iter().any(has)).map(|(id, _)| *id).collect()
        };
        let (by_name, anywhere) = (matching(0..2), matching(0..5));
        let found = every_page(store, t);
        assert_eq!(found.len(), set(&found).len(), "{t:?}: a candidate on two pages");
        assert_eq!(set(&found), anywhere, "{t:?}");
        assert_eq!(set(&found[..by_name.len()]), by_name, "{t:?}: name and email matches first");
        for limit in [1, 7] {
            let typed_total = typed_first_page_is_the_searchs(store, t, limit, anywhere.len());
            assert!(typed_total >= by_name.len(), "{t:?}: at least the name and email matches are counted");
            early += usize::from(typed_total < anywhere.len());
        }
    }
    early
}

/// The namesakes' email typed past its dot, in every way a query can hold it (twice, under one
/// or two NOTs, ORed, beside another word, with filters' worth of NOT): typed, each first page
/// of one to three rows is the plain search's, and some come before counting.
fn typed_combinations_page_as_the_search_does(store: &Store) {
    let t = format!("{}.{}", FIRST[1].to_lowercase(), &LAST[0][..1].to_lowercase());
    let queries = [
        t.clone(),
        format!("{t} {t}"),
        format!("-(-{t})"),
        format!("{t} -{t}"),
        format!("{t} OR python"),
        format!("data -{t}"),
        format!("{t} -crm"),
        format!("-(acme -{t})"),
        format!("{t} data"),
    ];
    let mut early = 0;
    for query in &queries {
        for limit in 1..=3 {
            let total = store.search(&q(query), &PageRequest { limit, after: None }).unwrap().total as usize;
            early += usize::from(typed_first_page_is_the_searchs(store, query, limit, total) < total);
        }
    }
    assert!(early > 0, "some of {queries:?} came before every match was counted");
}

/// Typed (numbered, stoppable), the first page of `query` has the rows and cursor of the plain
/// search's; when it says it was not `counted`, its total is at most the search's `total` and
/// counting then gives exactly that. The total the page said.
fn typed_first_page_is_the_searchs(store: &Store, query: &str, limit: u32, total: usize) -> usize {
    let first = PageRequest { limit, after: None };
    let plain = store.search(&q(query), &first).unwrap();
    let tickets = SearchTickets::default();
    store.clear_search_cache();
    let Searched::Page(typed) = store.search_unless_superseded(&q(query), &first, &tickets.ticket(1)).unwrap() else {
        panic!("{query:?}: superseded, though nobody superseded it");
    };
    let ids = |rows: &[talentdesk_store::views::CandidateRow]| rows.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!((ids(&typed.rows), &typed.next), (ids(&plain.rows), &plain.next), "{query:?}, pages of {limit}");
    if typed.counted {
        assert_eq!(typed.total as usize, total, "{query:?}");
    } else {
        assert!((typed.total as usize) <= total, "{query:?}: a total not yet counted is a lower bound");
        let counted = store.count_unless_superseded(&q(query), &tickets.ticket(2)).unwrap().expect("not superseded");
        assert_eq!((counted.total as usize, counted.inactive_hidden), (total, plain.inactive_hidden), "{query:?}");
    }
    typed.total as usize
}

/// Lower-case words, diacritics folded as the index's tokenizer folds these (Ł stays).
fn words(texts: &[&str]) -> Vec<String> {
    let fold = |c: char| match c {
        'í' => 'i',
        'ä' => 'a',
        _ => c,
    };
    texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().chars().map(fold).collect())
        .collect()
}

/// Every result of `query` by relevance, page after page of seven; each page says the same total.
fn every_page(store: &Store, query: &str) -> Vec<Uuid> {
    let mut found = Vec::new();
    let mut page = PageRequest { limit: 7, after: None };
    loop {
        let answer = store.search(&q(query), &page).unwrap();
        found.extend(answer.rows.iter().map(|r| r.id));
        assert!(found.len() as u64 <= answer.total, "{query:?}: more rows than its total");
        match answer.next {
            Some(next) => page.after = Some(next),
            None => {
                assert_eq!(found.len() as u64, answer.total, "{query:?}: the pages hold its total");
                return found;
            }
        }
    }
}

fn matches_brute_force(store: &Store, people: &[(Uuid, Vec<String>)], prefixes: &[String]) {
    for prefix in prefixes {
        let expected: HashSet<Uuid> = people
            .iter()
            .filter(|(_, words)| words.iter().any(|w| w.starts_with(prefix.as_str())))
            .map(|(id, _)| *id)
            .collect();
        let found = every_page(store, prefix);
        assert_eq!(found.len(), set(&found).len(), "{prefix:?}: a candidate on two pages");
        assert_eq!(set(&found), expected, "{prefix:?}");
    }
}
