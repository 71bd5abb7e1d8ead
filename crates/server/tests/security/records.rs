//! Records: a create never overwrites, rejections and pulls tell nothing hidden, replays are
//! caught. Each attack is a recruiter (Rita) against an admin's or a teammate's records.

use std::io::Read;

use reqwest::StatusCode;
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::job::Job;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_sync::wire::{Change, PushOutcome, PushedMutation, RecordKind, SnapshotHeader};
use uuid::Uuid;

use crate::support::{Session, TestServer, create_candidate, numbered};

/// What the admin made: a candidate with a private note, an email, a document, an event and
/// a job, each with the id an attacker would reuse.
struct Owned {
    candidate: Uuid,
    note: Uuid,
    send: Uuid,
    document: Uuid,
    event: Uuid,
    job: Uuid,
}

async fn admins_records(server: &TestServer) -> Owned {
    let o = Owned {
        candidate: Uuid::now_v7(),
        note: Uuid::now_v7(),
        send: Uuid::now_v7(),
        document: Uuid::now_v7(),
        event: Uuid::now_v7(),
        job: Uuid::now_v7(),
    };
    let setup = [
        create_candidate(o.candidate, "Ana", "Souza", Some("ana@example.test")),
        Mutation::NoteAdd { note_id: o.note, candidate_id: o.candidate, body: "offer 95k".into(), private: true },
        Mutation::EmailSend {
            send_id: o.send,
            selection: Selection::ids([o.candidate]),
            subject: "Hello".into(),
            body: "Dear Ana".into(),
        },
        Mutation::DocumentAttach { document: document(o.document, o.candidate, "cv.pdf") },
        event(o.event, "Spring fair"),
        Mutation::JobCreate {
            job: Job {
                id: o.job,
                title: "Nurse".into(),
                location: "Porto".into(),
                ats_id: None,
                open: true,
                skills: Vec::new(),
                description: String::new(),
            },
        },
    ];
    let answer = server.push(&server.admin, &numbered(1, setup)).await;
    assert!(answer.results.iter().all(|r| matches!(r.outcome, PushOutcome::Applied { .. })), "{answer:?}");
    o
}

fn document(id: Uuid, candidate: Uuid, name: &str) -> Document {
    Document {
        id,
        candidate_id: candidate,
        name: name.into(),
        kind: DocumentKind::Resume,
        sha256: "ab".repeat(32),
        size: 10,
        uploaded_at: chrono::Utc::now(),
    }
}

fn event(id: Uuid, name: &str) -> Mutation {
    Mutation::EventCreate { event: Event::new(id, name, EventCategory::CareerFair, chrono::Utc::now(), String::new()) }
}

fn rejection(outcome: &PushOutcome) -> String {
    match outcome {
        PushOutcome::Rejected { reason } => reason.to_string(),
        other => panic!("expected a rejection, got {other:?}"),
    }
}

/// Every record the session receives from the start, as (kind, id) -> data.
async fn everything(server: &TestServer, session: &Session) -> Vec<Change> {
    server.pull_all(session, String::new()).await.0
}

