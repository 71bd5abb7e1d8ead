//! Resource limits: one client or one stranger cannot stop the server for the team.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use sqlx::Connection;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::user::Role;
use talentdesk_server::admin::{self, NewUser};
use talentdesk_server::config::Config;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use uuid::Uuid;

use crate::support::{PASSWORD, Session, TestServer, create_candidate, numbered, send_racing_early_refusal};

#[tokio::test(flavor = "multi_thread")]
async fn a_sign_in_body_of_a_mebibyte_is_refused_unread_while_a_push_keeps_its_room() {
    // The default limits, not the test harness's smaller push limit.
    let defaults = Config::default();
    let server = TestServer::start_with(|c| Config {
        max_body_bytes: defaults.max_body_bytes,
        max_small_body_bytes: defaults.max_small_body_bytes,
        ..c
    })
    .await;
    let huge = serde_json::json!({"email": "rita@acme.test", "password": "x".repeat(1 << 20)});
    let started = Instant::now();
    let refused =
        send_racing_early_refusal(server.http.post(format!("{}/v1/auth/login", server.url)).json(&huge)).await;
    assert_eq!(refused.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "too_large", "{body}");
    assert!(started.elapsed() < Duration::from_secs(2), "refused without a password check");

    // A push of a few hundred mutations (well over the small limit) is still taken.
    let tags = numbered(1, (0..300).map(|i| Mutation::TagDefine { name: format!("tag number {i}") }));
    assert!(serde_json::to_vec(&tags).unwrap().len() > 2 * defaults.max_small_body_bytes);
    let pushed = server.push(&server.recruiter, &tags).await;
    assert_eq!(pushed.last_seq, 300);
    server.login("rita@acme.test", PASSWORD).await;
}

/// Fills the org with `count` small records (tags), so a snapshot of it is many pages long.
async fn fill(server: &TestServer, count: i64) {
    sqlx::query(
        "INSERT INTO records (org_id, kind, id, version, data)
         SELECT orgs.id, 'tag', 'filler ' || n, orgs.version,
                jsonb_build_object('name', md5(n::text) || md5(random()::text), 'listed', false)
         FROM orgs, generate_series(1, $1) AS n WHERE orgs.name = 'Acme'",
    )
    .bind(count)
    .execute(&server.server.pool)
    .await
    .unwrap();
}

/// Starts a snapshot download whose client then reads nothing: its receive buffer is a few
/// kilobytes (so the kernel does not take the data in its place) and it reads only the status.
async fn idle_snapshot(addr: SocketAddr, session: &Session) -> (u16, TcpStream) {
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let mut stream = socket.connect(addr).await.unwrap();
    let request =
        format!("GET /v1/sync/snapshot HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\n\r\n", session.token);
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut status_line = [0u8; 12];
    stream.read_exact(&mut status_line).await.unwrap();
    let status = std::str::from_utf8(&status_line[9..12]).unwrap().parse().unwrap();
    (status, stream)
}

async fn snapshot_status(server: &TestServer, session: &Session) -> (StatusCode, String) {
    let response = server
        .http
        .get(format!("{}/v1/sync/snapshot", server.url))
        .bearer_auth(&session.token)
        .timeout(Duration::from_secs(30))
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, if status.is_success() { String::new() } else { response.text().await.unwrap() })
}

/// Waits (up to 30 s) until no connection of the database is inside a transaction for a
/// moment: the downloads have read what fits in the buffers and wait for their clients.
/// Returns whether that happened.
async fn settle(database_url: &str) -> bool {
    let mut watcher = sqlx::PgConnection::connect(database_url).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut quiet = 0;
    while quiet < 5 && Instant::now() < deadline {
        let open: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL",
        )
        .fetch_one(&mut watcher)
        .await
        .unwrap();
        quiet = if open == 0 { quiet + 1 } else { 0 };
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    quiet == 5
}

async fn new_recruiter(server: &TestServer, email: &'static str) -> Session {
    let new = NewUser { org: "Acme", email, name: email, role: Role::Recruiter, ats_id: None, password: PASSWORD };
    admin::create_user(&server.server.pool, new).await.unwrap();
    server.login(email, PASSWORD).await
}

