//! Undo: the mutation that puts back what another one changed, computed from the state right
//! before it. An undo is an ordinary mutation (it syncs, and the server applies it with the
//! same rules), wrapped with what it expects to find: the state the undone action produced.
//! If a teammate changed the same thing meanwhile, the expectation fails and the undo is
//! refused with the reason, on the desktop or on the server, and nothing of theirs is lost.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::DomainError;
use crate::aggregate::CandidateAggregate;
use crate::effects::Records;
use crate::error::Thing;
use crate::history::HistoryDetail;
use crate::job;
use crate::mutation::Mutation;
use crate::note::Note;
use crate::pipeline::Pipeline;
use crate::search::Selection;
use crate::user::User;
use crate::validation::{self, limits};

/// Actions over more candidates than this offer no undo: reading everyone's state before a
/// bulk action of 100,000 would slow the action itself down.
pub const UNDO_AT_MOST: usize = 1_000;

/// A fact an undo expects to hold when it is applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Expectation {
    /// Each candidate has (or lacks) the tag.
    Tag { candidate_ids: Vec<Uuid>, tag: String, present: bool },
    /// Each candidate is in the pipeline at `status`, or (`None`) not in it.
    PipelineStatus { pipeline_id: Uuid, candidate_ids: Vec<Uuid>, status: Option<String> },
    /// The application is at this bin and hiring status.
    Application { job_id: Uuid, candidate_id: Uuid, bin: String, hiring_status: String },
    /// The candidate has (or has not) been checked in at the event.
    Attended { event_id: Uuid, candidate_id: Uuid, attended: bool },
    /// The note reads `body` and is private or not.
    Note { note_id: Uuid, body: String, private: bool },
    /// The candidate is eligible (or not).
    Eligible { candidate_id: Uuid, eligible: bool },
    /// The candidate is active (or deactivated).
    Active { candidate_id: Uuid, active: bool },
    /// The survivor's latest history entry is still the merge of `merged_ids` into them:
    /// neither the survivor nor (being gone) the merged changed since.
    Merged { survivor_id: Uuid, merged_ids: Vec<Uuid> },
}

impl Expectation {
    /// The candidates whose state this is about.
    pub fn candidate_ids(&self) -> Vec<Uuid> {
        use Expectation as E;
        match self {
            E::Tag { candidate_ids, .. } | E::PipelineStatus { candidate_ids, .. } => candidate_ids.clone(),
            E::Application { candidate_id, .. }
            | E::Attended { candidate_id, .. }
            | E::Eligible { candidate_id, .. }
            | E::Active { candidate_id, .. } => vec![*candidate_id],
            // The merged are gone; the survivor's history is what is read (see `check`).
            E::Note { .. } | E::Merged { .. } => Vec::new(),
        }
    }

    /// The note this is about, if any.
    pub fn note_id(&self) -> Option<Uuid> {
        match self {
            Expectation::Note { note_id, .. } => Some(*note_id),
            _ => None,
        }
    }

    /// The pipeline this is about, if any.
    pub fn pipeline_id(&self) -> Option<Uuid> {
        match self {
            Expectation::PipelineStatus { pipeline_id, .. } => Some(*pipeline_id),
            _ => None,
        }
    }

    /// The survivor whose latest history entry this is about, if any.
    pub fn history_of(&self) -> Option<Uuid> {
        match self {
            Expectation::Merged { survivor_id, .. } => Some(*survivor_id),
            _ => None,
        }
    }

