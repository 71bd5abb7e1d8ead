//! Two server processes on one database: both start (migrating once), a change pushed to one
//! reaches a live stream held by the other within moments, and SIGTERM stops a server cleanly.

mod support;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::{PASSWORD, create_candidate, numbered};
use talentdesk_domain::user::Role;
use talentdesk_server::admin::{self, NewUser};
use talentdesk_sync::client::Client;
use uuid::Uuid;

/// A `talentdesk-server serve` process, killed if the test ends early.
struct Process {
    child: Child,
    url: String,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn spawn(database_url: &str) -> Process {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_talentdesk-server"))
        .arg("serve")
        .env("TALENTDESK_DATABASE_URL", database_url)
        .env("TALENTDESK_LISTEN", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start talentdesk-server");
    Process { child, url: format!("http://127.0.0.1:{port}") }
}

async fn wait_healthy(http: &reqwest::Client, process: &Process) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(r) = http.get(format!("{}/health", process.url)).send().await
            && r.status().is_success()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{} did not become healthy", process.url);
}

/// Reads the live stream until it reports at least `version`.
async fn wait_for_version(stream: &mut reqwest::Response, version: i64) {
    let mut text = String::new();
    while let Some(chunk) = stream.chunk().await.unwrap() {
        text.push_str(&String::from_utf8_lossy(&chunk));
        let reached = text
            .lines()
            .filter_map(|l| l.strip_prefix("data: "))
            .filter_map(|d| serde_json::from_str::<serde_json::Value>(d).ok())
            .filter_map(|v| v["version"].as_i64())
            .any(|v| v >= version);
        if reached {
            return;
        }
    }
    panic!("the stream ended before version {version}: {text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_processes_share_one_database_and_its_live_versions() {
    let database_url = talentdesk_server::testing::postgres::new_database().await;
    // Both start on an empty database at once: one migrates, the other waits for it.
    let (a, b) = (spawn(&database_url), spawn(&database_url));
    let http = reqwest::Client::new();
    wait_healthy(&http, &a).await;
    wait_healthy(&http, &b).await;

    let pool = talentdesk_server::app::connect(&support::config(&database_url)).await.unwrap();
    admin::create_org(&pool, "Acme").await.unwrap();
    for (email, role) in [("rita@acme.test", Role::Recruiter), ("omar@acme.test", Role::Recruiter)] {
        let new = NewUser { org: "Acme", email, name: email, role, ats_id: None, password: PASSWORD };
        admin::create_user(&pool, new).await.unwrap();
    }
    let (rita, _) = Client::login(&a.url, "rita@acme.test", PASSWORD).await.unwrap();
    let (omar, omar_login) = Client::login(&b.url, "omar@acme.test", PASSWORD).await.unwrap();

    // Held open by hand (not through the client) to see it end when the server stops.
    let mut stream = http.get(format!("{}/v1/sync/live", b.url)).bearer_auth(&omar_login.token).send().await.unwrap();
    assert_eq!(stream.headers()["content-type"], "text/event-stream");

    let id = Uuid::now_v7();
    let pushed = rita.push(Uuid::now_v7(), numbered(1, [create_candidate(id, "Ana", "Souza", None)])).await.unwrap();
    let talentdesk_sync::wire::PushOutcome::Applied { version, .. } = pushed.results[0].outcome else {
        panic!("{pushed:?}")
    };
    let started = Instant::now();
    tokio::time::timeout(Duration::from_secs(5), wait_for_version(&mut stream, version))
        .await
        .expect("the other process announces the version within 5 s");
    assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());

    let pulled = omar.pull(Uuid::now_v7(), "").await.unwrap();
    assert!(pulled.changes.iter().any(|c| c.id == id.to_string()));

    // SIGTERM: each server finishes, ending the live stream it holds, and exits cleanly.
    for mut process in [a, b] {
        Command::new("kill").args(["-TERM", &process.child.id().to_string()]).status().unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = process.child.try_wait().unwrap() {
                assert!(status.success(), "{status}");
                break;
            }
            assert!(Instant::now() < deadline, "the server did not stop on SIGTERM");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    assert!(stream.chunk().await.map(|c| c.is_none()).unwrap_or(true), "the stream ended");
}
