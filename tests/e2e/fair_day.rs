//! A career fair's whole day with the server down from the first check-in to the last (issue
//! 18, item 6), in the real window with the real keychain (see tests/e2e/sync.rs). The admin's
//! desktop (headless) prepares the fair on the server: 500 of 3,000 candidates registered, a
//! few with resumes. A recruiter's laptop signs in, syncs and keeps the fair's documents
//! offline; then the server stops. At the door she checks in 50 people by the start of their
//! names and 10 by their codes as a scanner types them, rates and notes some, registers
//! walk-ins, and the app is closed and opened again halfway. When the server is back, the
//! laptop sends it all, and the admin's desktop has every check-in once, at the door's time,
//! with the ratings, notes and walk-ins, and the same counts as the laptop's window.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use serde_json::json;
use talentdesk_domain::attendance::{EventMember, RegistrationVia};
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::{SearchRequest, Selection};
use talentdesk_domain::user::User;
use talentdesk_e2e::{Session, err, keys, open_event, sign_in};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_store::Store;
use talentdesk_store::search::PageRequest;
use talentdesk_store::views::{EventCounts, MemberFilter, MemberQuery};
use talentdesk_sync::engine::Replica;
use uuid::Uuid;

const SEARCH: &str = "[data-testid=door-search]";
const CANDIDATES: u64 = 3_000;
const REGISTERED: u32 = 500;

struct Registrant {
    id: Uuid,
    name: String,
    code: String,
}

/// The fair as the admin made it on the server.
struct Fair {
    event: Event,
    registrants: Vec<Registrant>,
    /// The hashes of the registrants' resumes.
    resumes: Vec<String>,
}

/// The admin's desktop, headless: signed in and synced.
fn desktop(runtime: &tokio::runtime::Runtime, server: &Instance, email: &str, db: &Path) -> Result<Replica, String> {
    let replica = runtime.block_on(Replica::sign_in(db, &server.url, email, PASSWORD)).map_err(err)?;
    runtime.block_on(replica.engine.first_sync(Arc::new(AtomicBool::new(false)), |_| {})).map_err(err)?;
    Ok(replica)
}

/// The admin creates the fair, registers 500 candidates (Add to Event takes 50 at a time),
/// attaches a resume to three of them, and syncs.
fn prepare(runtime: &tokio::runtime::Runtime, admin: &Replica) -> Result<Fair, String> {
    let event = Event::new(new_id(), "Fair Day", EventCategory::CareerFair, chrono::Utc::now(), "Hall A");
    let mut resumes = Vec::new();
    {
        let mut store = admin.store.lock().map_err(err)?;
        store.apply(&admin.user, Mutation::EventCreate { event: event.clone() }).map_err(err)?;
        let page = PageRequest { limit: REGISTERED, after: None };
        let ids: Vec<Uuid> =
            store.search(&SearchRequest::default(), &page).map_err(err)?.rows.iter().map(|r| r.id).collect();
        for chunk in ids.chunks(50) {
            let selection = Selection::Ids { ids: chunk.to_vec() };
            let register = Mutation::EventAdd { selection, event_id: event.id, attended: false, confirmation: None };
            store.apply(&admin.user, register).map_err(err)?;
        }
        for (i, id) in ids.iter().take(3).enumerate() {
            let bytes = format!("Resume {i}\nField engineering, ten years").into_bytes();
            let sha256 = store.put_blob(&bytes).map_err(err)?;
            let document = Document {
                id: new_id(),
                candidate_id: *id,
                name: format!("resume-{i}.txt"),
                kind: DocumentKind::Resume,
                sha256: sha256.clone(),
                size: bytes.len() as u64,
                uploaded_at: chrono::Utc::now(),
            };
            store.apply(&admin.user, Mutation::DocumentAttach { document }).map_err(err)?;
            resumes.push(sha256);
        }
    }
    runtime.block_on(admin.engine.sync_once()).map_err(err)?;
    let store = admin.store.lock().map_err(err)?;
    let query = MemberQuery { which: MemberFilter::Registered, text: String::new() };
    let rows = store.event_members(event.id, &query, REGISTERED, 0).map_err(err)?.rows;
    let registrants: Vec<Registrant> =
        rows.into_iter().map(|r| Registrant { id: r.candidate.id, name: r.candidate.name, code: r.code }).collect();
    assert_eq!(registrants.len(), REGISTERED as usize);
    Ok(Fair { event, registrants, resumes })
}