fn data_of<'a>(changes: &'a [Change], kind: RecordKind, id: &str) -> Option<&'a str> {
    changes.iter().rev().find(|c| c.kind == kind && c.id == id).and_then(|c| c.data.as_deref().map(|d| d.get()))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_create_with_an_existing_id_is_refused_and_overwrites_nothing() {
    let server = TestServer::start().await;
    let o = admins_records(&server).await;
    let before = everything(&server, &server.admin).await;
    let message_id = format!("{}:{}", o.send, o.candidate);
    let other = Uuid::now_v7();

    let attacks = [
        Mutation::NoteAdd { note_id: o.note, candidate_id: o.candidate, body: "mine now".into(), private: false },
        Mutation::EmailSend {
            send_id: o.send,
            selection: Selection::ids([o.candidate]),
            subject: "Replaced".into(),
            body: "sent again".into(),
        },
        Mutation::DocumentAttach { document: document(o.document, o.candidate, "evil.pdf") },
        event(o.event, "Renamed"),
        create_candidate(o.candidate, "Not", "Ana", None),
        // The admin's send, aimed at another candidate: no new message joins it.
        create_candidate(other, "Bo", "Lindqvist", Some("bo@example.test")),
        Mutation::EmailSend {
            send_id: o.send,
            selection: Selection::ids([other]),
            subject: "Joined".into(),
            body: "into your send".into(),
        },
    ];
    let mut answer = server.push(&server.recruiter, &numbered(1, attacks)).await;
    assert!(matches!(answer.results.remove(5).outcome, PushOutcome::Applied { .. }), "Bo is created");
    // Only admins create jobs: the reuse is tried from another of the admin's desktops.
    let job = Mutation::JobCreate {
        job: Job {
            id: o.job,
            title: "Hacked".into(),
            location: String::new(),
            ats_id: None,
            open: true,
            skills: Vec::new(),
            description: String::new(),
        },
    };
    let second_desk = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    let job_answer = server.push(&second_desk, &numbered(1, [job])).await;
    for result in answer.results.iter().chain(&job_answer.results) {
        assert!(rejection(&result.outcome).contains("already exists"), "{:?}", result.outcome);
    }

    let after = everything(&server, &server.admin).await;
    for (kind, id) in [
        (RecordKind::Note, o.note.to_string()),
        (RecordKind::Message, message_id.clone()),
        (RecordKind::Document, o.document.to_string()),
        (RecordKind::Event, o.event.to_string()),
        (RecordKind::Job, o.job.to_string()),
        (RecordKind::Candidate, o.candidate.to_string()),
    ] {
        assert_eq!(data_of(&after, kind, &id), data_of(&before, kind, &id), "{kind:?} {id} changed");
    }
    assert!(data_of(&after, RecordKind::Note, &o.note.to_string()).unwrap().contains("offer 95k"));
    assert!(
        data_of(&after, RecordKind::Message, &format!("{}:{other}", o.send)).is_none(),
        "no message joined the send"
    );

    // A deleted record's id stays taken: its tombstone counts.
    server.push(&server.admin, &numbered(7, [Mutation::NoteDelete { note_id: o.note }])).await;
    let reuse = Mutation::NoteAdd { note_id: o.note, candidate_id: o.candidate, body: "reborn".into(), private: false };
    let answer = server.push(&server.recruiter, &numbered(8, [reuse])).await;
    assert!(rejection(&answer.results[0].outcome).contains("already exists"));
}

