//! Loading many candidates at once into a new store (demo data, imports, the first sync's
//! snapshot): secondary indexes dropped during the load and rebuilt after it, the keyword
//! index built in one pass at the end. Far faster than applying mutations one by one, and
//! only for a store that holds no candidates yet (or the start of the same load).

use std::collections::HashMap;

use rusqlite::{Connection, params};
use talentdesk_domain::aggregate::{CandidateAggregate, FullCandidate};
use talentdesk_domain::event::Event;
use talentdesk_domain::job::Job;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::settings::CustomFieldDef;
use talentdesk_domain::user::User;

use crate::codec::{millis, name_of};
use crate::replica;
use crate::tables::{
    candidates, client_state, documents, engagements, events, jobs, messages, notes, pipelines, search_facts,
    search_terms, settings, tags, users,
};
use crate::{Store, StoreError};

/// An open bulk load. Dropped without [`BulkLoad::finish`], it rolls back what was not
/// committed by a [`BulkLoad::checkpoint`].
pub struct BulkLoad<'a> {
    tx: &'a Connection,
    finished: bool,
    dropped_indexes: Vec<String>,
    loaded: u64,
    tag_ids: HashMap<String, i64>,
}

/// Page cache while loading (KiB, negative as SQLite wants it): a million profiles do not fit
/// the everyday cache, and spilling to the WAL mid-load costs more than the memory.
const LOAD_CACHE: &str = "PRAGMA cache_size = -1048576";
const NORMAL_CACHE: &str = "PRAGMA cache_size = -65536";

/// The secondary indexes dropped for a load, kept until it finishes: a load interrupted
/// between checkpoints is resumed with them still missing.
const DROPPED_INDEXES: &str = "bulk_load_dropped_indexes";

/// How a load guards against a crash.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Durability {
    /// One transaction for the whole load; a crash loses only the load (the file was empty).
    /// The rollback journal stays in memory instead of writing every page twice.
    AllOrNothing,
    /// Committed at every checkpoint, and a crash keeps what was committed. A rollback
    /// journal costs little here: pages appended to the file need no journaling.
    Checkpointed,
}

impl Store {
    /// Starts a bulk load; refuses a store that already holds candidates.
    pub fn bulk_load(&mut self) -> Result<BulkLoad<'_>, StoreError> {
        let existing = self.candidate_count()?;
        if existing > 0 {
            return Err(talentdesk_domain::DomainError::invalid(
                "database",
                format!(
                    "{} already holds {existing} candidates; bulk loading needs a new database",
                    self.path.display()
                ),
            )
            .into());
        }
        self.start_bulk_load(Durability::AllOrNothing)
    }

    pub(crate) fn start_bulk_load(&mut self, durability: Durability) -> Result<BulkLoad<'_>, StoreError> {
        self.engine.get_mut().reset();
        let tx = &self.conn;
        tx.execute_batch(LOAD_CACHE)?;
        tx.execute_batch(match durability {
            Durability::AllOrNothing => "PRAGMA journal_mode = MEMORY",
            Durability::Checkpointed => "PRAGMA journal_mode = TRUNCATE",
        })?;
        // Records arrive in any order (a candidate's memberships before the pipelines): the
        // load is checked as a whole by whoever produced it, not row by row.
        tx.execute_batch("PRAGMA foreign_keys = OFF")?;
        tx.execute_batch("BEGIN IMMEDIATE")?;
        // A million changes are not worth logging: the next app start reads the rows and
        // saves a new snapshot.
        search_facts::stop(tx)?;
        let dropped_indexes = match client_state::get(tx, DROPPED_INDEXES)? {
            Some(json) => serde_json::from_str(&json)?,
            None => drop_indexes(tx)?,
        };
        Ok(BulkLoad { tx, finished: false, dropped_indexes, loaded: 0, tag_ids: HashMap::new() })
    }
}

/// Drops the secondary indexes and returns the SQL that creates them again.
fn drop_indexes(tx: &Connection) -> Result<Vec<String>, StoreError> {
    let indexes: Vec<(String, String)> = {
        let mut stmt = tx.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?
    };
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    let sql: Vec<String> = indexes.into_iter().map(|(_, sql)| sql).collect();
    client_state::set(tx, DROPPED_INDEXES, &serde_json::to_string(&sql)?)?;
    Ok(sql)
}

