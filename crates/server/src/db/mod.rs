//! PostgreSQL: the pool, the migrations, and one module per table.

pub mod blobs;
pub mod clients;
pub mod deliveries;
pub mod login_throttle;
pub mod merge;
pub mod mutations;
pub mod orgs;
pub mod records;
pub(crate) mod startup;
pub mod tokens;
pub mod tracking;
pub mod users;

pub use startup::wait_until_reachable;

use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

/// Connects and brings the schema up to date ([`startup::migrate`]).
pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .connect(url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot connect to PostgreSQL at {}: {e}", redact(url)))?;
    startup::migrate(&pool).await?;
    Ok(pool)
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            let user = credentials.split(':').next().unwrap_or_default();
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redact_hides_only_the_password() {
        assert_eq!(super::redact("postgres://me:secret@db:5432/x"), "postgres://me:***@db:5432/x");
        assert_eq!(super::redact("postgres://db/x"), "postgres://db/x");
    }
}
