//! candidate.merge against real PostgreSQL: every kind of record of a duplicate becomes the
//! survivor's and a teammate's next pull delivers exactly that (the duplicate's removal, what
//! moved under its new candidate, a message under its new id); a merge of a candidate a
//! teammate deleted meanwhile is refused and changes nothing; a change made offline to the
//! duplicate goes to the survivor (more in merge_redirect.rs).

mod support;

use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::DomainError;
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::event::{Event, EventCategory};
use talentdesk_domain::history::{HistoryDetail, HistoryEntry};
use talentdesk_domain::job::Job;
use talentdesk_domain::message::Message;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::note::Note;
use talentdesk_domain::search::Selection;
use talentdesk_store::Store;
use talentdesk_store::replica::{Account, ServerChange};
use talentdesk_sync::wire::{Change, PushOutcome, RecordKind};
use uuid::Uuid;

struct Pair {
    ana: Uuid,
    dup: Uuid,
    pipeline: Uuid,
    event: Uuid,
    job: Uuid,
    send: Uuid,
    /// An email to both.
    both_send: Uuid,
}

/// Ana and her duplicate, each with something of every kind, made by the recruiter.
async fn ana_twice(server: &TestServer) -> Pair {
    let p = Pair {
        ana: Uuid::now_v7(),
        dup: Uuid::now_v7(),
        pipeline: Uuid::now_v7(),
        event: Uuid::now_v7(),
        job: Uuid::now_v7(),
        send: Uuid::now_v7(),
        both_send: Uuid::now_v7(),
    };
    let lists = [
        Mutation::TagDefine { name: "python".into() },
        Mutation::TagDefine { name: "fintech".into() },
        Mutation::PipelineCreate {
            pipeline_id: p.pipeline,
            name: "Nurses".into(),
            statuses: vec!["New".into(), "Interview".into()],
            private: false,
        },
        Mutation::EventCreate {
            event: Event::new(p.event, "Fair", EventCategory::CareerFair, chrono::Utc::now(), "Lisbon"),
        },
        Mutation::JobCreate {
            job: Job {
                id: p.job,
                title: "Nurse".into(),
                location: "Porto".into(),
                ats_id: None,
                open: true,
                skills: Vec::new(),
                description: String::new(),
            },
        },
    ];
    server.push(&server.admin, &numbered(1, lists)).await;
    let both = || Selection::ids([p.ana, p.dup]);
    let work = [
        create_candidate(p.ana, "Ana", "Souza", Some("ana@example.com")),
        create_candidate(p.dup, "Ana", "Souza", Some("ana.souza@example.org")),
        Mutation::TagsAdd { selection: Selection::ids([p.ana]), tags: vec!["python".into()] },
        Mutation::TagsAdd { selection: Selection::ids([p.dup]), tags: vec!["fintech".into()] },
        Mutation::NoteAdd { note_id: Uuid::now_v7(), candidate_id: p.dup, body: "Salary 40k".into(), private: true },
        Mutation::PipelineAdd { selection: both(), pipeline_id: p.pipeline, status: None },
        Mutation::JobSubmit { selection: both(), job_id: p.job },
        Mutation::EventAdd {
            selection: Selection::ids([p.dup]),
            event_id: p.event,
            attended: false,
            confirmation: None,
        },
        Mutation::EventCheckIn { event_id: p.event, candidate_id: p.dup, at: None, kiosk: false },
        Mutation::EmailSend {
            send_id: p.send,
            selection: Selection::ids([p.dup]),
            subject: "Hi".into(),
            body: "Hello".into(),
        },
        Mutation::EmailSend { send_id: p.both_send, selection: both(), subject: "Fair".into(), body: "See you".into() },
        Mutation::DocumentAttach {
            document: Document {
                id: Uuid::now_v7(),
                candidate_id: p.dup,
                name: "ana-cv.pdf".into(),
                kind: DocumentKind::Resume,
                sha256: "a".repeat(64),
                size: 10,
                uploaded_at: chrono::Utc::now(),
            },
        },
        Mutation::PipelineSetStatus { candidate_id: p.dup, pipeline_id: p.pipeline, status: "Interview".into() },
        Mutation::ApplicationSetStatus {
            job_id: p.job,
            candidate_id: p.dup,
            bin: "Interviewing".into(),
            hiring_status: "Interview".into(),
        },
    ];
    let pushed = server.push(&server.recruiter, &numbered(1, work)).await;
    assert!(pushed.results.iter().all(|r| matches!(r.outcome, PushOutcome::Applied { .. })), "{pushed:?}");
    p
}

