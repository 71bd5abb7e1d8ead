//! What the event mutations do: events created, edited and archived; people registered,
//! checked in (and back out), rated and walked in. Membership rules are
//! [`EventMember`]'s; this is where they meet the records, the history and the emails.

use chrono::SubsecRound;
use uuid::Uuid;

use super::{Effects, Records, candidate_ref};
use crate::activity::Engagement;
use crate::aggregate::{EventMember, HistoryDraft};
use crate::attendance::RegistrationVia;
use crate::candidate::{Profile, ProfileType};
use crate::event::{self, Event};
use crate::history::{HistoryAction, HistoryDetail};
use crate::message::{Channel, EventValues, MergeValues, Message, MessageKind, merge};
use crate::mutation::Confirmation;
use crate::record::RecordKind;
use crate::settings;
use crate::validation::{self, limits};
use crate::{DomainError, Timestamp};

/// How far ahead of now a check-in may say it happened: a little clock drift between the
/// laptops at a fair is normal, a check-in tomorrow is a mistake.
const FUTURE_SLACK: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

/// A walk-in's form, as `event.walk_in` carries it.
pub(super) struct WalkIn<'a> {
    pub profile: &'a Profile,
    pub interests: &'a [String],
    pub consent: bool,
    pub at: Option<Timestamp>,
    pub kiosk: bool,
}

