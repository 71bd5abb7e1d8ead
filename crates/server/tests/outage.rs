//! The database going away and coming back: requests get 503 with a JSON error meanwhile,
//! nothing is lost or applied twice, and the server recovers by itself.

mod support;

use reqwest::StatusCode;
use sqlx::Connection;
use support::{TestServer, create_candidate, numbered};
use uuid::Uuid;

async fn set_reachable(database_url: &str, reachable: bool) {
    let (cluster, name) = database_url.rsplit_once('/').unwrap();
    let mut admin = sqlx::PgConnection::connect(&format!("{cluster}/postgres")).await.unwrap();
    let allow = if reachable { "true" } else { "false" };
    sqlx::query(sqlx::AssertSqlSafe(format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS {allow}")))
        .execute(&mut admin)
        .await
        .unwrap();
    if !reachable {
        sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1")
            .bind(name)
            .execute(&mut admin)
            .await
            .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_outage_answers_503_and_recovers_without_losing_or_doubling() {
    let server = TestServer::start().await;
    let rita = &server.recruiter;
    server.push(rita, &numbered(1, [create_candidate(Uuid::now_v7(), "Ana", "Souza", None)])).await;

    set_reachable(&server.database_url, false).await;
    let second = numbered(2, [create_candidate(Uuid::now_v7(), "Li", "Wei", None)]);
    let (status, body) = server.push_raw(rita, &second).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["error"]["code"], "unavailable");
    // Not ready (a load balancer sends requests elsewhere), yet alive (no restart needed).
    let ready = server.http.get(format!("{}/ready", server.url)).send().await.unwrap();
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    let ready: serde_json::Value = ready.json().await.unwrap();
    assert_eq!((&ready["database"], &ready["blob_store"]), (&"unavailable".into(), &"ok".into()), "{ready}");
    let health = server.http.get(format!("{}/health", server.url)).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);

    set_reachable(&server.database_url, true).await;
    // The desktop retries the same push: it is applied once.
    let retried = server.push(rita, &second).await;
    assert_eq!(retried.last_seq, 2);
    let again = server.push(rita, &second).await;
    assert_eq!(again, retried);
    let (changes, _) = server.pull_all(rita, String::new()).await;
    let wei = changes.iter().filter(|c| c.data.as_ref().is_some_and(|d| d.get().contains("\"Wei\""))).count();
    assert_eq!(wei, 1);
}
