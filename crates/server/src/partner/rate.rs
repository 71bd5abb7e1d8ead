//! A token bucket per partner key: a partner may send a burst, then as many requests as the
//! bucket refills (`partner_requests_per_minute`). Kept in this process's memory: with several
//! server processes behind a balancer, each allows the rate, which bounds a partner's load on
//! each process, the thing this protects.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use uuid::Uuid;

pub struct Buckets {
    per_second: f64,
    burst: f64,
    buckets: Mutex<HashMap<Uuid, Bucket>>,
}

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Buckets {
    pub fn new(per_minute: u32, burst: u32) -> Self {
        Self { per_second: f64::from(per_minute) / 60.0, burst: f64::from(burst.max(1)), buckets: Mutex::default() }
    }

    /// Takes a token of `key`'s bucket, or says how long until one is there.
    pub fn take(&self, key: Uuid) -> Result<(), Duration> {
        self.take_at(key, Instant::now())
    }

    fn take_at(&self, key: Uuid, now: Instant) -> Result<(), Duration> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let bucket = buckets.entry(key).or_insert(Bucket { tokens: self.burst, at: now });
        let refilled = now.saturating_duration_since(bucket.at).as_secs_f64() * self.per_second;
        bucket.tokens = (bucket.tokens + refilled).min(self.burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            return Ok(());
        }
        if self.per_second <= 0.0 {
            return Err(Duration::from_secs(60));
        }
        Err(Duration::from_secs_f64((1.0 - bucket.tokens) / self.per_second))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_sends_its_burst_then_waits_for_the_refill_and_keys_are_apart() {
        let buckets = Buckets::new(60, 3);
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let start = Instant::now();
        for _ in 0..3 {
            buckets.take_at(a, start).unwrap();
        }
        let wait = buckets.take_at(a, start).unwrap_err();
        assert!(wait > Duration::from_millis(900) && wait <= Duration::from_secs(1), "{wait:?}");
        buckets.take_at(b, start).expect("another key has its own bucket");
        buckets.take_at(a, start + Duration::from_secs(1)).expect("one token a second at 60 a minute");
        assert!(buckets.take_at(a, start + Duration::from_secs(1)).is_err());
        // A long pause fills the bucket to its burst, no more.
        let later = start + Duration::from_secs(3600);
        for _ in 0..3 {
            buckets.take_at(a, later).unwrap();
        }
        assert!(buckets.take_at(a, later).is_err());
    }
}
