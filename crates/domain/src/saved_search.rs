//! Saved searches: a search (keywords, filters, sort) kept under a name and reopened from the
//! rail. A private one is its owner's alone (it syncs only to their desktops); a shared one is
//! the team's, and its owner or an admin may change it. One that watches counts, on each
//! desktop, the candidates who newly match it after a sync (the store keeps that count: it is
//! this desktop's news, not the organisation's).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::DomainError;
use crate::error::Thing;
use crate::search::{SearchRequest, parse};
use crate::user::User;
use crate::validation::{self, limits};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SavedSearch {
    pub id: Uuid,
    pub name: String,
    /// The keywords, filters and sort it reopens with.
    pub request: SearchRequest,
    /// Private: seen by its owner alone. Shared: by everyone in the organisation.
    pub private: bool,
    pub owner_id: Uuid,
    /// Counts new matches after each sync and says so in a desktop notification.
    pub watch: bool,
}

impl SavedSearch {
    /// The saved search as stored: its name a trimmed line, its keywords a query that parses
    /// (a search that cannot run would be saved only to fail each time it opens).
    pub fn validated(self) -> Result<Self, DomainError> {
        let name = validation::line("name", &self.name, limits::NAME)?;
        if name.is_empty() {
            return Err(DomainError::Required { field: "name".into() });
        }
        parse(&self.request.query)?;
        // Its page is not part of it: a saved search always reopens on its first page.
        let request = SearchRequest { query: self.request.query.trim().to_owned(), ..self.request };
        Ok(Self { name, request, ..self })
    }
}

/// Whether `user` may change (or delete) `stored`, or save `wanted` over it. A new saved
/// search (`stored` is `None`) is the actor's own; a private one is its owner's alone; a shared
/// one is its owner's or an admin's, and only its owner makes it private (private means the
/// owner's, so an admin would otherwise take the team's search away from everyone else).
pub fn may_put(user: &User, stored: Option<&SavedSearch>, wanted: &SavedSearch) -> Result<(), DomainError> {
    let owner = stored.map_or(wanted.owner_id, |s| s.owner_id);
    let refused = || DomainError::NotYours { what: Thing::SavedSearch, id: wanted.id.to_string() };
    if wanted.owner_id != owner || (stored.is_none() && owner != user.id) {
        return Err(refused());
    }
    if let Some(stored) = stored {
        may_change(user, stored)?;
    }
    if wanted.private && owner != user.id {
        return Err(refused());
    }
    Ok(())
}

/// Whether `user` may change or delete the saved search.
pub fn may_change(user: &User, stored: &SavedSearch) -> Result<(), DomainError> {
    let allowed = stored.owner_id == user.id || (!stored.private && user.role.is_admin());
    if allowed { Ok(()) } else { Err(DomainError::NotYours { what: Thing::SavedSearch, id: stored.id.to_string() }) }
}

/// Whether `user` sees the saved search at all (what syncs to their desktops).
pub fn may_see(user: &User, owner_id: Uuid, private: bool) -> bool {
    !private || owner_id == user.id
}

/// The filter values a saved search names that no longer exist here (a tag, pipeline, event or
/// job deleted since it was saved), in words, and the request without them: so it still opens,
/// saying what it left out, instead of failing on the missing value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Missing {
    pub tags: Vec<String>,
    pub pipeline: bool,
    pub event: bool,
    pub job: bool,
    pub recruiter: bool,
}

impl Missing {
    pub fn is_empty(&self) -> bool {
        self == &Missing::default()
    }

