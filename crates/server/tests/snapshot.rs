//! Snapshot: a compressed stream of everything a user may see at one version, resumable,
//! followed by a pull from that version.

mod support;

use std::io::Read;

use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::mutation::Mutation;
use talentdesk_sync::wire::{RecordKind, SnapshotHeader, SnapshotRecord};
use uuid::Uuid;

async fn snapshot(server: &TestServer, session: &Session, after: &str) -> (SnapshotHeader, Vec<SnapshotRecord>) {
    let response = server
        .http
        .get(format!("{}/v1/sync/snapshot", server.url))
        .query(&[("after", after)])
        .bearer_auth(&session.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    let compressed = response.bytes().await.unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&compressed[..]).read_to_string(&mut text).unwrap();
    let mut lines = text.lines();
    let header = serde_json::from_str(lines.next().unwrap()).unwrap();
    (header, lines.map(|l| serde_json::from_str(l).unwrap()).collect())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_snapshot_holds_what_the_user_may_see_and_resumes() {
    let server = TestServer::start().await;
    let (rita, omar) = (&server.recruiter, &server.other_recruiter);
    let ids: Vec<Uuid> = (0..1_200).map(|_| Uuid::now_v7()).collect();
    let mut mutations: Vec<Mutation> =
        ids.iter().enumerate().map(|(i, id)| create_candidate(*id, "Snap", &format!("S{i}"), None)).collect();
    let private_note = Uuid::now_v7();
    mutations.push(Mutation::NoteAdd {
        note_id: private_note,
        candidate_id: ids[0],
        body: "private".into(),
        private: true,
    });
    // With each candidate's history entry that is more records than one page of the stream.
    for chunk in numbered(1, mutations).chunks(400) {
        server.push(rita, chunk).await;
    }

    let (header, records) = snapshot(&server, omar, "").await;
    let candidates = records.iter().filter(|r| r.kind == RecordKind::Candidate).count();
    assert_eq!(candidates, ids.len());
    assert!(!records.iter().any(|r| r.id == private_note.to_string()), "Rita's private note is not Omar's");
    assert!(records.windows(2).all(|w| (w[0].kind, &w[0].id) < (w[1].kind, &w[1].id)), "in key order");
    assert!(header.total >= records.len() as u64);

    // The download broke after 1,000 records: resume after the last one that arrived.
    let last = &records[999];
    let resume = format!("{}/{}", last.kind.code(), last.id);
    let (_, rest) = snapshot(&server, omar, &resume).await;
    assert_eq!(rest.len(), records.len() - 1_000);
    assert_eq!(rest[0].id, records[1_000].id);
    assert!(records.len() > 2_000);

    // What happens after the snapshot arrives by pulling from its version.
    let late = Uuid::now_v7();
    server.push(rita, &numbered(1_202, [create_candidate(late, "Late", "Comer", None)])).await;
    let (changes, _) = server.pull_all(omar, header.version.to_string()).await;
    let candidates: Vec<String> =
        changes.iter().filter(|c| c.kind == RecordKind::Candidate).map(|c| c.id.clone()).collect();
    assert_eq!(candidates, [late.to_string()]);

    let bad = server
        .http
        .get(format!("{}/v1/sync/snapshot?after=nonsense", server.url))
        .bearer_auth(&omar.token)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), reqwest::StatusCode::BAD_REQUEST);
}
