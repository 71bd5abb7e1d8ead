//! Reading a file in a child process with a time and a memory limit: pdf-extract can panic (on
//! 14% of corrupted resumes, measured), can loop forever (a cyclic page tree) and inflates a
//! PDF's streams whole (a few MB can inflate to gigabytes). The child is this program itself,
//! started with an argument that makes it [`serve`] one file: it caps its own memory, reads the
//! bytes from stdin and writes one JSON answer to stdout. A panic, a crash, a hang or running
//! out of its memory costs the parent nothing but a clear error.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::ResumeError;
use crate::extract::Extracted;

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
    Read(Extracted),
    /// What a reader installed apart from an older release answers: the text alone.
    Text(String),
    Error(ResumeError),
}

impl Isolated {
    /// The child is `program args...` (e.g. the app's own binary and its `--extract-text`).
    pub fn new(program: impl Into<PathBuf>, args: &[&str]) -> Self {
        Self { program: program.into(), args: args.iter().map(|a| (*a).to_owned()).collect(), limit: TIME_LIMIT }
    }

    /// This running program, started again with `args`. On Linux through `/proc/self/exe`,
    /// which stays this very program after its file was replaced (an update installed while
    /// the app runs): its path then names a deleted file, and starting that would fail.
    pub fn this_program(args: &[&str]) -> Result<Self, ResumeError> {
        let itself = Path::new("/proc/self/exe");
        let program = if cfg!(target_os = "linux") && itself.exists() {
            itself.to_path_buf()
        } else {
            std::env::current_exe().map_err(|e| ResumeError::Failed(format!("cannot find this program: {e}")))?
        };
        Ok(Self::new(program, args))
    }

    pub fn with_limit(mut self, limit: Duration) -> Self {
        self.limit = limit;
        self
    }

    /// The raw text of the file, read by a child.
    pub fn text_of(&self, bytes: &[u8]) -> Result<String, ResumeError> {
        Ok(self.read_of(bytes)?.text)
    }

    /// The raw text of the file and its title, read by a child.
    pub fn read_of(&self, bytes: &[u8]) -> Result<Extracted, ResumeError> {
        if bytes.len() as u64 > crate::MAX_BYTES {
            return Err(too_large_file());
        }
        let mut child = Command::new(&self.program)
            .args(&self.args)
            // The reader reads a stranger's file: it gets none of this process's settings
            // (a server's database URL and secrets live in its environment), only where
            // programs are.
            .env_clear()
            .envs(std::env::var_os("PATH").map(|path| ("PATH", path)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| ResumeError::Failed(format!("cannot start the reader ({}): {e}", self.program.display())))?;
        // Both pipes on threads of their own: a child that stops reading (or never stops
        // writing) must not block us past the limit.
        let mut stdin = child.stdin.take().expect("piped");
        let input = bytes.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let stdout = drain(child.stdout.take().expect("piped"), 64 << 20);
        // Where Rust says why the child ended (an allocation past its memory cap).
        let stderr = drain(child.stderr.take().expect("piped"), 64 << 10);
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
        let out = stdout.join().unwrap_or_default();
        if !status.success() {
            let said = String::from_utf8_lossy(&stderr.join().unwrap_or_default()).into_owned();
            if said.contains("memory allocation of") {
                return Err(crate::limits::out_of_memory());
            }
            return Err(ResumeError::Damaged("the reader stopped on it (the file is malformed)".into()));
        }
        match serde_json::from_slice::<Answer>(&out) {
            Ok(Answer::Read(read)) => Ok(read),
            Ok(Answer::Text(text)) => Ok(Extracted { text, title: None }),
            Ok(Answer::Error(e)) => Err(e),
            Err(e) => Err(ResumeError::Failed(format!("the reader's answer was unreadable: {e}"))),
        }
    }
}

/// Reads up to `limit` bytes of a child's output on a thread of its own, then discards the
/// rest (a child blocked on a full pipe would only be stopped at the time limit).
fn drain(mut pipe: impl Read + Send + 'static, limit: u64) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let _ = pipe.by_ref().take(limit).read_to_end(&mut kept);
        let _ = std::io::copy(&mut pipe, &mut std::io::sink());
        kept
    })
}

pub(crate) fn too_large_file() -> ResumeError {
    crate::limits::too_large(format!("the file is larger than {} MB", crate::limits::mb(crate::MAX_BYTES)))
}

/// The child's side, in a process of its own (it caps that process's memory): reads one file
/// from stdin, writes its text and title (or why not) to stdout. A panic inside the extraction
/// ends this process, which the parent reports as a damaged file.
pub fn serve(mut input: impl Read, mut output: impl Write) -> std::io::Result<()> {
    let answer = match read_capped(&mut input) {
        Ok(read) => Answer::Read(read),
        Err(e) => Answer::Error(e),
    };
    serde_json::to_writer(&mut output, &answer)?;
    output.flush()
}

fn read_capped(input: &mut impl Read) -> Result<Extracted, ResumeError> {
    crate::limits::cap_memory().map_err(|e| ResumeError::Failed(format!("cannot limit the reader's memory: {e}")))?;
    let mut bytes = Vec::new();
    let read = input.by_ref().take(crate::MAX_BYTES + 1).read_to_end(&mut bytes);
    read.map_err(|e| ResumeError::Failed(format!("cannot receive the file: {e}")))?;
    if bytes.len() as u64 > crate::MAX_BYTES {
        return Err(too_large_file());
    }
    crate::extract::read(&bytes)
}