    /// Refuses when the state now differs from what is expected. `candidates` are those of
    /// [`Self::candidate_ids`] as they are now; `note` the note of [`Self::note_id`], if it
    /// still exists; `last_entry` the latest history entry's detail of [`Self::history_of`].
    pub fn check(
        &self,
        candidates: &[CandidateAggregate],
        note: Option<&Note>,
        last_entry: Option<&HistoryDetail>,
    ) -> Result<(), DomainError> {
        use Expectation as E;
        let holds = match self {
            E::Tag { tag, present, .. } => candidates.iter().all(|a| has_tag(a, tag).is_some() == *present),
            E::PipelineStatus { pipeline_id, status, .. } => {
                candidates.iter().all(|a| pipeline_status(a, *pipeline_id) == status.as_deref())
            }
            E::Application { job_id, bin, hiring_status, .. } => candidates.iter().all(|a| {
                a.applications.iter().any(|app| {
                    app.job_id == *job_id && !app.withdrawn && &app.bin == bin && &app.hiring_status == hiring_status
                })
            }),
            E::Attended { event_id, attended, .. } => {
                candidates.iter().all(|a| a.event_member(*event_id).is_some_and(|m| m.attended) == *attended)
            }
            E::Note { body, private, .. } => note.is_some_and(|n| &n.body == body && n.private == *private),
            E::Eligible { eligible, .. } => candidates.iter().all(|a| a.candidate.eligible == *eligible),
            E::Active { active, .. } => candidates.iter().all(|a| a.candidate.active == *active),
            E::Merged { merged_ids, .. } => {
                matches!(last_entry, Some(HistoryDetail::Merged { candidates, .. }) if candidates == merged_ids)
            }
        };
        if holds { Ok(()) } else { Err(DomainError::ChangedSince { what: self.thing() }) }
    }

    fn thing(&self) -> Thing {
        use Expectation as E;
        match self {
            E::Tag { .. } => Thing::Tag,
            E::PipelineStatus { .. } => Thing::Pipeline,
            E::Application { .. } => Thing::Job,
            E::Attended { .. } => Thing::Event,
            E::Note { .. } => Thing::Note,
            E::Eligible { .. } | E::Active { .. } | E::Merged { .. } => Thing::Candidate,
        }
    }
}

/// What an undoable mutation needs to know about the state before it.
#[derive(Debug, Clone, Default)]
pub struct Before {
    /// The candidates it is about, as they were.
    pub candidates: Vec<CandidateAggregate>,
    /// The note it changes, as it was.
    pub note: Option<Note>,
    /// The pipeline it is about.
    pub pipeline: Option<Pipeline>,
    /// The id a note put back gets (a deleted note's id is never reused).
    pub new_id: Uuid,
    /// Who acts (and would undo).
    pub actor_id: Uuid,
}

/// What [`inverse`] needs read to undo a mutation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    /// The candidates it is about (those it selects, or its one).
    pub candidates: bool,
    pub note: Option<Uuid>,
    pub pipeline: Option<Uuid>,
}

/// Whether `mutation` can be undone, and what [`inverse`] then needs read.
pub fn needs(mutation: &Mutation) -> Option<Needs> {
    use Mutation as M;
    let candidates = Needs { candidates: true, ..Needs::default() };
    match mutation {
        // Remove from Pipeline offers none: Add to Pipeline, the only way back, cannot put
        // back when the member was added or whether they were reviewed (Unreviewed tab).
        M::TagsAdd { .. }
        | M::TagsRemove { .. }
        | M::ApplicationSetStatus { .. }
        | M::EventCheckIn { .. }
        | M::EventUndoCheckIn { .. }
        | M::SetEligible { .. }
        | M::SetActive { .. } => Some(candidates),
        M::PipelineAdd { pipeline_id, .. } | M::PipelineSetStatus { pipeline_id, .. } => {
            Some(Needs { pipeline: Some(*pipeline_id), ..candidates })
        }
        M::NoteAdd { .. } => Some(Needs::default()),
        M::NoteEdit { note_id, .. } | M::NoteDelete { note_id } => {
            Some(Needs { note: Some(*note_id), ..Needs::default() })
        }
        _ => None,
    }
}

