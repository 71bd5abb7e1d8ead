//! A candidate's membership of an event: registration and attendance as separate facts, one
//! rating per recruiter. The rules here are what make check-ins from several offline desktops
//! merge: checking in twice keeps the earliest time, ratings are keyed by who gave them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::Timestamp;

/// How someone came to be registered for an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RegistrationVia {
    /// A recruiter registered them (Add to Event).
    Recruiter,
    /// They turned up unregistered and a recruiter signed them up at the door.
    WalkIn,
    /// They signed themselves up at the kiosk.
    Kiosk,
    Import,
    /// The organisation's sign-up page.
    SignUp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EventMember {
    pub event_id: Uuid,
    #[serde(default)]
    pub registered: bool,
    #[serde(default)]
    pub registered_at: Option<Timestamp>,
    #[serde(default)]
    pub registered_via: Option<RegistrationVia>,
    #[serde(default)]
    pub attended: bool,
    /// When they came through the door: the earliest check-in wins.
    #[serde(default)]
    pub checked_in_at: Option<Timestamp>,
    /// The email of the recruiter who checked them in (at the kiosk: who was signed in).
    #[serde(default)]
    pub checked_in_by: Option<String>,
    #[serde(default)]
    pub walk_in: bool,
    /// A walk-in without an email address: someone must get back to them another way.
    #[serde(default)]
    pub follow_up: bool,
    /// Areas of interest from the organisation's list, as they chose them.
    #[serde(default)]
    pub interests: Vec<String>,
    /// Stars (1 to 5) by recruiter email: one rating per recruiter.
    #[serde(default)]
    pub ratings: BTreeMap<String, u8>,
}

impl EventMember {
    /// On the list, and nothing more yet.
    pub fn new(event_id: Uuid) -> Self {
        Self {
            event_id,
            registered: false,
            registered_at: None,
            registered_via: None,
            attended: false,
            checked_in_at: None,
            checked_in_by: None,
            walk_in: false,
            follow_up: false,
            interests: Vec::new(),
            ratings: BTreeMap::new(),
        }
    }

    /// Registers them; an earlier registration stands. Returns whether anything changed.
    pub fn register(&mut self, at: Timestamp, via: RegistrationVia) -> bool {
        if self.registered {
            return false;
        }
        self.registered = true;
        self.registered_at = Some(at);
        self.registered_via = Some(via);
        true
    }

    /// Marks them attended at `at`, checked in by `by`. Of two check-ins the earliest is kept
    /// (whichever arrives first), so offline desktops converge. Returns whether it changed.
    pub fn check_in(&mut self, at: Timestamp, by: &str) -> bool {
        if self.attended && self.checked_in_at.is_some_and(|earlier| earlier <= at) {
            return false;
        }
        self.attended = true;
        self.checked_in_at = Some(at);
        self.checked_in_by = Some(by.to_owned());
        true
    }

    /// Takes a check-in back. Returns whether they were checked in.
    pub fn undo_check_in(&mut self) -> bool {
        let was = self.attended;
        self.attended = false;
        self.checked_in_at = None;
        self.checked_in_by = None;
        was
    }

    /// Whether the membership still says anything: someone checked in by mistake, neither
    /// registered nor a walk-in, leaves the list when the check-in is undone.
    pub fn stays_listed(&self) -> bool {
        self.registered || self.attended || self.walk_in
    }

    /// The rating `recruiter` gives them, replacing their own earlier one.
    pub fn rate(&mut self, recruiter: &str, stars: u8) -> bool {
        self.ratings.insert(recruiter.to_owned(), stars) != Some(stars)
    }

    /// The highest rating anyone gave them.
    pub fn best_rating(&self) -> Option<u8> {
        self.ratings.values().copied().max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: u32) -> Timestamp {
        use chrono::TimeZone;
        chrono::Utc.with_ymd_and_hms(2026, 4, 14, 10, minute, 0).unwrap()
    }

    #[test]
    fn two_check_ins_keep_the_earliest_in_either_order() {
        let mut first_then_late = EventMember::new(Uuid::nil());
        assert!(first_then_late.check_in(at(5), "rita@example.com"));
        assert!(!first_then_late.check_in(at(9), "sam@example.com"));
        let mut late_then_first = EventMember::new(Uuid::nil());
        assert!(late_then_first.check_in(at(9), "sam@example.com"));
        assert!(late_then_first.check_in(at(5), "rita@example.com"));
        assert_eq!(first_then_late, late_then_first);
        assert_eq!(first_then_late.checked_in_by.as_deref(), Some("rita@example.com"));
        assert!(!first_then_late.registered, "attending is not registering");
    }

    #[test]
    fn registration_stands_and_undo_leaves_only_the_unregistered() {
        let mut m = EventMember::new(Uuid::nil());
        assert!(m.register(at(0), RegistrationVia::Recruiter));
        assert!(!m.register(at(1), RegistrationVia::Import));
        assert_eq!((m.registered_at, m.registered_via), (Some(at(0)), Some(RegistrationVia::Recruiter)));
        m.check_in(at(2), "rita@example.com");
        assert!(m.undo_check_in());
        assert!(!m.undo_check_in());
        assert_eq!((m.attended, m.checked_in_at, m.checked_in_by.clone()), (false, None, None));
        assert!(m.stays_listed());
        let mut unregistered = EventMember::new(Uuid::nil());
        unregistered.check_in(at(2), "rita@example.com");
        unregistered.undo_check_in();
        assert!(!unregistered.stays_listed());
    }

    #[test]
    fn each_recruiter_has_one_rating() {
        let mut m = EventMember::new(Uuid::nil());
        assert!(m.rate("rita@example.com", 4));
        assert!(m.rate("sam@example.com", 2));
        assert!(m.rate("rita@example.com", 5));
        assert!(!m.rate("rita@example.com", 5));
        assert_eq!(m.ratings.len(), 2);
        assert_eq!(m.best_rating(), Some(5));
    }

    #[test]
    fn older_json_without_the_new_fields_still_reads() {
        let m: EventMember = serde_json::from_str(r#"{"event_id":"00000000-0000-0000-0000-000000000000"}"#).unwrap();
        assert_eq!(m, EventMember::new(Uuid::nil()));
    }
}
