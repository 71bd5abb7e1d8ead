//! The server's side of the domain's [`Records`]: the reads and writes a mutation needs, on
//! PostgreSQL, inside the mutation's transaction.
//!
//! The domain's rules are synchronous, so this runs on a blocking thread and waits for each
//! query on the runtime. Candidates are read once per mutation, changed in memory and written
//! back together by [`PgRecords::finish`]: a bulk action over 100,000 candidates is a few
//! large statements, not 100,000 small ones.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Serialize;
use sqlx::{Postgres, Transaction};
use talentdesk_domain::activity::Engagement;
use talentdesk_domain::aggregate::{CandidateAggregate, EventMember, HistoryDraft};
use talentdesk_domain::candidate::{Candidate, Profile};
use talentdesk_domain::document::Document;
use talentdesk_domain::effects::{Flag, Records};
use talentdesk_domain::event::Event;
use talentdesk_domain::history::HistoryDetail;
use talentdesk_domain::import_mapping::{self, SavedMapping};
use talentdesk_domain::job::{Application, Job};
use talentdesk_domain::merge::Attached;
use talentdesk_domain::merge::redirect::{self, Redirected};
use talentdesk_domain::message::Message;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::note::Note;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::record::{
    AREAS_OF_INTEREST, COLUMNS, HIRED_ACTIONS, PHONE_COUNTRY, RecordKind, SettingEntry, TagEntry,
};
use talentdesk_domain::saved_search::SavedSearch;
use talentdesk_domain::settings::{ColumnConfig, CustomFieldDef, HiredActions};
use talentdesk_domain::template::{self, Template};
use talentdesk_domain::{DomainError, Timestamp};
use tokio::runtime::Handle;
use uuid::Uuid;

use crate::db::records::{self, Key, NewRecord, Scope};
use crate::db::{merge, mutations};
use crate::{ServerError, erasure};

/// Candidates read from the database at a time.
const LOAD_CHUNK: usize = 5_000;

/// A candidate as this mutation sees it: read, possibly changed, possibly deleted.
struct Loaded {
    aggregate: Option<CandidateAggregate>,
    changed: bool,
}

pub struct PgRecords {
    rt: Handle,
    tx: RefCell<Transaction<'static, Postgres>>,
    org: Uuid,
    version: i64,
    candidates: RefCell<HashMap<Uuid, Loaded>>,
    deleted: RefCell<Vec<Uuid>>,
}

impl PgRecords {
    /// `version` is what every record written here gets; `rt` runs the queries.
    pub fn new(rt: Handle, tx: Transaction<'static, Postgres>, org: Uuid, version: i64) -> Self {
        Self { rt, tx: RefCell::new(tx), org, version, candidates: RefCell::default(), deleted: RefCell::default() }
    }

    /// Reads the candidates not read yet; missing ones are remembered as missing.
    pub fn load(&self, ids: &[Uuid]) -> Result<(), ServerError> {
        let missing: Vec<Uuid> = {
            let cache = self.candidates.borrow();
            ids.iter().filter(|id| !cache.contains_key(id)).copied().collect()
        };
        for chunk in missing.chunks(LOAD_CHUNK) {
            let keys: Vec<String> = chunk.iter().map(Uuid::to_string).collect();
            let found: Vec<(String, CandidateAggregate)> = {
                let mut tx = self.tx.borrow_mut();
                self.rt.block_on(records::get_many(&mut tx, self.org, RecordKind::Candidate, &keys))?
            };
            let mut cache = self.candidates.borrow_mut();
            for id in chunk {
                cache.insert(*id, Loaded { aggregate: None, changed: false });
            }
            for (_, aggregate) in found {
                cache.insert(aggregate.id(), Loaded { aggregate: Some(aggregate), changed: false });
            }
        }
        Ok(())
    }

