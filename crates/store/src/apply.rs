//! The one write path. [`apply`] does, in one transaction:
//! 1. validate: resolve the selection, check permissions and bulk limits, check the values;
//! 2. change the tables, including engagements and the derived activity status;
//! 3. write a history entry when the material profile changed;
//! 4. append the mutation to the outbox with the client's next sequence number.
//!
//! Any error rolls everything back: nothing already saved changes.

use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde::Serialize;
use talentdesk_domain::activity::{self, Engagement, EngagementSet};
use talentdesk_domain::candidate::{Candidate, Profile, ProfileType};
use talentdesk_domain::document::{self, DocumentKind};
use talentdesk_domain::event::Event;
use talentdesk_domain::history::{self, FieldChange, HistoryAction};
use talentdesk_domain::job::{ATS_BINS, HIRED_STATUS, HIRING_STATUSES, Job};
use talentdesk_domain::message::{Channel, Message, MessageKind};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::note::Note;
use talentdesk_domain::permission;
use talentdesk_domain::pipeline::{self, Pipeline};
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::HiredActions;
use talentdesk_domain::user::User;
use talentdesk_domain::validation::{self, limits};
use talentdesk_domain::{DomainError, Timestamp};
use ts_rs::TS;
use uuid::Uuid;

use crate::StoreError;
use crate::search;
use crate::tables::candidates::{self, Flag};
use crate::tables::{self, engagements, events, jobs, messages, notes, outbox, pipelines, settings, tags};

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
}

/// Applies `mutation` and returns the outcome with the candidates it touched (for search).
pub(crate) fn apply(
    conn: &mut Connection,
    engine: &mut search::Engine,
    actor: &User,
    mutation: Mutation,
) -> Result<(Applied, Vec<i64>), StoreError> {
    let tx = Transaction::new(conn, TransactionBehavior::Immediate)?;
    let now = chrono::Utc::now();
    permission::authorize(actor, mutation.capability())?;
    let (mutation, mut touched) = resolve_selection(&tx, engine, actor, mutation)?;
    let affected = Effects { tx: &tx, actor, now }.apply(&mutation, &touched)?;
    if let Some(id) = mutation.candidate_id() {
        touched.extend(candidates::cand_of(&tx, id).ok());
    }
    let seq = outbox::append(&tx, actor, &mutation, now)?;
    tx.commit()?;
    Ok((Applied { seq, name: mutation.name(), affected }, touched))
}

/// Pins "all from this search" to the ids it matches now, and checks the bulk limit.
fn resolve_selection(
    conn: &Connection,
    engine: &mut search::Engine,
    actor: &User,
    mutation: Mutation,
) -> Result<(Mutation, Vec<i64>), StoreError> {
    let (Some(selection), Some(action)) = (mutation.selection(), mutation.bulk_action()) else {
        return Ok((mutation, Vec::new()));
    };
    match selection {
        Selection::Ids { ids } => {
            action.check(actor.role, ids.len() as u64)?;
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            if unique.len() != ids.len() {
                return Err(DomainError::invalid("selection", "lists a candidate more than once").into());
            }
            let cands = candidates::cands_of(conn, ids)?;
            Ok((mutation, cands))
        }
        Selection::Search { request } => {
            // Count first: an over-limit search is refused before it is materialised.
            action.check(actor.role, engine.count(conn, request)?)?;
            let cands = engine.all(conn, request)?;
            let ids = cands.iter().map(|c| candidates::id_of(conn, *c)).collect::<Result<Vec<_>, _>>()?;
            Ok((mutation.with_selection(Selection::Ids { ids }), cands))
        }
    }
}

struct Effects<'a> {
    tx: &'a Connection,
    actor: &'a User,
    now: Timestamp,
}