/// The laptop's replica, opened beside the app (SQLite's WAL lets both read).
fn laptop_store(data: &Path) -> Result<Store, String> {
    let accounts = data.join("accounts");
    let found: Vec<PathBuf> = std::fs::read_dir(&accounts)
        .map_err(err)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "db"))
        .collect();
    match found.as_slice() {
        [db] => Store::open(db).map_err(err),
        _ => Err(format!("expected one replica in {}, found {found:?}", accounts.display())),
    }
}

fn keep_offline_checked(session: &Session) -> Result<Option<bool>, String> {
    let checked = "return document.querySelector('[data-testid=keep-offline] input')?.checked ?? null";
    Ok(session.script(checked, json!([]))?.as_bool())
}

/// The shortest start of the person's name after which the door's lookup shows them first.
fn identifying_prefix(store: &Store, event: Uuid, r: &Registrant) -> Result<Option<String>, String> {
    let name: Vec<char> = r.name.to_lowercase().chars().collect();
    for end in 1..=name.len() {
        let prefix: String = name[..end].iter().collect();
        let found = store.check_in_lookup(event, &prefix, 8).map_err(err)?;
        if found.first().is_some_and(|m| m.candidate_id == r.id) {
            return Ok(Some(prefix));
        }
    }
    Ok(None)
}

/// Types into the door's box at once (a fast hand, or a scanner) and presses Enter; waits
/// until the banner says `name` was checked in and the box is empty for the next person.
fn check_in(session: &Session, typed: &str, name: &str) -> Result<(), String> {
    session.type_into(SEARCH, &format!("{typed}{}", keys::ENTER))?;
    session.wait_for(&format!("{name} checked in"), |s| {
        let banner = s.script(
            "const b = document.querySelector('[data-testid=door-outcome]'); \
             return b ? [b.dataset.outcome, b.querySelector('[data-testid=door-outcome-name]')?.textContent.trim()] : null;",
            json!([]),
        )?;
        let box_value = s.script("return document.querySelector(arguments[0]).value", json!([SEARCH]))?;
        Ok((banner == json!(["checked_in", name]) && box_value == json!("")).then_some(()))
    })
}

fn by_names(session: &Session, store: &Store, event: Uuid, people: &[&Registrant]) -> Result<(), String> {
    for r in people {
        let prefix = identifying_prefix(store, event, r)?.ok_or(format!("{} is no longer found first", r.name))?;
        check_in(session, &prefix, &r.name)?;
    }
    Ok(())
}

/// Codes in the forms badges and emails carry, as a scanner types them.
fn by_codes(session: &Session, people: &[&Registrant]) -> Result<(), String> {
    for (i, r) in people.iter().enumerate() {
        let typed = match i % 3 {
            0 => format!("TD:{}", r.code),
            1 => r.code.to_lowercase(),
            _ => r.code.replace('-', ""),
        };
        check_in(session, &typed, &r.name)?;
    }
    Ok(())
}

/// Badges scanned one after the other faster than each check-in is saved: every code with its
/// Enter in one burst. The last one's banner shows; the counts at the end show none was lost.
fn scanned_in_a_burst(session: &Session, people: &[&Registrant]) -> Result<(), String> {
    let burst: String = people.iter().map(|r| format!("TD:{}{}", r.code, keys::ENTER)).collect();
    let last = people.last().ok_or("no badges to scan")?;
    session.type_into(SEARCH, &burst)?;
    session.wait_for(&format!("{} checked in last", last.name), |s| {
        let name = s.text("[data-testid=door-outcome] [data-testid=door-outcome-name]")?;
        let box_value = s.script("return document.querySelector(arguments[0]).value", json!([SEARCH]))?;
        Ok((name.as_deref().map(str::trim) == Some(last.name.as_str()) && box_value == json!("")).then_some(()))
    })
}

