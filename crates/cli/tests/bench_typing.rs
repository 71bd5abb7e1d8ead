//! `talentdesk-cli bench typing` on a small demo database, so the benchmark cannot silently
//! break: it types every prefix of words from the database and reports each prefix length.

use std::process::Command;

#[test]
fn typing_reports_every_prefix_length_of_words_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let cli = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_talentdesk-cli")).args(args).output().expect("the CLI runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    cli(&["demo", "--candidates", "300", "--db", db.to_str().unwrap()]);
    let report: serde_json::Value =
        serde_json::from_str(&cli(&["bench", "typing", "--db", db.to_str().unwrap(), "--json"])).unwrap();

    let words = report["words"].as_u64().unwrap();
    assert!(words >= 60, "names, emails, titles and skills of 40 people: {words} words");
    let lengths = report["by_prefix_length"].as_array().unwrap();
    let length = |l: &serde_json::Value| l["prefix_length"].as_u64().unwrap();
    assert_eq!(lengths.iter().map(length).collect::<Vec<_>>(), (1..=12).collect::<Vec<_>>());
    // Every word is typed from its first character; fewer are long enough for each next one.
    assert_eq!(lengths[0]["searches"].as_u64(), Some(words));
    let searches: Vec<u64> = lengths.iter().map(|l| l["searches"].as_u64().unwrap()).collect();
    assert!(searches.windows(2).all(|w| w[0] >= w[1]), "{searches:?}");
    assert!(report["overall"]["p95_ms"].as_f64().unwrap() > 0.0);
    // Each kind of word is reported on its own, so a slow kind is not hidden by the others.
    let kinds: Vec<&str> = report["by_kind"].as_array().unwrap().iter().map(|k| k["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["first_name", "last_name", "email", "title", "skill"]);
    assert!(report["slowest"].as_array().unwrap().iter().all(|s| s["typed"].is_string()));
    // Asked as the search box asks: how many first pages came before their count is said.
    assert!(report["answered_before_counted"].as_u64().is_some(), "{report}");
}
