//! Jobs and applications on the server: the same rules as on the desktop, over PostgreSQL.
//! Becoming Hired fires the organisation's hired actions and a second Hired is refused;
//! withdrawing from every job leaves the candidate Disengaged; closing a job stops submissions.

mod support;

use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::DomainError;
use talentdesk_domain::activity::{ActivityStatus, Engagement};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::HiredActions;
use talentdesk_sync::wire::{PushOutcome, PushedMutation, RecordKind};
use uuid::Uuid;

/// Pushes one mutation as `session` from a laptop of its own; returns what the server did.
async fn push(server: &TestServer, session: &Session, mutation: Mutation) -> PushOutcome {
    let laptop = Session { client_id: Uuid::now_v7(), ..session.clone() };
    let response = server.push(&laptop, &[PushedMutation::new(1, mutation, chrono::Utc::now())]).await;
    response.results[0].outcome.clone()
}

async fn applies(server: &TestServer, session: &Session, mutation: Mutation) {
    let outcome = push(server, session, mutation).await;
    assert!(matches!(outcome, PushOutcome::Applied { .. }), "{outcome:?}");
}

async fn refused(server: &TestServer, session: &Session, mutation: Mutation) -> DomainError {
    match push(server, session, mutation).await {
        PushOutcome::Rejected { reason } => reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Two open jobs with Ana submitted to both.
async fn two_jobs(server: &TestServer) -> (Uuid, Job, Job) {
    let ana = Uuid::now_v7();
    let job = |title: &str| Job {
        id: Uuid::now_v7(),
        title: title.into(),
        location: "Porto".into(),
        ats_id: None,
        open: true,
        skills: Vec::new(),
        description: String::new(),
    };
    let (nurse, chef) = (job("Nurse"), job("Chef"));
    let setup = [
        create_candidate(ana, "Ana", "Souza", Some("ana@example.com")),
        Mutation::JobCreate { job: nurse.clone() },
        Mutation::JobCreate { job: chef.clone() },
        Mutation::JobSubmit { selection: Selection::ids([ana]), job_id: nurse.id },
        Mutation::JobSubmit { selection: Selection::ids([ana]), job_id: chef.id },
    ];
    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    let response = server.push(&admin, &numbered(1, setup)).await;
    assert!(response.results.iter().all(|r| matches!(r.outcome, PushOutcome::Applied { .. })), "{response:?}");
    (ana, nurse, chef)
}

fn status(job: &Job, candidate_id: Uuid, hiring_status: &str) -> Mutation {
    Mutation::ApplicationSetStatus {
        job_id: job.id,
        candidate_id,
        bin: "Offer".into(),
        hiring_status: hiring_status.into(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn hired_fires_the_hired_actions_and_a_second_hired_is_refused() {
    let server = TestServer::start().await;
    let (ana, nurse, chef) = two_jobs(&server).await;
    let actions = HiredActions { unsubscribe: true, deactivate: true };
    applies(&server, &server.admin, Mutation::SetHiredActions { actions }).await;

    applies(&server, &server.recruiter, status(&nurse, ana, "Hired")).await;
    let a = server.candidate(ana).await;
    assert_eq!(a.candidate.activity, ActivityStatus::Hired);
    assert!(a.candidate.engagements.contains(Engagement::Hired));
    assert!(!a.candidate.subscribed && !a.candidate.active, "unsubscribed and deactivated");

    let reason = refused(&server, &server.recruiter, status(&chef, ana, "Hired")).await;
    assert_eq!(reason, DomainError::AlreadyHired { job: "Nurse".into() });
    let chef_application = server.candidate(ana).await.applications.into_iter().find(|a| a.job_id == chef.id);
    assert_eq!(chef_application.unwrap().hiring_status, "New Submission", "nothing changed");

    let reason = refused(&server, &server.recruiter, status(&chef, ana, "Archived")).await;
    assert!(matches!(reason, DomainError::NotOneOf { ref field, .. } if field == "hiring_status"), "{reason:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn withdrawing_from_every_job_disengages_and_a_withdrawn_application_stays() {
    let server = TestServer::start().await;
    let (ana, nurse, chef) = two_jobs(&server).await;
    let withdraw = |job: &Job| Mutation::ApplicationWithdraw { job_id: job.id, candidate_id: ana };
    applies(&server, &server.recruiter, withdraw(&nurse)).await;
    assert_eq!(server.candidate(ana).await.candidate.activity, ActivityStatus::Reviewed, "Chef still goes on");
    applies(&server, &server.recruiter, withdraw(&chef)).await;
    assert_eq!(server.candidate(ana).await.candidate.activity, ActivityStatus::Disengaged);

    let reason = refused(&server, &server.recruiter, status(&nurse, ana, "Offer")).await;
    assert_eq!(reason, DomainError::ApplicationWithdrawn { job: "Nurse".into() });
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_edits_and_closes_a_job_and_a_closed_job_takes_nobody() {
    let server = TestServer::start().await;
    let (_, nurse, _) = two_jobs(&server).await;
    let edit = Job {
        title: "Head Nurse".into(),
        ats_id: Some("R-9".into()),
        open: false,
        skills: vec!["Triage".into(), " triage ".into()],
        description: "Leads the ward's nurses.".into(),
        ..nurse.clone()
    };
    applies(&server, &server.admin, Mutation::JobUpdate { job: edit }).await;
    applies(&server, &server.admin, Mutation::JobSetOpen { job_id: nurse.id, open: false }).await;
    let jobs: Vec<Job> = server.records(RecordKind::Job).await;
    let stored = jobs.into_iter().find(|j| j.id == nurse.id).unwrap();
    assert_eq!((stored.title.as_str(), stored.ats_id.as_deref(), stored.open), ("Head Nurse", Some("R-9"), false));
    // Skills and description travel with the job, cleaned by the same rules as on a desktop.
    assert_eq!((stored.skills, stored.description.as_str()), (vec!["Triage".to_owned()], "Leads the ward's nurses."));

    let bo = Uuid::now_v7();
    applies(&server, &server.recruiter, create_candidate(bo, "Bo", "Lee", None)).await;
    let submit = Mutation::JobSubmit { selection: Selection::ids([bo]), job_id: nurse.id };
    assert_eq!(refused(&server, &server.recruiter, submit).await, DomainError::JobClosed { job: "Head Nurse".into() });
}
