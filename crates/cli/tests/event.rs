//! `talentdesk-cli event …` on a demo database, run as a script would: events created and
//! listed, people checked in by code and by email (once), and badge PDFs read back with
//! poppler.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use talentdesk_store::Store;
use talentdesk_store::views::{EventMemberRow, EventSummary, MemberFilter, MemberQuery};
use uuid::Uuid;

const RECRUITER: &str = "sam.lindqvist@acme-talent.example";

/// The command line's words (`&str` or `String`).
trait Args: AsRef<OsStr> + std::fmt::Debug {}
impl<T: AsRef<OsStr> + std::fmt::Debug> Args for T {}

fn cli(args: &[impl Args]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talentdesk-cli")).args(args).output().expect("the CLI runs")
}

/// Runs the CLI, which must succeed, and returns what it printed.
fn ok(args: &[impl Args]) -> String {
    let out = cli(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Runs the CLI, which must fail, and returns its error.
fn refused(args: &[impl Args]) -> String {
    let out = cli(args);
    assert!(!out.status.success(), "{args:?} succeeded: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

/// A demo database of 300 candidates, with its events and their registrations.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&["demo", "--candidates", "300", "--db", db.to_str().unwrap()]);
    (dir, db)
}

fn members(db: &Path, event: Uuid, which: MemberFilter) -> Vec<EventMemberRow> {
    let query = MemberQuery { which, text: String::new() };
    Store::open(db).unwrap().event_members(event, &query, 500, 0).unwrap().rows
}

fn summaries(db: &str) -> Vec<serde_json::Value> {
    serde_json::from_str(&ok(&["event", "list", "--db", db, "--json"])).unwrap()
}

#[test]
fn events_are_created_listed_and_people_checked_in_once() {
    let (_dir, db) = demo();
    let path = db.to_str().unwrap();
    let id = ok(&[
        "event",
        "create",
        "--db",
        path,
        "--as",
        RECRUITER,
        "--name",
        "Porto Career Fair",
        "--category",
        "career-fair",
        "--starts-at",
        "2026-06-01T09:00:00Z",
        "--location",
        "Alfândega do Porto",
        "--capacity",
        "400",
    ]);
    let id = id.trim();
    let porto: Uuid = id.parse().expect("the new event's id");
    let listed = summaries(path);
    let row = listed.iter().find(|e| e["event"]["id"] == porto.to_string()).expect("the new event is listed");
    assert_eq!((row["event"]["capacity"].as_u64(), row["registered"].as_u64()), (Some(400), Some(0)));
    assert!(ok(&["event", "list", "--db", path]).contains("Porto Career Fair (Alfândega do Porto)"));

    // A registrant of a demo event who has not come yet, checked in by the code on their badge.
    let store = Store::open(&db).unwrap();
    let fair: EventSummary = store.events().unwrap().into_iter().find(|s| s.counts.no_shows > 0).unwrap();
    drop(store);
    let fair_id = fair.event.id.to_string();
    let person = members(&db, fair.event.id, MemberFilter::NoShows).remove(0);
    let code = person.code.to_lowercase();
    let said = ok(&["event", "check-in", "--db", path, "--as", RECRUITER, "--event", &fair_id, "--code", &code]);
    assert_eq!(said.trim(), format!("Checked in {} at {}", person.candidate.name, fair.event.name));
    let after = members(&db, fair.event.id, MemberFilter::Attended);
    let checked = after.iter().find(|m| m.candidate.id == person.candidate.id).expect("now attended");
    assert_eq!(checked.member.checked_in_by.as_deref(), Some(RECRUITER));

    // Scanned again at another table: said, and nothing changes.
    let scanned = format!("TD:{}", person.code);
    let other = "priya.raman@acme-talent.example";
    let again =
        ok(&["event", "check-in", "--db", path, "--as", other, "--event", &fair.event.name, "--code", &scanned]);
    assert!(again.contains("was already checked in") && again.contains(RECRUITER), "{again}");
    let still = members(&db, fair.event.id, MemberFilter::Attended);
    let same = still.iter().find(|m| m.candidate.id == person.candidate.id).unwrap();
    assert_eq!(same.member.checked_in_at, checked.member.checked_in_at);
    assert_eq!(same.member.checked_in_by.as_deref(), Some(RECRUITER));

    // Their code means nothing at another event; their email checks them in there, unregistered.
    let error = refused(&["event", "check-in", "--db", path, "--as", RECRUITER, "--event", id, "--code", &code]);
    assert!(error.contains(&format!("a check-in code for another event: {}", fair.event.name)), "{error}");
    let email = person.candidate.email.clone().expect("demo registrants who have not come have an email");
    let walked = ok(&["event", "check-in", "--db", path, "--as", RECRUITER, "--event", id, "--email", &email]);
    assert!(walked.contains("not registered"), "{walked}");
    let porto_row = summaries(path).into_iter().find(|e| e["event"]["id"] == porto.to_string()).unwrap();
    assert_eq!((porto_row["attended"].as_u64(), porto_row["registered"].as_u64()), (Some(1), Some(0)));
    let nobody = refused(&["event", "check-in", "--db", path, "--as", RECRUITER, "--event", id, "--email", "x@y.z"]);
    assert!(nobody.contains("no candidate has the email address x@y.z"), "{nobody}");
    let unknown =
        refused(&["event", "check-in", "--db", path, "--as", RECRUITER, "--event", "No Such Fair", "--code", &code]);
    assert!(unknown.contains("no event is named \"No Such Fair\""), "{unknown}");
}

fn pdf_text(pdf: &Path) -> (String, String) {
    let run = |tool: &str, args: &[&str]| {
        let out = Command::new(tool).args(args).arg(pdf).args(args.is_empty().then_some("-")).output();
        String::from_utf8(out.unwrap_or_else(|e| panic!("{tool} (poppler-utils): {e}")).stdout).unwrap()
    };
    let pages =
        run("pdfinfo", &["-isodates"]).lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().to_owned();
    (pages, run("pdftotext", &[]).split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn badges_for_every_registrant_or_the_people_chosen() {
    let (dir, db) = demo();
    let path = db.to_str().unwrap();
    let store = Store::open(&db).unwrap();
    let fair = store.events().unwrap().into_iter().max_by_key(|s| s.counts.registered).unwrap();
    drop(store);
    let registrants = members(&db, fair.event.id, MemberFilter::Registered);
    assert!(registrants.len() > 6, "the demo's largest event fills more than a Letter page");

    let all = dir.path().join("all.pdf");
    let said = ok(&[
        "event",
        "badges",
        "--db",
        path,
        "--event",
        &fair.event.id.to_string(),
        "--out",
        all.to_str().unwrap(),
        "--paper",
        "letter",
    ]);
    let pages = registrants.len().div_ceil(6);
    assert_eq!(said.trim(), format!("Wrote {} badges on {pages} Letter pages to {}", registrants.len(), all.display()));
    let (page_count, text) = pdf_text(&all);
    assert_eq!(page_count, pages.to_string());
    for person in &registrants {
        assert!(text.contains(person.candidate.name.trim()), "{} is missing: {text}", person.candidate.name);
        assert!(text.contains(&person.code), "{}'s code is missing", person.candidate.name);
    }

    let chosen = [registrants[2].candidate.id.to_string(), registrants[0].candidate.id.to_string()].join(",");
    let two = dir.path().join("two.pdf");
    let for_ids = |ids: &str| {
        let args = ["--db", path, "--event", &fair.event.name, "--out", two.to_str().unwrap(), "--ids", ids];
        ["event", "badges"].into_iter().chain(args).map(str::to_owned).collect::<Vec<String>>()
    };
    ok(&for_ids(&chosen));
    let (page_count, text) = pdf_text(&two);
    assert_eq!(page_count, "1");
    let position = |p: &EventMemberRow| text.find(p.candidate.name.trim());
    assert!(position(&registrants[2]).unwrap() < position(&registrants[0]).unwrap(), "in the order given");
    assert!(position(&registrants[1]).is_none(), "only the people chosen");

    let stranger = Uuid::now_v7().to_string();
    let error = refused(&for_ids(&stranger));
    assert!(error.contains(&format!("candidate {stranger} is not on the list of {}", fair.event.name)), "{error}");
}
