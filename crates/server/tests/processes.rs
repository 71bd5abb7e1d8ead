//! Two server processes on one database: both start (migrating once), a change pushed to one
//! reaches a live stream held by the other within moments, and SIGTERM stops a server cleanly;
//! behind nginx, their delivery workers share one queue and send each email and webhook event
//! once, and a first sync cut off by its process dying resumes on the other.

mod support;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use std::sync::{Arc, Mutex};

use support::smtp::{received, smtp_sink};
use support::{PASSWORD, create_candidate, numbered};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::Role;
use talentdesk_server::admin::{self, NewUser};
use talentdesk_server::testing::balanced::{self, Balanced};
use talentdesk_sync::client::Client;
use talentdesk_sync::webhooks::{WebhookEvent, WebhookSettings};
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

/// A webhook receiver on loopback that keeps every body it is sent; its URL.
async fn receiver() -> (Arc<Mutex<Vec<String>>>, String) {
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let kept = bodies.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |body: String| async move {
            kept.lock().unwrap().push(body);
            axum::http::StatusCode::NO_CONTENT
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (bodies, url)
}

#[tokio::test(flavor = "multi_thread")]
async fn two_processes_behind_nginx_send_each_email_and_webhook_event_once() {
    const PEOPLE: usize = 40;
    let sink = smtp_sink();
    let (events, hook) = receiver().await;
    // Both workers look for work every 20 ms, so they meet on the same rows all the time.
    let settings = format!(
        "smtp_url = \"smtp://127.0.0.1:{}\"\ndelivery_interval_ms = 20\nwebhooks_allow_private = true",
        sink.port
    );
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_talentdesk-server"));
    let servers = Balanced::start_with(balanced::executable(binary), 2, &settings).await;
    servers.add_user("admin@acme.test", Role::RecruiterAdmin).await;
    let (admin, _) = Client::login(&servers.url, "admin@acme.test", PASSWORD).await.unwrap();
    let wanted = vec![WebhookEvent::CandidateCreated];
    let webhook = WebhookSettings { url: hook, events: wanted, pipeline_id: None, status: None, enabled: true };
    admin.create_webhook(&webhook).await.unwrap();

    let people: Vec<Uuid> = (0..PEOPLE).map(|_| Uuid::now_v7()).collect();
    let mut mutations: Vec<Mutation> = people
        .iter()
        .enumerate()
        .map(|(i, id)| create_candidate(*id, "Ana", &format!("Souza{i}"), Some(&format!("ana{i}@example.com"))))
        .collect();
    mutations.push(Mutation::EmailSend {
        send_id: Uuid::now_v7(),
        selection: Selection::ids(people.clone()),
        subject: "A role for you".into(),
        body: "Hello".into(),
    });
    admin.push(Uuid::now_v7(), numbered(1, mutations)).await.unwrap();

    let deadline = Instant::now() + Duration::from_secs(30);
    while received(&sink).len() < PEOPLE || events.lock().unwrap().len() < PEOPLE {
        assert!(
            Instant::now() < deadline,
            "{} emails and {} events of {PEOPLE} arrived",
            received(&sink).len(),
            events.lock().unwrap().len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // However long the workers go on looking, nothing comes twice.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mail = received(&sink);
    let mut recipients: Vec<String> =
        mail.iter().filter_map(|eml| eml.lines().find(|l| l.starts_with("To: ")).map(str::to_owned)).collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!((mail.len(), recipients.len()), (PEOPLE, PEOPLE), "each person emailed once");
    let events = events.lock().unwrap().clone();
    let mut ids: Vec<String> = events
        .iter()
        .map(|body| serde_json::from_str::<serde_json::Value>(body).unwrap()["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!((events.len(), ids.len()), (PEOPLE, PEOPLE), "each event delivered once");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_first_sync_cut_off_by_its_process_dying_resumes_on_the_other() {
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_talentdesk-server"));
    let mut servers = Balanced::start(balanced::executable(binary), 2).await;
    // A snapshot of some megabytes: more than the connections between here and the server hold.
    let options = talentdesk_demo::DemoOptions { candidates: 20_000, seed: 3 };
    let demo =
        talentdesk_server::demo::fill_org(servers.pool(), "Acme", options, PASSWORD.into(), |_| {}).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (url, email) = (servers.url.clone(), demo.admin_email.clone());
    let sign_in = |name: &str| {
        let (path, url, email) = (dir.path().join(name), url.clone(), email.clone());
        async move { talentdesk_sync::engine::Replica::sign_in(&path, &url, &email, PASSWORD).await.unwrap() }
    };

    // Only process 0 is up when the download starts, so it is the one serving it.
    servers.kill(1);
    let desk = sign_in("desk.db").await;
    let (paused_tx, paused) = std::sync::mpsc::channel::<()>();
    let (resume, resume_rx) = std::sync::mpsc::channel::<()>();
    let resume_rx = Mutex::new(resume_rx);
    let mut paused_once = false;
    let download = desk.engine.first_sync(Arc::new(std::sync::atomic::AtomicBool::new(false)), move |p| {
        // Part-way through, the download waits while the test kills its process.
        if p.loaded >= 2_000 && !paused_once {
            paused_once = true;
            paused_tx.send(()).unwrap();
            resume_rx.lock().unwrap().recv().unwrap();
        }
    });
    let kill_its_process = async {
        tokio::task::spawn_blocking(move || paused.recv().unwrap()).await.unwrap();
        servers.start_again(1).await;
        servers.kill(0);
        resume.send(()).unwrap();
    };
    let (cut, ()) = tokio::join!(download, kill_its_process);
    assert!(cut.is_err(), "the download went on after its process died: {cut:?}");
    assert!(desk.store.lock().unwrap().snapshot_interrupted().unwrap());

    // Again, as the app does after a pause: nginx sends it to process 1 (once it stops
    // counting that process as failed, a few seconds), which goes on after what arrived.
    let deadline = Instant::now() + Duration::from_secs(20);
    let rest = loop {
        match desk.engine.first_sync(Arc::new(std::sync::atomic::AtomicBool::new(false)), |_| {}).await {
            Ok(rest) => break rest,
            Err(e) if e.is_temporary() && Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(500)).await
            }
            Err(e) => panic!("the download did not resume: {e}"),
        }
    };
    assert!(rest > 0, "nothing was left to download");
    desk.engine.sync_once().await.unwrap();
    let witness = sign_in("witness.db").await;
    witness.engine.first_sync(Arc::new(std::sync::atomic::AtomicBool::new(false)), |_| {}).await.unwrap();
    witness.engine.sync_once().await.unwrap();
    let held = desk.store.lock().unwrap().export_records().unwrap();
    let truth = witness.store.lock().unwrap().export_records().unwrap();
    assert!(held.len() > 20_000, "{} records", held.len());
    assert!(held == truth, "the resumed desktop differs from a fresh one");
}
