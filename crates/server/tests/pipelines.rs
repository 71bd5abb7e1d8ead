//! Editing pipelines on the server, as teammates' desktops see it through pulls: members of a
//! renamed or removed status arrive at their new status, a status with members does not go
//! without a destination, a private pipeline made shared reaches a teammate with its members,
//! and a shared one made private leaves them.

mod support;

use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::DomainError;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::pipeline::Pipeline;
use talentdesk_domain::search::Selection;
use talentdesk_sync::wire::{PushOutcome, RecordKind};
use uuid::Uuid;

/// What a pull from `cursor` brings `session`: each candidate's status in `pipeline`, the
/// pipeline (`None`: not at all), and the next cursor.
async fn seen(
    server: &TestServer,
    session: &Session,
    pipeline: Uuid,
    cursor: String,
) -> (Vec<(Uuid, String)>, Option<Pipeline>, String) {
    let (changes, cursor) = server.pull_all(session, cursor).await;
    let mut statuses = Vec::new();
    let mut seen_pipeline = None;
    for change in changes {
        let Some(data) = change.data else { continue };
        match change.kind {
            RecordKind::Candidate => {
                let a: CandidateAggregate = serde_json::from_str(data.get()).unwrap();
                let member = a.pipelines.iter().find(|m| m.pipeline_id == pipeline);
                statuses.extend(member.map(|m| (a.id(), m.status.clone())));
            }
            RecordKind::Pipeline if change.id == pipeline.to_string() => {
                seen_pipeline = Some(serde_json::from_str(data.get()).unwrap());
            }
            _ => {}
        }
    }
    statuses.sort();
    (statuses, seen_pipeline, cursor)
}

