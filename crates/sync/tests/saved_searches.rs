//! Saved searches through a real server: a watching one hears of a teammate's new candidate
//! who matches it when the desktop syncs (once); a shared one reaches the team and a private
//! one its owner's desktops alone, admins' included; a teammate may not change it.

use talentdesk_domain::candidate::{Location, Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::saved_search::SavedSearch;
use talentdesk_domain::search::{SearchFilters, SearchRequest};
use talentdesk_domain::user::Role;
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_store::NewMatches;
use talentdesk_store::replica::NoticeDetail;
use talentdesk_sync::engine::Replica;

async fn replica(server: &Instance, dir: &tempfile::TempDir, email: &str) -> Replica {
    let path = dir.path().join(format!("{email}.db"));
    let replica = Replica::sign_in(&path, &server.url, email, PASSWORD).await.unwrap();
    replica.engine.sync_once().await.unwrap();
    replica
}

fn rustacean(first: &str, city: &str) -> Profile {
    Profile {
        first_name: first.into(),
        last_name: "Souza".into(),
        current_title: "Senior Rust Engineer".into(),
        location: Location { city: city.into(), ..Location::default() },
        skills: vec!["Rust".into()],
        ..Profile::default()
    }
}

fn names(desk: &Replica) -> Vec<String> {
    desk.store.lock().unwrap().saved_searches().unwrap().into_iter().map(|e| e.search.name).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_teammates_new_candidate_who_matches_a_watching_saved_search_is_counted_when_it_syncs() {
    let server = Instance::start().await;
    let admin = server.add_user("admin@acme.test", Role::RecruiterAdmin).await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let tom = server.add_user("tom@acme.test", Role::Recruiter).await;
    let dir = tempfile::tempdir().unwrap();
    let boss = replica(&server, &dir, &admin.email).await;
    let laptop = replica(&server, &dir, &rita.email).await;
    let teammate = replica(&server, &dir, &tom.email).await;

    // Rita saves "Senior Rust, Berlin" (private, watching) and a shared one for the team.
    let watching = SavedSearch {
        id: new_id(),
        name: "Senior Rust, Berlin".into(),
        request: SearchRequest {
            query: "rust".into(),
            filters: SearchFilters { location: Some("Berlin".into()), ..SearchFilters::default() },
            ..SearchRequest::default()
        },
        private: true,
        owner_id: laptop.user.id,
        watch: true,
    };
    let shared =
        SavedSearch { id: new_id(), name: "Rust anywhere".into(), private: false, watch: false, ..watching.clone() };
    {
        let mut store = laptop.store.lock().unwrap();
        store.apply(&laptop.user, Mutation::SavedSearchPut { search: watching.clone() }).unwrap();
        store.apply(&laptop.user, Mutation::SavedSearchPut { search: shared.clone() }).unwrap();
    }
    laptop.engine.sync_once().await.unwrap();

    // Tom adds a Rust engineer in Berlin and one in Lisbon.
    {
        let mut store = teammate.store.lock().unwrap();
        for (first, city) in [("Ana", "Berlin"), ("Bea", "Lisbon")] {
            let create = Mutation::CandidateCreate {
                candidate_id: new_id(),
                profile: rustacean(first, city),
                profile_type: ProfileType::RecruiterGenerated,
            };
            store.apply(&teammate.user, create).unwrap();
        }
    }
    teammate.engine.sync_once().await.unwrap();

    // Rita's laptop syncs: one new match on the watching search, said once.
    let round = laptop.engine.sync_once().await.unwrap();
    assert_eq!(
        round.changed.new_matches,
        vec![NewMatches { saved_search_id: watching.id, name: "Senior Rust, Berlin".into(), count: 1 }]
    );
    assert!(laptop.engine.sync_once().await.unwrap().changed.new_matches.is_empty(), "told once");
    let listed = laptop.store.lock().unwrap().saved_searches().unwrap();
    assert_eq!(
        listed.iter().map(|e| (e.search.name.as_str(), e.new_matches)).collect::<Vec<_>>(),
        [("Rust anywhere", 0), ("Senior Rust, Berlin", 1)]
    );

    // The shared one reached Tom and the admin; the private one reached neither.
    teammate.engine.sync_once().await.unwrap();
    boss.engine.sync_once().await.unwrap();
    assert_eq!(names(&teammate), ["Rust anywhere"]);
    assert_eq!(names(&boss), ["Rust anywhere"], "a private saved search is not even an admin's");

    // Tom may not rename Rita's shared search: the server refuses, and his desktop drops it.
    let renamed = SavedSearch { name: "Tom's now".into(), ..shared.clone() };
    let refused = teammate.store.lock().unwrap().apply(&teammate.user, Mutation::SavedSearchPut { search: renamed });
    assert!(refused.unwrap_err().to_string().contains("belongs to someone else"));
    // The admin may; the rename reaches Rita.
    let renamed = SavedSearch { name: "Rust, the team's".into(), ..shared.clone() };
    boss.store.lock().unwrap().apply(&boss.user, Mutation::SavedSearchPut { search: renamed }).unwrap();
    let round = boss.engine.sync_once().await.unwrap();
    assert!(!round.notices.iter().any(|n| matches!(n.detail, NoticeDetail::Rejected { .. })), "{:?}", round.notices);
    laptop.engine.sync_once().await.unwrap();
    assert_eq!(names(&laptop), ["Rust, the team's", "Senior Rust, Berlin"]);

    // Rita makes it private again: it leaves the others' desktops.
    let private = SavedSearch { name: "Rust, the team's".into(), private: true, ..shared.clone() };
    laptop.store.lock().unwrap().apply(&laptop.user, Mutation::SavedSearchPut { search: private }).unwrap();
    laptop.engine.sync_once().await.unwrap();
    teammate.engine.sync_once().await.unwrap();
    boss.engine.sync_once().await.unwrap();
    assert!(names(&teammate).is_empty());
    assert!(names(&boss).is_empty());
}
