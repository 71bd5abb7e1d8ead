//! Saved searches in the window (issue 23 item 3): a search saved from the search page under a
//! name shows in the rail's list, and opening it there runs it again (words and count) after
//! the search box was changed. Signed in to a real server, a watching one hears of a
//! teammate's new candidate who matches it when the window syncs: the rail counts it, the
//! notification daemon (dunst) is told, and opening it shows the candidate. Screenshots of the
//! dialog, the list and the news.

use std::time::Duration;

use serde_json::json;
use talentdesk_domain::candidate::{Location, Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::SearchRequest;
use talentdesk_domain::user::Role;
use talentdesk_e2e::notifications::Notifications;
use talentdesk_e2e::{DemoDb, Session, err, shows_count, sign_in, synced};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_sync::engine::Replica;

#[test]
fn a_saved_search_is_listed_in_the_rail_and_opens_again() -> Result<(), String> {
    let demo = DemoDb::new(2_000, 23)?;
    let store = demo.open()?;
    let engineers = SearchRequest { query: "engineer".into(), ..SearchRequest::default() };
    let wanted = store.search(&engineers, &Default::default()).map_err(err)?.total;
    let everyone = store.search(&SearchRequest::default(), &Default::default()).map_err(err)?.total;
    drop(store);

    let session = Session::start(&["--db", demo.arg()?])?;
    shows_count(&session, "[data-testid=result-count]", everyone)?;
    session.paste_search("engineer")?;
    shows_count(&session, "[data-testid=result-count]", wanted)?;
    session.click("[data-testid=save-search-button]")?;
    session.type_into("[data-testid=save-search-name]", "Engineers")?;
    session.screenshot("saved-search-dialog")?;
    session.click("[data-testid=save-search-submit]")?;

    session.paste_search("nurse")?;
    session.click("[data-testid=rail-saved]")?;
    session.wait_for("the saved search in the rail", |s| {
        Ok(s.texts("[data-testid=saved-search]")?.into_iter().find(|t| t.contains("Engineers")))
    })?;
    session.screenshot("saved-searches")?;
    session.click("[data-testid=saved-open]")?;
    shows_count(&session, "[data-testid=result-count]", wanted)?;
    let typed = session.script("return document.querySelector('[data-testid=search-input]').value", json!([]))?;
    assert_eq!(typed.as_str(), Some("engineer"), "the saved words are back in the box");
    Ok(())
}

/// A new Rust engineer in `city`, as a teammate's desktop sends them.
fn rust_engineer(first: &str, city: &str) -> Mutation {
    let profile = Profile {
        first_name: first.into(),
        last_name: "Souza".into(),
        current_title: "Senior Rust Engineer".into(),
        location: Location { city: city.into(), ..Location::default() },
        skills: vec!["Rust".into()],
        ..Profile::default()
    };
    Mutation::CandidateCreate { candidate_id: new_id(), profile, profile_type: ProfileType::RecruiterGenerated }
}

/// A teammate's change, made on their desktop and sent to the server.
fn teammate_adds(runtime: &tokio::runtime::Runtime, desk: &Replica, mutations: Vec<Mutation>) -> Result<(), String> {
    for mutation in mutations {
        desk.store.lock().unwrap().apply(&desk.user, mutation).map_err(err)?;
    }
    runtime.block_on(desk.engine.sync_once()).map_err(err)?;
    Ok(())
}

#[test]
fn a_teammates_new_candidate_who_matches_a_watching_saved_search_is_counted_and_notified() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let server = runtime.block_on(Instance::start());
    let rita = runtime.block_on(server.add_user("rita@acme.test", Role::Recruiter));
    let tom = runtime.block_on(server.add_user("tom@acme.test", Role::Recruiter));
    let desk = tempfile::tempdir().map_err(err)?;
    let teammate = runtime
        .block_on(Replica::sign_in(&desk.path().join("tom.db"), &server.url, &tom.email, PASSWORD))
        .map_err(err)?;
    // Carla matches already: she is no news when the search is saved.
    teammate_adds(&runtime, &teammate, vec![rust_engineer("Carla", "Berlin")])?;

    // The daemon is up before the app: a first notification without one turns them off.
    let daemon = Notifications::start()?;
    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
    sign_in(&session, &server.url, &rita.email, PASSWORD)?;
    synced(&session)?;

    // Rita searches for Rust in Berlin and saves it, watching (the dialog's default).
    session.paste_search("rust")?;
    session.type_into("[data-testid=filter-location]", "Berlin")?;
    shows_count(&session, "[data-testid=result-count]", 1)?;
    session.click("[data-testid=save-search-button]")?;
    session.type_into("[data-testid=save-search-name]", "Senior Rust, Berlin")?;
    let watching =
        session.script("return document.querySelector('[data-testid=save-search-watch]').checked", json!([]))?;
    assert_eq!(watching.as_bool(), Some(true), "a saved search watches unless told not to");
    session.click("[data-testid=save-search-submit]")?;
    session
        .wait_for("the search saved", |s| Ok(s.text("[data-testid=save-search-dialog]")?.is_none().then_some(())))?;

    // Tom adds a Rust engineer in Berlin, who matches, and one in Lisbon, who does not.
    teammate_adds(&runtime, &teammate, vec![rust_engineer("Ana", "Berlin"), rust_engineer("Bea", "Lisbon")])?;

    // The window syncs by itself: the rail counts one new match, and the daemon was told.
    let total = session.wait_for("the rail's count", |s| s.text("[data-testid=saved-new-total]"))?;
    assert_eq!(total, "1");
    daemon.wait_for("1 new match for Senior Rust, Berlin", Duration::from_secs(10))?;
    // Rita has searched on meanwhile: the saved search is not what the page shows.
    session.paste_search("nurse")?;
    shows_count(&session, "[data-testid=result-count]", 0)?;
    session.click("[data-testid=rail-saved]")?;
    let entry = session.wait_for("the saved search", |s| s.text("[data-testid=saved-search]"))?;
    assert!(entry.contains("Senior Rust, Berlin"), "{entry}");
    assert_eq!(session.text("[data-testid=saved-search] [data-testid=saved-new]")?.as_deref(), Some("1"));
    session.screenshot("saved-search-new-match")?;

    // Opening it runs it again: Ana is among its matches, Bea is not, and its news is read.
    session.click("[data-testid=saved-open]")?;
    shows_count(&session, "[data-testid=result-count]", 2)?;
    let names = session.texts("[data-testid=results] tbody tr td.name")?;
    assert!(names.iter().any(|n| n.contains("Ana")), "{names:?}");
    assert!(names.iter().all(|n| !n.contains("Bea")), "{names:?}");
    session.wait_for("the count read", |s| Ok(s.text("[data-testid=saved-new-total]")?.is_none().then_some(())))?;
    session.screenshot("saved-search-opened")?;
    Ok(())
}
