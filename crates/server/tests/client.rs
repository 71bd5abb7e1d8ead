//! The desktop's HTTP client (`talentdesk_sync::client`) against the real server: each call,
//! and each failure in the terms the sync engine acts on.

mod support;

use std::time::Duration;

use support::{PASSWORD, TestServer, create_candidate, next_live_version, numbered};
use talentdesk_sync::client::{Client, ClientError};
use talentdesk_sync::wire::{PushOutcome, RecordKind};
use uuid::Uuid;

#[tokio::test(flavor = "multi_thread")]
async fn the_client_signs_in_pushes_pulls_snapshots_and_hears_versions() {
    let server = TestServer::start().await;
    let (client, login) = Client::login(&server.url, "rita@acme.test", PASSWORD).await.unwrap();
    assert_eq!(login.user.email, "rita@acme.test");
    let me = Uuid::now_v7();

    let ids: Vec<Uuid> = (0..3).map(|_| Uuid::now_v7()).collect();
    let pushed =
        client.push(me, numbered(1, ids.iter().map(|id| create_candidate(*id, "Ana", "Souza", None)))).await.unwrap();
    assert_eq!(pushed.last_seq, 3);
    assert!(pushed.results.iter().all(|r| matches!(r.outcome, PushOutcome::Applied { .. })));

    let pulled = client.pull(me, "").await.unwrap();
    assert_eq!(pulled.last_seq, 3);
    assert_eq!(pulled.changes.iter().filter(|c| c.kind == RecordKind::Candidate).count(), 3);

    let mut snapshot = client.snapshot("").await.unwrap();
    let (version, records) = tokio::task::spawn_blocking(move || {
        let version = snapshot.header().unwrap().version;
        (version, snapshot.collect::<Result<Vec<_>, _>>().unwrap())
    })
    .await
    .unwrap();
    assert_eq!(records.iter().filter(|r| r.kind == RecordKind::Candidate).count(), 3);

    // A teammate's change announces a newer version on the live stream, through LISTEN/NOTIFY:
    // a stream that has already sent the version it opened at hears the next one within 5 s
    // (the engine would otherwise wait for its 30 s poll). Watching the raw stream is what
    // proves it: a client whose request reached the server after the change would be told the
    // newer version on opening, NOTIFY or not.
    let mut raw = server.open_live(&server.recruiter).await;
    let mut seen = String::new();
    assert_eq!(next_live_version(&mut raw, &mut seen).await, version, "a stream opens with the current version");
    let omar = Client::with_token(&server.url, &server.other_recruiter.token).unwrap();
    let listening = tokio::spawn({
        let client = client.clone();
        async move { client.next_version(version).await }
    });
    omar.push(Uuid::now_v7(), numbered(1, [create_candidate(Uuid::now_v7(), "Li", "Wei", None)])).await.unwrap();
    let announced = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            let announced = next_live_version(&mut raw, &mut seen).await;
            if announced > version {
                return announced;
            }
        }
    })
    .await
    .expect("the change was not announced on the open stream (is NOTIFY reaching the server?)");
    assert_eq!(announced, version + 1);
    // The client's own wait hears it too.
    let newer = tokio::time::timeout(Duration::from_secs(5), listening).await.unwrap().unwrap().unwrap();
    assert_eq!(newer, version + 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn failures_arrive_as_what_the_engine_should_do() {
    let server = TestServer::start().await;
    let wrong = Client::login(&server.url, "rita@acme.test", "not the password").await.err().unwrap();
    assert!(matches!(wrong, ClientError::SignedOut(_)), "{wrong}");

    let client = Client::with_token(&server.url, &server.recruiter.token).unwrap();
    let me = Uuid::now_v7();
    let gap = client.push(me, numbered(4, [create_candidate(Uuid::now_v7(), "A", "B", None)])).await.err().unwrap();
    assert!(matches!(gap, ClientError::SequenceGap { expected: 1 }), "{gap}");

    let bad = client.pull(me, "not-a-cursor").await.err().unwrap();
    assert!(matches!(bad, ClientError::Refused { status: 400, .. }) && !bad.is_temporary(), "{bad}");

    let stale = Client::with_token(&server.url, "0123").unwrap();
    assert!(matches!(stale.pull(me, "").await.err().unwrap(), ClientError::SignedOut(_)));

    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let offline = Client::with_token(&format!("http://127.0.0.1:{port}"), "x").unwrap();
    let unreachable = offline.pull(me, "").await.err().unwrap();
    assert!(matches!(unreachable, ClientError::Unreachable(_)) && unreachable.is_temporary(), "{unreachable}");
}
