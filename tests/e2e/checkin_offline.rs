//! A day at the door without a network, in the real window against a real server (with the
//! real keychain, see tests/e2e/sync.rs): the server is stopped before the first check-in and
//! started again only at the end, and the app is closed and opened again in between.
//! Check-ins by name and by code, a rating, a note and a walk-in are made offline, and reach
//! the server exactly once: a teammate's desktop then has the same counts, and every person
//! checked in once, by the recruiter who did it.

use std::sync::atomic::AtomicBool;

use serde_json::json;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::Role;
use talentdesk_e2e::{Session, err, keys, open_event};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_store::views::{MemberFilter, MemberQuery};
use talentdesk_sync::engine::Replica;

const FIRST: [&str; 12] = [
    "Amara",
    "Bastien",
    "Chiara",
    "Dmitri",
    "Esperanza",
    "Farid",
    "Greta",
    "Haruto",
    "Ines",
    "Jomo",
    "Kalani",
    "Lorenzo",
];

/// Signs the app in and waits for the team's people.
fn sign_in(session: &Session, server: &str, email: &str, people: usize) -> Result<(), String> {
    talentdesk_e2e::sign_in(session, server, email, PASSWORD)?;
    let all = format!("{people} results");
    session.wait_for("the team's people", |s| Ok(s.text("[data-testid=result-count]")?.filter(|t| *t == all)))?;
    Ok(())
}

fn open_door(session: &Session, event: &Event) -> Result<(), String> {
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
    open_event(session, event.id)?;
    session.click("[data-testid=event-checkin]")?;
    session.wait_for("the check-in screen", |s| s.text("[data-testid=door-counts]"))?;
    Ok(())
}

/// Types into the door's box and presses Enter; waits until the banner names `name`.
fn check_in(session: &Session, typed: &str, name: &str) -> Result<(), String> {
    session.type_into("[data-testid=door-search]", &format!("{typed}{}", keys::ENTER))?;
    session.wait_for(&format!("{name} checked in"), |s| {
        let shown =
            s.script("return document.querySelector('[data-testid=door-outcome-name]')?.textContent", json!([]))?;
        let head =
            s.script("return document.querySelector('[data-testid=door-outcome]')?.dataset.outcome", json!([]))?;
        Ok((shown.as_str() == Some(name) && head.as_str() == Some("checked_in")).then_some(()))
    })
}

fn door_sync(session: &Session, says: &str) -> Result<String, String> {
    session.wait_for(&format!("the door's sync status to say {says}"), |s| {
        Ok(s.text("[data-testid=door-sync]")?.filter(|t| t.contains(says)))
    })
}

