//! The live stream: revocation and expiry end it; a user holds only a few at once.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use talentdesk_server::admin;
use talentdesk_server::config::Config;
use uuid::Uuid;

use crate::support::{Session, TestServer, create_candidate, numbered};

async fn open(server: &TestServer, session: &Session) -> reqwest::Response {
    server.http.get(format!("{}/v1/sync/live", server.url)).bearer_auth(&session.token).send().await.unwrap()
}

/// What the stream says until it ends, or `None` when it is still open after `within`.
async fn read_to_end(stream: &mut reqwest::Response, within: Duration) -> Option<String> {
    let mut text = String::new();
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.checked_duration_since(Instant::now())?;
        match tokio::time::timeout(left, stream.chunk()).await {
            Err(_) => return None,
            Ok(Ok(Some(chunk))) => text.push_str(&String::from_utf8_lossy(&chunk)),
            // Ended, cleanly or not: either way the client hears nothing more.
            Ok(Ok(None) | Err(_)) => return Some(text),
        }
    }
}

/// Reads the stream's first event (the org's version when it opened).
async fn first_event(stream: &mut reqwest::Response) -> String {
    let chunk = tokio::time::timeout(Duration::from_secs(5), stream.chunk()).await.unwrap().unwrap().unwrap();
    String::from_utf8_lossy(&chunk).into_owned()
}

async fn push_a_change(server: &TestServer, session: &Session, seq: i64) -> i64 {
    let pushed = server.push(session, &numbered(seq, [create_candidate(Uuid::now_v7(), "Li", "Wei", None)])).await;
    match &pushed.results[0].outcome {
        talentdesk_sync::wire::PushOutcome::Applied { version, .. } => *version,
        other => panic!("not applied: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_sign_in_hears_no_further_version() {
    // The timer is left at its default (30 s): the check before the event must catch it.
    let server = TestServer::start().await;
    let mut rita = open(&server, &server.recruiter).await;
    assert_eq!(rita.status(), StatusCode::OK);
    assert!(first_event(&mut rita).await.contains("\"version\""));

    admin::revoke_tokens(&server.server.pool, "rita@acme.test").await.unwrap();
    let version = push_a_change(&server, &server.other_recruiter, 1).await;
    let heard = read_to_end(&mut rita, Duration::from_secs(5)).await.expect("the revoked stream never ended");
    assert!(!heard.contains(&format!("{{\"version\":{version}}}")), "a revoked sign-in heard {heard}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quiet_stream_ends_within_the_recheck_period_once_revoked_or_expired() {
    let server = TestServer::start_with(|c| Config { live_recheck_ms: 300, ..c }).await;
    let mut rita = open(&server, &server.recruiter).await;
    let mut omar = open(&server, &server.other_recruiter).await;
    first_event(&mut rita).await;
    first_event(&mut omar).await;
    // Nobody changes anything, so no event wakes the streams: only the timer can end them.
    assert!(read_to_end(&mut rita, Duration::from_secs(1)).await.is_none(), "a live sign-in keeps its stream");

    admin::revoke_tokens(&server.server.pool, "rita@acme.test").await.unwrap();
    sqlx::query("UPDATE tokens SET expires_at = now() WHERE user_id = $1")
        .bind(server.other_recruiter.user.id)
        .execute(&server.server.pool)
        .await
        .unwrap();
    let started = Instant::now();
    assert!(read_to_end(&mut rita, Duration::from_secs(3)).await.is_some(), "the revoked stream is still open");
    assert!(read_to_end(&mut omar, Duration::from_secs(3)).await.is_some(), "the expired stream is still open");
    assert!(started.elapsed() < Duration::from_secs(2), "ended after {:?}", started.elapsed());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_user_holds_four_live_streams_and_a_closed_one_frees_its_place() {
    let server = TestServer::start().await;
    let mut held = Vec::new();
    for _ in 0..4 {
        let mut stream = open(&server, &server.recruiter).await;
        assert_eq!(stream.status(), StatusCode::OK);
        first_event(&mut stream).await;
        held.push(stream);
    }
    let started = Instant::now();
    for _ in 0..20 {
        let refused = open(&server, &server.recruiter).await;
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        let body: serde_json::Value = refused.json().await.unwrap();
        assert_eq!(body["error"]["code"], "too_many_streams", "{body}");
        assert!(body["error"]["message"].as_str().unwrap().contains("at most 4 live update streams"), "{body}");
    }
    assert!(started.elapsed() < Duration::from_secs(2), "refusals took {:?}", started.elapsed());
    // Teammates are counted apart.
    let mut omar = open(&server, &server.other_recruiter).await;
    assert_eq!(omar.status(), StatusCode::OK);
    first_event(&mut omar).await;

    // Rita closes one, as the desktop does after each version it hears, and opens another:
    // the server sees the connection close and counts the stream no longer. Again and again.
    for round in 0..10 {
        held.pop();
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut again = loop {
            let again = open(&server, &server.recruiter).await;
            if again.status() == StatusCode::OK {
                break again;
            }
            assert_eq!(again.status(), StatusCode::TOO_MANY_REQUESTS);
            assert!(Instant::now() < deadline, "round {round}: the closed stream still counts");
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        first_event(&mut again).await;
        held.push(again);
    }
}
