//! Push: mutations applied once with the domain's rules, replays answered from the record,
//! gaps refused, rejections recorded, bad bodies refused with JSON errors.

mod support;

use reqwest::StatusCode;
use support::{TestServer, create_candidate, numbered};
use talentdesk_domain::candidate::FieldValue;
use talentdesk_domain::history::FieldChange;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_sync::wire::{PushOutcome, RecordKind};
use uuid::Uuid;

fn tags_add(ids: &[Uuid], tag: &str) -> Mutation {
    Mutation::TagsAdd { selection: Selection::ids(ids.iter().copied()), tags: vec![tag.into()] }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_replayed_push_is_answered_again_and_applied_once() {
    let server = TestServer::start().await;
    let admin = &server.admin;
    let id = Uuid::now_v7();
    let batch = numbered(
        1,
        [
            Mutation::TagDefine { name: "Veteran".into() },
            create_candidate(id, "Ana", "Souza", Some("ana@example.com")),
            tags_add(&[id], "Veteran"),
        ],
    );
    let first = server.push(admin, &batch).await;
    assert_eq!(first.last_seq, 3);
    assert!(first.results.iter().all(|r| matches!(r.outcome, PushOutcome::Applied { .. })), "{first:?}");

    // The connection dropped before the answer arrived: the client sends it all again.
    let again = server.push(admin, &batch).await;
    assert_eq!(again, first, "a replay gets the first outcomes back");
    let versions: Vec<i64> = first
        .results
        .iter()
        .map(|r| match r.outcome {
            PushOutcome::Applied { version, .. } => version,
            _ => unreachable!(),
        })
        .collect();
    // One push's mutations are taken in one transaction and share its version.
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "versions never go back: {versions:?}");
    let (changes, _) = server.pull_all(admin, String::new()).await;
    assert!(changes.iter().all(|c| c.version <= versions[2]), "the replay wrote nothing new");
    assert_eq!(server.candidate(id).await.tags.into_iter().collect::<Vec<_>>(), ["Veteran"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_gap_is_refused_with_the_number_expected() {
    let server = TestServer::start().await;
    let rita = &server.recruiter;
    server.push(rita, &numbered(1, [create_candidate(Uuid::now_v7(), "Li", "Wei", None)])).await;
    let (status, body) =
        server.push_raw(rita, &numbered(3, [create_candidate(Uuid::now_v7(), "Kai", "Tanaka", None)])).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "sequence_gap");
    assert_eq!(body["error"]["expected_seq"], 2);
    let (changes, _) = server.pull_all(rita, String::new()).await;
    assert!(!changes.iter().any(|c| c.data.as_ref().is_some_and(|d| d.get().contains("Tanaka"))));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_mutation_takes_its_number_and_says_why() {
    let server = TestServer::start().await;
    let rita = &server.recruiter;
    let id = Uuid::now_v7();
    let results = server
        .push(
            rita,
            &numbered(
                1,
                [
                    create_candidate(id, "Ana", "Souza", None),
                    // Recruiters may not delete candidates.
                    Mutation::CandidateDelete { selection: Selection::ids([id]) },
                    // Nobody may tag with a tag that is not on the list.
                    tags_add(&[id], "Unlisted"),
                    Mutation::SetEligible { candidate_id: Uuid::now_v7(), eligible: false },
                ],
            ),
        )
        .await;
    assert_eq!(results.last_seq, 4);
    let reasons: Vec<String> = results
        .results
        .iter()
        .skip(1)
        .map(|r| match &r.outcome {
            PushOutcome::Rejected { reason } => reason.to_string(),
            other => panic!("expected a rejection, got {other:?}"),
        })
        .collect();
    assert_eq!(reasons[0], "only recruiter admins may delete candidates");
    assert!(reasons[1].contains("\"Unlisted\" is not in the tags list"), "{}", reasons[1]);
    assert!(reasons[2].starts_with("candidate ") && reasons[2].ends_with("does not exist"), "{}", reasons[2]);
    // The candidate is still there, untagged.
    let c = server.candidate(id).await;
    assert!(c.tags.is_empty());
    // The next push continues after the rejected ones.
    let next = server.push(rita, &numbered(5, [Mutation::CandidateReview { candidate_id: id }])).await;
    assert_eq!(next.last_seq, 5);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edit_of_a_field_changed_meanwhile_wins_and_reports_the_conflict() {
    let server = TestServer::start().await;
    let (rita, omar) = (&server.recruiter, &server.other_recruiter);
    let id = Uuid::now_v7();
    server.push(rita, &numbered(1, [create_candidate(id, "Ana", "Souza", None)])).await;
    let edit = |from: &str, to: &str| Mutation::CandidateUpdate {
        candidate_id: id,
        changes: vec![FieldChange {
            from: FieldValue::CurrentTitle(from.into()),
            to: FieldValue::CurrentTitle(to.into()),
        }],
    };
    // Both read an empty title; Rita's edit lands first, Omar's second.
    let first = server.push(rita, &numbered(2, [edit("", "Nurse")])).await;
    assert!(matches!(&first.results[0].outcome, PushOutcome::Applied { conflicts, .. } if conflicts.is_empty()));
    let second = server.push(omar, &numbered(1, [edit("", "Head Nurse")])).await;
    let PushOutcome::Applied { conflicts, .. } = &second.results[0].outcome else { panic!("{second:?}") };
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].overwritten, FieldValue::CurrentTitle("Nurse".into()));
    assert_eq!(conflicts[0].written, FieldValue::CurrentTitle("Head Nurse".into()));
    assert_eq!(server.candidate(id).await.candidate.profile.current_title, "Head Nurse");
    // The candidate's history keeps both values, marked as a conflict.
    let (changes, _) = server.pull_all(rita, String::new()).await;
    let entries: Vec<talentdesk_domain::history::HistoryEntry> = changes
        .iter()
        .filter(|c| c.kind == RecordKind::History)
        .map(|c| serde_json::from_str(c.data.as_ref().unwrap().get()).unwrap())
        .collect();
    let last = entries.iter().max_by_key(|e| e.id).unwrap();
    assert_eq!(last.action, talentdesk_domain::history::HistoryAction::ConflictingUpdate);
    assert_eq!(last.actor_email, "omar@acme.test");
    assert_eq!(last.changes[0].from, FieldValue::CurrentTitle("Nurse".into()));
    assert_eq!(last.changes[0].to, FieldValue::CurrentTitle("Head Nurse".into()));
}

#[tokio::test(flavor = "multi_thread")]
async fn another_users_client_id_and_bad_bodies_are_refused() {
    let server = TestServer::start().await;
    let rita = &server.recruiter;
    server.push(rita, &numbered(1, [Mutation::TagDefine { name: "x".into() }])).await;
    // Omar's desktop tries Rita's client id.
    let omar = support::Session { client_id: rita.client_id, ..server.other_recruiter.clone() };
    let (status, body) = server.push_raw(&omar, &numbered(2, [Mutation::TagDefine { name: "y".into() }])).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    let post = |body: String| {
        let request = server
            .http
            .post(format!("{}/v1/sync/push", server.url))
            .bearer_auth(&rita.token)
            .header("content-type", "application/json")
            .body(body);
        support::send_racing_early_refusal(request)
    };
    for (body, status) in [
        ("{\"client_id\": ".to_owned(), StatusCode::BAD_REQUEST),
        // A mutation without a name (one with a name this server does not know is refused on
        // its own: tests/newer_desktop.rs).
        (
            format!(
                "{{\"client_id\":\"{}\",\"mutations\":[{{\"seq\":2,\"args\":{{}},\"created_at\":\"2026-01-01T00:00:00Z\"}}]}}",
                rita.client_id
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            format!("{{\"client_id\":\"{}\",\"mutations\":[],\"pad\":\"{}\"}}", rita.client_id, "x".repeat(2 << 20)),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
    ] {
        let response = post(body).await;
        assert_eq!(response.status(), status);
        let json: serde_json::Value = response.json().await.expect("errors are JSON");
        assert!(json["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{json}");
    }
    // Out of order inside one batch.
    let mut batch = numbered(2, [Mutation::TagDefine { name: "a".into() }, Mutation::TagDefine { name: "b".into() }]);
    batch[1].seq = 5;
    let (status, _) = server.push_raw(rita, &batch).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread")]
async fn sql_and_html_in_text_fields_are_kept_as_text() {
    let server = TestServer::start().await;
    let admin = &server.admin;
    let (id, note) = (Uuid::now_v7(), Uuid::now_v7());
    let sql = "Robert'); DROP TABLE records; --";
    let html = "<img src=x onerror=alert(1)><script>alert('x')</script>";
    let response = server
        .push(
            admin,
            &numbered(
                1,
                [
                    Mutation::TagDefine { name: sql.into() },
                    create_candidate(id, sql, html, None),
                    tags_add(&[id], sql),
                    Mutation::NoteAdd {
                        note_id: note,
                        candidate_id: id,
                        body: format!("{sql} {html}"),
                        private: false,
                    },
                ],
            ),
        )
        .await;
    assert!(response.results.iter().all(|r| matches!(r.outcome, PushOutcome::Applied { .. })), "{response:?}");
    let c = server.candidate(id).await;
    assert_eq!(c.candidate.profile.first_name, sql);
    assert_eq!(c.candidate.profile.last_name, html);
    assert!(c.tags.contains(sql));
    let (changes, _) = server.pull_all(admin, String::new()).await;
    let stored = changes.iter().find(|c| c.id == note.to_string()).unwrap();
    let note: talentdesk_domain::note::Note = serde_json::from_str(stored.data.as_ref().unwrap().get()).unwrap();
    assert_eq!(note.body, format!("{sql} {html}"));
    // Every table is still there and working.
    server.push(admin, &numbered(5, [Mutation::CandidateReview { candidate_id: id }])).await;
}