#[tokio::test(flavor = "multi_thread")]
async fn members_follow_their_status_through_renames_and_removals() {
    let server = TestServer::start().await;
    let (pipeline, ana, bo, cy) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let add = |ids: Vec<Uuid>, status: &str| Mutation::PipelineAdd {
        selection: Selection::ids(ids),
        pipeline_id: pipeline,
        status: Some(status.into()),
    };
    let setup = [
        create_candidate(ana, "Ana", "Souza", None),
        create_candidate(bo, "Bo", "Lee", None),
        create_candidate(cy, "Cy", "Park", None),
        Mutation::PipelineCreate {
            pipeline_id: pipeline,
            name: "Backend".into(),
            statuses: ["New", "Screen", "Interview"].map(String::from).to_vec(),
            private: false,
        },
        add(vec![ana, bo], "Screen"),
        add(vec![cy], "New"),
        Mutation::PipelineRenameStatus { pipeline_id: pipeline, from: "Screen".into(), to: "Phone screen".into() },
        Mutation::PipelineRemoveStatus { pipeline_id: pipeline, status: "Phone screen".into(), move_to: None },
        Mutation::PipelineRemoveStatus {
            pipeline_id: pipeline,
            status: "Phone screen".into(),
            move_to: Some("interview".into()),
        },
    ];
    let response = server.push(&server.recruiter, &numbered(1, setup)).await;
    let outcomes: Vec<&PushOutcome> = response.results.iter().map(|r| &r.outcome).collect();
    assert!(outcomes[..7].iter().all(|o| matches!(o, PushOutcome::Applied { .. })), "{outcomes:?}");
    assert!(
        matches!(outcomes[7], PushOutcome::Rejected { reason: DomainError::StatusHasMembers { count: 2, .. } }),
        "{:?}",
        outcomes[7]
    );
    assert!(matches!(outcomes[8], PushOutcome::Applied { .. }), "{:?}", outcomes[8]);

    let (statuses, p, _) = seen(&server, &server.other_recruiter, pipeline, String::new()).await;
    assert_eq!(p.unwrap().statuses, ["New", "Interview"]);
    let mut want = vec![(ana, "Interview".to_owned()), (bo, "Interview".to_owned()), (cy, "New".to_owned())];
    want.sort();
    assert_eq!(statuses, want, "a teammate's desktop gets the members where they went");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_private_pipeline_made_shared_reaches_a_teammate_with_its_members() {
    let server = TestServer::start().await;
    let (pipeline, ana) = (Uuid::now_v7(), Uuid::now_v7());
    let mine = [
        create_candidate(ana, "Ana", "Souza", None),
        Mutation::PipelineCreate {
            pipeline_id: pipeline,
            name: "Mine".into(),
            statuses: vec!["New".into()],
            private: true,
        },
        Mutation::PipelineAdd { selection: Selection::ids([ana]), pipeline_id: pipeline, status: None },
    ];
    server.push(&server.recruiter, &numbered(1, mine)).await;
    let (statuses, p, cursor) = seen(&server, &server.other_recruiter, pipeline, String::new()).await;
    assert!(statuses.is_empty() && p.is_none(), "a teammate sees neither the pipeline nor its members");

    // Someone else may not share it for its owner; the owner may.
    let share = Mutation::PipelineSetPrivate { pipeline_id: pipeline, private: false };
    let refused = server.push(&server.other_recruiter, &numbered(1, [share.clone()])).await;
    assert!(matches!(&refused.results[0].outcome, PushOutcome::Rejected { reason: DomainError::NotYours { .. } }));
    let rename = Mutation::PipelineRename { pipeline_id: pipeline, name: "Ours".into() };
    server.push(&server.recruiter, &numbered(4, [share, rename])).await;
    // The teammate's next pull (not a fresh start) brings the pipeline and its member.
    let (statuses, p, _) = seen(&server, &server.other_recruiter, pipeline, cursor).await;
    assert_eq!(p.map(|p| p.name).as_deref(), Some("Ours"));
    assert_eq!(statuses, [(ana, "New".to_owned())], "its member arrives with it");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shared_pipeline_made_private_leaves_a_teammate_with_its_memberships() {
    let server = TestServer::start().await;
    let (pipeline, ana, bo) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let add = |id: Uuid, status: &str| Mutation::PipelineAdd {
        selection: Selection::ids([id]),
        pipeline_id: pipeline,
        status: Some(status.into()),
    };
    let ours = [
        create_candidate(ana, "Ana", "Souza", None),
        create_candidate(bo, "Bo", "Lee", None),
        Mutation::PipelineCreate {
            pipeline_id: pipeline,
            name: "Ours".into(),
            statuses: vec!["New".into(), "Offer".into()],
            private: false,
        },
        add(ana, "New"),
        add(bo, "Offer"),
    ];
    server.push(&server.recruiter, &numbered(1, ours)).await;
    let (statuses, p, cursor) = seen(&server, &server.other_recruiter, pipeline, String::new()).await;
    assert!(p.is_some(), "a teammate sees the team's pipeline");
    assert_eq!(statuses.len(), 2);

    let hide = Mutation::PipelineSetPrivate { pipeline_id: pipeline, private: true };
    server.push(&server.recruiter, &numbered(6, [hide])).await;
    // The teammate's next pull takes the pipeline away and brings both members (whatever their
    // status) again, without that membership.
    let (changes, _) = server.pull_all(&server.other_recruiter, cursor).await;
    let gone = changes.iter().find(|c| c.kind == RecordKind::Pipeline && c.id == pipeline.to_string());
    assert!(gone.is_some_and(|c| c.data.is_none()), "the pipeline arrives as a removal: {gone:?}");
    let mut again: Vec<Uuid> = changes
        .iter()
        .filter(|c| c.kind == RecordKind::Candidate)
        .map(|c| {
            let a: CandidateAggregate =
                serde_json::from_str(c.data.as_ref().expect("still theirs to see").get()).unwrap();
            assert!(a.pipelines.iter().all(|m| m.pipeline_id != pipeline), "{:?}", a.pipelines);
            a.id()
        })
        .collect();
    again.sort();
    let mut both = vec![ana, bo];
    both.sort();
    assert_eq!(again, both);
    // The owner still sees it and its members.
    let (statuses, p, _) = seen(&server, &server.recruiter, pipeline, String::new()).await;
    assert!(p.is_some_and(|p| p.private));
    assert_eq!(statuses.len(), 2);
}