#[tokio::test(flavor = "multi_thread")]
async fn rejections_name_records_by_id_and_store_no_personal_values() {
    let server = TestServer::start().await;
    let (private_pipeline, unreachable) = (Uuid::now_v7(), Uuid::now_v7());
    let setup = [
        Mutation::PipelineCreate {
            pipeline_id: private_pipeline,
            name: "Board succession shortlist".into(),
            statuses: vec!["New".into()],
            private: true,
        },
        create_candidate(unreachable, "Zelda", "Quuxworth", None),
    ];
    server.push(&server.admin, &numbered(1, setup)).await;

    let attacks = [
        Mutation::PipelineAdd { selection: Selection::ids([unreachable]), pipeline_id: private_pipeline, status: None },
        Mutation::EmailSend {
            send_id: Uuid::now_v7(),
            selection: Selection::ids([unreachable]),
            subject: "Hi".into(),
            body: "Hello".into(),
        },
        Mutation::CandidateUpdate {
            candidate_id: unreachable,
            changes: vec![talentdesk_domain::history::FieldChange {
                from: talentdesk_domain::candidate::FieldValue::Email(None),
                to: talentdesk_domain::candidate::FieldValue::Email(Some("zelda.quuxworth@@home".into())),
            }],
        },
    ];
    let answer = server.push(&server.recruiter, &numbered(1, attacks)).await;
    let reasons: Vec<String> = answer.results.iter().map(|r| rejection(&r.outcome)).collect();
    assert!(reasons[0].contains(&private_pipeline.to_string()), "{reasons:?}");
    assert!(reasons[1].contains(&unreachable.to_string()), "{reasons:?}");
    for reason in &reasons {
        for secret in ["Board succession", "Zelda", "Quuxworth", "zelda.quuxworth"] {
            assert!(!reason.contains(secret), "{reason:?} names {secret}");
        }
    }
    let stored: Vec<String> = sqlx::query_scalar("SELECT outcome::text FROM mutations WHERE user_id = $1")
        .bind(server.recruiter.user.id)
        .fetch_all(&server.server.pool)
        .await
        .unwrap();
    assert_eq!(stored.len(), 3);
    assert!(stored.iter().all(|o| !o.contains("Zelda") && !o.contains("quuxworth")), "{stored:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn pulls_and_snapshots_do_not_reveal_private_records_to_others() {
    let server = TestServer::start().await;
    let o = admins_records(&server).await;
    let (shared_note, private_pipeline) = (Uuid::now_v7(), Uuid::now_v7());
    let more = [
        Mutation::NoteAdd {
            note_id: shared_note,
            candidate_id: o.candidate,
            body: "met at fair".into(),
            private: false,
        },
        Mutation::PipelineCreate {
            pipeline_id: private_pipeline,
            name: "Mine".into(),
            statuses: vec!["New".into()],
            private: true,
        },
    ];
    server.push(&server.admin, &numbered(7, more)).await;
    let (rita_changes, cursor) = server.pull_all(&server.recruiter, String::new()).await;
    let hidden = [o.note.to_string(), format!("{}:{}", o.send, o.candidate), private_pipeline.to_string()];
    for id in &hidden {
        assert!(rita_changes.iter().all(|c| &c.id != id), "Rita was told of {id}");
    }
    assert!(data_of(&rita_changes, RecordKind::Note, &shared_note.to_string()).is_some());

    // Deleting the private note tells Rita nothing; turning the shared note private removes
    // it from her copy.
    let changes = [
        Mutation::NoteDelete { note_id: o.note },
        Mutation::NoteEdit { note_id: shared_note, body: "met at fair".into(), private: true },
    ];
    server.push(&server.admin, &numbered(9, changes)).await;
    let (later, _) = server.pull_all(&server.recruiter, cursor).await;
    assert!(later.iter().all(|c| c.id != o.note.to_string()), "{later:?}");
    let removal = later.iter().find(|c| c.id == shared_note.to_string()).expect("the note turned private");
    assert!(removal.data.is_none());

    // The admin still hears of every one of them.
    let (admin_sees, _) = server.pull_all(&server.admin, String::new()).await;
    for id in &hidden {
        assert!(admin_sees.iter().any(|c| &c.id == id), "{id}");
    }

    // The snapshot's total counts only what Rita receives.
    let (header, lines) = snapshot(&server, &server.recruiter).await;
    assert_eq!(header.total, lines as u64);
}

async fn snapshot(server: &TestServer, session: &Session) -> (SnapshotHeader, usize) {
    let response =
        server.http.get(format!("{}/v1/sync/snapshot", server.url)).bearer_auth(&session.token).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let compressed = response.bytes().await.unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&compressed[..]).read_to_string(&mut text).unwrap();
    let mut lines = text.lines();
    let header = serde_json::from_str(lines.next().unwrap()).unwrap();
    (header, lines.count())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_replica_reusing_a_client_id_is_refused_not_answered_from_the_record() {
    let server = TestServer::start().await;
    let (first, copy) = (Uuid::now_v7(), Uuid::now_v7());
    let original = numbered(1, [create_candidate(first, "Original", "One", None)]);
    server.push(&server.recruiter, &original).await;

    // A retry of the same mutation is answered from the record, as before.
    let retry = server.push(&server.recruiter, &original).await;
    assert!(matches!(retry.results[0].outcome, PushOutcome::Applied { .. }));

    // A restored copy of the replica makes its own mutation 1 under the same client id.
    let other = vec![PushedMutation::new(1, create_candidate(copy, "Copy", "Two", None), chrono::Utc::now())];
    let (status, body) = server.push_raw(&server.recruiter, &other).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["code"], "client_reused");
    assert_eq!(body["error"]["expected_seq"], 1);
    assert!(body["error"]["message"].as_str().unwrap().contains("new client id"));

    // Nothing of it was taken; under a new client id it is.
    let changes = everything(&server, &server.admin).await;
    assert!(data_of(&changes, RecordKind::Candidate, &copy.to_string()).is_none());
    let fresh = Session { client_id: Uuid::now_v7(), ..server.recruiter.clone() };
    server.push(&fresh, &other).await;
    let changes = everything(&server, &server.admin).await;
    assert!(data_of(&changes, RecordKind::Candidate, &copy.to_string()).is_some());

    // A pull says which mutation the server took last, with its digest.
    let page = server.pull(&server.recruiter, "").await;
    assert_eq!(page.last_seq, 1);
    assert_eq!(page.last_digest, original[0].digest);
}
