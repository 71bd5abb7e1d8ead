//! Outbound webhooks on real PostgreSQL, sent to a real HTTP receiver (a small axum server in
//! the test) that can answer, fail or hang: signatures checked by a verifier written here from
//! the HMAC definition (not the server's code), filters, retries with backoff, timeouts, the
//! webhook turned off after its retry window with an email to the admins (the test SMTP
//! server), re-sending, visibility (private notes, erased candidates), the address guard, and
//! the admin-only API.

mod support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use reqwest::StatusCode as Status;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use support::smtp::{received, smtp_sink, unfold};
use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_server::config::Config;
use uuid::Uuid;

/// What the receiver does with the next request.
#[derive(Clone, Copy, Debug)]
enum Answer {
    Ok,
    Fail,
    Hang,
}

#[derive(Clone, Debug)]
struct Request {
    at: Instant,
    headers: HeaderMap,
    body: String,
}

impl Request {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }

    fn kind(&self) -> String {
        self.json()["type"].as_str().unwrap().to_owned()
    }
}

#[derive(Clone, Default)]
struct Receiver {
    requests: Arc<Mutex<Vec<Request>>>,
    /// Answers for the next requests, in order; then `then`.
    script: Arc<Mutex<Vec<Answer>>>,
    then: Arc<Mutex<Option<Answer>>>,
}

impl Receiver {
    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    fn answer_next(&self, answers: &[Answer], then: Answer) {
        *self.script.lock().unwrap() = answers.to_vec();
        *self.then.lock().unwrap() = Some(then);
    }

    /// Waits until `done` holds for what was received.
    async fn wait_for(&self, what: &str, done: impl Fn(&[Request]) -> bool) -> Vec<Request> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let requests = self.requests();
            if done(&requests) {
                return requests;
            }
            assert!(Instant::now() < deadline, "waited for {what}; received {:#?}", requests);
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

async fn receive(State(receiver): State<Receiver>, headers: HeaderMap, body: String) -> StatusCode {
    receiver.requests.lock().unwrap().push(Request { at: Instant::now(), headers, body });
    let answer = {
        let mut script = receiver.script.lock().unwrap();
        if script.is_empty() { receiver.then.lock().unwrap().unwrap_or(Answer::Ok) } else { script.remove(0) }
    };
    match answer {
        Answer::Ok => StatusCode::NO_CONTENT,
        Answer::Fail => StatusCode::INTERNAL_SERVER_ERROR,
        Answer::Hang => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            StatusCode::OK
        }
    }
}

