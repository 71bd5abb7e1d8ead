//! Pull: pages in version order that never skip a change, even while writes commit, and
//! records filtered to what the user may see.

mod support;

use std::collections::{BTreeMap, HashSet};

use support::{TestServer, create_candidate, numbered};
use talentdesk_domain::aggregate::CandidateAggregate;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_sync::wire::{Change, RecordKind};
use uuid::Uuid;

/// The latest state of each record after applying the changes in order (None: deleted or hidden).
fn replay(changes: &[Change]) -> BTreeMap<(RecordKind, String), Option<String>> {
    let mut state = BTreeMap::new();
    for c in changes {
        state.insert((c.kind, c.id.clone()), c.data.as_ref().map(|d| d.get().to_owned()));
    }
    state
}

fn data<'a>(state: &'a BTreeMap<(RecordKind, String), Option<String>>, kind: RecordKind, id: &str) -> Option<&'a str> {
    state.get(&(kind, id.to_owned())).and_then(|d| d.as_deref())
}

async fn state_of(server: &TestServer, session: &support::Session) -> BTreeMap<(RecordKind, String), Option<String>> {
    replay(&server.pull_all(session, String::new()).await.0)
}

#[tokio::test(flavor = "multi_thread")]
async fn private_records_reach_only_their_people() {
    let server = TestServer::start().await;
    let (admin, rita, omar) = (&server.admin, &server.recruiter, &server.other_recruiter);
    let id = Uuid::now_v7();
    let (private_note, public_note, send, pipeline) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    server
        .push(
            rita,
            &numbered(
                1,
                [
                    create_candidate(id, "Ana", "Souza", Some("ana@example.com")),
                    Mutation::NoteAdd {
                        note_id: private_note,
                        candidate_id: id,
                        body: "salary 90k".into(),
                        private: true,
                    },
                    Mutation::NoteAdd {
                        note_id: public_note,
                        candidate_id: id,
                        body: "met at fair".into(),
                        private: false,
                    },
                    Mutation::EmailSend {
                        send_id: send,
                        selection: Selection::ids([id]),
                        subject: "Hello".into(),
                        body: "Hi Ana".into(),
                    },
                ],
            ),
        )
        .await;
    server
        .push(
            admin,
            &numbered(
                1,
                [
                    Mutation::PipelineCreate {
                        pipeline_id: pipeline,
                        name: "Exec search".into(),
                        statuses: vec!["New".into()],
                        private: true,
                    },
                    Mutation::PipelineAdd { selection: Selection::ids([id]), pipeline_id: pipeline, status: None },
                ],
            ),
        )
        .await;
    let message = format!("{send}:{id}");
    let seen = |state: &BTreeMap<_, _>| {
        let aggregate: CandidateAggregate =
            serde_json::from_str(data(state, RecordKind::Candidate, &id.to_string()).unwrap()).unwrap();
        (
            data(state, RecordKind::Note, &private_note.to_string()).is_some(),
            data(state, RecordKind::Note, &public_note.to_string()).is_some(),
            data(state, RecordKind::Message, &message).is_some(),
            data(state, RecordKind::Pipeline, &pipeline.to_string()).is_some(),
            aggregate.pipelines.len(),
        )
    };
    assert_eq!(
        seen(&state_of(&server, rita).await),
        (true, true, true, false, 0),
        "the author, not the pipeline's owner"
    );
    assert_eq!(seen(&state_of(&server, omar).await), (false, true, false, false, 0), "another recruiter");
    assert_eq!(seen(&state_of(&server, admin).await), (true, true, true, true, 1), "an admin");
    // Records another recruiter never could see do not reach them at all, not even as ids
    // (a note turned private reaches them as a removal: the security suite checks that).
    let omar_state = state_of(&server, omar).await;
    assert!(!omar_state.contains_key(&(RecordKind::Note, private_note.to_string())));
    assert!(!omar_state.contains_key(&(RecordKind::Message, message.clone())));
}

