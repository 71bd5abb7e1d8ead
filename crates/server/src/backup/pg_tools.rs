//! PostgreSQL's own dump and restore programs, which know every detail of the schema (types,
//! triggers, functions, sequences) and read one consistent snapshot.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The newest installed version's program (Debian keeps each version's programs apart), else
/// the one on PATH. pg_dump must be at least as new as the server it reads.
pub(crate) fn binary(name: &str) -> PathBuf {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dir| dir.flatten().map(|e| e.path().join("bin").join(name)).filter(|p| p.exists()).collect())
        .unwrap_or_default();
    versions.sort();
    versions.pop().unwrap_or_else(|| PathBuf::from(name))
}

/// Dumps the database at `url` as it is in `snapshot` (exported by a transaction that stays open
/// meanwhile) into `file`, in the custom format pg_restore reads.
pub(crate) fn dump(url: &str, snapshot: &str, file: &Path) -> anyhow::Result<()> {
    let mut command = Command::new(binary("pg_dump"));
    command.args(["--format=custom", "--no-password"]).arg(format!("--snapshot={snapshot}"));
    command.arg("--file").arg(file).arg("--dbname").arg(url);
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
    command.arg("--dbname").arg(url).arg(file);
    run(command, "pg_restore")
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
