//! The store as a replica of the CRM server: the server's records, with this client's waiting
//! mutations applied on top (DESIGN.md section 3).
//!
//! A pulled record overwrites the local copy, unless a waiting mutation changed that record
//! here: then the server's copy is kept aside in `sync_base` (see [`base`]). When a pull is
//! complete, the rebase writes every kept copy back, forgets the history entries made here,
//! and applies the still-waiting mutations again, in order, through the domain's rules. So
//! the screen always shows the server's state plus the user's unsent work, and a mutation the
//! server rejected disappears from it.

pub(crate) mod base;
mod changed;
mod early;
mod events_gone;
pub(crate) mod records;
mod snapshot;
mod start_over;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use talentdesk_domain::DomainError;
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::merge::redirect::{self, Redirected};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::User;
use ts_rs::TS;
use uuid::Uuid;

pub(crate) use changed::Written;
pub use changed::{Changed, ChangedCandidates, NAMED_AT_MOST};
pub use events_gone::{EventFate, EventGone, EventWork, NotKept};
pub use snapshot::{Incoming, SnapshotLoad};

use crate::codec::{millis, time};
use crate::records::SqliteRecords;
use crate::tables::{candidates, client_state, history, notices, outbox, users};
use crate::{OutboxEntry, Store, StoreError};

pub use crate::tables::notices::{Notice, NoticeDetail};

/// The server account this store replicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Account {
    /// The server's base URL.
    pub server: String,
    pub org_id: Uuid,
    pub user_id: Uuid,
    pub email: String,
}

/// A pulled record: its JSON, or `None` for a tombstone.
#[derive(Debug, Clone, Copy)]
pub struct ServerChange<'a> {
    pub kind: RecordKind,
    pub id: &'a str,
    pub data: Option<&'a str>,
}

const ACCOUNT: &str = "account";
pub(crate) const CURSOR: &str = "cursor";
pub(crate) const LAST_SYNC: &str = "last_sync_at";

impl Store {
    /// The server account this store replicates, if it is a replica.
    pub fn account(&self) -> Result<Option<Account>, StoreError> {
        stored_account(self.conn())
    }

    /// Makes this new store a replica of `account`'s server for `user`. A store that already
    /// holds candidates or waiting mutations, or replicates another account, is refused: its
    /// data did not come from this server.
    pub fn bind(&mut self, account: &Account, user: &talentdesk_domain::user::User) -> Result<(), StoreError> {
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        match stored_account(&tx)? {
            // The replica holds what its user may see (private notes, say): nobody else's.
            Some(existing)
                if existing.server == account.server
                    && existing.org_id == account.org_id
                    && existing.user_id == account.user_id => {}
            Some(existing) => {
                return Err(StoreError::Replica(format!(
                    "{} already holds the data of {} at {}; use another database for {}",
                    self.path.display(),
                    existing.email,
                    existing.server,
                    account.email
                )));
            }
            None => {
                let held: i64 = tx.query_row(
                    "SELECT (SELECT count(*) FROM candidates) + (SELECT count(*) FROM outbox)",
                    [],
                    |r| r.get(0),
                )?;
                if held > 0 {
                    return Err(StoreError::Replica(format!(
                        "{} already holds candidates that did not come from {}; first sync needs a new database",
                        self.path.display(),
                        account.server
                    )));
                }
            }
        }
        client_state::set(&tx, ACCOUNT, &serde_json::to_string(account)?)?;
        users::put(&tx, user)?;
        tx.commit()?;
        Ok(())
    }

    /// Where the next pull starts; `None` until the first sync's snapshot is loaded.
    pub fn cursor(&self) -> Result<Option<String>, StoreError> {
        client_state::get(self.conn(), CURSOR)
    }

    /// When a pull last completed.
    pub fn last_sync_at(&self) -> Result<Option<talentdesk_domain::Timestamp>, StoreError> {
        client_state::get(self.conn(), LAST_SYNC)?
            .map(|s| s.parse::<i64>().map(time).map_err(|e| StoreError::Corrupt(e.to_string())))
            .transpose()
    }