    /// The candidates among `ids` that exist, in the given order.
    pub fn existing(&self, ids: &[Uuid]) -> Result<Vec<Uuid>, ServerError> {
        self.load(ids)?;
        let cache = self.candidates.borrow();
        Ok(ids.iter().filter(|id| cache.get(id).is_some_and(|l| l.aggregate.is_some())).copied().collect())
    }

    /// Changes a loaded candidate; `change` says whether it changed anything.
    fn change<T>(&self, id: Uuid, change: impl FnOnce(&mut CandidateAggregate) -> T) -> Result<T, ServerError>
    where
        T: Changed,
    {
        self.load(&[id])?;
        let mut cache = self.candidates.borrow_mut();
        let loaded = cache.get_mut(&id).expect("loaded above");
        let aggregate = loaded.aggregate.as_mut().ok_or_else(|| DomainError::not_found("candidate", id))?;
        let result = change(aggregate);
        loaded.changed |= result.changed();
        Ok(result)
    }

    /// Changes each candidate; returns those it changed.
    fn change_each(
        &self,
        ids: &[Uuid],
        change: impl Fn(&mut CandidateAggregate) -> bool,
    ) -> Result<Vec<Uuid>, ServerError> {
        self.load(ids)?;
        let mut changed = Vec::new();
        for id in ids {
            if self.change(*id, &change)? {
                changed.push(*id);
            }
        }
        Ok(changed)
    }

    fn get<T: serde::de::DeserializeOwned + Send + Unpin + 'static>(
        &self,
        kind: RecordKind,
        id: &str,
    ) -> Result<Option<T>, ServerError> {
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(records::get(&mut tx, self.org, Key { kind, id }))?)
    }

    fn require<T: serde::de::DeserializeOwned + Send + Unpin + 'static>(
        &self,
        kind: RecordKind,
        what: &str,
        id: Uuid,
    ) -> Result<T, ServerError> {
        self.get(kind, &id.to_string())?.ok_or_else(|| DomainError::not_found(what, id).into())
    }

    fn put<T: Serialize>(&self, kind: RecordKind, id: &str, data: &T, scope: Scope) -> Result<(), ServerError> {
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(records::put(&mut tx, self.org, self.version, Key { kind, id }, data, scope))?)
    }

    fn delete(&self, kind: RecordKind, id: &str) -> Result<bool, ServerError> {
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(records::delete(&mut tx, self.org, self.version, Key { kind, id }))?)
    }

    fn all<T: serde::de::DeserializeOwned + Send + Unpin + 'static>(
        &self,
        kind: RecordKind,
    ) -> Result<Vec<T>, ServerError> {
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(records::all(&mut tx, self.org, kind))?)
    }

    fn put_setting<T: Serialize>(&self, key: &str, value: &T) -> Result<(), ServerError> {
        let entry = SettingEntry { key: key.to_owned(), value: serde_json::to_value(value)? };
        self.put(RecordKind::Setting, key, &entry, Scope::default())
    }

    /// The candidate, which exists, is gone for the rest of this mutation and is not written
    /// back by [`Self::finish`].
    fn forget_loaded(&self, id: Uuid) -> Result<(), ServerError> {
        self.change(id, |_| Unchanged(()))?;
        if let Some(loaded) = self.candidates.borrow_mut().get_mut(&id) {
            loaded.aggregate = None;
            loaded.changed = false;
        }
        Ok(())
    }

    /// `mutation` aimed at the survivors of the candidates it names whom a merge took (see
    /// [`talentdesk_domain::merge::redirect`]).
    pub fn redirect(&self, mutation: &Mutation) -> Result<Redirected, ServerError> {
        let named = redirect::named(mutation);
        let went = if named.is_empty() {
            HashMap::new()
        } else {
            let mut tx = self.tx.borrow_mut();
            self.rt.block_on(merge::survivors(&mut tx, self.org, &named))?
        };
        Ok(redirect::redirect(mutation.clone(), &went)?)
    }

    /// Leaves the tombstones of the candidates a merge took naming their survivor.
    pub fn point_to_survivor(&self, merged: &[Uuid], survivor: Uuid) -> Result<(), ServerError> {
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(merge::point_to_survivor(&mut tx, self.org, merged, survivor))?)
    }

    /// Drops every change made here (a rejected mutation) and hands the transaction back.
    pub fn abandon(self) -> Transaction<'static, Postgres> {
        self.tx.into_inner()
    }

    /// Writes the changed candidates and erases the deleted ones; hands the transaction back.
    pub fn finish(self) -> Result<Transaction<'static, Postgres>, ServerError> {
        let changed: Vec<NewRecord> = self
            .candidates
            .borrow()
            .iter()
            .filter(|(_, l)| l.changed)
            .filter_map(|(id, l)| {
                let data = l.aggregate.as_ref().map(serde_json::to_value)?;
                Some(data.map(|data| NewRecord {
                    kind: RecordKind::Candidate,
                    id: id.to_string(),
                    data,
                    scope: Scope::default(),
                }))
            })
            .collect::<Result<_, _>>()?;
        let mut tx = self.tx.into_inner();
        for chunk in changed.chunks(LOAD_CHUNK) {
            self.rt.block_on(records::put_batch(&mut tx, self.org, self.version, chunk))?;
        }
        let deleted = self.deleted.into_inner();
        if !deleted.is_empty() {
            // Before their records go: it looks for their values.
            self.rt.block_on(erasure::erase_traces(&mut tx, self.org, &deleted))?;
        }
        for id in deleted {
            let key = id.to_string();
            self.rt.block_on(records::delete(
                &mut tx,
                self.org,
                self.version,
                Key { kind: RecordKind::Candidate, id: &key },
            ))?;
            self.rt.block_on(records::delete_of_candidate(&mut tx, self.org, self.version, id))?;
            self.rt.block_on(mutations::erase_conflict_values(&mut tx, self.org, id))?;
        }
        Ok(tx)
    }
}