/// The undo of `mutation` given the state `before` it, or `None` when it changes nothing that
/// can be put back (every candidate already had the tag, a check-in of someone already in).
pub fn inverse(mutation: &Mutation, before: &Before) -> Option<Mutation> {
    use Mutation as M;
    let (expect, mutations) = match mutation {
        M::TagsAdd { tags, .. } => retag(tags, before, false),
        M::TagsRemove { tags, .. } => retag(tags, before, true),
        M::PipelineAdd { pipeline_id, status, .. } => {
            let pipeline = before.pipeline.as_ref()?;
            let status = match status {
                Some(s) => pipeline.status(s).ok()?,
                None => pipeline.initial_status().to_owned(),
            };
            let added = ids_where(before, |a| pipeline_status(a, *pipeline_id).is_none());
            (
                vec![Expectation::PipelineStatus {
                    pipeline_id: *pipeline_id,
                    candidate_ids: added.clone(),
                    status: Some(status),
                }],
                non_empty(added)
                    .map(|ids| M::PipelineRemove { selection: Selection::Ids { ids }, pipeline_id: *pipeline_id })
                    .into_iter()
                    .collect(),
            )
        }
        M::PipelineSetStatus { candidate_id, pipeline_id, status } => {
            let was = pipeline_status(only(before)?, *pipeline_id)?;
            let now = before.pipeline.as_ref()?.status(status).ok()?;
            if was == now {
                return None;
            }
            (
                vec![Expectation::PipelineStatus {
                    pipeline_id: *pipeline_id,
                    candidate_ids: vec![*candidate_id],
                    status: Some(now),
                }],
                vec![M::PipelineSetStatus {
                    candidate_id: *candidate_id,
                    pipeline_id: *pipeline_id,
                    status: was.to_owned(),
                }],
            )
        }
        M::ApplicationSetStatus { job_id, candidate_id, bin, hiring_status } => {
            let was = only(before)?.applications.iter().find(|a| a.job_id == *job_id && !a.withdrawn)?;
            let (bin, hiring_status) = (job::bin(bin).ok()?, job::hiring_status(hiring_status).ok()?);
            // Becoming Hired records the Hired engagement and runs the hired actions
            // (unsubscribe, deactivate), which moving the application back does not reverse.
            if hiring_status == job::HIRED_STATUS && was.hiring_status != job::HIRED_STATUS {
                return None;
            }
            if was.bin == bin && was.hiring_status == hiring_status {
                return None;
            }
            (
                vec![Expectation::Application {
                    job_id: *job_id,
                    candidate_id: *candidate_id,
                    bin: bin.to_owned(),
                    hiring_status: hiring_status.to_owned(),
                }],
                vec![M::ApplicationSetStatus {
                    job_id: *job_id,
                    candidate_id: *candidate_id,
                    bin: was.bin.clone(),
                    hiring_status: was.hiring_status.clone(),
                }],
            )
        }
        M::EventCheckIn { event_id, candidate_id, .. } => {
            if only(before)?.event_member(*event_id).is_some_and(|m| m.attended) {
                return None;
            }
            let expect = Expectation::Attended { event_id: *event_id, candidate_id: *candidate_id, attended: true };
            (vec![expect], vec![M::EventUndoCheckIn { event_id: *event_id, candidate_id: *candidate_id }])
        }
        M::EventUndoCheckIn { event_id, candidate_id } => {
            let member = only(before)?.event_member(*event_id).filter(|m| m.attended)?;
            let expect = Expectation::Attended { event_id: *event_id, candidate_id: *candidate_id, attended: false };
            let check_in = M::EventCheckIn {
                event_id: *event_id,
                candidate_id: *candidate_id,
                at: member.checked_in_at,
                kiosk: false,
            };
            (vec![expect], vec![check_in])
        }
        M::SetEligible { candidate_id, eligible } => {
            if only(before)?.candidate.eligible == *eligible {
                return None;
            }
            let expect = Expectation::Eligible { candidate_id: *candidate_id, eligible: *eligible };
            (vec![expect], vec![M::SetEligible { candidate_id: *candidate_id, eligible: !eligible }])
        }
        M::SetActive { candidate_id, active } => {
            if only(before)?.candidate.active == *active {
                return None;
            }
            let expect = Expectation::Active { candidate_id: *candidate_id, active: *active };
            (vec![expect], vec![M::SetActive { candidate_id: *candidate_id, active: !active }])
        }
        M::NoteAdd { note_id, body, private, .. } => {
            let body = validation::required("note", body, limits::NOTE).ok()?;
            let expect = Expectation::Note { note_id: *note_id, body, private: *private };
            (vec![expect], vec![M::NoteDelete { note_id: *note_id }])
        }
        M::NoteEdit { note_id, body, private } => {
            let was = before.note.as_ref()?;
            let body = validation::required("note", body, limits::NOTE).ok()?;
            if was.body == body && was.private == *private {
                return None;
            }
            let expect = Expectation::Note { note_id: *note_id, body, private: *private };
            (vec![expect], vec![M::NoteEdit { note_id: *note_id, body: was.body.clone(), private: was.private }])
        }
        M::NoteDelete { .. } => {
            // Put back by Add Note, whose author is the one adding: someone else's note
            // (an admin deleting a recruiter's private note) would become theirs.
            let was = before.note.as_ref().filter(|n| n.author_id == before.actor_id)?;
            let restore = M::NoteAdd {
                note_id: before.new_id,
                candidate_id: was.candidate_id,
                body: was.body.clone(),
                private: was.private,
            };
            (Vec::new(), vec![restore])
        }
        _ => return None,
    };
    if mutations.is_empty() {
        return None;
    }
    Some(M::Undo { expect, mutations })
}

