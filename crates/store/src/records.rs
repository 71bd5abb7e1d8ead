//! The local store's side of [`Records`]: each read or write a mutation needs, as the SQLite
//! tables do it. The rules live in the domain's `effects`; nothing here decides anything.

use std::cell::RefCell;

use rusqlite::Connection;
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
use talentdesk_domain::message::Message;
use talentdesk_domain::note::Note;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::record::RecordKind;
use talentdesk_domain::saved_search::SavedSearch;
use talentdesk_domain::settings::{ColumnConfig, CustomFieldDef, HiredActions};
use talentdesk_domain::template::{self, Template};
use talentdesk_domain::{DomainError, Timestamp};
use uuid::Uuid;

use crate::StoreError;
use crate::erasure;
use crate::replica::{Written, base};
use crate::tables::{
    candidates, documents, engagements, events, history, jobs, messages, notes, pipelines, saved_searches, settings,
    tags,
};

/// The tables, inside the transaction a mutation is applied in.
pub(crate) struct SqliteRecords<'a> {
    tx: &'a Connection,
    /// Keep the server's copy of each record before its first local change (a replica of a
    /// server does; a standalone store has nothing to rebase on).
    keep_base: bool,
    written: RefCell<Written>,
    /// Leave new candidates out of the keyword indexes, for the caller to index together with
    /// others ([`Self::unindexed`]); else each is indexed as it is inserted.
    defer_index: bool,
    unindexed: RefCell<Vec<i64>>,
}

impl<'a> SqliteRecords<'a> {
    pub(crate) fn new(tx: &'a Connection, keep_base: bool) -> Self {
        Self { tx, keep_base, written: RefCell::default(), defer_index: false, unindexed: RefCell::default() }
    }

    /// These records with new candidates' indexing left to the caller when `defer`.
    pub(crate) fn deferring_index(self, defer: bool) -> Self {
        Self { defer_index: defer, ..self }
    }

    /// The candidates inserted and not yet indexed (when deferring).
    pub(crate) fn unindexed(&self) -> Vec<i64> {
        self.unindexed.take()
    }

    /// What the mutation applied through these records wrote.
    pub(crate) fn written(self) -> Written {
        self.written.into_inner()
    }

    fn tag(&self, name: &str) -> Result<i64, StoreError> {
        Ok(tags::find(self.tx, name)?.ok_or_else(|| DomainError::not_found("tag", name))?)
    }

    /// About to write the record `kind`/`id` (a candidate's own record is noted by its row).
    fn writes(&self, kind: RecordKind, id: impl ToString) -> Result<(), StoreError> {
        self.written.borrow_mut().record(kind);
        if self.keep_base { base::keep(self.tx, kind, &id.to_string()) } else { Ok(()) }
    }

    /// Deletes the setting `key`; false when it was not set.
    fn delete_setting(&self, key: &str) -> Result<bool, StoreError> {
        if settings::raw(self.tx, key)?.is_none() {
            return Ok(false);
        }
        self.writes(RecordKind::Setting, key)?;
        settings::delete(self.tx, key)?;
        Ok(true)
    }

    /// About to write these candidates' records, each of them.
    fn writes_cands(&self, cands: &[i64]) -> Result<(), StoreError> {
        self.written.borrow_mut().rows(cands);
        self.keep_cands(cands)
    }

    /// A write that changes only some of `cands` keeps them all first ...
    fn keep_cands(&self, cands: &[i64]) -> Result<(), StoreError> {
        if self.keep_base {
            for cand in cands {
                base::keep_candidate(self.tx, *cand)?;
            }
        }
        Ok(())
    }

    /// ... and notes those it changed. (Also a candidate whose attached record is written:
    /// their own record is not kept for that.)
    fn wrote_cands(&self, changed: &[i64]) {
        self.written.borrow_mut().rows(changed);
    }

    /// About to write a note: its candidate changes.
    fn writes_note(&self, id: Uuid) -> Result<(), StoreError> {
        self.writes(RecordKind::Note, id)?;
        self.written.borrow_mut().candidate(notes::get(self.tx, id)?.candidate_id);
        Ok(())
    }
}

