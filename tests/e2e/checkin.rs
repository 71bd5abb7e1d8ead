//! The door of an event in the real window, with no server at all (the network off for the
//! whole day): people checked in by typing part of their name and by their code (scanned, or
//! typed slowly by hand), rated, noted and undone, across a restart of the app; walk-ins, one
//! of them someone already known and used instead, one from a dropped resume and one from a
//! resume that cannot be read; and kiosk mode, where visitors check themselves in and sign up
//! without ever seeing anyone else's name, and which only the PIN ends (not Esc, not closing
//! the window).

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;
use talentdesk_domain::attendance::RegistrationVia;
use talentdesk_domain::candidate::ProfileType;
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::search::{SearchRequest, Selection};
use talentdesk_domain::user::User;
use talentdesk_e2e::{DemoDb, Session, admin, err, keys, open_event};
use talentdesk_resume_corpus::{FileKind, corpus};
use talentdesk_store::Store;
use talentdesk_store::search::PageRequest;
use talentdesk_store::views::{EventMembership, MemberFilter, MemberQuery};
use uuid::Uuid;

const SEARCH: &str = "[data-testid=door-search]";

struct Registrant {
    id: Uuid,
    name: String,
    email: Option<String>,
    code: String,
}

/// A demo database with an event of its own and `registered` of its candidates registered.
struct Fair {
    demo: DemoDb,
    event: Event,
    admin: User,
    registrants: Vec<Registrant>,
}

fn fair(candidates: u64, registered: u32, seed: u64) -> Result<Fair, String> {
    let demo = DemoDb::new(candidates, seed)?;
    let mut store = demo.open()?;
    let admin = admin(&store)?;
    let event = Event::new(new_id(), "Door Test Fair", EventCategory::CareerFair, chrono::Utc::now(), "Hall B");
    store.apply(&admin, Mutation::EventCreate { event: event.clone() }).map_err(err)?;
    let page = PageRequest { limit: registered, after: None };
    let ids: Vec<Uuid> =
        store.search(&SearchRequest::default(), &page).map_err(err)?.rows.iter().map(|r| r.id).collect();
    // Add to Event takes 50 at a time.
    for chunk in ids.chunks(50) {
        let selection = Selection::Ids { ids: chunk.to_vec() };
        let register = Mutation::EventAdd { selection, event_id: event.id, attended: false, confirmation: None };
        store.apply(&admin, register).map_err(err)?;
    }
    let query = MemberQuery { which: MemberFilter::Registered, text: String::new() };
    let rows = store.event_members(event.id, &query, registered, 0).map_err(err)?.rows;
    let registrants = rows
        .into_iter()
        .map(|r| Registrant { id: r.candidate.id, name: r.candidate.name, email: r.candidate.email, code: r.code })
        .collect::<Vec<_>>();
    assert_eq!(registrants.len(), registered as usize);
    drop(store);
    Ok(Fair { demo, event, admin, registrants })
}

impl Fair {
    /// The person's membership of the fair as the store has it.
    fn membership(&self, store: &Store, id: Uuid) -> Result<Option<EventMembership>, String> {
        let profile = store.profile(&self.admin, id).map_err(err)?;
        Ok(profile.events.into_iter().find(|m| m.event.id == self.event.id))
    }

    fn attended(&self, store: &Store, id: Uuid) -> Result<bool, String> {
        Ok(self.membership(store, id)?.is_some_and(|m| m.member.attended))
    }

    fn attendance(&self, store: &Store) -> Result<u64, String> {
        let query = MemberQuery { which: MemberFilter::Attended, text: String::new() };
        Ok(store.event_members(self.event.id, &query, 0, 0).map_err(err)?.total)
    }

    /// The app on the fair's database, at the door of the fair.
    fn open_door(&self) -> Result<Session, String> {
        let session = Session::start(&["--db", self.demo.arg()?])?;
        self.event_page(&session)?;
        session.click("[data-testid=event-checkin]")?;
        session.wait_for("the check-in screen", |s| s.text("[data-testid=door-counts]"))?;
        Ok(session)
    }