#[test]
fn a_day_at_the_door_offline_reaches_the_server_once_across_a_restart() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let mut server = runtime.block_on(Instance::start());
    let admin = runtime.block_on(server.add_user("admin@acme.test", Role::RecruiterAdmin));
    let rita = runtime.block_on(server.add_user(&format!("rita+{}@acme.test", std::process::id()), Role::Recruiter));

    // The admin's desktop (headless) prepares the fair: twelve people, ten of them registered.
    let folder = tempfile::tempdir().map_err(err)?;
    let teammate = runtime
        .block_on(Replica::sign_in(&folder.path().join("admin.db"), &server.url, &admin.email, PASSWORD))
        .map_err(err)?;
    runtime.block_on(teammate.engine.first_sync(std::sync::Arc::new(AtomicBool::new(false)), |_| {})).map_err(err)?;
    let event = Event::new(new_id(), "Offline Fair", EventCategory::CareerFair, chrono::Utc::now(), "Hall C");
    let people: Vec<(uuid::Uuid, String)> = {
        let mut store = teammate.store.lock().map_err(err)?;
        store.apply(&teammate.user, Mutation::EventCreate { event: event.clone() }).map_err(err)?;
        let people: Vec<(uuid::Uuid, String)> = FIRST
            .iter()
            .map(|first| {
                let id = new_id();
                let profile = Profile {
                    first_name: (*first).into(),
                    last_name: "Okoro".into(),
                    email: Some(format!("{}@example.org", first.to_lowercase())),
                    ..Profile::default()
                };
                let create = Mutation::CandidateCreate {
                    candidate_id: id,
                    profile,
                    profile_type: ProfileType::RecruiterGenerated,
                };
                store.apply(&teammate.user, create).map(|_| (id, format!("{first} Okoro")))
            })
            .collect::<Result<_, _>>()
            .map_err(err)?;
        let selection = Selection::Ids { ids: people[..10].iter().map(|p| p.0).collect() };
        let register = Mutation::EventAdd { selection, event_id: event.id, attended: false, confirmation: None };
        store.apply(&teammate.user, register).map_err(err)?;
        people
    };
    runtime.block_on(teammate.engine.sync_once()).map_err(err)?;
    let code = {
        let store = teammate.store.lock().map_err(err)?;
        let rows = store.event_members(event.id, &MemberQuery::default(), 20, 0).map_err(err)?.rows;
        rows.into_iter().find(|r| r.candidate.id == people[3].0).ok_or("no code")?.code
    };

    // Rita signs in on the laptop; then the network is gone for the day.
    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
    sign_in(&session, &server.url, &rita.email, people.len())?;
    runtime.block_on(server.stop());
    open_door(&session, &event)?;

    check_in(&session, "amara okoro", &people[0].1)?;
    check_in(&session, "bast", &people[1].1)?;
    check_in(&session, &format!("TD:{code}"), &people[3].1)?;
    // A returning candidate who did not register is found too, and checked in.
    check_in(&session, "lorenzo", &people[11].1)?;
    session.click("[data-testid=door-outcome] [data-stars=\"5\"]")?;
    session.click("[data-testid=door-note]")?;
    session.type_into("[data-testid=quick-note-body]", &format!("Met at the offline fair{}", keys::ENTER))?;
    session.wait_for("the note saved", |s| Ok(s.text(".hint [role=status]")?.filter(|t| t.contains("Note saved"))))?;
    // A walk-in with a phone and no email.
    session.click("[data-testid=door-walk-in]")?;
    session.type_into("[data-testid=walk-in-first]", "Aiko")?;
    session.type_into("[data-testid=walk-in-last]", "Tanaka")?;
    session.type_into("[data-testid=walk-in-phone]", "+81 90 1234 5678")?;
    session.click("[data-testid=walk-in-save]")?;
    session.wait_for("the walk-in checked in", |s| {
        Ok(s.text("[data-testid=door-outcome-name]")?.filter(|n| n == "Aiko Tanaka"))
    })?;
    door_sync(&session, "Offline")?;
    session.screenshot("check-in-offline")?;

    // The laptop is closed and opened again, still without a network.
    drop(session);
    let session = Session::start_with_env(&[], &[("TALENTDESK_DATA_DIR", data_dir)])?;
    open_door(&session, &event)?;
    check_in(&session, "greta", &people[6].1)?;
    let counts = session.text("[data-testid=door-counts]")?.unwrap_or_default();
    assert!(counts.starts_with("6 checked in / 11 registered"), "{counts}");
    door_sync(&session, "Offline")?;

    // The network is back: everything goes to the server, once.
    runtime.block_on(server.start_again());
    door_sync(&session, "Synced")?;
    runtime.block_on(teammate.engine.sync_once()).map_err(err)?;
    let store = teammate.store.lock().map_err(err)?;
    let summary = store.events().map_err(err)?.into_iter().find(|s| s.event.id == event.id).ok_or("no fair")?;
    assert_eq!((summary.counts.attended, summary.counts.registered, summary.counts.walk_ins), (6, 11, 1));
    let came = MemberQuery { which: MemberFilter::Attended, text: String::new() };
    for row in store.event_members(event.id, &came, 20, 0).map_err(err)?.rows {
        assert_eq!(row.member.checked_in_by.as_deref(), Some(rita.email.as_str()), "{}", row.candidate.name);
        let history = store.profile(&teammate.user, row.candidate.id).map_err(err)?.history;
        let came = |s: &str| s.starts_with("Checked in at") || s.starts_with("Walked in at");
        let check_ins = history.iter().filter(|h| h.summary.as_deref().is_some_and(came)).count();
        assert_eq!(check_ins, 1, "{} reached the server once", row.candidate.name);
    }
    let lorenzo = store.profile(&teammate.user, people[11].0).map_err(err)?;
    let membership = lorenzo.events.iter().find(|m| m.event.id == event.id).ok_or("Lorenzo is not on the list")?;
    assert_eq!(membership.member.ratings.get(&rita.email), Some(&5));
    assert!(lorenzo.notes.iter().any(|n| n.note.body == "Met at the offline fair"));
    let walk_in = MemberQuery { which: MemberFilter::FollowUp, text: "aiko".into() };
    assert_eq!(store.event_members(event.id, &walk_in, 5, 0).map_err(err)?.total, 1, "the walk-in, to follow up");
    Ok(())
}
