//! The database going away and coming back: requests get 503 with a JSON error meanwhile,
//! nothing is lost or applied twice, and the server recovers by itself.

mod support;

use reqwest::StatusCode;
use sqlx::Connection;
use std::time::Duration;

use support::silent_network::SilentNetwork;
use support::{TestServer, create_candidate, next_live_version, numbered};
use talentdesk_server::config::Config;
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

#[tokio::test(flavor = "multi_thread")]
async fn a_listener_the_network_silenced_is_replaced_and_teammates_changes_still_arrive() {
    // The server reaches PostgreSQL through a network that can drop a connection silently; its
    // live streams do not check by themselves within the test, so only a notification, or the
    // listener noticing it hears none, can tell a stream of a teammate's change.
    let mut network = None;
    let server = TestServer::start_with(|config| {
        let through = SilentNetwork::in_front_of(&config.database_url);
        let config = Config {
            database_url: through.database_url.clone(),
            listener_heartbeat_ms: 400,
            live_recheck_ms: 600_000,
            ..config
        };
        network = Some(through);
        config
    })
    .await;
    let network = network.unwrap();
    let mut live = server.open_live(&server.recruiter).await;
    let mut seen = String::new();
    let version = next_live_version(&mut live, &mut seen).await;
    let rita = &server.recruiter;
    let omar = &server.other_recruiter;
    server.push(omar, &numbered(1, [create_candidate(Uuid::now_v7(), "Ana", "Souza", None)])).await;
    let heard = tokio::time::timeout(Duration::from_secs(5), next_live_version(&mut live, &mut seen)).await;
    assert_eq!(heard.expect("a teammate's change arrives while the network is fine"), version + 1);

    // The network drops the listening connection without telling either end.
    let silenced = network.silence_listeners();
    assert!(silenced >= 1, "the server listens");
    server.push(omar, &numbered(2, [create_candidate(Uuid::now_v7(), "Li", "Wei", None)])).await;
    let heard = tokio::time::timeout(Duration::from_secs(5), next_live_version(&mut live, &mut seen)).await;
    assert_eq!(
        heard.expect("the change made while the listener was silenced arrives once it is replaced"),
        version + 2
    );
    // Found silent, the listener is replaced by one on a new connection, which hears at once.
    let replaced = tokio::time::timeout(Duration::from_secs(5), async {
        while network.listening() <= silenced {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    assert!(replaced.is_ok(), "the silenced listener was not replaced");
    // The silenced listener, dropped, holds no connection the requests need: all of the pool's
    // connections can be had at once.
    let pool = &server.server.pool;
    let all = (0..pool.options().get_max_connections()).map(|_| pool.acquire()).collect::<Vec<_>>();
    let held = tokio::time::timeout(Duration::from_secs(3), futures_util::future::join_all(all)).await;
    assert!(held.is_ok_and(|r| r.iter().all(Result::is_ok)), "a connection of the pool is held");
    server.push(omar, &numbered(3, [create_candidate(Uuid::now_v7(), "Kofi", "Mensah", None)])).await;
    // (A listener that connects again has the streams read the version again: the same one
    // may come twice.)
    let newer = async {
        loop {
            let heard = next_live_version(&mut live, &mut seen).await;
            if heard > version + 2 {
                return heard;
            }
        }
    };
    let listening = network.listening();
    // Well within the silence that would replace a listener again (1.2 s): it hears at once.
    let heard = tokio::time::timeout(Duration::from_millis(800), newer).await;
    assert_eq!(heard.expect("the next change arrives through the new listener"), version + 3);
    assert_eq!(network.listening(), listening, "no other listener was needed");
    let (changes, _) = server.pull_all(rita, String::new()).await;
    assert_eq!(changes.iter().filter(|c| c.data.as_ref().is_some_and(|d| d.get().contains("Mensah"))).count(), 1);
}