    fn event_page(&self, session: &Session) -> Result<(), String> {
        session.wait_for("the candidates page", |s| s.text("[data-testid=result-count]"))?;
        open_event(session, self.event.id)
    }
}

/// An element's text as written (the banner's headline is shown in capitals by its style).
fn content(session: &Session, css: &str) -> Result<Option<String>, String> {
    let value = session.script("return document.querySelector(arguments[0])?.textContent ?? null", json!([css]))?;
    Ok(value.as_str().map(|t| t.trim().to_owned()))
}

/// Waits for the banner to say `head`, about `name` when given.
fn outcome(session: &Session, head: &str, name: Option<&str>) -> Result<(), String> {
    session.wait_for(&format!("“{head}” about {name:?}"), |s| {
        let shown = content(s, "[data-testid=door-outcome-head]")?;
        let who = content(s, "[data-testid=door-outcome-name]")?;
        Ok((shown.as_deref() == Some(head) && (name.is_none() || who.as_deref() == name)).then_some(()))
    })
}

/// The box is empty again, ready for the next person.
fn ready(session: &Session) -> Result<(), String> {
    session.wait_for("the box empty again", |s| {
        let value = s.script("return document.querySelector(arguments[0]).value", json!([SEARCH]))?;
        Ok((value.as_str() == Some("")).then_some(()))
    })
}

/// Types into the box at once (a fast hand, or a scanner), then Enter.
fn enter(session: &Session, typed: &str) -> Result<(), String> {
    session.type_into(SEARCH, &format!("{typed}{}", keys::ENTER))
}

/// The shortest start of the person's name after which the search shows them first.
fn identifying_prefix(store: &Store, event: Uuid, r: &Registrant) -> Result<String, String> {
    let name: Vec<char> = r.name.to_lowercase().chars().collect();
    for end in 1..=name.len() {
        let prefix: String = name[..end].iter().collect();
        let found = store.check_in_lookup(event, &prefix, 8).map_err(err)?;
        if found.first().is_some_and(|m| m.candidate_id == r.id) {
            return Ok(prefix);
        }
    }
    Err(format!("{} is never first for a start of their name", r.name))
}

