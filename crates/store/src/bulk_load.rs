//! Loading many candidates at once into a new store (demo data, imports, the first sync's
//! snapshot): secondary indexes dropped during the load and rebuilt after it, the keyword
//! index built in one pass at the end. Far faster than applying mutations one by one, and
//! only for a store that holds no candidates yet (or the start of the same load).

use std::collections::HashMap;

use rusqlite::{Connection, params};
use talentdesk_domain::Timestamp;
use talentdesk_domain::activity::Engagement;
use talentdesk_domain::aggregate::{CandidateAggregate, EventMember, FullCandidate, PipelineMember};
use talentdesk_domain::document::Document;
use talentdesk_domain::event::Event;
use talentdesk_domain::job::{Application, Job};
use talentdesk_domain::message::Message;
use talentdesk_domain::note::Note;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::settings::CustomFieldDef;
use talentdesk_domain::user::User;
use uuid::Uuid;

use crate::codec::{millis, name_of};
use crate::replica;
use crate::tables::candidates::NewCandidate;
use crate::tables::{
    candidates, checkin_keys, client_state, dedupe_keys, documents, engagements, events, jobs, messages, notes,
    pipelines, search_facts, search_terms, settings, tags, users,
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

/// A candidate made ready for [`BulkLoad::candidate`]: their row values, JSON blocks and
/// keyword text worked out without the database. Made on the thread that produces candidates
/// (the demo generator, the snapshot reader), it leaves the load's one writer, which sets the
/// pace of the whole load, only binding values and stepping statements.
pub struct Prepared {
    candidate_id: Uuid,
    candidate: NewCandidate,
    tags: Vec<String>,
    engagements: Vec<(Engagement, Timestamp)>,
    applications: Vec<Application>,
    pipelines: Vec<PipelineMember>,
    events: Vec<EventMember>,
    notes: Vec<Note>,
    messages: Vec<Message>,
    documents: Vec<Document>,
    history: Vec<HistoryRow>,
    erasure_request: Option<talentdesk_domain::erasure_request::ErasureRequest>,
}

/// A history entry as its row stores it.
struct HistoryRow {
    action: String,
    actor_email: String,
    at: i64,
    changes: String,
    summary: Option<String>,
    /// JSON of the entry's `HistoryDetail`, which the window words in its own language.
    detail: Option<String>,
}

impl Prepared {
    /// A candidate with everything that belongs to them (demo data, imports).
    pub fn candidate(c: FullCandidate) -> Result<Self, StoreError> {
        let history = c
            .history
            .into_iter()
            .map(|h| {
                Ok(HistoryRow {
                    action: name_of(&h.action),
                    actor_email: h.actor_email,
                    at: millis(h.at),
                    changes: serde_json::to_string(&h.changes)?,
                    detail: h.detail.as_ref().map(serde_json::to_string).transpose()?,
                    summary: h.summary,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Self {
            candidate_id: c.candidate.id,
            candidate: NewCandidate::of(&c.candidate, c.resume_text)?.with_applications(&c.applications),
            tags: c.tags,
            engagements: c.engagements,
            applications: c.applications,
            pipelines: c.pipelines,
            events: c.events,
            notes: c.notes,
            messages: c.messages,
            documents: c.documents,
            history,
            erasure_request: None,
        })
    }

    /// A candidate as the server's snapshot has them: the aggregate, without notes, messages,
    /// documents or history (those arrive as records of their own).
    pub(crate) fn aggregate(a: CandidateAggregate) -> Result<Self, StoreError> {
        Ok(Self {
            candidate_id: a.id(),
            candidate: NewCandidate::of(&a.candidate, None)?.with_applications(&a.applications),
            tags: a.tags.into_iter().collect(),
            engagements: a.engagement_times.into_iter().collect(),
            applications: a.applications,
            pipelines: a.pipelines,
            events: a.events,
            notes: Vec::new(),
            messages: Vec::new(),
            documents: Vec::new(),
            history: Vec::new(),
            erasure_request: a.erasure_request,
        })
    }
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
        checkin_keys::TABLES.defer(tx)?;
        dedupe_keys::TABLES.defer(tx)?;
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

    /// An organisation setting (`talentdesk_domain::record` names the keys).
    pub fn setting<T: serde::Serialize>(&mut self, key: &str, value: &T) -> Result<(), StoreError> {
        settings::put(self.tx, key, value)
    }

    /// Writes a candidate made ready by [`Prepared::candidate`].
    pub fn candidate(&mut self, c: &Prepared) -> Result<(), StoreError> {
        let tx = self.tx;
        let cand = candidates::insert_new(tx, &c.candidate)?;
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
        engagements::insert_of(tx, cand, c.engagements.iter().map(|(e, at)| (e, at)))?;
        if c.erasure_request.is_some() {
            crate::tables::erasure_requests::put(tx, cand, c.erasure_request.as_ref())?;
        }
        jobs::insert_rows_of(tx, cand, &c.applications)?;
        pipelines::insert_of(tx, cand, &c.pipelines)?;
        events::insert_of(tx, cand, c.candidate_id, &c.events)?;
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
            "INSERT INTO history (cand, action, actor_email, at, changes, summary, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for h in &c.history {
            stmt.execute(params![cand, h.action, h.actor_email, h.at, h.changes, h.summary, h.detail])?;
        }
        self.loaded += 1;
        Ok(())
    }

    /// A record other than a candidate as the server's snapshot has it (see `replica`).
    pub(crate) fn record(&mut self, kind: RecordKind, id: &str, data: &str) -> Result<(), StoreError> {
        replica::records::write(self.tx, kind, id, data).map(|_| ())
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
        progress("building the prefix index");
        crate::search::rebuild_prefixes(self.tx, crate::search::BROAD_PREFIX)?;
        // After the keyword index, whose peak memory it would otherwise add to.
        progress("building the check-in index");
        checkin_keys::TABLES.build(self.tx)?;
        progress("building the duplicates index");
        dedupe_keys::TABLES.build(self.tx)?;
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

#[cfg(test)]
mod tests {
    use talentdesk_domain::activity::{ActivityStatus, EngagementSet};
    use talentdesk_domain::candidate::{Candidate, Profile, ProfileType};
    use uuid::Uuid;

    use super::*;
    use crate::tables::candidates;

    fn candidate(n: u128) -> Candidate {
        let at = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        Candidate {
            id: Uuid::from_u128(n),
            profile: Profile { first_name: "Ana".into(), last_name: format!("Souza {n}"), ..Profile::default() },
            ats_id: None,
            person_folder: None,
            profile_type: ProfileType::Applicant,
            engagements: EngagementSet::default(),
            activity: ActivityStatus::Unreviewed,
            eligible: true,
            active: true,
            subscribed: true,
            texts_opted_out: false,
            owner_id: None,
            created_at: at,
            updated_at: at,
            last_login_at: None,
        }
    }

    fn application(job: &Job, candidate: &Candidate, withdrawn: bool) -> Application {
        Application {
            job_id: job.id,
            candidate_id: candidate.id,
            bin: "Applied".into(),
            hiring_status: if withdrawn { "Withdrawn" } else { "New Submission" }.into(),
            status_at: candidate.created_at,
            withdrawn,
        }
    }

    fn counts(store: &Store, id: Uuid) -> (u32, bool) {
        store
            .conn()
            .query_row("SELECT job_apps, withdrawn FROM candidates WHERE id = ?1", [id.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap()
    }

    /// A load writes each candidate's application count and withdrawal with the candidate's
    /// row instead of updating it after the applications: the values must be the ones that
    /// recounting from the applications gives.
    #[test]
    fn a_load_counts_each_candidates_applications_on_their_row() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("t.db")).unwrap();
        let jobs: Vec<Job> = (1..=2)
            .map(|n| Job {
                id: Uuid::from_u128(100 + n),
                title: format!("Job {n}"),
                location: String::new(),
                ats_id: None,
                open: true,
                skills: Vec::new(),
                description: String::new(),
            })
            .collect();
        let people: Vec<Candidate> = (1..=3).map(candidate).collect();
        let applied = [
            vec![],
            vec![application(&jobs[0], &people[1], true), application(&jobs[1], &people[1], false)],
            vec![application(&jobs[0], &people[2], true), application(&jobs[1], &people[2], true)],
        ];
        let mut load = store.bulk_load().unwrap();
        for job in &jobs {
            load.job(job).unwrap();
        }
        for (person, applications) in people.iter().zip(&applied) {
            let mut full = FullCandidate::new(person.clone());
            full.applications = applications.clone();
            load.candidate(&Prepared::candidate(full).unwrap()).unwrap();
        }
        assert_eq!(load.finish(|_| {}).unwrap(), 3);

        let expected = [(0, false), (2, false), (2, true)];
        for (person, expected) in people.iter().zip(expected) {
            assert_eq!(counts(&store, person.id), expected, "{}", person.profile.last_name);
            let cand = candidates::cand_of(store.conn(), person.id).unwrap();
            candidates::refresh_applications(store.conn(), cand).unwrap();
            assert_eq!(counts(&store, person.id), expected, "recounted {}", person.profile.last_name);
        }
    }

    /// Loaded history keeps its detail, which the window words in the reader's language (the
    /// summary is English only).
    #[test]
    fn a_load_keeps_each_history_entrys_detail() {
        use talentdesk_domain::aggregate::HistoryDraft;
        use talentdesk_domain::history::{HistoryAction, HistoryDetail};

        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("t.db")).unwrap();
        let person = candidate(1);
        let mut full = FullCandidate::new(person.clone());
        full.history = vec![HistoryDraft {
            action: HistoryAction::Event,
            actor_email: "sam@example.com".into(),
            at: person.created_at,
            changes: Vec::new(),
            summary: Some("Tagged python".into()),
            detail: Some(HistoryDetail::Tagged { tags: vec!["python".into()] }),
            visible_to: None,
        }];
        let mut load = store.bulk_load().unwrap();
        load.candidate(&Prepared::candidate(full).unwrap()).unwrap();
        load.finish(|_| {}).unwrap();

        let cand = candidates::cand_of(store.conn(), person.id).unwrap();
        let history = crate::tables::history::of(store.conn(), cand, person.id).unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].detail, Some(HistoryDetail::Tagged { tags: vec!["python".into()] }));
    }
}
