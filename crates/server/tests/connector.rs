//! The worked connector (issue 22 item 7), the flow of a reference-check partner end to end on
//! a real server: the admin points a webhook at the partner's service for one pipeline and
//! gives the partner a key. When a recruiter moves a candidate to "Reference check", the
//! webhook fires; the partner (a small real HTTP service here, on 127.0.0.1) checks the
//! signature, starts its check, and writes the result back through the partner API: a report
//! document and a custom field. When the candidate is then moved to "Rejected", a second
//! webhook tells the partner, which cancels the check. The server holds what the partner wrote,
//! each change in the candidate's history under the key's name, and a teammate's desktop
//! replica receives it by sync.

mod support;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use support::{TestServer, create_candidate, numbered};
use talentdesk_domain::document::Document;
use talentdesk_domain::history::HistoryEntry;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::{CustomFieldDef, CustomFieldKind};
use talentdesk_sync::client::Client;
use talentdesk_sync::partner::{NewPartnerKey, PartnerScope};
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

const REPORT: &[u8] = b"%PDF-1.4 Reference report for Ada Okafor: 3 of 3 referees recommend her.";

/// What the partner's service keeps: its checks by candidate, and the requests it refused.
#[derive(Default)]
struct Checks {
    /// Candidate id -> "started", "completed" or "cancelled".
    state: BTreeMap<Uuid, &'static str>,
    bad_signatures: u32,
    events: Vec<String>,
    /// What went wrong in a check, said at once by the test instead of as a timeout.
    failures: Vec<String>,
}

/// The partner's side: its webhook secret, its API key, and where Talentdesk is.
struct Partner {
    webhook_secret: Mutex<String>,
    api_key: Mutex<String>,
    talentdesk: String,
    http: reqwest::Client,
    checks: Mutex<Checks>,
}

/// HMAC-SHA256 (RFC 2104), written here from the hash so the check does not share code with
/// the server's signing.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new().chain_update(pad(0x36)).chain_update(message).finalize();
    Sha256::new().chain_update(pad(0x5c)).chain_update(inner).finalize().into()
}

/// `Talentdesk-Signature: t=<unix>,v1=<hex>` over `"<t>.<body>"`, at most five minutes old.
fn signed(headers: &HeaderMap, body: &[u8], secret: &str) -> bool {
    let Some(header) = headers.get("talentdesk-signature").and_then(|h| h.to_str().ok()) else { return false };
    let parts: BTreeMap<&str, &str> = header.split(',').filter_map(|p| p.trim().split_once('=')).collect();
    let (Some(t), Some(v1)) = (parts.get("t"), parts.get("v1")) else { return false };
    let Ok(at) = t.parse::<i64>() else { return false };
    if (chrono::Utc::now().timestamp() - at).abs() > 300 {
        return false;
    }
    let mut message = format!("{t}.").into_bytes();
    message.extend_from_slice(body);
    hex::encode(hmac_sha256(secret.as_bytes(), &message)) == *v1
}

/// The partner's webhook endpoint: answers at once, and does its work after.
async fn hook(State(partner): State<Arc<Partner>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let secret = partner.webhook_secret.lock().unwrap().clone();
    if !signed(&headers, &body, &secret) {
        partner.checks.lock().unwrap().bad_signatures += 1;
        return StatusCode::UNAUTHORIZED;
    }
    let event: Value = serde_json::from_slice(&body).unwrap();
    partner.checks.lock().unwrap().events.push(format!("{} {}", event["type"], event["data"]["status"]));
    if event["type"] != "pipeline.status_changed" {
        return StatusCode::OK;
    }
    let candidate: Uuid = serde_json::from_value(event["data"]["candidate"]["candidate"]["id"].clone()).unwrap();
    match event["data"]["status"].as_str() {
        Some("Reference check") => {
            partner.checks.lock().unwrap().state.insert(candidate, "started");
            let partner = partner.clone();
            tokio::spawn(async move {
                if let Err(failure) = run_check(&partner, candidate).await {
                    partner.checks.lock().unwrap().failures.push(failure);
                }
            });
        }
        Some("Rejected") => {
            partner.checks.lock().unwrap().state.insert(candidate, "cancelled");
        }
        _ => {}
    }
    StatusCode::OK
}