/// Registers a walk-in from the door's form with the fields given (`first`, `last`, `email`…).
fn walk_in(session: &Session, fields: &[(&str, &str)], interest: Option<&str>) -> Result<String, String> {
    session.click("[data-testid=door-walk-in]")?;
    session.wait_for("the walk-in form", |s| s.text("[data-testid=walk-in-form]"))?;
    for (field, value) in fields {
        session.type_into(&format!("[data-testid=walk-in-{field}]"), value)?;
    }
    if let Some(area) = interest {
        session.click(&format!("[data-testid=interests] button[data-area=\"{area}\"]"))?;
        session.click("[data-testid=walk-in-consent]")?;
    }
    session.click("[data-testid=walk-in-save]")?;
    let field = |name: &str| fields.iter().find(|f| f.0 == name).map(|f| f.1).unwrap_or_default();
    let name = format!("{} {}", field("first"), field("last"));
    session.wait_for(&format!("{name} walked in"), |s| {
        Ok(s.text("[data-testid=door-outcome-name]")?.filter(|n| n.trim() == name))
    })?;
    Ok(name)
}

/// Stars for someone at the door, from the banner (`None`) or from the last check-ins.
fn rate(session: &Session, who: Option<Uuid>, stars: u8) -> Result<(), String> {
    let place = who.map_or("[data-testid=door-outcome]".to_owned(), |id| {
        format!("[data-testid=door-recent] li[data-id=\"{id}\"]")
    });
    session.click(&format!("{place} [data-stars=\"{stars}\"]"))
}

/// A quick note on the person just checked in.
fn note(session: &Session, body: &str) -> Result<(), String> {
    session.click("[data-testid=door-note]")?;
    session.type_into("[data-testid=quick-note-body]", &format!("{body}{}", keys::ENTER))?;
    session.wait_for("the note saved", |s| Ok(s.text(".hint [role=status]")?.filter(|t| t.contains("Note saved"))))?;
    Ok(())
}

/// Every member of the event, by candidate.
fn members(store: &Store, event: Uuid) -> Result<BTreeMap<Uuid, EventMember>, String> {
    let rows = store.event_members(event, &MemberQuery::default(), 2 * REGISTERED, 0).map_err(err)?.rows;
    Ok(rows.into_iter().map(|r| (r.candidate.id, r.member)).collect())
}

fn counts(store: &Store, event: Uuid) -> Result<EventCounts, String> {
    let summary = store.events().map_err(err)?.into_iter().find(|s| s.event.id == event);
    Ok(summary.ok_or("the fair is not in the list")?.counts)
}

fn door_sync(session: &Session, says: &str) -> Result<(), String> {
    session.wait_for(&format!("the door's sync status to say {says}"), |s| {
        Ok(s.text("[data-testid=door-sync]")?.filter(|t| t.contains(says)).map(|_| ()))
    })
}

fn shows(session: &Session, css: &str, text: &str) -> Result<(), String> {
    session.wait_for(&format!("{text:?} in {css}"), |s| Ok(s.text(css)?.filter(|t| t.trim() == text).map(|_| ())))
}