    /// The first `limit` waiting mutations, in order: the next push.
    pub fn pending(&self, limit: u32) -> Result<Vec<OutboxEntry>, StoreError> {
        outbox::pending(self.conn(), limit)
    }

    pub fn pending_count(&self) -> Result<u64, StoreError> {
        outbox::count(self.conn())
    }

    /// Who this replica pushes as.
    pub fn push_identity(&mut self) -> Result<PushIdentity, StoreError> {
        let client_id = client_state::client_id(self.conn())?;
        Ok(PushIdentity { client_id, seq_base: client_state::seq_base(self.conn())? })
    }

    /// Starts pushing under a new client id, because the server showed another replica (a
    /// copy or a restored backup of this one) pushing under the current one. The server took
    /// this replica's mutations up to `taken_through` (local numbering); the rest wait and go
    /// out under the new id, so none is lost and none is taken twice.
    pub fn restart_client(&mut self, taken_through: i64) -> Result<PushIdentity, StoreError> {
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        outbox::drop_through(&tx, taken_through)?;
        let (client_id, seq_base) = restart_with_waiting(&tx)?;
        tx.commit()?;
        tracing::warn!(%client_id, "another copy of this replica pushed under its client id; pushing under a new one");
        Ok(PushIdentity { client_id, seq_base })
    }

    /// Whether the server's word on this client id — the last mutation it took (`last_seq`, in
    /// local numbering) and that mutation's digest — shows another replica pushing under it:
    /// a number this replica never gave out, or a waiting mutation of ours whose number the
    /// server took for different content. Checked before a pull drops what the server took.
    pub fn client_id_shared(&self, last_seq: i64, last_digest: Option<&str>) -> Result<bool, StoreError> {
        if last_seq > client_state::last_taken_seq(self.conn())? {
            return Ok(true);
        }
        Ok(match (outbox::find(self.conn(), last_seq)?, last_digest) {
            (Some(ours), Some(theirs)) => ours.digest != theirs,
            _ => false,
        })
    }

