//! `bench app`: the desktop app timed on a real database, as a recruiter feels it.
//!
//! The start: the app is launched with `--bench OUT` and its window writes when the first page
//! of results is on screen; this side adds the time since launch and the memory of the app's
//! process and its webview processes. Once after a warm start (the second launch: the
//! operating system's file cache holds the database and the app), and with `--cold` once after
//! a cold one (the whole file cache dropped, as after a reboot — where the machine lets this
//! user drop it; else the report says why not).
//!
//! Typing: the app is started under WebDriver (tauri-driver, which reads what the window noted)
//! and words drawn from the database (names, emails, titles, skills) are typed into the search
//! box on the display's keyboard (XTEST: real key events from the window system, as a user's),
//! at a human's pace (120 ms between keys) and fast (30 ms). Each keystroke is timed from its
//! key press to the first painted page that includes it (the window notes each first page
//! painted; benchmark.svelte.ts), so a key the page was too busy to take in also counts its
//! wait. Between words the box is cleared by keys (Ctrl+A, Backspace) and search's cached sets
//! are dropped, as any write drops them. Needs an X display (or `xvfb-run`) and tauri-driver.
//!
//! The database is timed as the app finds it from its second start on, with search's facts
//! saved.

use std::collections::{BTreeMap, HashMap};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};
use serde::Deserialize;
use serde_json::{Value, json};
use talentdesk_e2e::Session;
use talentdesk_e2e::keyboard::{self, Keyboard};
use talentdesk_store::Store;

use crate::bench::Stats;

/// How long the app may take to report its start.
const TIMEOUT: Duration = Duration::from_secs(300);
/// How long a typed word may take to show its results.
const WORD_TIMEOUT: Duration = Duration::from_secs(20);
/// The two paces typed, milliseconds between keys.
const PACES: [(&str, u64); 2] = [("human", 120), ("fast", 30)];
/// The slowest keystrokes listed for each pace, to see what to make faster.
const SLOWEST: usize = 10;
/// A pace stops typing once this many words in a row never showed: the window no longer takes
/// the keys or no longer paints new searches, and every further word would only wait out its
/// timeout (the whole run then took hours and printed nothing). What it measured is reported.
const GIVE_UP_AFTER: usize = 3;

/// Says on stderr how far the benchmark got: a run at a million candidates takes minutes, and
/// the report comes only at its end.
fn progress(what: std::fmt::Arguments) {
    eprintln!("bench app: {what}");
}

pub fn app(db: &Path, app: &Path, words: Option<usize>, cold: bool, json_out: bool) -> anyhow::Result<ExitCode> {
    if !app.is_file() {
        bail!("no app at {}; build it with `cargo build --release -p talentdesk-app`", app.display());
    }
    progress(format_args!("saving search's facts in {}", db.display()));
    let facts = save_search_facts(db)?;
    // The first launch warms the file cache; the second is timed as a warm start.
    progress(format_args!("first start of {} (warms the file cache)", app.display()));
    launch(db, app)?;
    let warm = launch(db, app)?;
    progress(format_args!("first page after a warm start: {} ms", warm.first_page_ms));
    let cold = match cold.then(drop_file_cache) {
        Some(Ok(())) => {
            let first_page_ms = launch(db, app)?.first_page_ms;
            progress(format_args!("first page after a cold start: {first_page_ms} ms"));
            json!(first_page_ms)
        }
        Some(Err(why)) => json!(format!("not measured: {why:#}")),
        None => json!("not measured (--cold)"),
    };
    let typed = typing(db, app, words)?;
    let out = json!({
        "candidates": warm.report["total"],
        "search_facts": facts,
        "first_page_warm_ms": warm.first_page_ms,
        "first_page_cold_ms": cold,
        "startup": warm.startup,
        "typing": typed,
        // Of the app's resident memory, how much is the database file mapped in (pages the
        // system can drop at any time and read again).
        "memory": warm.memory,
    });
    if json_out {
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print(&out);
    }
    Ok(ExitCode::SUCCESS)
}

