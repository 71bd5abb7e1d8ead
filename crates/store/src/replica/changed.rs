//! What a pull or a mutation made here changed, in the window's terms: which candidates, and
//! whether lists, events or settings did. The window reads again exactly the views showing those.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use talentdesk_domain::record::RecordKind;
use ts_rs::TS;
use uuid::Uuid;

use crate::StoreError;
use crate::alerts::{self, NewMatches};
use crate::codec::uuid;
use crate::tables::candidates;

/// Past this many candidates a change names none: every view showing candidates reads again
/// (cheaper than matching thousands of ids, and a pull that large changes most screens anyway).
pub const NAMED_AT_MOST: usize = 500;

/// What changed here: from a pull (teammates' work and the rebase of the user's own), or from
/// a mutation applied here (as its writes went).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Changed {
    pub candidates: ChangedCandidates,
    /// Pipelines or jobs themselves (name, statuses, who may see them).
    pub lists: bool,
    /// Events themselves (name, dates, archived).
    pub events: bool,
    /// The tag list, custom fields, organisation settings, users or saved searches.
    pub settings: bool,
    /// Candidates a mutation made here deleted (also in `candidates`). A pull leaves it empty:
    /// a profile open on someone a teammate deleted says so instead of closing on its own.
    pub deleted: ChangedCandidates,
    /// What watching saved searches heard in a pull: new matches, each search once.
    pub new_matches: Vec<NewMatches>,
}

/// The candidates whose records (profile, tags, memberships, notes, documents, messages,
/// history) changed, or "many" past [`NAMED_AT_MOST`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChangedCandidates {
    Named(BTreeSet<Uuid>),
    Many,
}

impl Default for ChangedCandidates {
    fn default() -> Self {
        ChangedCandidates::Named(BTreeSet::new())
    }
}

impl ChangedCandidates {
    fn name(&mut self, ids: impl IntoIterator<Item = Uuid>) {
        if let ChangedCandidates::Named(named) = self {
            named.extend(ids);
            if named.len() > NAMED_AT_MOST {
                *self = ChangedCandidates::Many;
            }
        }
    }

    fn merge(&mut self, other: ChangedCandidates) {
        match other {
            ChangedCandidates::Named(ids) => self.name(ids),
            ChangedCandidates::Many => *self = ChangedCandidates::Many,
        }
    }
}

impl Changed {
    /// Everything: the replica loaded the server's data again (see [`crate::Store::start_over`]).
    pub fn everything() -> Self {
        Changed { candidates: ChangedCandidates::Many, lists: true, events: true, settings: true, ..Changed::default() }
    }

    /// Whether anything changed at all.
    pub fn is_empty(&self) -> bool {
        self == &Changed::default()
    }

    /// Adds what `other` changed (the pages of one round).
    pub fn merge(&mut self, other: Changed) {
        self.lists |= other.lists;
        self.events |= other.events;
        self.settings |= other.settings;
        self.candidates.merge(other.candidates);
        self.deleted.merge(other.deleted);
        alerts::merge(&mut self.new_matches, other.new_matches);
    }

    /// Notes a record of `kind` changing (its candidate, if any, is named separately).
    pub(crate) fn record(&mut self, kind: RecordKind) {
        match kind {
            RecordKind::Pipeline | RecordKind::Job => self.lists = true,
            RecordKind::Event => self.events = true,
            RecordKind::Tag
            | RecordKind::CustomField
            | RecordKind::Setting
            | RecordKind::User
            | RecordKind::SavedSearch => self.settings = true,
            RecordKind::Candidate
            | RecordKind::Note
            | RecordKind::Message
            | RecordKind::Document
            | RecordKind::History => {}
        }
    }

