//! The partner API on a real server and PostgreSQL: admins create, list and revoke keys (the
//! secret shown once); a key reads and writes only what its scopes allow, each write a change
//! in the candidate's history by the key; a revoked key, a key over its rate, and bad input
//! (an unknown candidate, an undefined custom field, a document too large, malformed JSON) are
//! refused with a sentence that says why, and nothing is written.

mod support;

use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{Session, TestServer, create_candidate, numbered};
use talentdesk_domain::history::HistoryEntry;
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::note::Note;
use talentdesk_domain::search::Selection;
use talentdesk_domain::settings::{CustomFieldDef, CustomFieldKind};
use talentdesk_sync::client::{Client, ClientError};
use talentdesk_sync::partner::{CreatedPartnerKey, NewPartnerKey, PartnerScope};
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

fn client(server: &TestServer, session: &Session) -> Client {
    Client::with_token(&server.url, &session.token).unwrap()
}

/// What the partner tests work on: a candidate in a pipeline, a custom field, a private note.
struct Org {
    ada: Uuid,
    pipeline: Uuid,
    private_pipeline: Uuid,
}

async fn org(server: &TestServer) -> Org {
    let (ada, pipeline, private_pipeline) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let statuses = vec!["Screening".to_owned(), "Reference check".to_owned(), "Rejected".to_owned()];
    let field =
        CustomFieldDef { key: "reference_score".into(), label: "Reference score".into(), kind: CustomFieldKind::Text };
    let admin = [
        create_candidate(ada, "Ada", "Okafor", Some("Ada.Okafor@example.com")),
        Mutation::CustomFieldDefine { field },
        Mutation::PipelineCreate { pipeline_id: pipeline, name: "Backend".into(), statuses, private: false },
        Mutation::PipelineAdd { selection: Selection::Ids { ids: vec![ada] }, pipeline_id: pipeline, status: None },
        Mutation::NoteAdd {
            note_id: Uuid::now_v7(),
            candidate_id: ada,
            body: "Public: strong Rust".into(),
            private: false,
        },
    ];
    server.push(&server.admin, &numbered(1, admin)).await;
    // Rita's own: a private note and a private pipeline, which no partner sees.
    let rita = [
        Mutation::NoteAdd {
            note_id: Uuid::now_v7(),
            candidate_id: ada,
            body: "Private: salary 90k".into(),
            private: true,
        },
        Mutation::PipelineCreate {
            pipeline_id: private_pipeline,
            name: "Rita's shortlist".into(),
            statuses: vec!["Maybe".into()],
            private: true,
        },
        Mutation::PipelineAdd {
            selection: Selection::Ids { ids: vec![ada] },
            pipeline_id: private_pipeline,
            status: None,
        },
    ];
    let pushed = server.push(&server.recruiter, &numbered(1, rita)).await;
    assert!(pushed.results.iter().all(|r| matches!(r.outcome, talentdesk_sync::wire::PushOutcome::Applied { .. })));
    Org { ada, pipeline, private_pipeline }
}

async fn key(server: &TestServer, name: &str, scopes: &[PartnerScope]) -> CreatedPartnerKey {
    let new = NewPartnerKey { name: name.into(), scopes: scopes.to_vec() };
    client(server, &server.admin).create_partner_key(&new).await.unwrap()
}

/// Sends a partner request; the status and the body (JSON, or null when there is none).
async fn call(request: reqwest::RequestBuilder) -> (StatusCode, Value) {
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

struct Partner<'a> {
    server: &'a TestServer,
    secret: String,
}