#[test]
fn registrants_are_checked_in_by_name_and_by_code_rated_noted_and_undone_across_a_restart() -> Result<(), String> {
    let fair = fair(700, 500, 41)?;
    let store = fair.demo.open()?;
    let (by_name, rest) = fair.registrants.split_at(50);
    let (by_code, rest) = rest.split_at(10);

    // 50 by the start of their name, then Enter: one keystroke after the identifying prefix;
    // the app is closed and opened again halfway.
    let mut session = fair.open_door()?;
    session.screenshot("check-in-empty")?;
    for (i, r) in by_name.iter().enumerate() {
        if i == 25 {
            drop(session);
            session = fair.open_door()?;
            let last = session
                .wait_for("the last check-ins after the restart", |s| s.text("[data-testid=door-recent] li .name"))?;
            assert_eq!(last, by_name[24].name, "the newest check-in is on top after a restart");
        }
        let prefix = identifying_prefix(&store, fair.event.id, r)?;
        enter(&session, &prefix)?;
        outcome(&session, "Checked in", Some(&r.name))?;
        ready(&session)?;
    }
    let counts = session.text("[data-testid=door-counts]")?.unwrap_or_default();
    assert!(counts.starts_with("50 checked in"), "{counts}");

    // Someone a little further down the matches: the arrow keys, then Enter (at most 4 keys).
    let (r, prefix, below) = rest
        .iter()
        .find_map(|r| {
            let name: Vec<char> = r.name.to_lowercase().chars().collect();
            (2..=name.len()).find_map(|end| {
                let prefix: String = name[..end].iter().collect();
                let found = store.check_in_lookup(fair.event.id, &prefix, 8).ok()?;
                let at = found.iter().position(|m| m.candidate_id == r.id)?;
                (1..=3).contains(&at).then_some((r, prefix, at))
            })
        })
        .ok_or("nobody is second to fourth for a start of their name")?;
    session.type_into(SEARCH, &prefix)?;
    let row = format!("[data-testid=door-matches] li[data-id=\"{}\"]", r.id);
    session.wait_for("the person among the matches", |s| s.text(&format!("{row}:nth-child({})", below + 1)))?;
    // The answer to the whole prefix is in (a later one would put the highlight back on top).
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..below {
        session.press(keys::ARROW_DOWN)?;
    }
    session.wait_for("the person highlighted", |s| s.text(&format!("{row}[aria-selected=true]")))?;
    session.screenshot("check-in-matches")?;
    session.press(keys::ENTER)?;
    outcome(&session, "Checked in", Some(&r.name))?;

    // Codes as a scanner types them (with Enter), in the forms badges and emails carry.
    for (i, r) in by_code.iter().enumerate() {
        let typed = match i % 3 {
            0 => format!("TD:{}", r.code),
            1 => r.code.to_lowercase(),
            _ => r.code.replace('-', ""),
        };
        enter(&session, &typed)?;
        outcome(&session, "Checked in", Some(&r.name))?;
        ready(&session)?;
    }
    session.screenshot("check-in")?;

    // A code typed slowly by hand is a code on Enter, not a name search on the way.
    let slow = &rest[20];
    session.click(SEARCH)?;
    for c in slow.code.chars() {
        session.press(&c.to_string())?;
        std::thread::sleep(Duration::from_millis(150));
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(!fair.attended(&store, slow.id)?, "nobody is checked in before Enter");
    session.press(keys::ENTER)?;
    outcome(&session, "Checked in", Some(&slow.name))?;

    // Codes that check nobody in say why.
    let other =
        store.events().map_err(err)?.into_iter().find(|e| e.event.id != fair.event.id && e.counts.registered > 0);
    let other = other.ok_or("no other event with members")?;
    let elsewhere = store.event_members(other.event.id, &MemberQuery::default(), 50, 0).map_err(err)?.rows;
    let elsewhere = elsewhere.into_iter().find(|m| !fair.registrants.iter().any(|r| r.id == m.candidate.id));
    let elsewhere = elsewhere.ok_or("nobody only at the other event")?;
    let before = fair.attendance(&store)?;
    enter(&session, &elsewhere.code)?;
    outcome(&session, "Nobody checked in", None)?;
    let said = session.text("[data-testid=door-outcome]")?.unwrap_or_default();
    assert!(said.contains(&format!("another event ({})", other.event.name)), "{said}");
    session.screenshot("check-in-other-event")?;
    enter(&session, "K7QX-M2PA")?;
    session.wait_for("the unknown code", |s| {
        Ok(s.text("[data-testid=door-outcome]")?.filter(|t| t.contains("belongs to nobody at this event")))
    })?;

    // Someone already checked in: when and by whom, and nothing changes.
    enter(&session, &identifying_prefix(&store, fair.event.id, &by_name[3])?)?;
    outcome(&session, "Already checked in", Some(&by_name[3].name))?;
    let said = session.text("[data-testid=door-outcome]")?.unwrap_or_default();
    assert!(said.contains("by you") && said.contains("Nothing changed"), "{said}");
    session.screenshot("check-in-already")?;
    assert_eq!(
        fair.attendance(&store)?,
        before,
        "the other event's code, the unknown code and the second check-in change nothing"
    );

    // Stars and a note for the person just checked in, on the same screen.
    let last = &by_code[9];
    enter(&session, &identifying_prefix(&store, fair.event.id, &rest[30])?)?;
    outcome(&session, "Checked in", Some(&rest[30].name))?;
    session.click("[data-testid=door-outcome] [data-stars=\"4\"]")?;
    session.click("[data-testid=door-note]")?;
    session.type_into("[data-testid=quick-note-body]", &format!("Strong Rust background{}", keys::ENTER))?;
    session.wait_for("the note saved", |s| Ok(s.text(".hint [role=status]")?.filter(|t| t.contains("Note saved"))))?;
    // And from the last check-ins, for someone checked in earlier.
    let earlier = format!("[data-testid=door-recent] li[data-id=\"{}\"]", last.id);
    session.click(&format!("{earlier} [data-stars=\"2\"]"))?;
    session.wait_for("the ratings stored", |_| {
        let rated = |id| -> Result<Option<u8>, String> {
            let m = fair.membership(&store, id)?;
            Ok(m.and_then(|m| m.member.ratings.get(&fair.admin.email).copied()))
        };
        Ok((rated(rest[30].id)? == Some(4) && rated(last.id)? == Some(2)).then_some(()))
    })?;
    let notes = store.profile(&fair.admin, rest[30].id).map_err(err)?.notes;
    assert!(notes.iter().any(|n| n.note.body == "Strong Rust background"), "the note is on the profile");
    session.screenshot("check-in-rated")?;

    // Undo takes the last check-in back.
    session.click("[data-testid=door-undo]")?;
    outcome(&session, "Check-in undone", Some(&rest[30].name))?;
    session.wait_for("the check-in undone", |_| Ok((!fair.attended(&store, rest[30].id)?).then_some(())))?;

    // Everything is in the store, checked in by the signed-in recruiter.
    let came: Vec<&Registrant> = by_name.iter().chain(by_code).chain([r, slow]).collect();
    for r in &came {
        let m = fair.membership(&store, r.id)?.ok_or(format!("{} is not on the list", r.name))?;
        assert!(m.member.attended && m.member.registered, "{} attended", r.name);
        assert_eq!(m.member.checked_in_by.as_deref(), Some(fair.admin.email.as_str()));
    }
    assert_eq!(fair.attendance(&store)?, came.len() as u64);
    Ok(())
}

/// Drops files on the window through the window system, as a file manager does.
fn drop_files(paths: &[&Path]) -> Result<(), String> {
    talentdesk_e2e::xdnd::drop_files(paths, (700, 400))
}

/// Fills the walk-in form's fields that are given.
fn fill_walk_in(session: &Session, fields: &[(&str, &str)]) -> Result<(), String> {
    for (field, value) in fields {
        session.type_into(&format!("[data-testid=walk-in-{field}]"), value)?;
    }
    Ok(())
}

#[test]
fn walk_ins_are_registered_at_the_door_and_a_known_person_is_used_instead() -> Result<(), String> {
    let fair = fair(300, 40, 43)?;
    let store = fair.demo.open()?;
    let areas = store.areas_of_interest().map_err(err)?;
    let interest = areas.first().ok_or("the demo has no areas of interest")?.clone();
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 300, after: None }).map_err(err)?;
    let known = page.rows.iter().rev().find(|c| c.email.is_some() && !fair.registrants.iter().any(|r| r.id == c.id));
    let known = known.ok_or("nobody outside the fair has an email")?.clone();
    let candidates_before = page.rows.len();
    let session = fair.open_door()?;

    // A walk-in with everything, typed in.
    session.click("[data-testid=door-walk-in]")?;
    fill_walk_in(&session, &[("first", "Thandiwe"), ("last", "Nkosi"), ("email", "thandiwe.nkosi@example.org")])?;
    fill_walk_in(&session, &[("phone", "+27 82 555 0101"), ("affiliation", "University of Cape Town")])?;
    session.click(&format!("[data-testid=interests] button[data-area=\"{interest}\"]"))?;
    session.click("[data-testid=walk-in-consent]")?;
    session.screenshot("walk-in")?;
    session.click("[data-testid=walk-in-save]")?;
    outcome(&session, "Checked in", Some("Thandiwe Nkosi"))?;
    // The next person can be typed at once: the box has the keys again, not the Walk-in button.
    let focused = "return document.activeElement?.dataset?.testid ?? null";
    session.wait_for("the box focused", |s| {
        Ok(s.script(focused, json!([]))?.as_str().filter(|t| *t == "door-search").map(|_| ()))
    })?;

    // Without an email or a phone or a resume, the form says what is missing and saves nothing.
    session.click("[data-testid=door-walk-in]")?;
    fill_walk_in(&session, &[("first", "Lin"), ("last", "Wei")])?;
    session.click("[data-testid=walk-in-save]")?;
    let missing = session.wait_for("what is missing", |s| s.text("[data-testid=walk-in-contact]"))?;
    assert!(missing.contains("email, a phone number or a resume"), "{missing}");
    // A phone is enough; without an email they are marked for follow-up.
    fill_walk_in(&session, &[("phone", "+86 138 0013 8000")])?;
    session.click("[data-testid=walk-in-save]")?;
    outcome(&session, "Checked in", Some("Lin Wei"))?;

    // Someone already in the database: offered first, and checked in instead of a new record.
    session.click("[data-testid=door-walk-in]")?;
    let (first, last) = known.name.split_once(' ').ok_or("a name without a space")?;
    fill_walk_in(&session, &[("first", first), ("last", last), ("email", known.email.as_deref().unwrap_or_default())])?;
    session.wait_for("the duplicate offered", |s| {
        Ok(s.text("[data-testid=walk-in-duplicates]")?.filter(|t| t.contains(&known.name)))
    })?;
    session.screenshot("walk-in-duplicate")?;
    session.click("[data-testid=walk-in-use-existing]")?;
    outcome(&session, "Checked in", Some(&known.name))?;

    // A resume dropped on the screen fills the form and is attached.
    let sample = corpus(2, 977)?.into_iter().find(|s| s.kind == FileKind::Pdf).ok_or("no PDF in the corpus")?;
    let files = tempfile::tempdir().map_err(err)?;
    let resume = files.path().join("Resume.pdf");
    std::fs::write(&resume, &sample.file).map_err(err)?;
    let resume_name = sample.truth.name.clone().ok_or("the resume has no name")?;
    let resume_first = resume_name.split_whitespace().next().unwrap_or_default().to_owned();
    drop_files(&[&resume])?;
    session.wait_for("the form filled from the resume", |s| {
        let first = s.script("return document.querySelector('[data-testid=walk-in-first]')?.value ?? ''", json!([]))?;
        Ok((first.as_str() == Some(resume_first.as_str())).then_some(()))
    })?;
    session.click("[data-testid=walk-in-save]")?;
    session.wait_for("the walk-in from the resume", |s| {
        Ok(content(s, "[data-testid=door-outcome-name]")?.filter(|n| n.starts_with(&resume_first)))
    })?;

    // A resume that cannot be read: the walk-in is saved with it attached, and a note.
    let scan = files.path().join("scan.pdf");
    std::fs::write(&scan, b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage").map_err(err)?;
    drop_files(&[&scan])?;
    session.wait_for("the resume could not be read", |s| {
        Ok(s.text("[data-testid=walk-in-resume]")?.filter(|t| t.contains("Could not be read")))
    })?;
    fill_walk_in(&session, &[("first", "Olusegun"), ("last", "Adeyemi")])?;
    session.click("[data-testid=walk-in-save]")?;
    outcome(&session, "Checked in", Some("Olusegun Adeyemi"))?;

    // The event archived meanwhile (by an admin, elsewhere): check-ins still land, and say so.
    let mut archiving = fair.demo.open()?;
    let archive = Mutation::EventArchive { event_id: fair.event.id, archived: true };
    archiving.apply(&fair.admin, archive).map_err(err)?;
    let late = &fair.registrants[0];
    enter(&session, &late.code)?;
    outcome(&session, "Checked in", Some(&late.name))?;
    let notice = session.wait_for("the archived notice", |s| s.text("[data-testid=door-archived]"))?;
    assert!(notice.contains("still kept"), "{notice}");
    session.screenshot("check-in-archived")?;

    // In the store: four new Event Attendees, each registered as a walk-in and checked in.
    let store = fair.demo.open()?;
    let query = MemberQuery { which: MemberFilter::WalkIns, text: String::new() };
    let walk_ins = store.event_members(fair.event.id, &query, 10, 0).map_err(err)?.rows;
    assert_eq!(walk_ins.len(), 4, "four walk-ins; the known person was checked in instead");
    let after = store.search(&SearchRequest::default(), &PageRequest { limit: 400, after: None }).map_err(err)?;
    assert_eq!(after.rows.len(), candidates_before + 4, "no duplicate of the known person");
    for row in &walk_ins {
        assert!(row.member.attended && row.member.registered, "{}", row.candidate.name);
        assert_eq!(row.member.registered_via, Some(RegistrationVia::WalkIn));
        let profile = store.profile(&fair.admin, row.candidate.id).map_err(err)?;
        assert_eq!(profile.candidate.profile_type, ProfileType::EventAttendee);
        match row.candidate.name.as_str() {
            "Thandiwe Nkosi" => {
                assert_eq!(row.member.interests, std::slice::from_ref(&interest));
                assert!(profile.candidate.subscribed && !row.member.follow_up);
            }
            "Lin Wei" => assert!(row.member.follow_up, "no email: follow-up"),
            "Olusegun Adeyemi" => {
                assert_eq!(profile.documents.len(), 1, "the unreadable resume is attached");
                assert!(profile.notes.iter().any(|n| n.note.body.contains("could not be read")), "with a note");
            }
            _ => assert_eq!(profile.documents.len(), 1, "the dropped resume is attached"),
        }
    }
    assert!(fair.attended(&store, known.id)?, "the known person was checked in");
    assert!(fair.attended(&store, late.id)?, "the check-in at the archived event was kept");
    Ok(())
}

