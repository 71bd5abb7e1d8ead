//! Saved searches on a desktop: kept, listed by name, opened with what they filter on; one
//! that watches counts the pulled candidates who newly match it (once each), until opened;
//! one whose tag or pipeline was deleted still opens, saying so; a thousand are no trouble.

mod common;

use std::time::Instant;

use common::{Fixture, Person, fixture, laptop};
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::saved_search::{Missing, SavedSearch};
use talentdesk_domain::search::{PipelineFilter, SearchFilters, SearchRequest};
use talentdesk_domain::user::User;
use talentdesk_store::replica::ServerChange;
use talentdesk_store::search::PageRequest;
use talentdesk_store::{NewMatches, Store, StoreError};
use uuid::Uuid;

/// "Senior Rust, Berlin": Rust in Berlin, watching.
fn rust_in_berlin(owner: &User) -> SavedSearch {
    SavedSearch {
        id: new_id(),
        name: "Senior Rust, Berlin".into(),
        request: SearchRequest {
            query: "rust".into(),
            filters: SearchFilters { location: Some("Berlin".into()), ..SearchFilters::default() },
            ..SearchRequest::default()
        },
        private: true,
        owner_id: owner.id,
        watch: true,
    }
}

/// Pulls the server's candidates (those named, or all) into the laptop; what the watching
/// saved searches heard.
fn pull(laptop: &mut Store, server: &Fixture, only: &[Uuid], cursor: &str) -> Vec<NewMatches> {
    let records = server.store.export_records_of(&[RecordKind::User, RecordKind::Candidate]).unwrap();
    let changes: Vec<_> = records
        .iter()
        .filter(|(kind, id, _)| {
            *kind != RecordKind::Candidate || only.is_empty() || only.iter().any(|o| *id == o.to_string())
        })
        .map(|(kind, id, data)| ServerChange { kind: *kind, id, data: Some(data) })
        .collect();
    laptop.apply_pull(&changes, cursor, 0, true).unwrap().new_matches
}

fn news(laptop: &Store, id: Uuid) -> u32 {
    laptop.saved_searches().unwrap().into_iter().find(|e| e.search.id == id).unwrap().new_matches
}

/// A teammate's edit of one profile field, on the server.
fn edit(server: &mut Fixture, id: Uuid, change: FieldChange) {
    let admin = server.admin.clone();
    server.store.apply(&admin, Mutation::CandidateUpdate { candidate_id: id, changes: vec![change] }).unwrap();
}

#[test]
fn a_new_match_is_counted_once_a_newly_matching_one_too_and_opening_reads_them() {
    let mut server = fixture();
    let ana =
        server.create(Person { title: "Senior Rust Engineer", city: "Berlin", skills: &["Rust"], ..Person::default() });
    let bo = server.create(Person {
        first: "Bo",
        last: "Lindqvist",
        title: "Java Developer",
        city: "Berlin",
        ..Person::default()
    });
    let mut laptop = laptop(&server);
    let rita = server.recruiter.clone();
    let search = rust_in_berlin(&rita);
    let quiet = SavedSearch { id: new_id(), name: "Berlin, not watched".into(), watch: false, ..search.clone() };
    laptop.apply(&rita, Mutation::SavedSearchPut { search: search.clone() }).unwrap();
    laptop.apply(&rita, Mutation::SavedSearchPut { search: quiet.clone() }).unwrap();

    // Ana arrives and matches; Bo arrives and does not. The unwatched search hears nothing.
    let heard = pull(&mut laptop, &server, &[], "1");
    assert_eq!(heard, vec![NewMatches { saved_search_id: search.id, name: "Senior Rust, Berlin".into(), count: 1 }]);
    assert_eq!(news(&laptop, search.id), 1);
    assert_eq!(news(&laptop, quiet.id), 0);

    // Ana changes and still matches: she is no news again.
    edit(
        &mut server,
        ana,
        FieldChange {
            from: FieldValue::CurrentEmployer(String::new()),
            to: FieldValue::CurrentEmployer("Ferrous GmbH".into()),
        },
    );
    assert_eq!(pull(&mut laptop, &server, &[ana], "2"), Vec::new());
    assert_eq!(news(&laptop, search.id), 1);

    // Bo learns Rust: he newly matches.
    edit(
        &mut server,
        bo,
        FieldChange { from: FieldValue::Skills(Vec::new()), to: FieldValue::Skills(vec!["Rust".into()]) },
    );
    assert_eq!(pull(&mut laptop, &server, &[bo], "3")[0].count, 1);
    assert_eq!(news(&laptop, search.id), 2, "new matches since it was last opened add up");

    // Opened: its news is read, and it runs as saved.
    let opened = laptop.open_saved_search(search.id).unwrap();
    assert_eq!(opened.request, search.request);
    assert!(opened.missing.is_empty());
    assert_eq!(news(&laptop, search.id), 0);
    let found = laptop.search(&opened.request, &PageRequest::default()).unwrap();
    assert_eq!(found.total, 2);

    // A newcomer after the opening counts from nothing again.
    let cleo = server.create(Person {
        first: "Cleo",
        last: "Nakamura",
        city: "Berlin",
        skills: &["Rust"],
        ..Person::default()
    });
    assert_eq!(pull(&mut laptop, &server, &[cleo], "4")[0].count, 1);
    assert_eq!(news(&laptop, search.id), 1);
}

