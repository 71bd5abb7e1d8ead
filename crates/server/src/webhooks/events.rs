//! Which webhook events a mutation makes, and their payloads, written to the outbox in the
//! transaction that applied the mutation (so an event exists exactly when its change does).
//!
//! The facts come from the mutation (what the recruiter meant: moved to a status, checked in),
//! the data from the records as the mutation left them, as a teammate's pull would deliver
//! them to anyone in the organisation: a private note never leaves, memberships of private
//! pipelines are cut out of a candidate (and a status change in one is not sent), and a
//! candidate deleted in the same push is only ever announced as deleted, by id.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use serde_json::{Value, json};
use sqlx::PgConnection;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::event::Event;
use talentdesk_domain::job::{HIRED_STATUS, Job};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::note::Note;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::search::Selection;
use talentdesk_sync::webhooks::WebhookEvent;
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

use super::store::{self, Listening, NewEvent};
use crate::ServerError;
use crate::db::records::{self, Key};

/// The notification channel the delivery workers listen on (sent at commit).
pub const CHANNEL: &str = "talentdesk_webhooks";

/// What happened, before its data is read.
#[derive(Debug, Clone, PartialEq)]
enum Fact {
    Candidate(WebhookEvent, Uuid),
    Deleted { candidate: Uuid, merged_into: Option<Uuid> },
    Status { candidate: Uuid, pipeline: Uuid },
    Application { candidate: Uuid, job: Uuid },
    CheckIn { candidate: Uuid, event: Uuid },
    Note { note: Uuid },
}

impl Fact {
    /// The event types the fact may become (an application change may also be a hire).
    fn may_be(&self) -> &'static [WebhookEvent] {
        use WebhookEvent as E;
        match self {
            Fact::Candidate(E::CandidateCreated, _) => &[E::CandidateCreated],
            Fact::Candidate(..) => &[E::CandidateUpdated],
            Fact::Deleted { .. } => &[E::CandidateDeleted],
            Fact::Status { .. } => &[E::PipelineStatusChanged],
            Fact::Application { .. } => &[E::ApplicationStatusChanged, E::CandidateHired],
            Fact::CheckIn { .. } => &[E::EventCheckedIn],
            Fact::Note { .. } => &[E::NoteAdded],
        }
    }
}

fn ids(selection: &Selection) -> &[Uuid] {
    match selection {
        Selection::Ids { ids } => ids,
        // Resolved to ids on the desktop before a push: the server refuses the rest.
        _ => &[],
    }
}