    /// Names the candidates of these rows (those still here; an erased one is named from its
    /// tombstone instead).
    pub(crate) fn name_rows(&mut self, conn: &Connection, cands: &[i64]) -> Result<(), StoreError> {
        let rows: BTreeSet<i64> = cands.iter().copied().collect();
        if rows.len() > NAMED_AT_MOST {
            self.candidates = ChangedCandidates::Many;
            return Ok(());
        }
        let mut ids = BTreeSet::new();
        for cand in rows {
            if let Some(id) = id_of_row(conn, cand)? {
                ids.insert(id);
            }
        }
        self.name(ids);
        Ok(())
    }

    pub(crate) fn name(&mut self, ids: impl IntoIterator<Item = Uuid>) {
        self.candidates.name(ids);
    }
}

/// What a mutation applied here writes, noted by the store as it writes
/// ([`crate::records::SqliteRecords`]): so what it reports changed is what it wrote, not what
/// it asked for (a candidate who already had the tag is not named).
#[derive(Debug, Default)]
pub(crate) struct Written {
    /// The candidate rows written (search brings its facts about them up to date).
    pub cands: Vec<i64>,
    /// Candidates whose tags changed and not their row: named as changed like the others,
    /// while their search facts stay as they are (re-reading them was a quarter of tagging
    /// 100,000 candidates).
    retagged: Vec<i64>,
    changed: Changed,
}

impl Written {
    /// A record of `kind` other than a candidate's (whose candidate, if any, is noted apart).
    pub(crate) fn record(&mut self, kind: RecordKind) {
        self.changed.record(kind);
    }

    pub(crate) fn rows(&mut self, cands: &[i64]) {
        self.cands.extend_from_slice(cands);
    }

    /// Candidates given or relieved of a tag (nothing in their own row changed).
    pub(crate) fn retagged(&mut self, cands: &[i64]) {
        self.retagged.extend_from_slice(cands);
    }

    /// A candidate named by id: the owner of a note, or one about to be deleted (whose row
    /// will not be there to name them by).
    pub(crate) fn candidate(&mut self, id: Uuid) {
        self.changed.name([id]);
    }

    pub(crate) fn deleted(&mut self, id: Uuid) {
        self.changed.name([id]);
        self.changed.deleted.name([id]);
    }

    /// What changed, once the writes are done (the rows still here named by their ids).
    pub(crate) fn changed(&self, conn: &Connection) -> Result<Changed, StoreError> {
        let mut changed = self.changed.clone();
        let rows: Vec<i64> = self.cands.iter().chain(&self.retagged).copied().collect();
        changed.name_rows(conn, &rows)?;
        Ok(changed)
    }
}

/// The candidate a tombstone's record belonged to, read before it goes (a note deleted by a
/// teammate changes that candidate's profile). Other kinds name their candidate otherwise.
pub(crate) fn owner_of_removed(conn: &Connection, kind: RecordKind, id: &str) -> Result<Option<Uuid>, StoreError> {
    let sql = match kind {
        RecordKind::Candidate => return Ok(uuid(id).ok()),
        // "<send id>:<candidate id>"
        RecordKind::Message => return Ok(id.split_once(':').and_then(|(_, candidate)| uuid(candidate).ok())),
        RecordKind::Note => "SELECT c.id FROM notes n JOIN candidates c ON c.cand = n.cand WHERE n.id = ?1",
        RecordKind::History => {
            "SELECT c.id FROM history h JOIN candidates c ON c.cand = h.cand WHERE h.id = CAST(?1 AS INTEGER)"
        }
        _ => return Ok(None),
    };
    let id: Option<String> = conn.prepare_cached(sql)?.query_row([id], |r| r.get(0)).optional()?;
    Ok(id.and_then(|id| uuid(&id).ok()))
}

fn id_of_row(conn: &Connection, cand: i64) -> Result<Option<Uuid>, StoreError> {
    match candidates::id_of(conn, cand) {
        Ok(id) => Ok(Some(id)),
        Err(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows)) => Ok(None),
        Err(e) => Err(e),
    }
}
