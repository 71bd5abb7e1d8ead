//! Saved searches as the rail lists and opens them: each with the new matches it heard here,
//! and the filter values it names that are gone (a tag, pipeline, event, job or recruiter
//! deleted since), which it opens without, saying so.

use rusqlite::Connection;
use serde::Serialize;
use talentdesk_domain::DomainError;
use talentdesk_domain::error::Thing;
use talentdesk_domain::saved_search::{Missing, SavedSearch};
use talentdesk_domain::search::SearchRequest;
use ts_rs::TS;
use uuid::Uuid;

use crate::tables::{events, jobs, pipelines, saved_searches, tags, users};
use crate::{Store, StoreError};

/// A saved search in the rail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SavedSearchEntry {
    pub search: SavedSearch,
    /// Candidates who newly matched it in the syncs since it was last opened (when it watches).
    pub new_matches: u32,
    /// Filter values it names that no longer exist here.
    pub missing: Missing,
}

/// A saved search opened: the search to run (without its missing filter values) and what
/// was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OpenedSearch {
    pub search: SavedSearch,
    pub request: SearchRequest,
    pub missing: Missing,
}

impl Store {
    /// The saved searches here (the user's own and the team's shared ones), by name.
    pub fn saved_searches(&self) -> Result<Vec<SavedSearchEntry>, StoreError> {
        let conn = self.conn();
        saved_searches::all(conn)?
            .into_iter()
            .map(|(search, new_matches)| {
                let missing = missing(conn, &search.request)?;
                Ok(SavedSearchEntry { search, new_matches, missing })
            })
            .collect()
    }

    /// Opens a saved search: its news is read (the count starts again from nothing), and the
    /// search to run leaves out what no longer exists.
    pub fn open_saved_search(&mut self, id: Uuid) -> Result<OpenedSearch, StoreError> {
        let conn = self.conn();
        let search = saved_searches::get(conn, id)?.ok_or_else(|| DomainError::not_found(Thing::SavedSearch, id))?;
        saved_searches::opened(conn, id)?;
        let missing = missing(conn, &search.request)?;
        Ok(OpenedSearch { request: missing.left_out_of(&search.request), search, missing })
    }
}

/// The filter values of `request` that do not exist here.
fn missing(conn: &Connection, request: &SearchRequest) -> Result<Missing, StoreError> {
    let f = &request.filters;
    let mut gone = Missing::default();
    for tag in &f.tags {
        if tags::find(conn, tag)?.is_none() {
            gone.tags.push(tag.clone());
        }
    }
    gone.pipeline = f.pipeline.as_ref().map(|p| pipelines::exists(conn, p.pipeline_id)).transpose()? == Some(false);
    gone.event = f.event.as_ref().map(|e| events::exists(conn, e.event_id)).transpose()? == Some(false);
    gone.job = f.job.as_ref().map(|j| jobs::exists(conn, j.job_id)).transpose()? == Some(false);
    gone.recruiter = f.recruiter.map(|r| users::by_id(conn, &r.to_string())).transpose()?.is_some_and(|u| u.is_none());
    Ok(gone)
}