/// The facts of one applied mutation.
fn facts(mutation: &Mutation, out: &mut Vec<Fact>) {
    use Mutation as M;
    use WebhookEvent as E;
    let updated = |id: Uuid| Fact::Candidate(E::CandidateUpdated, id);
    match mutation {
        M::CandidateCreate { candidate_id, .. } => out.push(Fact::Candidate(E::CandidateCreated, *candidate_id)),
        M::CandidateImport { candidate_id, write, .. } => out.push(match write {
            talentdesk_domain::import::ImportWrite::Create { .. } => {
                Fact::Candidate(E::CandidateCreated, *candidate_id)
            }
            talentdesk_domain::import::ImportWrite::Merge { .. } => updated(*candidate_id),
        }),
        M::CandidateUpdate { candidate_id, .. }
        | M::ApplyResume { candidate_id, .. }
        | M::SetEligible { candidate_id, .. }
        | M::SetActive { candidate_id, .. } => out.push(updated(*candidate_id)),
        M::SetSubscribed { selection, .. } | M::TagsAdd { selection, .. } | M::TagsRemove { selection, .. } => {
            out.extend(ids(selection).iter().copied().map(updated))
        }
        M::CandidateDelete { selection } => {
            out.extend(ids(selection).iter().map(|&candidate| Fact::Deleted { candidate, merged_into: None }))
        }
        M::CandidateMerge { survivor_id, merged_ids, .. } => {
            out.push(updated(*survivor_id));
            let merged_into = Some(*survivor_id);
            out.extend(merged_ids.iter().map(|&candidate| Fact::Deleted { candidate, merged_into }));
        }
        M::PipelineSetStatus { candidate_id, pipeline_id, .. } => {
            out.push(Fact::Status { candidate: *candidate_id, pipeline: *pipeline_id })
        }
        M::PipelineAdd { selection, pipeline_id, .. } => {
            out.extend(ids(selection).iter().map(|&candidate| Fact::Status { candidate, pipeline: *pipeline_id }))
        }
        M::ApplicationSetStatus { candidate_id, job_id, .. } => {
            out.push(Fact::Application { candidate: *candidate_id, job: *job_id })
        }
        M::EventCheckIn { candidate_id, event_id, .. } => {
            out.push(Fact::CheckIn { candidate: *candidate_id, event: *event_id })
        }
        M::EventWalkIn { candidate_id, event_id, .. } => {
            // Someone new at the door: made, registered and checked in at once.
            out.push(Fact::Candidate(E::CandidateCreated, *candidate_id));
            out.push(Fact::CheckIn { candidate: *candidate_id, event: *event_id });
        }
        M::NoteAdd { note_id, private: false, .. } => out.push(Fact::Note { note: *note_id }),
        // What candidates do on the server's pages: a sign-up (someone new or known: the record
        // goes out either way, for a receiver keeping copies to upsert), an unsubscribe, a STOP
        // to texts, a request to be forgotten and its decline.
        M::SignUp { form } => out.push(updated(form.candidate_id)),
        M::CandidateOptOut { candidate_id }
        | M::SetTextsOptedOut { candidate_id, .. }
        | M::RequestErasure { candidate_id }
        | M::DeclineErasure { candidate_id, .. } => out.push(updated(*candidate_id)),
        M::Undo { mutations, .. } => mutations.iter().for_each(|m| facts(m, out)),
        _ => {}
    }
}

/// Writes the events of a mutation just applied in this transaction to the outbox, one
/// delivery per webhook in `hooks` (the org's enabled ones) that wants each, and pokes the
/// delivery workers (at commit).
pub async fn enqueue(
    conn: &mut PgConnection,
    org: Uuid,
    hooks: &[Listening],
    mutation: &Mutation,
) -> Result<(), ServerError> {
    let wanted: HashSet<WebhookEvent> = hooks.iter().flat_map(|h| h.events.iter().copied()).collect();
    let mut all = Vec::new();
    facts(mutation, &mut all);
    all.retain(|fact| fact.may_be().iter().any(|e| wanted.contains(e)));
    if all.is_empty() {
        return Ok(());
    }
    let mut reader = Reader::new(org);
    let mut events = Vec::new();
    for fact in &all {
        events.extend(reader.events(conn, fact).await?);
    }
    let mut sent = 0;
    for event in &events {
        let to: Vec<Uuid> = hooks.iter().filter(|h| h.wants(event)).map(|h| h.id).collect();
        if !to.is_empty() {
            store::insert_event(conn, org, event, &to).await?;
            sent += 1;
        }
    }
    if sent > 0 {
        // PostgreSQL sends one of a transaction's identical notifications, at commit.
        sqlx::query("SELECT pg_notify($1, '')").bind(CHANNEL).execute(&mut *conn).await?;
    }
    Ok(())
}

impl Listening {
    /// Whether this webhook takes the event: its type is ticked and it passes the filters,
    /// which narrow status changes (a pipeline's, or an application's hiring status).
    fn wants(&self, event: &NewEvent) -> bool {
        self.events.contains(&event.kind)
            && self
                .pipeline_id
                .is_none_or(|p| event.kind != WebhookEvent::PipelineStatusChanged || event.pipeline_id == Some(p))
            && self.status.as_deref().is_none_or(|s| match event.kind {
                WebhookEvent::PipelineStatusChanged | WebhookEvent::ApplicationStatusChanged => {
                    event.status.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(s))
                }
                _ => true,
            })
    }
}

