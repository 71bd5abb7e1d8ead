//! Merging duplicates (`candidate.merge`): one candidate, the survivor, keeps everything the
//! others had. These are the rules for what two copies of the same person become when both
//! have the same kind of thing, written once for the desktop and the server:
//! - tags: the union;
//! - engagements: each at its latest time; the activity status follows;
//! - a pipeline both are in: the membership moved last (the latest decision about them), at
//!   the earliest time either was added, reviewed if either was;
//! - an event both are on: registered or checked in if either was (the earliest check-in),
//!   walk-in and follow-up if either, interests together, each recruiter's rating (the
//!   survivor's where both were rated by the same recruiter);
//! - a job both applied to: a live application beats a withdrawn one; of two live ones (or two
//!   withdrawn), the one further along the hiring statuses, then the one changed last;
//! - areas of interest on the profile: every one any of them chose, whatever value was picked;
//! - opted out of campaign email or marked ineligible if either was (neither is lost by a
//!   merge); active, owner and profile type as the survivor's; created when the first was.
//!
//! Notes, documents, messages and history move to the survivor as they are (see
//! [`crate::effects::Records::move_attached`]).

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::DomainError;
use crate::activity;
use crate::aggregate::{CandidateAggregate, PipelineMember};
use crate::attendance::EventMember;
use crate::candidate::Profile;
use crate::effects::Records;
use crate::erasure_request::ErasureRequest;
use crate::history::FieldChange;
use crate::job::{self, Application};
use crate::mutation::Mutation;
use crate::undo::Expectation;

pub mod redirect;

/// What is attached to a candidate by its own id: what a merge moves and its undo moves back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Attached {
    pub notes: Vec<Uuid>,
    pub documents: Vec<Uuid>,
    /// The sends whose messages reached them.
    pub sends: Vec<Uuid>,
    /// History entries by id. A desktop's own entries not synced yet have its local numbers,
    /// which the server's copies do not: there, those stay with the survivor.
    #[ts(type = "Array<number>")]
    pub history: Vec<i64>,
}

/// A merged candidate as they were before the merge, for its undo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Unmerged {
    #[ts(type = "unknown")]
    pub aggregate: CandidateAggregate,
    /// What was attached to them and not also to the survivor.
    pub attached: Attached,
}

/// The undo of merging `merged` into `survivor`, read before the merge: the survivor and each
/// merged candidate as they are, expecting the merge to stay the survivor's latest change.
/// `None` for a merge the rules will refuse anyway.
pub fn undo_of<R: Records>(records: &R, survivor: Uuid, merged: &[Uuid]) -> Result<Option<Mutation>, R::Error> {
    if check(survivor, merged).is_err() {
        return Ok(None);
    }
    let kept = records.cand(survivor)?;
    // What both had (a send that reached both, the entry of an action on both at once) stays
    // the survivor's.
    let theirs = records.attached(kept)?;
    let merged_parts = merged
        .iter()
        .map(|id| {
            let cand = records.cand(*id)?;
            let mut attached = records.attached(cand)?;
            attached.sends.retain(|s| !theirs.sends.contains(s));
            attached.history.retain(|h| !theirs.history.contains(h));
            Ok(Unmerged { aggregate: records.aggregate(cand)?, attached })
        })
        .collect::<Result<Vec<_>, R::Error>>()?;
    let unmerge = Mutation::CandidateUnmerge { survivor: Box::new(records.aggregate(kept)?), merged: merged_parts };
    let expect = Expectation::Merged { survivor_id: survivor, merged_ids: merged.to_vec() };
    Ok(Some(Mutation::Undo { expect: vec![expect], mutations: vec![unmerge] }))
}

/// Candidates merged into one at most in one merge: a duplicate group larger than this is
/// more likely a bad match (a shared office phone) than one person.
pub const MERGE_AT_MOST: usize = 10;

