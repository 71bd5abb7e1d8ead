//! The one write path. [`apply`] does, in one transaction:
//! 1. validate: check permissions, resolve the selection and check its bulk limit;
//! 2. and 3. the mutation's effects, as the domain defines them for every storage
//!    ([`talentdesk_domain::effects::apply`]): the values checked, the tables changed (engagements and the
//!    derived activity status included), a history entry when the material profile changed;
//! 4. append the mutation to the outbox with the client's next sequence number.
//!
//! Any error rolls everything back: nothing already saved changes. Mutations that belong
//! together (a new candidate and their resume) are applied in one transaction the same way.

use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde::Serialize;
use talentdesk_domain::bulk::BulkAction;
use talentdesk_domain::import::ImportWrite;
use talentdesk_domain::merge::redirect::{self, Redirected};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::permission;
use talentdesk_domain::search::Selection;
use talentdesk_domain::undo;
use talentdesk_domain::user::User;
use ts_rs::TS;
use uuid::Uuid;

use crate::records::SqliteRecords;
use crate::replica::{self, Changed};
use crate::search;
use crate::tables::{candidates, outbox};
use crate::wording;
use crate::{StoreError, merge};

/// The outcome of a mutation applied locally.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Applied {
    /// Its place in the outbox.
    #[ts(type = "number")]
    pub seq: i64,
    pub name: String,
    /// How many candidates (or records) actually changed.
    #[ts(type = "number")]
    pub affected: u64,
    /// What it wrote, for the window to read again the views showing it.
    pub changed: Changed,
    /// The mutation that puts back what it changed, when it can be undone (the window offers
    /// it as Undo; it is applied like any other mutation).
    pub undo: Option<Mutation>,
}

/// Applies `mutations` in order in one transaction (all or none) and returns their outcomes
/// with the candidate rows they wrote (for search), and their undos when `undoable`.
pub(crate) fn apply(
    conn: &mut Connection,
    engine: &mut search::Engine,
    actor: &User,
    mutations: Vec<Mutation>,
    undoable: bool,
) -> Result<(Vec<Applied>, Vec<i64>), StoreError> {
    let tx = Transaction::new(conn, TransactionBehavior::Immediate)?;
    let now = chrono::Utc::now();
    let mut outcomes = Vec::with_capacity(mutations.len());
    let mut all_touched = Vec::new();
    let keep_base = replica::is_replica(&tx)?;
    // New candidates of consecutive mutations that only insert them are indexed together.
    let mut unindexed = Vec::new();
    for mutation in mutations {
        let defer_index = only_inserts(&mutation);
        if !defer_index {
            candidates::index(&tx, &std::mem::take(&mut unindexed))?;
        }
        permission::authorize(actor, mutation.capability())?;
        // A change to someone a merge took (a window still open on them) goes to the survivor.
        // The outbox keeps it as made: the server aims it the same way and says so in the
        // survivor's history, as the effects here do.
        let (made, Redirected { mutation, redirects }) = match merge::redirect(&tx, &mutation)? {
            Some(redirected) => (Some(mutation), redirected),
            None => (None, Redirected { mutation, redirects: Vec::new() }),
        };
        let (mutation, selected) = resolve_selection(&tx, engine, actor, mutation)?;
        let redirected = Redirected { mutation, redirects };
        let mutation = &redirected.mutation;
        let records = SqliteRecords::new(&tx, keep_base).deferring_index(defer_index);
        // The undo is read from the state right before the effects.
        let undo = if undoable { undo::undo_of(&records, actor, mutation, &selected) } else { Ok(None) };
        let applied = undo.and_then(|undo| Ok((redirect::apply(&records, actor, now, &redirected, &selected)?, undo)));
        let (outcome, undo) = match applied {
            Ok(applied) => applied,
            Err(StoreError::Domain(refusal)) => return Err(wording::with_names(&tx, refusal)?.into()),
            Err(other) => return Err(other),
        };
        unindexed.extend(records.unindexed());
        let written = records.written();
        let changed = written.changed(&tx)?;
        let seq = outbox::append(&tx, actor, made.as_ref().unwrap_or(mutation), now)?;
        outcomes.push(Applied { seq, name: mutation.name(), affected: outcome.affected, changed, undo });
        all_touched.extend(written.cands);
    }
    candidates::index(&tx, &unindexed)?;
    tx.commit()?;
    Ok((outcomes, all_touched))
}

/// Whether all `mutation` does to the keyword indexes is add the candidate it creates, so its
/// indexing can wait for the next mutation that does more (or reads them).
fn only_inserts(mutation: &Mutation) -> bool {
    matches!(
        mutation,
        Mutation::CandidateCreate { .. } | Mutation::CandidateImport { write: ImportWrite::Create { .. }, .. }
    )
}

/// Pins "all from this search" to the ids it matches now, and checks the bulk limit.
pub(crate) fn resolve_selection(
    conn: &Connection,
    engine: &mut search::Engine,
    actor: &User,
    mutation: Mutation,
) -> Result<(Mutation, Vec<i64>), StoreError> {
    let (Some(selection), Some(action)) = (mutation.selection(), mutation.bulk_action()) else {
        return Ok((mutation, Vec::new()));
    };
    let pinned = matches!(selection, Selection::Ids { .. });
    let (ids, cands) = pin(conn, engine, actor, selection, action)?;
    let mutation = if pinned { mutation } else { mutation.with_selection(Selection::Ids { ids }) };
    Ok((mutation, cands))
}

/// The candidates `selection` means now (ids and local rows), once `actor` may run `action`
/// on that many.
pub(crate) fn pin(
    conn: &Connection,
    engine: &mut search::Engine,
    actor: &User,
    selection: &Selection,
    action: BulkAction,
) -> Result<(Vec<Uuid>, Vec<i64>), StoreError> {
    match selection {
        Selection::Ids { ids } => {
            action.check_ids(actor.role, ids)?;
            Ok((ids.clone(), candidates::cands_of(conn, ids)?))
        }
        Selection::Search { request } => {
            // Count first: an over-limit search is refused before it is materialised.
            action.check(actor.role, engine.count(conn, request)?)?;
            let cands = engine.all(conn, request)?;
            let ids = cands.iter().map(|c| candidates::id_of(conn, *c)).collect::<Result<Vec<_>, _>>()?;
            Ok((ids, cands))
        }
    }
}