/// Reads the records the events of one mutation carry, each once.
struct Reader {
    org: Uuid,
    candidates: HashMap<Uuid, Option<Value>>,
    private_pipelines: Option<HashSet<Uuid>>,
}

impl Reader {
    fn new(org: Uuid) -> Self {
        Self { org, candidates: HashMap::new(), private_pipelines: None }
    }

    async fn private_pipelines(&mut self, conn: &mut PgConnection) -> Result<&HashSet<Uuid>, ServerError> {
        if self.private_pipelines.is_none() {
            self.private_pipelines = Some(crate::db::records::private_pipelines(conn, self.org, None).await?);
        }
        Ok(self.private_pipelines.as_ref().expect("just read"))
    }

    /// The candidate as the outside sees them ([`crate::visibility::for_outside`]), as the
    /// mutation left them; `None` when they are gone.
    async fn candidate(
        &mut self,
        conn: &mut PgConnection,
        id: Uuid,
    ) -> Result<Option<(CandidateAggregate, Value)>, ServerError> {
        if !self.candidates.contains_key(&id) {
            let key = id.to_string();
            let found: Option<CandidateAggregate> =
                records::get(&mut *conn, self.org, Key { kind: RecordKind::Candidate, id: &key }).await?;
            let value = match found {
                Some(mut aggregate) => {
                    crate::visibility::for_outside(&mut aggregate, self.private_pipelines(conn).await?);
                    Some(serde_json::to_value(&aggregate)?)
                }
                None => None,
            };
            self.candidates.insert(id, value);
        }
        let value = self.candidates.get(&id).cloned().flatten();
        Ok(match value {
            Some(value) => Some((serde_json::from_value(value.clone())?, value)),
            None => None,
        })
    }