fn print(out: &Value) {
    println!("search's facts saved {}", out["search_facts"].as_str().unwrap_or_default());
    println!("first page on screen after a warm start: {} ms", out["first_page_warm_ms"]);
    match &out["first_page_cold_ms"] {
        Value::String(why) => println!("first page on screen after a cold start: {why}"),
        ms => println!("first page on screen after a cold start: {ms} ms"),
    }
    let steps: Vec<String> =
        out["startup"].as_object().into_iter().flatten().map(|(k, v)| format!("{k} {v}")).collect();
    println!("  the window's start, ms after launch: {}", steps.join(", "));
    for pace in out["typing"].as_array().into_iter().flatten() {
        println!(
            "typing {} ({} ms between keys, {} words, {} keystrokes, {} words never shown):",
            pace["pace"].as_str().unwrap_or_default(),
            pace["interval_ms"],
            pace["words"],
            pace["keystrokes"],
            pace["words_never_shown"]
        );
        if let Some(why) = pace["stopped"].as_str() {
            println!("  stopped {why}");
        }
        let line = |label: &str, s: &Value| {
            println!("  {label:<22} p50 {:>7} ms  p95 {:>7} ms  max {:>7} ms", s["p50_ms"], s["p95_ms"], s["max_ms"]);
        };
        for length in pace["by_prefix_length"].as_array().into_iter().flatten() {
            line(&format!("prefix of {:>2} ({:>4})", length["prefix_length"], length["keystrokes"]), &length["stats"]);
        }
        line("overall", &pace["overall"]);
        line("from the input event", &pace["from_input_event"]);
        line("  input → answer", &pace["input_event_to_answer"]);
        line("  answer → paint", &pace["answer_to_paint"]);
        line("key press → input event", &pace["input_event_after_press"]);
        for slow in pace["slowest"].as_array().into_iter().flatten() {
            println!(
                "  slow: {} painted {} ms after its key (input → answer {} ms, answer → paint {} ms)",
                slow["typed"], slow["to_paint_ms"], slow["input_event_to_answer_ms"], slow["answer_to_paint_ms"]
            );
        }
    }
    let m = &out["memory"];
    println!(
        "memory: app process {} MB ({} MB of it files mapped in), webview processes {} MB",
        m["app_mb"], m["app_file_mapped_mb"], m["webview_mb"]
    );
}

/// One start of the app, timed by its window.
struct Start {
    first_page_ms: f64,
    report: Value,
    startup: serde_json::Map<String, Value>,
    memory: Value,
}

fn launch(db: &Path, app: &Path) -> anyhow::Result<Start> {
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
    let report = report?;
    let (app_mb, webview_mb, app_file_mb) = memory.unwrap_or_default();
    let first_page_ms =
        report["first_page_at_epoch_ms"].as_f64().context("the report has no first page time")? - launched;
    // The window's own start: when its page began to load, and the marks it set since.
    let page_began_ms = report["page_began_at_epoch_ms"].as_f64().unwrap_or(launched) - launched;
    let mut startup = serde_json::Map::new();
    startup.insert("page_began".into(), json!(page_began_ms.round()));
    for (mark, at) in report["startup"].as_object().into_iter().flatten() {
        startup.insert(mark.clone(), json!((page_began_ms + at.as_f64().unwrap_or_default()).round()));
    }
    let memory = json!({ "app_mb": app_mb, "app_file_mapped_mb": app_file_mb, "webview_mb": webview_mb, "total_mb": app_mb + webview_mb });
    Ok(Start { first_page_ms: (first_page_ms * 10.0).round() / 10.0, report, startup, memory })
}

/// Empties the operating system's file cache (written pages first), as a reboot would: the
/// database, the app and its libraries are read from disk again. Needs root.
fn drop_file_cache() -> anyhow::Result<()> {
    Command::new("sync").status()?;
    std::fs::write("/proc/sys/vm/drop_caches", "3").context("cannot write /proc/sys/vm/drop_caches (needs root)")
}

/// What the window noted while it was typed into (bench.svelte.ts).
#[derive(Deserialize, Default)]
struct Noted {
    inputs: Vec<Input>,
    paints: Vec<Paint>,
}

#[derive(Deserialize)]
struct Input {
    value: String,
    event_at: f64,
}

#[derive(Deserialize)]
struct Paint {
    query: String,
    /// When the store's answer reached the window (absent from windows built before it was noted).
    #[serde(default)]
    answered_at: Option<f64>,
    painted_at: f64,
}

/// One keystroke: the text in the box after it, and when its key was pressed.
struct Keystroke {
    typed: String,
    pressed_at: f64,
}

/// A keystroke's timings, in ms.
struct Timed {
    typed: String,
    prefix_length: usize,
    /// From the key press to the first painted page that shows its text (or more).
    to_paint: f64,
    /// From the page's input event to that paint, and from the key press to that event.
    from_input: Option<(f64, f64)>,
    /// Of the time from the input event to the paint: until the search's answer arrived (the
    /// command, the store and any search it waited for), and from there to the paint.
    split: Option<(f64, f64)>,
}