impl Records for SqliteRecords<'_> {
    type Cand = i64;
    type Error = StoreError;

    fn cand(&self, id: Uuid) -> Result<i64, StoreError> {
        candidates::cand_of(self.tx, id)
    }

    fn record_exists(&self, kind: RecordKind, id: &str) -> Result<bool, StoreError> {
        match kind {
            RecordKind::Candidate => match id.parse::<Uuid>() {
                Ok(id) => Ok(candidates::find(self.tx, id)?.is_some()),
                Err(_) => Ok(false),
            },
            _ => Ok(crate::replica::records::read(self.tx, kind, id)?.is_some()),
        }
    }

    fn candidate(&self, cand: i64) -> Result<Candidate, StoreError> {
        candidates::get(self.tx, cand)
    }

    fn aggregate(&self, cand: i64) -> Result<CandidateAggregate, StoreError> {
        crate::replica::records::aggregate(self.tx, cand)
    }

    fn insert_candidate(&self, candidate: &Candidate) -> Result<i64, StoreError> {
        self.writes(RecordKind::Candidate, candidate.id)?;
        let cand = candidates::insert(self.tx, candidate, None)?;
        if self.defer_index {
            self.unindexed.borrow_mut().push(cand);
        } else {
            candidates::index(self.tx, &[cand])?;
        }
        self.wrote_cands(&[cand]);
        Ok(cand)
    }

    fn write_profile(&self, cand: i64, profile: &Profile, at: Timestamp) -> Result<(), StoreError> {
        self.writes_cands(&[cand])?;
        candidates::write_profile(self.tx, cand, profile, at)
    }

    fn set_flag(&self, cand: i64, flag: Flag, value: bool, at: Timestamp) -> Result<(), StoreError> {
        self.writes_cands(&[cand])?;
        candidates::set_flag(self.tx, cand, flag, value, at)
    }

    fn delete_candidate(&self, cand: i64) -> Result<(), StoreError> {
        self.wrote_cands(&[cand]);
        self.written.borrow_mut().deleted(candidates::id_of(self.tx, cand)?);
        // No copy is kept for a rebase: erasure takes the server's copies too.
        erasure::erase_candidate(self.tx, cand)
    }

    fn put_aggregate(&self, cand: i64, aggregate: &CandidateAggregate) -> Result<(), StoreError> {
        self.writes_cands(&[cand])?;
        crate::replica::records::overwrite_aggregate(self.tx, cand, aggregate)
    }

    fn move_attached(&self, from: i64, to: i64, only: Option<&Attached>) -> Result<(), StoreError> {
        let to_id = candidates::id_of(self.tx, to)?;
        // The server's copies of what may move, for a rebase: each record as it was, and a
        // message under the id it gets (`send:candidate`) too.
        let mine = self.attached(from)?;
        let from_id = candidates::id_of(self.tx, from)?;
        for note in mine.notes {
            self.writes(RecordKind::Note, note)?;
        }
        for document in mine.documents {
            self.writes(RecordKind::Document, document)?;
        }
        for send in mine.sends {
            self.writes(RecordKind::Message, format!("{send}:{from_id}"))?;
            self.writes(RecordKind::Message, format!("{send}:{to_id}"))?;
        }
        // (Entries made here and not synced yet have no server copy.)
        for entry in mine.history.into_iter().filter(|id| *id > 0) {
            self.writes(RecordKind::History, entry)?;
        }
        self.wrote_cands(&[from, to]);
        crate::merge::move_attached(self.tx, from, to, only)
    }

    fn attached(&self, cand: i64) -> Result<Attached, StoreError> {
        let id = candidates::id_of(self.tx, cand)?;
        Ok(Attached {
            notes: notes::of(self.tx, cand)?.into_iter().map(|n| n.id).collect(),
            documents: documents::of(self.tx, cand, id)?.into_iter().map(|d| d.id).collect(),
            sends: messages::of(self.tx, cand, id)?.into_iter().map(|m| m.send_id).collect(),
            history: history::of(self.tx, cand, id)?.into_iter().map(|h| h.id).collect(),
        })
    }

    fn last_history(&self, cand: i64) -> Result<Option<HistoryDetail>, StoreError> {
        let id = candidates::id_of(self.tx, cand)?;
        Ok(history::of(self.tx, cand, id)?.pop().and_then(|entry| entry.detail))
    }

    fn remove_merged(&self, cand: i64) -> Result<(), StoreError> {
        self.writes_cands(&[cand])?;
        self.written.borrow_mut().deleted(candidates::id_of(self.tx, cand)?);
        erasure::remove_from_search(self.tx, cand)
    }

    fn record_engagement(&self, cand: i64, engagement: Engagement, at: Timestamp) -> Result<(), StoreError> {
        self.writes_cands(&[cand])?;
        engagements::record(self.tx, cand, engagement, at)
    }

    fn record_history(&self, cands: &[i64], entry: &HistoryDraft) -> Result<(), StoreError> {
        history::record(self.tx, cands, entry)
    }

    fn tag_listed(&self, name: &str) -> Result<Option<bool>, StoreError> {
        Ok(tags::find_listed(self.tx, name)?.map(|(_, listed)| listed))
    }

    fn define_tag(&self, name: &str) -> Result<(), StoreError> {
        self.writes(RecordKind::Tag, name)?;
        let tag = tags::ensure(self.tx, name)?;
        tags::set_listed(self.tx, tag, true)
    }

    fn delete_tag(&self, name: &str) -> Result<Vec<i64>, StoreError> {
        let tag = self.tag(name)?;
        self.writes(RecordKind::Tag, name)?;
        let carriers = tags::carriers(self.tx, tag)?;
        self.writes_cands(&carriers)?;
        tags::delete(self.tx, tag)?;
        Ok(carriers)
    }

    fn add_tag(&self, name: &str, cands: &[i64]) -> Result<Vec<i64>, StoreError> {
        self.keep_cands(cands)?;
        let changed = tags::add(self.tx, self.tag(name)?, cands)?;
        self.written.borrow_mut().retagged(&changed);
        Ok(changed)
    }

    fn remove_tag(&self, name: &str, cands: &[i64]) -> Result<Vec<i64>, StoreError> {
        self.keep_cands(cands)?;
        let changed = tags::remove(self.tx, self.tag(name)?, cands)?;
        self.written.borrow_mut().retagged(&changed);
        Ok(changed)
    }

    fn note(&self, id: Uuid) -> Result<Note, StoreError> {
        notes::get(self.tx, id)
    }

    fn insert_note(&self, note: &Note, cand: i64) -> Result<(), StoreError> {
        self.writes(RecordKind::Note, note.id)?;
        self.wrote_cands(&[cand]);
        notes::insert(self.tx, note, cand)
    }

    fn update_note(&self, id: Uuid, body: &str, private: bool, at: Timestamp) -> Result<(), StoreError> {
        self.writes_note(id)?;
        notes::update(self.tx, id, body, private, at)
    }

    fn delete_note(&self, id: Uuid) -> Result<(), StoreError> {
        self.writes_note(id)?;
        notes::delete(self.tx, id)
    }

    fn pipeline(&self, id: Uuid) -> Result<Pipeline, StoreError> {
        pipelines::get(self.tx, id)
    }

    fn put_pipeline(&self, pipeline: &Pipeline) -> Result<(), StoreError> {
        self.writes(RecordKind::Pipeline, pipeline.id)?;
        pipelines::put(self.tx, pipeline)
    }

    fn pipeline_members(&self, pipeline: Uuid, status: Option<&str>) -> Result<Vec<i64>, StoreError> {
        pipelines::members_at(self.tx, pipeline, status)
    }

    fn relabel_pipeline_members(&self, pipeline: Uuid, cands: &[i64], to: &str) -> Result<(), StoreError> {
        self.writes_cands(cands)?;
        pipelines::relabel(self.tx, pipeline, cands, to)
    }

    fn rewrite_candidates(&self, cands: &[i64]) -> Result<(), StoreError> {
        self.writes_cands(cands)
    }

    fn add_to_pipeline(
        &self,
        pipeline: Uuid,
        cands: &[i64],
        status: &str,
        reviewed: bool,
        at: Timestamp,
    ) -> Result<Vec<i64>, StoreError> {
        self.keep_cands(cands)?;
        let changed = pipelines::add(self.tx, pipeline, cands, status, reviewed, at)?;
        self.wrote_cands(&changed);
        Ok(changed)
    }

    fn remove_from_pipeline(&self, pipeline: Uuid, cands: &[i64]) -> Result<Vec<i64>, StoreError> {
        self.keep_cands(cands)?;
        let changed = pipelines::remove(self.tx, pipeline, cands)?;
        self.wrote_cands(&changed);
        Ok(changed)
    }

    fn set_pipeline_status(
        &self,
        pipeline: Uuid,
        cand: i64,
        status: &str,
        at: Timestamp,
    ) -> Result<String, StoreError> {
        self.writes_cands(&[cand])?;
        pipelines::set_status(self.tx, pipeline, cand, status, at)
    }

    fn event(&self, id: Uuid) -> Result<Event, StoreError> {
        events::get(self.tx, id)
    }

    fn put_event(&self, event: &Event) -> Result<(), StoreError> {
        self.writes(RecordKind::Event, event.id)?;
        events::put(self.tx, event)
    }

    fn event_member(&self, event: Uuid, cand: i64) -> Result<Option<EventMember>, StoreError> {
        events::member_of(self.tx, event, cand)
    }

    fn put_event_member(&self, cand: i64, member: &EventMember) -> Result<(), StoreError> {
        self.writes_cands(&[cand])?;
        events::put_member(self.tx, cand, member)
    }

    fn remove_event_member(&self, event: Uuid, cand: i64) -> Result<(), StoreError> {
        self.writes_cands(&[cand])?;
        events::remove_member(self.tx, event, cand)
    }

    fn job(&self, id: Uuid) -> Result<Job, StoreError> {
        jobs::get(self.tx, id)
    }

    fn put_job(&self, job: &Job) -> Result<(), StoreError> {
        self.writes(RecordKind::Job, job.id)?;
        jobs::put(self.tx, job)
    }

    fn applications(&self, cand: i64, candidate_id: Uuid) -> Result<Vec<Application>, StoreError> {
        jobs::of(self.tx, cand, candidate_id)
    }

    fn submit_to_job(&self, job: Uuid, cands: &[i64], at: Timestamp) -> Result<Vec<i64>, StoreError> {
        self.keep_cands(cands)?;
        let changed = jobs::submit(self.tx, job, cands, at)?;
        self.wrote_cands(&changed);
        Ok(changed)
    }

    fn set_application_status(
        &self,
        job: Uuid,
        cand: i64,
        bin: &str,
        status: &str,
        at: Timestamp,
    ) -> Result<(String, String), StoreError> {
        self.writes_cands(&[cand])?;
        jobs::set_status(self.tx, job, cand, bin, status, at)
    }

    fn withdraw_application(&self, job: Uuid, cand: i64, at: Timestamp) -> Result<(), StoreError> {
        self.writes_cands(&[cand])?;
        jobs::withdraw(self.tx, job, cand, at)
    }

    fn send_exists(&self, send_id: Uuid) -> Result<bool, StoreError> {
        messages::send_exists(self.tx, send_id)
    }

    fn insert_message(&self, message: &Message, cand: i64) -> Result<(), StoreError> {
        self.writes(RecordKind::Message, message.id())?;
        self.wrote_cands(&[cand]);
        messages::insert(self.tx, message, cand)
    }

    fn documents(&self, cand: i64, candidate_id: Uuid) -> Result<Vec<Document>, StoreError> {
        documents::of(self.tx, cand, candidate_id)
    }

    fn insert_document(&self, document: &Document, cand: i64) -> Result<(), StoreError> {
        self.writes(RecordKind::Document, document.id)?;
        self.wrote_cands(&[cand]);
        documents::insert(self.tx, document, cand)
    }

    fn delete_document(&self, id: Uuid) -> Result<Document, StoreError> {
        let cand = documents::cand_of(self.tx, id)?.ok_or_else(|| DomainError::not_found("document", id))?;
        let document = documents::of(self.tx, cand, candidates::id_of(self.tx, cand)?)?
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| DomainError::not_found("document", id))?;
        self.writes(RecordKind::Document, id)?;
        self.wrote_cands(&[cand]);
        documents::delete(self.tx, id)?;
        Ok(document)
    }

    fn custom_fields(&self) -> Result<Vec<CustomFieldDef>, StoreError> {
        settings::custom_fields(self.tx)
    }

    fn put_custom_field(&self, field: &CustomFieldDef) -> Result<(), StoreError> {
        self.writes(RecordKind::CustomField, &field.key)?;
        settings::put_custom_field(self.tx, field)
    }

    fn delete_custom_field(&self, key: &str) -> Result<bool, StoreError> {
        self.writes(RecordKind::CustomField, key)?;
        settings::delete_custom_field(self.tx, key)
    }

    fn hired_actions(&self) -> Result<HiredActions, StoreError> {
        settings::get(self.tx, settings::HIRED_ACTIONS)
    }

    fn put_hired_actions(&self, actions: &HiredActions) -> Result<(), StoreError> {
        self.writes(RecordKind::Setting, settings::HIRED_ACTIONS)?;
        settings::put(self.tx, settings::HIRED_ACTIONS, actions)
    }

    fn put_columns(&self, config: &ColumnConfig) -> Result<(), StoreError> {
        self.writes(RecordKind::Setting, settings::COLUMNS)?;
        settings::put(self.tx, settings::COLUMNS, config)
    }

    fn areas_of_interest(&self) -> Result<Vec<String>, StoreError> {
        settings::get(self.tx, settings::AREAS_OF_INTEREST)
    }

    fn put_areas_of_interest(&self, interests: &[String]) -> Result<(), StoreError> {
        self.writes(RecordKind::Setting, settings::AREAS_OF_INTEREST)?;
        settings::put(self.tx, settings::AREAS_OF_INTEREST, &interests)
    }

    fn put_phone_country(&self, country: Option<&str>) -> Result<(), StoreError> {
        self.writes(RecordKind::Setting, settings::PHONE_COUNTRY)?;
        settings::put(self.tx, settings::PHONE_COUNTRY, &country)
    }

    fn put_consent_text(&self, text: Option<&str>) -> Result<(), StoreError> {
        self.writes(RecordKind::Setting, talentdesk_domain::record::CONSENT_TEXT)?;
        settings::put(self.tx, talentdesk_domain::record::CONSENT_TEXT, &text)
    }

    fn templates(&self) -> Result<Vec<Template>, StoreError> {
        settings::templates(self.tx)
    }

    fn put_template(&self, t: &Template) -> Result<(), StoreError> {
        let key = template::setting_key(t.id);
        self.writes(RecordKind::Setting, &key)?;
        settings::put(self.tx, &key, t)
    }

    fn delete_template(&self, id: Uuid) -> Result<bool, StoreError> {
        self.delete_setting(&template::setting_key(id))
    }

    fn put_import_mapping(&self, mapping: &SavedMapping) -> Result<(), StoreError> {
        let key = import_mapping::setting_key(&mapping.name);
        self.writes(RecordKind::Setting, &key)?;
        settings::put(self.tx, &key, mapping)
    }

    fn delete_import_mapping(&self, name: &str) -> Result<bool, StoreError> {
        self.delete_setting(&import_mapping::setting_key(name))
    }

    fn saved_search(&self, id: Uuid) -> Result<Option<SavedSearch>, StoreError> {
        saved_searches::get(self.tx, id)
    }

    fn put_saved_search(&self, search: &SavedSearch) -> Result<(), StoreError> {
        self.writes(RecordKind::SavedSearch, search.id)?;
        saved_searches::put(self.tx, search)
    }

    fn delete_saved_search(&self, id: Uuid) -> Result<(), StoreError> {
        self.writes(RecordKind::SavedSearch, id)?;
        saved_searches::forget_news(self.tx, id)?;
        saved_searches::delete(self.tx, &id.to_string())
    }
}
