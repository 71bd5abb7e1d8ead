//! Stopping a search nobody waits for any more. The window numbers the searches it runs as the
//! user types and, when a newer keystroke makes the running one useless, says so by its
//! number ([`SearchTickets::supersede`], from another thread: without the store's lock). The
//! running search then stops at its next check: between its steps in memory and, inside
//! SQLite, through a progress handler installed on the connection for the search's own
//! statements only (so no write is ever interrupted), and answers [`Searched::Superseded`].

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::SearchPage;

/// What a search that may be superseded answers.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Searched {
    Page(SearchPage),
    /// A newer search took its place while it ran: nothing to show.
    Superseded,
}

/// The newest search said to be superseded, shared by whoever runs searches and whoever
/// supersedes them. Searches are numbered by the caller, counting up (the window counts from
/// the time it loaded), and a number is never reused while the tickets live: a search older
/// than one superseded is superseded too (a typed search's count, numbered after it, must not
/// bring back the search before it by being superseded in turn).
#[derive(Debug, Clone, Default)]
pub struct SearchTickets {
    superseded: Arc<AtomicU64>,
}

impl SearchTickets {
    /// Search `number` is no longer wanted: if it runs, it stops; if it has not started yet, it
    /// stops as it starts.
    pub fn supersede(&self, number: u64) {
        self.superseded.fetch_max(number, Ordering::Relaxed);
    }

    /// The ticket of search `number`, for the search to check.
    pub fn ticket(&self, number: u64) -> Ticket {
        Ticket { superseded: self.superseded.clone(), number }
    }
}

/// One search's check of whether it is still wanted.
#[derive(Debug, Clone)]
pub struct Ticket {
    superseded: Arc<AtomicU64>,
    number: u64,
}

impl Ticket {
    pub fn superseded(&self) -> bool {
        self.number <= self.superseded.load(Ordering::Relaxed)
    }
}

/// Virtual machine steps between SQLite's checks: a check is an atomic load, and a thousand
/// steps take microseconds, so a superseded statement stops well within a millisecond.
const STEPS: i32 = 1_000;

/// While this lives, SQLite stops the connection's statements once the ticket is superseded
/// (they fail with SQLITE_INTERRUPT). Removed on drop, before anything else runs on the
/// connection.
pub(crate) struct Watch<'c> {
    conn: &'c Connection,
}

impl<'c> Watch<'c> {
    pub(crate) fn install(conn: &'c Connection, ticket: &Ticket) -> Self {
        let ticket = ticket.clone();
        conn.progress_handler(STEPS, Some(move || ticket.superseded()));
        Watch { conn }
    }
}

impl Drop for Watch<'_> {
    fn drop(&mut self) {
        self.conn.progress_handler(0, None::<fn() -> bool>);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_older_than_one_superseded_is_superseded_and_a_newer_one_is_not() {
        let tickets = SearchTickets::default();
        let (typed, its_count, next) = (tickets.ticket(5), tickets.ticket(6), tickets.ticket(7));
        tickets.supersede(6);
        tickets.supersede(4);
        assert!(typed.superseded() && its_count.superseded(), "an older number never comes back");
        assert!(!next.superseded());
    }
}
