//! A candidate's request to be forgotten, made on their preferences page (or taken down by a
//! recruiter they asked). It waits on the candidate's record, which every desktop syncs, until
//! an admin decides: approving runs the erasure (`candidate.delete`), which takes the request
//! with everything else about the person; declining closes it and keeps the reason, so the
//! team can tell the person why.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::validation::{self, limits};
use crate::{DomainError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErasureRequest {
    pub requested_at: Timestamp,
    /// An admin's refusal; an open request has none.
    pub declined: Option<Declined>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Declined {
    pub at: Timestamp,
    /// The admin who declined.
    pub by: Uuid,
    pub reason: String,
}

impl ErasureRequest {
    pub fn new(requested_at: Timestamp) -> Self {
        Self { requested_at, declined: None }
    }

    /// Waiting for an admin's decision.
    pub fn is_open(&self) -> bool {
        self.declined.is_none()
    }
}

/// A decline's reason: said in a sentence or two, never empty (the person is owed one).
pub fn checked_reason(reason: &str) -> Result<String, DomainError> {
    validation::required("reason", reason, limits::LONG_TEXT / 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_open_until_declined() {
        let mut request = ErasureRequest::new(chrono::Utc::now());
        assert!(request.is_open());
        request.declined = Some(Declined { at: chrono::Utc::now(), by: Uuid::nil(), reason: "Legal hold".into() });
        assert!(!request.is_open());
    }

    #[test]
    fn a_merge_keeps_an_open_request_of_either_record() {
        use crate::merge::absorb;
        use crate::undo::tests::person;
        let asked = ErasureRequest::new(chrono::Utc::now());
        let (mut survivor, mut merged) = (person(1), person(2));
        merged.erasure_request = Some(asked.clone());
        absorb(&mut survivor, &merged);
        assert_eq!(survivor.erasure_request, Some(asked.clone()), "the person asked: the merge answers nothing");
        // A declined one on the survivor does not hide the other's open one; an open one stays.
        let declined = Declined { at: chrono::Utc::now(), by: Uuid::nil(), reason: "Legal hold".into() };
        let mut survivor = person(1);
        survivor.erasure_request = Some(ErasureRequest { declined: Some(declined), ..asked.clone() });
        absorb(&mut survivor, &merged);
        assert!(survivor.erasure_request.as_ref().is_some_and(ErasureRequest::is_open));
        let mut no_request = person(3);
        absorb(&mut survivor, &no_request);
        assert!(survivor.erasure_request.as_ref().is_some_and(ErasureRequest::is_open));
        absorb(&mut no_request, &person(4));
        assert_eq!(no_request.erasure_request, None);
    }

    #[test]
    fn a_decline_needs_a_reason_of_sensible_length() {
        assert_eq!(checked_reason("  Legal hold until June ").unwrap(), "Legal hold until June");
        assert!(checked_reason("   ").unwrap_err().to_string().contains("reason"));
        assert!(checked_reason(&"x".repeat(1_001)).is_err());
    }
}
