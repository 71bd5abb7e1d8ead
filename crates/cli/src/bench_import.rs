//! `bench import`: a 100,000-row CSV, one row in ten an existing candidate (their email in
//! other case, a new phone number), imported into a copy of the database as the app would —
//! read, mapped, checked, deduplicated against every candidate, written through the mutation
//! path in batches. Before that, `dedupe_scan_1m_s`: the Duplicates page's finder over the
//! whole database (read only, on the database itself).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use anyhow::Context;
use serde_json::json;
use talentdesk_import::write::End;
use talentdesk_import::{Options, mapping, read};
use talentdesk_store::Store;

use crate::bench::tempfile_dir;

const HEADER: &str = "First Name,Last Name,Email,Mobile,Current Company,Title,City,Country,Skills\n";

pub fn import(db: &Path, rows: usize, json: bool) -> anyhow::Result<ExitCode> {
    let scan_s = dedupe_scan(db)?;
    let dir = tempfile_dir(db)?;
    let copy = dir.join("bench-copy.db");
    Store::open(db)?.copy_to(&copy)?;
    let outcome = import_on_copy(&copy, &dir.join("import.csv"), rows);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    let _ = std::fs::remove_file(dir.join("import.csv"));
    let _ = std::fs::remove_dir(&dir);
    let mut out = outcome?;
    out["dedupe_scan_1m_s"] = json!(scan_s);
    if json {
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!(
            "import {} rows ({} duplicates) into {} candidates: {:.1} s (read and plan {:.1} s, write {:.1} s)",
            out["rows"],
            out["duplicates"],
            out["candidates_before"],
            out["import_100k_s"],
            out["plan_s"],
            out["write_s"]
        );
        println!("duplicate finder over the whole database: {scan_s:.1} s");
    }
    Ok(ExitCode::SUCCESS)
}

/// The duplicate finder alone, three runs one after another (the first reads the file from
/// the disk cache as it is, the others from SQLite's and the system's caches).
pub fn scans(db: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let runs = (0..3).map(|_| dedupe_scan(db)).collect::<anyhow::Result<Vec<f64>>>()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&json!({ "dedupe_scan_1m_s": runs }))?);
    } else {
        println!("duplicate finder over the whole database: {runs:?} s");
    }
    Ok(ExitCode::SUCCESS)
}

/// Seconds the whole-database duplicate finder takes (national phones read as US numbers).
fn dedupe_scan(db: &Path) -> anyhow::Result<f64> {
    let store = Store::open(db)?;
    let started = Instant::now();
    let found = store.find_duplicates(Some("1"))?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!("{} groups of likely duplicates", found.groups.len());
    Ok((seconds * 100.0).round() / 100.0)
}

fn import_on_copy(copy: &Path, csv: &Path, rows: usize) -> anyhow::Result<serde_json::Value> {
    let mut store = Store::open(copy)?;
    let admin = store.users()?.into_iter().find(|u| u.role.is_admin()).context("no admin user: run `demo` first")?;
    let before = store.candidate_count()?;
    let duplicates = write_file(&store, csv, rows)?;

    let started = Instant::now();
    let table = read::open(csv, None)?;
    let mapping = mapping::guess(&table.headers, &store.custom_fields()?);
    let plan = talentdesk_import::plan::plan(&store, &admin, table, &mapping, Options::default())?;
    let plan_s = started.elapsed().as_secs_f64();
    let report = talentdesk_import::write::write(
        &plan,
        &AtomicBool::new(false),
        |batch| store.apply_all(&admin, batch),
        |p| eprint!("\r{} / {} rows written", p.done, p.total),
    );
    eprintln!();
    let total_s = started.elapsed().as_secs_f64();
    anyhow::ensure!(report.end == End::Finished, "the import stopped: {:?}", report.end);
    anyhow::ensure!(plan.counts.reject == 0, "{} rows rejected", plan.counts.reject);
    let round = |s: f64| (s * 100.0).round() / 100.0;
    Ok(json!({
        "rows": rows, "duplicates": duplicates, "candidates_before": before,
        "created": report.created, "merged": report.merged, "unchanged": plan.counts.unchanged,
        "import_100k_s": round(total_s), "plan_s": round(plan_s), "write_s": round(total_s - plan_s),
    }))
}

/// Writes the file: every tenth row someone in the database, the rest new people. Returns how
/// many rows are duplicates.
fn write_file(store: &Store, path: &Path, rows: usize) -> anyhow::Result<usize> {
    let existing = store.candidate_ids((rows / 10) as u32)?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    out.write_all(HEADER.as_bytes())?;
    let mut duplicates = 0;
    for i in 0..rows {
        let known = (i % 10 == 0).then(|| existing.get(i / 10)).flatten();
        match known {
            Some(id) => {
                let p = store.stored_profile(*id)?;
                let email = p.email.unwrap_or_default().to_uppercase();
                let phone = format!("+44 7700 9{i:05}");
                writeln!(out, "{},{},{email},{phone},,,,,", p.first_name, p.last_name)?;
                duplicates += 1;
            }
            None => writeln!(
                out,
                "Bench{i},Importer,bench.import.{i}@example.org,+1 415 {i:07},Company {},Engineer,Austin,US,\"Rust, SQL\"",
                i % 500
            )?,
        }
    }
    out.flush()?;
    Ok(duplicates)
}