#[test]
fn a_fair_day_offline_across_a_restart_reaches_the_server_once() -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(err)?;
    let mut server = runtime.block_on(Instance::start());
    let options = talentdesk_demo::DemoOptions { candidates: CANDIDATES, seed: 18 };
    let demo = runtime
        .block_on(talentdesk_server::demo::fill_org(server.pool(), "Acme", options, PASSWORD.into(), |_| {}))
        .map_err(err)?;
    let folder = tempfile::tempdir().map_err(err)?;
    let admin = desktop(&runtime, &server, &demo.admin_email, &folder.path().join("admin.db"))?;
    let fair = prepare(&runtime, &admin)?;
    let recruiter = demo.recruiter_emails.first().ok_or("the demo has no recruiters")?.clone();
    let interest = admin.store.lock().map_err(err)?.areas_of_interest().map_err(err)?;
    let interest = interest.first().ok_or("the demo has no areas of interest")?.clone();
    let people_before = admin.store.lock().map_err(err)?.search(&SearchRequest::default(), &PageRequest::default());
    let people_before = people_before.map_err(err)?.total;

    // The evening before: the laptop signs in and keeps the fair's documents offline.
    let data = tempfile::tempdir().map_err(err)?;
    let data_dir = data.path().to_str().ok_or("the temporary path is not UTF-8")?;
    let env = [("TALENTDESK_DATA_DIR", data_dir)];
    let mut session = Session::start_with_env(&[], &env)?;
    sign_in(&session, &server.url, &recruiter, PASSWORD)?;
    session.wait_for("the first sync done", |s| {
        Ok(s.text("[data-testid=sync-status]")?.filter(|t| t.contains("Synced")))
    })?;
    let laptop = laptop_store(data.path())?;
    open_event(&session, fair.event.id)?;
    session.wait_for("the offline choice", keep_offline_checked)?;
    session.click("[data-testid=keep-offline] input")?;
    session.wait_for("the fair's resumes on the laptop", |s| {
        let here = fair.resumes.iter().all(|sha| laptop.blob(sha).is_some());
        Ok((here && keep_offline_checked(s)? == Some(true)).then_some(()))
    })?;

    // People the door's lookup finds first by a start of their name (a name shared with
    // another candidate is not), and others by their codes.
    let mut named = Vec::new();
    for r in &fair.registrants {
        if named.len() < 50 && identifying_prefix(&laptop, fair.event.id, r)?.is_some() {
            named.push(r);
        }
    }
    let coded: Vec<&Registrant> = fair.registrants.iter().filter(|r| !named.iter().any(|n| n.id == r.id)).collect();
    let (named, coded) = (named.as_slice(), &coded[..10]);
    assert_eq!(named.len(), 50, "50 registrants found by a start of their name");
    let mut ratings: BTreeMap<Uuid, u8> = BTreeMap::new();
    let mut notes: BTreeMap<Uuid, &str> = BTreeMap::new();

    // The fair: no server from here to the end.
    runtime.block_on(server.stop());
    session.click("[data-testid=event-checkin]")?;
    session.wait_for("the check-in screen", |s| s.text("[data-testid=door-counts]"))?;
    by_codes(&session, &coded[..5])?;
    rate(&session, None, 4)?;
    ratings.insert(coded[4].id, 4);
    let first_walk_in = [
        ("first", "Ifeoma"),
        ("last", "Chukwu"),
        ("email", "ifeoma.chukwu@example.org"),
        ("affiliation", "University of Nairobi"),
    ];
    walk_in(&session, &first_walk_in, Some(&interest))?;
    by_names(&session, &laptop, fair.event.id, &named[..25])?;
    note(&session, "Wants the embedded team; call after the fair")?;
    notes.insert(named[24].id, "Wants the embedded team; call after the fair");
    rate(&session, Some(named[20].id), 5)?;
    ratings.insert(named[20].id, 5);
    door_sync(&session, "Offline")?;
    session.wait_for("the ratings kept on the laptop", |_| {
        let here = members(&laptop, fair.event.id)?;
        Ok(ratings.iter().all(|(id, stars)| here[id].ratings.get(&recruiter) == Some(stars)).then_some(()))
    })?;

    // The laptop is closed and opened again, still without a server: the sign-in, the choice
    // to keep the documents and the last check-ins are all still there.
    drop(session);
    session = Session::start_with_env(&[], &env)?;
    session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
    open_event(&session, fair.event.id)?;
    session.wait_for("the offline choice kept", |s| Ok(keep_offline_checked(s)?.filter(|c| *c)))?;
    session.click("[data-testid=event-checkin]")?;
    let last = session.wait_for("the last check-ins", |s| s.text("[data-testid=door-recent] li .name"))?;
    assert_eq!(last, named[24].name, "the newest check-in is on top after the restart");
    scanned_in_a_burst(&session, &coded[5..8])?;
    by_codes(&session, &coded[8..])?;
    rate(&session, Some(coded[6].id), 2)?;
    ratings.insert(coded[6].id, 2);
    by_names(&session, &laptop, fair.event.id, &named[25..])?;
    rate(&session, None, 3)?;
    ratings.insert(named[49].id, 3);
    note(&session, "Strong Rust background")?;
    notes.insert(named[49].id, "Strong Rust background");
    let second_walk_in = [("first", "Rangi"), ("last", "Parata"), ("phone", "+64 21 555 0199")];
    walk_in(&session, &second_walk_in, None)?;
    shows(&session, "[data-testid=door-counts]", "62 checked in / 502 registered · 2 walk-ins")?;
    // Each check-in, walk-in, rating and note is one change waiting, none lost or doubled by
    // the restart.
    let changes = named.len() + coded.len() + 2 + ratings.len() + notes.len();
    door_sync(&session, &format!("Offline · {changes} waiting to sync"))?;
    session.screenshot("fair-day-offline")?;
    let at_the_door = members(&laptop, fair.event.id)?;

    // The server is back while she is still at the door. Sync has been failing all day and
    // waits up to a minute between tries; her next change sends everything at once.
    runtime.block_on(server.start_again());
    rate(&session, Some(named[48].id), 4)?;
    ratings.insert(named[48].id, 4);
    door_sync(&session, "Synced")?;

    // The admin's desktop: every check-in once, at the time of the door, by the recruiter.
    runtime.block_on(admin.engine.sync_once()).map_err(err)?;
    let admin_store = admin.store.lock().map_err(err)?;
    let seen = members(&admin_store, fair.event.id)?;
    let on_server = counts(&admin_store, fair.event.id)?;
    assert_eq!(on_server, EventCounts { registered: 502, attended: 62, walk_ins: 2, no_shows: 440 });
    let checked_in = format!("Checked in at {}", fair.event.name);
    for r in named.iter().chain(coded) {
        let m = &seen[&r.id];
        assert!(m.attended && m.registered, "{} came", r.name);
        assert_eq!(m.checked_in_by.as_deref(), Some(recruiter.as_str()), "{}", r.name);
        assert_eq!(m.checked_in_at, at_the_door[&r.id].checked_in_at, "{} at the door's time", r.name);
        assert_eq!(m.ratings.get(&recruiter), ratings.get(&r.id), "{}'s stars", r.name);
        let history = admin_store.profile(&admin.user, r.id).map_err(err)?.history;
        let check_ins = history.iter().filter(|h| h.summary.as_ref() == Some(&checked_in)).count();
        let all: Vec<_> = history.iter().filter_map(|h| h.summary.clone()).collect();
        assert_eq!(check_ins, 1, "{} reached the server once: {all:?}", r.name);
    }
    for (id, body) in &notes {
        let on_profile = admin_store.profile(&admin.user, *id).map_err(err)?.notes;
        assert_eq!(on_profile.iter().filter(|n| n.note.body == *body).count(), 1, "the note {body:?}, once");
    }
    walk_ins_arrived(&admin_store, &admin.user, fair.event.id, &interest)?;
    let people_after = admin_store.search(&SearchRequest::default(), &PageRequest::default()).map_err(err)?.total;
    assert_eq!(people_after, people_before + 2, "each walk-in is one new candidate");
    assert_eq!(seen, members(&laptop, fair.event.id)?, "the laptop and the admin's desktop agree on everyone");
    drop(admin_store);

    // The laptop's window shows the same counts as the admin's desktop.
    let EventCounts { registered, attended, walk_ins, no_shows } = on_server;
    let door = format!("{attended} checked in / {registered} registered · {walk_ins} walk-ins");
    shows(&session, "[data-testid=door-counts]", &door)?;
    session.click("[data-testid=door-back]")?;
    session.wait_for("the fair's page", |s| s.text("[data-testid=event-sections]"))?;
    session.click("[data-testid=event-sections] [data-tab=summary]")?;
    for (tile, n) in
        [("registered", registered), ("attended", attended), ("walk-ins", walk_ins), ("no-shows", no_shows)]
    {
        shows(&session, &format!("[data-testid=summary-{tile}]"), &n.to_string())?;
    }
    session.screenshot("fair-day-summary")?;
    Ok(())
}

/// The two walk-ins as the admin's desktop has them: new Event Attendees, registered as
/// walk-ins and checked in; the one without an email to be followed up.
fn walk_ins_arrived(store: &Store, admin: &User, event: Uuid, interest: &str) -> Result<(), String> {
    let query = MemberQuery { which: MemberFilter::WalkIns, text: String::new() };
    let rows = store.event_members(event, &query, 10, 0).map_err(err)?.rows;
    let mut names: Vec<&str> = rows.iter().map(|r| r.candidate.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Ifeoma Chukwu", "Rangi Parata"]);
    for row in &rows {
        assert!(row.member.attended && row.member.registered, "{}", row.candidate.name);
        assert_eq!(row.member.registered_via, Some(RegistrationVia::WalkIn));
        let profile = store.profile(admin, row.candidate.id).map_err(err)?;
        assert_eq!(profile.candidate.profile_type, ProfileType::EventAttendee);
        let phone_only = row.candidate.name == "Rangi Parata";
        assert_eq!(row.member.follow_up, phone_only, "{}: follow-up without an email", row.candidate.name);
        if !phone_only {
            assert_eq!(row.member.interests, [interest]);
            assert!(profile.candidate.subscribed, "consented");
        }
    }
    Ok(())
}
