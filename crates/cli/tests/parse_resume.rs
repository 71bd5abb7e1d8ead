//! `talentdesk-cli parse-resume` as a shell pipes it: a reader that stops early (`| head`)
//! ends the output quietly, with no panic and success.

use std::io::Read;
use std::process::{Command, Stdio};

#[test]
fn a_reader_that_stops_reading_ends_the_output_quietly() {
    // Far more text than a pipe holds, so the CLI is still writing when the reader has gone.
    let dir = tempfile::tempdir().unwrap();
    let resume = dir.path().join("long.txt");
    let line = "Warehouse Operative — Rhenus Logistics, Duisburg, 2019 – 2023\n";
    std::fs::write(&resume, format!("Jana Nováková\njana@example.cz\n{}", line.repeat(20_000))).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_talentdesk-cli"))
        .args(["parse-resume", "--text"])
        .arg(&resume)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here, as `head` closes it.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(String::from_utf8_lossy(&first).starts_with("Jana Nováková"));
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{stderr}");
}
