//! Jobs and applications on the desktop store: editing, closing and reopening a job, the
//! hiring statuses an application moves through (Hired firing the hired actions, once), a
//! second Hired refused, withdrawal leaving the candidate Disengaged, and what is refused.

mod common;

use common::{Fixture, Person, fixture};
use talentdesk_domain::activity::ActivityStatus;
use talentdesk_domain::error::Thing;
use talentdesk_domain::job::{HIRING_STATUSES, Job};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::permission::Capability;
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::HiredActions;
use talentdesk_domain::{DomainError, new_id};
use talentdesk_store::StoreError;
use talentdesk_store::views::HiringWorkflow;
use uuid::Uuid;

fn rule(err: StoreError) -> DomainError {
    match err {
        StoreError::Domain(d) => d,
        other => panic!("expected a rule error, got {other}"),
    }
}

fn job(f: &mut Fixture, title: &str) -> Job {
    let job = Job {
        id: new_id(),
        title: title.into(),
        location: "Porto".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    f.admin_applies(Mutation::JobCreate { job: job.clone() });
    job
}

fn submit(f: &mut Fixture, job: &Job, ids: &[Uuid]) {
    f.admin_applies(Mutation::JobSubmit { selection: Selection::ids(ids.iter().copied()), job_id: job.id });
}

fn status(job: &Job, candidate_id: Uuid, bin: &str, hiring_status: &str) -> Mutation {
    Mutation::ApplicationSetStatus {
        job_id: job.id,
        candidate_id,
        bin: bin.into(),
        hiring_status: hiring_status.into(),
    }
}

/// The candidate's application to `job`: (bin, hiring status, withdrawn).
fn application(f: &Fixture, job: &Job, id: Uuid) -> (String, String, bool) {
    let view = f.store.job_view(job.id).unwrap();
    let a = view.applicants.into_iter().find(|a| a.candidate.id == id).expect("an applicant").application;
    (a.bin, a.hiring_status, a.withdrawn)
}

#[test]
fn an_admin_edits_closes_and_reopens_a_job() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let nurse = job(&mut f, "Nurse");
    let edit = Job { title: " Senior Nurse ".into(), ats_id: Some(" R-77 ".into()), open: false, ..nurse.clone() };
    f.admin_applies(Mutation::JobUpdate { job: edit });
    let view = f.store.job_view(nurse.id).unwrap();
    assert_eq!((view.job.title.as_str(), view.job.ats_id.as_deref()), ("Senior Nurse", Some("R-77")));
    assert!(view.job.open, "an edit of the details does not close the job");

    let recruiter = f.recruiter.clone();
    let close = Mutation::JobSetOpen { job_id: nurse.id, open: false };
    let refused = rule(f.store.apply(&recruiter, close.clone()).unwrap_err());
    assert_eq!(refused, DomainError::AdminOnly { capability: Capability::ManageJobs });
    f.admin_applies(close);
    assert!(!f.store.job_view(nurse.id).unwrap().job.open);

    let submit_ana = Mutation::JobSubmit { selection: Selection::ids([ana]), job_id: nurse.id };
    let refused = rule(f.store.apply(&recruiter, submit_ana.clone()).unwrap_err());
    assert_eq!(refused, DomainError::JobClosed { job: "Senior Nurse".into() });
    assert!(f.store.job_view(nurse.id).unwrap().applicants.is_empty(), "nobody submitted to a closed job");

    f.admin_applies(Mutation::JobSetOpen { job_id: nurse.id, open: true });
    f.store.apply(&recruiter, submit_ana).unwrap();
    assert_eq!(application(&f, &nurse, ana), ("Submissions".into(), "New Submission".into(), false));
}

#[test]
fn applications_still_move_on_a_closed_job() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let nurse = job(&mut f, "Nurse");
    submit(&mut f, &nurse, &[ana]);
    f.admin_applies(Mutation::JobSetOpen { job_id: nurse.id, open: false });
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, status(&nurse, ana, "Offer", "Offer")).unwrap();
    assert_eq!(application(&f, &nurse, ana), ("Offer".into(), "Offer".into(), false));
}

#[test]
fn becoming_hired_runs_the_hired_actions_once() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let nurse = job(&mut f, "Nurse");
    submit(&mut f, &nurse, &[ana]);
    f.admin_applies(Mutation::SetHiredActions { actions: HiredActions { unsubscribe: true, deactivate: false } });
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, status(&nurse, ana, "Offer", "hired")).unwrap();
    let c = f.store.profile(&f.admin, ana).unwrap().candidate;
    assert_eq!(c.activity, ActivityStatus::Hired);
    assert!(!c.subscribed, "the hired action unsubscribed them");

    // An admin subscribes the hire again; moving the Hired application to another bin is not
    // a new hire and does not undo that.
    f.admin_applies(Mutation::SetSubscribed { selection: Selection::ids([ana]), subscribed: true });
    f.store.apply(&recruiter, status(&nurse, ana, "Interviewing", "Hired")).unwrap();
    assert!(f.store.profile(&f.admin, ana).unwrap().candidate.subscribed);
}

