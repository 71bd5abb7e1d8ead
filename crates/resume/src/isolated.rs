//! Reading a file in a child process with a time limit: pdf-extract can panic (on 14% of
//! corrupted resumes, measured) and can loop forever (a cyclic page tree). The child is this
//! program itself, started with an argument that makes it [`serve`] one file: it reads the
//! bytes from stdin and writes one JSON answer to stdout. A panic, a crash or a hang in it
//! costs the parent nothing but a clear error.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::ResumeError;

/// Long enough for a 40-page PDF on a slow laptop; a typical resume takes milliseconds.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// How to start the extracting child.
#[derive(Debug, Clone)]
pub struct Isolated {
    program: PathBuf,
    args: Vec<String>,
    limit: Duration,
}

#[derive(Serialize, Deserialize)]
enum Answer {
    Text(String),
    Error(ResumeError),
}

impl Isolated {
    /// The child is `program args...` (e.g. the app's own binary and its `--extract-text`).
    pub fn new(program: impl Into<PathBuf>, args: &[&str]) -> Self {
        Self { program: program.into(), args: args.iter().map(|a| (*a).to_owned()).collect(), limit: TIME_LIMIT }
    }

    /// This running program, started again with `args`.
    pub fn this_program(args: &[&str]) -> Result<Self, ResumeError> {
        let program =
            std::env::current_exe().map_err(|e| ResumeError::Failed(format!("cannot find this program: {e}")))?;
        Ok(Self::new(program, args))
    }

    pub fn with_limit(mut self, limit: Duration) -> Self {
        self.limit = limit;
        self
    }

    /// The raw text of the file, read by a child.
    pub fn text_of(&self, bytes: &[u8]) -> Result<String, ResumeError> {
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| ResumeError::Failed(format!("cannot start the reader ({}): {e}", self.program.display())))?;
        // Both pipes on threads of their own: a child that stops reading (or never stops
        // writing) must not block us past the limit.
        let mut stdin = child.stdin.take().expect("piped");
        let input = bytes.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let mut stdout = child.stdout.take().expect("piped");
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            let _ = stdout.by_ref().take(64 << 20).read_to_end(&mut out);
            out
        });
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() < self.limit => std::thread::sleep(Duration::from_millis(2)),
                Ok(None) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(ResumeError::TimedOut(self.limit.as_secs().max(1)));
                }
                Err(e) => return Err(ResumeError::Failed(e.to_string())),
            }
        };
        let _ = writer.join();
        let out = reader.join().unwrap_or_default();
        if !status.success() {
            return Err(ResumeError::Damaged("the reader stopped on it (the file is malformed)".into()));
        }
        match serde_json::from_slice::<Answer>(&out) {
            Ok(Answer::Text(text)) => Ok(text),
            Ok(Answer::Error(e)) => Err(e),
            Err(e) => Err(ResumeError::Failed(format!("the reader's answer was unreadable: {e}"))),
        }
    }
}

/// The child's side: reads one file from stdin, writes its text (or why not) to stdout. A
/// panic inside the extraction ends this process, which the parent reports as a damaged file.
pub fn serve(mut input: impl Read, mut output: impl Write) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    input.by_ref().take(crate::MAX_BYTES + 1).read_to_end(&mut bytes)?;
    let answer = match crate::extract::text(&bytes) {
        Ok(text) => Answer::Text(text),
        Err(e) => Answer::Error(e),
    };
    serde_json::to_writer(&mut output, &answer)?;
    output.flush()
}
