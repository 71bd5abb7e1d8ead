//! What "Copy diagnostics" puts on the clipboard for whoever helps a user: which version on
//! which system, where its data is, how sync stands, and the log's last lines. Nothing in it
//! signs in (the token never reaches it) or names a person (no email; the log holds none).

use std::fmt::Write;
use std::path::PathBuf;

use talentdesk_sync::engine::SyncStatus;

use crate::logging::without_emails;

/// How many of the log's last lines go along.
pub const LOG_LINES: usize = 200;

/// How the app is connected.
#[derive(Debug, Clone)]
pub enum Connection {
    /// A local database (`--db`): no server.
    Local,
    SignedOut,
    SignedIn {
        server: String,
        /// The first sync is done.
        synced: bool,
        /// What the last sync round reported, once one has.
        status: Option<SyncStatus>,
    },
}

#[derive(Debug, Clone)]
pub struct Diagnostics {
    pub version: String,
    pub data_dir: PathBuf,
    pub connection: Connection,
    pub log: Vec<String>,
}

impl Diagnostics {
    pub fn text(&self) -> String {
        let mut text = String::new();
        let _ = writeln!(text, "Talentdesk {}", self.version);
        let _ = writeln!(text, "System: {}", system());
        let _ = writeln!(text, "Data folder: {}", self.data_dir.display());
        let _ = writeln!(text, "Connection: {}", connection(&self.connection));
        let _ = writeln!(text, "\nLog (last {} lines):", self.log.len());
        for line in &self.log {
            let _ = writeln!(text, "{line}");
        }
        // The log is written without addresses; a sync error quoting the server may not be.
        without_emails(&text)
    }
}

fn connection(connection: &Connection) -> String {
    match connection {
        Connection::Local => "a local database, no server".into(),
        Connection::SignedOut => "signed out".into(),
        Connection::SignedIn { server, synced, status } => {
            let mut line = format!("signed in to {server}; ");
            line.push_str(if *synced { "first sync done" } else { "first sync not finished" });
            match status {
                None => line.push_str("; no sync round reported yet"),
                Some(s) => {
                    let state = if s.signed_out {
                        "the server no longer accepts this sign-in"
                    } else if s.online {
                        "online"
                    } else {
                        "offline"
                    };
                    let _ = write!(line, "; {state}; {} change(s) waiting to be sent", s.pending);
                    let last = s.last_sync_at.map_or("never".to_owned(), |t| t.to_rfc3339());
                    let _ = write!(line, "; last synced {last}");
                    if let Some(since) = s.failing_since {
                        let _ = write!(line, "; failing since {}", since.to_rfc3339());
                    }
                    if let Some(error) = &s.error {
                        let _ = write!(line, "; last error: {error}");
                    }
                }
            }
            line
        }
    }
}

/// The operating system and machine, with the distribution's name where it says one.
fn system() -> String {
    let mut system = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    let release = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    let name = release.lines().find_map(|l| l.strip_prefix("PRETTY_NAME=")).map(|n| n.trim_matches('"'));
    if let Some(name) = name {
        let _ = write!(system, " ({name})");
    }
    system
}

#[cfg(test)]
mod tests {
    use super::*;
    use talentdesk_sync::problem::{SyncProblem, SyncProblemKind};

    #[test]
    fn says_version_system_folder_sync_and_log_without_addresses() {
        let status = SyncStatus {
            online: false,
            pending: 3,
            error: Some(SyncProblem {
                kind: SyncProblemKind::Unreachable,
                detail: "the server cannot be reached: connection refused for rita@acme.test".into(),
            }),
            failing_since: Some(chrono::Utc::now()),
            ..SyncStatus::default()
        };
        let diagnostics = Diagnostics {
            version: "1.2.3".into(),
            data_dir: "/home/me/.local/share/talentdesk".into(),
            connection: Connection::SignedIn {
                server: "https://crm.acme.com".into(),
                synced: true,
                status: Some(status),
            },
            log: vec!["INFO signed in".into(), "WARN erasure unfinished".into()],
        };
        let text = diagnostics.text();
        for expected in [
            "Talentdesk 1.2.3",
            std::env::consts::OS,
            "/home/me/.local/share/talentdesk",
            "signed in to https://crm.acme.com; first sync done; offline; 3 change(s) waiting",
            "last synced never",
            "Log (last 2 lines):\nINFO signed in\nWARN erasure unfinished\n",
        ] {
            assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
        }
        assert!(!text.contains("rita@"), "{text}");
    }
}