impl Partner<'_> {
    fn url(&self, path: &str) -> String {
        format!("{}/v1/partner{path}", self.server.url)
    }

    async fn get(&self, path: &str) -> (StatusCode, Value) {
        call(self.server.http.get(self.url(path)).bearer_auth(&self.secret)).await
    }

    async fn post_json(&self, path: &str, body: Value) -> (StatusCode, Value) {
        call(self.server.http.post(self.url(path)).bearer_auth(&self.secret).json(&body)).await
    }

    async fn put_json(&self, path: &str, body: Value) -> (StatusCode, Value) {
        call(self.server.http.put(self.url(path)).bearer_auth(&self.secret).json(&body)).await
    }

    async fn post_document(&self, candidate: Uuid, name: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
        let url = self.url(&format!("/candidates/{candidate}/documents"));
        let request = self.server.http.post(url).query(&[("name", name)]).bearer_auth(&self.secret).body(bytes);
        let response = support::send_racing_early_refusal(request).await;
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// Every route once, each with a valid request: what each scope opens.
    async fn try_scope(&self, scope: PartnerScope, org: &Org) -> (StatusCode, Value) {
        let ada = org.ada;
        match scope {
            PartnerScope::CandidatesRead => self.get(&format!("/candidates/{ada}")).await,
            PartnerScope::NotesWrite => {
                self.post_json(&format!("/candidates/{ada}/notes"), json!({"body": "Reference check started"})).await
            }
            PartnerScope::DocumentsWrite => self.post_document(ada, "report.pdf", b"%PDF-1.4 report".to_vec()).await,
            PartnerScope::CustomFieldsWrite => {
                let body = json!({"values": {"reference_score": "4.5"}});
                self.put_json(&format!("/candidates/{ada}/custom-fields"), body).await
            }
            PartnerScope::WorkflowWrite => {
                let path = format!("/candidates/{ada}/pipelines/{}/status", org.pipeline);
                self.put_json(&path, json!({"status": "Reference check"})).await
            }
        }
    }
}

fn partner<'a>(server: &'a TestServer, created: &CreatedPartnerKey) -> Partner<'a> {
    Partner { server, secret: created.secret.clone() }
}

