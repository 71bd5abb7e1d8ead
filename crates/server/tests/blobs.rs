//! Documents' bytes: stored once by their SHA-256, refused when the bytes do not match the
//! hash or exceed the limit, served through a document, and never to another org; on both
//! kinds of document store (a folder, S3). A store that is down refuses uploads and downloads
//! with a 503 naming it, and takes the same upload once it is back; a desktop keeps the
//! document queued meanwhile (sending what came before it, and pulling teammates' changes) and
//! sends it when the store is back.

mod support;

use reqwest::{Response, StatusCode};
use sha2::{Digest, Sha256};
use support::{TestServer, on_each_backend};
use talentdesk_domain::document::{Document, DocumentKind};
use talentdesk_domain::mutation::Mutation;
use talentdesk_server::blobs::storage::Storage;
use talentdesk_server::testing::Backend;
use uuid::Uuid;

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

async fn put_blob(server: &TestServer, hash: String, bytes: Vec<u8>, token: String) -> Response {
    let request = server.http.put(format!("{}/v1/blobs/{hash}", server.url)).bearer_auth(token).body(bytes);
    support::send_racing_early_refusal(request).await
}

async fn get_blob(server: &TestServer, hash: String, token: String) -> Response {
    server.http.get(format!("{}/v1/blobs/{hash}", server.url)).bearer_auth(token).send().await.unwrap()
}

fn attach(candidate_id: Uuid, bytes: &[u8]) -> Mutation {
    let document = Document {
        id: Uuid::now_v7(),
        candidate_id,
        name: "cv.pdf".into(),
        kind: DocumentKind::Resume,
        sha256: sha256(bytes),
        size: bytes.len() as u64,
        uploaded_at: chrono::Utc::now(),
    };
    Mutation::DocumentAttach { document }
}

on_each_backend!(blobs_are_stored_once_checked_and_kept_within_the_org);