/// Every candidate's full name and email, for proving the kiosk shows none of them.
fn everyone(store: &Store) -> Result<Vec<String>, String> {
    let page = store.search(&SearchRequest::default(), &PageRequest { limit: 500, after: None }).map_err(err)?;
    Ok(page.rows.into_iter().flat_map(|r| [Some(r.name), r.email]).flatten().collect())
}

/// Fails when any of `people` (names, emails) is anywhere in the page, hidden or not.
fn nobody_in_page(session: &Session, people: &[String], but: Option<&str>) -> Result<(), String> {
    let html = session.script("return document.documentElement.outerHTML", json!([]))?;
    let html = html.as_str().unwrap_or_default();
    let shown: Vec<&String> = people.iter().filter(|p| Some(p.as_str()) != but && html.contains(p.as_str())).collect();
    if shown.is_empty() { Ok(()) } else { Err(format!("the kiosk shows {shown:?}")) }
}

/// Asks the window to close as the window manager does for Alt+F4 or its close button
/// (WM_DELETE_WINDOW).
fn ask_window_to_close() -> Result<(), String> {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt, EventMask};
    let (conn, screen) = x11rb::connect(None).map_err(err)?;
    let root = conn.setup().roots[screen].root;
    let atom = |name: &str| -> Result<u32, String> {
        Ok(conn.intern_atom(false, name.as_bytes()).map_err(err)?.reply().map_err(err)?.atom)
    };
    let (protocols, delete) = (atom("WM_PROTOCOLS")?, atom("WM_DELETE_WINDOW")?);
    let mut asked = 0;
    for window in conn.query_tree(root).map_err(err)?.reply().map_err(err)?.children {
        let title = conn.get_property(false, window, AtomEnum::WM_NAME, AtomEnum::ANY, 0, 64).map_err(err)?;
        if title.reply().map_err(err)?.value == b"Talentdesk" {
            let message = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
            conn.send_event(false, window, EventMask::NO_EVENT, message).map_err(err)?;
            asked += 1;
        }
    }
    conn.flush().map_err(err)?;
    if asked > 0 { Ok(()) } else { Err("no Talentdesk window to close".into()) }
}