#[test]
fn the_users_own_changes_are_not_news_and_a_deleted_saved_search_hears_nothing() {
    let mut server = fixture();
    let ana = server.create(Person { city: "Berlin", ..Person::default() });
    let mut laptop = laptop(&server);
    let rita = server.recruiter.clone();
    pull(&mut laptop, &server, &[], "1");
    let search = rust_in_berlin(&rita);
    laptop.apply(&rita, Mutation::SavedSearchPut { search: search.clone() }).unwrap();

    // Rita gives Ana Rust herself (waiting to be sent): a pull that brings Ana is no news.
    let change = FieldChange { from: FieldValue::Skills(Vec::new()), to: FieldValue::Skills(vec!["Rust".into()]) };
    laptop.apply(&rita, Mutation::CandidateUpdate { candidate_id: ana, changes: vec![change.clone()] }).unwrap();
    edit(&mut server, ana, change);
    assert_eq!(pull(&mut laptop, &server, &[ana], "2"), Vec::new());

    laptop.apply(&rita, Mutation::SavedSearchDelete { saved_search_id: search.id }).unwrap();
    let bo = server.create(Person { first: "Bo", city: "Berlin", skills: &["Rust"], ..Person::default() });
    assert_eq!(pull(&mut laptop, &server, &[bo], "3"), Vec::new());
    assert!(laptop.saved_searches().unwrap().is_empty());
    let gone = laptop.open_saved_search(search.id).unwrap_err();
    assert_eq!(gone.to_string(), format!("saved search {} does not exist", search.id));
}

#[test]
fn a_search_whose_tag_or_pipeline_was_deleted_is_shown_as_such_and_still_opens() {
    let mut f = fixture();
    f.define_tag("Veteran");
    f.define_tag("Kept");
    let backend = new_id();
    f.admin_applies(Mutation::PipelineCreate {
        pipeline_id: backend,
        name: "Backend".into(),
        statuses: vec!["New".into()],
        private: false,
    });
    let ana = f.create(Person { city: "Berlin", skills: &["Rust"], ..Person::default() });
    f.admin_applies(Mutation::TagsAdd {
        selection: talentdesk_domain::search::Selection::ids([ana]),
        tags: vec!["Kept".into()],
    });
    let rita = f.recruiter.clone();
    let mut search = rust_in_berlin(&rita);
    search.request.filters.tags = vec!["Veteran".into(), "Kept".into()];
    search.request.filters.pipeline = Some(PipelineFilter { pipeline_id: backend, status: None });
    f.store.apply(&rita, Mutation::SavedSearchPut { search: search.clone() }).unwrap();
    assert!(f.store.saved_searches().unwrap()[0].missing.is_empty());

    // An admin deletes the tag; the pipeline goes too (archiving keeps it, so it is erased
    // here as a teammate's deletion would arrive).
    f.admin_applies(Mutation::TagDelete { name: "Veteran".into() });
    let gone = ServerChange { kind: RecordKind::Pipeline, id: &backend.to_string(), data: None };
    // Not complete: this store is no replica, and a rebase would make the pipeline again.
    f.store.apply_pull(&[gone], "9", 0, false).unwrap();

    let listed = &f.store.saved_searches().unwrap()[0];
    assert_eq!(listed.missing, Missing { tags: vec!["Veteran".into()], pipeline: true, ..Missing::default() });
    assert_eq!(listed.search, search, "nothing of what was saved is lost");
    let opened = f.store.open_saved_search(search.id).unwrap();
    assert_eq!(opened.request.filters.tags, vec!["Kept".to_owned()]);
    assert_eq!(opened.request.filters.pipeline, None);
    assert_eq!(opened.request.filters.location.as_deref(), Some("Berlin"));
    let found = f.store.search(&opened.request, &PageRequest::default()).unwrap();
    assert_eq!(found.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![ana]);
    // As saved, it would not run at all: that is what opening without the gone values spares.
    let as_saved = f.store.search(&search.request, &PageRequest::default()).unwrap_err();
    assert!(matches!(as_saved, StoreError::Domain(_)), "{as_saved}");
}

