//! A throwaway PostgreSQL cluster for the tests, started from the system's binaries on first
//! use and shared by every test process (a file lock makes one of them start it). Each test
//! gets a database of its own.

use std::fs::File;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::backup::pg_tools::binary;

/// Set it to use a running server instead, e.g. `postgres://postgres@127.0.0.1:5432`.
const EXTERNAL: &str = "TALENTDESK_TEST_POSTGRES";

/// The cluster's URL without a database name.
pub fn cluster() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| std::env::var(EXTERNAL).unwrap_or_else(|_| start()))
}

/// A new empty database; returns its URL. Named after the test process, so that the first
/// database a process makes can drop those of processes that have ended: the cluster outlives
/// the runs, and a thousand runs' leftovers filled the disk.
pub async fn new_database() -> String {
    use sqlx::Connection;
    static SWEPT: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
    let name = format!("t_{}_{}", std::process::id(), uuid::Uuid::now_v7().simple());
    let mut admin = sqlx::PgConnection::connect(&format!("{}/postgres", cluster())).await.expect("connect to cluster");
    SWEPT.get_or_init(|| drop_ended(&mut admin)).await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await.expect("create db");
    format!("{}/{name}", cluster())
}

/// Drops the databases of test processes no longer running (on this machine: a cluster given
/// through `TALENTDESK_TEST_POSTGRES` may serve others, whose databases are left alone).
async fn drop_ended(admin: &mut sqlx::PgConnection) {
    if std::env::var_os(EXTERNAL).is_some() {
        return;
    }
    let names: Vec<String> = sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 't\\_%'")
        .fetch_all(&mut *admin)
        .await
        .expect("list the test databases");
    for name in names.into_iter().filter(|n| owner_ended(n)) {
        // A database still in use by a straggler stays; the next sweep takes it.
        let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}"))).execute(&mut *admin).await;
    }
}

/// Whether `t_<pid>_<id>` was made by a process that has ended (an older name has no pid).
fn owner_ended(name: &str) -> bool {
    match name.strip_prefix("t_").and_then(|rest| rest.split_once('_')) {
        Some((pid, _)) => pid.parse::<u32>().is_ok_and(|pid| !Path::new(&format!("/proc/{pid}")).exists()),
        None => true,
    }
}

fn start() -> String {
    // One cluster per checkout: its folder and port follow from where the checkout is.
    let target = env!("CARGO_MANIFEST_DIR");
    let hash = target.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    let dir = std::env::temp_dir().join(format!("talentdesk-pg-{hash:08x}"));
    let port = 40_000 + (hash % 20_000) as u16;
    let lock = File::create(dir.with_extension("lock")).expect("create the cluster lock file");
    lock.lock().expect("lock the cluster");
    if !dir.join("PG_VERSION").exists() {
        init(&dir);
    }
    if TcpStream::connect(("127.0.0.1", port)).is_err() {
        let options = format!(
            "-k {} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300",
            dir.display()
        );
        let log = dir.join("server.log");
        let mut pg_ctl = as_postgres(binary("pg_ctl"));
        pg_ctl.args(["-D", &path(&dir), "-o", &options, "-l", &path(&log), "-w", "start"]);
        run(&mut without_inherited_files(&pg_ctl));
    }
    drop(lock);
    format!("postgres://postgres@127.0.0.1:{port}")
}

fn init(dir: &Path) {
    std::fs::create_dir_all(dir).expect("create the cluster folder");
    if running_as_root() {
        // PostgreSQL refuses to run as root; its own system user owns the cluster.
        run(Command::new("chown").args(["-R", "postgres:postgres", &path(dir)]));
    }
    run(as_postgres(binary("initdb")).args(["-D", &path(dir), "-U", "postgres", "--auth=trust", "-E", "UTF8"]));
}

/// `command` run with only standard input, output and error of what this process inherited.
/// The cluster outlives this test run; a file it inherited stays open as long as it runs. A test
/// run under `flock LOCKFILE cargo test` would hand the cluster the lock, held then for good.
fn without_inherited_files(command: &Command) -> Command {
    let close_the_rest =
        r#"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$@""#;
    let mut wrapped = Command::new("bash");
    wrapped.args(["-c", close_the_rest, "bash"]).arg(command.get_program()).args(command.get_args());
    wrapped
}

fn as_postgres(program: PathBuf) -> Command {
    if running_as_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

/// Root (CI) writes into any folder whatever its mode says, and runs PostgreSQL as postgres.
pub fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

fn run(command: &mut Command) {
    let output = command.output().unwrap_or_else(|e| panic!("cannot run {command:?}: {e} (is PostgreSQL installed?)"));
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