    async fn record<T: serde::de::DeserializeOwned + Send + Unpin + 'static>(
        &self,
        conn: &mut PgConnection,
        kind: RecordKind,
        id: Uuid,
    ) -> Result<Option<T>, ServerError> {
        let key = id.to_string();
        Ok(records::get(conn, self.org, Key { kind, id: &key }).await?)
    }

    /// The events of a fact with their data; none when what it is about is gone or private.
    async fn events(&mut self, conn: &mut PgConnection, fact: &Fact) -> Result<Vec<NewEvent>, ServerError> {
        use WebhookEvent as E;
        let event = |kind, candidate: Uuid, data: Value| NewEvent::new(kind, Some(candidate), data);
        Ok(match fact {
            Fact::Candidate(kind, id) => match self.candidate(conn, *id).await? {
                Some((_, data)) => vec![event(*kind, *id, data)],
                None => vec![],
            },
            Fact::Deleted { candidate, merged_into } => {
                // Only a candidate this push deleted: the record is a tombstone now.
                let tombstone: bool = sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM records WHERE org_id = $1 AND kind = 'candidate' AND id = $2
                     AND data IS NULL)",
                )
                .bind(self.org)
                .bind(candidate.to_string())
                .fetch_one(&mut *conn)
                .await?;
                let data = match merged_into {
                    Some(survivor) => json!({ "id": candidate, "merged_into": survivor }),
                    None => json!({ "id": candidate }),
                };
                if tombstone { vec![event(E::CandidateDeleted, *candidate, data)] } else { vec![] }
            }
            Fact::Status { candidate, pipeline } => {
                let Some(found) = self.record::<Pipeline>(conn, RecordKind::Pipeline, *pipeline).await? else {
                    return Ok(vec![]);
                };
                if self.private_pipelines(conn).await?.contains(pipeline) {
                    return Ok(vec![]);
                }
                let Some((aggregate, data)) = self.candidate(conn, *candidate).await? else { return Ok(vec![]) };
                let Some(member) = aggregate.pipelines.iter().find(|m| m.pipeline_id == *pipeline) else {
                    return Ok(vec![]);
                };
                let payload = json!({
                    "candidate": data,
                    "pipeline": { "id": found.id, "name": found.name },
                    "status": member.status,
                    "status_at": member.status_at,
                });
                let mut new = event(E::PipelineStatusChanged, *candidate, payload);
                new.pipeline_id = Some(*pipeline);
                new.status = Some(member.status.clone());
                vec![new]
            }
            Fact::Application { candidate, job } => {
                let Some((aggregate, data)) = self.candidate(conn, *candidate).await? else { return Ok(vec![]) };
                let Some(application) = aggregate.applications.iter().find(|a| a.job_id == *job) else {
                    return Ok(vec![]);
                };
                let title = self.record::<Job>(conn, RecordKind::Job, *job).await?.map(|j| j.title);
                let payload = json!({
                    "candidate": data,
                    "job": { "id": job, "title": title },
                    "application": application,
                });
                let mut changed = event(E::ApplicationStatusChanged, *candidate, payload.clone());
                changed.status = Some(application.hiring_status.clone());
                let mut out = vec![changed];
                if application.hiring_status == HIRED_STATUS {
                    out.push(event(E::CandidateHired, *candidate, payload));
                }
                out
            }
            Fact::CheckIn { candidate, event: event_id } => {
                let Some((aggregate, data)) = self.candidate(conn, *candidate).await? else { return Ok(vec![]) };
                let Some(attendance) = aggregate.events.iter().find(|m| m.event_id == *event_id) else {
                    return Ok(vec![]);
                };
                let name = self.record::<Event>(conn, RecordKind::Event, *event_id).await?.map(|e| e.name);
                let payload = json!({
                    "candidate": data,
                    "event": { "id": event_id, "name": name },
                    "attendance": attendance,
                });
                vec![event(E::EventCheckedIn, *candidate, payload)]
            }
            Fact::Note { note } => match self.record::<Note>(conn, RecordKind::Note, *note).await? {
                // Checked on the record too: the mutation's flag is what was asked, this is what is.
                Some(found) if !found.private => {
                    let candidate = found.candidate_id;
                    if self.candidate(conn, candidate).await?.is_none() {
                        return Ok(vec![]);
                    }
                    vec![event(E::NoteAdded, candidate, serde_json::to_value(&found)?)]
                }
                _ => vec![],
            },
        })
    }
}

impl NewEvent {
    fn new(kind: WebhookEvent, candidate_id: Option<Uuid>, data: Value) -> Self {
        let (id, time) = (Uuid::now_v7(), Utc::now());
        let payload = json!({ "id": id, "type": kind.code(), "time": time, "data": data });
        Self { id, kind, time, candidate_id, pipeline_id: None, status: None, payload }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_private_note_makes_no_fact_and_an_undo_makes_its_inner_ones() {
        let (note, cand) = (Uuid::now_v7(), Uuid::now_v7());
        let mut out = Vec::new();
        facts(&Mutation::NoteAdd { note_id: note, candidate_id: cand, body: "x".into(), private: true }, &mut out);
        assert!(out.is_empty());
        let pipeline = Uuid::now_v7();
        let set = Mutation::PipelineSetStatus { candidate_id: cand, pipeline_id: pipeline, status: "Offer".into() };
        facts(&Mutation::Undo { expect: vec![], mutations: vec![set] }, &mut out);
        assert_eq!(out, vec![Fact::Status { candidate: cand, pipeline }]);
    }

    #[test]
    fn what_candidates_do_on_the_servers_pages_is_an_update_of_them() {
        let cand = Uuid::now_v7();
        let mut out = Vec::new();
        facts(&Mutation::CandidateOptOut { candidate_id: cand }, &mut out);
        facts(&Mutation::SetTextsOptedOut { candidate_id: cand, opted_out: true }, &mut out);
        facts(&Mutation::RequestErasure { candidate_id: cand }, &mut out);
        assert_eq!(out, vec![Fact::Candidate(WebhookEvent::CandidateUpdated, cand); 3]);
    }
}