#[tokio::test(flavor = "multi_thread")]
async fn small_pages_split_a_large_change_and_lose_nothing() {
    let server = TestServer::start().await;
    let admin = &server.admin;
    let ids: Vec<Uuid> = (0..30).map(|_| Uuid::now_v7()).collect();
    let mut mutations = vec![Mutation::TagDefine { name: "Nurse".into() }];
    mutations.extend(ids.iter().enumerate().map(|(i, id)| create_candidate(*id, "Cand", &format!("N{i}"), None)));
    mutations.push(Mutation::TagsAdd { selection: Selection::ids(ids.clone()), tags: vec!["Nurse".into()] });
    server.push(admin, &numbered(1, mutations)).await;

    let mut cursor = String::new();
    let mut changes = Vec::new();
    let mut pages = 0;
    loop {
        let page = server.pull_page(admin, &cursor, 7).await;
        assert!(page.changes.len() <= 7);
        changes.extend(page.changes);
        cursor = page.cursor;
        pages += 1;
        if !page.more {
            break;
        }
    }
    assert!(pages >= 10, "{pages} pages");
    let state = replay(&changes);
    for id in &ids {
        let c: CandidateAggregate =
            serde_json::from_str(data(&state, RecordKind::Candidate, &id.to_string()).unwrap()).unwrap();
        assert!(c.tags.contains("Nurse"), "every candidate arrives tagged");
    }
    // Up to date: the next pull is empty and keeps the cursor.
    let after = server.pull(admin, &cursor).await;
    assert!(after.changes.is_empty() && !after.more);
    assert_eq!(after.cursor, cursor);
    let bad = server
        .http
        .get(format!("{}/v1/sync/pull?cursor=zz", server.url))
        .bearer_auth(&admin.token)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), reqwest::StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_pulling_while_clients_push_sees_every_change_once_in_order() {
    let server = std::sync::Arc::new(TestServer::start().await);
    let sessions = [server.admin.clone(), server.recruiter.clone(), server.other_recruiter.clone()];
    let per_client = 30;
    let mut writers = Vec::new();
    let mut created = HashSet::new();
    for session in sessions.clone() {
        let ids: Vec<Uuid> = (0..per_client).map(|_| Uuid::now_v7()).collect();
        created.extend(ids.iter().map(Uuid::to_string));
        let server = server.clone();
        writers.push(tokio::spawn(async move {
            for (i, id) in ids.iter().enumerate() {
                let m = create_candidate(*id, "Load", &format!("T{i}"), None);
                server.push(&session, &numbered(i as i64 + 1, [m])).await;
            }
        }));
    }
    let reader = {
        let server = server.clone();
        let session = sessions[0].clone();
        tokio::spawn(async move {
            let mut cursor = String::new();
            let mut seen = Vec::new();
            let mut last_version = 0;
            loop {
                let page = server.pull_page(&session, &cursor, 5).await;
                for c in &page.changes {
                    assert!(c.version >= last_version, "versions arrive in order");
                    last_version = c.version;
                    if c.kind == RecordKind::Candidate {
                        seen.push(c.id.clone());
                    }
                }
                cursor = page.cursor;
                if seen.len() >= 3 * per_client {
                    return seen;
                }
                if !page.more {
                    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                }
            }
        })
    };
    for w in writers {
        w.await.unwrap();
    }
    let seen =
        tokio::time::timeout(std::time::Duration::from_secs(60), reader).await.expect("reader finishes").unwrap();
    let unique: HashSet<String> = seen.iter().cloned().collect();
    assert_eq!(unique.len(), seen.len(), "no change delivered twice");
    assert_eq!(unique, created, "no change skipped");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_candidate_leaves_tombstones_and_no_personal_data() {
    let server = TestServer::start().await;
    let admin = &server.admin;
    let id = Uuid::now_v7();
    let email = "unique-erasure-7731@example.com";
    server
        .push(
            admin,
            &numbered(
                1,
                [
                    create_candidate(id, "Erin", "Erased", Some(email)),
                    Mutation::NoteAdd {
                        note_id: Uuid::now_v7(),
                        candidate_id: id,
                        body: format!("wrote to {email}"),
                        private: false,
                    },
                    Mutation::CandidateDelete { selection: Selection::ids([id]) },
                ],
            ),
        )
        .await;
    let state = replay(&server.pull_all(admin, String::new()).await.0);
    assert!(data(&state, RecordKind::Candidate, &id.to_string()).is_none());
    assert!(state.values().all(|d| d.as_deref().is_none_or(|d| !d.contains(email))));

    let pool = &server.server.pool;
    for table in ["records", "mutations"] {
        let hits: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) FROM {table} t WHERE t::text LIKE '%' || $1 || '%'"
        )))
        .bind(email)
        .fetch_one(pool)
        .await
        .unwrap();
        assert_eq!(hits, 0, "{table} still holds the email");
    }
    // The id stays taken: a replayed create cannot bring the candidate back.
    let again = server.push(admin, &numbered(4, [create_candidate(id, "Erin", "Erased", Some(email))])).await;
    assert!(matches!(again.results[0].outcome, talentdesk_sync::wire::PushOutcome::Rejected { .. }));
}
