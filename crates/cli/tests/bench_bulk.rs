//! `talentdesk-cli bench bulk` on a small demo database, so the benchmark cannot silently
//! break: it tags a search's results spread over the database, opens profiles as the window
//! does (each records a review), and takes its tag away again.

use std::process::Command;

use talentdesk_store::Store;

fn cli(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_talentdesk-cli")).args(args).output().expect("the CLI runs");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bulk_tags_a_spread_search_and_opens_profiles_as_the_window_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let path = db.to_str().unwrap();
    cli(&["demo", "--candidates", "400", "--db", path]);
    let tags = || Store::open(&db).unwrap().tags().unwrap().into_iter().map(|t| t.name).collect::<Vec<_>>();
    let tags_before = tags();
    let report: serde_json::Value = serde_json::from_str(&cli(&["bench", "bulk", "--db", path, "--json"])).unwrap();

    let tagged = report["tagged"].as_u64().unwrap();
    assert!(tagged >= 40, "the engineers among 400 people: {tagged}");
    // A search's results reach across the database, not a run of neighbours.
    assert!(report["spread"].as_f64().unwrap() > 0.8, "{report}");
    for measure in ["tag_100k_ms", "export_100k_ms", "delete_tag_ms", "profile_p95_ms"] {
        assert!(report[measure].as_f64().unwrap() > 0.0, "{measure}: {report}");
    }
    // Up to 1,000 profiles spread over the database: here everyone's.
    assert_eq!(report["profiles_opened"].as_u64(), Some(400));
    assert_eq!(tags(), tags_before, "the benchmark's tag is gone again");
}
