//! `talentdesk-cli bench app` on a small demo database, so the benchmark cannot silently break:
//! it starts the window, types words from the database on the display's keyboard and times
//! every keystroke to the painted page that shows it. Needs the CLI built
//! (`cargo build -p talentdesk-cli`, as the workspace's tests build it).

use std::process::Command;

use talentdesk_e2e::{DemoDb, Result, app_binary, err, workspace};

#[test]
fn the_app_benchmark_types_words_and_times_each_keystroke_to_its_page() -> Result<()> {
    let db = DemoDb::new(500, 11)?;
    let cli = workspace().join("target/debug/talentdesk-cli");
    let app = app_binary()?;
    let out = Command::new(&cli)
        .args(["bench", "app", "--db", db.arg()?, "--words", "4", "--json", "--app"])
        .arg(&app)
        .output()
        .map_err(|e| format!("cannot run {} (cargo build -p talentdesk-cli): {e}", cli.display()))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(err)?;

    assert!(report["first_page_warm_ms"].as_f64().is_some_and(|ms| ms > 0.0), "{report}");
    let paces = report["typing"].as_array().ok_or("no typing")?;
    assert_eq!(paces.iter().map(|p| p["interval_ms"].as_u64()).collect::<Vec<_>>(), [Some(120), Some(30)]);
    for pace in paces {
        assert_eq!(pace["words"].as_u64(), Some(4), "{pace}");
        assert_eq!(pace["words_never_shown"].as_u64(), Some(0), "every word's page was painted: {pace}");
        let lengths = pace["by_prefix_length"].as_array().ok_or("no prefix lengths")?;
        assert_eq!(lengths[0]["prefix_length"].as_u64(), Some(1), "{pace}");
        // Each word's first letter, as a key the window took in and painted a page for.
        assert_eq!(lengths[0]["keystrokes"].as_u64(), Some(4), "{pace}");
        assert!(pace["overall"]["p95_ms"].as_f64().is_some_and(|ms| ms > 0.0), "{pace}");
        // Where the time went: to the search's answer, then to the paint (at least a frame).
        assert!(pace["answer_to_paint"]["max_ms"].as_f64().is_some_and(|ms| ms > 0.0), "{pace}");
        assert!(pace["input_event_to_answer"]["max_ms"].as_f64().is_some(), "{pace}");
        assert!(pace["slowest"].as_array().is_some_and(|slow| !slow.is_empty()), "{pace}");
    }
    Ok(())
}
