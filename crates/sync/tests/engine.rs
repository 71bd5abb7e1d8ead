//! The sync engine against a real server: bad input and broken connections get clear
//! answers, and nothing already saved is lost.

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::user::{Role, User};
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_store::Store;
use talentdesk_store::replica::NoticeDetail;
use talentdesk_sync::client::{Client, ClientError};
use talentdesk_sync::engine::{Engine, Replica, SyncError};
use talentdesk_sync::wire::{PushOutcome, PushedMutation};

struct Desktop {
    store: Arc<Mutex<Store>>,
    engine: Engine,
    user: User,
    _dir: tempfile::TempDir,
}

async fn desktop(server: &Instance, user: &User) -> Desktop {
    let dir = tempfile::tempdir().unwrap();
    let replica = Replica::sign_in(&dir.path().join("desk.db"), &server.url, &user.email, PASSWORD).await.unwrap();
    Desktop { store: replica.store, engine: replica.engine, user: replica.user, _dir: dir }
}

fn create(first: &str) -> Mutation {
    Mutation::CandidateCreate {
        candidate_id: new_id(),
        profile: Profile { first_name: first.into(), last_name: "Souza".into(), ..Profile::default() },
        profile_type: ProfileType::RecruiterGenerated,
    }
}

fn names(store: &Arc<Mutex<Store>>) -> Vec<String> {
    let store = store.lock().unwrap();
    let mut names: Vec<String> = store
        .export_records()
        .unwrap()
        .into_iter()
        .filter(|(kind, _, _)| *kind == talentdesk_domain::record::RecordKind::Candidate)
        .map(|(_, _, data)| {
            serde_json::from_str::<serde_json::Value>(&data).unwrap()["candidate"]["profile"]["first_name"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn offline_work_reaches_a_teammate_once_the_server_is_back() {
    let mut server = Instance::start().await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let omar = server.add_user("omar@acme.test", Role::Recruiter).await;
    let (a, b) = (desktop(&server, &rita).await, desktop(&server, &omar).await);
    a.engine.sync_once().await.unwrap();
    b.engine.sync_once().await.unwrap();

    server.stop().await;
    a.store.lock().unwrap().apply(&a.user, create("Ana")).unwrap();
    a.store.lock().unwrap().apply(&a.user, create("Bea")).unwrap();
    let offline = a.engine.sync_once().await.unwrap_err();
    assert!(offline.is_temporary(), "{offline}");
    assert!(offline.to_string().contains("cannot be reached"), "{offline}");
    assert_eq!(a.store.lock().unwrap().pending_count().unwrap(), 2, "nothing is lost while offline");
    assert_eq!(names(&a.store), ["Ana", "Bea"], "the work shows locally");

    server.start_again().await;
    let round = a.engine.sync_once().await.unwrap();
    assert_eq!(round.pushed, 2);
    assert_eq!(a.store.lock().unwrap().pending_count().unwrap(), 0);
    b.engine.sync_once().await.unwrap();
    assert_eq!(names(&b.store), ["Ana", "Bea"]);
    // Pushing again changes nothing: the server took each mutation once.
    a.engine.sync_once().await.unwrap();
    b.engine.sync_once().await.unwrap();
    assert_eq!(names(&b.store), ["Ana", "Bea"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_the_server_refuses_is_undone_here_and_reported() {
    let server = Instance::start().await;
    let admin = server.add_user("admin@acme.test", Role::RecruiterAdmin).await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let (boss, desk) = (desktop(&server, &admin).await, desktop(&server, &rita).await);
    boss.store.lock().unwrap().apply(&boss.user, create("Ana")).unwrap();
    boss.engine.sync_once().await.unwrap();
    desk.engine.sync_once().await.unwrap();
    let ana = desk.store.lock().unwrap().candidate_ids(1).unwrap()[0];

    // Rita adds a note to Ana while the admin deletes her: the deletion wins.
    let note = Mutation::NoteAdd { note_id: new_id(), candidate_id: ana, body: "Call back".into(), private: false };
    desk.store.lock().unwrap().apply(&desk.user, note).unwrap();
    let delete = Mutation::CandidateDelete { selection: talentdesk_domain::search::Selection::Ids { ids: vec![ana] } };
    boss.store.lock().unwrap().apply(&boss.user, delete).unwrap();
    boss.engine.sync_once().await.unwrap();

    let round = desk.engine.sync_once().await.unwrap();
    assert_eq!(round.notices.len(), 1, "{:?}", round.notices);
    let notices = desk.store.lock().unwrap().notices(Some(ana)).unwrap();
    assert_eq!(notices.len(), 1);
    match &notices[0].detail {
        NoticeDetail::Rejected { reason } => assert!(reason.to_string().contains("does not exist"), "{reason}"),
        other => panic!("expected a rejection, got {other:?}"),
    }
    assert!(names(&desk.store).is_empty(), "the deleted candidate and the refused note are gone");
    assert_eq!(desk.store.lock().unwrap().pending_count().unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_sign_ins_and_revoked_tokens_get_plain_answers() {
    let server = Instance::start().await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;

    let wrong = Client::login(&server.url, &rita.email, "not the password").await.err().unwrap();
    assert!(matches!(wrong, ClientError::SignedOut(_)), "{wrong:?}");
    assert!(wrong.to_string().contains("password"), "{wrong}");

    let nobody = Client::login("http://127.0.0.1:9", &rita.email, PASSWORD).await.err().unwrap();
    assert!(nobody.is_temporary() && nobody.to_string().contains("cannot be reached"), "{nobody}");

    // A plain HTTP server spoken to over TLS.
    let tls = Client::login(&server.url.replace("http://", "https://"), &rita.email, PASSWORD).await.err().unwrap();
    assert!(!tls.is_temporary(), "a TLS failure is not fixed by waiting: {tls}");
    assert!(tls.to_string().contains("secure connection"), "{tls}");

    let desk = desktop(&server, &rita).await;
    desk.engine.sync_once().await.unwrap();
    talentdesk_server::admin::revoke_tokens(server.pool(), &rita.email).await.unwrap();
    desk.store.lock().unwrap().apply(&desk.user, create("Ana")).unwrap();
    let revoked = desk.engine.sync_once().await.unwrap_err();
    assert!(matches!(revoked, SyncError::Client(ClientError::SignedOut(_))), "{revoked:?}");
    assert_eq!(desk.store.lock().unwrap().pending_count().unwrap(), 1, "the change waits for the next sign-in");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_that_does_not_speak_the_protocol_is_named_as_such() {
    // Any web server that is not Talentdesk's: it answers every request with a page.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for stream in listener.incoming().flatten().take(1) {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let body = "<html>Not Found</html>";
            let _ = write!(
                stream,
                "HTTP/1.1 404 Not Found\r\ncontent-type: text/html\r\ncontent-length: {}\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let e = Client::login(&url, "rita@acme.test", PASSWORD).await.err().unwrap();
    assert!(!e.is_temporary());
    assert!(e.to_string().contains("not a Talentdesk server"), "{e}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stopped_first_sync_resumes_and_a_clock_hours_off_changes_nothing() {
    let server = Instance::start().await;
    let admin = server.add_user("admin@acme.test", Role::RecruiterAdmin).await;
    let boss = desktop(&server, &admin).await;
    boss.engine.sync_once().await.unwrap();
    for i in 0..30 {
        boss.store.lock().unwrap().apply(&boss.user, create(&format!("C{i:02}"))).unwrap();
    }
    boss.engine.sync_once().await.unwrap();

    // A client whose clock runs six hours fast: the server orders by arrival, not by clocks.
    let (client, _) = Client::login(&server.url, &admin.email, PASSWORD).await.unwrap();
    let ahead = chrono::Utc::now() + chrono::Duration::hours(6);
    let pushed = client.push(new_id(), vec![PushedMutation::new(1, create("Zed"), ahead)]).await.unwrap();
    assert!(matches!(pushed.results[0].outcome, PushOutcome::Applied { .. }));

    let fresh = desktop(&server, &admin).await;
    let stop = Arc::new(AtomicBool::new(true));
    let stopped = fresh.engine.first_sync(stop, |_| {}).await.unwrap_err();
    assert!(matches!(stopped, SyncError::Cancelled), "{stopped:?}");
    assert!(fresh.store.lock().unwrap().snapshot_interrupted().unwrap());
    let loaded = fresh.engine.first_sync(Arc::new(AtomicBool::new(false)), |_| {}).await.unwrap();
    assert!(loaded > 30);
    fresh.engine.sync_once().await.unwrap();
    boss.engine.sync_once().await.unwrap();
    assert_eq!(names(&fresh.store).len(), 31);
    assert_eq!(
        fresh.store.lock().unwrap().export_records().unwrap(),
        boss.store.lock().unwrap().export_records().unwrap()
    );
}

fn title(store: &Arc<Mutex<Store>>, user: &User, id: uuid::Uuid) -> String {
    store.lock().unwrap().profile(user, id).unwrap().candidate.profile.current_title
}

fn retitle(id: uuid::Uuid, from: &str, to: &str) -> Mutation {
    use talentdesk_domain::candidate::FieldValue;
    use talentdesk_domain::history::FieldChange;
    let change = FieldChange { from: FieldValue::CurrentTitle(from.into()), to: FieldValue::CurrentTitle(to.into()) };
    Mutation::CandidateUpdate { candidate_id: id, changes: vec![change] }
}

#[tokio::test(flavor = "multi_thread")]
async fn whoever_overwrote_a_teammates_value_is_told_and_can_put_it_back() {
    let server = Instance::start().await;
    let admin = server.add_user("admin@acme.test", Role::RecruiterAdmin).await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let (boss, desk) = (desktop(&server, &admin).await, desktop(&server, &rita).await);
    let ana = new_id();
    let profile = Profile {
        first_name: "Ana".into(),
        last_name: "Souza".into(),
        current_title: "Engineer".into(),
        certifications: vec!["PMP, PMI, 2021".into()],
        interests: vec!["data".into()],
        ..Profile::default()
    };
    let create =
        Mutation::CandidateCreate { candidate_id: ana, profile, profile_type: ProfileType::RecruiterGenerated };
    // The area is checked against the organisation's list here and again on the server.
    let areas = Mutation::SetInterests { interests: vec!["Data".into(), "Design".into()] };
    boss.store.lock().unwrap().apply(&boss.user, areas).unwrap();
    boss.store.lock().unwrap().apply(&boss.user, create).unwrap();
    boss.engine.sync_once().await.unwrap();
    desk.engine.sync_once().await.unwrap();
    let certifications = |store: &Arc<Mutex<Store>>, user: &User| {
        store.lock().unwrap().profile(user, ana).unwrap().candidate.profile.certifications
    };
    assert_eq!(certifications(&desk.store, &desk.user), ["PMP, PMI, 2021"], "the server kept the certification");
    let interests = desk.store.lock().unwrap().profile(&desk.user, ana).unwrap().candidate.profile.interests;
    assert_eq!(interests, ["Data"], "and the area of interest, as the list spells it");

    // Both change the title from "Engineer"; the admin's reaches the server first.
    boss.store.lock().unwrap().apply(&boss.user, retitle(ana, "Engineer", "Designer")).unwrap();
    boss.engine.sync_once().await.unwrap();
    desk.store.lock().unwrap().apply(&desk.user, retitle(ana, "Engineer", "Nurse")).unwrap();
    let round = desk.engine.sync_once().await.unwrap();
    assert_eq!(title(&desk.store, &desk.user, ana), "Nurse", "the later push wins");
    let notices = desk.store.lock().unwrap().notices(Some(ana)).unwrap();
    assert_eq!(round.notices, notices);
    let seq = match &notices[..] {
        [notice] => match &notice.detail {
            NoticeDetail::Conflicts { conflicts } => {
                assert_eq!(
                    conflicts[0].overwritten,
                    talentdesk_domain::candidate::FieldValue::CurrentTitle("Designer".into())
                );
                notice.seq
            }
            other => panic!("expected a conflict, got {other:?}"),
        },
        other => panic!("expected one notice, got {other:?}"),
    };

    // Rita puts the admin's value back: a change of her own, synced like any other.
    desk.store.lock().unwrap().put_back(&desk.user, seq, 0).unwrap();
    assert!(desk.store.lock().unwrap().notices(Some(ana)).unwrap().is_empty(), "the notice is dealt with");
    desk.engine.sync_once().await.unwrap();
    boss.engine.sync_once().await.unwrap();
    assert_eq!(title(&boss.store, &boss.user, ana), "Designer");
    assert_eq!(title(&desk.store, &desk.user, ana), "Designer");
    assert_eq!(certifications(&boss.store, &boss.user), ["PMP, PMI, 2021"], "and every pull since");
}

#[tokio::test(flavor = "multi_thread")]
async fn documents_travel_as_blobs_and_an_events_documents_can_be_kept_offline() {
    use talentdesk_domain::document::{Document, DocumentKind};
    use talentdesk_domain::event::{Event, EventCategory};
    use talentdesk_domain::search::Selection;
    use talentdesk_store::blobs::OfflineSet;

    let server = Instance::start().await;
    let admin = server.add_user("admin@acme.test", Role::RecruiterAdmin).await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let (boss, desk) = (desktop(&server, &admin).await, desktop(&server, &rita).await);

    // The admin registers Ana at a fair and attaches her resume.
    let ana = new_id();
    let fair = Event::new(new_id(), "Porto fair", EventCategory::CareerFair, chrono::Utc::now(), "Porto");
    let resume = b"%PDF-1.7 Ana Souza, nurse".to_vec();
    {
        let mut store = boss.store.lock().unwrap();
        let profile = Profile { first_name: "Ana".into(), last_name: "Souza".into(), ..Profile::default() };
        store
            .apply(
                &boss.user,
                Mutation::CandidateCreate { candidate_id: ana, profile, profile_type: ProfileType::RecruiterGenerated },
            )
            .unwrap();
        store.apply(&boss.user, Mutation::EventCreate { event: fair.clone() }).unwrap();
        let at_fair = Mutation::EventAdd {
            selection: Selection::Ids { ids: vec![ana] },
            event_id: fair.id,
            attended: true,
            confirmation: None,
        };
        store.apply(&boss.user, at_fair).unwrap();
        let sha256 = store.put_blob(&resume).unwrap();
        let document = Document {
            id: new_id(),
            candidate_id: ana,
            name: "ana.pdf".into(),
            kind: DocumentKind::Resume,
            sha256,
            size: resume.len() as u64,
            uploaded_at: chrono::Utc::now(),
        };
        store.apply(&boss.user, Mutation::DocumentAttach { document }).unwrap();
    }
    boss.engine.sync_once().await.unwrap();
    let sha256 = boss.store.lock().unwrap().put_blob(&resume).unwrap();
    let (client, _) = Client::login(&server.url, &rita.email, PASSWORD).await.unwrap();
    assert_eq!(client.get_blob(&sha256).await.unwrap(), resume, "the bytes went up with the record");

    // Rita's desktop has the record, not the bytes, until she keeps the fair's documents offline.
    desk.engine.sync_once().await.unwrap();
    assert!(desk.store.lock().unwrap().blob(&sha256).is_none());
    desk.store.lock().unwrap().keep_offline(OfflineSet::Event(fair.id), true).unwrap();
    desk.engine.sync_once().await.unwrap();
    let kept = desk.store.lock().unwrap().blob(&sha256).expect("the resume is on this computer");
    assert_eq!(std::fs::read(kept).unwrap(), resume);
    assert!(desk.store.lock().unwrap().missing_blobs().unwrap().is_empty());

    // Damaged bytes are refused, never kept under the hash.
    let damaged = desk.store.lock().unwrap().put_blob_checked(&"0".repeat(64), b"not it").unwrap_err();
    assert!(damaged.to_string().contains("damaged"), "{damaged}");
    assert!(desk.store.lock().unwrap().blob(&"0".repeat(64)).is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_teammates_resume_is_downloaded_read_and_searchable_here() {
    use talentdesk_domain::document::{Document, DocumentKind};
    use talentdesk_domain::search::SearchRequest;
    use talentdesk_store::search::PageRequest;

    let server = Instance::start().await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let omar = server.add_user("omar@acme.test", Role::Recruiter).await;
    let a = desktop(&server, &rita).await;
    // Omar's desktop reads resumes (here: as plain text, in place of the app's PDF reader).
    let mut b = desktop(&server, &omar).await;
    b.engine = b.engine.with_resume_reader(Arc::new(|bytes: &[u8]| Some(String::from_utf8_lossy(bytes).into_owned())));

    let ana = new_id();
    {
        let mut store = a.store.lock().unwrap();
        let profile = Profile { first_name: "Ana".into(), last_name: "Souza".into(), ..Profile::default() };
        let create =
            Mutation::CandidateCreate { candidate_id: ana, profile, profile_type: ProfileType::RecruiterGenerated };
        store.apply(&a.user, create).unwrap();
        let resume = b"Ana Souza\nTen years of cardiothoracic nursing".to_vec();
        let document = Document {
            id: new_id(),
            candidate_id: ana,
            name: "ana.txt".into(),
            kind: DocumentKind::Resume,
            sha256: store.put_blob(&resume).unwrap(),
            size: resume.len() as u64,
            uploaded_at: chrono::Utc::now(),
        };
        store.apply(&a.user, Mutation::DocumentAttach { document }).unwrap();
        store.set_resume_text(ana, Some("Ten years of cardiothoracic nursing")).unwrap();
    }
    a.engine.sync_once().await.unwrap();
    b.engine.sync_once().await.unwrap();

    let store = b.store.lock().unwrap();
    let request = SearchRequest { query: "cardiothoracic".into(), ..Default::default() };
    let found = store.search(&request, &PageRequest::default()).unwrap();
    assert_eq!(found.rows.iter().map(|r| r.id).collect::<Vec<_>>(), [ana], "found by their resume's words");
    assert!(found.rows[0].has_resume);
    assert!(store.resumes_to_read(10).unwrap().is_empty(), "read once, not again");
}

/// A replica's file opened as the app opens it after a restart, with its kept token.
fn open_replica(path: &std::path::Path, server: &str, token: &str) -> (Arc<Mutex<Store>>, Engine) {
    let store = Arc::new(Mutex::new(Store::open(path).unwrap()));
    let engine = Engine::new(store.clone(), Client::with_token(server, token).unwrap()).unwrap();
    (store, engine)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_copy_of_a_replica_pushing_under_the_same_client_id_loses_nothing_and_doubles_nothing() {
    let server = Instance::start().await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("desk.db");
    let replica = Replica::sign_in(&original, &server.url, &rita.email, PASSWORD).await.unwrap();
    replica.store.lock().unwrap().apply(&replica.user, create("Ana")).unwrap();
    replica.engine.sync_once().await.unwrap();
    let (token, user) = (replica.token.clone(), replica.user.clone());
    drop(replica);

    // The laptop's replica is restored from a backup onto a second machine: same client id,
    // same next sequence number.
    let copy = dir.path().join("restored.db");
    std::fs::copy(&original, &copy).unwrap();
    let open = |path: &std::path::Path| open_replica(path, &server.url, &token);
    let ((laptop, laptop_sync), (restored, restored_sync)) = (open(&original), open(&copy));
    let client_id = |store: &Arc<Mutex<Store>>| store.lock().unwrap().push_identity().unwrap().client_id;
    assert_eq!(client_id(&laptop), client_id(&restored));

    // Each makes its own changes under the same numbers.
    laptop.lock().unwrap().apply(&user, create("Bea")).unwrap();
    laptop.lock().unwrap().apply(&user, create("Dan")).unwrap();
    restored.lock().unwrap().apply(&user, create("Cid")).unwrap();
    laptop_sync.sync_once().await.unwrap();
    restored_sync.sync_once().await.unwrap();
    laptop_sync.sync_once().await.unwrap();

    // Cid was not answered with Bea's outcome and dropped: it went out under a new client id.
    assert_ne!(client_id(&laptop), client_id(&restored));
    assert_eq!(restored.lock().unwrap().pending_count().unwrap(), 0);
    assert_eq!(names(&laptop), ["Ana", "Bea", "Cid", "Dan"]);
    assert_eq!(names(&restored), ["Ana", "Bea", "Cid", "Dan"], "each change once");

    // Both go on working and syncing under their own ids.
    restored.lock().unwrap().apply(&user, create("Eve")).unwrap();
    restored_sync.sync_once().await.unwrap();
    laptop_sync.sync_once().await.unwrap();
    assert_eq!(names(&laptop), ["Ana", "Bea", "Cid", "Dan", "Eve"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pull_that_shows_a_copy_took_this_replicas_numbers_drops_nothing_unsent() {
    let server = Instance::start().await;
    let rita = server.add_user("rita@acme.test", Role::Recruiter).await;
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("desk.db");
    let replica = Replica::sign_in(&original, &server.url, &rita.email, PASSWORD).await.unwrap();
    // The client id is made on first use: before the copy, as a replica that ever synced has.
    replica.store.lock().unwrap().push_identity().unwrap();
    let (token, user) = (replica.token.clone(), replica.user.clone());
    drop(replica);
    let copy = dir.path().join("restored.db");
    std::fs::copy(&original, &copy).unwrap();
    let open = |path: &std::path::Path| open_replica(path, &server.url, &token);
    let ((laptop, laptop_sync), (restored, _)) = (open(&original), open(&copy));
    laptop.lock().unwrap().apply(&user, create("Bea")).unwrap();
    laptop_sync.sync_once().await.unwrap();

    // The copy's own mutation 1 waits; a pull says mutation 1 of this client id was taken.
    restored.lock().unwrap().apply(&user, create("Cid")).unwrap();
    let who = restored.lock().unwrap().push_identity().unwrap();
    let page = Client::with_token(&server.url, &token).unwrap().pull(who.client_id, "").await.unwrap();
    assert_eq!(page.last_seq, 1);
    let shared = restored.lock().unwrap().client_id_shared(who.local(page.last_seq), page.last_digest.as_deref());
    assert!(shared.unwrap(), "the digest of the taken mutation 1 is not Cid's");
    let same = laptop.lock().unwrap().client_id_shared(who.local(page.last_seq), page.last_digest.as_deref());
    assert!(!same.unwrap(), "the laptop's own mutation 1");
}
