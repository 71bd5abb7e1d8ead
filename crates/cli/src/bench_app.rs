//! `bench app`: the desktop app timed on a real database. The app is started with `--bench`
//! and times itself in its window: when the first page of results is on screen, and how long
//! each of the search benchmark's keyword queries takes from keystroke to painted results.
//! This side adds what the window cannot see: time since launch and the memory of the app's
//! process and of its webview processes. Needs a display (or `xvfb-run`). The database is
//! timed as the app finds it from its second start on, with search's facts saved.

use std::collections::HashMap;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};
use serde_json::{Value, json};
use talentdesk_store::Store;

/// How long the app may take to report.
const TIMEOUT: Duration = Duration::from_secs(300);

pub fn app(db: &Path, app: &Path, json_out: bool) -> anyhow::Result<ExitCode> {
    if !app.is_file() {
        bail!("no app at {}; build it with `cargo build --release -p talentdesk-app`", app.display());
    }
    let facts = save_search_facts(db)?;
    let report_path = std::env::temp_dir().join(format!("talentdesk-bench-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&report_path);
    let launched = epoch_ms(SystemTime::now());
    let mut child = Command::new(app)
        .arg("--db")
        .arg(db)
        .arg("--bench")
        .arg(&report_path)
        // Its own process group, so stopping it also stops its webview processes.
        .process_group(0)
        .spawn()
        .with_context(|| format!("cannot start {}", app.display()))?;
    let report = wait_for_report(&report_path, &mut child);
    let memory = report.is_ok().then(|| memory_mb(child.id()));
    let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", child.id())]).status();
    let _ = child.wait();
    let _ = std::fs::remove_file(&report_path);
    let mut report = report?;
    let (app_mb, webview_mb, app_file_mb) = memory.unwrap_or_default();

    let first_page_ms =
        report["first_page_at_epoch_ms"].as_f64().context("the report has no first page time")? - launched;
    // The window's own start: when its page began to load, and the marks it set since.
    let page_began_ms = report["page_began_at_epoch_ms"].as_f64().unwrap_or(launched) - launched;
    let mut startup = serde_json::Map::new();
    startup.insert("page_began_ms".into(), json!(page_began_ms.round()));
    for (mark, at) in report["startup"].as_object().into_iter().flatten() {
        startup.insert(format!("{mark}_ms"), json!((page_began_ms + at.as_f64().unwrap_or_default()).round()));
    }
    let out = json!({
        "candidates": report["total"],
        "search_facts": facts,
        "first_page_ms": (first_page_ms * 10.0).round() / 10.0,
        "startup": startup,
        "keystroke": {
            "queries": report["queries"].take(),
            "overall": report["overall"].take(),
            "answer_arrived": report["answered"].take(),
            "page_updated": report["updated"].take(),
            "empty_command_round_trip": report["ipc"].take(),
        },
        // Of the app's resident memory, how much is the database file mapped in (pages the
        // system can drop at any time and read again).
        "memory": { "app_mb": app_mb, "app_file_mapped_mb": app_file_mb, "webview_mb": webview_mb, "total_mb": app_mb + webview_mb },
    });
    if json_out {
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("search's facts saved {facts}");
        println!("first page on screen {:.0} ms after launch", first_page_ms);
        let steps: Vec<String> = startup.iter().map(|(k, v)| format!("{} {v}", k.trim_end_matches("_ms"))).collect();
        println!("  the window's start, ms after launch: {}", steps.join(", "));
        for q in out["keystroke"]["queries"].as_array().into_iter().flatten() {
            println!(
                "keystroke → results {:<36} p50 {:>7.1} ms  p95 {:>7.1} ms  max {:>7.1} ms",
                q["query"].as_str().unwrap_or_default(),
                q["p50_ms"].as_f64().unwrap_or_default(),
                q["p95_ms"].as_f64().unwrap_or_default(),
                q["max_ms"].as_f64().unwrap_or_default()
            );
        }
        let o = &out["keystroke"]["overall"];
        println!("keystroke → results overall p50 {} ms, p95 {} ms, max {} ms", o["p50_ms"], o["p95_ms"], o["max_ms"]);
        let a = &out["keystroke"]["answer_arrived"];
        println!("  of which until the answer arrived: p50 {} ms, p95 {} ms", a["p50_ms"], a["p95_ms"]);
        let u = &out["keystroke"]["page_updated"];
        println!("  and until the page was updated: p50 {} ms, p95 {} ms", u["p50_ms"], u["p95_ms"]);
        let r = &out["keystroke"]["empty_command_round_trip"];
        println!("  (an empty command's round trip: p50 {} ms, p95 {} ms)", r["p50_ms"], r["p95_ms"]);
        println!(
            "memory: app process {app_mb} MB ({app_file_mb} MB of it files mapped in), webview processes {webview_mb} MB"
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Leaves search's saved facts as any start of the app after the first finds them: the
/// first start reads every candidate's row and saves them a few seconds later, often after
/// a benchmark run has ended. Says which it found.
fn save_search_facts(db: &Path) -> anyhow::Result<&'static str> {
    let mut store = Store::open(db)?;
    store.warm_search()?;
    Ok(if store.save_search_snapshot()? {
        "just now (none were, or they were far behind)"
    } else {
        "by an earlier start"
    })
}

fn epoch_ms(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64() * 1000.0).unwrap_or_default()
}

fn wait_for_report(path: &PathBuf, child: &mut std::process::Child) -> anyhow::Result<Value> {
    let deadline = Instant::now() + TIMEOUT;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait()? {
            bail!("the app exited ({status}) before reporting; is there a display (DISPLAY, or run under xvfb-run)?");
        }
        if let Ok(text) = std::fs::read_to_string(path)
            && let Ok(report) = serde_json::from_str::<Value>(&text)
        {
            return Ok(report);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("the app did not report within {} s", TIMEOUT.as_secs())
}

/// Resident memory (MB) of the process `pid`, of all its descendants together, and of the
/// files `pid` has mapped in.
fn memory_mb(pid: u32) -> (u64, u64, u64) {
    let parents = parents();
    let mut total_kb = 0;
    let mut stack = vec![pid];
    while let Some(p) = stack.pop() {
        if p != pid {
            total_kb += status_kb(p, "VmRSS:");
        }
        stack.extend(parents.iter().filter(|(_, parent)| **parent == p).map(|(child, _)| *child));
    }
    (status_kb(pid, "VmRSS:") / 1024, total_kb / 1024, status_kb(pid, "RssFile:") / 1024)
}

/// Every process's parent, from /proc.
fn parents() -> HashMap<u32, u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return HashMap::new() };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // The command name may hold spaces and parentheses: fields resume after the last ')'.
            let after = &stat[stat.rfind(')')? + 1..];
            let parent = after.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, parent))
        })
        .collect()
}

/// A kB figure of /proc/PID/status, such as `VmRSS:`.
fn status_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field))?.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}