/// Refuses a merge that names nobody to merge, the survivor among the merged, someone twice,
/// or more than [`MERGE_AT_MOST`].
pub fn check(survivor: Uuid, merged: &[Uuid]) -> Result<(), DomainError> {
    if merged.is_empty() {
        return Err(DomainError::NothingSelected);
    }
    if merged.len() > MERGE_AT_MOST {
        let (count, limit) = (merged.len() as u32, MERGE_AT_MOST as u32);
        return Err(DomainError::TooMany { field: "merged_ids".into(), count, limit });
    }
    let mut seen = std::collections::HashSet::from([survivor]);
    if merged.iter().any(|id| !seen.insert(*id)) {
        return Err(DomainError::RepeatedInSelection);
    }
    Ok(())
}

/// A waiting merge with `erased`, one of two or more it merges, left out: the others still
/// merge, and the values picked from them stay. A picked value stays when someone left in the
/// merge has it, as `profiles` holds them (the survivor or another merged one); the rest could
/// only have come from the erased one and go, as does a value of someone whose profile is not
/// known.
pub fn leaving_out(
    survivor_id: Uuid,
    merged_ids: &[Uuid],
    changes: &[FieldChange],
    erased: Uuid,
    profiles: &HashMap<Uuid, Profile>,
) -> Mutation {
    let merged_ids: Vec<Uuid> = merged_ids.iter().copied().filter(|id| *id != erased).collect();
    let left: Vec<&Profile> =
        std::iter::once(&survivor_id).chain(&merged_ids).filter_map(|id| profiles.get(id)).collect();
    let changes = changes.iter().filter(|c| left.iter().any(|p| p.get(&c.to) == c.to)).cloned().collect();
    Mutation::CandidateMerge { survivor_id, merged_ids, changes }
}

/// Takes into `survivor` everything `other` has (the rules above). The profile is the caller's:
/// the merge says which value each field keeps.
pub fn absorb(survivor: &mut CandidateAggregate, other: &CandidateAggregate) {
    survivor.tags.extend(other.tags.iter().cloned());
    for (engagement, at) in &other.engagement_times {
        survivor.record_engagement(*engagement, *at);
    }
    for member in &other.pipelines {
        absorb_pipeline(&mut survivor.pipelines, member);
    }
    for member in &other.events {
        match survivor.events.iter_mut().find(|m| m.event_id == member.event_id) {
            Some(mine) => absorb_event(mine, member),
            None => survivor.events.push(member.clone()),
        }
    }
    for application in &other.applications {
        let theirs = Application { candidate_id: survivor.id(), ..application.clone() };
        match survivor.applications.iter_mut().find(|a| a.job_id == application.job_id) {
            Some(mine) if later_application(&theirs, mine) == Ordering::Greater => *mine = theirs,
            Some(_) => {}
            None => survivor.applications.push(theirs),
        }
    }
    // Someone asked to be forgotten under either record and nobody answered yet: merging the
    // records answers nothing, the request waits on the survivor.
    let open = |a: &CandidateAggregate| a.erasure_request.as_ref().is_some_and(ErasureRequest::is_open);
    if open(other) && !open(survivor) {
        survivor.erasure_request = other.erasure_request.clone();
    }
    let (c, o) = (&mut survivor.candidate, &other.candidate);
    c.subscribed &= o.subscribed;
    // A STOP sent under either record still holds for the person.
    c.texts_opted_out |= o.texts_opted_out;
    c.eligible &= o.eligible;
    c.created_at = c.created_at.min(o.created_at);
    c.last_login_at = c.last_login_at.max(o.last_login_at);
    c.ats_id = c.ats_id.take().or_else(|| o.ats_id.clone());
    c.person_folder = c.person_folder.take().or_else(|| o.person_folder.clone());
    c.activity = activity::activity_status(c.engagements, job::withdrew(&survivor.applications));
}

fn absorb_pipeline(members: &mut Vec<PipelineMember>, theirs: &PipelineMember) {
    let Some(mine) = members.iter_mut().find(|m| m.pipeline_id == theirs.pipeline_id) else {
        members.push(theirs.clone());
        return;
    };
    let added_at = mine.added_at.min(theirs.added_at);
    let reviewed = mine.reviewed || theirs.reviewed;
    if theirs.status_at > mine.status_at {
        *mine = theirs.clone();
    }
    mine.added_at = added_at;
    mine.reviewed = reviewed;
}

