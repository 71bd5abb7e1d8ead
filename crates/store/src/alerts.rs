//! Saved searches that watch hear of new matches: after each pull, the candidates it brought
//! who match a watching saved search and did not before (new ones, or changed so that they
//! match now) are counted on it, until it is opened.
//!
//! Only the pulled candidates are looked at, before the pull is written and after: each
//! saved search is checked against those few rows (see `Engine::matching_among`), not run
//! over everyone, so fifty saved searches after a pull of a thousand changes take
//! milliseconds at a million candidates (`talentdesk-cli bench alerts`). The user's own
//! changes are not news: they were here before the pull as well.

use std::collections::BTreeMap;

use roaring::RoaringBitmap;
use serde::Serialize;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::saved_search::SavedSearch;
use ts_rs::TS;
use uuid::Uuid;

use crate::replica::ServerChange;
use crate::tables::{candidates, saved_searches};
use crate::{Store, StoreError};

/// What one watching saved search heard in a pull.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NewMatches {
    pub saved_search_id: Uuid,
    pub name: String,
    pub count: u32,
}

/// The watching saved searches and which of the pulled candidates each matched before the
/// pull was written.
pub struct AlertCheck {
    ids: Vec<Uuid>,
    watching: Vec<(SavedSearch, RoaringBitmap)>,
}

impl Store {
    /// Before a pull is written: who among the candidates it brings matches each watching
    /// saved search now. `None` when nothing is watched or no candidate comes. (Public, with
    /// [`Store::alerts_after`], for `talentdesk-cli bench alerts` to time them; `apply_pull`
    /// runs both around its write.)
    pub fn alerts_before(&mut self, changes: &[ServerChange<'_>]) -> Result<Option<AlertCheck>, StoreError> {
        let ids: Vec<Uuid> = changes
            .iter()
            .filter(|c| c.kind == RecordKind::Candidate && c.data.is_some())
            .filter_map(|c| c.id.parse().ok())
            .collect();
        if ids.is_empty() {
            return Ok(None);
        }
        let watching = saved_searches::watching(self.conn())?;
        if watching.is_empty() {
            return Ok(None);
        }
        let rows = self.rows_of(&ids)?;
        let watching = watching
            .into_iter()
            .map(|search| {
                let matched = self.matching_among(&search, &rows)?;
                Ok((search, matched))
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some(AlertCheck { ids, watching }))
    }

    /// After the pull is written (and search knows it): counts on each watching saved search
    /// the pulled candidates that match it now and did not before. Returns what each heard.
    pub fn alerts_after(&mut self, before: AlertCheck) -> Result<Vec<NewMatches>, StoreError> {
        let rows = self.rows_of(&before.ids)?;
        let mut heard = Vec::new();
        for (search, matched_before) in before.watching {
            let count = (self.matching_among(&search, &rows)? - matched_before).len();
            if count == 0 {
                continue;
            }
            let count = u32::try_from(count).unwrap_or(u32::MAX);
            saved_searches::add_news(self.conn(), search.id, count)?;
            heard.push(NewMatches { saved_search_id: search.id, name: search.name, count });
        }
        Ok(heard)
    }

    /// The rows of the candidates here among `ids`.
    fn rows_of(&self, ids: &[Uuid]) -> Result<RoaringBitmap, StoreError> {
        let mut rows = RoaringBitmap::new();
        for id in ids {
            if let Some(row) = candidates::find(self.conn(), *id)?.and_then(|r| u32::try_from(r).ok()) {
                rows.insert(row);
            }
        }
        Ok(rows)
    }

    /// Who among `rows` the saved search matches. One that cannot run (a tag it filters on
    /// was deleted, say) matches nobody new: it says so when it is opened.
    fn matching_among(&mut self, search: &SavedSearch, rows: &RoaringBitmap) -> Result<RoaringBitmap, StoreError> {
        match self.engine.get_mut().matching_among(&self.conn, &search.request, rows) {
            Ok(matched) => Ok(matched),
            Err(StoreError::Domain(_)) => Ok(RoaringBitmap::new()),
            Err(e) => Err(e),
        }
    }
}

/// Adds what a later page of the same round heard.
pub(crate) fn merge(into: &mut Vec<NewMatches>, more: Vec<NewMatches>) {
    let mut by_id: BTreeMap<Uuid, NewMatches> = into.drain(..).map(|n| (n.saved_search_id, n)).collect();
    for n in more {
        by_id.entry(n.saved_search_id).and_modify(|m| m.count = m.count.saturating_add(n.count)).or_insert(n);
    }
    into.extend(by_id.into_values());
}
