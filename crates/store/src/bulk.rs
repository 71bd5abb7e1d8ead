//! Bulk actions over up to 100,000 candidates, run in batches: each batch is one mutation of
//! its own (one transaction, one outbox entry), so the window can search between batches, a
//! progress bar can follow, and a cancelled or failed run leaves whole batches applied and
//! knows how many.

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use talentdesk_domain::DomainError;
use talentdesk_domain::bulk::BulkAction;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::permission;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::User;
use ts_rs::TS;
use uuid::Uuid;

use crate::replica::Changed;
use crate::{AppError, Applied, Store, StoreError, apply};

/// Candidates per batch: large enough that a 100,000-candidate run is 100 transactions, small
/// enough that each takes a fraction of a second.
pub const BATCH: usize = 1_000;

/// A bulk mutation with its selection pinned to candidate ids, ready to run batch by batch.
#[derive(Debug, Clone)]
pub struct BulkPlan {
    mutation: Mutation,
    /// In the selection's order (a search's).
    ids: Vec<Uuid>,
    /// The same ids in the order of their rows, as the batches take them: each batch then
    /// writes to a narrow run of every table's and index's pages (a candidate's tags, their
    /// history, their facts), which the next batches leave alone, instead of to a thousand
    /// pages scattered over all of them, each written again by nearly every batch.
    in_rows: Vec<Uuid>,
}

impl BulkPlan {
    pub fn total(&self) -> usize {
        self.ids.len()
    }

    /// The ids, for work that is not a mutation (an export).
    pub fn ids(&self) -> &[Uuid] {
        &self.ids
    }

    /// Whether the run is one batch, and so can be undone (its batch's undo is the run's).
    pub fn undoable(&self) -> bool {
        self.ids.len() <= BATCH
    }

    fn batches(&self) -> impl Iterator<Item = (usize, Mutation)> + '_ {
        self.in_rows
            .chunks(BATCH)
            .map(|chunk| (chunk.len(), self.mutation.clone().with_selection(Selection::ids(chunk.iter().copied()))))
    }
}

/// How a bulk run went, reported after each batch and at the end.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BulkProgress {
    #[ts(type = "number")]
    pub total: u64,
    /// Candidates in the batches applied so far.
    #[ts(type = "number")]
    pub done: u64,
    /// What actually changed (a candidate who already had the tag does not count).
    #[ts(type = "number")]
    pub affected: u64,
    /// What the batches applied so far wrote, for the window to read again.
    pub changed: Changed,
    pub end: Option<BulkEnd>,
    /// What puts the run back, for a run of one batch that can be undone.
    pub undo: Option<Mutation>,
}

impl BulkProgress {
    /// A run of `total` candidates, before its first batch.
    pub(crate) fn new(total: usize) -> Self {
        BulkProgress { total: total as u64, done: 0, affected: 0, changed: Changed::default(), end: None, undo: None }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum BulkEnd {
    Finished,
    Cancelled,
    /// A batch was refused or failed; the batches before it stay applied.
    Failed {
        error: AppError,
    },
}

impl Store {
    /// Checks that `actor` may run `mutation` on its whole selection (permission and the bulk
    /// limit) and pins the selection to ids. Nothing is applied.
    pub fn plan_bulk(&self, actor: &User, mutation: Mutation) -> Result<BulkPlan, StoreError> {
        let (Some(action), Some(selection)) = (mutation.bulk_action(), mutation.selection()) else {
            return Err(DomainError::invalid("selection", "this action is not a bulk action").into());
        };
        permission::authorize(actor, mutation.capability())?;
        let (ids, cands) = apply::pin(&self.conn, &mut self.engine.borrow_mut(), actor, selection, action)?;
        let mut rows: Vec<(i64, Uuid)> = cands.into_iter().zip(ids.iter().copied()).collect();
        rows.sort_unstable();
        Ok(BulkPlan { mutation, ids, in_rows: rows.into_iter().map(|(_, id)| id).collect() })
    }

    /// The candidates `selection` means now, once `actor` may run `action` on that many (also
    /// for bulk work that is not a mutation, such as an export).
    pub fn select(&self, actor: &User, selection: &Selection, action: BulkAction) -> Result<Vec<Uuid>, StoreError> {
        let mut engine = self.engine.borrow_mut();
        Ok(apply::pin(&self.conn, &mut engine, actor, selection, action)?.0)
    }
}

/// Runs `plan` batch by batch through `apply` (which takes the store only for one batch, so
/// other work can go between), reporting after each. Stops before the next batch when `cancel`
/// is set, or after a batch that fails. A batch that finds the database held by another writer
/// (a sync applying a pull, another run) fails once SQLite's busy timeout passes; it is tried
/// again until it goes through or the run is cancelled, so a long wait is never a failed run.
pub fn run(
    plan: &BulkPlan,
    cancel: &AtomicBool,
    mut apply: impl FnMut(Mutation) -> Result<Applied, StoreError>,
    mut report: impl FnMut(&BulkProgress),
) -> BulkProgress {
    let mut progress = BulkProgress::new(plan.total());
    'batches: for (size, batch) in plan.batches() {
        let applied = loop {
            if cancel.load(Ordering::Relaxed) {
                progress.end = Some(BulkEnd::Cancelled);
                break 'batches;
            }
            match apply(batch.clone()) {
                Err(e) if busy(&e) => {
                    tracing::info!("bulk run: the database is held by another writer; trying again");
                    // SQLITE_LOCKED comes back at once, without the busy timeout's wait.
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                result => break result,
            }
        };
        match applied {
            Ok(applied) => {
                progress.done += size as u64;
                progress.affected += applied.affected;
                progress.changed.merge(applied.changed);
                progress.undo = applied.undo.filter(|_| plan.undoable());
            }
            Err(e) => {
                progress.end = Some(BulkEnd::Failed { error: e.to_app_error() });
                break;
            }
        }
        report(&progress);
    }
    progress.end.get_or_insert(BulkEnd::Finished);
    report(&progress);
    progress
}

/// Whether `error` is SQLite giving up on a database another connection holds.
fn busy(error: &StoreError) -> bool {
    let StoreError::Sqlite(e) = error else { return false };
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}
