//! Documents' blobs: served only to whom a live document shows them, deleted when nothing refers to them.
//! Uploads nothing claims expire, interrupted uploads are cleaned up, and each org has a quota.
//! Each runs on both kinds of document store, a folder and S3 (moto).

use std::time::{Duration, Instant, SystemTime};

use reqwest::StatusCode;
use sha2::{Digest, Sha256};
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_server::blobs::storage::Storage;
use talentdesk_server::config::Config;
use talentdesk_server::testing::Backend;
use uuid::Uuid;

use crate::support::{Session, TestServer, create_candidate, numbered, on_each_backend, org_id};

pub fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Uploads the bytes; returns the status and the error body, if any.
pub async fn upload(server: &TestServer, session: &Session, bytes: &[u8]) -> (StatusCode, serde_json::Value) {
    let response = server
        .http
        .put(format!("{}/v1/blobs/{}", server.url, sha256(bytes)))
        .bearer_auth(&session.token)
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or_default())
}

/// Downloads content; returns the status and the bytes.
pub async fn download(server: &TestServer, session: &Session, sha256: &str) -> (StatusCode, Vec<u8>) {
    let response =
        server.http.get(format!("{}/v1/blobs/{sha256}", server.url)).bearer_auth(&session.token).send().await.unwrap();
    (response.status(), response.bytes().await.unwrap().to_vec())
}

pub fn attach(candidate_id: Uuid, name: &str, bytes: &[u8]) -> Mutation {
    Mutation::DocumentAttach {
        document: Document {
            id: Uuid::now_v7(),
            candidate_id,
            name: name.into(),
            kind: DocumentKind::Resume,
            sha256: sha256(bytes),
            size: bytes.len() as u64,
            uploaded_at: chrono::Utc::now(),
        },
    }
}

/// Whether any org's copy of the content is kept.
pub async fn stored(server: &TestServer, sha256: &str) -> bool {
    server.blobs.contents().await.iter().any(|(kept, _)| kept.sha256 == sha256)
}