/// A receiver listening on loopback; its URL.
async fn receiver() -> (Receiver, String) {
    let receiver = Receiver::default();
    let app = axum::Router::new().route("/hook", axum::routing::post(receive)).with_state(receiver.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (receiver, url)
}

/// HMAC-SHA256 from its definition (RFC 2104), so the check does not share the server's code.
fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.iter().map(|k| k ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new().chain_update(pad(0x36)).chain_update(message).finalize();
    Sha256::new().chain_update(pad(0x5c)).chain_update(inner).finalize().to_vec()
}

/// What a receiver does with `Talentdesk-Signature`: the time is recent and the MAC matches.
fn verify(secret: &str, request: &Request) -> Result<(), String> {
    let header = request.headers.get("talentdesk-signature").ok_or("no signature header")?.to_str().unwrap();
    let (t, v1) = header
        .split_once(',')
        .and_then(|(t, v)| Some((t.strip_prefix("t=")?, v.strip_prefix("v1=")?)))
        .ok_or_else(|| format!("not t=...,v1=...: {header}"))?;
    let t: i64 = t.parse().map_err(|_| "the time is no number")?;
    if (chrono::Utc::now().timestamp() - t).abs() > 300 {
        return Err(format!("the time {t} is not recent"));
    }
    let expected = hex::encode(hmac_sha256(secret.as_bytes(), format!("{t}.{}", request.body).as_bytes()));
    if expected != v1 {
        return Err(format!("signature mismatch: {v1} for {expected}"));
    }
    Ok(())
}

async fn server_with(adjust: impl FnOnce(Config) -> Config) -> TestServer {
    TestServer::start_with(|c| {
        adjust(Config { webhooks_allow_private: true, webhook_retry_base_ms: 200, webhook_poll_ms: 50, ..c })
    })
    .await
}

async fn call(
    server: &TestServer,
    who: &Session,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (Status, Value) {
    let mut request = server.http.request(method, format!("{}{path}", server.url)).bearer_auth(&who.token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap() })
}

/// Adds a webhook as the admin; its id and secret.
async fn add_webhook(server: &TestServer, settings: Value) -> (String, String) {
    let (status, body) = call(server, &server.admin, reqwest::Method::POST, "/v1/webhooks", Some(settings)).await;
    assert_eq!(status, Status::CREATED, "{body}");
    (body["webhook"]["id"].as_str().unwrap().to_owned(), body["secret"].as_str().unwrap().to_owned())
}

async fn log(server: &TestServer, webhook: &str) -> Vec<Value> {
    let path = format!("/v1/webhooks/{webhook}/deliveries");
    let (status, body) = call(server, &server.admin, reqwest::Method::GET, &path, None).await;
    assert_eq!(status, Status::OK, "{body}");
    body.as_array().unwrap().clone()
}

/// Waits until the delivery log satisfies `done`.
async fn wait_for_log(server: &TestServer, webhook: &str, what: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let lines = log(server, webhook).await;
        if done(&lines) {
            return lines;
        }
        assert!(Instant::now() < deadline, "waited for {what}; the log: {lines:#?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn pipeline(id: Uuid, name: &str, private: bool) -> Mutation {
    let statuses = ["New", "Reference check", "Offer", "Rejected"].map(String::from).to_vec();
    Mutation::PipelineCreate { pipeline_id: id, name: name.into(), statuses, private }
}

fn set_status(candidate: Uuid, pipeline: Uuid, status: &str) -> Mutation {
    Mutation::PipelineSetStatus { candidate_id: candidate, pipeline_id: pipeline, status: status.into() }
}

fn note(candidate: Uuid, body: &str, private: bool) -> Mutation {
    Mutation::NoteAdd { note_id: Uuid::now_v7(), candidate_id: candidate, body: body.into(), private }
}

#[tokio::test(flavor = "multi_thread")]
async fn signed_events_reach_the_receiver_with_the_filters_and_visibility_they_ask_for() {
    let server = server_with(|c| c).await;
    let (receiver, url) = receiver().await;
    let (hiring, other, secret_pipeline) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let rita = &server.recruiter;
    server.push(rita, &numbered(1, [pipeline(hiring, "Hiring", false), pipeline(other, "Other", false)])).await;
    let (status_hook, status_secret) = add_webhook(
        &server,
        json!({"url": url, "events": ["pipeline.status_changed"], "pipeline_id": hiring, "status": "reference check"}),
    )
    .await;
    let (all_hook, all_secret) = add_webhook(
        &server,
        json!({"url": url, "events": ["candidate.created", "note.added", "pipeline.status_changed", "candidate.deleted"]}),
    )
    .await;

    let (ana, bo) = (Uuid::now_v7(), Uuid::now_v7());
    server
        .push(
            rita,
            &numbered(
                3,
                [
                    create_candidate(ana, "Ana", "Souza", Some("ana@example.com")),
                    pipeline(secret_pipeline, "Rita's shortlist", true),
                    Mutation::PipelineAdd { selection: Selection::ids([ana]), pipeline_id: hiring, status: None },
                    Mutation::PipelineAdd { selection: Selection::ids([ana]), pipeline_id: other, status: None },
                    Mutation::PipelineAdd {
                        selection: Selection::ids([ana]),
                        pipeline_id: secret_pipeline,
                        status: None,
                    },
                    set_status(ana, other, "Reference check"),
                    set_status(ana, secret_pipeline, "Offer"),
                    set_status(ana, hiring, "Reference check"),
                    note(ana, "Private: salary expectations 95k", true),
                    note(ana, "Great call, strong references", false),
                ],
            ),
        )
        .await;

    // The filtered webhook: exactly the one status change it asked for.
    receiver.wait_for("seven events", |r| r.len() >= 7).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let requests = receiver.requests();
    assert_eq!(requests.len(), 7, "{requests:#?}");
    let filtered: Vec<&Request> = requests.iter().filter(|r| verify(&status_secret, r).is_ok()).collect();
    assert_eq!(filtered.len(), 1, "{filtered:#?}");
    let event = filtered[0].json();
    assert_eq!(event["type"], "pipeline.status_changed");
    assert_eq!(event["data"]["pipeline"]["name"], "Hiring");
    assert_eq!(event["data"]["status"], "Reference check");
    assert_eq!(event["data"]["candidate"]["candidate"]["id"], ana.to_string());
    assert_eq!(filtered[0].headers["talentdesk-event-id"].to_str().unwrap(), event["id"].as_str().unwrap());
    assert_eq!(filtered[0].headers["content-type"], "application/json");

    // The other one: created, the status changes it may see, the public note; never the private
    // note, the private pipeline or its status.
    let unfiltered: Vec<&Request> = requests.iter().filter(|r| verify(&all_secret, r).is_ok()).collect();
    assert_eq!(unfiltered.len() + filtered.len(), requests.len(), "every request is signed with its webhook's secret");
    let mut kinds: Vec<String> = unfiltered.iter().map(|r| r.kind()).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "candidate.created",
            "note.added",
            "pipeline.status_changed", // added to Hiring
            "pipeline.status_changed", // added to Other
            "pipeline.status_changed", // Other: Reference check
            "pipeline.status_changed", // Hiring: Reference check
        ]
    );
    for request in &requests {
        assert!(!request.body.contains("salary"), "a private note left: {}", request.body);
        assert!(!request.body.contains(&secret_pipeline.to_string()), "a private pipeline left: {}", request.body);
        assert!(!request.body.contains("shortlist"), "a private pipeline left: {}", request.body);
    }
    let public_note = unfiltered.iter().find(|r| r.kind() == "note.added").unwrap().json();
    assert_eq!(public_note["data"]["body"], "Great call, strong references");
    let ids: std::collections::HashSet<String> =
        unfiltered.iter().map(|r| r.json()["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids.len(), unfiltered.len(), "each event has an id of its own");
    assert!(ids.contains(event["id"].as_str().unwrap()), "one event, delivered to both webhooks");

    // A signature made with another secret, or over another body, does not verify.
    let mut forged = filtered[0].clone();
    forged.body = forged.body.replace("Reference check", "Offer");
    assert!(verify(&status_secret, &forged).is_err());
    assert!(verify(&all_secret, filtered[0]).is_err());

    // The delivery log says delivered, with the receiver's answer.
    let lines = log(&server, &status_hook).await;
    assert_eq!(lines.len(), 1);
    assert_eq!((lines[0]["status"].as_str(), lines[0]["response_code"].as_i64()), (Some("delivered"), Some(204)));
    assert_eq!(log(&server, &all_hook).await.len(), 6);

    // Erasure: Bo's events wait at a failing receiver, then Bo is deleted. What waited is
    // cancelled and never sent; the deletion goes out as an id alone.
    receiver.answer_next(&[], Answer::Fail);
    let before = receiver.requests().len();
    server.push(rita, &numbered(13, [create_candidate(bo, "Bo", "Berg", Some("bo.berg@example.com"))])).await;
    receiver.wait_for("Bo's creation tried", |r| r.len() > before).await;
    server.push(&server.admin, &numbered(1, [Mutation::CandidateDelete { selection: Selection::ids([bo]) }])).await;
    receiver.answer_next(&[], Answer::Ok);
    let lines = wait_for_log(&server, &all_hook, "the deletion delivered", |lines| {
        lines.iter().any(|l| l["event"] == "candidate.deleted" && l["status"] == "delivered")
    })
    .await;
    let created = lines.iter().find(|l| l["event"] == "candidate.created" && l["status"] != "delivered").unwrap();
    assert_eq!(created["status"], "cancelled", "{created}");
    let (status, _) = call(
        &server,
        &server.admin,
        reqwest::Method::POST,
        &format!("/v1/webhooks/{all_hook}/deliveries/{}/resend", created["id"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(status, Status::NOT_FOUND, "a cancelled delivery is not sent again");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after: Vec<Request> = receiver.requests().into_iter().skip(before).collect();
    let deleted = after.iter().find(|r| r.kind() == "candidate.deleted").unwrap().json();
    assert_eq!(deleted["data"], json!({ "id": bo }));
    for request in after.iter().filter(|r| r.kind() != "candidate.created") {
        assert!(!request.body.contains("Berg"), "an erased candidate left: {}", request.body);
    }
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT payload::text FROM webhook_events").fetch_all(&server.server.pool).await.unwrap();
    assert!(stored.iter().all(|p| !p.contains("bo.berg@example.com")), "the outbox kept an erased person");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_receiver_is_retried_with_growing_waits_until_it_answers() {
    let server = server_with(|c| c).await;
    let (receiver, url) = receiver().await;
    receiver.answer_next(&[Answer::Fail, Answer::Fail, Answer::Fail], Answer::Ok);
    let (hook, secret) = add_webhook(&server, json!({"url": url, "events": ["candidate.created"]})).await;
    let ana = Uuid::now_v7();
    server.push(&server.recruiter, &numbered(1, [create_candidate(ana, "Ana", "Souza", None)])).await;

    let requests = receiver.wait_for("four tries", |r| r.len() >= 4).await;
    let lines = wait_for_log(&server, &hook, "delivered", |l| l[0]["status"] == "delivered").await;
    assert_eq!(requests.len(), 4, "nothing is sent after it was taken");
    let event_ids: Vec<&str> = requests.iter().map(|r| r.headers["talentdesk-event-id"].to_str().unwrap()).collect();
    assert!(event_ids.iter().all(|id| *id == event_ids[0]), "a retry is the same event: {event_ids:?}");
    assert!(requests.iter().all(|r| verify(&secret, r).is_ok()));
    // Waits of 200, 400, 800 ms doubled, each between half and all of that (jitter).
    let gaps: Vec<u128> = requests.windows(2).map(|w| (w[1].at - w[0].at).as_millis()).collect();
    for (i, gap) in gaps.iter().enumerate() {
        let full = 200u128 << i;
        assert!(*gap >= full / 2 && *gap < full + 1_000, "wait {i} was {gap} ms, for {full} ms: {gaps:?}");
    }
    assert!(gaps[2] > gaps[0], "the waits grow: {gaps:?}");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["attempts"], 4);
    assert_eq!(lines[0]["response_code"], 204);
    assert!(lines[0]["error"].is_null() && lines[0]["next_attempt_at"].is_null());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_receiver_that_hangs_times_out_and_after_the_window_the_webhook_is_off_and_admins_are_told() {
    let sink = smtp_sink();
    let server = server_with(|c| Config {
        webhook_timeout_ms: 300,
        webhook_retry_window_ms: 1_500,
        smtp_url: Some(format!("smtp://127.0.0.1:{}", sink.port)),
        delivery_interval_ms: 50,
        ..c
    })
    .await;
    let (receiver, url) = receiver().await;
    receiver.answer_next(&[], Answer::Hang);
    let (hook, _) = add_webhook(&server, json!({"url": url, "events": ["candidate.created"]})).await;
    let ana = Uuid::now_v7();
    server.push(&server.recruiter, &numbered(1, [create_candidate(ana, "Ana", "Souza", None)])).await;

    let lines = wait_for_log(&server, &hook, "a timeout", |l| l[0]["attempts"].as_i64() >= Some(1)).await;
    assert_eq!(lines[0]["error"], "no answer within 300 ms", "{lines:#?}");
    assert!(lines[0]["response_code"].is_null());
    assert_eq!(lines[0]["status"], "pending");
    assert!(lines[0]["next_attempt_at"].is_string(), "a retry is planned");

    let lines = wait_for_log(&server, &hook, "the delivery failed", |l| l[0]["status"] == "failed").await;
    let (_, hooks) = call(&server, &server.admin, reqwest::Method::GET, "/v1/webhooks", None).await;
    let webhook = &hooks[0];
    assert_eq!(webhook["enabled"], false);
    let reason = webhook["disabled_reason"].as_str().unwrap();
    assert!(reason.contains("every try failed") && reason.contains("no answer within 300 ms"), "{reason}");
    assert!(webhook["disabled_at"].is_string());

    // The admin (and only the admin) is told, by email.
    let deadline = Instant::now() + Duration::from_secs(20);
    let email = loop {
        if let Some(eml) = received(&sink).into_iter().find(|e| e.contains("turned a webhook off")) {
            break unfold(&eml);
        }
        assert!(Instant::now() < deadline, "no email to the admins");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(email.contains("To: admin@acme.test"), "{email}");
    assert!(email.contains(&url) && email.contains("no answer within 300 ms"), "{email}");
    assert_eq!(received(&sink).iter().filter(|e| e.contains("turned a webhook off")).count(), 1);

    // Off: nothing is sent, and what happens meanwhile is not kept for it. Turned on again
    // with a working receiver, new events go out; the failed delivery is sent again on
    // request, as the same event.
    receiver.answer_next(&[], Answer::Ok);
    let tried = receiver.requests().len();
    let (bo, cy) = (Uuid::now_v7(), Uuid::now_v7());
    server.push(&server.recruiter, &numbered(2, [create_candidate(bo, "Bo", "Berg", None)])).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(receiver.requests().len(), tried, "nothing is sent to a webhook that is off");
    let settings = json!({"url": url, "events": ["candidate.created"], "enabled": true});
    let (status, body) =
        call(&server, &server.admin, reqwest::Method::PUT, &format!("/v1/webhooks/{hook}"), Some(settings)).await;
    assert_eq!(status, Status::OK, "{body}");
    assert!(body["disabled_reason"].is_null() && body["enabled"] == true);
    server.push(&server.recruiter, &numbered(3, [create_candidate(cy, "Cy", "Ng", None)])).await;
    receiver.wait_for("Cy's creation", |r| r.iter().skip(tried).any(|r| r.body.contains(&cy.to_string()))).await;
    assert!(
        receiver.requests().iter().all(|r| !r.body.contains(&bo.to_string())),
        "an event of while it was off was kept for it"
    );
    let failed = lines[0]["id"].as_str().unwrap();
    let path = format!("/v1/webhooks/{hook}/deliveries/{failed}/resend");
    let (status, body) = call(&server, &server.admin, reqwest::Method::POST, &path, None).await;
    assert_eq!(status, Status::ACCEPTED, "{body}");
    let resent = receiver
        .wait_for("the re-sent event", |r| {
            r.iter().skip(tried).any(|r| r.headers["talentdesk-event-id"] == lines[0]["event_id"].as_str().unwrap())
        })
        .await;
    assert!(resent.iter().skip(tried).any(|r| r.body.contains(&ana.to_string())));
    wait_for_log(&server, &hook, "the re-send delivered", |l| {
        l.iter().filter(|l| l["event_id"] == lines[0]["event_id"]).any(|l| l["status"] == "delivered")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn urls_into_this_machine_or_a_private_network_are_refused_and_only_admins_manage_webhooks() {
    let server = TestServer::start_with(|c| Config { webhook_poll_ms: 50, ..c }).await;
    let (receiver, url) = receiver().await;
    for (bad, says) in [
        (url.as_str(), "private network"),
        ("http://localhost:8080/hook", "private network"),
        ("http://169.254.169.254/latest/meta-data/", "private network"),
        ("http://[::1]/hook", "private network"),
        ("http://10.0.0.7/hook", "private network"),
        ("file:///etc/passwd", "not file://"),
        ("hooks.example.com/in", "is not a URL"),
        ("https://name.invalid/hook", "could not be resolved"),
    ] {
        let (status, body) = call(
            &server,
            &server.admin,
            reqwest::Method::POST,
            "/v1/webhooks",
            Some(json!({"url": bad, "events": ["candidate.created"]})),
        )
        .await;
        assert_eq!(status, Status::UNPROCESSABLE_ENTITY, "{bad}: {body}");
        assert!(body["error"]["message"].as_str().unwrap().contains(says), "{bad}: {body}");
    }
    let (status, body) = call(
        &server,
        &server.admin,
        reqwest::Method::POST,
        "/v1/webhooks",
        Some(json!({"url": "https://93.184.216.34/in", "events": []})),
    )
    .await;
    assert_eq!(status, Status::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("at least one event"), "{body}");
    let (_, hooks) = call(&server, &server.admin, reqwest::Method::GET, "/v1/webhooks", None).await;
    assert_eq!(hooks, json!([]), "nothing was saved");

    // A recruiter may not read or change webhooks.
    let rita = &server.recruiter;
    let settings = json!({"url": "https://93.184.216.34/in", "events": ["candidate.created"]});
    for (method, path, body) in [
        (reqwest::Method::GET, "/v1/webhooks".to_owned(), None),
        (reqwest::Method::POST, "/v1/webhooks".to_owned(), Some(settings.clone())),
        (reqwest::Method::PUT, format!("/v1/webhooks/{}", Uuid::now_v7()), Some(settings.clone())),
        (reqwest::Method::DELETE, format!("/v1/webhooks/{}", Uuid::now_v7()), None),
        (reqwest::Method::GET, format!("/v1/webhooks/{}/deliveries", Uuid::now_v7()), None),
    ] {
        let (status, answer) = call(&server, rita, method.clone(), &path, body).await;
        assert_eq!(status, Status::FORBIDDEN, "{method} {path}: {answer}");
    }
    // Another organisation's admin does not find Acme's webhook.
    let (status, created) =
        call(&server, &server.admin, reqwest::Method::POST, "/v1/webhooks", Some(settings.clone())).await;
    assert_eq!(status, Status::CREATED, "{created}");
    let id = created["webhook"]["id"].as_str().unwrap();
    let hank = server.other_org_admin().await;
    let (status, _) = call(&server, &hank, reqwest::Method::DELETE, &format!("/v1/webhooks/{id}"), None).await;
    assert_eq!(status, Status::NOT_FOUND);
    let (_, theirs) = call(&server, &hank, reqwest::Method::GET, "/v1/webhooks", None).await;
    assert_eq!(theirs, json!([]));
    let (status, _) = call(&server, &server.admin, reqwest::Method::DELETE, &format!("/v1/webhooks/{id}"), None).await;
    assert_eq!(status, Status::NO_CONTENT);

    // A name that resolved elsewhere when it was saved is checked again at send time: a
    // webhook whose URL now leads to this machine gets nothing, and the log says why.
    let hook = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO webhooks (id, org_id, url, secret, events, created_by, created_at)
         VALUES ($1, (SELECT org_id FROM users WHERE id = $2), $3, 'whsec_x', '{candidate.created}', $2, now())",
    )
    .bind(hook)
    .bind(server.admin.user.id)
    .bind(&url)
    .execute(&server.server.pool)
    .await
    .unwrap();
    server.push(rita, &numbered(1, [create_candidate(Uuid::now_v7(), "Ana", "Souza", None)])).await;
    let lines =
        wait_for_log(&server, &hook.to_string(), "a refused try", |l| l.first().is_some_and(|l| l["attempts"] == 1))
            .await;
    assert!(lines[0]["error"].as_str().unwrap().contains("private network"), "{lines:#?}");
    assert!(receiver.requests().is_empty(), "the receiver on this machine got nothing");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reason_an_admin_declined_an_erasure_request_never_leaves_in_a_webhook_or_a_partner_read() {
    let server = server_with(|c| c).await;
    let (receiver, url) = receiver().await;
    add_webhook(&server, json!({"url": url, "events": ["candidate.updated"]})).await;
    let ana = Uuid::now_v7();
    let asked = [
        create_candidate(ana, "Ana", "Souza", Some("ana@example.com")),
        Mutation::RequestErasure { candidate_id: ana },
    ];
    server.push(&server.recruiter, &numbered(1, asked)).await;
    let reason = "Legal hold until the Meyer audit ends";
    let decline = Mutation::DeclineErasure { candidate_id: ana, reason: reason.into() };
    let declined = server.push(&server.admin, &numbered(1, [decline])).await;
    assert!(matches!(declined.results[0].outcome, talentdesk_sync::wire::PushOutcome::Applied { .. }), "{declined:?}");

    // The receiver hears that it was declined, and when, but not the admin's words.
    let is_decline = |r: &Request| !r.json()["data"]["erasure_request"]["declined"].is_null();
    let requests = receiver.wait_for("the decline's event", |r| r.iter().any(is_decline)).await;
    let decline = requests.iter().find(|r| is_decline(r)).unwrap().json();
    let said = &decline["data"]["erasure_request"]["declined"];
    assert!(said["at"].is_string() && said["reason"] == "", "{said}");
    for request in &requests {
        assert!(!request.body.contains("Meyer"), "the reason left in {}", request.body);
    }

    // Nor does a partner reading Ana.
    let new = json!({"name": "Crosschq", "scopes": ["candidates:read"]});
    let (status, created) = call(&server, &server.admin, reqwest::Method::POST, "/v1/partner-keys", Some(new)).await;
    assert_eq!(status, Status::CREATED, "{created}");
    let read = server
        .http
        .get(format!("{}/v1/partner/candidates/{ana}", server.url))
        .bearer_auth(created["secret"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), Status::OK);
    let body = read.text().await.unwrap();
    assert!(body.contains("\"declined\"") && !body.contains("Meyer"), "{body}");
}