impl Effects<'_> {
    /// Step 2 and 3 for one mutation; `cands` is the resolved selection, if it has one.
    fn apply(&self, mutation: &Mutation, cands: &[i64]) -> Result<u64, StoreError> {
        use Mutation as M;
        let tx = self.tx;
        match mutation {
            M::CandidateCreate { candidate_id, profile, profile_type } => {
                self.create(*candidate_id, profile, *profile_type)
            }
            M::CandidateUpdate { candidate_id, changes } => self.update(*candidate_id, changes),
            M::ApplyResume { candidate_id, document_id, profile } => {
                self.apply_resume(*candidate_id, *document_id, profile)
            }
            M::CandidateReview { candidate_id } => {
                engagements::record(
                    tx,
                    candidates::cand_of(tx, *candidate_id)?,
                    Engagement::RecruiterReviewed,
                    self.now,
                )?;
                Ok(1)
            }
            M::SetEligible { candidate_id, eligible } => {
                self.flag(&[candidates::cand_of(tx, *candidate_id)?], Flag::Eligible, *eligible)
            }
            M::SetActive { candidate_id, active } => {
                self.flag(&[candidates::cand_of(tx, *candidate_id)?], Flag::Active, *active)
            }
            M::SetSubscribed { subscribed, .. } => self.flag(cands, Flag::Subscribed, *subscribed),
            M::CandidateDelete { .. } => {
                for cand in cands {
                    candidates::delete(tx, *cand)?;
                }
                Ok(cands.len() as u64)
            }
            M::TagsAdd { tags: names, .. } => {
                let mut added = 0;
                for name in checked_tags(names)? {
                    let tag = tags::find(tx, &name)?.filter(|t| self.listed(*t).unwrap_or(false)).ok_or_else(|| {
                        DomainError::invalid("tags", format!("\"{name}\" is not in the tags list; an admin can add it"))
                    })?;
                    added += tags::add(tx, tag, cands)?;
                }
                Ok(added)
            }
            M::TagsRemove { tags: names, .. } => {
                let mut removed = 0;
                for name in checked_tags(names)? {
                    let tag = tags::find(tx, &name)?.ok_or_else(|| DomainError::not_found("tag", &name))?;
                    removed += tags::remove(tx, tag, cands)?;
                }
                Ok(removed)
            }
            M::TagDefine { name } => {
                let name = validation::tag(name)?;
                let tag = tags::ensure(tx, &name)?;
                tags::set_listed(tx, tag, true)?;
                Ok(1)
            }
            M::TagDelete { name } => {
                let tag = tags::find(tx, name.trim())?.ok_or_else(|| DomainError::not_found("tag", name))?;
                tags::delete(tx, tag)?;
                Ok(1)
            }
            M::NoteAdd { note_id, candidate_id, body, private } => {
                let cand = candidates::cand_of(tx, *candidate_id)?;
                let body = validation::required("note", body, limits::NOTE)?;
                let note = Note {
                    id: *note_id,
                    candidate_id: *candidate_id,
                    author_id: self.actor.id,
                    body,
                    private: *private,
                    created_at: self.now,
                    updated_at: self.now,
                };
                notes::insert(tx, &note, cand)?;
                Ok(1)
            }
            M::NoteEdit { note_id, body, private } => {
                self.own_note(*note_id)?;
                notes::update(tx, *note_id, &validation::required("note", body, limits::NOTE)?, *private, self.now)?;
                Ok(1)
            }
            M::NoteDelete { note_id } => {
                self.own_note(*note_id)?;
                notes::delete(tx, *note_id)?;
                Ok(1)
            }
            M::PipelineCreate { pipeline_id, name, statuses, private } => {
                let (name, statuses) = pipeline::validate_definition(name, statuses)?;
                let p = Pipeline { id: *pipeline_id, name, statuses, owner_id: Some(self.actor.id), private: *private };
                pipelines::insert(tx, &p)?;
                Ok(1)
            }
            M::PipelineAdd { pipeline_id, status, .. } => {
                let p = self.visible_pipeline(*pipeline_id)?;
                let status = match status {
                    Some(s) => p.status(s)?,
                    None => p.initial_status().to_owned(),
                };
                pipelines::add(tx, p.id, cands, &status, self.now)
            }
            M::PipelineRemove { pipeline_id, .. } => {
                let p = self.visible_pipeline(*pipeline_id)?;
                pipelines::remove(tx, p.id, cands)
            }
            M::PipelineSetStatus { candidate_id, pipeline_id, status } => {
                let p = self.visible_pipeline(*pipeline_id)?;
                pipelines::set_status(tx, p.id, candidates::cand_of(tx, *candidate_id)?, &p.status(status)?, self.now)?;
                Ok(1)
            }
            M::EventCreate { event } => {
                let event = Event {
                    name: validation::required("name", &event.name, limits::SHORT_TEXT)?,
                    location: validation::line("location", &event.location, limits::SHORT_TEXT)?,
                    ..event.clone()
                };
                events::insert(tx, &event)?;
                Ok(1)
            }
            M::EventAdd { event_id, attended, .. } => {
                events::get(tx, *event_id)?;
                events::add(tx, *event_id, cands, *attended)
            }
            M::EventCheckIn { event_id, candidate_id } => {
                events::get(tx, *event_id)?;
                events::add(tx, *event_id, &[candidates::cand_of(tx, *candidate_id)?], true)
            }
            M::EventRate { event_id, candidate_id, rating } => {
                events::rate(tx, *event_id, candidates::cand_of(tx, *candidate_id)?, validation::rating(*rating)?)?;
                Ok(1)
            }
            M::EmailSend { send_id, subject, body, .. } => {
                self.send(*send_id, cands, MessageKind::Direct, None, subject, body)
            }
            M::InviteSend { send_id, job_id, subject, body, .. } => {
                let job = jobs::get(tx, *job_id)?;
                if !job.open {
                    return Err(DomainError::invalid("job", format!("\"{}\" is closed", job.title)).into());
                }
                self.send(*send_id, cands, MessageKind::InviteToApply, Some(*job_id), subject, body)
            }
            M::TextSend { send_id, body, .. } => self.send(*send_id, cands, MessageKind::Text, None, "", body),
            M::JobCreate { job } => {
                let job = Job {
                    title: validation::required("title", &job.title, limits::SHORT_TEXT)?,
                    location: validation::line("location", &job.location, limits::SHORT_TEXT)?,
                    ..job.clone()
                };
                jobs::insert(tx, &job)?;
                Ok(1)
            }
            M::JobSubmit { job_id, .. } => {
                let job = jobs::get(tx, *job_id)?;
                if !job.open {
                    return Err(DomainError::invalid("job", format!("\"{}\" is closed", job.title)).into());
                }
                jobs::submit(tx, *job_id, cands, self.now)
            }
            M::ApplicationSetStatus { job_id, candidate_id, bin, hiring_status } => {
                self.set_application_status(*job_id, *candidate_id, bin, hiring_status)
            }
            M::ApplicationWithdraw { job_id, candidate_id } => {
                jobs::withdraw(tx, *job_id, candidates::cand_of(tx, *candidate_id)?, self.now)?;
                Ok(1)
            }
            M::DocumentAttach { document: d } => {
                let cand = candidates::cand_of(tx, d.candidate_id)?;
                document::check_content(&d.sha256, d.size)?;
                let d =
                    document::Document { name: document::sanitize_name(&d.name)?, uploaded_at: self.now, ..d.clone() };
                tables::documents::insert(tx, &d, cand)?;
                Ok(1)
            }
            M::DocumentDelete { document_id } => {
                tables::documents::delete(tx, *document_id)?;
                Ok(1)
            }
            M::CustomFieldDefine { field } => {
                settings::put_custom_field(tx, &field.clone().validated()?)?;
                Ok(1)
            }
            M::CustomFieldDelete { key } => {
                if !settings::delete_custom_field(tx, key)? {
                    return Err(DomainError::not_found("custom field", key).into());
                }
                Ok(1)
            }
            M::SetColumns { config } => {
                settings::put(tx, settings::COLUMNS, &config.clone().validated()?)?;
                Ok(1)
            }
            M::SetHiredActions { actions } => {
                settings::put(tx, settings::HIRED_ACTIONS, actions)?;
                Ok(1)
            }
        }
    }

    fn create(&self, id: Uuid, profile: &Profile, profile_type: ProfileType) -> Result<u64, StoreError> {
        if candidates::cand_of(self.tx, id).is_ok() {
            return Err(DomainError::invalid("candidate_id", format!("candidate {id} already exists")).into());
        }
        let profile = self.checked_profile(profile.clone())?;
        // A recruiter looked at what they typed: Recruiter Generated and Recruiter Reviewed.
        let engagements = EngagementSet::of(&[Engagement::RecruiterGenerated, Engagement::RecruiterReviewed]);
        let candidate = Candidate {
            id,
            profile,
            ats_id: None,
            person_folder: None,
            profile_type,
            engagements,
            activity: activity::activity_status(engagements, false),
            eligible: true,
            active: true,
            subscribed: true,
            owner_id: Some(self.actor.id),
            created_at: self.now,
            updated_at: self.now,
            last_login_at: None,
        };
        let cand = candidates::insert(self.tx, &candidate, None)?;
        for e in engagements.iter() {
            engagements::record(self.tx, cand, e, self.now)?;
        }
        candidates::reindex(self.tx, cand)?;
        // The profile right after the insert is rebuilt from today's by undoing later entries.
        self.history(cand, HistoryAction::Insert, &[])?;
        Ok(1)
    }

    fn update(&self, id: Uuid, changes: &[FieldChange]) -> Result<u64, StoreError> {
        if changes.is_empty() {
            return Err(DomainError::invalid("changes", "nothing to change").into());
        }
        let cand = candidates::cand_of(self.tx, id)?;
        let before = candidates::get(self.tx, cand)?.profile;
        let mut after = before.clone();
        for change in changes {
            if change.from.key() != change.to.key() {
                return Err(DomainError::invalid(
                    change.to.key(),
                    format!("a change from {} cannot set {}", change.from.key(), change.to.key()),
                )
                .into());
            }
            // The local store applies the edit as made; the server compares `from` with its
            // current value to detect conflicts.
            after.set(change.to.clone());
        }
        self.replace_profile(cand, &before, after)
    }

    fn apply_resume(&self, id: Uuid, document_id: Uuid, profile: &Profile) -> Result<u64, StoreError> {
        let cand = candidates::cand_of(self.tx, id)?;
        let is_resume = tables::documents::of(self.tx, cand, id)?
            .iter()
            .any(|d| d.id == document_id && d.kind == DocumentKind::Resume);
        if !is_resume {
            return Err(DomainError::invalid("document", "Parse Resume needs one of this candidate's resumes").into());
        }
        let before = candidates::get(self.tx, cand)?.profile;
        self.replace_profile(cand, &before, profile.clone())
    }

    fn replace_profile(&self, cand: i64, before: &Profile, after: Profile) -> Result<u64, StoreError> {
        let after = self.checked_profile(after)?;
        let changes = history::diff(before, &after);
        if changes.is_empty() {
            return Ok(0);
        }
        candidates::write_profile(self.tx, cand, &after, self.now)?;
        self.history(cand, HistoryAction::Update, &changes)?;
        Ok(1)
    }

    /// Validates the profile, including custom fields against their definitions.
    fn checked_profile(&self, profile: Profile) -> Result<Profile, StoreError> {
        let profile = profile.validated()?;
        let defs = settings::custom_fields(self.tx)?;
        for (key, value) in &profile.custom_fields {
            let def = defs.iter().find(|d| &d.key == key).ok_or_else(|| {
                DomainError::invalid(format!("custom:{key}"), "is not a custom field; an admin defines custom fields")
            })?;
            def.check_value(value)?;
        }
        Ok(profile)
    }

    fn history(&self, cand: i64, action: HistoryAction, changes: &[FieldChange]) -> Result<(), StoreError> {
        tables::history::record(self.tx, cand, action, &self.actor.email, self.now, changes)
    }

    fn flag(&self, cands: &[i64], flag: Flag, value: bool) -> Result<u64, StoreError> {
        for cand in cands {
            candidates::set_flag(self.tx, *cand, flag, value, self.now)?;
        }
        Ok(cands.len() as u64)
    }

    fn listed(&self, tag: i64) -> Result<bool, StoreError> {
        Ok(tags::all(self.tx)?.iter().any(|t| t.id == tag && t.listed))
    }

    fn own_note(&self, note_id: Uuid) -> Result<(), StoreError> {
        let note = notes::get(self.tx, note_id)?;
        if !permission::may_change_note(self.actor, note.author_id) {
            return Err(DomainError::forbidden("only the note's author and admins may change it").into());
        }
        Ok(())
    }

    fn visible_pipeline(&self, id: Uuid) -> Result<Pipeline, StoreError> {
        let p = pipelines::get(self.tx, id)?;
        if !permission::may_see_pipeline(self.actor, p.owner_id, p.private) {
            return Err(DomainError::forbidden(format!("pipeline \"{}\" is private", p.name)).into());
        }
        Ok(p)
    }

    /// Queues one message per candidate and records the matching engagement.
    fn send(
        &self,
        send_id: Uuid,
        cands: &[i64],
        kind: MessageKind,
        job_id: Option<Uuid>,
        subject: &str,
        body: &str,
    ) -> Result<u64, StoreError> {
        let (channel, subject, body, engagement) = match kind {
            MessageKind::Text => {
                (Channel::Text, String::new(), validation::required("body", body, limits::TEXT_MESSAGE)?, None)
            }
            MessageKind::InviteToApply => (
                Channel::Email,
                validation::required("subject", subject, limits::SUBJECT)?,
                validation::required("body", body, limits::MESSAGE_BODY)?,
                Some(Engagement::SentInviteToApply),
            ),
            MessageKind::Direct | MessageKind::Campaign => (
                Channel::Email,
                validation::required("subject", subject, limits::SUBJECT)?,
                validation::required("body", body, limits::MESSAGE_BODY)?,
                Some(Engagement::SentDirectEmail),
            ),
        };
        for cand in cands {
            let c = candidates::get(self.tx, *cand)?;
            let reachable = match channel {
                Channel::Email => c.profile.email.is_some(),
                Channel::Text => c.profile.phone.is_some(),
            };
            if !reachable {
                let what = if channel == Channel::Email { "email address" } else { "phone number" };
                return Err(
                    DomainError::invalid("selection", format!("{} has no {what}", c.profile.full_name())).into()
                );
            }
            let message = Message {
                send_id,
                candidate_id: c.id,
                channel,
                kind,
                sender_id: self.actor.id,
                campaign_id: None,
                job_id,
                subject: subject.clone(),
                body: body.clone(),
                queued_at: self.now,
                sent_at: None,
                delivered_at: None,
                opened_at: None,
                clicked_at: None,
                bounced_at: None,
            };
            messages::insert(self.tx, &message, *cand)?;
            if let Some(e) = engagement {
                engagements::record(self.tx, *cand, e, self.now)?;
            }
        }
        Ok(cands.len() as u64)
    }

    fn set_application_status(
        &self,
        job_id: Uuid,
        candidate_id: Uuid,
        bin: &str,
        status: &str,
    ) -> Result<u64, StoreError> {
        let status = HIRING_STATUSES.iter().find(|s| s.eq_ignore_ascii_case(status.trim())).ok_or_else(|| {
            DomainError::invalid("hiring_status", format!("\"{status}\" is not one of: {}", HIRING_STATUSES.join(", ")))
        })?;
        let bin = ATS_BINS
            .iter()
            .find(|b| b.eq_ignore_ascii_case(bin.trim()))
            .ok_or_else(|| DomainError::invalid("bin", format!("\"{bin}\" is not one of: {}", ATS_BINS.join(", "))))?;
        let cand = candidates::cand_of(self.tx, candidate_id)?;
        jobs::set_status(self.tx, job_id, cand, bin, status, self.now)?;
        if *status == HIRED_STATUS {
            engagements::record(self.tx, cand, Engagement::Hired, self.now)?;
            let actions: HiredActions = settings::get(self.tx, settings::HIRED_ACTIONS)?;
            if actions.unsubscribe {
                candidates::set_flag(self.tx, cand, Flag::Subscribed, false, self.now)?;
            }
            if actions.deactivate {
                candidates::set_flag(self.tx, cand, Flag::Active, false, self.now)?;
            }
        }
        Ok(1)
    }
}

/// Cleans a list of tag names; refuses an empty list.
fn checked_tags(names: &[String]) -> Result<Vec<String>, StoreError> {
    if names.is_empty() {
        return Err(DomainError::invalid("tags", "no tags are given").into());
    }
    Ok(names.iter().map(|n| validation::tag(n)).collect::<Result<_, _>>()?)
}
