//! Meeting the database at start-up. A server started with the machine often comes up before
//! PostgreSQL does (or while it restarts): it waits, saying why each time, instead of exiting
//! and leaving the admin to read a supervisor's restart loop. Then it brings the schema up to
//! date and says from which version to which, so an upgrade's migrations show in the log.

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection, PgPool};

pub(crate) static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// A connection attempt that gets no answer (a host that drops packets) counts as failed.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Returns once PostgreSQL at `url` accepts a connection, retrying with a doubling wait (1 s,
/// 2 s, 4 s ... at most [`MAX_BACKOFF`]) while it cannot be reached or is still starting.
/// Fails at once when it answers with a refusal that waiting would not change: a wrong
/// password, a database that does not exist.
pub async fn wait_until_reachable(url: &str) -> anyhow::Result<()> {
    let options = PgConnectOptions::from_str(url)
        .map_err(|e| anyhow::anyhow!("the database URL {} is not valid: {e}", super::redact(url)))?;
    let place = match options.get_socket() {
        Some(socket) => format!("the socket in {}", socket.display()),
        None => format!("{}:{}", options.get_host(), options.get_port()),
    };
    let mut wait = Duration::from_secs(1);
    loop {
        let failure = match tokio::time::timeout(CONNECT_TIMEOUT, options.connect()).await {
            Ok(Ok(connection)) => {
                // Only a probe: the pool opens its own connections.
                let _ = connection.close().await;
                return Ok(());
            }
            Ok(Err(e)) if !worth_waiting_for(&e) => {
                anyhow::bail!("PostgreSQL at {place} refused the connection: {e} (check database_url)")
            }
            Ok(Err(e)) => reason(&e),
            Err(_) => format!("no answer within {} s", CONNECT_TIMEOUT.as_secs()),
        };
        tracing::warn!("database at {place} unreachable: {failure}; retrying in {} s", wait.as_secs());
        tokio::time::sleep(wait).await;
        wait = (wait * 2).min(MAX_BACKOFF);
    }
}

/// Not reachable yet, as opposed to refused for good: the network or socket failed, or the
/// server is starting, stopping or full.
fn worth_waiting_for(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) => true,
        // cannot_connect_now (starting up, shutting down), too_many_connections, admin_shutdown,
        // crash_shutdown.
        sqlx::Error::Database(e) => matches!(e.code().as_deref(), Some("57P03" | "53300" | "57P01" | "57P02")),
        _ => false,
    }
}

/// The cause in a few words ("connection refused"), the full error otherwise.
fn reason(error: &sqlx::Error) -> String {
    use std::io::ErrorKind;
    match error {
        sqlx::Error::Io(e) => match e.kind() {
            ErrorKind::ConnectionRefused => "connection refused".to_owned(),
            ErrorKind::ConnectionReset => "connection reset".to_owned(),
            ErrorKind::TimedOut => "timed out".to_owned(),
            ErrorKind::NotFound => "no such socket".to_owned(),
            ErrorKind::HostUnreachable => "host unreachable".to_owned(),
            ErrorKind::NetworkUnreachable => "network unreachable".to_owned(),
            _ => e.to_string(),
        },
        other => other.to_string(),
    }
}

/// Brings the schema up to date, saying from which version to which. Several servers may start
/// at once: the migrator takes an advisory lock, so one of them migrates and the others wait.
/// A database migrated by a newer server is refused: this server does not know its schema.
pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    let latest = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    match applied_version(pool).await? {
        None => tracing::info!("migrating an empty database to version {latest}"),
        Some(current) if current < latest => {
            tracing::info!("migrating the database from version {current} to {latest}")
        }
        Some(current) if current > latest => anyhow::bail!(
            "the database is at schema version {current}, newer than this server's {latest}: a newer Talentdesk \
             server used it; install that version again (going back is not supported)"
        ),
        Some(_) => tracing::info!("the database is at schema version {latest}, as this server expects"),
    }
    MIGRATOR.run(pool).await.map_err(|e| anyhow::anyhow!("migrating the database: {e}"))
}

/// The newest migration applied, `None` for a database never migrated.
async fn applied_version(pool: &PgPool) -> anyhow::Result<Option<i64>> {
    let exists: bool = sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
        .fetch_one(pool)
        .await
        .map_err(|e| anyhow::anyhow!("reading the database's schema version: {e}"))?;
    if !exists {
        return Ok(None);
    }
    sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
        .fetch_one(pool)
        .await
        .map_err(|e| anyhow::anyhow!("reading the database's schema version: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_socket_is_named_in_few_words() {
        let refused = sqlx::Error::Io(std::io::Error::from(std::io::ErrorKind::ConnectionRefused));
        assert!(worth_waiting_for(&refused));
        assert_eq!(reason(&refused), "connection refused");
        assert!(!worth_waiting_for(&sqlx::Error::Configuration("bad".into())));
    }
}
