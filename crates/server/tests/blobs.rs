//! Documents' bytes: stored once by their SHA-256, refused when the bytes do not match the
//! hash or exceed the limit, served through a document, and never to another org.

mod support;

use reqwest::StatusCode;
use sha2::{Digest, Sha256};
use support::TestServer;
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::mutation::Mutation;

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[tokio::test(flavor = "multi_thread")]
async fn blobs_are_stored_once_checked_and_kept_within_the_org() {
    let server = TestServer::start_with(|c| talentdesk_server::config::Config { max_blob_bytes: 64 * 1024, ..c }).await;
    let rita = &server.recruiter;
    let put = |hash: String, bytes: Vec<u8>, token: String| {
        let request = server.http.put(format!("{}/v1/blobs/{hash}", server.url)).bearer_auth(token).body(bytes);
        support::send_racing_early_refusal(request)
    };
    let get = |hash: String, token: String| {
        let request = server.http.get(format!("{}/v1/blobs/{hash}", server.url)).bearer_auth(token);
        async move { request.send().await.unwrap() }
    };
    let resume = b"%PDF-1.4 Ana Souza, Nurse".to_vec();
    let hash = sha256(&resume);

    assert_eq!(put(hash.clone(), resume.clone(), rita.token.clone()).await.status(), StatusCode::CREATED);
    assert_eq!(
        put(hash.clone(), resume.clone(), rita.token.clone()).await.status(),
        StatusCode::OK,
        "a repeat is a no-op"
    );
    // Served once a document refers to it (see security::blobs for who may read what).
    let ana = uuid::Uuid::now_v7();
    let document = Document {
        id: uuid::Uuid::now_v7(),
        candidate_id: ana,
        name: "cv.pdf".into(),
        kind: DocumentKind::Resume,
        sha256: hash.clone(),
        size: resume.len() as u64,
        uploaded_at: chrono::Utc::now(),
    };
    let attach = [support::create_candidate(ana, "Ana", "Souza", None), Mutation::DocumentAttach { document }];
    server.push(rita, &support::numbered(1, attach)).await;
    let fetched = get(hash.clone(), server.other_recruiter.token.clone()).await;
    assert_eq!(fetched.status(), StatusCode::OK);
    assert_eq!(fetched.bytes().await.unwrap().to_vec(), resume);

    // Damaged in transit: refused, nothing stored under the claimed hash.
    let claimed = sha256(b"something else");
    let damaged = put(claimed.clone(), resume.clone(), rita.token.clone()).await;
    assert_eq!(damaged.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = damaged.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("damaged"));
    assert_eq!(get(claimed, rita.token.clone()).await.status(), StatusCode::NOT_FOUND);

    let big = vec![7u8; 65 * 1024];
    let too_large = put(sha256(&big), big, rita.token.clone()).await;
    assert_eq!(too_large.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(too_large.json::<serde_json::Value>().await.unwrap()["error"]["message"].is_string());

    assert_eq!(put("../../etc/passwd".into(), vec![1], rita.token.clone()).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(get("ABC".into(), rita.token.clone()).await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(get(hash.clone(), "not-a-token".into()).await.status(), StatusCode::UNAUTHORIZED);

    // Another org knows the hash but cannot read the file.
    let hank = server.other_org_admin().await;
    assert_eq!(get(hash, hank.token).await.status(), StatusCode::NOT_FOUND);
}
