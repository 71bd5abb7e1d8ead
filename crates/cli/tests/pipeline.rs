//! `talentdesk-cli pipeline …` on a demo database, run as a script would: a pipeline created
//! and listed, a member moved and refused a status the pipeline lacks, renamed, made private by
//! its owner only, someone's private pipeline out of reach, archiving.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::{Command, Output};

use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_store::Store;
use uuid::Uuid;

const SAM: &str = "sam.lindqvist@acme-talent.example";
const PRIYA: &str = "priya.raman@acme-talent.example";

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talentdesk-cli")).args(args.iter().map(OsStr::new)).output().expect("the CLI runs")
}

fn ok(args: &[&str]) -> String {
    let out = cli(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn refused(args: &[&str]) -> String {
    let out = cli(args);
    assert!(!out.status.success(), "{args:?} succeeded: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&["demo", "--candidates", "200", "--db", db.to_str().unwrap()]);
    (dir, db)
}

/// The workflow status of `candidate` in `pipeline`, as the profile shows it.
fn status_of(db: &PathBuf, candidate: Uuid, pipeline: Uuid) -> Option<String> {
    let store = Store::open(db).unwrap();
    let admin = store.user_by_email("rita.okafor@acme-talent.example").unwrap();
    let profile = store.profile(&admin, candidate).unwrap();
    profile.pipelines.into_iter().find(|m| m.pipeline_id == pipeline).map(|m| m.status)
}

#[test]
fn a_recruiter_scripts_a_pipeline_from_creation_to_archive() {
    let (_dir, db) = demo();
    let path = db.to_str().unwrap();
    let created =
        ok(&["pipeline", "create", "--db", path, "--as", SAM, "--name", "Night shift", "--statuses", "New,Call,Offer"]);
    let pipeline: Uuid = created.trim().parse().unwrap();
    let listed = ok(&["pipeline", "list", "--db", path, "--as", PRIYA]);
    assert!(listed.contains("Night shift  [New → Call → Offer]  0 unreviewed, 0 in pipeline"), "{listed}");

    // Someone in it (the app's Add to Pipeline), then moved by name of the pipeline.
    let candidate = {
        let mut store = Store::open(&db).unwrap();
        let sam = store.user_by_email(SAM).unwrap();
        let candidate = store.search(&Default::default(), &Default::default()).unwrap().rows[0].id;
        let add = Mutation::PipelineAdd { selection: Selection::ids([candidate]), pipeline_id: pipeline, status: None };
        store.apply(&sam, add).unwrap();
        candidate
    };
    let id = candidate.to_string();
    let moved = ok(&[
        "pipeline",
        "move",
        "--db",
        path,
        "--as",
        PRIYA,
        "--pipeline",
        "night SHIFT",
        "--candidate",
        &id,
        "--status",
        "call",
    ]);
    assert_eq!(moved.trim(), "Moved the candidate in Night shift");
    assert_eq!(status_of(&db, candidate, pipeline).as_deref(), Some("Call"));
    let no_status = refused(&[
        "pipeline",
        "move",
        "--db",
        path,
        "--as",
        SAM,
        "--pipeline",
        &pipeline.to_string(),
        "--candidate",
        &id,
        "--status",
        "Hired",
    ]);
    assert!(no_status.contains("has no status \"Hired\""), "{no_status}");

    // Renamed by a teammate; made private by its owner only.
    let renamed =
        ok(&["pipeline", "rename", "--db", path, "--as", PRIYA, "--pipeline", "Night shift", "--name", "Nights"]);
    assert_eq!(renamed.trim(), "Renamed Night shift to Nights");
    let not_hers = refused(&["pipeline", "private", "--db", path, "--as", PRIYA, "--pipeline", "Nights"]);
    assert!(not_hers.contains("belongs to someone else"), "{not_hers}");
    ok(&["pipeline", "private", "--db", path, "--as", SAM, "--pipeline", "Nights"]);
    assert!(!ok(&["pipeline", "list", "--db", path, "--as", PRIYA]).contains("Nights"), "Priya no longer sees it");
    ok(&["pipeline", "private", "--db", path, "--as", SAM, "--pipeline", "Nights", "--shared"]);
    ok(&["pipeline", "rename", "--db", path, "--as", SAM, "--pipeline", "Nights", "--name", "Night shift"]);

    ok(&["pipeline", "archive", "--db", path, "--as", PRIYA, "--pipeline", "Night shift"]);
    assert!(!ok(&["pipeline", "list", "--db", path, "--as", SAM]).contains("Night shift"));
    assert!(ok(&["pipeline", "list", "--db", path, "--as", SAM, "--all"]).contains("Night shift  archived"));
    assert_eq!(status_of(&db, candidate, pipeline).as_deref(), Some("Call"), "its members stay");
}

#[test]
fn bad_input_is_refused_with_the_reason() {
    let (_dir, db) = demo();
    let path = db.to_str().unwrap();
    // Sam's private pipeline (the demo's) is not Priya's: she does not even find it.
    let hidden = refused(&["pipeline", "archive", "--db", path, "--as", PRIYA, "--pipeline", "Sam's Executive Search"]);
    assert!(hidden.contains("no pipeline is named \"Sam's Executive Search\""), "{hidden}");
    let twice = refused(&["pipeline", "create", "--db", path, "--as", SAM, "--name", "Dup", "--statuses", "New,new"]);
    assert!(twice.contains("\"new\" is listed twice"), "{twice}");
    let nameless = refused(&["pipeline", "create", "--db", path, "--as", SAM, "--name", " ", "--statuses", "New"]);
    assert!(nameless.contains("name: is required"), "{nameless}");
}
