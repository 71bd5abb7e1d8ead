//! Events archived or deleted on the server while this desktop worked at them offline: a
//! laptop at a fair checks people in for hours without a network, and meanwhile an admin
//! archives the event. Check-ins at an archived event still land (the domain takes them);
//! at a deleted one they cannot. Either way the user hears, in one notice per event, what
//! became of their check-ins, walk-ins and ratings there.
//!
//! A sync round notes the events as this desktop knew them before it pushes
//! ([`Store::event_work`]), counts the work at them that it pushes ([`EventWork::count`]),
//! and after its pull asks [`Store::tell_events_gone`] which of them the server archived or
//! deleted meanwhile.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::{DomainError, Timestamp};
use ts_rs::TS;
use uuid::Uuid;

use crate::tables::{candidates, events, notices, outbox};
use crate::{OutboxEntry, Store, StoreError};

use super::{Notice, NoticeDetail};

/// What the server did to an event while this desktop was offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EventFate {
    /// Archived by an admin: the user's check-ins there were kept.
    Archived,
    /// Deleted: the server refused the user's check-ins there.
    Deleted,
}

/// A notice about an event this user worked at that was archived or deleted meanwhile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EventGone {
    pub event_id: Uuid,
    pub event_name: String,
    pub fate: EventFate,
    /// People this user checked in there, walk-ins included.
    pub checked_in: u32,
    pub walk_ins: u32,
    /// People this user rated there.
    pub rated: u32,
    /// Deleted: everyone whose check-in, walk-in or rating could not be kept, by name.
    pub not_kept: Vec<NotKept>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NotKept {
    pub candidate_id: Uuid,
    pub name: String,
    /// They walked in: the server never had them, so this name is all that is left of them.
    pub walk_in: bool,
}

impl EventGone {
    /// "Spring Fair was archived by an admin": what happened, in a few words.
    pub fn headline(&self) -> String {
        match self.fate {
            EventFate::Archived => format!("{} was archived by an admin", self.event_name),
            EventFate::Deleted => format!("{} was deleted", self.event_name),
        }
    }

    /// What happened and what became of the user's work there, in words.
    pub fn words(&self) -> String {
        let work = self.work_words();
        match self.fate {
            EventFate::Archived => {
                format!("{} while you were offline. {work} there were kept: they are on the server.", self.headline())
            }
            EventFate::Deleted => {
                let people: Vec<String> = self
                    .not_kept
                    .iter()
                    .map(|p| if p.walk_in { format!("{} (walk-in)", p.name) } else { p.name.clone() })
                    .collect();
                format!(
                    "{} while you were offline. {work} there could not be kept: {}.",
                    self.headline(),
                    people.join(", ")
                )
            }
        }
    }

    /// "Your 12 check-ins (3 of them walk-ins) and 4 ratings".
    fn work_words(&self) -> String {
        let mut parts = Vec::new();
        if self.checked_in > 0 {
            let walk_ins = match self.walk_ins {
                0 => String::new(),
                n => format!(" ({n} of them {})", if n == 1 { "a walk-in" } else { "walk-ins" }),
            };
            parts.push(format!("{}{walk_ins}", counted(self.checked_in, "check-in")));
        }
        if self.rated > 0 {
            parts.push(counted(self.rated, "rating"));
        }
        format!("Your {}", parts.join(" and "))
    }
}

fn counted(n: u32, thing: &str) -> String {
    if n == 1 { format!("1 {thing}") } else { format!("{n} {thing}s") }
}

/// The user's check-ins, walk-ins and ratings at the events that were open here when a sync
/// round began.
#[derive(Debug, Default)]
pub struct EventWork {
    /// The events not archived here before the round: their names.
    open_before: HashMap<Uuid, String>,
    done: HashMap<Uuid, Work>,
}

/// One event's share of [`EventWork`].
#[derive(Debug, Default)]
struct Work {
    event_name: String,
    /// The latest change's number, name and time: the notice's.
    last: Option<(i64, String, Timestamp)>,
    checked_in: BTreeSet<Uuid>,
    /// Walk-ins' names, from the change itself (a refused walk-in leaves no candidate here).
    walk_ins: BTreeMap<Uuid, String>,
    rated: BTreeSet<Uuid>,
}