/// The undo of Manage Tags: for each tag, those it changed get it back (or lose it again).
fn retag(tags: &[String], before: &Before, removed: bool) -> (Vec<Expectation>, Vec<Mutation>) {
    let mut expect = Vec::new();
    let mut mutations = Vec::new();
    for tag in tags.iter().filter_map(|t| validation::tag(t).ok()) {
        // Those the action changed, and the tag as they carried it (tags match regardless of case).
        let changed: Vec<(Uuid, String)> = before
            .candidates
            .iter()
            .filter_map(|a| match (has_tag(a, &tag), removed) {
                (Some(stored), true) => Some((a.id(), stored.to_owned())),
                (None, false) => Some((a.id(), tag.clone())),
                _ => None,
            })
            .collect();
        let Some((_, spelling)) = changed.first().cloned() else { continue };
        let ids: Vec<Uuid> = changed.into_iter().map(|(id, _)| id).collect();
        expect.push(Expectation::Tag { candidate_ids: ids.clone(), tag: spelling.clone(), present: !removed });
        let selection = Selection::Ids { ids };
        mutations.push(if removed {
            Mutation::TagsAdd { selection, tags: vec![spelling] }
        } else {
            Mutation::TagsRemove { selection, tags: vec![spelling] }
        });
    }
    (expect, mutations)
}

fn only(before: &Before) -> Option<&CandidateAggregate> {
    before.candidates.first()
}

fn ids_where(before: &Before, keep: impl Fn(&CandidateAggregate) -> bool) -> Vec<Uuid> {
    before.candidates.iter().filter(|a| keep(a)).map(CandidateAggregate::id).collect()
}

fn non_empty(ids: Vec<Uuid>) -> Option<Vec<Uuid>> {
    (!ids.is_empty()).then_some(ids)
}

/// How many candidates `mutation` names, one at least; an undo names those of its mutations
/// (restoring a tag on 1,000 candidates weighs 1,000). A push sizes its transactions by it.
pub fn candidates_named(mutation: &Mutation) -> usize {
    match mutation {
        Mutation::Undo { mutations, .. } => mutations.iter().map(candidates_named).sum::<usize>().max(1),
        Mutation::CandidateMerge { merged_ids, .. } => merged_ids.len() + 1,
        Mutation::CandidateUnmerge { merged, .. } => merged.len() + 1,
        other => match other.selection() {
            Some(Selection::Ids { ids }) => ids.len().max(1),
            _ => 1,
        },
    }
}

/// The candidate's spelling of `tag`, when they carry it.
fn has_tag<'a>(a: &'a CandidateAggregate, tag: &str) -> Option<&'a str> {
    let wanted = tag.to_lowercase();
    a.tags.iter().find(|t| t.to_lowercase() == wanted).map(String::as_str)
}

fn pipeline_status(a: &CandidateAggregate, pipeline_id: Uuid) -> Option<&str> {
    a.pipelines.iter().find(|m| m.pipeline_id == pipeline_id).map(|m| m.status.as_str())
}

