//! Loading many candidates at once into a new store (demo data, imports): one transaction,
//! secondary indexes dropped during the load and rebuilt after it, the keyword index built in
//! one pass at the end. Far faster than applying mutations one by one, and only for a store
//! that holds no candidates yet (nothing to validate against, nothing to sync).

use std::collections::HashMap;

use rusqlite::{Connection, params};
use talentdesk_domain::aggregate::FullCandidate;
use talentdesk_domain::event::Event;
use talentdesk_domain::job::Job;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::settings::CustomFieldDef;
use talentdesk_domain::user::User;

use crate::codec::{millis, name_of};
use crate::tables::{
    candidates, documents, events, jobs, messages, notes, pipelines, search_terms, settings, tags, users,
};
use crate::{Store, StoreError};

/// An open bulk load. Dropped without [`BulkLoad::finish`], it rolls everything back.
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
        self.engine.get_mut().reset();
        let tx = &self.conn;
        // The file is new and empty: a crash mid-load loses nothing but the load itself, so the
        // rollback journal stays in memory instead of writing every page twice through the WAL.
        tx.execute_batch(LOAD_CACHE)?;
        tx.execute_batch("PRAGMA journal_mode = MEMORY")?;
        tx.execute_batch("BEGIN IMMEDIATE")?;
        let dropped_indexes: Vec<String> = {
            let mut stmt = tx.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")?;
            stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
        };
        let names: Vec<String> = {
            let mut stmt = tx.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")?;
            stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
        };
        for name in names {
            tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
        }
        Ok(BulkLoad { tx, finished: false, dropped_indexes, loaded: 0, tag_ids: HashMap::new() })
    }
}

impl BulkLoad<'_> {
    pub fn user(&mut self, user: &User) -> Result<(), StoreError> {
        users::put(self.tx, user)
    }

    pub fn pipeline(&mut self, p: &Pipeline) -> Result<(), StoreError> {
        pipelines::insert(self.tx, p)
    }

    pub fn event(&mut self, e: &Event) -> Result<(), StoreError> {
        events::insert(self.tx, e)
    }

    pub fn job(&mut self, j: &Job) -> Result<(), StoreError> {
        jobs::insert(self.tx, j)
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
        let cand = candidates::insert(tx, &c.candidate, c.resume_text.as_deref())?;
        for name in &c.tags {
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
        let mut stmt = tx.prepare_cached("INSERT OR REPLACE INTO engagements (cand, kind, at) VALUES (?1, ?2, ?3)")?;
        for (e, at) in &c.engagements {
            stmt.execute(params![cand, name_of(e), millis(*at)])?;
        }
        for n in &c.notes {
            notes::insert(tx, n, cand)?;
        }
        for m in &c.messages {
            messages::insert(tx, m, cand)?;
        }
        if !c.applications.is_empty() {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO applications (job_id, cand, bin, hiring_status, status_at, withdrawn) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for a in &c.applications {
                stmt.execute(params![
                    a.job_id.to_string(),
                    cand,
                    a.bin,
                    a.hiring_status,
                    millis(a.status_at),
                    a.withdrawn
                ])?;
            }
            let withdrawn = talentdesk_domain::job::withdrew(&c.applications);
            tx.prepare_cached("UPDATE candidates SET job_apps = ?2, withdrawn = ?3 WHERE cand = ?1")?
                .execute(params![cand, c.applications.len(), withdrawn])?;
        }
        let mut stmt = tx.prepare_cached(
            "INSERT INTO pipeline_members (pipeline_id, cand, status, reviewed, added_at, status_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for p in &c.pipelines {
            stmt.execute(params![
                p.pipeline_id.to_string(),
                cand,
                p.status,
                p.reviewed,
                millis(p.added_at),
                millis(p.status_at)
            ])?;
        }
        let mut stmt = tx.prepare_cached(
            "INSERT INTO event_members (event_id, cand, registered, attended, rating) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for e in &c.events {
            stmt.execute(params![e.event_id.to_string(), cand, e.registered, e.attended, e.rating])?;
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
        self.loaded += 1;
        Ok(())
    }

    /// Rebuilds the indexes and the keyword index, then commits. Returns candidates loaded.
    pub fn finish(mut self, mut progress: impl FnMut(&str)) -> Result<u64, StoreError> {
        progress("building indexes");
        for sql in &self.dropped_indexes {
            self.tx.execute_batch(sql)?;
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
    }
}
