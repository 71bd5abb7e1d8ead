//! Documents' blobs: served only to whom a live document shows them, deleted when nothing refers to them.
//! Uploads nothing claims expire, interrupted uploads are cleaned up, and each org has a quota.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use reqwest::StatusCode;
use sha2::{Digest, Sha256};
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::search::Selection;
use talentdesk_server::config::Config;
use uuid::Uuid;

use crate::support::{Session, TestServer, create_candidate, numbered};

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

/// Every file under the server's blob folder.
pub fn files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            if entry.file_type().unwrap().is_dir() {
                folders.push(entry.path());
            } else {
                found.push(entry.path());
            }
        }
    }
    found
}

pub fn stored(server: &TestServer, sha256: &str) -> bool {
    files(server.blobs.path()).iter().any(|f| f.file_name().unwrap() == sha256)
}

/// Waits (up to 15 s) until `done` holds.
pub async fn eventually<F: AsyncFnMut() -> bool>(what: &str, mut done: F) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !done().await {
        assert!(Instant::now() < deadline, "{what} did not happen in time");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The folder the org Acme's blobs are kept in.
async fn acme_folder(server: &TestServer) -> PathBuf {
    let org: Uuid =
        sqlx::query_scalar("SELECT id FROM orgs WHERE name = 'Acme'").fetch_one(&server.server.pool).await.unwrap();
    server.blobs.path().join(org.to_string())
}

fn delete(candidate: Uuid) -> Mutation {
    Mutation::CandidateDelete { selection: Selection::ids([candidate]) }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_blob_is_served_only_while_a_live_document_of_the_org_refers_to_it() {
    let server = TestServer::start().await;
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
    assert!(stored(&server, &hash));

    // With Bo gone nothing of Acme's does: not served (404, as for content never seen), and
    // the file goes once the deletion commits. Globex's copy is Globex's.
    server.push(admin, &numbered(2, [delete(bo)])).await;
    assert_eq!(download(&server, omar, &hash).await.0, StatusCode::NOT_FOUND);
    assert_eq!(download(&server, admin, &hash).await.0, StatusCode::NOT_FOUND);
    let acme = acme_folder(&server).await;
    eventually("the deleted documents' bytes are removed", async || {
        !files(&acme).iter().any(|f| f.file_name().unwrap() == hash.as_str())
    })
    .await;
    assert!(stored(&server, &hash), "Globex's upload is its own");
}

#[tokio::test(flavor = "multi_thread")]
async fn uploads_nothing_claims_expire_and_interrupted_ones_are_cleaned_up() {
    let server =
        TestServer::start_with(|c| Config { blob_upload_expiry_secs: 1, blob_sweep_interval_secs: 1, ..c }).await;
    let rita = &server.recruiter;
    let ana = Uuid::now_v7();
    let (claimed, unclaimed) = (b"claimed resume".to_vec(), b"never attached".to_vec());
    server.push(rita, &numbered(1, [create_candidate(ana, "Ana", "Souza", None)])).await;
    assert_eq!(upload(&server, rita, &claimed).await.0, StatusCode::CREATED);
    server.push(rita, &numbered(2, [attach(ana, "cv.pdf", &claimed)])).await;
    assert_eq!(upload(&server, rita, &unclaimed).await.0, StatusCode::CREATED);

    // What an interrupted upload leaves, an hour old and fresh (one under way), and a file a
    // server before blobs were counted kept without any document.
    let shard = acme_folder(&server).await.join("ab");
    std::fs::create_dir_all(&shard).unwrap();
    let (stale, fresh) = (shard.join(".0190-stale.partial"), shard.join(".0190-fresh.partial"));
    std::fs::write(&stale, b"half").unwrap();
    std::fs::write(&fresh, b"half").unwrap();
    let hours_ago = SystemTime::now() - Duration::from_secs(2 * 3600);
    std::fs::File::options().write(true).open(&stale).unwrap().set_modified(hours_ago).unwrap();
    let legacy = b"an old upload".to_vec();
    let legacy_path = acme_folder(&server).await.join(&sha256(&legacy)[..2]).join(sha256(&legacy));
    std::fs::create_dir_all(legacy_path.parent().unwrap()).unwrap();
    std::fs::write(&legacy_path, &legacy).unwrap();

    let unclaimed_hash = sha256(&unclaimed);
    eventually("the sweep removes the expired upload, the stale part and the orphan", async || {
        !stored(&server, &unclaimed_hash) && !stale.exists() && !legacy_path.exists()
    })
    .await;
    assert!(fresh.exists(), "an upload under way is left alone");
    assert!(stored(&server, &sha256(&claimed)), "a document claimed its upload");
    assert_eq!(download(&server, &server.other_recruiter, &sha256(&claimed)).await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fresh_upload_waits_for_its_document_through_sweeps() {
    // The desktop uploads the bytes, then pushes the document: sweeps in between keep them.
    let server = TestServer::start_with(|c| Config { blob_sweep_interval_secs: 1, ..c }).await;
    let rita = &server.recruiter;
    let ana = Uuid::now_v7();
    let resume = b"uploaded before its document".to_vec();
    assert_eq!(upload(&server, rita, &resume).await.0, StatusCode::CREATED);
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(stored(&server, &sha256(&resume)));
    server
        .push(rita, &numbered(1, [create_candidate(ana, "Ana", "Souza", None), attach(ana, "cv.pdf", &resume)]))
        .await;
    assert_eq!(download(&server, &server.other_recruiter, &sha256(&resume)).await, (StatusCode::OK, resume));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_org_over_its_quota_is_refused_with_the_quota_named() {
    let server = TestServer::start_with(|c| Config { max_org_blob_bytes: 100, ..c }).await;
    let rita = &server.recruiter;
    let (first, second) = (vec![1u8; 60], vec![2u8; 60]);
    assert_eq!(upload(&server, rita, &first).await.0, StatusCode::CREATED);

    let (status, body) = upload(&server, rita, &second).await;
    assert_eq!(status, StatusCode::INSUFFICIENT_STORAGE);
    assert_eq!(body["error"]["code"], "quota_exceeded");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("max_org_blob_bytes") && message.contains("60 of its 100 bytes"), "{message}");
    assert!(!stored(&server, &sha256(&second)), "nothing of the refused upload is kept");

    // Content the org has already takes nothing more; another org counts its own.
    assert_eq!(upload(&server, rita, &first).await.0, StatusCode::OK);
    let hank = server.other_org_admin().await;
    assert_eq!(upload(&server, &hank, &second).await.0, StatusCode::CREATED);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_document_takes_its_bytes_with_it() {
    let server = TestServer::start().await;
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
    eventually("the bytes are removed", async || !stored(&server, &hash)).await;
}