impl EventWork {
    /// Counts the check-ins, walk-ins and ratings among `entries` (this user's changes). Each
    /// person counts once however often they were counted.
    pub fn count(&mut self, entries: &[OutboxEntry]) {
        for entry in entries {
            let (event_id, candidate_id) = match &entry.mutation {
                Mutation::EventCheckIn { event_id, candidate_id, .. }
                | Mutation::EventWalkIn { event_id, candidate_id, .. }
                | Mutation::EventRate { event_id, candidate_id, .. } => (*event_id, *candidate_id),
                _ => continue,
            };
            let Some(event_name) = self.open_before.get(&event_id) else { continue };
            let work =
                self.done.entry(event_id).or_insert_with(|| Work { event_name: event_name.clone(), ..Work::default() });
            if work.last.as_ref().is_none_or(|(seq, _, _)| *seq < entry.seq) {
                work.last = Some((entry.seq, entry.mutation.name(), entry.created_at));
            }
            match &entry.mutation {
                Mutation::EventWalkIn { profile, .. } => {
                    work.checked_in.insert(candidate_id);
                    work.walk_ins.insert(candidate_id, profile.full_name());
                }
                Mutation::EventRate { .. } => {
                    work.rated.insert(candidate_id);
                }
                _ => {
                    work.checked_in.insert(candidate_id);
                }
            }
        }
    }
}

impl Store {
    /// The events as this desktop knows them before a sync round pushes.
    pub fn event_work(&self) -> Result<EventWork, StoreError> {
        let open_before =
            events::all(self.conn())?.into_iter().filter(|e| !e.archived).map(|e| (e.id, e.name)).collect();
        Ok(EventWork { open_before, done: HashMap::new() })
    }

    /// After a sync round's pull: a notice for each event that was open here before the round,
    /// is archived or gone now, and has this user's check-ins, walk-ins or ratings — pushed in
    /// the round (`work`) or still waiting. The notices are kept with the others and returned.
    pub fn tell_events_gone(&mut self, mut work: EventWork) -> Result<Vec<Notice>, StoreError> {
        work.count(&outbox::pending(self.conn(), u32::MAX)?);
        let mut told = Vec::new();
        for (event_id, done) in work.done {
            let fate = match events::get(self.conn(), event_id) {
                Ok(event) if event.archived => EventFate::Archived,
                Ok(_) => continue,
                Err(StoreError::Domain(DomainError::NotFound { .. })) => EventFate::Deleted,
                Err(e) => return Err(e),
            };
            let Some((seq, name, at)) = done.last.clone() else { continue };
            let gone = EventGone {
                event_id,
                event_name: done.event_name.clone(),
                fate,
                checked_in: done.checked_in.len() as u32,
                walk_ins: done.walk_ins.len() as u32,
                rated: done.rated.len() as u32,
                not_kept: match fate {
                    EventFate::Archived => Vec::new(),
                    EventFate::Deleted => self.not_kept(&done)?,
                },
            };
            // Not the change's own number: the change may have a notice of its own (a refusal).
            told.push(Notice { seq: -seq, name, candidate_id: None, detail: NoticeDetail::EventGone(gone), at });
        }
        for notice in &told {
            notices::add(self.conn(), notice)?;
        }
        Ok(told)
    }

    /// Everyone `done` is about, by name (candidates erased meanwhile left out).
    fn not_kept(&self, done: &Work) -> Result<Vec<NotKept>, StoreError> {
        let mut people: Vec<NotKept> = done
            .walk_ins
            .iter()
            .map(|(id, name)| NotKept { candidate_id: *id, name: name.clone(), walk_in: true })
            .collect();
        for id in done.checked_in.union(&done.rated).filter(|id| !done.walk_ins.contains_key(id)) {
            if let Some(cand) = candidates::find(self.conn(), *id)? {
                let name = candidates::get(self.conn(), cand)?.profile.full_name();
                people.push(NotKept { candidate_id: *id, name, walk_in: false });
            }
        }
        people.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(people)
    }
}
