//! A desktop newer than its server: a push holding a change the server does not know (a name it
//! has not heard of, or a known name with arguments it cannot read) has that one refused on its
//! own, saying the server needs updating, while the others apply and the client's numbering
//! moves past all of them, so its outbox does not stall.

mod support;

use support::{TestServer, create_candidate, numbered};
use talentdesk_domain::DomainError;
use talentdesk_domain::mutation::Mutation;
use talentdesk_sync::wire::{PushOutcome, PushedMutation};
use uuid::Uuid;

/// A mutation as a newer desktop writes it.
fn written(seq: i64, name: &str, args: serde_json::Value) -> PushedMutation {
    let json = serde_json::json!({ "seq": seq, "name": name, "args": args, "created_at": chrono::Utc::now() });
    serde_json::from_value(json).unwrap()
}

fn unknown(name: &str) -> PushOutcome {
    PushOutcome::Rejected { reason: DomainError::UnknownChange { name: name.into() } }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_the_server_does_not_know_is_refused_alone_and_the_rest_applies() {
    let server = TestServer::start().await;
    let rita = &server.recruiter;
    let ana = Uuid::now_v7();
    let push = [
        numbered(1, [create_candidate(ana, "Ana", "Souza", None)]).remove(0),
        written(2, "candidate.set_pronouns", serde_json::json!({ "candidate_id": ana, "pronouns": "she/her" })),
        // `candidate.review` as a newer desktop might send it: its candidate under another key.
        written(3, "candidate.review", serde_json::json!({ "candidate": ana })),
        numbered(4, [Mutation::CandidateReview { candidate_id: ana }]).remove(0),
    ];
    let answer = server.push(rita, &push).await;
    assert_eq!(answer.last_seq, 4, "the client's outbox moves past every one: {answer:?}");
    let outcomes: Vec<&PushOutcome> = answer.results.iter().map(|r| &r.outcome).collect();
    assert!(matches!(outcomes[0], PushOutcome::Applied { .. }), "{outcomes:?}");
    assert_eq!(outcomes[1], &unknown("candidate.set_pronouns"));
    assert_eq!(outcomes[2], &unknown("candidate.review"));
    assert!(matches!(outcomes[3], PushOutcome::Applied { .. }), "{outcomes:?}");
    assert_eq!(server.candidate(ana).await.candidate.profile.first_name, "Ana");

    // The refusals are the outcomes for good: the same push again is answered the same, and
    // the next mutation is taken.
    assert_eq!(server.push(rita, &push).await, answer);
    let next = server.push(rita, &numbered(5, [Mutation::TagDefine { name: "Nurse".into() }])).await;
    assert_eq!(next.last_seq, 5);
}