async fn blobs_are_stored_once_checked_and_kept_within_the_org(backend: Backend) {
    let server =
        TestServer::start_on(backend, |c| talentdesk_server::config::Config { max_blob_bytes: 64 * 1024, ..c }).await;
    let rita = &server.recruiter;
    let put = |hash: String, bytes: Vec<u8>, token: String| put_blob(&server, hash, bytes, token);
    let get = |hash: String, token: String| get_blob(&server, hash, token);
    let resume = b"%PDF-1.4 Ana Souza, Nurse".to_vec();
    let hash = sha256(&resume);

    assert_eq!(put(hash.clone(), resume.clone(), rita.token.clone()).await.status(), StatusCode::CREATED);
    assert_eq!(
        put(hash.clone(), resume.clone(), rita.token.clone()).await.status(),
        StatusCode::OK,
        "a repeat is a no-op"
    );
    // Served once a document refers to it (see security::blobs for who may read what).
    let ana = Uuid::now_v7();
    let attached = [support::create_candidate(ana, "Ana", "Souza", None), attach(ana, &resume)];
    server.push(rita, &support::numbered(1, attached)).await;
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

#[tokio::test(flavor = "multi_thread")]
async fn a_store_that_is_down_refuses_with_its_name_within_10_s_and_takes_the_same_upload_when_back() {
    let server = TestServer::start_on(Backend::S3, |c| c).await;
    let rita = server.recruiter.clone();
    let ana = Uuid::now_v7();
    let (resume, letter) = (b"%PDF-1.4 Ana Souza, Nurse".to_vec(), b"Dear hiring team".to_vec());
    assert_eq!(
        put_blob(&server, sha256(&resume), resume.clone(), rita.token.clone()).await.status(),
        StatusCode::CREATED
    );
    let attached = [support::create_candidate(ana, "Ana", "Souza", None), attach(ana, &resume)];
    server.push(&rita, &support::numbered(1, attached)).await;

    // Down as the worst kind: connections are taken and never answered (no quick refusal).
    server.blobs.moto().unwrap().pause();
    assert!(server.blobs.storage().check().await.is_err(), "the readiness check sees the store down");
    let asked = std::time::Instant::now();
    let refused = put_blob(&server, sha256(&letter), letter.clone(), rita.token.clone()).await;
    assert!(asked.elapsed() < std::time::Duration::from_secs(10), "refused after {:?}", asked.elapsed());
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "storage_unavailable");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains(r#"S3 bucket "talentdesk-test""#) && message.contains("not stored"), "{message}");
    let unread = get_blob(&server, sha256(&resume), rita.token.clone()).await;
    assert_eq!(unread.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = unread.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("was not read"), "{body}");

    // Back, with all it held: the resume is served again, and the refused upload was not
    // taken as stored: sent again, it is stored now (201, not "already stored"), and served.
    server.blobs.moto().unwrap().resume();
    server.blobs.storage().check().await.expect("the store is back");
    let kept = get_blob(&server, sha256(&resume), rita.token.clone()).await;
    assert_eq!(kept.status(), StatusCode::OK, "what was stored before the outage is still there");
    assert_eq!(kept.bytes().await.unwrap().to_vec(), resume);
    let stored = put_blob(&server, sha256(&letter), letter.clone(), rita.token.clone()).await;
    assert_eq!(stored.status(), StatusCode::CREATED);
    server.push(&rita, &support::numbered(3, [attach(ana, &letter)])).await;
    let fetched = get_blob(&server, sha256(&letter), server.other_recruiter.token.clone()).await;
    assert_eq!(fetched.status(), StatusCode::OK);
    assert_eq!(fetched.bytes().await.unwrap().to_vec(), letter);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_document_folder_that_cannot_be_written_refuses_uploads_naming_it() {
    // A folder below a file (as good as a full disk or a lost mount; root ignores permissions).
    let file = tempfile::NamedTempFile::new().unwrap();
    let blob_dir = file.path().join("blobs");
    let server = TestServer::start_with(|c| talentdesk_server::config::Config { blob_dir, ..c }).await;
    let resume = b"%PDF-1.4 Ana Souza, Nurse".to_vec();
    let refused = put_blob(&server, sha256(&resume), resume, server.recruiter.token.clone()).await;
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "storage_unavailable");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("the server's document folder is unavailable") && message.contains("not stored"),
        "{message}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_desktop_keeps_a_document_queued_while_the_store_is_down_pulls_meanwhile_and_sends_it_when_back() {
    use talentdesk_sync::engine::{Replica, SyncError};

    let server = TestServer::start_on(Backend::S3, |c| c).await;
    let folder = tempfile::tempdir().unwrap();
    let desk = Replica::sign_in(&folder.path().join("desk.db"), &server.url, "rita@acme.test", support::PASSWORD)
        .await
        .unwrap();
    desk.engine.sync_once().await.unwrap();
    let ana = Uuid::now_v7();
    let resume = b"%PDF-1.4 Ana Souza, Nurse, attached while the store was down".to_vec();
    {
        let mut store = desk.store.lock().unwrap();
        store.apply(&desk.user, support::create_candidate(ana, "Ana", "Souza", None)).unwrap();
        store.put_blob(&resume).unwrap();
        store.apply(&desk.user, attach(ana, &resume)).unwrap();
        store.apply(&desk.user, support::create_candidate(Uuid::now_v7(), "Carl", "After", None)).unwrap();
    }

    server.blobs.moto().unwrap().pause();
    // A teammate's change made during the outage reaches the desktop all the same.
    let bo = Uuid::now_v7();
    server
        .push(&server.other_recruiter, &support::numbered(1, [support::create_candidate(bo, "Bo", "Lind", None)]))
        .await;
    let refused = desk.engine.sync_once().await.unwrap_err();
    assert!(refused.is_temporary(), "tried again by itself: {refused}");
    assert!(refused.to_string().contains(r#"S3 bucket "talentdesk-test""#), "{refused}");
    let SyncError::Held { round, .. } = &refused else { panic!("the round went on to pull: {refused:?}") };
    assert_eq!(round.pushed, 1, "Ana, before the resume, went out");
    assert!(round.pulled > 0);
    assert!(desk.store.lock().unwrap().profile(&desk.user, bo).is_ok(), "the teammate's Bo arrived");
    assert_eq!(desk.store.lock().unwrap().pending_count().unwrap(), 2, "the resume and Carl after it wait, in order");

    server.blobs.moto().unwrap().resume();
    desk.engine.sync_once().await.unwrap();
    assert_eq!(desk.store.lock().unwrap().pending_count().unwrap(), 0);
    let fetched = get_blob(&server, sha256(&resume), server.other_recruiter.token.clone()).await;
    assert_eq!(fetched.status(), StatusCode::OK, "a teammate downloads what the desktop sent");
    assert_eq!(fetched.bytes().await.unwrap().to_vec(), resume);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_s3_listing_pages_through_more_than_one_page_of_contents() {
    use futures_util::StreamExt;

    // S3 answers a listing 1,000 keys at a time: the sweep must see the ones after.
    let store = talentdesk_server::testing::TestStore::new(Backend::S3).await;
    let storage = store.storage();
    let org = Uuid::now_v7();
    let puts = futures_util::stream::iter(0..1_010u32).map(|n| {
        let storage = &storage;
        async move {
            let bytes = n.to_le_bytes();
            storage.put(org, &sha256(&bytes), &bytes).await.unwrap();
        }
    });
    puts.buffer_unordered(16).collect::<Vec<()>>().await;
    storage.check().await.unwrap();
    let listed = storage.list().await.unwrap();
    assert_eq!(listed.len(), 1_010, "every content, and not the readiness check's object");
    assert!(listed.iter().all(|kept| kept.org == org && kept.size == 4));
}
