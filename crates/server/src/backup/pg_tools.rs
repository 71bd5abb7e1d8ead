//! PostgreSQL's own dump and restore programs, which know every detail of the schema (types,
//! triggers, functions, sequences) and read one consistent snapshot.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The newest installed version's program (Debian keeps each version's programs apart), else
/// the one on PATH. pg_dump must be at least as new as the server it reads.
pub(crate) fn binary(name: &str) -> PathBuf {
    let versions = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dir| {
            dir.flatten()
                .filter_map(|e| Some((version(&e.file_name().to_string_lossy())?, e.path().join("bin").join(name))))
                .filter(|(_, program)| program.exists())
                .collect()
        })
        .unwrap_or_else(|_| Vec::new());
    newest(versions).unwrap_or_else(|| PathBuf::from(name))
}

/// A version folder's name as numbers ("9.6" is [9, 6]), so 16 comes after 9.6, as text
/// would not have it.
fn version(folder: &str) -> Option<Vec<u32>> {
    folder.split('.').map(|part| part.parse().ok()).collect()
}

fn newest(mut versions: Vec<(Vec<u32>, PathBuf)>) -> Option<PathBuf> {
    versions.sort();
    versions.pop().map(|(_, program)| program)
}

/// Dumps the database at `url` as it is in `snapshot` (exported by a transaction that stays open
/// meanwhile) into `file`, in the custom format pg_restore reads.
pub(crate) fn dump(url: &str, snapshot: &str, file: &Path) -> anyhow::Result<()> {
    let mut command = Command::new(binary("pg_dump"));
    command.args(["--format=custom", "--no-password"]).arg(format!("--snapshot={snapshot}"));
    command.arg("--file").arg(file);
    connect_to(&mut command, url);
    run(command, "pg_dump")
}

/// Reads the dump's table of contents: fails unless pg_restore can read it.
pub(crate) fn list(file: &Path) -> anyhow::Result<()> {
    let mut command = Command::new(binary("pg_restore"));
    command.arg("--list").arg(file);
    run(command, "pg_restore --list")
}

/// Restores the dump into the (empty) database at `url` in one transaction: it all arrives, or
/// nothing does. Objects are owned by whoever restores, so the backup may come from another
/// installation's roles.
pub(crate) fn restore(url: &str, file: &Path) -> anyhow::Result<()> {
    let mut command = Command::new(binary("pg_restore"));
    command.args(["--exit-on-error", "--single-transaction", "--no-owner", "--no-acl", "--no-password"]);
    connect_to(&mut command, url);
    command.arg(file);
    run(command, "pg_restore")
}

/// Points the program at the database: the URL without its password on the command line (which
/// every user of the machine can read), the password in the program's environment.
fn connect_to(command: &mut Command, url: &str) {
    let (url, password) = without_password(url);
    command.arg("--dbname").arg(url);
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
}

/// `postgres://user:secret@host/db` as `postgres://user@host/db` and the (percent-decoded)
/// password.
fn without_password(url: &str) -> (String, Option<String>) {
    let Some(start) = url.find("://").map(|scheme| scheme + 3) else { return (url.to_owned(), None) };
    // The credentials end at the last '@' before the path or the query.
    let authority = url[start..].find(['/', '?']).map_or(url.len(), |end| start + end);
    let Some(at) = url[start..authority].rfind('@').map(|at| start + at) else { return (url.to_owned(), None) };
    let Some((user, password)) = url[start..at].split_once(':') else { return (url.to_owned(), None) };
    (format!("{}{user}{}", &url[..start], &url[at..]), Some(percent_decoded(password)))
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                i += 3;
            }
            None => {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

fn run(mut command: Command, what: &str) -> anyhow::Result<()> {
    let output = command.output().map_err(|e| {
        anyhow::anyhow!(
            "cannot run {what} ({}): {e}; is PostgreSQL's client installed?",
            command.get_program().display()
        )
    })?;
    if !output.status.success() {
        // The database URL may carry a password: it is never part of the message.
        anyhow::bail!("{what} failed ({}): {}", output.status, String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{newest, version, without_password};

    #[test]
    fn the_newest_version_is_told_by_number_not_by_text() {
        let found = ["9.6", "16", "13"].map(|v| (version(v).unwrap(), PathBuf::from(v))).to_vec();
        assert_eq!(newest(found), Some(PathBuf::from("16")));
        assert_eq!(version("16beta"), None, "not a version folder");
    }

    #[test]
    fn the_password_leaves_the_url() {
        assert_eq!(
            without_password("postgres://backup:s%40cr%3At@db.example:5432/talentdesk?sslmode=require"),
            ("postgres://backup@db.example:5432/talentdesk?sslmode=require".to_owned(), Some("s@cr:t".to_owned()))
        );
        assert_eq!(without_password("postgres://backup@db/x"), ("postgres://backup@db/x".to_owned(), None));
        assert_eq!(
            without_password("postgres:///x?host=/run/postgresql"),
            ("postgres:///x?host=/run/postgresql".to_owned(), None)
        );
    }
}
