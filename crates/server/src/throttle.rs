//! Sign-in throttling (OWASP ASVS 2.2.1): password guessing against one account, and password
//! spraying across accounts from one address, are slowed down by a delay that doubles with each
//! further failure — a slowdown that ends, never a lock-out the real user cannot get out of.
//!
//! Three keys are counted for every attempt: the account from this address (strict: a guesser
//! is slowed at once, the real user at another address is not), the address across all
//! accounts (spraying), and the account from any address (a guesser with many addresses; lax,
//! and never applied at an address the account signed in from lately, so the real user at
//! their usual desk is not locked out by it). An attempt is counted *before* its password is checked,
//! in one transaction that locks the keys' rows, so parallel guesses cannot all pass a check
//! made before any of them failed; a right password takes its count back.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use sqlx::PgPool;

use crate::ServerError;
use crate::db::login_throttle::{self, Row};

/// Failures after which a key waits, and how long a failure is remembered.
#[derive(Debug, Clone, Copy)]
struct Rule {
    what: KeyKind,
    threshold: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    AccountFromSource,
    Source,
    Account,
}

const RULES: [Rule; 3] = [
    Rule { what: KeyKind::AccountFromSource, threshold: 5 },
    Rule { what: KeyKind::Source, threshold: 20 },
    Rule { what: KeyKind::Account, threshold: 100 },
];

/// The first wait; each further failure doubles it, up to [`MAX_DELAY_SECS`].
const BASE_DELAY_SECS: i64 = 1;
const MAX_DELAY_SECS: i64 = 15 * 60;
/// A key whose last failure is older than this starts again from nothing.
const MEMORY_SECS: i64 = 15 * 60;
/// An address the account signed in from within this long is the account's own.
const KNOWN_SOURCE_DAYS: i64 = 90;

/// The throttle keys of one sign-in attempt.
pub struct Keys {
    account: String,
    source: String,
    keys: Vec<(KeyKind, String)>,
}

impl Keys {
    /// The account is named by a digest of its normalised email, so the table holds no
    /// addresses (nor whatever strangers type). IPv6 sources count per /64, which one
    /// attacker usually holds whole.
    pub fn new(email_key: &str, source: Option<IpAddr>) -> Self {
        let account = format!("account:{}", hex::encode(&Sha256::digest(email_key.as_bytes())[..16]));
        let source = format!("source:{}", source.map_or_else(|| "unknown".to_owned(), source_prefix));
        let keys = vec![
            (KeyKind::Account, account.clone()),
            (KeyKind::AccountFromSource, format!("{account}|{source}")),
            (KeyKind::Source, source.clone()),
        ];
        Self { account, source, keys }
    }

    /// The keys in a fixed order, so concurrent attempts lock rows in the same order.
    fn sorted(&self) -> Vec<&(KeyKind, String)> {
        let mut keys: Vec<_> = self.keys.iter().collect();
        keys.sort_by(|a, b| a.1.cmp(&b.1));
        keys
    }
}