    /// `request` without the values found missing.
    pub fn left_out_of(&self, request: &SearchRequest) -> SearchRequest {
        let mut f = request.filters.clone();
        f.tags.retain(|t| !self.tags.contains(t));
        if self.pipeline {
            f.pipeline = None;
        }
        if self.event {
            f.event = None;
        }
        if self.job {
            f.job = None;
        }
        if self.recruiter {
            f.recruiter = None;
        }
        SearchRequest { filters: f, ..request.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{PipelineFilter, SearchFilters};
    use crate::user::Role;

    fn user(id: u128, role: Role) -> User {
        User { id: Uuid::from_u128(id), email: format!("u{id}@example.com"), name: "U".into(), role, ats_id: None }
    }

    fn search(owner: u128, private: bool) -> SavedSearch {
        SavedSearch {
            id: Uuid::from_u128(100),
            name: "Senior Rust, Berlin".into(),
            request: SearchRequest { query: "rust AND senior".into(), ..SearchRequest::default() },
            private,
            owner_id: Uuid::from_u128(owner),
            watch: true,
        }
    }

    #[test]
    fn a_saved_search_needs_a_one_line_name_and_keywords_that_parse() {
        let saved = SavedSearch { name: "  Senior Rust  ".into(), ..search(1, true) }.validated().unwrap();
        assert_eq!(saved.name, "Senior Rust");
        let blank = SavedSearch { name: " ".into(), ..search(1, true) }.validated().unwrap_err();
        assert_eq!(blank.to_string(), "name: is required");
        assert!(SavedSearch { name: "a\nb".into(), ..search(1, true) }.validated().is_err());
        assert!(SavedSearch { name: "x".repeat(101), ..search(1, true) }.validated().is_err());
        let broken = SearchRequest { query: "rust AND (".into(), ..SearchRequest::default() };
        assert!(SavedSearch { request: broken, ..search(1, true) }.validated().is_err());
    }

    #[test]
    fn private_ones_are_the_owners_and_shared_ones_the_owners_or_an_admins() {
        let me = user(1, Role::Recruiter);
        let teammate = user(2, Role::Recruiter);
        let admin = user(3, Role::RecruiterAdmin);
        // New: only as oneself.
        assert!(may_put(&me, None, &search(1, true)).is_ok());
        assert!(may_put(&admin, None, &search(1, false)).is_err(), "nobody saves a search as someone else");
        // Private: the owner alone, admins included.
        let mine = search(1, true);
        assert!(may_put(&me, Some(&mine), &mine).is_ok());
        assert!(may_put(&teammate, Some(&mine), &mine).is_err());
        assert!(may_put(&admin, Some(&mine), &mine).is_err());
        assert!(may_change(&admin, &mine).is_err());
        // Shared: the owner or an admin, not another recruiter.
        let shared = search(1, false);
        assert!(may_put(&admin, Some(&shared), &SavedSearch { name: "Renamed".into(), ..shared.clone() }).is_ok());
        assert!(may_put(&teammate, Some(&shared), &shared).is_err());
        assert!(may_change(&admin, &shared).is_ok());
        assert!(may_change(&teammate, &shared).is_err());
        // Only the owner makes it private, and nobody hands it to someone else.
        assert!(may_put(&admin, Some(&shared), &search(1, true)).is_err());
        assert!(may_put(&me, Some(&shared), &search(1, true)).is_ok());
        assert!(may_put(&me, Some(&shared), &search(2, false)).is_err());
        // Who sees it.
        assert!(may_see(&me, me.id, true));
        assert!(!may_see(&admin, me.id, true), "a private saved search is not even an admin's");
        assert!(may_see(&teammate, me.id, false));
        let refusal = may_change(&teammate, &mine).unwrap_err();
        assert_eq!(refusal.to_string(), format!("saved search {} belongs to someone else", mine.id));
    }

    #[test]
    fn missing_filter_values_are_left_out_and_the_rest_kept() {
        let pipeline = PipelineFilter { pipeline_id: Uuid::from_u128(5), status: None };
        let request = SearchRequest {
            query: "rust".into(),
            filters: SearchFilters {
                tags: vec!["Gone".into(), "Kept".into()],
                pipeline: Some(pipeline),
                location: Some("Berlin".into()),
                ..SearchFilters::default()
            },
            ..SearchRequest::default()
        };
        let missing = Missing { tags: vec!["Gone".into()], pipeline: true, ..Missing::default() };
        let left = missing.left_out_of(&request);
        assert_eq!(left.filters.tags, vec!["Kept".to_owned()]);
        assert_eq!(left.filters.pipeline, None);
        assert_eq!(left.filters.location.as_deref(), Some("Berlin"));
        assert_eq!(left.query, "rust");
        assert!(Missing::default().is_empty() && !missing.is_empty());
    }
}
