//! `candidate.sign_up`: someone signed up on the organisation's page. Someone new becomes a
//! candidate of their own making (profile type and engagement Candidate Authenticated, and
//! Candidate Opt-In with their consent) with their resume as a document; a known candidate
//! gets only what a stranger typing their address may add (see [`crate::signup`]). Either way
//! the event page's registration is made and the confirmation queued to the known address.

use super::{Effects, Records};
use crate::DomainError;
use crate::activity::{Engagement, EngagementSet};
use crate::attendance::{EventMember, RegistrationVia};
use crate::candidate::ProfileType;
use crate::document::{self, Document};
use crate::event::Event;
use crate::history::{HistoryAction, HistoryDetail};
use crate::message::{Channel, Message, MessageKind};
use crate::record::RecordKind;
use crate::signup::{self, SignUpConfirmation, SignUpForm};

impl<R: Records> Effects<'_, R> {
    pub(super) fn sign_up(&self, form: &SignUpForm) -> Result<u64, R::Error> {
        let event = form.event_id.map(|id| self.records.event(id)).transpose()?;
        if let Some(event) = &event
            && event.archived
        {
            return Err(DomainError::invalid("event", "registration for this event has closed").into());
        }
        let confirmation = form.confirmation.as_ref().map(signup::checked_confirmation).transpose()?;
        let known = self.records.record_exists(RecordKind::Candidate, &form.candidate_id.to_string())?;
        let cand = if known { self.known_signs_up(form)? } else { self.new_signs_up(form)? };
        if let Some(event) = &event {
            self.register_signed_up(event, cand, &form.profile.interests)?;
        }
        if let Some(confirmation) = &confirmation {
            self.confirm_sign_up(confirmation, cand)?;
        }
        Ok(1)
    }

    /// Someone new: their profile, engagements of their own, their resume.
    fn new_signs_up(&self, form: &SignUpForm) -> Result<R::Cand, R::Error> {
        let mut engaged = vec![Engagement::CandidateAuthenticated];
        if form.consent {
            engaged.push(Engagement::CandidateOptIn);
        }
        let engagements = EngagementSet::of(&engaged);
        let cand = self.insert_engaged(
            form.candidate_id,
            &form.profile,
            ProfileType::CandidateAuthenticated,
            form.consent,
            engagements,
            None,
        )?;
        if let Some(resume) = &form.resume {
            if resume.candidate_id != form.candidate_id {
                return Err(DomainError::invalid("resume", "belongs to another candidate").into());
            }
            self.unused_id(RecordKind::Document, &resume.id.to_string())?;
            document::check_content(&resume.sha256, resume.size)?;
            let d = Document { name: document::sanitize_name(&resume.name)?, uploaded_at: self.now, ..resume.clone() };
            self.records.insert_document(&d, cand)?;
            self.entry(&[cand], HistoryDetail::DocumentUploaded { name: d.name, document_kind: d.kind }, None)?;
        }
        Ok(cand)
    }

    /// A known candidate, or a stranger typing their address: the areas of interest asked for
    /// are added to theirs, nothing else of the profile, consent or resume is taken.
    fn known_signs_up(&self, form: &SignUpForm) -> Result<R::Cand, R::Error> {
        let cand = self.records.cand(form.candidate_id)?;
        let before = self.records.candidate(cand)?.profile;
        let mut after = before.clone();
        for area in &form.profile.interests {
            if !after.interests.iter().any(|had| had.to_lowercase() == area.trim().to_lowercase()) {
                after.interests.push(area.clone());
            }
        }
        self.replace_profile(cand, &before, after, HistoryAction::Update, None)?;
        Ok(cand)
    }

    /// Registers them for the event page they signed up on (an earlier registration stands),
    /// with the areas they chose.
    fn register_signed_up(&self, event: &Event, cand: R::Cand, interests: &[String]) -> Result<(), R::Error> {
        let mut member = self.records.event_member(event.id, cand)?.unwrap_or_else(|| EventMember::new(event.id));
        if !member.register(self.now, RegistrationVia::SignUp) {
            return Ok(());
        }
        for area in interests {
            if !member.interests.contains(area) {
                member.interests.push(area.clone());
            }
        }
        self.records.put_event_member(cand, &member)?;
        self.entry(&[cand], HistoryDetail::Registered { event: event.name.clone() }, None)
    }

    /// Queues the confirmation to the candidate's address (the one stored: a stranger's typing
    /// never redirects it). It is their own request, not a recruiter's contact: no engagement.
    fn confirm_sign_up(&self, confirmation: &SignUpConfirmation, cand: R::Cand) -> Result<(), R::Error> {
        let c = self.records.candidate(cand)?;
        if c.profile.email.is_none() || !c.active {
            return Ok(());
        }
        self.unused_send(confirmation.send_id)?;
        let message = Message {
            subject: confirmation.subject.clone(),
            body: confirmation.body.clone(),
            ..Message::queued(confirmation.send_id, c.id, self.actor.id, Channel::Email, MessageKind::Direct, self.now)
        };
        self.records.insert_message(&message, cand)?;
        let detail =
            HistoryDetail::MessageQueued { channel: Channel::Email, message_kind: MessageKind::Direct, job: None };
        self.entry(&[cand], detail, None)
    }
}
