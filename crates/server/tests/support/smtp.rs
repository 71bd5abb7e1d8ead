//! A real SMTP server for the email tests (aiosmtpd, `smtp_sink.py`), stopped with the test.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The SMTP server, stopped with the test.
pub struct SmtpSink {
    child: Child,
    folder: tempfile::TempDir,
    pub port: u16,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

pub fn smtp_sink() -> SmtpSink {
    let folder = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/smtp_sink.py");
    let mut child = Command::new("python3")
        .args([script, &folder.path().display().to_string(), &port.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs the SMTP sink (pip install aiosmtpd)");
    let mut ready = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut ready).unwrap();
    assert_eq!(ready.trim(), "ready", "the SMTP sink started (is aiosmtpd installed?)");
    SmtpSink { child, folder, port }
}

pub fn received(sink: &SmtpSink) -> Vec<String> {
    std::fs::read_dir(sink.folder.path())
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect()
}

/// Settings for a server whose delivery sends to `sink` every 50 ms, its links to
/// `http://crm.example` (a test points them at itself).
pub fn sending_to(
    sink: &SmtpSink,
) -> impl FnOnce(talentdesk_server::config::Config) -> talentdesk_server::config::Config {
    let smtp_url = Some(format!("smtp://127.0.0.1:{}", sink.port));
    move |c| talentdesk_server::config::Config {
        smtp_url,
        delivery_interval_ms: 50,
        public_url: "http://crm.example".into(),
        ..c
    }
}

/// The first email `sink` received, unfolded, waiting up to 20 s for one.
pub async fn first_email(sink: &SmtpSink) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if let Some(mail) = received(sink).pop() {
            return unfold(&mail);
        }
        assert!(std::time::Instant::now() < deadline, "no email reached the relay");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Decodes the quoted-printable soft line breaks and escapes lettre writes.
pub fn unfold(eml: &str) -> String {
    let joined = eml.replace("=\r\n", "").replace("=\n", "");
    let mut out = String::new();
    let mut chars = joined.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '=' {
            let hex: String = chars.clone().take(2).collect();
            if let Ok(byte) = u8::from_str_radix(&hex, 16) {
                out.push(byte as char);
                chars.next();
                chars.next();
                continue;
            }
        }
        out.push(c);
    }
    out
}
