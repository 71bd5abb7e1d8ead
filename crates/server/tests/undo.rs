//! An undo pushed to the server meets the same check as on the desktop: when a teammate's
//! change reached the server first, the undo is rejected with the reason and their change
//! stays; otherwise it restores the state like any other mutation.

mod support;

use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::DomainError;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::error::Thing;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::undo::Expectation;
use talentdesk_sync::wire::{PushOutcome, PushedMutation, RecordKind};
use uuid::Uuid;

/// Pushes one mutation from a laptop of its own and returns its outcome.
async fn push_one(server: &TestServer, session: &Session, mutation: Mutation) -> PushOutcome {
    let laptop = Session { client_id: Uuid::now_v7(), ..session.clone() };
    let mut response = server.push(&laptop, &[PushedMutation::new(1, mutation, chrono::Utc::now())]).await;
    response.results.remove(0).outcome
}

async fn status_in(server: &TestServer, id: Uuid, pipeline: Uuid) -> String {
    let (changes, _) = server.pull_all(&server.admin, String::new()).await;
    let aggregate: CandidateAggregate = changes
        .into_iter()
        .filter(|c| c.kind == RecordKind::Candidate)
        .filter_map(|c| c.data.map(|d| serde_json::from_str::<CandidateAggregate>(d.get()).unwrap()))
        .find(|a| a.id() == id)
        .expect("the candidate");
    aggregate.pipelines.iter().find(|m| m.pipeline_id == pipeline).expect("a member").status.clone()
}

/// The undo of moving `id` from Sourced to Screening, as the desktop computes it.
fn undo_move(id: Uuid, pipeline: Uuid) -> Mutation {
    Mutation::Undo {
        expect: vec![Expectation::PipelineStatus {
            pipeline_id: pipeline,
            candidate_ids: vec![id],
            status: Some("Screening".into()),
        }],
        mutations: vec![Mutation::PipelineSetStatus {
            candidate_id: id,
            pipeline_id: pipeline,
            status: "Sourced".into(),
        }],
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_undo_restores_unless_a_teammates_change_arrived_first() {
    let server = TestServer::start().await;
    let (ana, bo, pipeline) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let setup = [
        create_candidate(ana, "Ana", "Souza", None),
        create_candidate(bo, "Bo", "Lindqvist", None),
        Mutation::PipelineCreate {
            pipeline_id: pipeline,
            name: "Backend".into(),
            statuses: vec!["Sourced".into(), "Screening".into(), "Offer".into()],
            private: false,
        },
        Mutation::PipelineAdd { selection: Selection::ids([ana, bo]), pipeline_id: pipeline, status: None },
    ];
    server.push(&server.recruiter, &numbered(1, setup)).await;
    for id in [ana, bo] {
        let moved = Mutation::PipelineSetStatus { candidate_id: id, pipeline_id: pipeline, status: "Screening".into() };
        push_one(&server, &server.recruiter, moved).await;
    }

    // Bo: nobody else moved him; the undo puts him back.
    let outcome = push_one(&server, &server.recruiter, undo_move(bo, pipeline)).await;
    assert!(matches!(outcome, PushOutcome::Applied { .. }), "{outcome:?}");
    assert_eq!(status_in(&server, bo, pipeline).await, "Sourced");

    // Ana: a teammate moved her on before the undo reached the server.
    let teammate = Mutation::PipelineSetStatus { candidate_id: ana, pipeline_id: pipeline, status: "Offer".into() };
    push_one(&server, &server.other_recruiter, teammate).await;
    let outcome = push_one(&server, &server.recruiter, undo_move(ana, pipeline)).await;
    let PushOutcome::Rejected { reason } = outcome else { panic!("the undo must be refused: {outcome:?}") };
    assert_eq!(reason, DomainError::ChangedSince { what: Thing::Pipeline });
    assert_eq!(status_in(&server, ana, pipeline).await, "Offer", "the teammate's move stays");
}

/// A crafted undo must not reveal, by Applied or ChangedSince, what a private pipeline or a
/// private note of a teammate holds: it is refused as its restoring mutation would be.
#[tokio::test(flavor = "multi_thread")]
async fn an_undo_about_a_teammates_private_pipeline_or_note_reveals_nothing() {
    let server = TestServer::start().await;
    let (ana, pipeline, note_id) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let setup = [
        create_candidate(ana, "Ana", "Souza", None),
        Mutation::PipelineCreate {
            pipeline_id: pipeline,
            name: "Poaching".into(),
            statuses: vec!["Sourced".into(), "Screening".into()],
            private: true,
        },
        Mutation::PipelineAdd { selection: Selection::ids([ana]), pipeline_id: pipeline, status: None },
        Mutation::NoteAdd { note_id, candidate_id: ana, body: "Expects 90k".into(), private: true },
    ];
    let pushed = server.push(&server.other_recruiter, &numbered(1, setup)).await;
    assert!(pushed.results.iter().all(|r| matches!(r.outcome, PushOutcome::Applied { .. })), "{pushed:?}");

    // The right guess and the wrong one are answered alike.
    for guess in ["Sourced", "Screening"] {
        let probe = Mutation::Undo {
            expect: vec![Expectation::PipelineStatus {
                pipeline_id: pipeline,
                candidate_ids: vec![ana],
                status: Some(guess.into()),
            }],
            mutations: vec![Mutation::SetEligible { candidate_id: ana, eligible: true }],
        };
        let outcome = push_one(&server, &server.recruiter, probe).await;
        let PushOutcome::Rejected { reason } = outcome else { panic!("refused: {outcome:?}") };
        assert_eq!(reason, DomainError::NotYours { what: Thing::Pipeline, id: pipeline.to_string() }, "{guess}");
    }
    for guess in ["Expects 90k", "Expects 60k"] {
        let probe = Mutation::Undo {
            expect: vec![Expectation::Note { note_id, body: guess.into(), private: true }],
            mutations: vec![Mutation::SetEligible { candidate_id: ana, eligible: true }],
        };
        let outcome = push_one(&server, &server.recruiter, probe).await;
        let PushOutcome::Rejected { reason } = outcome else { panic!("refused: {outcome:?}") };
        assert_eq!(reason, DomainError::NotYours { what: Thing::Note, id: note_id.to_string() }, "{guess}");
    }
}