fn in_kiosk(session: &Session) -> Result<bool, String> {
    Ok(session.text("[data-testid=kiosk]")?.is_some() && session.text("[data-testid=check-in-screen]")?.is_none())
}

fn kiosk_step(session: &Session, css: &str) -> Result<String, String> {
    session.wait_for(css, |s| s.text(css))
}

#[test]
fn visitors_check_themselves_in_and_sign_up_at_the_kiosk_seeing_nobody_else() -> Result<(), String> {
    let fair = fair(300, 40, 47)?;
    let store = fair.demo.open()?;
    let people = everyone(&store)?;
    let visitor = fair.registrants.iter().find(|r| r.email.is_some()).ok_or("no registrant with an email")?;
    let email = visitor.email.clone().unwrap_or_default();
    let first = visitor.name.split_whitespace().next().unwrap_or_default().to_owned();
    let other = fair.registrants.iter().rev().find(|r| r.email.is_some()).ok_or("no other email")?;

    let session = Session::start(&["--db", fair.demo.arg()?])?;
    fair.event_page(&session)?;
    session.click("[data-testid=event-kiosk]")?;
    session.type_into("[data-testid=kiosk-pin-input]", "2468")?;
    session.type_into("[data-testid=kiosk-pin-again]", "2468")?;
    session.click("[data-testid=kiosk-pin-submit]")?;
    kiosk_step(&session, "[data-testid=kiosk-input]")?;
    nobody_in_page(&session, &people, None)?;
    session.screenshot("kiosk")?;

    // Another person's email typed in part: no suggestions, and on Enter only "not found".
    let part = &other.email.as_deref().unwrap_or_default()[..6];
    session.type_into("[data-testid=kiosk-input]", part)?;
    std::thread::sleep(Duration::from_millis(800));
    nobody_in_page(&session, &people, None)?;
    session.press(keys::ENTER)?;
    kiosk_step(&session, "[data-testid=kiosk-not-found]")?;
    nobody_in_page(&session, &people, None)?;
    session.screenshot("kiosk-not-found")?;

    // The visitor's own email: their first name only, then checked in.
    session.type_into("[data-testid=kiosk-input]", &format!("{email}{}", keys::ENTER))?;
    let asked = kiosk_step(&session, "[data-testid=kiosk-confirm]")?;
    assert_eq!(asked, format!("Are you {first}?"));
    nobody_in_page(&session, &people, None)?;
    session.screenshot("kiosk-confirm")?;
    session.click("[data-testid=kiosk-yes]")?;
    let done = kiosk_step(&session, "[data-testid=kiosk-done]")?;
    assert!(done.contains(&format!("You're checked in, {first}.")), "{done}");
    session.wait_for("the visitor checked in", |_| Ok(fair.attended(&store, visitor.id)?.then_some(())))?;

    // Esc, the app's shortcuts and closing the window (Alt+F4) all leave the kiosk as it is.
    for key in [keys::ESCAPE, "?", "/"] {
        session.press(key)?;
    }
    ask_window_to_close()?;
    std::thread::sleep(Duration::from_millis(800));
    assert!(in_kiosk(&session)?, "still a kiosk");
    assert_eq!(session.text("[data-testid=keyboard-help]")?, None, "no cheat sheet");
    // A reloaded window is a kiosk again (only the backend ends it).
    session.script("location.reload()", json!([]))?;
    kiosk_step(&session, "[data-testid=kiosk-input]")?;
    assert!(in_kiosk(&session)?, "a kiosk after a reload");
    nobody_in_page(&session, &people, None)?;

    // A code scanned at the kiosk finds its owner; someone else's is turned down.
    let scanned = fair.registrants.iter().find(|r| r.id != visitor.id).ok_or("nobody else registered")?;
    let scanned_first = scanned.name.split_whitespace().next().unwrap_or_default();
    session.type_into("[data-testid=kiosk-input]", &format!("TD:{}{}", scanned.code, keys::ENTER))?;
    assert_eq!(kiosk_step(&session, "[data-testid=kiosk-confirm]")?, format!("Are you {scanned_first}?"));
    session.click("[data-testid=kiosk-no]")?;
    kiosk_step(&session, "[data-testid=kiosk-input]")?;
    assert!(!fair.attended(&store, scanned.id)?, "\"not me\" checks nobody in");

    // A new person signs up: registered as a kiosk walk-in and checked in.
    session.click("[data-testid=kiosk-sign-up-start]")?;
    for (field, value) in [
        ("first", "Ngozi"),
        ("last", "Eze"),
        ("email", "ngozi.eze@example.org"),
        ("affiliation", "Lagos Business School"),
    ] {
        session.type_into(&format!("[data-testid=kiosk-{field}]"), value)?;
    }
    session.click("[data-testid=kiosk-consent]")?;
    nobody_in_page(&session, &people, None)?;
    session.screenshot("kiosk-sign-up")?;
    session.click("[data-testid=kiosk-sign-up-submit]")?;
    let done = kiosk_step(&session, "[data-testid=kiosk-done]")?;
    assert!(done.contains("Thank you, Ngozi!"), "{done}");
    session.screenshot("kiosk-done")?;
    nobody_in_page(&session, &people, None)?;

    // A wrong PIN keeps the kiosk; the right one gives the window back.
    session.click("[data-testid=kiosk-leave]")?;
    session.type_into("[data-testid=kiosk-pin-input]", &format!("1111{}", keys::ENTER))?;
    let refused = kiosk_step(&session, "[data-testid=kiosk-pin-error]")?;
    assert!(refused.contains("not the one set"), "{refused}");
    session.screenshot("kiosk-pin")?;
    assert!(in_kiosk(&session)?);
    session.type_into("[data-testid=kiosk-pin-input]", &format!("2468{}", keys::ENTER))?;
    session.wait_for("the check-in screen again", |s| s.text("[data-testid=door-counts]"))?;

    let store = fair.demo.open()?;
    let m = fair.membership(&store, visitor.id)?.ok_or("the visitor is not on the list")?;
    assert_eq!(m.member.checked_in_by.as_deref(), Some(fair.admin.email.as_str()), "checked in under the recruiter");
    let query = MemberQuery { which: MemberFilter::WalkIns, text: "ngozi".into() };
    let signed_up = store.event_members(fair.event.id, &query, 10, 0).map_err(err)?.rows;
    let signed_up = signed_up.first().ok_or("the sign-up is not on the list")?;
    assert_eq!(signed_up.member.registered_via, Some(RegistrationVia::Kiosk));
    assert!(signed_up.member.attended);

    // Out of the kiosk, closing the window closes it (so the kiosk's refusal above was real).
    ask_window_to_close()?;
    let deadline = Instant::now() + Duration::from_secs(20);
    while session.script("return 1", json!([])).is_ok() {
        if Instant::now() > deadline {
            return Err("the window did not close outside kiosk mode".into());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(())
}

#[test]
fn a_kiosk_left_alone_for_a_minute_clears_itself() -> Result<(), String> {
    let fair = fair(120, 10, 53)?;
    let session = Session::start(&["--db", fair.demo.arg()?])?;
    fair.event_page(&session)?;
    session.click("[data-testid=event-kiosk]")?;
    session.type_into("[data-testid=kiosk-pin-input]", "135790")?;
    session.type_into("[data-testid=kiosk-pin-again]", "135790")?;
    session.click("[data-testid=kiosk-pin-submit]")?;
    kiosk_step(&session, "[data-testid=kiosk-sign-up-start]")?;
    session.click("[data-testid=kiosk-sign-up-start]")?;
    kiosk_step(&session, "[data-testid=kiosk-first]")?;
    session.type_into("[data-testid=kiosk-first]", "Half")?;
    session.type_into("[data-testid=kiosk-email]", "half.typed@example.org")?;
    let left = Instant::now();
    std::thread::sleep(Duration::from_secs(50));
    assert!(session.text("[data-testid=kiosk-sign-up]")?.is_some(), "not cleared before a minute");
    session.wait_for("the kiosk cleared", |s| s.text("[data-testid=kiosk-input]"))?;
    // The last key was pressed just before `left`: a minute after it, give or take the call.
    assert!(left.elapsed() >= Duration::from_secs(59), "cleared after {:?}", left.elapsed());
    let typed = session.script("return document.querySelector('[data-testid=kiosk-input]').value", json!([]))?;
    assert_eq!(typed, json!(""));
    Ok(())
}
