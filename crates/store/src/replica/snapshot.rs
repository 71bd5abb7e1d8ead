//! The first sync: the server's snapshot, loaded in bulk and resumable. What is loaded is
//! committed every [`CHECKPOINT_EVERY`] records together with the key of the last one, so an
//! interrupted first sync (cancelled, offline, the app closed) downloads only the rest.

use serde::{Deserialize, Serialize};
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::record::RecordKind;

use crate::bulk_load::{BulkLoad, Durability, Prepared};
use crate::replica::CURSOR;
use crate::tables::client_state;
use crate::{Store, StoreError};

const CHECKPOINT_EVERY: u64 = 50_000;
pub(super) const SNAPSHOT: &str = "snapshot";

/// How far an interrupted load got.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Progress {
    /// The version of the snapshot's first part; pulls start there. A resumed download is of
    /// a later version, and pulling from the earlier one covers both parts.
    version: Option<i64>,
    /// The last record committed, as `kind/id`.
    after: String,
    /// Records committed so far.
    loaded: u64,
}

/// A snapshot record, parsed where it is unpacked (another thread than the one loading).
pub struct Incoming {
    kind: RecordKind,
    id: String,
    body: Body,
}

enum Body {
    /// Most of a snapshot, and most of the parsing: made ready for writing where parsed.
    Candidate(Box<Prepared>),
    Json(String),
}

impl Incoming {
    pub fn parse(kind: RecordKind, id: &str, data: &str) -> Result<Self, StoreError> {
        let body = match kind {
            RecordKind::Candidate => {
                let aggregate: CandidateAggregate = serde_json::from_str(data)?;
                Body::Candidate(Box::new(Prepared::aggregate(aggregate)?))
            }
            _ => Body::Json(data.to_owned()),
        };
        Ok(Self { kind, id: id.to_owned(), body })
    }
}

pub struct SnapshotLoad<'a> {
    bulk: BulkLoad<'a>,
    progress: Progress,
    /// The last record loaded; `progress.after` takes it at each checkpoint.
    last: Option<(RecordKind, String)>,
    since_checkpoint: u64,
}

impl Store {
    /// Starts the first sync's load into this replica, or resumes an interrupted one.
    pub fn snapshot_load(&mut self) -> Result<SnapshotLoad<'_>, StoreError> {
        if self.account()?.is_none() {
            return Err(StoreError::Replica("this database is not signed in to a server".into()));
        }
        if self.cursor()?.is_some() {
            return Err(StoreError::Replica("the first sync of this database is already done".into()));
        }
        let progress = match client_state::get(self.conn(), SNAPSHOT)? {
            Some(json) => serde_json::from_str(&json)?,
            None => Progress::default(),
        };
        let bulk = self.start_bulk_load(Durability::Checkpointed)?;
        Ok(SnapshotLoad { bulk, progress, last: None, since_checkpoint: 0 })
    }

    /// Where an interrupted first sync's download resumes (empty: from the start).
    pub fn snapshot_resume_after(&self) -> Result<String, StoreError> {
        Ok(match client_state::get(self.conn(), SNAPSHOT)? {
            Some(json) => serde_json::from_str::<Progress>(&json)?.after,
            None => String::new(),
        })
    }

    /// Whether a first sync was started and not finished (it resumes where it stopped).
    pub fn snapshot_interrupted(&self) -> Result<bool, StoreError> {
        Ok(client_state::get(self.conn(), SNAPSHOT)?.is_some())
    }
}

impl SnapshotLoad<'_> {
    /// Where the download resumes: after this `kind/id` (empty: from the start).
    pub fn resume_after(&self) -> &str {
        &self.progress.after
    }

    /// Records committed before this run (a resumed load's earlier part).
    pub fn loaded_before(&self) -> u64 {
        self.progress.loaded
    }

    /// The version of the snapshot being downloaded, from its header.
    pub fn begin(&mut self, version: i64) {
        self.progress.version.get_or_insert(version);
    }

    pub fn record(&mut self, kind: RecordKind, id: &str, data: &str) -> Result<(), StoreError> {
        self.add(Incoming::parse(kind, id, data)?)
    }

    /// A record parsed ahead (see [`Incoming`]).
    pub fn add(&mut self, record: Incoming) -> Result<(), StoreError> {
        match record.body {
            Body::Candidate(candidate) => self.bulk.candidate(&candidate)?,
            Body::Json(data) => self.bulk.record(record.kind, &record.id, &data)?,
        }
        self.last = Some((record.kind, record.id));
        self.progress.loaded += 1;
        self.since_checkpoint += 1;
        if self.since_checkpoint >= CHECKPOINT_EVERY {
            self.checkpoint()?;
        }
        Ok(())
    }

    /// Commits what was loaded, so a later run resumes after it.
    pub fn checkpoint(&mut self) -> Result<(), StoreError> {
        if let Some((kind, id)) = &self.last {
            self.progress.after = format!("{}/{id}", kind.code());
        }
        self.bulk.checkpoint(&[(SNAPSHOT, &serde_json::to_string(&self.progress)?)])?;
        self.since_checkpoint = 0;
        Ok(())
    }

    /// Builds the indexes and makes the store ready for pulls. Returns the records loaded.
    pub fn finish(self, progress: impl FnMut(&str)) -> Result<u64, StoreError> {
        let version = self
            .progress
            .version
            .ok_or_else(|| StoreError::Replica("the snapshot's version was never given".into()))?;
        let loaded = self.progress.loaded;
        self.bulk.finish_with(&[(CURSOR, Some(&version.to_string())), (SNAPSHOT, None)], progress)?;
        Ok(loaded)
    }
}