/// Pairs each keystroke with the first painted page that shows its text or a longer one (a
/// page skipped while typing on is covered by the next one painted).
fn pair(keystrokes: &[Keystroke], noted: &Noted) -> Vec<Timed> {
    keystrokes
        .iter()
        .filter_map(|k| {
            let paint = noted.paints.iter().find(|p| p.painted_at >= k.pressed_at && p.query.starts_with(&k.typed))?;
            let input = noted.inputs.iter().find(|i| i.value == k.typed);
            Some(Timed {
                typed: k.typed.clone(),
                prefix_length: k.typed.chars().count(),
                to_paint: paint.painted_at - k.pressed_at,
                from_input: input.map(|i| (paint.painted_at - i.event_at, i.event_at - k.pressed_at)),
                split: input.zip(paint.answered_at).map(|(i, at)| (at - i.event_at, paint.painted_at - at)),
            })
        })
        .collect()
}

fn typing(db: &Path, app: &Path, limit: Option<usize>) -> anyhow::Result<Vec<Value>> {
    let store = Store::open(db)?;
    let drawn = crate::bench_typing::words(&store, false)?;
    drop(store);
    // The display's keyboard has keys for ASCII only: a word with other letters is left out.
    let (mut words, untypable): (Vec<String>, Vec<String>) =
        drawn.into_iter().map(|(_, w)| w).partition(|w| w.chars().all(Keyboard::types));
    words.truncate(limit.unwrap_or(usize::MAX));
    let db = db.to_str().context("the database's path is not UTF-8")?;
    let report_path = std::env::temp_dir().join(format!("talentdesk-bench-typing-{}.json", std::process::id()));
    let report = report_path.to_str().context("the temporary path is not UTF-8")?;
    let session = Session::start_app(app, &["--db", db, "--bench", report], &[]).map_err(anyhow::Error::msg)?;
    let ready = "return !!window.talentdeskBench";
    session
        .wait_for("the window's first page", |s| Ok(s.script(ready, json!([]))?.as_bool().filter(|r| *r)))
        .map_err(anyhow::Error::msg)?;
    let keyboard = Keyboard::connect().map_err(anyhow::Error::msg)?;
    let window = keyboard.window_titled("Talentdesk").map_err(anyhow::Error::msg)?.context("no Talentdesk window")?;
    keyboard.focus(window).map_err(anyhow::Error::msg)?;
    session.click("[data-testid=search-input]").map_err(anyhow::Error::msg)?;
    let paces = PACES
        .iter()
        .map(|(pace, interval)| {
            let mut timed = type_words(&session, &keyboard, &words, pace, *interval)?;
            timed["words_left_out"] = json!(untypable.len());
            Ok(timed)
        })
        .collect();
    drop(session);
    let _ = std::fs::remove_file(&report_path);
    paces
}

