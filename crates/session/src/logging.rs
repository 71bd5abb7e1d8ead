//! The desktop's log: what the crates report through `tracing` (a sync that keeps failing, an
//! erasure that could not remove a file, a sign-out the server did not hear) goes to a few
//! size-capped files in the app's data folder, for "Copy diagnostics" to quote.
//!
//! No personal data belongs in a log line. Messages are written not to carry any; as a second
//! line of defence every line is stripped of email addresses (account files are named after
//! the account's email, so a path in an error message would carry it) before it is written.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

/// The file written now; older ones are `talentdesk.log.1` (newest) to `.{KEEP}`.
const LOG_FILE: &str = "talentdesk.log";
/// Each file's size cap, and how many full ones are kept: at most 4 MiB of log in all.
const FILE_CAP: u64 = 1024 * 1024;
const KEEP: usize = 3;
/// A longer line is cut: one runaway message cannot push everything else out of the log.
const LINE_CAP: usize = 4096;

/// Where the log is written, to read its last lines back.
#[derive(Debug, Clone)]
pub struct Log {
    dir: PathBuf,
}

impl Log {
    /// Sends this process's `tracing` events (info and above; `TALENTDESK_LOG` takes a filter
    /// such as `debug`) to `data_dir/logs`, and panics too. Call once, at start-up.
    pub fn start(data_dir: &Path) -> io::Result<Self> {
        let log = Self { dir: data_dir.join("logs") };
        let file = RotatingFile::open(&log.dir, FILE_CAP, KEEP)?;
        let filter = EnvFilter::try_from_env("TALENTDESK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(Mutex::new(file))
            .try_init()
            .map_err(|e| io::Error::other(format!("logging was already set up: {e}")))?;
        let earlier = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |panic| {
            tracing::error!("panic: {panic}");
            earlier(panic);
        }));
        Ok(log)
    }

    /// The log of `data_dir`, to read (whether or not this process writes it).
    pub fn of(data_dir: &Path) -> Self {
        Self { dir: data_dir.join("logs") }
    }

    /// The last `count` lines, oldest first, across the current file and the ones before it.
    pub fn last_lines(&self, count: usize) -> Vec<String> {
        let mut lines = Vec::new();
        for index in 0..=KEEP {
            let Ok(file) = File::open(self.dir.join(file_name(index))) else { break };
            let mut older: Vec<String> = io::BufReader::new(file).lines().map_while(Result::ok).collect();
            let wanted = count - lines.len();
            let skip = older.len().saturating_sub(wanted);
            older.drain(..skip);
            older.append(&mut lines);
            lines = older;
            if lines.len() == count {
                break;
            }
        }
        lines
    }
}

/// `talentdesk.log`, then `talentdesk.log.1` and so on, newest first.
fn file_name(index: usize) -> String {
    if index == 0 { LOG_FILE.to_owned() } else { format!("{LOG_FILE}.{index}") }
}

/// A log file that moves aside when it would grow past its cap: the current file becomes
/// `.1`, `.1` becomes `.2`, and the oldest beyond `keep` is deleted.
struct RotatingFile {
    dir: PathBuf,
    cap: u64,
    keep: usize,
    file: File,
    written: u64,
    /// The start of a line whose end has not been written yet.
    pending: Vec<u8>,
}

impl RotatingFile {
    fn open(dir: &Path, cap: u64, keep: usize) -> io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let file = OpenOptions::new().create(true).append(true).open(dir.join(LOG_FILE))?;
        let written = file.metadata()?.len();
        Ok(Self { dir: dir.to_path_buf(), cap, keep, file, written, pending: Vec::new() })
    }

    fn rotate(&mut self) -> io::Result<()> {
        // Renaming onto the oldest file deletes it.
        for index in (1..=self.keep).rev() {
            match std::fs::rename(self.dir.join(file_name(index - 1)), self.dir.join(file_name(index))) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        self.file = OpenOptions::new().create(true).write(true).truncate(true).open(self.dir.join(LOG_FILE))?;
        self.written = 0;
        Ok(())
    }

    /// Writes whole lines only, so that a line is cleaned as a whole and never split across
    /// two files.
    fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        let line = fit(&without_emails(&String::from_utf8_lossy(line)));
        if self.written > 0 && self.written + line.len() as u64 > self.cap {
            self.rotate()?;
        }
        self.file.write_all(line.as_bytes())?;
        self.written += line.len() as u64;
        Ok(())
    }
}