/// Waits (up to 15 s) until `done` holds.
pub async fn eventually<F: AsyncFnMut() -> bool>(what: &str, mut done: F) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !done().await {
        assert!(Instant::now() < deadline, "{what} did not happen in time");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn delete(candidate: Uuid) -> Mutation {
    Mutation::CandidateDelete { selection: Selection::ids([candidate]) }
}

on_each_backend!(
    a_blob_is_served_only_while_a_live_document_of_the_org_refers_to_it,
    uploads_nothing_claims_expire_and_interrupted_ones_are_cleaned_up,
    a_fresh_upload_waits_for_its_document_through_sweeps,
    an_org_over_its_quota_is_refused_with_the_quota_named,
    a_deleted_document_takes_its_bytes_with_it,
);

async fn a_blob_is_served_only_while_a_live_document_of_the_org_refers_to_it(backend: Backend) {
    let server = TestServer::start_on(backend, |c| c).await;
    let (rita, omar, admin) = (&server.recruiter, &server.other_recruiter, &server.admin);
    let (ana, bo) = (Uuid::now_v7(), Uuid::now_v7());
    let resume = b"%PDF-1.4 Ana Souza, Nurse".to_vec();
    let hash = sha256(&resume);
    server
        .push(
            rita,
            &numbered(1, [create_candidate(ana, "Ana", "Souza", None), create_candidate(bo, "Bo", "Lind", None)]),
        )
        .await;

    assert_eq!(upload(&server, rita, &resume).await.0, StatusCode::CREATED);
    // Bytes no document refers to are nobody's to read, not even the uploader's.
    assert_eq!(download(&server, omar, &hash).await.0, StatusCode::NOT_FOUND);
    assert_eq!(download(&server, rita, &hash).await.0, StatusCode::NOT_FOUND);

    server.push(rita, &numbered(3, [attach(ana, "cv.pdf", &resume), attach(bo, "same cv.pdf", &resume)])).await;
    assert_eq!(download(&server, omar, &hash).await, (StatusCode::OK, resume.clone()));
    // Another org knows the hash, and even holds the same bytes: still not Acme's file to read.
    let hank = server.other_org_admin().await;
    assert_eq!(download(&server, &hank, &hash).await.0, StatusCode::NOT_FOUND);
    assert_eq!(upload(&server, &hank, &resume).await.0, StatusCode::CREATED);
    assert_eq!(download(&server, &hank, &hash).await.0, StatusCode::NOT_FOUND);

    // Bo's document still refers to the bytes after Ana is deleted.
    server.push(admin, &numbered(1, [delete(ana)])).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(download(&server, omar, &hash).await.0, StatusCode::OK);
    assert!(stored(&server, &hash).await);

    // With Bo gone nothing of Acme's does: not served (404, as for content never seen), and
    // the file goes once the deletion commits. Globex's copy is Globex's.
    server.push(admin, &numbered(2, [delete(bo)])).await;
    assert_eq!(download(&server, omar, &hash).await.0, StatusCode::NOT_FOUND);
    assert_eq!(download(&server, admin, &hash).await.0, StatusCode::NOT_FOUND);
    let (acme, globex) = (org_id(&server, "Acme").await, org_id(&server, "Globex").await);
    eventually("the deleted documents' bytes are removed", async || !server.blobs.holds(acme, &hash).await).await;
    assert!(server.blobs.holds(globex, &hash).await, "Globex's upload is its own");
}

async fn uploads_nothing_claims_expire_and_interrupted_ones_are_cleaned_up(backend: Backend) {
    let server =
        TestServer::start_on(backend, |c| Config { blob_upload_expiry_secs: 1, blob_sweep_interval_secs: 1, ..c })
            .await;
    let rita = &server.recruiter;
    let ana = Uuid::now_v7();
    let (claimed, unclaimed) = (b"claimed resume".to_vec(), b"never attached".to_vec());
    server.push(rita, &numbered(1, [create_candidate(ana, "Ana", "Souza", None)])).await;
    assert_eq!(upload(&server, rita, &claimed).await.0, StatusCode::CREATED);
    server.push(rita, &numbered(2, [attach(ana, "cv.pdf", &claimed)])).await;
    assert_eq!(upload(&server, rita, &unclaimed).await.0, StatusCode::CREATED);

    // Content a server before blobs were counted kept without any document, and (a folder's
    // only) what an interrupted upload leaves, an hour old and fresh (one under way).
    let acme = org_id(&server, "Acme").await;
    let legacy = b"an old upload".to_vec();
    server.blobs.storage().put(acme, &sha256(&legacy), &legacy).await.unwrap();
    let partials = server.blobs.folder().map(|folder| {
        let shard = folder.join(acme.to_string()).join("ab");
        std::fs::create_dir_all(&shard).unwrap();
        let (stale, fresh) = (shard.join(".0190-stale.partial"), shard.join(".0190-fresh.partial"));
        std::fs::write(&stale, b"half").unwrap();
        std::fs::write(&fresh, b"half").unwrap();
        let hours_ago = SystemTime::now() - Duration::from_secs(2 * 3600);
        std::fs::File::options().write(true).open(&stale).unwrap().set_modified(hours_ago).unwrap();
        (stale, fresh)
    });

    let (unclaimed_hash, legacy_hash) = (sha256(&unclaimed), sha256(&legacy));
    eventually("the sweep removes the expired upload, the orphan and the stale part", async || {
        !server.blobs.holds(acme, &unclaimed_hash).await
            && !server.blobs.holds(acme, &legacy_hash).await
            && partials.as_ref().is_none_or(|(stale, _)| !stale.exists())
    })
    .await;
    if let Some((_, fresh)) = &partials {
        assert!(fresh.exists(), "an upload under way is left alone");
    }
    assert!(server.blobs.holds(acme, &sha256(&claimed)).await, "a document claimed its upload");
    assert_eq!(download(&server, &server.other_recruiter, &sha256(&claimed)).await.0, StatusCode::OK);
}

async fn a_fresh_upload_waits_for_its_document_through_sweeps(backend: Backend) {
    // The desktop uploads the bytes, then pushes the document: sweeps in between keep them.
    let server = TestServer::start_on(backend, |c| Config { blob_sweep_interval_secs: 1, ..c }).await;
    let rita = &server.recruiter;
    let ana = Uuid::now_v7();
    let resume = b"uploaded before its document".to_vec();
    assert_eq!(upload(&server, rita, &resume).await.0, StatusCode::CREATED);
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(stored(&server, &sha256(&resume)).await);
    server
        .push(rita, &numbered(1, [create_candidate(ana, "Ana", "Souza", None), attach(ana, "cv.pdf", &resume)]))
        .await;
    assert_eq!(download(&server, &server.other_recruiter, &sha256(&resume)).await, (StatusCode::OK, resume));
}

async fn an_org_over_its_quota_is_refused_with_the_quota_named(backend: Backend) {
    let server = TestServer::start_on(backend, |c| Config { max_org_blob_bytes: 100, ..c }).await;
    let rita = &server.recruiter;
    let (first, second) = (vec![1u8; 60], vec![2u8; 60]);
    assert_eq!(upload(&server, rita, &first).await.0, StatusCode::CREATED);

    let (status, body) = upload(&server, rita, &second).await;
    assert_eq!(status, StatusCode::INSUFFICIENT_STORAGE);
    assert_eq!(body["error"]["code"], "quota_exceeded");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("max_org_blob_bytes") && message.contains("60 of its 100 bytes"), "{message}");
    assert!(!stored(&server, &sha256(&second)).await, "nothing of the refused upload is kept");

    // Content the org has already takes nothing more; another org counts its own.
    assert_eq!(upload(&server, rita, &first).await.0, StatusCode::OK);
    let hank = server.other_org_admin().await;
    assert_eq!(upload(&server, &hank, &second).await.0, StatusCode::CREATED);
}

async fn a_deleted_document_takes_its_bytes_with_it(backend: Backend) {
    let server = TestServer::start_on(backend, |c| c).await;
    let rita = &server.recruiter;
    let ana = Uuid::now_v7();
    let resume = b"%PDF-1.4 attached by mistake".to_vec();
    let hash = sha256(&resume);
    assert_eq!(upload(&server, rita, &resume).await.0, StatusCode::CREATED);
    let Mutation::DocumentAttach { document } = attach(ana, "wrong.pdf", &resume) else { unreachable!() };
    let document_id = document.id;
    server
        .push(rita, &numbered(1, [create_candidate(ana, "Ana", "Souza", None), Mutation::DocumentAttach { document }]))
        .await;
    assert_eq!(download(&server, rita, &hash).await.0, StatusCode::OK);

    server.push(rita, &numbered(3, [Mutation::DocumentDelete { document_id }])).await;
    assert_eq!(download(&server, rita, &hash).await.0, StatusCode::NOT_FOUND);
    eventually("the bytes are removed", async || !stored(&server, &hash).await).await;
}