impl<R: Records> Effects<'_, R> {
    pub(super) fn create_event(&self, event: &Event) -> Result<u64, R::Error> {
        self.unused_id(RecordKind::Event, &event.id.to_string())?;
        event.check_code_key()?;
        self.records.put_event(&Event { archived: false, ..event.clone().validated()? })?;
        Ok(1)
    }

    /// Replaces the event's details; its code key (the codes already handed out) and its
    /// archived state are not an edit's to change.
    pub(super) fn update_event(&self, event: &Event) -> Result<u64, R::Error> {
        let stored = self.records.event(event.id)?;
        let updated =
            Event { code_key: stored.code_key.clone(), archived: stored.archived, ..event.clone() }.validated()?;
        if updated == stored {
            return Ok(0);
        }
        self.records.put_event(&updated)?;
        Ok(1)
    }

    pub(super) fn archive_event(&self, event_id: Uuid, archived: bool) -> Result<u64, R::Error> {
        let stored = self.records.event(event_id)?;
        if stored.archived == archived {
            return Ok(0);
        }
        self.records.put_event(&Event { archived, ..stored })?;
        Ok(1)
    }

    /// Add to Event: registers the candidates, or marks them as having come. Those newly
    /// registered get the confirmation email, when there is one.
    pub(super) fn add_to_event(
        &self,
        event_id: Uuid,
        cands: &[R::Cand],
        attended: bool,
        confirmation: Option<&Confirmation>,
    ) -> Result<u64, R::Error> {
        let event = self.records.event(event_id)?;
        let confirmation = match confirmation {
            Some(_) if attended => {
                let reason = "a confirmation email goes with registering, not with marking people attended";
                return Err(DomainError::invalid("confirmation", reason).into());
            }
            Some(c) => Some(self.checked_confirmation(c)?),
            None => None,
        };
        let mut changed = 0;
        for cand in cands {
            let mut member = self.member(event_id, *cand)?;
            let did = if attended {
                member.check_in(self.now, &self.actor.email)
            } else {
                member.register(self.now, RegistrationVia::Recruiter)
            };
            if !did {
                continue;
            }
            self.records.put_event_member(*cand, &member)?;
            let name = event.name.clone();
            let detail = if attended {
                HistoryDetail::CheckedIn { event: name, kiosk: false }
            } else {
                HistoryDetail::Registered { event: name }
            };
            self.event_history(*cand, self.now, detail)?;
            if let Some(confirmation) = &confirmation {
                self.confirm(&event, confirmation, *cand)?;
            }
            changed += 1;
        }
        Ok(changed)
    }

    /// A check-in at the door. Checking in someone already checked in keeps the earliest
    /// check-in (so two offline desktops agree) and changes nothing else, but history keeps
    /// every one. An archived event still takes check-ins: a laptop offline at the fair must
    /// not lose them.
    pub(super) fn check_in(
        &self,
        event_id: Uuid,
        candidate_id: Uuid,
        at: Option<Timestamp>,
        kiosk: bool,
    ) -> Result<u64, R::Error> {
        let event = self.records.event(event_id)?;
        let at = self.door_time(at)?;
        let cand = self.records.cand(candidate_id)?;
        let mut member = self.member(event_id, cand)?;
        let changed = member.check_in(at, &self.actor.email);
        if changed {
            self.records.put_event_member(cand, &member)?;
        }
        self.event_history(cand, at, HistoryDetail::CheckedIn { event: event.name, kiosk })?;
        Ok(u64::from(changed))
    }

    pub(super) fn undo_check_in(&self, event_id: Uuid, candidate_id: Uuid) -> Result<u64, R::Error> {
        let event = self.records.event(event_id)?;
        let cand = self.records.cand(candidate_id)?;
        let mut member = self.member(event_id, cand)?;
        if !member.undo_check_in() {
            let reason = format!("{} is not checked in at {}", candidate_ref(candidate_id), event.name);
            return Err(DomainError::invalid("candidate", reason).into());
        }
        if member.stays_listed() {
            self.records.put_event_member(cand, &member)?;
        } else {
            self.records.remove_event_member(event_id, cand)?;
        }
        self.event_history(cand, self.now, HistoryDetail::CheckInUndone { event: event.name })?;
        Ok(1)
    }

    /// The acting recruiter's rating; each recruiter's stands beside the others'.
    pub(super) fn rate(&self, event_id: Uuid, candidate_id: Uuid, rating: u8) -> Result<u64, R::Error> {
        let rating = validation::rating(rating)?;
        let cand = self.records.cand(candidate_id)?;
        let mut member = self
            .records
            .event_member(event_id, cand)?
            .ok_or(DomainError::NotAmong { what: crate::error::Thing::Event })?;
        if !member.rate(&self.actor.email, rating) {
            return Ok(0);
        }
        self.records.put_event_member(cand, &member)?;
        let event = self.records.event(event_id)?;
        self.event_history(cand, self.now, HistoryDetail::Rated { event: event.name, rating })?;
        Ok(1)
    }

    /// Someone new at the door: the candidate, registered, checked in, with what they are
    /// interested in. Without an email address they are marked for follow-up.
    pub(super) fn walk_in(&self, event_id: Uuid, candidate_id: Uuid, form: WalkIn<'_>) -> Result<u64, R::Error> {
        let event = self.records.event(event_id)?;
        let at = self.door_time(form.at)?;
        let interests = settings::chosen_interests(form.interests, &self.records.areas_of_interest()?)?;
        // What they chose at the door is theirs beyond this event: their profile has it too.
        let mut profile = form.profile.clone();
        profile.interests.extend(interests.iter().cloned());
        let cand = self.insert_new(candidate_id, &profile, ProfileType::EventAttendee, form.consent, None)?;
        if form.consent {
            self.records.record_engagement(cand, Engagement::CandidateOptIn, at)?;
        }
        let email = self.records.candidate(cand)?.profile.email;
        let via = if form.kiosk { RegistrationVia::Kiosk } else { RegistrationVia::WalkIn };
        let mut member =
            EventMember { walk_in: true, follow_up: email.is_none(), interests, ..EventMember::new(event_id) };
        member.register(at, via);
        member.check_in(at, &self.actor.email);
        self.records.put_event_member(cand, &member)?;
        self.event_history(cand, at, HistoryDetail::WalkedIn { event: event.name, kiosk: form.kiosk })?;
        Ok(1)
    }

    /// The candidate's membership as it stands, or a new one.
    fn member(&self, event_id: Uuid, cand: R::Cand) -> Result<EventMember, R::Error> {
        Ok(self.records.event_member(event_id, cand)?.unwrap_or_else(|| EventMember::new(event_id)))
    }

    /// When something happened at the door: `at` when given (a laptop may record a check-in
    /// made a while ago), else now; to the millisecond, as every storage keeps times.
    fn door_time(&self, at: Option<Timestamp>) -> Result<Timestamp, R::Error> {
        let at = at.unwrap_or(self.now);
        if at > self.now + FUTURE_SLACK {
            let reason = "is more than 10 minutes in the future; check this computer's date and time";
            return Err(DomainError::invalid("at", reason).into());
        }
        Ok(at.trunc_subsecs(3))
    }

    /// An event's entry at `at` (a check-in's time may be earlier than now).
    fn event_history(&self, cand: R::Cand, at: Timestamp, detail: HistoryDetail) -> Result<(), R::Error> {
        let summary = Some(detail.describe());
        let draft =
            HistoryDraft { detail: Some(detail), ..self.history(HistoryAction::Event, at, Vec::new(), summary) };
        self.records.record_history(&[cand], &draft)
    }

    fn checked_confirmation(&self, c: &Confirmation) -> Result<Confirmation, R::Error> {
        self.unused_send(c.send_id)?;
        Ok(Confirmation {
            send_id: c.send_id,
            subject: validation::required("subject", &c.subject, limits::SUBJECT)?,
            body: validation::required("body", &c.body, limits::MESSAGE_BODY)?,
        })
    }

    /// Queues the registration confirmation for one candidate, with their check-in code;
    /// someone without an email address, or deactivated, gets none.
    fn confirm(&self, event: &Event, confirmation: &Confirmation, cand: R::Cand) -> Result<(), R::Error> {
        let c = self.records.candidate(cand)?;
        if c.profile.email.is_none() || !c.active {
            return Ok(());
        }
        let code = event::check_in_code(event, c.id);
        let date = event.starts_at.format("%A %-d %B %Y, %H:%M UTC").to_string();
        let values = MergeValues {
            first_name: &c.profile.first_name,
            last_name: &c.profile.last_name,
            job_title: None,
            sender_name: &self.actor.name,
            event: Some(EventValues {
                name: &event.name,
                date: &date,
                location: &event.location,
                check_in_code: &code,
            }),
        };
        let message = Message {
            subject: merge("subject", &confirmation.subject, &values)?,
            body: merge("body", &confirmation.body, &values)?,
            check_in_code: Some(code.clone()),
            ..Message::queued(confirmation.send_id, c.id, self.actor.id, Channel::Email, MessageKind::Direct, self.now)
        };
        self.records.insert_message(&message, cand)?;
        self.records.record_engagement(cand, Engagement::SentDirectEmail, self.now)?;
        let detail =
            HistoryDetail::MessageQueued { channel: Channel::Email, message_kind: MessageKind::Direct, job: None };
        self.entry(&[cand], detail, None)
    }
}