impl Write for RotatingFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        while let Some(end) = self.pending.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=end).collect();
            self.write_line(&line)?;
        }
        if self.pending.len() > LINE_CAP {
            self.flush()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let mut line = std::mem::take(&mut self.pending);
            line.push(b'\n');
            self.write_line(&line)?;
        }
        self.file.flush()
    }
}

/// A line within [`LINE_CAP`], still ending in a newline when cut.
fn fit(line: &str) -> String {
    if line.len() <= LINE_CAP {
        return line.to_owned();
    }
    let mut end = LINE_CAP - 16;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    format!("{} [cut]\n", &line[..end])
}

/// `text` with every email address replaced by `<email>`.
pub fn without_emails(text: &str) -> String {
    let local = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_alphanumeric() || c == '.' || c == '-';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('@') {
        let before = &rest[..at];
        let start = before.rfind(|c: char| !local(c)).map_or(0, |i| i + before[i..].chars().next().unwrap().len_utf8());
        let after = &rest[at + 1..];
        let end = after.find(|c: char| !domain(c)).unwrap_or(after.len());
        let host = after[..end].trim_end_matches(['.', '-']);
        if start < at && host.contains('.') {
            out.push_str(&before[..start]);
            out.push_str("<email>");
            rest = &after[host.len()..];
        } else {
            out.push_str(&rest[..=at]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(dir: &Path) -> Vec<u64> {
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap()).collect();
        files.sort_by_key(|e| e.file_name());
        files.iter().map(|e| e.metadata().unwrap().len()).collect()
    }

    #[test]
    fn rotation_keeps_each_file_under_its_cap_and_only_so_many_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = RotatingFile::open(dir.path(), 1000, 2).unwrap();
        for i in 0..500 {
            writeln!(log, "line {i:04} of the log, some forty bytes").unwrap();
        }
        let sizes = sizes(dir.path());
        assert_eq!(sizes.len(), 3, "the current file and two old ones: {sizes:?}");
        assert!(sizes.iter().all(|s| *s <= 1000), "{sizes:?}");
        let log = Log { dir: dir.path().to_path_buf() };
        let last = log.last_lines(30);
        assert_eq!(last.len(), 30);
        assert!(last.last().unwrap().starts_with("line 0499"), "{last:?}");
        assert!(last.first().unwrap().starts_with("line 0470"), "read across files in order: {last:?}");
        assert!(!dir.path().join("talentdesk.log.3").exists());
    }

    #[test]
    fn a_reopened_log_goes_on_counting_what_it_holds() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = RotatingFile::open(dir.path(), 100, 1).unwrap();
        writeln!(log, "{}", "a".repeat(79)).unwrap();
        drop(log);
        let mut log = RotatingFile::open(dir.path(), 100, 1).unwrap();
        writeln!(log, "{}", "b".repeat(79)).unwrap();
        assert_eq!(sizes(dir.path()), [80, 80]);
    }

    #[test]
    fn a_runaway_line_is_cut() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = RotatingFile::open(dir.path(), 1_000_000, 1).unwrap();
        log.write_all(format!("{}\n", "é".repeat(10_000)).as_bytes()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(LOG_FILE)).unwrap();
        assert!(text.len() <= LINE_CAP && text.ends_with(" [cut]\n"), "{}", text.len());
    }

    #[test]
    fn email_addresses_never_reach_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = RotatingFile::open(dir.path(), 1_000_000, 1).unwrap();
        let path = "/data/accounts/rita.souza+work@acme.example-https___crm.acme.example.db/blobs/ab12";
        writeln!(log, "erasure unfinished: {path} could not be removed").unwrap();
        let text = std::fs::read_to_string(dir.path().join(LOG_FILE)).unwrap();
        assert!(!text.contains("rita") && !text.contains("acme.example-"), "{text}");
        assert!(text.contains("/data/accounts/<email>"), "{text}");
    }

    #[test]
    fn only_addresses_are_taken_out() {
        assert_eq!(without_emails("mail ana@acme.com, then bo@x.io."), "mail <email>, then <email>.");
        assert_eq!(
            without_emails("a @ b, user@localhost, @handle, 50 @ 3.5"),
            "a @ b, user@localhost, @handle, 50 @ 3.5"
        );
        assert_eq!(without_emails("über@straße.de"), "<email>");
        assert_eq!(without_emails("no address here"), "no address here");
    }
}