/// The reference check: reads the candidate, then writes the report and the score back.
async fn run_check(partner: &Partner, candidate: Uuid) -> Result<(), String> {
    let key = partner.api_key.lock().unwrap().clone();
    let base = format!("{}/v1/partner/candidates/{candidate}", partner.talentdesk);
    let read = partner.http.get(&base).bearer_auth(&key).send().await.map_err(|e| e.to_string())?;
    let person: Value = read.json().await.map_err(|e| e.to_string())?;
    if person["candidate"]["candidate"]["profile"]["first_name"] != "Ada" {
        return Err(format!("reading the candidate: {person}"));
    }
    let document = partner
        .http
        .post(format!("{base}/documents"))
        .query(&[("name", "reference-report.pdf")])
        .bearer_auth(&key)
        .body(REPORT.to_vec())
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if document.status() != StatusCode::CREATED {
        return Err(format!("attaching the report: {}", document.text().await.unwrap_or_default()));
    }
    let score = partner
        .http
        .put(format!("{base}/custom-fields"))
        .bearer_auth(&key)
        .json(&json!({"values": {"reference_check": "Completed: 3 of 3 recommend"}}))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if score.status() != StatusCode::OK {
        return Err(format!("setting the field: {}", score.text().await.unwrap_or_default()));
    }
    let mut checks = partner.checks.lock().unwrap();
    // A cancel that came in meanwhile stays the last word.
    checks.state.entry(candidate).and_modify(|s| *s = if *s == "cancelled" { "cancelled" } else { "completed" });
    Ok(())
}