fn absorb_event(mine: &mut EventMember, theirs: &EventMember) {
    if theirs.registered {
        match (mine.registered_at, theirs.registered_at) {
            (Some(m), Some(t)) if t < m => {
                mine.registered_at = Some(t);
                mine.registered_via = theirs.registered_via;
            }
            (None, _) => {
                mine.registered_at = theirs.registered_at;
                mine.registered_via = theirs.registered_via;
            }
            _ => {}
        }
        mine.registered = true;
    }
    if let (true, Some(at)) = (theirs.attended, theirs.checked_in_at) {
        mine.check_in(at, theirs.checked_in_by.as_deref().unwrap_or_default());
    }
    mine.walk_in |= theirs.walk_in;
    mine.follow_up |= theirs.follow_up;
    for interest in &theirs.interests {
        if !mine.interests.contains(interest) {
            mine.interests.push(interest.clone());
        }
    }
    for (recruiter, stars) in &theirs.ratings {
        mine.ratings.entry(recruiter.clone()).or_insert(*stars);
    }
}

/// Every area of interest on the survivor's and the merged candidates' profiles, the
/// survivor's first, each once.
pub fn interests_of<'a>(survivor: &'a Profile, merged: impl IntoIterator<Item = &'a Profile>) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for area in std::iter::once(survivor).chain(merged).flat_map(|p| &p.interests) {
        if !all.iter().any(|a| a.to_lowercase() == area.to_lowercase()) {
            all.push(area.clone());
        }
    }
    all
}