impl BulkLoad<'_> {
    pub fn user(&mut self, user: &User) -> Result<(), StoreError> {
        users::put(self.tx, user)
    }

    pub fn pipeline(&mut self, p: &Pipeline) -> Result<(), StoreError> {
        pipelines::put(self.tx, p)
    }

    pub fn event(&mut self, e: &Event) -> Result<(), StoreError> {
        events::put(self.tx, e)
    }

    pub fn job(&mut self, j: &Job) -> Result<(), StoreError> {
        jobs::put(self.tx, j)
    }

    /// Adds a tag to the organisation's tags list.
    pub fn listed_tag(&mut self, name: &str) -> Result<(), StoreError> {
        let tag = tags::ensure(self.tx, name)?;
        tags::set_listed(self.tx, tag, true)
    }

    pub fn custom_field(&mut self, def: &CustomFieldDef) -> Result<(), StoreError> {
        settings::put_custom_field(self.tx, def)
    }

    pub fn candidate(&mut self, c: &FullCandidate) -> Result<(), StoreError> {
        let tx = self.tx;
        let cand = self.aggregate(&c.aggregate(), c.resume_text.as_deref())?;
        for n in &c.notes {
            notes::insert(tx, n, cand)?;
        }
        for m in &c.messages {
            messages::insert(tx, m, cand)?;
        }
        for d in &c.documents {
            documents::insert(tx, d, cand)?;
        }
        let mut stmt = tx.prepare_cached(
            "INSERT INTO history (cand, action, actor_email, at, changes) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for h in &c.history {
            stmt.execute(params![
                cand,
                name_of(&h.action),
                h.actor_email,
                millis(h.at),
                serde_json::to_string(&h.changes)?
            ])?;
        }
        Ok(())
    }

    /// A candidate with their tags, engagements, memberships and applications; returns the row.
    pub(crate) fn aggregate(&mut self, a: &CandidateAggregate, resume_text: Option<&str>) -> Result<i64, StoreError> {
        let tx = self.tx;
        let cand = candidates::insert(tx, &a.candidate, resume_text)?;
        for name in &a.tags {
            let tag = match self.tag_ids.get(name) {
                Some(tag) => *tag,
                None => {
                    let tag = tags::ensure(tx, name)?;
                    self.tag_ids.insert(name.clone(), tag);
                    tag
                }
            };
            tags::add(tx, tag, &[cand])?;
        }
        engagements::insert_of(tx, cand, &a.engagement_times)?;
        jobs::insert_of(tx, cand, &a.applications)?;
        pipelines::insert_of(tx, cand, &a.pipelines)?;
        events::insert_of(tx, cand, &a.events)?;
        self.loaded += 1;
        Ok(cand)
    }

    /// A record other than a candidate as the server's snapshot has it (see `replica`).
    pub(crate) fn record(&mut self, kind: RecordKind, data: &str) -> Result<(), StoreError> {
        replica::records::write(self.tx, kind, data).map(|_| ())
    }

    /// Commits what was loaded so far (a [`Durability::Checkpointed`] load resumes from here),
    /// with `state` written in the same transaction.
    pub(crate) fn checkpoint(&mut self, state: &[(&str, &str)]) -> Result<(), StoreError> {
        for (key, value) in state {
            client_state::set(self.tx, key, value)?;
        }
        self.tx.execute_batch("COMMIT; BEGIN IMMEDIATE")?;
        Ok(())
    }

    /// Candidates loaded by this load (since it started or resumed).
    pub fn loaded(&self) -> u64 {
        self.loaded
    }

    /// Rebuilds the indexes and the keyword index, then commits. Returns candidates loaded.
    pub fn finish(self, progress: impl FnMut(&str)) -> Result<u64, StoreError> {
        self.finish_with(&[], progress)
    }

    /// [`BulkLoad::finish`], setting (or with `None` removing) the `state` keys in the same
    /// transaction.
    pub(crate) fn finish_with(
        mut self,
        state: &[(&str, Option<&str>)],
        mut progress: impl FnMut(&str),
    ) -> Result<u64, StoreError> {
        progress("building indexes");
        for sql in &self.dropped_indexes {
            self.tx.execute_batch(sql)?;
        }
        client_state::remove(self.tx, DROPPED_INDEXES)?;
        for (key, value) in state {
            match value {
                Some(value) => client_state::set(self.tx, key, value)?,
                None => client_state::remove(self.tx, key)?,
            }
        }
        progress("building the keyword index");
        candidates::index_all(self.tx)?;
        progress("building the term index");
        search_terms::rebuild(self.tx, crate::search::FREQUENT_TERM)?;
        // Statistics for the query planner from a sample: exact counts of a million rows would
        // take seconds and plan no better.
        progress("analyzing");
        self.tx.execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
        self.tx.execute_batch("COMMIT")?;
        self.finished = true;
        Ok(self.loaded)
    }
}

impl Drop for BulkLoad<'_> {
    fn drop(&mut self) {
        // Errors here have nowhere to go; the worst case is a larger cache until reopening.
        if !self.finished {
            let _ = self.tx.execute_batch("ROLLBACK");
        }
        let _ = self.tx.execute_batch(NORMAL_CACHE);
        let _ = self.tx.execute_batch("PRAGMA journal_mode = WAL");
        let _ = self.tx.execute_batch("PRAGMA foreign_keys = ON");
    }
}