/// Types every word at one pace; the timings by prefix length.
fn type_words(
    session: &Session,
    keyboard: &Keyboard,
    words: &[String],
    pace: &str,
    interval_ms: u64,
) -> anyhow::Result<Value> {
    let mut by_length: BTreeMap<usize, Vec<Duration>> = BTreeMap::new();
    let (mut from_input, mut input_late) = (Vec::new(), Vec::new());
    let (mut to_answer, mut to_draw) = (Vec::new(), Vec::new());
    let (mut never_shown, mut in_a_row, mut typed) = (0, 0, 0);
    let mut slowest: Vec<Timed> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        clear_box(session, keyboard)?;
        let started = Instant::now();
        let keystrokes = type_word(keyboard, word, interval_ms)?;
        let last = keystrokes.last().map(|k| k.typed.clone()).unwrap_or_default();
        let noted = wait_for_paint(session, &last)?;
        let shown = noted.paints.iter().any(|p| p.query == last);
        let took = started.elapsed().as_millis();
        progress(format_args!(
            "{pace} {}/{}: {last:?} {} {took} ms after its first key",
            i + 1,
            words.len(),
            if shown { "shown" } else { "never shown, given up" }
        ));
        typed = i + 1;
        if shown {
            in_a_row = 0;
        } else {
            never_shown += 1;
            in_a_row += 1;
        }
        for timed in pair(&keystrokes, &noted) {
            by_length.entry(timed.prefix_length).or_default().push(duration(timed.to_paint));
            if let Some((to_paint, late)) = timed.from_input {
                from_input.push(duration(to_paint));
                input_late.push(duration(late));
            }
            if let Some((answer, draw)) = timed.split {
                to_answer.push(duration(answer));
                to_draw.push(duration(draw));
            }
            slowest.push(timed);
        }
        slowest.sort_by(|a, b| b.to_paint.total_cmp(&a.to_paint));
        slowest.truncate(SLOWEST);
        if in_a_row == GIVE_UP_AFTER {
            progress(format_args!(
                "{pace}: the window showed none of the last {GIVE_UP_AFTER} words; this pace stops after {typed} words"
            ));
            break;
        }
    }
    let slowest: Vec<Value> = slowest
        .iter()
        .map(|t| {
            let (to_answer, to_draw) = t.split.unzip();
            json!({ "typed": t.typed, "to_paint_ms": t.to_paint.round(), "input_event_to_answer_ms": to_answer, "answer_to_paint_ms": to_draw })
        })
        .collect();
    let all: Vec<Duration> = by_length.values().flatten().copied().collect();
    anyhow::ensure!(!all.is_empty(), "no keystroke showed its results");
    let lengths: Vec<Value> = by_length
        .iter()
        .map(|(length, samples)| json!({ "prefix_length": length, "keystrokes": samples.len(), "stats": Stats::of(samples) }))
        .collect();
    Ok(json!({
        "pace": pace, "interval_ms": interval_ms, "words": typed, "keystrokes": all.len(),
        "stopped": (typed < words.len()).then_some(format!("after {typed} of {} words: the last {GIVE_UP_AFTER} never showed", words.len())),
        "words_never_shown": never_shown, "by_prefix_length": lengths, "overall": Stats::of(&all),
        "from_input_event": Stats::of(&from_input), "input_event_after_press": Stats::of(&input_late),
        "input_event_to_answer": Stats::of(&to_answer), "answer_to_paint": Stats::of(&to_draw),
        "slowest": slowest,
    }))
}

fn duration(ms: f64) -> Duration {
    Duration::from_secs_f64(ms.max(0.0) / 1000.0)
}

/// Empties the search box as a user would (select all, delete) and waits for the page of the
/// empty box; then drops search's cached sets, as a write would, so the next word's first letter
/// is not answered from an earlier word's. What the window noted meanwhile is forgotten.
fn clear_box(session: &Session, keyboard: &Keyboard) -> anyhow::Result<()> {
    let empty = "return document.querySelector('[data-testid=search-input]').value === ''";
    if session.script(empty, json!([])).map_err(anyhow::Error::msg)?.as_bool() != Some(true) {
        keyboard.chord(keyboard::CONTROL, u32::from(b'a')).map_err(anyhow::Error::msg)?;
        keyboard.press(keyboard::BACKSPACE, false).map_err(anyhow::Error::msg)?;
        wait_for_paint(session, "")?;
    }
    session
        .script("return window.talentdeskBench.clearCache().then(() => true)", json!([]))
        .map_err(anyhow::Error::msg)?;
    Ok(())
}

/// Types the first 12 characters of `word` on the display's keyboard, one every `interval_ms`;
/// each keystroke with the time it was pressed.
fn type_word(keyboard: &Keyboard, word: &str, interval_ms: u64) -> anyhow::Result<Vec<Keystroke>> {
    let started = Instant::now();
    let mut keystrokes = Vec::new();
    let mut typed = String::new();
    for (i, c) in word.chars().take(crate::bench_typing::LONGEST).enumerate() {
        std::thread::sleep(Duration::from_millis(interval_ms * i as u64).saturating_sub(started.elapsed()));
        typed.push(c);
        keystrokes.push(Keystroke { typed: typed.clone(), pressed_at: epoch_ms(SystemTime::now()) });
        keyboard.type_char(c).map_err(anyhow::Error::msg)?;
    }
    Ok(keystrokes)
}

/// Waits until the window has painted the page of `query` (or WORD_TIMEOUT passed) and returns
/// all it noted since it was last asked.
fn wait_for_paint(session: &Session, query: &str) -> anyhow::Result<Noted> {
    let take = "const b = window.talentdeskBench; return { inputs: b.inputs.splice(0), paints: b.paints.splice(0) };";
    let deadline = Instant::now() + WORD_TIMEOUT;
    let mut noted = Noted::default();
    loop {
        let more: Noted = serde_json::from_value(session.script(take, json!([])).map_err(anyhow::Error::msg)?)?;
        noted.inputs.extend(more.inputs);
        noted.paints.extend(more.paints);
        if noted.paints.iter().any(|p| p.query == query) || Instant::now() > deadline {
            return Ok(noted);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
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