#[tokio::test(flavor = "multi_thread")]
async fn snapshots_nobody_reads_hold_no_connection_and_a_user_runs_two() {
    // Three connections for requests (the live listener keeps a fourth).
    let server = TestServer::start_with(|c| Config { max_connections: 4, ..c }).await;
    let lena = new_recruiter(&server, "lena@acme.test").await;
    // Enough that a download nobody reads stalls with most of it unsent: the kernel and the
    // server buffer some 4 MB of it (compressed), this is about twice that.
    fill(&server, 120_000).await;

    // Two accounts start two downloads each and read none of them: four stalled downloads, more
    // than the pool's connections. Each fills the buffers on its way, then waits for its client
    // without a transaction (a download still flowing holds one: the next waits for that).
    let mut stalled = Vec::new();
    for session in [&server.admin, &server.recruiter] {
        for _ in 0..2 {
            let (status, stream) = idle_snapshot(server.server.addr, session).await;
            assert_eq!(status, 200);
            stalled.push(stream);
            assert!(settle(&server.database_url).await, "a stalled download keeps its transaction open");
        }
    }
    // A user's third (and thirtieth) download is refused at once, naming the limit.
    let started = Instant::now();
    for _ in 0..30 {
        let (status, message) = snapshot_status(&server, &server.recruiter).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{message}");
        assert!(message.contains("at most 2 snapshot streams"), "{message}");
    }
    assert!(started.elapsed() < Duration::from_secs(3), "refusals took {:?}", started.elapsed());

    // Someone else works as usual.
    for _ in 0..5 {
        let started = Instant::now();
        let page = server.pull_page(&lena, "", 100).await;
        assert_eq!(page.changes.len(), 100);
        assert!(started.elapsed() < Duration::from_secs(2), "a pull took {:?}", started.elapsed());
    }
    let pushed = server.push(&lena, &numbered(1, [create_candidate(Uuid::now_v7(), "Ana", "Souza", None)])).await;
    assert_eq!(pushed.last_seq, 1);
    drop(stalled);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_snapshot_nobody_reads_ends_once_idle() {
    // The connection's stall limit stays at 60 s: the snapshot's idle limit must end these.
    let server = TestServer::start_with(|c| Config { snapshot_idle_ms: 2_000, ..c }).await;
    // They end after 2 s without the client taking anything, and free their places.
    let stalled =
        two_stalled_snapshots_end(&server, Duration::from_secs(15), "the stalled downloads never ended").await;
    drop(stalled);
}

/// Opens the recruiter's two snapshot downloads and reads none of them; returns once two new
/// ones may run at once (both places freed) within `within`, with the stalled connections.
///
/// Both, not one: the downloads stall at different moments (each once its buffers are full),
/// and a check that one place is free can pass while the other download still runs.
async fn two_stalled_snapshots_end(server: &TestServer, within: Duration, never: &str) -> Vec<TcpStream> {
    // Well beyond what the kernel buffers for a stalled client (the send buffer grows to 4 MiB
    // on loopback): with 120,000 the whole snapshot sometimes fit, and the download ended by
    // itself rather than by the stall limit.
    fill(server, 400_000).await;
    let mut stalled = Vec::new();
    for _ in 0..2 {
        let (status, connection) = idle_snapshot(server.server.addr, &server.recruiter).await;
        assert_eq!(status, 200);
        stalled.push(connection);
    }
    let deadline = Instant::now() + within;
    loop {
        let both = futures_util::future::join(
            snapshot_status(server, &server.recruiter),
            snapshot_status(server, &server.recruiter),
        )
        .await;
        if both.0.0 == StatusCode::OK && both.1.0 == StatusCode::OK {
            return stalled;
        }
        for (status, message) in [both.0, both.1] {
            assert!(status == StatusCode::OK || status == StatusCode::TOO_MANY_REQUESTS, "{status}: {message}");
        }
        assert!(Instant::now() < deadline, "{never}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// A message record for each of `count` new candidates, each with a tracking token as sent
/// email has; returns the tokens.
async fn tracked_messages(server: &TestServer, count: usize) -> Vec<String> {
    let ids: Vec<Uuid> = (0..count).map(|_| Uuid::now_v7()).collect();
    let mut mutations: Vec<Mutation> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| create_candidate(*id, "Ana", &format!("Number{i}"), Some("ana@example.com")))
        .collect();
    mutations.push(Mutation::EmailSend {
        send_id: Uuid::now_v7(),
        selection: Selection::ids(ids),
        subject: "A role for you".into(),
        body: "See https://acme.example/jobs/1".into(),
    });
    server.push(&server.recruiter, &numbered(1, mutations)).await;
    let message_ids: Vec<String> = sqlx::query_scalar("SELECT id FROM records WHERE kind = 'message' ORDER BY id")
        .fetch_all(&server.server.pool)
        .await
        .unwrap();
    assert_eq!(message_ids.len(), count);
    let mut tokens = Vec::new();
    for message in message_ids {
        let token = Uuid::now_v7().simple().to_string();
        sqlx::query(
            "INSERT INTO tracking (token, org_id, message_id, links)
             SELECT $1, org_id, id, '[\"https://acme.example/jobs/1\"]' FROM records WHERE kind = 'message' AND id = $2",
        )
        .bind(&token)
        .bind(&message)
        .execute(&server.server.pool)
        .await
        .unwrap();
        tokens.push(token);
    }
    tokens
}

async fn opened_count(server: &TestServer) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM records WHERE kind = 'message' AND data->>'opened_at' IS NOT NULL")
        .fetch_one(&server.server.pool)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn tracking_hits_during_a_long_push_neither_wait_for_it_nor_take_the_pool() {
    let server = TestServer::start().await;
    let tokens = tracked_messages(&server, 40).await;
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let hit = |path: String| {
        let plain = plain.clone();
        let url = format!("{}{path}", server.url);
        async move { plain.get(url).send().await.expect("the tracking route answers in time").status() }
    };
    // The first email was opened and clicked before.
    assert_eq!(hit(format!("/t/o/{}", tokens[0])).await, StatusCode::OK);
    assert_eq!(hit(format!("/t/c/{}/0", tokens[0])).await, StatusCode::FOUND);
    assert_eq!(opened_count(&server).await, 1);

    // A long push holds the org's version lock (here from another connection, as push does).
    let mut push = sqlx::PgConnection::connect(&server.database_url).await.unwrap();
    let mut holding = push.begin().await.unwrap();
    sqlx::query("UPDATE orgs SET version = version + 1 WHERE name = 'Acme'").execute(&mut *holding).await.unwrap();

    // Hits that change nothing (the first email, opened and clicked already) answer at once.
    let started = Instant::now();
    let repeated = (0..200).map(|i| {
        let path = if i % 2 == 0 { format!("/t/o/{}", tokens[0]) } else { format!("/t/c/{}/0", tokens[0]) };
        hit(path)
    });
    let statuses = futures_util::future::join_all(repeated).await;
    assert!(statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::FOUND), "{statuses:?}");
    assert!(started.elapsed() < Duration::from_secs(2), "repeated hits took {:?}", started.elapsed());

    // First opens of the other 39 emails must wait for the lock, but hold only a few of the
    // pool's 16 connections meanwhile: a teammate's pull still answers.
    let first_opens =
        tokio::spawn(futures_util::future::join_all(tokens[1..].iter().map(|t| hit(format!("/t/o/{t}")))));
    tokio::time::sleep(Duration::from_millis(500)).await;
    for _ in 0..3 {
        let started = Instant::now();
        server.pull_page(&server.other_recruiter, "", 100).await;
        assert!(started.elapsed() < Duration::from_secs(2), "a pull took {:?}", started.elapsed());
    }
    assert_eq!(opened_count(&server).await, 1, "nothing recorded while the push holds the lock");

    // The push ends: every open is recorded.
    holding.rollback().await.unwrap();
    let statuses = first_opens.await.unwrap();
    assert!(statuses.iter().all(|s| *s == StatusCode::OK), "{statuses:?}");
    assert_eq!(opened_count(&server).await, 40);
}

/// Reads what is left of a response: whether it came to its end (the last chunk of a chunked
/// body) or was broken off.
async fn read_rest(connection: &mut TcpStream) -> &'static str {
    let mut buffer = vec![0u8; 1 << 16];
    let mut tail = Vec::new();
    loop {
        match connection.read(&mut buffer).await {
            Ok(0) => return "closed before its end",
            Err(_) => return "broken off",
            Ok(n) => {
                tail.extend_from_slice(&buffer[..n]);
                if tail.ends_with(b"\r\n0\r\n\r\n") {
                    return "complete";
                }
                tail.drain(..tail.len().saturating_sub(16));
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_that_stops_reading_loses_its_connection() {
    // The snapshot's own idle limit stays at 30 s: the connection's stall limit must end these.
    let server = TestServer::start_with(|c| Config { client_stall_ms: 1_000, ..c }).await;
    // Dropped a second after the client's window shut: the downloads end, their places free.
    let mut stalled =
        two_stalled_snapshots_end(&server, Duration::from_secs(10), "the stalled connections were kept").await;
    for connection in &mut stalled {
        let rest = tokio::time::timeout(Duration::from_secs(30), read_rest(connection)).await;
        assert_ne!(rest, Ok("complete"), "a stalled download went on where it stopped");
    }
}