/// What counts as one client's address: an IPv4 address (also written IPv4-mapped, as a server
/// listening on `[::]` sees IPv4 clients), or an IPv6 /64, which one client usually holds whole.
pub fn source_prefix(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// A key's row after one more attempt, or how long it must still wait.
fn counted(rule: Rule, row: Row, now: DateTime<Utc>) -> Result<Row, Duration> {
    if let Some(until) = row.blocked_until.filter(|until| *until > now) {
        return Err(until - now);
    }
    let failures = if now - row.last_failure > Duration::seconds(MEMORY_SECS) { 0 } else { row.failures };
    let failures = failures + 1;
    let blocked_until = (failures >= rule.threshold).then(|| {
        let doublings = (failures - rule.threshold).min(20) as u32;
        now + Duration::seconds((BASE_DELAY_SECS << doublings).min(MAX_DELAY_SECS))
    });
    Ok(Row { failures, last_failure: now, blocked_until })
}

/// Counts an attempt on every key, or refuses it (counting nothing) while a key must wait.
pub async fn attempt(pool: &PgPool, keys: &Keys, now: DateTime<Utc>) -> Result<(), ServerError> {
    let mut tx = pool.begin().await?;
    let since = now - Duration::days(KNOWN_SOURCE_DAYS);
    let known = login_throttle::known_source(&mut tx, &keys.account, &keys.source, since).await?;
    let mut updates = Vec::with_capacity(keys.keys.len());
    for (kind, key) in keys.sorted() {
        if known && *kind == KeyKind::Account {
            continue;
        }
        let rule = RULES.iter().find(|r| r.what == *kind).copied().expect("a rule per key kind");
        let row = login_throttle::lock(&mut tx, key, now).await?;
        match counted(rule, row, now) {
            Ok(row) => updates.push((key, row)),
            Err(wait) => {
                tx.rollback().await?;
                return Err(refusal(*kind, wait));
            }
        }
    }
    for (key, row) in updates {
        login_throttle::set(&mut tx, key, row).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The password was right: the account's counts are forgotten, the address's attempt taken
/// back, and the address is remembered as the account's own.
pub async fn succeeded(conn: &mut sqlx::PgConnection, keys: &Keys, now: DateTime<Utc>) -> Result<(), ServerError> {
    login_throttle::remember_source(conn, &keys.account, &keys.source, now).await?;
    let (account_keys, source_keys): (Vec<_>, Vec<_>) = keys.keys.iter().partition(|(k, _)| *k != KeyKind::Source);
    let account_keys: Vec<String> = account_keys.into_iter().map(|(_, key)| key.clone()).collect();
    login_throttle::clear(conn, &account_keys).await?;
    for (_, key) in source_keys {
        login_throttle::forgive_one(conn, key).await?;
    }
    Ok(())
}

/// Forgets every count of the account (an admin reset its password).
pub async fn forget_account(conn: &mut sqlx::PgConnection, email_key: &str) -> Result<(), ServerError> {
    Ok(login_throttle::clear_account(conn, &Keys::new(email_key, None).account).await?)
}

fn refusal(kind: KeyKind, wait: Duration) -> ServerError {
    // Rounded up: a client that waits exactly this long is let in.
    let secs = (wait.num_milliseconds().max(1) as u64).div_ceil(1000);
    let whose = match kind {
        KeyKind::AccountFromSource => "for this account from this address",
        KeyKind::Source => "from this address",
        KeyKind::Account => "for this account",
    };
    tracing::warn!(key = ?kind, retry_after_secs = secs, "sign-in throttled");
    ServerError::Throttled {
        message: format!("too many failed sign-ins {whose}; try again in {}", in_words(secs)),
        retry_after_secs: secs,
    }
}

fn in_words(secs: u64) -> String {
    match secs {
        1 => "1 second".to_owned(),
        s if s < 120 => format!("{s} seconds"),
        s => format!("{} minutes", s.div_ceil(60)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> Rule {
        RULES[0]
    }

    fn fresh(now: DateTime<Utc>) -> Row {
        Row { failures: 0, last_failure: now, blocked_until: None }
    }

    #[test]
    fn a_key_waits_from_its_threshold_and_the_wait_doubles_up_to_the_cap() {
        let now = Utc::now();
        let mut row = fresh(now);
        for _ in 0..4 {
            row = counted(rule(), row, now).unwrap();
            assert_eq!(row.blocked_until, None);
        }
        row = counted(rule(), row, now).unwrap();
        assert_eq!(row.blocked_until, Some(now + Duration::seconds(1)), "the fifth failure starts the wait");
        assert_eq!(counted(rule(), row, now).unwrap_err(), Duration::seconds(1), "refused while waiting");
        let later = now + Duration::seconds(1);
        row = counted(rule(), row, later).unwrap();
        assert_eq!(row.blocked_until, Some(later + Duration::seconds(2)));
        let mut at = later;
        for _ in 0..30 {
            at = row.blocked_until.unwrap();
            row = counted(rule(), row, at).unwrap();
        }
        assert_eq!(row.blocked_until, Some(at + Duration::seconds(MAX_DELAY_SECS)), "never longer than the cap");
    }

    #[test]
    fn an_ipv4_client_counts_as_itself_however_the_listener_writes_it() {
        let v4: IpAddr = "203.0.113.7".parse().unwrap();
        let mapped: IpAddr = "::ffff:203.0.113.7".parse().unwrap();
        assert_eq!(source_prefix(mapped), source_prefix(v4));
        assert_ne!(source_prefix("::ffff:203.0.113.8".parse().unwrap()), source_prefix(v4));
        let one: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        assert_eq!(source_prefix(one), source_prefix("2001:db8:1:2:bbbb::9".parse().unwrap()), "one /64");
    }

    #[test]
    fn failures_long_ago_are_forgotten() {
        let then = Utc::now();
        let row = Row { failures: 50, last_failure: then, blocked_until: Some(then + Duration::seconds(60)) };
        let later = then + Duration::seconds(MEMORY_SECS + 1);
        assert_eq!(counted(rule(), row, later).unwrap().failures, 1);
    }

    #[test]
    fn keys_hold_no_email_and_count_ipv6_per_64() {
        let a = Keys::new("rita@acme.test", Some("2001:db8:1:2:aaaa::1".parse().unwrap()));
        let b = Keys::new("rita@acme.test", Some("2001:db8:1:2:bbbb::9".parse().unwrap()));
        assert!(a.keys.iter().all(|(_, k)| !k.contains("rita")), "{:?}", a.keys);
        assert_eq!(a.keys, b.keys, "one /64 is one source");
        let mapped = Keys::new("x", Some("::ffff:10.1.2.3".parse().unwrap()));
        assert!(mapped.keys.iter().any(|(_, k)| k == "source:10.1.2.3"));
        let sorted: Vec<&str> = a.sorted().iter().map(|(_, k)| k.as_str()).collect();
        assert!(sorted.windows(2).all(|w| w[0] < w[1]));
    }
}