#[test]
fn teammates_saved_searches_are_theirs_and_a_refusal_loses_nothing() {
    let mut f = fixture();
    let rita = f.recruiter.clone();
    let admin = f.admin.clone();
    let mut shared = rust_in_berlin(&admin);
    shared.private = false;
    f.store.apply(&admin, Mutation::SavedSearchPut { search: shared.clone() }).unwrap();

    let renamed = SavedSearch { name: "Mine now".into(), ..shared.clone() };
    let refused = f.store.apply(&rita, Mutation::SavedSearchPut { search: renamed }).unwrap_err();
    assert_eq!(refused.to_string(), format!("saved search {} belongs to someone else", shared.id));
    let refused = f.store.apply(&rita, Mutation::SavedSearchDelete { saved_search_id: shared.id }).unwrap_err();
    assert!(refused.to_string().contains("belongs to someone else"));
    let blank = SavedSearch { id: new_id(), name: "  ".into(), owner_id: rita.id, ..shared.clone() };
    let refused = f.store.apply(&rita, Mutation::SavedSearchPut { search: blank }).unwrap_err();
    assert_eq!(refused.to_string(), "name: is required");
    assert_eq!(f.store.saved_searches().unwrap().iter().map(|e| &e.search).collect::<Vec<_>>(), vec![&shared]);
}

#[test]
fn a_thousand_saved_searches_list_open_and_hear_their_news() {
    let mut server = fixture();
    let mut laptop = laptop(&server);
    let rita = server.recruiter.clone();
    let cities = ["Berlin", "Lisbon", "Oslo", "Porto"];
    let mut ids = Vec::new();
    for n in 0..1_000 {
        let search = SavedSearch {
            id: new_id(),
            name: format!("Search {n:04}"),
            request: SearchRequest {
                query: if n % 2 == 0 { "rust".into() } else { String::new() },
                filters: SearchFilters { location: Some(cities[n % 4].into()), ..SearchFilters::default() },
                ..SearchRequest::default()
            },
            private: n % 3 == 0,
            owner_id: rita.id,
            watch: true,
        };
        ids.push(search.id);
        laptop.apply(&rita, Mutation::SavedSearchPut { search }).unwrap();
    }
    for city in cities {
        server.create(Person { city, skills: &["Rust"], ..Person::default() });
    }
    let started = Instant::now();
    let heard = pull(&mut laptop, &server, &[], "1");
    // Every search matches exactly one of the four newcomers (its city's).
    assert_eq!(heard.len(), 1_000);
    assert!(heard.iter().all(|n| n.count == 1));
    let listed = laptop.saved_searches().unwrap();
    eprintln!("1,000 saved searches: pull and check {:?}", started.elapsed());
    assert_eq!(listed.len(), 1_000);
    assert_eq!(listed[0].search.name, "Search 0000");
    assert_eq!(listed[999].search.name, "Search 0999");
    assert!(listed.iter().all(|e| e.new_matches == 1));
    laptop.open_saved_search(ids[500]).unwrap();
    assert_eq!(news(&laptop, ids[500]), 0);
    assert_eq!(news(&laptop, ids[501]), 1);
}

#[test]
fn a_saved_search_survives_the_store_being_reopened_with_its_news() {
    let mut server = fixture();
    let mut laptop = laptop(&server);
    let rita = server.recruiter.clone();
    let search = rust_in_berlin(&rita);
    laptop.apply(&rita, Mutation::SavedSearchPut { search: search.clone() }).unwrap();
    server.create(Person { city: "Berlin", skills: &["Rust"], ..Person::default() });
    pull(&mut laptop, &server, &[], "1");
    let path = server.dir.path().join("laptop.db");
    drop(laptop);
    let reopened = Store::open(&path).unwrap();
    let listed = reopened.saved_searches().unwrap();
    assert_eq!((listed[0].search.clone(), listed[0].new_matches), (search, 1));
}
