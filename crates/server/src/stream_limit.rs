//! How many long-lived streams of one kind (live updates, snapshots) a user may hold open at
//! once, so that one account, or one stolen token, cannot take a share of the server meant for
//! the whole team.
//!
//! The count is per server process and kept in memory. Several processes may serve one
//! database (behind a load balancer): a user reaching all of them may then hold the limit in
//! each. That still bounds what one account takes from each process's connections and memory,
//! which is what the limit protects; a count shared through PostgreSQL would cost writes on
//! every stream and keep counting the streams of a process that died.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use uuid::Uuid;

use crate::ServerError;

#[derive(Clone)]
pub struct StreamLimit {
    /// What the streams are, for the refusal: "live update", "snapshot".
    kind: &'static str,
    per_user: usize,
    open: Arc<Mutex<HashMap<Uuid, usize>>>,
}

/// One open stream, counted until it is dropped.
pub struct StreamPermit {
    user: Uuid,
    open: Arc<Mutex<HashMap<Uuid, usize>>>,
}

impl StreamLimit {
    pub fn new(kind: &'static str, per_user: usize) -> Self {
        Self { kind, per_user, open: Arc::default() }
    }

    /// Counts a new stream of `user`, or refuses it when they hold the limit already.
    pub fn open(&self, user: Uuid) -> Result<StreamPermit, ServerError> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let count = open.entry(user).or_default();
        if *count >= self.per_user {
            return Err(ServerError::TooManyStreams(format!(
                "a user may hold at most {} {} streams at once; close one before opening another",
                self.per_user, self.kind
            )));
        }
        *count += 1;
        Ok(StreamPermit { user, open: self.open.clone() })
    }
}

impl Drop for StreamPermit {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = open.get_mut(&self.user) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.user);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_holds_at_most_the_limit_and_a_closed_stream_frees_its_place() {
        let limit = StreamLimit::new("live update", 2);
        let (ana, bo) = (Uuid::now_v7(), Uuid::now_v7());
        let first = limit.open(ana).unwrap();
        let _second = limit.open(ana).unwrap();
        let refused = limit.open(ana).err().expect("a third is refused").to_string();
        assert!(refused.contains("at most 2 live update streams"), "{refused}");
        let _other_user = limit.open(bo).expect("another user is counted apart");
        drop(first);
        let _again = limit.open(ana).expect("a closed stream frees its place");
        assert_eq!(limit.open.lock().unwrap().len(), 2);
    }
}