#[test]
fn a_second_hired_while_the_first_job_is_open_is_refused() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let (nurse, chef) = (job(&mut f, "Nurse"), job(&mut f, "Chef"));
    submit(&mut f, &nurse, &[ana]);
    submit(&mut f, &chef, &[ana]);
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, status(&nurse, ana, "Offer", "Hired")).unwrap();

    let refused = rule(f.store.apply(&recruiter, status(&chef, ana, "Offer", "Hired")).unwrap_err());
    assert_eq!(refused, DomainError::AlreadyHired { job: "Nurse".into() });
    assert_eq!(application(&f, &chef, ana).1, "New Submission", "nothing changed");

    // The Nurse job is filled and closed: a later hire elsewhere (a move, a rehire) is allowed.
    f.admin_applies(Mutation::JobSetOpen { job_id: nurse.id, open: false });
    f.store.apply(&recruiter, status(&chef, ana, "Offer", "Hired")).unwrap();
    assert_eq!(application(&f, &chef, ana).1, "Hired");
}

#[test]
fn statuses_outside_the_workflow_and_withdrawn_applications_are_refused() {
    let mut f = fixture();
    let (ana, bo) = (f.create(Person::default()), f.create(Person { first: "Bo", ..Person::default() }));
    let nurse = job(&mut f, "Nurse");
    submit(&mut f, &nurse, &[ana]);
    let recruiter = f.recruiter.clone();
    let mut refuse = |m: Mutation| rule(f.store.apply(&recruiter, m).unwrap_err());

    let Err(DomainError::NotOneOf { field, allowed, .. }) = talentdesk_domain::job::hiring_status("Withdrawn") else {
        panic!("Withdrawn is only a withdrawal's")
    };
    assert_eq!(
        refuse(status(&nurse, ana, "Offer", "Withdrawn")),
        DomainError::NotOneOf { field, value: "Withdrawn".into(), allowed }
    );
    assert_eq!(
        allowed_of(refuse(status(&nurse, ana, "Archive", "Offer"))),
        ["Submissions", "Screening", "Interviewing", "Offer"]
    );
    assert_eq!(refuse(status(&nurse, bo, "Offer", "Offer")), DomainError::NotAmong { what: Thing::Job });

    f.store.apply(&recruiter, Mutation::ApplicationWithdraw { job_id: nurse.id, candidate_id: ana }).unwrap();
    let refused = rule(f.store.apply(&recruiter, status(&nurse, ana, "Offer", "Offer")).unwrap_err());
    assert_eq!(refused, DomainError::ApplicationWithdrawn { job: "Nurse".into() });
    let again =
        f.store.apply(&recruiter, Mutation::ApplicationWithdraw { job_id: nurse.id, candidate_id: ana }).unwrap();
    assert_eq!(again.affected, 0, "withdrawing again changes nothing");
    let history = f.store.profile(&f.admin, ana).unwrap().history;
    assert_eq!(history.iter().filter(|h| h.summary.as_deref() == Some("Withdrew from Nurse")).count(), 1);
    assert_eq!(HiringWorkflow::new().hiring_statuses, HIRING_STATUSES);
}

fn allowed_of(error: DomainError) -> Vec<String> {
    match error {
        DomainError::NotOneOf { allowed, .. } => allowed,
        other => panic!("expected NotOneOf, got {other}"),
    }
}

#[test]
fn withdrawing_from_every_job_disengages_and_the_job_page_shows_it() {
    let mut f = fixture();
    let ana = f.create(Person::default());
    let (nurse, chef) = (job(&mut f, "Nurse"), job(&mut f, "Chef"));
    submit(&mut f, &nurse, &[ana]);
    submit(&mut f, &chef, &[ana]);
    let recruiter = f.recruiter.clone();
    f.store.apply(&recruiter, Mutation::ApplicationWithdraw { job_id: nurse.id, candidate_id: ana }).unwrap();
    let activity = |f: &Fixture| f.store.profile(&f.admin, ana).unwrap().candidate.activity;
    assert_eq!(activity(&f), ActivityStatus::Reviewed, "the Chef application still goes on");
    f.store.apply(&recruiter, Mutation::ApplicationWithdraw { job_id: chef.id, candidate_id: ana }).unwrap();
    assert_eq!(activity(&f), ActivityStatus::Disengaged);
    assert_eq!(application(&f, &nurse, ana), ("Submissions".into(), "Withdrawn".into(), true));
    let view = f.store.job_view(chef.id).unwrap();
    assert_eq!(view.applicants[0].candidate.activity, ActivityStatus::Disengaged);
}