fn message(body: &Value) -> &str {
    body["error"]["message"].as_str().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_creates_lists_and_revokes_keys_and_the_secret_is_shown_once() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let admin = client(&server, &server.admin);
    let created = key(&server, "  Crosschq  ", &[PartnerScope::NotesWrite, PartnerScope::CandidatesRead]).await;
    assert!(created.secret.starts_with("tdpk_") && created.secret.len() > 60, "{}", created.secret);
    assert_eq!(created.key.name, "Crosschq");
    assert_eq!(created.key.scopes, [PartnerScope::CandidatesRead, PartnerScope::NotesWrite]);
    assert_eq!(created.key.created_by, "admin@acme.test");
    assert_eq!((created.key.last_used_at, created.key.revoked_at), (None, None));

    // The list never carries a secret, not even in its raw text.
    let raw = server.http.get(format!("{}/v1/partner-keys", server.url)).bearer_auth(&server.admin.token);
    let raw = raw.send().await.unwrap().text().await.unwrap();
    assert!(!raw.contains(&created.secret) && !raw.contains(&created.secret[5..20]), "{raw}");

    let crosschq = partner(&server, &created);
    assert_eq!(crosschq.get(&format!("/candidates/{}", org.ada)).await.0, StatusCode::OK);
    let listed = admin.partner_keys().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].last_used_at.is_some(), "the use shows in the list");

    // A recruiter may not see, make or revoke keys.
    let rita = client(&server, &server.recruiter);
    for refused in [
        rita.partner_keys().await.map(|_| ()),
        rita.create_partner_key(&NewPartnerKey { name: "Mine".into(), scopes: vec![PartnerScope::NotesWrite] })
            .await
            .map(|_| ()),
        rita.revoke_partner_key(created.key.id).await.map(|_| ()),
    ] {
        assert!(matches!(refused, Err(ClientError::Refused { status: 403, .. })), "{refused:?}");
    }
    // A key needs a name and a scope.
    for (name, scopes) in [("", vec![PartnerScope::NotesWrite]), ("Nameless scopes", vec![])] {
        let refused = admin.create_partner_key(&NewPartnerKey { name: name.into(), scopes }).await.unwrap_err();
        assert!(matches!(refused, ClientError::Refused { status: 422, .. }), "{refused:?}");
    }
    let unknown_scope = server.http.post(format!("{}/v1/partner-keys", server.url)).bearer_auth(&server.admin.token);
    let (status, body) = call(unknown_scope.json(&json!({"name": "X", "scopes": ["candidates:delete"]}))).await;
    assert!(status.is_client_error() && message(&body).contains("candidates:delete"), "{status} {body}");
    assert_eq!(admin.partner_keys().await.unwrap().len(), 1, "nothing was made of the refusals");

    // Revoked: refused at once, listed as revoked; another org's admin cannot touch it.
    let hank = server.other_org_admin().await;
    let refused = client(&server, &hank).revoke_partner_key(created.key.id).await.unwrap_err();
    assert!(matches!(refused, ClientError::Refused { status: 404, .. }), "{refused:?}");
    let revoked = admin.revoke_partner_key(created.key.id).await.unwrap();
    assert!(revoked.revoked_at.is_some());
    let (status, body) = crosschq.get(&format!("/candidates/{}", org.ada)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(message(&body).contains("revoked"), "{body}");
    let (status, body) = crosschq.post_json(&format!("/candidates/{}/notes", org.ada), json!({"body": "late"})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (status, _) = Partner { server: &server, secret: "tdpk_made_up".into() }.get("/candidates?email=a@b.c").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(admin.partner_keys().await.unwrap()[0].revoked_at, revoked.revoked_at, "revoked once");
}

#[tokio::test(flavor = "multi_thread")]
async fn each_scope_opens_its_route_and_a_key_without_it_is_refused_naming_it() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    for scope in PartnerScope::ALL {
        let only = key(&server, &format!("only {scope}"), &[scope]).await;
        let (status, body) = partner(&server, &only).try_scope(scope, &org).await;
        assert!(status.is_success(), "{scope}: {status} {body}");

        let others: Vec<PartnerScope> = PartnerScope::ALL.into_iter().filter(|s| *s != scope).collect();
        let without = key(&server, &format!("all but {scope}"), &others).await;
        let (status, body) = partner(&server, &without).try_scope(scope, &org).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{scope}: {body}");
        assert!(message(&body).contains(scope.code()), "{scope}: {body}");
    }
    // Finding by email is reading too.
    let writer = key(&server, "writer", &[PartnerScope::NotesWrite]).await;
    assert_eq!(
        partner(&server, &writer).get("/candidates?email=ada.okafor@example.com").await.0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_partner_sees_what_everyone_may_and_its_writes_are_changes_by_the_key() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let all = key(&server, "Crosschq", &PartnerScope::ALL).await;
    let crosschq = partner(&server, &all);

    let (status, found) = crosschq.get("/candidates?email=%20ADA.okafor@EXAMPLE.com").await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert_eq!(found["candidates"][0]["id"], json!(org.ada), "found in any case: {found}");
    let (_, none) = crosschq.get("/candidates?email=nobody@example.com").await;
    assert_eq!(none["candidates"], json!([]));

    let (_, ada) = crosschq.get(&format!("/candidates/{}", org.ada)).await;
    let notes: Vec<&str> = ada["notes"].as_array().unwrap().iter().map(|n| n["body"].as_str().unwrap()).collect();
    assert_eq!(notes, ["Public: strong Rust"], "no private note");
    let pipelines = ada["candidate"]["pipelines"].as_array().unwrap();
    assert_eq!(pipelines.len(), 1, "no private pipeline: {pipelines:?}");
    assert_eq!(pipelines[0]["pipeline_id"], json!(org.pipeline));
    assert!(!ada.to_string().contains(&org.private_pipeline.to_string()));

    // Writes: a note, a document, a custom field, a status.
    for scope in [
        PartnerScope::NotesWrite,
        PartnerScope::DocumentsWrite,
        PartnerScope::CustomFieldsWrite,
        PartnerScope::WorkflowWrite,
    ] {
        let (status, body) = crosschq.try_scope(scope, &org).await;
        assert!(status.is_success(), "{scope}: {status} {body}");
    }
    let actor = all.key.actor_id;
    let candidate = server.candidate(org.ada).await;
    assert_eq!(candidate.candidate.profile.custom_fields.get("reference_score").map(String::as_str), Some("4.5"));
    assert_eq!(status_in(&candidate, org.pipeline), "Reference check");
    let notes: Vec<Note> = server.records(RecordKind::Note).await;
    let note = notes.iter().find(|n| n.body == "Reference check started").expect("the note syncs");
    assert_eq!((note.author_id, note.private), (actor, false));
    let documents: Vec<talentdesk_domain::document::Document> = server.records(RecordKind::Document).await;
    let report = documents.iter().find(|d| d.name == "report.pdf").expect("the document syncs");
    let bytes = client(&server, &server.recruiter).get_blob(&report.sha256).await.unwrap();
    assert_eq!(bytes, b"%PDF-1.4 report", "its bytes are served to the team like an upload's");

    // The history names the key for each write.
    let history: Vec<HistoryEntry> = server.records(RecordKind::History).await;
    let by_key: Vec<&HistoryEntry> = history.iter().filter(|h| h.actor_email == "Crosschq (partner)").collect();
    assert!(by_key.len() >= 4, "{history:#?}");
    assert!(by_key.iter().any(|h| h.changes.iter().any(|c| c.to.key() == "custom:reference_score")));

    // An erased candidate is gone for the partner too.
    let erase = Mutation::CandidateDelete { selection: Selection::Ids { ids: vec![org.ada] } };
    server.push(&server.admin, &numbered(6, [erase])).await;
    assert_eq!(crosschq.get(&format!("/candidates/{}", org.ada)).await.0, StatusCode::NOT_FOUND);
    let (_, gone) = crosschq.get("/candidates?email=ada.okafor@example.com").await;
    assert_eq!(gone["candidates"], json!([]));
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_refused_with_a_clear_error_and_writes_nothing() {
    let server = TestServer::start_with(|c| talentdesk_server::config::Config { max_blob_bytes: 1000, ..c }).await;
    let org = org(&server).await;
    let all = key(&server, "Crosschq", &PartnerScope::ALL).await;
    let crosschq = partner(&server, &all);
    let ada = org.ada;
    let nobody = Uuid::now_v7();

    let (status, body) = crosschq.get(&format!("/candidates/{nobody}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(message(&body).contains(&nobody.to_string()), "{body}");
    let (status, body) = crosschq.post_json(&format!("/candidates/{nobody}/notes"), json!({"body": "x"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, body) = crosschq.post_document(nobody, "report.pdf", b"bytes".to_vec()).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");

    let undefined = json!({"values": {"reference_score": "5", "favourite_colour": "blue"}});
    let (status, body) = crosschq.put_json(&format!("/candidates/{ada}/custom-fields"), undefined).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(message(&body).contains("favourite_colour") && message(&body).contains("reference_score"), "{body}");

    let (status, body) = crosschq.post_document(ada, "huge.pdf", vec![b'x'; 5000]).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(message(&body).contains("1000 bytes"), "{body}");
    let (status, body) = crosschq.post_document(ada, "empty.pdf", Vec::new()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let no_name = server.http.post(crosschq.url(&format!("/candidates/{ada}/documents"))).bearer_auth(&all.secret);
    let (status, body) = call(no_name.body("bytes")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(message(&body).contains("?name="), "{body}");

    let malformed = server
        .http
        .post(crosschq.url(&format!("/candidates/{ada}/notes")))
        .bearer_auth(&all.secret)
        .header("content-type", "application/json")
        .body("{\"body\": ");
    let (status, body) = call(malformed).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "bad_request");
    let (status, body) = crosschq.post_json(&format!("/candidates/{ada}/notes"), json!({"body": "   "})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "an empty note: {body}");
    let path = format!("/candidates/{ada}/pipelines/{}/status", org.pipeline);
    let (status, body) = crosschq.put_json(&path, json!({"status": "Hired somewhere"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not a status of the pipeline: {body}");
    let (status, _) = crosschq.get("/candidates").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "no email to find");

    // Nothing of it was written.
    let candidate = server.candidate(ada).await;
    assert!(candidate.candidate.profile.custom_fields.is_empty());
    assert_eq!(status_in(&candidate, org.pipeline), "Screening");
    let documents: Vec<talentdesk_domain::document::Document> = server.records(RecordKind::Document).await;
    assert!(documents.is_empty(), "{documents:?}");
    let notes: Vec<Note> = server.records(RecordKind::Note).await;
    assert_eq!(notes.len(), 2, "the admin's and Rita's only");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_over_its_rate_is_told_when_to_come_back_and_other_keys_go_on() {
    let server = TestServer::start_with(|c| talentdesk_server::config::Config {
        partner_requests_per_minute: 60,
        partner_burst: 3,
        ..c
    })
    .await;
    let org = org(&server).await;
    let busy = partner(&server, &key(&server, "Busy", &[PartnerScope::CandidatesRead]).await);
    let calm = partner(&server, &key(&server, "Calm", &[PartnerScope::CandidatesRead]).await);
    let path = format!("/candidates/{}", org.ada);
    for _ in 0..3 {
        assert_eq!(busy.get(&path).await.0, StatusCode::OK);
    }
    let response = server.http.get(busy.url(&path)).bearer_auth(&busy.secret).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=2).contains(&retry_after), "{retry_after}");
    let body: Value = response.json().await.unwrap();
    assert!(message(&body).contains("60 a minute"), "{body}");
    assert_eq!(calm.get(&path).await.0, StatusCode::OK, "another key has its own allowance");
    tokio::time::sleep(std::time::Duration::from_secs(retry_after)).await;
    assert_eq!(busy.get(&path).await.0, StatusCode::OK, "back after Retry-After");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_keys_rate_holds_across_server_processes_on_one_database() {
    let limits = |c: talentdesk_server::config::Config| talentdesk_server::config::Config {
        partner_requests_per_minute: 1,
        partner_burst: 3,
        ..c
    };
    let server = TestServer::start_with(limits).await;
    // A second process on the same database, as behind a balancer.
    let other = talentdesk_server::app::start(limits(support::config(&server.database_url))).await.unwrap();
    let org = org(&server).await;
    let busy = partner(&server, &key(&server, "Busy", &[PartnerScope::CandidatesRead]).await);
    let path = format!("/candidates/{}", org.ada);
    let at = |base: &str| format!("{base}/v1/partner{path}");
    let other_url = format!("http://{}", other.addr);
    let mut answers = Vec::new();
    for base in [&server.url, &other_url, &server.url, &other_url] {
        let response = server.http.get(at(base)).bearer_auth(&busy.secret).send().await.unwrap();
        answers.push(response.status());
    }
    // Its burst of 3 in all, not 3 at each process.
    assert_eq!(answers, [StatusCode::OK, StatusCode::OK, StatusCode::OK, StatusCode::TOO_MANY_REQUESTS]);
    let again = server.http.get(at(&server.url)).bearer_auth(&busy.secret).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_partner_routes_are_documented_with_their_own_scheme() {
    let server = TestServer::start().await;
    let api: Value =
        server.http.get(format!("{}/v1/openapi.json", server.url)).send().await.unwrap().json().await.unwrap();
    assert!(api["components"]["securitySchemes"]["partner_key"].is_object(), "{}", api["components"]);
    for (path, method) in [
        ("/v1/partner/candidates/{id}", "get"),
        ("/v1/partner/candidates", "get"),
        ("/v1/partner/candidates/{id}/notes", "post"),
        ("/v1/partner/candidates/{id}/documents", "post"),
        ("/v1/partner/candidates/{id}/custom-fields", "put"),
        ("/v1/partner/candidates/{id}/pipelines/{pipeline_id}/status", "put"),
    ] {
        let op = &api["paths"][path][method];
        assert_eq!(op["tags"], json!(["partner"]), "{path}");
        assert_eq!(op["security"], json!([{"partner_key": []}]), "{path}");
    }
    assert!(api["paths"]["/v1/partner-keys"]["post"].is_object());
}

fn status_in(candidate: &talentdesk_domain::aggregate::CandidateAggregate, pipeline: Uuid) -> &str {
    &candidate.pipelines.iter().find(|m| m.pipeline_id == pipeline).expect("in the pipeline").status
}