/// Waits until `done` holds, for up to 15 seconds.
async fn until(what: &str, mut done: impl AsyncFnMut() -> bool) {
    for _ in 0..150 {
        if done().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("waited 15 s for {what}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reference_check_partner_starts_on_a_status_writes_back_and_cancels_on_rejection() {
    let server = TestServer::start_with(|c| talentdesk_server::config::Config {
        // The partner's service runs on this machine.
        webhooks_allow_private: true,
        webhook_retry_base_ms: 200,
        ..c
    })
    .await;
    let (ada, backend) = (Uuid::now_v7(), Uuid::now_v7());
    let statuses = ["Applied", "Reference check", "Offer", "Rejected"].map(String::from).to_vec();
    let field =
        CustomFieldDef { key: "reference_check".into(), label: "Reference check".into(), kind: CustomFieldKind::Text };
    let setup = [
        create_candidate(ada, "Ada", "Okafor", Some("ada@example.com")),
        Mutation::CustomFieldDefine { field },
        Mutation::PipelineCreate { pipeline_id: backend, name: "Backend engineers".into(), statuses, private: false },
        Mutation::PipelineAdd { selection: Selection::Ids { ids: vec![ada] }, pipeline_id: backend, status: None },
    ];
    server.push(&server.admin, &numbered(1, setup)).await;

    // The partner's service, listening before it is given its secrets.
    let partner = Arc::new(Partner {
        webhook_secret: Mutex::default(),
        api_key: Mutex::default(),
        talentdesk: server.url.clone(),
        http: reqwest::Client::new(),
        checks: Mutex::default(),
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hooks = format!("http://{}/hooks/talentdesk", listener.local_addr().unwrap());
    let app = axum::Router::new().route("/hooks/talentdesk", post(hook)).with_state(partner.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    // The admin connects it: a webhook for the pipeline's status changes, and a key.
    let admin_api = |method: reqwest::Method, path: &str| {
        server.http.request(method, format!("{}{path}", server.url)).bearer_auth(&server.admin.token)
    };
    let webhook = json!({"url": hooks, "events": ["pipeline.status_changed"], "pipeline_id": backend});
    let created = admin_api(reqwest::Method::POST, "/v1/webhooks").json(&webhook).send().await.unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.unwrap();
    *partner.webhook_secret.lock().unwrap() = created["secret"].as_str().unwrap().to_owned();
    let scopes = vec![PartnerScope::CandidatesRead, PartnerScope::DocumentsWrite, PartnerScope::CustomFieldsWrite];
    let admin = Client::with_token(&server.url, &server.admin.token).unwrap();
    let key = admin.create_partner_key(&NewPartnerKey { name: "Crosschq".into(), scopes }).await.unwrap();
    *partner.api_key.lock().unwrap() = key.secret.clone();

    // Rita moves Ada on: the check starts, and its results come back.
    let to =
        |status: &str| Mutation::PipelineSetStatus { candidate_id: ada, pipeline_id: backend, status: status.into() };
    server.push(&server.recruiter, &numbered(1, [to("Reference check")])).await;
    until("the partner's results on the server", async || {
        let candidate = server.candidate(ada).await;
        candidate.candidate.profile.custom_fields.contains_key("reference_check")
    })
    .await;
    until("the check to finish", async || {
        let checks = partner.checks.lock().unwrap();
        assert!(checks.failures.is_empty(), "the partner's check failed: {:?}", checks.failures);
        checks.state.get(&ada) == Some(&"completed")
    })
    .await;
    let candidate = server.candidate(ada).await;
    assert_eq!(candidate.candidate.profile.custom_fields["reference_check"], "Completed: 3 of 3 recommend");
    let documents: Vec<Document> = server.records(RecordKind::Document).await;
    let report = documents.iter().find(|d| d.candidate_id == ada).expect("the report is attached");
    assert_eq!(report.name, "reference-report.pdf");
    assert_eq!(report.sha256, hex::encode(Sha256::digest(REPORT)));
    let rita = Client::with_token(&server.url, &server.recruiter.token).unwrap();
    assert_eq!(rita.get_blob(&report.sha256).await.unwrap(), REPORT, "the team opens the report");

    // Rejected: the second webhook cancels the check.
    server.push(&server.recruiter, &numbered(2, [to("Rejected")])).await;
    until("the partner to cancel", async || partner.checks.lock().unwrap().state.get(&ada) == Some(&"cancelled")).await;
    {
        let checks = partner.checks.lock().unwrap();
        assert_eq!(checks.bad_signatures, 0, "every delivery was signed with the webhook's secret");
        let statuses: Vec<&str> = checks.events.iter().map(String::as_str).collect();
        assert_eq!(
            statuses,
            ["\"pipeline.status_changed\" \"Reference check\"", "\"pipeline.status_changed\" \"Rejected\""]
        );
    }

    // History: the partner's writes under the key's name, the moves under Rita's.
    let history: Vec<HistoryEntry> = server.records(RecordKind::History).await;
    let by = |who: &str| history.iter().filter(|h| h.candidate_id == ada && h.actor_email == who).count();
    assert!(by("Crosschq (partner)") >= 2, "the document and the field: {history:#?}");
    assert!(by("rita@acme.test") >= 2, "{history:#?}");
    let field_change = history
        .iter()
        .find(|h| h.changes.iter().any(|c| c.to.key() == "custom:reference_check"))
        .expect("the field's change is in the history");
    assert_eq!(field_change.actor_email, "Crosschq (partner)");

    // Omar's desktop replica receives what the partner wrote.
    let dir = tempfile::tempdir().unwrap();
    let mut desk = support::desktop(dir.path(), &server.other_recruiter.user);
    server.pull_into(&server.other_recruiter, &mut desk, String::new()).await;
    let profile = desk.profile(&server.other_recruiter.user, ada).unwrap();
    assert_eq!(
        profile.candidate.profile.custom_fields.get("reference_check").map(String::as_str),
        Some("Completed: 3 of 3 recommend")
    );
    assert!(profile.documents.iter().any(|d| d.name == "reference-report.pdf"), "{:?}", profile.documents);
}