/// The undo of `mutation`, read from `records` before it is applied; `cands` are the
/// candidates its selection resolved to. `None` when it cannot be undone, changes nothing
/// that can be put back, or is about more than [`UNDO_AT_MOST`] candidates.
pub fn undo_of<R: Records>(
    records: &R,
    actor: &User,
    mutation: &Mutation,
    cands: &[R::Cand],
) -> Result<Option<Mutation>, R::Error> {
    if let Mutation::CandidateMerge { survivor_id, merged_ids, .. } = mutation {
        return crate::merge::undo_of(records, *survivor_id, merged_ids);
    }
    let Some(needs) = needs(mutation) else { return Ok(None) };
    if cands.len() > UNDO_AT_MOST {
        return Ok(None);
    }
    let mut before = Before { new_id: crate::new_id(), actor_id: actor.id, ..Before::default() };
    if needs.candidates {
        let one = mutation.candidate_id().map(|id| records.cand(id)).transpose()?;
        before.candidates =
            cands.iter().chain(one.as_ref()).map(|c| records.aggregate(*c)).collect::<Result<_, _>>()?;
    }
    before.note = needs.note.map(|id| records.note(id)).transpose()?;
    before.pipeline = needs.pipeline.map(|id| records.pipeline(id)).transpose()?;
    Ok(inverse(mutation, &before))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::activity::{ActivityStatus, EngagementSet};
    use crate::aggregate::EventMember;
    use crate::candidate::{Candidate, Profile, ProfileType};

    const P: Uuid = Uuid::from_u128(100);
    const JOB: Uuid = Uuid::from_u128(200);
    const EVENT: Uuid = Uuid::from_u128(300);
    const NOTE: Uuid = Uuid::from_u128(400);
    const AUTHOR: Uuid = Uuid::from_u128(9);

    /// A candidate with nothing attached (reviewed), numbered `n`.
    pub(crate) fn person(n: u128) -> CandidateAggregate {
        let now = chrono::Utc::now();
        CandidateAggregate::new(Candidate {
            id: Uuid::from_u128(n),
            profile: Profile::default(),
            ats_id: None,
            person_folder: None,
            profile_type: ProfileType::RecruiterGenerated,
            engagements: EngagementSet::default(),
            activity: ActivityStatus::Reviewed,
            eligible: true,
            active: true,
            subscribed: true,
            texts_opted_out: false,
            owner_id: None,
            created_at: now,
            updated_at: now,
            last_login_at: None,
        })
    }

    fn ids(list: &[u128]) -> Vec<Uuid> {
        list.iter().map(|n| Uuid::from_u128(*n)).collect()
    }

    fn pipeline() -> Pipeline {
        let statuses = vec!["New".into(), "Screened".into(), "Offer".into()];
        Pipeline { id: P, name: "Backend".into(), statuses, owner_id: None, private: false, archived: false }
    }

    fn before(candidates: Vec<CandidateAggregate>) -> Before {
        Before { candidates, pipeline: Some(pipeline()), ..Before::default() }
    }

    fn in_pipeline(n: u128, status: &str) -> CandidateAggregate {
        let mut a = person(n);
        a.join_pipeline(P, status, false, chrono::Utc::now());
        a
    }

    fn tagged(n: u128, tag: &str) -> CandidateAggregate {
        let mut a = person(n);
        a.add_tag(tag);
        a
    }

    /// The undo's parts.
    fn parts(undo: Option<Mutation>) -> (Vec<Expectation>, Vec<Mutation>) {
        match undo {
            Some(Mutation::Undo { expect, mutations }) => (expect, mutations),
            other => panic!("not an undo: {other:?}"),
        }
    }

    fn refused(e: &Expectation, now: &[CandidateAggregate], note: Option<&Note>) -> DomainError {
        e.check(now, note, None).expect_err("a teammate's change refuses the undo")
    }

    #[test]
    fn adding_a_tag_is_undone_for_those_who_lacked_it_only() {
        let add = Mutation::TagsAdd { selection: Selection::Ids { ids: ids(&[1, 2]) }, tags: vec![" veteran ".into()] };
        // Candidate 2 already had it (spelled their way): the undo leaves them tagged.
        let (expect, mutations) = parts(inverse(&add, &before(vec![person(1), tagged(2, "Veteran")])));
        assert_eq!(
            mutations,
            vec![Mutation::TagsRemove { selection: Selection::Ids { ids: ids(&[1]) }, tags: vec!["veteran".into()] }]
        );
        expect[0].check(&[tagged(1, "veteran")], None, None).unwrap();
        assert_eq!(refused(&expect[0], &[person(1)], None), DomainError::ChangedSince { what: Thing::Tag });
        assert_eq!(inverse(&add, &before(vec![tagged(1, "VETERAN")])), None, "nothing changed, nothing to undo");
    }

    #[test]
    fn removing_a_tag_is_undone_with_the_spelling_it_had() {
        let remove =
            Mutation::TagsRemove { selection: Selection::Ids { ids: ids(&[1, 2]) }, tags: vec!["veteran".into()] };
        let (expect, mutations) = parts(inverse(&remove, &before(vec![tagged(1, "Veteran"), person(2)])));
        assert_eq!(
            mutations,
            vec![Mutation::TagsAdd { selection: Selection::Ids { ids: ids(&[1]) }, tags: vec!["Veteran".into()] }]
        );
        expect[0].check(&[person(1)], None, None).unwrap();
        refused(&expect[0], &[tagged(1, "Veteran")], None);
    }

    #[test]
    fn adding_to_a_pipeline_is_undone_by_removing_the_new_members() {
        let add =
            Mutation::PipelineAdd { selection: Selection::Ids { ids: ids(&[1, 2]) }, pipeline_id: P, status: None };
        let (expect, mutations) = parts(inverse(&add, &before(vec![person(1), in_pipeline(2, "Offer")])));
        assert_eq!(
            mutations,
            vec![Mutation::PipelineRemove { selection: Selection::Ids { ids: ids(&[1]) }, pipeline_id: P }]
        );
        expect[0].check(&[in_pipeline(1, "New")], None, None).unwrap();
        // A teammate moved them on meanwhile: removing them would lose that move.
        assert_eq!(
            refused(&expect[0], &[in_pipeline(1, "Screened")], None),
            DomainError::ChangedSince { what: Thing::Pipeline }
        );
    }

    #[test]
    fn removing_from_a_pipeline_offers_no_undo() {
        // Adding them back would make them unreviewed members added today.
        let remove = Mutation::PipelineRemove { selection: Selection::Ids { ids: ids(&[1]) }, pipeline_id: P };
        assert_eq!(needs(&remove), None);
        assert_eq!(inverse(&remove, &before(vec![in_pipeline(1, "Offer")])), None);
    }

    #[test]
    fn a_status_move_is_undone_back_to_where_it_was() {
        let id = Uuid::from_u128(1);
        let moved = Mutation::PipelineSetStatus { candidate_id: id, pipeline_id: P, status: "screened".into() };
        let (expect, mutations) = parts(inverse(&moved, &before(vec![in_pipeline(1, "New")])));
        assert_eq!(
            mutations,
            vec![Mutation::PipelineSetStatus { candidate_id: id, pipeline_id: P, status: "New".into() }]
        );
        expect[0].check(&[in_pipeline(1, "Screened")], None, None).unwrap();
        refused(&expect[0], &[in_pipeline(1, "Offer")], None);
        assert_eq!(inverse(&moved, &before(vec![in_pipeline(1, "Screened")])), None);
    }

    #[test]
    fn an_application_status_change_is_undone_to_its_bin_and_status() {
        let id = Uuid::from_u128(1);
        let mut applied = person(1);
        applied.apply_to_job(JOB, chrono::Utc::now());
        let was = applied.applications[0].clone();
        let offer = Mutation::ApplicationSetStatus {
            job_id: JOB,
            candidate_id: id,
            bin: "offer".into(),
            hiring_status: "offer".into(),
        };
        let (expect, mutations) = parts(inverse(&offer, &before(vec![applied.clone()])));
        assert_eq!(
            mutations,
            vec![Mutation::ApplicationSetStatus {
                job_id: JOB,
                candidate_id: id,
                bin: was.bin,
                hiring_status: was.hiring_status
            }]
        );
        let mut now = applied.clone();
        now.set_application_status(JOB, "Offer", "Offer", chrono::Utc::now()).unwrap();
        expect[0].check(&[now.clone()], None, None).unwrap();
        now.set_application_status(JOB, "Offer", "Rejected", chrono::Utc::now()).unwrap();
        assert_eq!(refused(&expect[0], &[now], None), DomainError::ChangedSince { what: Thing::Job });
    }

    #[test]
    fn a_move_into_hired_offers_no_undo() {
        let mut applied = person(1);
        applied.apply_to_job(JOB, chrono::Utc::now());
        let hired = |bin: &str| Mutation::ApplicationSetStatus {
            job_id: JOB,
            candidate_id: Uuid::from_u128(1),
            bin: bin.into(),
            hiring_status: " hired ".into(),
        };
        // Moving back would leave the Hired engagement and the hired actions in place.
        assert_eq!(inverse(&hired("Offer"), &before(vec![applied.clone()])), None);
        // A bin move of someone already Hired runs nothing: it is undone.
        applied.set_application_status(JOB, "Offer", "Hired", chrono::Utc::now()).unwrap();
        let (_, mutations) = parts(inverse(&hired("Interviewing"), &before(vec![applied])));
        assert_eq!(
            mutations,
            vec![Mutation::ApplicationSetStatus {
                job_id: JOB,
                candidate_id: Uuid::from_u128(1),
                bin: "Offer".into(),
                hiring_status: "Hired".into()
            }]
        );
    }

    #[test]
    fn a_check_in_and_taking_it_back_undo_each_other() {
        let id = Uuid::from_u128(1);
        let at = chrono::Utc::now();
        let mut came = person(1);
        let mut member = EventMember::new(EVENT);
        member.check_in(at, "r@example.org");
        came.put_event_member(&member);

        let check_in = Mutation::EventCheckIn { event_id: EVENT, candidate_id: id, at: None, kiosk: false };
        let (expect, mutations) = parts(inverse(&check_in, &before(vec![person(1)])));
        assert_eq!(mutations, vec![Mutation::EventUndoCheckIn { event_id: EVENT, candidate_id: id }]);
        expect[0].check(&[came.clone()], None, None).unwrap();
        assert_eq!(refused(&expect[0], &[person(1)], None), DomainError::ChangedSince { what: Thing::Event });
        assert_eq!(inverse(&check_in, &before(vec![came.clone()])), None, "already in: nothing to undo");

        let take_back = Mutation::EventUndoCheckIn { event_id: EVENT, candidate_id: id };
        let (expect, mutations) = parts(inverse(&take_back, &before(vec![came.clone()])));
        // Checked in again at the time they first came, not the time of the undo.
        assert_eq!(
            mutations,
            vec![Mutation::EventCheckIn { event_id: EVENT, candidate_id: id, at: Some(at), kiosk: false }]
        );
        expect[0].check(&[person(1)], None, None).unwrap();
        refused(&expect[0], &[came], None);
    }

    #[test]
    fn eligibility_and_deactivation_are_undone_by_the_opposite_switch() {
        let id = Uuid::from_u128(1);
        let mut ineligible = person(1);
        ineligible.candidate.eligible = false;
        let mark = Mutation::SetEligible { candidate_id: id, eligible: false };
        let (expect, mutations) = parts(inverse(&mark, &before(vec![person(1)])));
        assert_eq!(mutations, vec![Mutation::SetEligible { candidate_id: id, eligible: true }]);
        expect[0].check(&[ineligible.clone()], None, None).unwrap();
        assert_eq!(refused(&expect[0], &[person(1)], None), DomainError::ChangedSince { what: Thing::Candidate });
        assert_eq!(inverse(&mark, &before(vec![ineligible])), None);

        let mut inactive = person(1);
        inactive.candidate.active = false;
        let deactivate = Mutation::SetActive { candidate_id: id, active: false };
        let (expect, mutations) = parts(inverse(&deactivate, &before(vec![person(1)])));
        assert_eq!(mutations, vec![Mutation::SetActive { candidate_id: id, active: true }]);
        expect[0].check(&[inactive], None, None).unwrap();
        refused(&expect[0], &[person(1)], None);
    }

    fn note(body: &str, private: bool) -> Note {
        let now = chrono::Utc::now();
        Note {
            id: NOTE,
            candidate_id: Uuid::from_u128(1),
            author_id: AUTHOR,
            body: body.into(),
            private,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn notes_added_edited_and_deleted_are_undone() {
        let add = Mutation::NoteAdd {
            note_id: NOTE,
            candidate_id: Uuid::from_u128(1),
            body: " Met at fair ".into(),
            private: false,
        };
        let (expect, mutations) = parts(inverse(&add, &Before::default()));
        assert_eq!(mutations, vec![Mutation::NoteDelete { note_id: NOTE }]);
        expect[0].check(&[], Some(&note("Met at fair", false)), None).unwrap();
        assert_eq!(
            refused(&expect[0], &[], Some(&note("Met at fair; hired", false))),
            DomainError::ChangedSince { what: Thing::Note }
        );

        let edit = Mutation::NoteEdit { note_id: NOTE, body: "Second".into(), private: true };
        let was = Before { note: Some(note("First", false)), actor_id: AUTHOR, ..Before::default() };
        let (expect, mutations) = parts(inverse(&edit, &was));
        assert_eq!(mutations, vec![Mutation::NoteEdit { note_id: NOTE, body: "First".into(), private: false }]);
        expect[0].check(&[], Some(&note("Second", true)), None).unwrap();
        refused(&expect[0], &[], Some(&note("Second", false)));

        let new_id = Uuid::from_u128(401);
        let delete = Mutation::NoteDelete { note_id: NOTE };
        let (expect, mutations) = parts(inverse(&delete, &Before { new_id, ..was.clone() }));
        // A deleted note's id is never reused: it comes back under a new one.
        assert_eq!(
            mutations,
            vec![Mutation::NoteAdd {
                note_id: new_id,
                candidate_id: Uuid::from_u128(1),
                body: "First".into(),
                private: false
            }]
        );
        assert!(expect.is_empty());
        // Added back, the note would be the admin's who deleted it, no longer its author's.
        let admin = Before { new_id, actor_id: Uuid::from_u128(8), ..was };
        assert_eq!(inverse(&delete, &admin), None);
    }

    #[test]
    fn actions_without_an_inverse_offer_no_undo() {
        let email = Mutation::EmailSend {
            send_id: NOTE,
            selection: Selection::Ids { ids: ids(&[1]) },
            subject: "Hi".into(),
            body: "Hello".into(),
        };
        assert_eq!(needs(&email), None);
        assert_eq!(inverse(&email, &before(vec![person(1)])), None);
        assert!(needs(&Mutation::CandidateDelete { selection: Selection::Ids { ids: ids(&[1]) } }).is_none());
    }

    #[test]
    fn an_erasure_rewrites_a_waiting_undo_that_carries_the_persons_note() {
        let ana = Uuid::from_u128(1);
        let erasure =
            crate::erasure::Erasure { candidate_id: ana, notes: [NOTE].into_iter().collect(), ..Default::default() };
        let review = Some(Mutation::CandidateReview { candidate_id: ana });
        let restore = Mutation::Undo {
            expect: Vec::new(),
            mutations: vec![Mutation::NoteAdd {
                note_id: NOTE,
                candidate_id: ana,
                body: "Ana's note".into(),
                private: false,
            }],
        };
        assert_eq!(erasure.redact(&restore), review);
        let edit_back = Mutation::Undo {
            expect: vec![Expectation::Note { note_id: NOTE, body: "Ana's note".into(), private: false }],
            mutations: vec![Mutation::NoteDelete { note_id: NOTE }],
        };
        assert_eq!(erasure.redact(&edit_back), review);
        let someone_else = Mutation::Undo {
            expect: Vec::new(),
            mutations: vec![Mutation::SetEligible { candidate_id: Uuid::from_u128(2), eligible: true }],
        };
        assert_eq!(erasure.redact(&someone_else), None);
    }

    #[test]
    fn an_undo_weighs_the_candidates_its_mutations_name() {
        let restore = |n: usize| Mutation::TagsAdd {
            selection: Selection::Ids { ids: (0..n as u128).map(Uuid::from_u128).collect() },
            tags: vec!["Veteran".into()],
        };
        let undo = Mutation::Undo { expect: Vec::new(), mutations: vec![restore(1_000), restore(24)] };
        assert_eq!(candidates_named(&undo), 1_024);
        assert_eq!(candidates_named(&restore(3)), 3);
        assert_eq!(candidates_named(&Mutation::SetEligible { candidate_id: Uuid::nil(), eligible: true }), 1);
    }

    #[test]
    fn an_undo_travels_as_name_and_args_and_keeps_its_inner_wire_format() {
        let undo = Mutation::Undo {
            expect: vec![Expectation::Eligible { candidate_id: Uuid::nil(), eligible: false }],
            mutations: vec![Mutation::SetEligible { candidate_id: Uuid::nil(), eligible: true }],
        };
        let json = serde_json::to_value(&undo).unwrap();
        assert_eq!(json["name"], "undo");
        assert_eq!(json["args"]["expect"][0]["kind"], "eligible");
        assert_eq!(json["args"]["mutations"][0]["name"], "candidate.set_eligible");
        assert_eq!(serde_json::from_value::<Mutation>(json).unwrap(), undo);
        assert_eq!(undo.capability(), Mutation::SetEligible { candidate_id: Uuid::nil(), eligible: true }.capability());
    }
}