/// Whether a change to a candidate changed anything (to know what to write back).
trait Changed {
    fn changed(&self) -> bool;
}

impl Changed for bool {
    fn changed(&self) -> bool {
        *self
    }
}

impl Changed for () {
    fn changed(&self) -> bool {
        true
    }
}

impl<T, E> Changed for Result<T, E> {
    fn changed(&self) -> bool {
        self.is_ok()
    }
}

impl Records for PgRecords {
    type Cand = Uuid;
    type Error = ServerError;

    fn cand(&self, id: Uuid) -> Result<Uuid, ServerError> {
        match self.existing(&[id])?.first() {
            Some(id) => Ok(*id),
            None => Err(DomainError::not_found("candidate", id).into()),
        }
    }

    fn record_exists(&self, kind: RecordKind, id: &str) -> Result<bool, ServerError> {
        // A deleted record's id is never reused: its tombstone counts.
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(records::exists(&mut tx, self.org, Key { kind, id }))?)
    }

    fn candidate(&self, cand: Uuid) -> Result<Candidate, ServerError> {
        self.change(cand, |a| Unchanged(a.candidate.clone())).map(|u| u.0)
    }

    fn aggregate(&self, cand: Uuid) -> Result<CandidateAggregate, ServerError> {
        self.change(cand, |a| Unchanged(a.clone())).map(|u| u.0)
    }

    fn insert_candidate(&self, candidate: &Candidate) -> Result<Uuid, ServerError> {
        self.candidates.borrow_mut().insert(
            candidate.id,
            Loaded { aggregate: Some(CandidateAggregate::new(candidate.clone())), changed: true },
        );
        Ok(candidate.id)
    }

    fn write_profile(&self, cand: Uuid, profile: &Profile, at: Timestamp) -> Result<(), ServerError> {
        self.change(cand, |a| {
            a.candidate.profile = profile.clone();
            a.candidate.updated_at = at;
        })
    }

    fn set_flag(&self, cand: Uuid, flag: Flag, value: bool, at: Timestamp) -> Result<(), ServerError> {
        self.change(cand, |a| a.set_flag(flag, value, at))
    }

    fn delete_candidate(&self, cand: Uuid) -> Result<(), ServerError> {
        self.forget_loaded(cand)?;
        self.deleted.borrow_mut().push(cand);
        Ok(())
    }

    fn put_aggregate(&self, cand: Uuid, aggregate: &CandidateAggregate) -> Result<(), ServerError> {
        self.change(cand, |a| *a = aggregate.clone())
    }

    fn move_attached(&self, from: Uuid, to: Uuid, only: Option<&Attached>) -> Result<(), ServerError> {
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(merge::move_attached(&mut tx, self.org, self.version, (from, to), only))?)
    }

    fn attached(&self, cand: Uuid) -> Result<Attached, ServerError> {
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(merge::attached(&mut tx, self.org, cand))?)
    }

    fn last_history(&self, cand: Uuid) -> Result<Option<HistoryDetail>, ServerError> {
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(merge::last_history(&mut tx, self.org, cand))?)
    }

    fn remove_merged(&self, cand: Uuid) -> Result<(), ServerError> {
        self.forget_loaded(cand)?;
        // Only their own record goes: what was attached to them moved to the survivor, and
        // their values live on there (a deletion's erasure of traces would take those too).
        self.delete(RecordKind::Candidate, &cand.to_string()).map(drop)
    }

    fn record_engagement(&self, cand: Uuid, engagement: Engagement, at: Timestamp) -> Result<(), ServerError> {
        self.change(cand, |a| a.record_engagement(engagement, at))
    }

    fn record_history(&self, cands: &[Uuid], draft: &HistoryDraft) -> Result<(), ServerError> {
        let mut tx = self.tx.borrow_mut();
        for chunk in cands.chunks(LOAD_CHUNK) {
            let ids = self.rt.block_on(records::next_history_ids(&mut tx, chunk.len() as i64))?;
            let rows = ids
                .into_iter()
                .zip(chunk)
                .map(|(id, cand)| {
                    let data = serde_json::to_value(draft.entry(id, *cand))?;
                    let scope = Scope { candidate_id: Some(*cand), visible_to: draft.visible_to };
                    Ok(NewRecord { kind: RecordKind::History, id: id.to_string(), data, scope })
                })
                .collect::<Result<Vec<_>, serde_json::Error>>()?;
            self.rt.block_on(records::put_batch(&mut tx, self.org, self.version, &rows))?;
        }
        Ok(())
    }

    fn tag_listed(&self, name: &str) -> Result<Option<bool>, ServerError> {
        Ok(self.get::<TagEntry>(RecordKind::Tag, name)?.map(|t| t.listed))
    }

    fn define_tag(&self, name: &str) -> Result<(), ServerError> {
        self.put(RecordKind::Tag, name, &TagEntry { name: name.to_owned(), listed: true }, Scope::default())
    }

    fn delete_tag(&self, name: &str) -> Result<Vec<Uuid>, ServerError> {
        let tagged: Vec<String> = {
            let mut tx = self.tx.borrow_mut();
            self.rt.block_on(
                sqlx::query_scalar(
                    "SELECT id FROM records WHERE org_id = $1 AND kind = 'candidate' AND data -> 'tags' ? $2",
                )
                .bind(self.org)
                .bind(name)
                .fetch_all(&mut **tx),
            )?
        };
        let ids: Vec<Uuid> = tagged.iter().filter_map(|id| id.parse().ok()).collect();
        let untagged = self.change_each(&ids, |a| a.remove_tag(name))?;
        self.delete(RecordKind::Tag, name)?;
        Ok(untagged)
    }

    fn add_tag(&self, name: &str, cands: &[Uuid]) -> Result<Vec<Uuid>, ServerError> {
        self.change_each(cands, |a| a.add_tag(name))
    }

    fn remove_tag(&self, name: &str, cands: &[Uuid]) -> Result<Vec<Uuid>, ServerError> {
        self.change_each(cands, |a| a.remove_tag(name))
    }

    fn note(&self, id: Uuid) -> Result<Note, ServerError> {
        self.require(RecordKind::Note, "note", id)
    }

    fn insert_note(&self, note: &Note, cand: Uuid) -> Result<(), ServerError> {
        self.put(RecordKind::Note, &note.id.to_string(), note, note_scope(note, cand))
    }

    fn update_note(&self, id: Uuid, body: &str, private: bool, at: Timestamp) -> Result<(), ServerError> {
        let note = Note { body: body.to_owned(), private, updated_at: at, ..self.note(id)? };
        self.put(RecordKind::Note, &id.to_string(), &note, note_scope(&note, note.candidate_id))
    }

    fn delete_note(&self, id: Uuid) -> Result<(), ServerError> {
        self.delete(RecordKind::Note, &id.to_string()).map(|_| ())
    }

    fn pipeline(&self, id: Uuid) -> Result<Pipeline, ServerError> {
        self.require(RecordKind::Pipeline, "pipeline", id)
    }

    fn put_pipeline(&self, pipeline: &Pipeline) -> Result<(), ServerError> {
        let scope = Scope { candidate_id: None, visible_to: pipeline.private.then_some(pipeline.owner_id).flatten() };
        self.put(RecordKind::Pipeline, &pipeline.id.to_string(), pipeline, scope)
    }

    fn pipeline_members(&self, pipeline: Uuid, status: Option<&str>) -> Result<Vec<Uuid>, ServerError> {
        let member = match status {
            Some(status) => serde_json::json!({ "pipeline_id": pipeline, "status": status }),
            None => serde_json::json!({ "pipeline_id": pipeline }),
        };
        let ids: Vec<String> = {
            let mut tx = self.tx.borrow_mut();
            self.rt.block_on(
                sqlx::query_scalar(
                    "SELECT id FROM records WHERE org_id = $1 AND kind = 'candidate' AND data -> 'pipelines' @> $2",
                )
                .bind(self.org)
                .bind(serde_json::json!([member]))
                .fetch_all(&mut **tx),
            )?
        };
        // A candidate changed earlier in this mutation counts as it is now, not as stored.
        let ids: Vec<Uuid> = ids.iter().filter_map(|id| id.parse().ok()).collect();
        self.load(&ids)?;
        let cache = self.candidates.borrow();
        let mut members: Vec<Uuid> = cache
            .iter()
            .filter(|(_, l)| {
                l.aggregate.as_ref().is_some_and(|a| {
                    a.pipelines.iter().any(|m| m.pipeline_id == pipeline && status.is_none_or(|s| m.status == s))
                })
            })
            .map(|(id, _)| *id)
            .collect();
        members.sort();
        Ok(members)
    }

    fn relabel_pipeline_members(&self, pipeline: Uuid, cands: &[Uuid], to: &str) -> Result<(), ServerError> {
        self.change_each(cands, |a| a.relabel_pipeline_status(pipeline, to)).map(drop)
    }

    fn rewrite_candidates(&self, cands: &[Uuid]) -> Result<(), ServerError> {
        self.change_each(cands, |_| true).map(drop)
    }

    fn add_to_pipeline(
        &self,
        pipeline: Uuid,
        cands: &[Uuid],
        status: &str,
        reviewed: bool,
        at: Timestamp,
    ) -> Result<Vec<Uuid>, ServerError> {
        self.change_each(cands, |a| a.join_pipeline(pipeline, status, reviewed, at))
    }

    fn remove_from_pipeline(&self, pipeline: Uuid, cands: &[Uuid]) -> Result<Vec<Uuid>, ServerError> {
        self.change_each(cands, |a| a.leave_pipeline(pipeline))
    }

    fn set_pipeline_status(
        &self,
        pipeline: Uuid,
        cand: Uuid,
        status: &str,
        at: Timestamp,
    ) -> Result<String, ServerError> {
        Ok(self.change(cand, |a| a.set_pipeline_status(pipeline, status, at))??)
    }

    fn event(&self, id: Uuid) -> Result<Event, ServerError> {
        self.require(RecordKind::Event, "event", id)
    }

    fn put_event(&self, event: &Event) -> Result<(), ServerError> {
        self.put(RecordKind::Event, &event.id.to_string(), event, Scope::default())
    }

    fn event_member(&self, event: Uuid, cand: Uuid) -> Result<Option<EventMember>, ServerError> {
        self.change(cand, |a| Unchanged(a.event_member(event).cloned())).map(|u| u.0)
    }

    fn put_event_member(&self, cand: Uuid, member: &EventMember) -> Result<(), ServerError> {
        self.change(cand, |a| a.put_event_member(member))
    }

    fn remove_event_member(&self, event: Uuid, cand: Uuid) -> Result<(), ServerError> {
        self.change(cand, |a| a.leave_event(event)).map(|_| ())
    }

    fn job(&self, id: Uuid) -> Result<Job, ServerError> {
        self.require(RecordKind::Job, "job", id)
    }

    fn put_job(&self, job: &Job) -> Result<(), ServerError> {
        self.put(RecordKind::Job, &job.id.to_string(), job, Scope::default())
    }

    fn applications(&self, cand: Uuid, _: Uuid) -> Result<Vec<Application>, ServerError> {
        self.change(cand, |a| Unchanged(a.applications.clone())).map(|u| u.0)
    }

    fn submit_to_job(&self, job: Uuid, cands: &[Uuid], at: Timestamp) -> Result<Vec<Uuid>, ServerError> {
        self.change_each(cands, |a| a.apply_to_job(job, at))
    }

    fn set_application_status(
        &self,
        job: Uuid,
        cand: Uuid,
        bin: &str,
        status: &str,
        at: Timestamp,
    ) -> Result<(String, String), ServerError> {
        Ok(self.change(cand, |a| a.set_application_status(job, bin, status, at))??)
    }

    fn withdraw_application(&self, job: Uuid, cand: Uuid, at: Timestamp) -> Result<(), ServerError> {
        Ok(self.change(cand, |a| a.withdraw(job, at))??)
    }

    fn send_exists(&self, send_id: Uuid) -> Result<bool, ServerError> {
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(records::send_exists(&mut tx, self.org, send_id))?)
    }

    fn insert_message(&self, message: &Message, cand: Uuid) -> Result<(), ServerError> {
        self.put(
            RecordKind::Message,
            &message.id(),
            message,
            Scope { candidate_id: Some(cand), visible_to: Some(message.sender_id) },
        )
    }

    fn documents(&self, cand: Uuid, _candidate_id: Uuid) -> Result<Vec<Document>, ServerError> {
        let mut tx = self.tx.borrow_mut();
        Ok(self.rt.block_on(records::of_candidate(&mut tx, self.org, RecordKind::Document, cand))?)
    }

    fn insert_document(&self, document: &Document, cand: Uuid) -> Result<(), ServerError> {
        let scope = Scope { candidate_id: Some(cand), visible_to: None };
        self.put(RecordKind::Document, &document.id.to_string(), document, scope)
    }

    fn delete_document(&self, id: Uuid) -> Result<Document, ServerError> {
        let document: Document = self.require(RecordKind::Document, "document", id)?;
        self.delete(RecordKind::Document, &id.to_string())?;
        Ok(document)
    }

    fn custom_fields(&self) -> Result<Vec<CustomFieldDef>, ServerError> {
        let mut fields: Vec<CustomFieldDef> = self.all(RecordKind::CustomField)?;
        fields.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(fields)
    }

    fn put_custom_field(&self, field: &CustomFieldDef) -> Result<(), ServerError> {
        self.put(RecordKind::CustomField, &field.key, field, Scope::default())
    }

    fn delete_custom_field(&self, key: &str) -> Result<bool, ServerError> {
        self.delete(RecordKind::CustomField, key)
    }

    fn hired_actions(&self) -> Result<HiredActions, ServerError> {
        match self.get::<SettingEntry>(RecordKind::Setting, HIRED_ACTIONS)? {
            Some(entry) => Ok(serde_json::from_value(entry.value)?),
            None => Ok(HiredActions::default()),
        }
    }

    fn put_hired_actions(&self, actions: &HiredActions) -> Result<(), ServerError> {
        self.put_setting(HIRED_ACTIONS, actions)
    }

    fn put_columns(&self, config: &ColumnConfig) -> Result<(), ServerError> {
        self.put_setting(COLUMNS, config)
    }

    fn areas_of_interest(&self) -> Result<Vec<String>, ServerError> {
        match self.get::<SettingEntry>(RecordKind::Setting, AREAS_OF_INTEREST)? {
            Some(entry) => Ok(serde_json::from_value(entry.value)?),
            None => Ok(Vec::new()),
        }
    }

    fn put_areas_of_interest(&self, interests: &[String]) -> Result<(), ServerError> {
        self.put_setting(AREAS_OF_INTEREST, &interests)
    }

    fn put_phone_country(&self, country: Option<&str>) -> Result<(), ServerError> {
        self.put_setting(PHONE_COUNTRY, &country)
    }

    fn put_consent_text(&self, text: Option<&str>) -> Result<(), ServerError> {
        self.put_setting(talentdesk_domain::record::CONSENT_TEXT, &text)
    }

    fn templates(&self) -> Result<Vec<Template>, ServerError> {
        let settings: Vec<SettingEntry> = self.all(RecordKind::Setting)?;
        let ours = settings.into_iter().filter(|s| s.key.starts_with(template::SETTING_PREFIX));
        ours.map(|s| Ok(serde_json::from_value(s.value)?)).collect()
    }

    fn put_template(&self, t: &Template) -> Result<(), ServerError> {
        self.put_setting(&template::setting_key(t.id), t)
    }

    fn delete_template(&self, id: Uuid) -> Result<bool, ServerError> {
        self.delete(RecordKind::Setting, &template::setting_key(id))
    }

    fn put_import_mapping(&self, mapping: &SavedMapping) -> Result<(), ServerError> {
        self.put_setting(&import_mapping::setting_key(&mapping.name), mapping)
    }

    fn delete_import_mapping(&self, name: &str) -> Result<bool, ServerError> {
        self.delete(RecordKind::Setting, &import_mapping::setting_key(name))
    }

    fn saved_search(&self, id: Uuid) -> Result<Option<SavedSearch>, ServerError> {
        self.get(RecordKind::SavedSearch, &id.to_string())
    }

    fn put_saved_search(&self, search: &SavedSearch) -> Result<(), ServerError> {
        // A private one reaches its owner alone (see `visibility`); a shared one everyone.
        let scope = Scope { candidate_id: None, visible_to: search.private.then_some(search.owner_id) };
        self.put(RecordKind::SavedSearch, &search.id.to_string(), search, scope)
    }

    fn delete_saved_search(&self, id: Uuid) -> Result<(), ServerError> {
        self.delete(RecordKind::SavedSearch, &id.to_string()).map(drop)
    }
}

/// A read that changes nothing.
struct Unchanged<T>(T);

impl<T> Changed for Unchanged<T> {
    fn changed(&self) -> bool {
        false
    }
}

/// A private note is seen by its author and the admins only.
fn note_scope(note: &Note, cand: Uuid) -> Scope {
    Scope { candidate_id: Some(cand), visible_to: note.private.then_some(note.author_id) }
}