    /// Records a push's answer: the server has taken every mutation up to `last_seq`, and
    /// `notices` are what the user should hear about.
    pub fn acknowledge(&mut self, last_seq: i64, notices: &[Notice]) -> Result<(), StoreError> {
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        outbox::drop_through(&tx, last_seq)?;
        for notice in notices {
            notices::add(&tx, notice)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Notices not dismissed yet (one candidate's, or all), newest first.
    pub fn notices(&self, candidate_id: Option<Uuid>) -> Result<Vec<Notice>, StoreError> {
        let conn = self.conn();
        notices::open(conn, candidate_id)?
            .into_iter()
            .map(|notice| match notice.detail {
                NoticeDetail::Rejected { reason } => Ok(Notice {
                    detail: NoticeDetail::Rejected { reason: crate::wording::with_names(conn, reason)? },
                    ..notice
                }),
                _ => Ok(notice),
            })
            .collect()
    }

    pub fn dismiss_notice(&mut self, seq: i64) -> Result<(), StoreError> {
        notices::dismiss(self.conn(), seq)
    }

    /// Puts back the teammate's value that conflict `index` of notice `seq` overwrote, as a
    /// new change by `user` (it syncs like any other), and dismisses the notice.
    pub fn put_back(&mut self, user: &User, seq: i64, index: usize) -> Result<(), StoreError> {
        let notice = notices::open(self.conn(), None)?.into_iter().find(|n| n.seq == seq);
        let conflict = match notice.map(|n| n.detail) {
            Some(NoticeDetail::Conflicts { conflicts }) => conflicts.into_iter().nth(index),
            _ => None,
        }
        .ok_or_else(|| DomainError::not_found("conflict", format!("{seq}/{index}")))?;
        let change = FieldChange { from: conflict.written, to: conflict.overwritten };
        self.apply(user, Mutation::CandidateUpdate { candidate_id: conflict.candidate_id, changes: vec![change] })?;
        notices::dismiss(self.conn(), seq)
    }

    /// Applies one page of a pull in one transaction. `last_seq` is the server's word on this
    /// client's mutations; when `complete` (no more pages), the waiting mutations are rebased
    /// on the new state. Returns what changed here, for the window to read again.
    pub fn apply_pull(
        &mut self,
        changes: &[ServerChange<'_>],
        cursor: &str,
        last_seq: i64,
        complete: bool,
    ) -> Result<Changed, StoreError> {
        // Watching saved searches are news, not the pull: one that cannot be checked is told
        // nothing this time, and the pull goes in all the same.
        let alerts = self.alerts_before(changes).unwrap_or_else(|e| {
            tracing::warn!("saved searches were not checked for new matches: {e}");
            None
        });
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        let mut touched = Vec::new();
        let mut changed = Changed::default();
        for (kind, id, data) in in_write_order(changes.iter().map(|c| (c.kind, c.id, c.data))) {
            changed.record(kind);
            if data.is_none() {
                changed.name(changed::owner_of_removed(&tx, kind, id)?);
            }
            if !base::refresh(&tx, kind, id, data)? {
                touched.extend(write_record(&tx, kind, id, data)?);
            }
        }
        touched.extend(early::settle(&tx)?);
        outbox::drop_through(&tx, last_seq)?;
        client_state::set(&tx, CURSOR, cursor)?;
        if complete {
            rebase(&tx, &mut touched)?;
            early::clear(&tx)?;
            client_state::set(&tx, LAST_SYNC, &millis(chrono::Utc::now()).to_string())?;
        }
        changed.name_rows(&tx, &touched)?;
        tx.commit()?;
        self.after_bulk_write(&touched);
        if let Some(before) = alerts {
            match self.alerts_after(before) {
                Ok(heard) => changed.new_matches = heard,
                Err(e) => tracing::warn!("saved searches were not checked for new matches: {e}"),
            }
        }
        let erased =
            changes.iter().any(|c| c.data.is_none() && matches!(c.kind, RecordKind::Candidate | RecordKind::Document));
        if erased {
            // The pull is in; what is left is retried on the next erasure or start.
            if let Err(e) = self.finish_erasure() {
                tracing::warn!("{e}");
            }
        }
        Ok(changed)
    }
}

/// The client id a replica pushes under, and what to subtract from its local sequence numbers
/// to get the server's (non-zero once the id was restarted; see [`Store::restart_client`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PushIdentity {
    pub client_id: Uuid,
    pub seq_base: i64,
}

impl PushIdentity {
    /// A local sequence number as the server knows it.
    pub fn wire(&self, local: i64) -> i64 {
        local - self.seq_base
    }

    /// A sequence number the server gave, in local numbering.
    pub fn local(&self, wire: i64) -> i64 {
        wire + self.seq_base
    }
}

/// A new client id whose first mutation is the first one waiting (or the next one made).
fn restart_with_waiting(tx: &Connection) -> Result<(Uuid, i64), StoreError> {
    let first_waiting = match outbox::first_seq(tx)? {
        Some(seq) => seq,
        None => client_state::last_taken_seq(tx)? + 1,
    };
    client_state::restart(tx, first_waiting)
}

fn stored_account(conn: &Connection) -> Result<Option<Account>, StoreError> {
    Ok(client_state::get(conn, ACCOUNT)?.map(|json| serde_json::from_str(&json)).transpose()?)
}

/// Whether mutations applied here must keep the server's copies for a rebase.
pub(crate) fn is_replica(conn: &Connection) -> Result<bool, StoreError> {
    Ok(client_state::get(conn, ACCOUNT)?.is_some())
}

/// Upserts in [`records::WRITE_ORDER`] (what others refer to first), then tombstones in the
/// reverse order, each group keeping its original order.
fn in_write_order<'a>(
    changes: impl Iterator<Item = (RecordKind, &'a str, Option<&'a str>)>,
) -> Vec<(RecordKind, &'a str, Option<&'a str>)> {
    let mut sorted: Vec<_> = changes.collect();
    sorted.sort_by_key(|(kind, _, data)| match data {
        Some(_) => (0, records::write_rank(*kind) as i64),
        None => (1, -(records::write_rank(*kind) as i64)),
    });
    sorted
}

fn write_record(conn: &Connection, kind: RecordKind, id: &str, data: Option<&str>) -> Result<Option<i64>, StoreError> {
    match data {
        Some(data) => records::write(conn, kind, id, data),
        None => records::remove(conn, kind, id),
    }
}

/// Puts the server's copies back and applies the waiting mutations again on top.
fn rebase(tx: &Connection, touched: &mut Vec<i64>) -> Result<(), StoreError> {
    let kept = base::take(tx)?;
    history::clear_local(tx)?;
    for (kind, id, data) in in_write_order(kept.iter().map(|(k, id, d)| (*k, id.as_str(), d.as_deref()))) {
        touched.extend(write_record(tx, kind, id, data)?);
    }
    for entry in outbox::pending(tx, u32::MAX)? {
        // One that no longer applies here (its candidate is gone, say) changes nothing; the
        // server will say what became of it.
        if let Ok(cands) = replay(tx, &entry) {
            touched.extend(cands);
        }
    }
    Ok(())
}

/// Applies a waiting mutation again, as its author at the time it was made, inside a
/// savepoint: one that no longer applies changes nothing. Returns the candidate rows it wrote.
fn replay(tx: &Connection, entry: &OutboxEntry) -> Result<Vec<i64>, StoreError> {
    tx.execute_batch("SAVEPOINT replay")?;
    let result = (|| {
        let actor = users::by_id(tx, &entry.actor_id.to_string())?
            .ok_or_else(|| StoreError::Replica(format!("the author of mutation {} is unknown here", entry.seq)))?;
        // A change to someone a merge took meanwhile goes to the survivor.
        let redirected = crate::merge::redirect(tx, &entry.mutation)?
            .unwrap_or_else(|| Redirected { mutation: entry.mutation.clone(), redirects: Vec::new() });
        // Candidates deleted meanwhile drop out of a selection; the rest still change.
        let cands: Vec<i64> = match redirected.mutation.selection() {
            Some(Selection::Ids { ids }) => ids
                .iter()
                .map(|id| candidates::find(tx, *id))
                .filter_map(Result::transpose)
                .collect::<Result<_, _>>()?,
            _ => Vec::new(),
        };
        let records = SqliteRecords::new(tx, true);
        redirect::apply(&records, &actor, entry.created_at, &redirected, &cands)?;
        Ok(records.written().cands)
    })();
    match result {
        Ok(cands) => {
            tx.execute_batch("RELEASE replay")?;
            Ok(cands)
        }
        Err(e) => {
            tx.execute_batch("ROLLBACK TO replay; RELEASE replay")?;
            Err(e)
        }
    }
}

impl Store {
    /// Every record here as the server would send it, ordered by kind and id: what two
    /// replicas that have converged hold alike (history made here and not yet synced is left
    /// out; it has no server id yet).
    pub fn export_records(&self) -> Result<Vec<(RecordKind, String, String)>, StoreError> {
        self.export_records_of(&records::WRITE_ORDER)
    }

    /// [`Store::export_records`] of some kinds only.
    pub fn export_records_of(&self, kinds: &[RecordKind]) -> Result<Vec<(RecordKind, String, String)>, StoreError> {
        let conn = self.conn();
        let mut out = Vec::new();
        for &kind in kinds {
            let mut ids = records::ids(conn, kind)?;
            ids.sort();
            for id in ids {
                if let Some(data) = records::read(conn, kind, &id)? {
                    out.push((kind, id, data));
                }
            }
        }
        out.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        Ok(out)
    }
}