/// Which of two applications to the same job is further along (see the module's rules).
fn later_application(a: &Application, b: &Application) -> Ordering {
    let step = |x: &Application| job::HIRING_STATUSES.iter().position(|s| *s == x.hiring_status);
    (!a.withdrawn).cmp(&!b.withdrawn).then_with(|| step(a).cmp(&step(b))).then_with(|| a.status_at.cmp(&b.status_at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::Engagement;
    use crate::undo::tests::person;
    use chrono::{Duration, Utc};

    #[test]
    fn a_merge_names_others_once_and_not_too_many() {
        let s = Uuid::from_u128(1);
        let ids = |r: std::ops::Range<u128>| r.map(Uuid::from_u128).collect::<Vec<_>>();
        assert_eq!(check(s, &[]), Err(DomainError::NothingSelected));
        assert_eq!(check(s, &[s]), Err(DomainError::RepeatedInSelection));
        assert_eq!(
            check(s, &ids(2..4).into_iter().chain([Uuid::from_u128(2)]).collect::<Vec<_>>()),
            Err(DomainError::RepeatedInSelection)
        );
        assert!(matches!(check(s, &ids(2..13)), Err(DomainError::TooMany { count: 11, limit: 10, .. })));
        assert_eq!(check(s, &ids(2..12)), Ok(()));
    }

    #[test]
    fn the_survivor_takes_tags_engagements_and_the_stricter_flags() {
        let (mut a, mut b) = (person(1), person(2));
        let t = Utc::now();
        a.add_tag("python");
        b.add_tag("fintech");
        a.record_engagement(Engagement::RecruiterReviewed, t - Duration::days(3));
        b.record_engagement(Engagement::RecruiterReviewed, t);
        b.record_engagement(Engagement::SentDirectEmail, t);
        b.candidate.subscribed = false;
        b.candidate.texts_opted_out = true;
        b.candidate.created_at = t - Duration::days(9);
        absorb(&mut a, &b);
        assert_eq!(a.tags.iter().cloned().collect::<Vec<_>>(), ["fintech", "python"]);
        assert_eq!(a.engagement_times[&Engagement::RecruiterReviewed], t);
        assert!(a.candidate.engagements.iter().any(|e| e == Engagement::SentDirectEmail));
        assert!(!a.candidate.subscribed, "an opt-out is never lost");
        assert!(a.candidate.texts_opted_out, "nor a STOP");
        assert!(a.candidate.eligible);
        assert_eq!(a.candidate.created_at, t - Duration::days(9));
    }

    #[test]
    fn every_area_of_interest_either_chose_is_kept_once() {
        let (mut a, mut b, mut c) = (person(1), person(2), person(3));
        a.candidate.profile.interests = vec!["Data".into(), "Sales".into()];
        b.candidate.profile.interests = vec!["data".into(), "Design".into()];
        c.candidate.profile.interests = vec!["Marketing".into()];
        let profiles = [&b, &c].map(|x| &x.candidate.profile);
        assert_eq!(interests_of(&a.candidate.profile, profiles), ["Data", "Sales", "Design", "Marketing"]);
    }

    #[test]
    fn a_pipeline_both_are_in_keeps_the_latest_move_and_the_first_add() {
        let (mut a, mut b) = (person(1), person(2));
        let (p, t) = (Uuid::from_u128(50), Utc::now());
        a.join_pipeline(p, "New", false, t - Duration::days(5));
        b.join_pipeline(p, "New", false, t - Duration::days(2));
        b.set_pipeline_status(p, "Interview", t).unwrap();
        absorb(&mut a, &b);
        assert_eq!(a.pipelines.len(), 1);
        let m = &a.pipelines[0];
        assert_eq!((m.status.as_str(), m.reviewed, m.added_at), ("Interview", true, t - Duration::days(5)));
    }

    #[test]
    fn a_job_applied_to_twice_keeps_the_application_further_along() {
        let (mut a, mut b) = (person(1), person(2));
        let (job, other, t) = (Uuid::from_u128(60), Uuid::from_u128(61), Utc::now());
        a.apply_to_job(job, t);
        a.set_application_status(job, "Screening", "Phone Screen", t).unwrap();
        b.apply_to_job(job, t);
        b.set_application_status(job, "Interviewing", "Interview", t - Duration::days(1)).unwrap();
        b.apply_to_job(other, t);
        b.withdraw(other, t).unwrap();
        absorb(&mut a, &b);
        let on = |id| a.applications.iter().find(|x| x.job_id == id).unwrap();
        assert_eq!(on(job).hiring_status, "Interview");
        assert_eq!(on(job).candidate_id, a.id(), "the application is the survivor's now");
        assert!(on(other).withdrawn);

        // A live application beats a withdrawn one however far that one got.
        let (mut c, mut d) = (person(3), person(4));
        c.apply_to_job(job, t);
        c.set_application_status(job, "Offer", "Offer", t).unwrap();
        c.withdraw(job, t).unwrap();
        d.apply_to_job(job, t - Duration::days(1));
        absorb(&mut c, &d);
        assert!(!c.applications[0].withdrawn);
        assert_eq!(c.applications[0].hiring_status, job::HIRING_STATUSES[0]);
    }

    #[test]
    fn an_event_both_are_on_keeps_the_earliest_check_in_and_every_rating() {
        let (mut a, mut b) = (person(1), person(2));
        let (event, t) = (Uuid::from_u128(70), Utc::now());
        let mut mine = EventMember::new(event);
        mine.ratings.insert("nia@x.org".into(), 2);
        let mut theirs = EventMember::new(event);
        theirs.register(t - Duration::days(4), crate::attendance::RegistrationVia::Recruiter);
        theirs.check_in(t - Duration::hours(1), "dara@x.org");
        theirs.ratings.insert("nia@x.org".into(), 5);
        theirs.ratings.insert("dara@x.org".into(), 4);
        a.put_event_member(&mine);
        b.put_event_member(&theirs);
        absorb(&mut a, &b);
        let m = a.event_member(event).unwrap();
        assert!(m.registered && m.attended);
        assert_eq!(m.checked_in_at, Some(t - Duration::hours(1)));
        assert_eq!(m.ratings.get("nia@x.org"), Some(&2), "the survivor's own rating stands");
        assert_eq!(m.ratings.get("dara@x.org"), Some(&4));
    }
}
