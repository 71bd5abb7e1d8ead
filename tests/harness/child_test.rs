//! Running one of a test binary's own tests in a child process (to give it another
//! environment, or to kill it), and knowing that it really ran: libtest exits 0 when
//! `--exact NAME` matches nothing, so after a rename the parent would pass without the child
//! doing anything. The test crates that re-run themselves include this file with
//! `#[path = ".../tests/harness/child_test.rs"] mod child_test;`; it belongs to no crate.

#![allow(dead_code)] // each includer uses part of it

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Command};

/// A command that runs this test binary's ignored test `name`, alone.
pub fn command(name: &str) -> Command {
    let mut command = Command::new(std::env::current_exe().expect("this test binary"));
    command.args(["--exact", name, "--ignored", "--nocapture"]);
    command
}

/// Runs the child test to its end; fails unless exactly that one test ran and passed.
pub fn assert_passes(command: &mut Command) {
    let output = command.output().expect("start the child test");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let passed = output.status.success() && stdout.contains("test result: ok. 1 passed;");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(passed, "the child test did not run and pass ({}):\n{stdout}\n{stderr}", output.status);
}

/// Waits until the child (started with a piped stdout) has begun its one test; fails if it
/// found none. Returns the rest of its stdout, which the caller drains or drops.
pub fn wait_until_running(child: &mut Child) -> BufReader<ChildStdout> {
    let mut stdout = BufReader::new(child.stdout.take().expect("the child's stdout is piped"));
    let mut line = String::new();
    loop {
        line.clear();
        let read = stdout.read_line(&mut line).expect("read the child's output");
        assert!(read > 0, "the child test ended before it started running");
        if let Some(count) = line.strip_prefix("running ") {
            assert_eq!(count.trim(), "1 test", "the child test was not found");
            return stdout;
        }
    }
}
