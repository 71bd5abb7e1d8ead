//! An import whose process is killed half way (the app closed by force, the machine losing
//! power) keeps the batches it wrote, each whole, each with its candidates' outbox entries;
//! importing the file again writes the rest and duplicates no one.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use talentdesk_store::Store;

const ADMIN: &str = "rita.okafor@acme-talent.example";
// Twelve batches: enough that the kill lands with most of the file unwritten; more only made
// the test slow (60,000 took up to two minutes in a debug build on CI's two cores).
const ROWS: usize = 12_000;
const BATCH: u64 = talentdesk_import::write::BATCH_ROWS as u64;

fn cli(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_talentdesk-cli"));
    command.args(args);
    command
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn write_file(path: &Path) {
    let mut text = String::from("First Name,Last Name,Email,Mobile\n");
    for i in 0..ROWS {
        text.push_str(&format!("Kai{i},Becker,kai.becker.{i}@example.org,+49 170 {i:07}\n"));
    }
    std::fs::write(path, text).unwrap();
}

/// Candidates in the database (it starts with none), and the outbox entries of their
/// `candidate.import`s.
fn imported(db: &Path) -> (u64, u64) {
    let store = Store::open(db).unwrap();
    let outbox = store.outbox().unwrap().iter().filter(|e| e.mutation.name() == "candidate.import").count();
    (store.candidate_count().unwrap(), outbox as u64)
}

#[test]
fn an_import_killed_half_way_keeps_whole_batches_and_running_it_again_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, csv) = (dir.path().join("a.db"), dir.path().join("people.csv"));
    assert!(cli(&["demo", "--candidates", "0", "--db", path(&db)]).status().unwrap().success());
    write_file(&csv);

    let mut child = cli(&["import", path(&csv), "--db", path(&db), "--as", ADMIN])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Killed as soon as it reports its first batch written, in the middle of the next.
    let mut stderr = child.stderr.take().unwrap();
    let mut said = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&said).contains(" rows written") {
        assert_eq!(stderr.read(&mut byte).unwrap(), 1, "the import ended before writing a batch: {said:?}");
        said.push(byte[0]);
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let (kept, outbox) = imported(&db);
    assert!(kept >= BATCH && kept < ROWS as u64, "some batches, not all: {kept}");
    assert_eq!(kept % BATCH, 0, "whole batches only: {kept}");
    assert_eq!(outbox, kept, "each candidate kept goes to the server once");

    let again = cli(&["import", path(&csv), "--db", path(&db), "--as", ADMIN, "--json"]).output().unwrap();
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    let report: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(report["planned"]["unchanged"], kept, "the rows kept are recognised");
    assert_eq!(report["created"], ROWS as u64 - kept);
    assert_eq!(imported(&db), (ROWS as u64, ROWS as u64), "everyone once, each sent once");
}