/// The latest of each record a pull delivered, live or removed.
fn latest(changes: &[Change], kind: RecordKind) -> Vec<(String, Option<String>)> {
    let mut by_id = std::collections::BTreeMap::new();
    for c in changes.iter().filter(|c| c.kind == kind) {
        by_id.insert(c.id.clone(), c.data.as_ref().map(|d| d.get().to_owned()));
    }
    by_id.into_iter().collect()
}

fn live<T: serde::de::DeserializeOwned>(changes: &[Change], kind: RecordKind) -> Vec<T> {
    latest(changes, kind).into_iter().filter_map(|(_, data)| data.map(|d| serde_json::from_str(&d).unwrap())).collect()
}

fn merge(p: &Pair) -> Mutation {
    Mutation::CandidateMerge { survivor_id: p.ana, merged_ids: vec![p.dup], changes: Vec::new() }
}

#[tokio::test(flavor = "multi_thread")]
async fn everything_of_the_duplicate_moves_and_a_teammates_pull_delivers_it() {
    let server = TestServer::start().await;
    let p = ana_twice(&server).await;
    let (_, cursor) = server.pull_all(&server.recruiter, String::new()).await;

    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    let pushed = server.push(&admin, &numbered(1, [merge(&p)])).await;
    assert!(matches!(pushed.results[0].outcome, PushOutcome::Applied { .. }), "{pushed:?}");

    // The survivor's own record: tags, memberships, the application further along.
    let ana = server.candidate(p.ana).await;
    assert_eq!(ana.tags.iter().cloned().collect::<Vec<_>>(), ["fintech", "python"]);
    assert_eq!(ana.pipelines.len(), 1);
    assert_eq!(ana.pipelines[0].status, "Interview");
    assert!(ana.event_member(p.event).is_some_and(|m| m.attended));
    assert_eq!(ana.applications.len(), 1);
    assert_eq!((ana.applications[0].hiring_status.as_str(), ana.applications[0].candidate_id), ("Interview", p.ana));

    // The recruiter's next pull: the duplicate removed, what was theirs now Ana's.
    let (changes, _) = server.pull_all(&server.recruiter, cursor).await;
    let candidates = latest(&changes, RecordKind::Candidate);
    assert!(candidates.contains(&(p.dup.to_string(), None)), "the duplicate's removal: {candidates:?}");
    let merged: CandidateAggregate = serde_json::from_str(
        candidates.iter().find(|(id, _)| *id == p.ana.to_string()).and_then(|(_, d)| d.as_deref()).unwrap(),
    )
    .unwrap();
    assert_eq!(merged, ana);
    let notes: Vec<Note> = live(&changes, RecordKind::Note);
    assert_eq!(notes.iter().map(|n| (n.body.as_str(), n.candidate_id)).collect::<Vec<_>>(), [("Salary 40k", p.ana)]);
    let documents: Vec<Document> = live(&changes, RecordKind::Document);
    assert_eq!(
        documents.iter().map(|d| (d.name.as_str(), d.candidate_id)).collect::<Vec<_>>(),
        [("ana-cv.pdf", p.ana)]
    );
    let messages = latest(&changes, RecordKind::Message);
    assert!(messages.contains(&(format!("{}:{}", p.send, p.dup), None)), "the old id removed: {messages:?}");
    let moved: Vec<Message> = live(&changes, RecordKind::Message);
    assert_eq!(
        moved.iter().map(|m| (m.id(), m.candidate_id)).collect::<Vec<_>>(),
        [(format!("{}:{}", p.send, p.ana), p.ana)]
    );
    // A send that reached both: Ana keeps hers, the duplicate's copy is removed.
    let (all, _) = server.pull_all(&server.admin, String::new()).await;
    let of_both: Vec<Message> =
        live::<Message>(&all, RecordKind::Message).into_iter().filter(|m| m.send_id == p.both_send).collect();
    assert_eq!(of_both.iter().map(|m| m.candidate_id).collect::<Vec<_>>(), [p.ana]);
    let history: Vec<HistoryEntry> = live(&changes, RecordKind::History);
    assert!(history.iter().all(|h| h.candidate_id == p.ana), "every moved entry is Ana's");
    assert!(history.iter().any(|h| h.detail == Some(HistoryDetail::Tagged { tags: vec!["fintech".into()] })));
    let entry =
        history.iter().find(|h| matches!(h.detail, Some(HistoryDetail::Merged { .. }))).expect("the merge's entry");
    assert_eq!(entry.detail, Some(HistoryDetail::Merged { candidates: vec![p.dup], names: vec!["Ana Souza".into()] }));

    // Nothing live is left on the duplicate anywhere.
    let (everything, _) = server.pull_all(&server.admin, String::new()).await;
    let on_dup = |kind| {
        live::<serde_json::Value>(&everything, kind)
            .into_iter()
            .filter(|v| v["candidate_id"] == p.dup.to_string())
            .count()
    };
    for kind in [RecordKind::Note, RecordKind::Document, RecordKind::Message, RecordKind::History] {
        assert_eq!(on_dup(kind), 0, "{kind:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn merging_a_candidate_a_teammate_deleted_meanwhile_is_refused_and_loses_nothing() {
    let server = TestServer::start().await;
    let p = ana_twice(&server).await;
    let laptop = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    server.push(&laptop, &numbered(1, [Mutation::CandidateDelete { selection: Selection::ids([p.dup]) }])).await;
    let before = server.candidate(p.ana).await;

    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    let pushed = server.push(&admin, &numbered(1, [merge(&p)])).await;
    match &pushed.results[0].outcome {
        PushOutcome::Rejected { reason: DomainError::NotFound { id, .. } } => assert_eq!(id, &p.dup.to_string()),
        other => panic!("expected the duplicate not found, got {other:?}"),
    }
    assert_eq!(server.candidate(p.ana).await, before, "the survivor is as it was");
    // The refusal took its number: the desktop's next change goes through.
    let next = server
        .push(
            &admin,
            &numbered(2, [Mutation::TagsAdd { selection: Selection::ids([p.ana]), tags: vec!["fintech".into()] }]),
        )
        .await;
    assert!(matches!(next.results[0].outcome, PushOutcome::Applied { .. }));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_to_a_merged_candidate_made_offline_goes_to_the_survivor() {
    let server = TestServer::start().await;
    let p = ana_twice(&server).await;
    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    server.push(&admin, &numbered(1, [merge(&p)])).await;
    let offline = Session { client_id: Uuid::now_v7(), ..server.recruiter.clone() };
    let note_id = Uuid::now_v7();
    let note = Mutation::NoteAdd { note_id, candidate_id: p.dup, body: "late".into(), private: false };
    let pushed = server.push(&offline, &numbered(1, [note])).await;
    assert!(matches!(&pushed.results[0].outcome, PushOutcome::Applied { .. }), "{pushed:?}");
    let notes: Vec<Note> = server.records(RecordKind::Note).await;
    assert_eq!(notes.iter().find(|n| n.id == note_id).map(|n| n.candidate_id), Some(p.ana));
}

/// The undo of `p`'s merge as a desktop computes it: merging on a replica of everything the
/// admin pulls (what both had stays Ana's there too).
async fn undo_of_merge(server: &TestServer, p: &Pair) -> Mutation {
    let dir = tempfile::tempdir().unwrap();
    let admin = &server.admin.user;
    let mut desk = Store::open(dir.path().join("desk.db")).unwrap();
    let account = Account {
        server: "https://crm.example".into(),
        org_id: Uuid::nil(),
        user_id: admin.id,
        email: admin.email.clone(),
    };
    desk.bind(&account, admin).unwrap();
    let (everything, cursor) = server.pull_all(&server.admin, String::new()).await;
    let changes: Vec<_> = everything
        .iter()
        .map(|c| ServerChange { kind: c.kind, id: &c.id, data: c.data.as_deref().map(|d| d.get()) })
        .collect();
    desk.apply_pull(&changes, &cursor, 0, true).unwrap();
    desk.apply(admin, merge(p)).unwrap().undo.expect("a merge can be undone")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_merge_is_undone_until_the_survivor_changes_again() {
    let server = TestServer::start().await;
    let p = ana_twice(&server).await;
    let undo = undo_of_merge(&server, &p).await;
    // As the desktop had them before the merge (its times are to the millisecond).
    let Mutation::Undo { mutations, .. } = &undo else { panic!("an undo") };
    let Mutation::CandidateUnmerge { survivor, merged } = &mutations[0] else { panic!("an unmerge") };
    let (ana_was, dup_was) = (survivor.as_ref().clone(), merged[0].aggregate.clone());
    assert_eq!((ana_was.id(), dup_was.id()), (p.ana, p.dup));
    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    let pushed = server.push(&admin, &numbered(1, [merge(&p), undo.clone()])).await;
    assert!(pushed.results.iter().all(|r| matches!(r.outcome, PushOutcome::Applied { .. })), "{pushed:?}");

    let (ana, dup) = (server.candidate(p.ana).await, server.candidate(p.dup).await);
    let epoch = chrono::DateTime::UNIX_EPOCH;
    let without_time = |mut a: CandidateAggregate| {
        a.candidate.updated_at = epoch;
        a
    };
    assert_eq!(without_time(ana), without_time(ana_was));
    assert_eq!(without_time(dup), without_time(dup_was));
    let (everything, _) = server.pull_all(&server.admin, String::new()).await;
    let notes: Vec<Note> = live(&everything, RecordKind::Note);
    assert_eq!(notes.iter().map(|n| n.candidate_id).collect::<Vec<_>>(), [p.dup], "the note is the duplicate's again");
    let messages: Vec<Message> = live(&everything, RecordKind::Message);
    let ids: Vec<_> = messages.iter().map(Message::id).collect();
    assert!(ids.contains(&format!("{}:{}", p.send, p.dup)), "the duplicate's own message is theirs again");
    assert!(ids.contains(&format!("{}:{}", p.both_send, p.ana)), "Ana keeps hers of a send to both");
    let history: Vec<HistoryEntry> = live(&everything, RecordKind::History);
    let last_of =
        |id: Uuid| history.iter().filter(|h| h.candidate_id == id).max_by_key(|h| h.id).unwrap().detail.clone();
    assert_eq!(last_of(p.dup), Some(HistoryDetail::MergeUndone { names: vec!["Ana Souza".into()] }));
    assert!(
        history.iter().any(
            |h| h.candidate_id == p.dup && h.detail == Some(HistoryDetail::Tagged { tags: vec!["fintech".into()] })
        )
    );

    // Merged again; the recruiter tags Ana; the same undo is refused and changes nothing.
    server.push(&admin, &numbered(3, [merge(&p)])).await;
    let tag = Mutation::TagsRemove { selection: Selection::ids([p.ana]), tags: vec!["python".into()] };
    let laptop = Session { client_id: Uuid::now_v7(), ..server.recruiter.clone() };
    server.push(&laptop, &numbered(1, [tag])).await;
    let pushed = server.push(&admin, &numbered(4, [undo])).await;
    assert!(
        matches!(&pushed.results[0].outcome, PushOutcome::Rejected { reason: DomainError::ChangedSince { .. } }),
        "{pushed:?}"
    );
    assert_eq!(server.candidate(p.ana).await.tags.into_iter().collect::<Vec<_>>(), ["fintech"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unmerge_outside_the_undo_of_its_merge_is_refused() {
    let server = TestServer::start().await;
    let p = ana_twice(&server).await;
    let Mutation::Undo { mutations, .. } = undo_of_merge(&server, &p).await else { panic!("an undo") };
    let admin = Session { client_id: Uuid::now_v7(), ..server.admin.clone() };
    let bare = mutations[0].clone();
    let unexpected = Mutation::Undo { expect: vec![], mutations: vec![bare.clone()] };
    let pushed = server.push(&admin, &numbered(1, [merge(&p), bare, unexpected])).await;
    for result in &pushed.results[1..] {
        assert!(matches!(&result.outcome, PushOutcome::Rejected { reason: DomainError::Invalid { .. } }), "{result:?}");
    }
    assert!(server.records::<CandidateAggregate>(RecordKind::Candidate).await.iter().all(|c| c.id() != p.dup));
}
