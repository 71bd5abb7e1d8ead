//! `talentdesk-cli job …` on a demo database, run as a script would: a job created, candidates
//! submitted, one moved to Hired (the Hired activity follows), one withdrawn, a second Hired
//! and a submission to the closed job refused with the reason.

use std::process::{Command, Output};

use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_store::Store;
use uuid::Uuid;

const ADMIN: &str = "rita.okafor@acme-talent.example";
const RECRUITER: &str = "sam.lindqvist@acme-talent.example";

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talentdesk-cli")).args(args).output().expect("the CLI runs")
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

/// A candidate a recruiter adds by hand (the demo's may be hired or withdrawn already).
fn new_candidate(db: &str, first: &str) -> String {
    let mut store = Store::open(db).unwrap();
    let recruiter = store.user_by_email(RECRUITER).unwrap();
    let id = Uuid::now_v7();
    let profile = Profile { first_name: first.into(), last_name: "Test".into(), ..Profile::default() };
    let create = Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::RecruiterGenerated };
    store.apply(&recruiter, create).unwrap();
    id.to_string()
}

#[test]
fn a_script_runs_a_job_from_creation_to_hire_and_close() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    ok(&["demo", "--candidates", "60", "--db", db]);
    let (ana, bo) = (new_candidate(db, "Ana"), new_candidate(db, "Bo"));

    let recruiter_may_not = refused(&["job", "create", "--db", db, "--as", RECRUITER, "--title", "Welder"]);
    assert!(recruiter_may_not.contains("only recruiter admins may manage jobs"), "{recruiter_may_not}");
    let id = ok(&[
        "job",
        "create",
        "--db",
        db,
        "--as",
        ADMIN,
        "--title",
        "Welder",
        "--location",
        "Porto",
        "--ats-id",
        "R-12",
    ]);
    let id: Uuid = id.trim().parse().unwrap();
    let list = ok(&["job", "list", "--db", db]);
    assert!(list.contains(&format!("{id}  open    Welder (Porto)  ATS R-12  0 applicants")), "{list}");

    let ids = format!("{ana},{bo}");
    assert_eq!(
        ok(&["job", "submit", "--db", db, "--as", RECRUITER, "--job", "welder", "--ids", &ids]).trim(),
        "Submitted 2 to Welder"
    );
    ok(&["job", "status", "--db", db, "--as", RECRUITER, "--job", "Welder", "--candidate", &ana, "--status", "hired"]);
    let view = Store::open(db).unwrap().job_view(id).unwrap();
    let hired = view.applicants.iter().find(|a| a.candidate.id.to_string() == ana).unwrap();
    assert_eq!((hired.application.hiring_status.as_str(), hired.application.bin.as_str()), ("Hired", "Submissions"));
    assert_eq!(hired.candidate.activity, ActivityStatus::Hired);

    let bad = refused(&[
        "job",
        "status",
        "--db",
        db,
        "--as",
        RECRUITER,
        "--job",
        "Welder",
        "--candidate",
        &bo,
        "--status",
        "Archived",
    ]);
    assert!(bad.contains("hiring_status: \"Archived\" is not one of: New Submission, Reviewed"), "{bad}");
    let withdrew =
        ok(&["job", "withdraw", "--db", db, "--as", RECRUITER, "--job", &id.to_string(), "--candidate", &bo]);
    assert_eq!(withdrew.trim(), "The candidate withdrew from Welder");

    ok(&["job", "close", "--db", db, "--as", ADMIN, "--job", "Welder"]);
    let closed = refused(&["job", "submit", "--db", db, "--as", RECRUITER, "--job", "Welder", "--ids", &bo]);
    assert!(closed.contains("\"Welder\" is closed"), "{closed}");
    assert!(ok(&["job", "list", "--db", db]).contains("closed  Welder"));
    let unknown = refused(&["job", "close", "--db", db, "--as", ADMIN, "--job", "Plumber"]);
    assert!(unknown.contains("no job is named \"Plumber\" (talentdesk-cli job list shows them)"), "{unknown}");
}
