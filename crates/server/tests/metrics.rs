//! `/metrics` counts what the server did as Prometheus reads it: requests per route template,
//! pushed mutations applied and rejected (a replay not again), pull pages, live streams while
//! open, the email queue and the pool; and it is not served to a request a proxy passed on.
//! (Emails sent, bounced and retried are counted in the email test, which has a relay.)
//! The registry is the process's: the counts asserted exactly are of series only the first test
//! touches (nextest runs each test in a process of its own anyway).

mod support;

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use support::{TestServer, create_candidate, numbered};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use uuid::Uuid;

async fn metrics(server: &TestServer) -> String {
    let response = server.http.get(format!("{}/metrics", server.url)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/plain"));
    response.text().await.unwrap()
}

/// The value of the series named exactly so (name and labels), 0 when absent.
fn value(page: &str, series: &str) -> f64 {
    page.lines()
        .find_map(|line| line.strip_prefix(series).and_then(|rest| rest.strip_prefix(' ')))
        .map_or(0.0, |v| v.parse().unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_metrics_count_requests_pushes_pulls_and_live_streams() {
    let server = TestServer::start().await;
    let rita = &server.recruiter;
    let id = Uuid::now_v7();
    let batch = numbered(
        1,
        [
            create_candidate(id, "Ana", "Souza", Some("ana@example.com")),
            // Recruiters may not delete candidates: rejected.
            Mutation::CandidateDelete { selection: Selection::ids([id]) },
            // Queued: this server has no SMTP relay.
            Mutation::EmailSend {
                send_id: Uuid::now_v7(),
                selection: Selection::ids([id]),
                subject: "A role for you".into(),
                body: "Hi Ana".into(),
            },
        ],
    );
    server.push(rita, &batch).await;
    // A retry of the same batch is acknowledged, not taken again.
    server.push(rita, &batch).await;
    server.pull(rita, "").await;
    let live = server.http.get(format!("{}/v1/sync/live", server.url)).bearer_auth(&rita.token).send().await.unwrap();
    assert_eq!(live.status(), StatusCode::OK);

    let page = metrics(&server).await;
    assert_eq!(value(&page, r#"talentdesk_push_mutations_total{outcome="applied"}"#), 2.0, "{page}");
    assert_eq!(value(&page, r#"talentdesk_push_mutations_total{outcome="rejected"}"#), 1.0, "{page}");
    assert_eq!(value(&page, "talentdesk_pull_pages_total"), 1.0, "{page}");
    assert_eq!(value(&page, "talentdesk_live_streams_open"), 1.0, "{page}");
    let pushes = r#"talentdesk_http_requests_total{method="POST",route="/v1/sync/push",status="200"}"#;
    assert_eq!(value(&page, pushes), 2.0, "{page}");
    // Per route template, not per path: every blob's requests share one series.
    for sha in ["a", "b"] {
        let url = format!("{}/v1/blobs/{}", server.url, sha.repeat(64));
        server.http.get(url).bearer_auth(&rita.token).send().await.unwrap();
    }
    server.http.get(format!("{}/no/such/{}", server.url, Uuid::now_v7())).send().await.unwrap();
    let page = metrics(&server).await;
    let blobs = r#"talentdesk_http_requests_total{method="GET",route="/v1/blobs/{sha256}",status="404"}"#;
    assert_eq!(value(&page, blobs), 2.0, "{page}");
    assert_eq!(value(&page, r#"talentdesk_http_requests_total{method="GET",route="unmatched",status="404"}"#), 1.0);
    assert!(!page.contains("/no/such/"), "a raw path is never a label");
    let timed = r#"talentdesk_http_request_duration_seconds_count{method="POST",route="/v1/sync/push"}"#;
    assert_eq!(value(&page, timed), 2.0, "{page}");
    assert_eq!(value(&page, "talentdesk_email_queue_length"), 1.0, "{page}");
    assert!(value(&page, "talentdesk_db_connections_max") >= 1.0, "{page}");
    assert!(page.contains(r#"talentdesk_db_connections{state="in_use"}"#), "{page}");

    // The stream closed by its client is no longer counted.
    drop(live);
    let deadline = Instant::now() + Duration::from_secs(10);
    while value(&metrics(&server).await, "talentdesk_live_streams_open") != 0.0 {
        assert!(Instant::now() < deadline, "the closed live stream is still counted");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // A request a proxy on this machine passed on is a stranger's.
    let proxied = server
        .http
        .get(format!("{}/metrics", server.url))
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .unwrap();
    assert_eq!(proxied.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread")]
async fn with_a_token_the_metrics_need_it() {
    let token = "a-metrics-token-of-some-length";
    let server =
        TestServer::start_with(|c| talentdesk_server::config::Config { metrics_token: Some(token.into()), ..c }).await;
    let url = format!("{}/metrics", server.url);
    let refused = server.http.get(&url).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("metrics token"), "{body}");
    let wrong = server.http.get(&url).bearer_auth("a-metrics-token-of-some-lengtH").send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let read = server.http.get(&url).bearer_auth(token).send().await.unwrap();
    assert_eq!(read.status(), StatusCode::OK);
    assert!(read.text().await.unwrap().contains("talentdesk_http_requests_total"));
}
