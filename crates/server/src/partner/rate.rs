//! A token bucket per partner key: a partner may send a burst, then as many requests as the
//! bucket refills (`partner_requests_per_minute`). Kept in the database (`partner_rate`), so
//! that with several server processes behind a balancer the key has its rate in all, not in
//! each; a request takes its token under the bucket's row lock, so two processes never take
//! the same one.

use std::time::Duration;

use sqlx::{Connection, PgConnection};
use uuid::Uuid;

use crate::ServerError;

pub struct Buckets {
    per_second: f64,
    burst: f64,
}

impl Buckets {
    pub fn new(per_minute: u32, burst: u32) -> Self {
        Self { per_second: f64::from(per_minute) / 60.0, burst: f64::from(burst.max(1)) }
    }

    /// Takes a token of `key`'s bucket, or says how long until one is there. On the request's
    /// own connection: a second one taken while the first is held lets a burst of partner
    /// requests hold every connection of the pool while each waits for another.
    pub async fn take(&self, conn: &mut PgConnection, key: Uuid) -> Result<Result<(), Duration>, ServerError> {
        let mut tx = conn.begin().await?;
        // The database's clock, so processes on machines whose clocks differ refill alike.
        sqlx::query(
            "INSERT INTO partner_rate (key_id, tokens, at) VALUES ($1, $2, clock_timestamp())
             ON CONFLICT (key_id) DO NOTHING",
        )
        .bind(key)
        .bind(self.burst)
        .execute(&mut *tx)
        .await?;
        let (tokens, elapsed, now): (f64, f64, chrono::DateTime<chrono::Utc>) = sqlx::query_as(
            "SELECT tokens, GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - at))::float8, clock_timestamp()
             FROM partner_rate WHERE key_id = $1 FOR UPDATE",
        )
        .bind(key)
        .fetch_one(&mut *tx)
        .await?;
        let (left, taken) = self.take_from(tokens, Duration::from_secs_f64(elapsed));
        if taken.is_err() {
            // Nothing to keep: the next request refills from the same point, so a flood of
            // refused requests writes nothing (no WAL flush each) and holds the row briefly.
            tx.rollback().await?;
            return Ok(taken);
        }
        sqlx::query("UPDATE partner_rate SET tokens = $2, at = $3 WHERE key_id = $1")
            .bind(key)
            .bind(left)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(taken)
    }

    /// A bucket that held `tokens` `elapsed` ago: what it holds after this request, and whether
    /// the request took a token (or how long until one is there).
    fn take_from(&self, tokens: f64, elapsed: Duration) -> (f64, Result<(), Duration>) {
        let tokens = (tokens + elapsed.as_secs_f64() * self.per_second).min(self.burst);
        if tokens >= 1.0 {
            return (tokens - 1.0, Ok(()));
        }
        if self.per_second <= 0.0 {
            return (tokens, Err(Duration::from_secs(60)));
        }
        (tokens, Err(Duration::from_secs_f64((1.0 - tokens) / self.per_second)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_sends_its_burst_then_waits_for_the_refill() {
        let buckets = Buckets::new(60, 3);
        let mut tokens = 3.0;
        for _ in 0..3 {
            let (left, taken) = buckets.take_from(tokens, Duration::ZERO);
            assert!(taken.is_ok());
            tokens = left;
        }
        let (_, refused) = buckets.take_from(tokens, Duration::ZERO);
        let wait = refused.unwrap_err();
        assert!(wait > Duration::from_millis(900) && wait <= Duration::from_secs(1), "{wait:?}");
        let (left, taken) = buckets.take_from(tokens, Duration::from_secs(1));
        assert!(taken.is_ok(), "one token a second at 60 a minute");
        assert!(buckets.take_from(left, Duration::ZERO).1.is_err());
        // A long pause fills the bucket to its burst, no more.
        let (left, _) = buckets.take_from(0.0, Duration::from_secs(3600));
        assert_eq!(left, 2.0);
    }
}
