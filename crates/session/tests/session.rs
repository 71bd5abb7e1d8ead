//! A desktop session against a real server and the real keychain (scripts/test.sh runs the
//! tests in a D-Bus session with gnome-keyring).

#[path = "../../../tests/harness/child_test.rs"]
mod child_test;

use std::time::Duration;

use talentdesk_domain::candidate::{Profile, ProfileType};
use talentdesk_domain::mutation::Mutation;
use talentdesk_domain::new_id;
use talentdesk_domain::user::Role;
use talentdesk_keychain::TokenEntry;
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_session::{Notifier, ServerSignOut, Session, SessionEvent};
use talentdesk_store::replica::ChangedCandidates;
use talentdesk_sync::client::{Client, ClientError};
use tokio::sync::mpsc;

/// Waits for the first event `wanted` accepts, up to 20 s.
async fn until(
    events: &mut mpsc::UnboundedReceiver<SessionEvent>,
    wanted: impl Fn(&SessionEvent) -> bool,
) -> SessionEvent {
    tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            let event = events.recv().await.expect("the session ended");
            if wanted(&event) {
                return event;
            }
        }
    })
    .await
    .expect("the event did not come")
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_is_remembered_in_the_keychain_and_sign_out_forgets_it() {
    let server = Instance::start().await;
    let rita = server.add_user(&format!("rita+{}@acme.test", std::process::id()), Role::Recruiter).await;
    let data = tempfile::tempdir().unwrap();

    let (tx, mut events) = mpsc::unbounded_channel();
    let session =
        Session::sign_in(data.path(), &server.url, &rita.email, PASSWORD, tx, Notifier::default()).await.unwrap();
    assert_eq!(session.keychain_problem(), None);
    let kept = TokenEntry::new(&server.url, &rita.email).unwrap().token().unwrap();
    assert!(kept.is_some(), "the token is in the keychain");
    let on_disk = std::fs::read_to_string(data.path().join("account.json")).unwrap();
    assert!(!on_disk.contains(kept.as_deref().unwrap()), "the token is in no file");
    until(&mut events, |e| matches!(e, SessionEvent::Status { status } if status.online)).await;

    // A change made here reaches the server without waiting for the poll.
    let ana = Mutation::CandidateCreate {
        candidate_id: new_id(),
        profile: Profile { first_name: "Ana".into(), last_name: "Souza".into(), ..Profile::default() },
        profile_type: ProfileType::RecruiterGenerated,
    };
    session.store.lock().unwrap().apply(&session.user, ana).unwrap();
    session.changed();
    until(
        &mut events,
        |e| matches!(e, SessionEvent::Status { status } if status.pending == 0 && status.last_sync_at.is_some()),
    )
    .await;
    drop(session);

    // Opening the app again: the keychain's token signs in without a password.
    let (tx, mut events) = mpsc::unbounded_channel();
    let again = Session::resume(data.path(), tx, Notifier::default()).await.unwrap().expect("resumed");
    assert_eq!(again.user.email, rita.email);
    until(&mut events, |e| matches!(e, SessionEvent::Status { status } if status.online)).await;
    assert_eq!(again.store.lock().unwrap().candidate_count().unwrap(), 1);

    let token = TokenEntry::new(&server.url, &rita.email).unwrap().token().unwrap().unwrap();
    assert_eq!(again.sign_out(data.path()).await.unwrap(), ServerSignOut::Ended);
    assert_eq!(TokenEntry::new(&server.url, &rita.email).unwrap().token().unwrap(), None);
    // The server refuses the token too: a copy of it taken before signing out is worthless.
    let copy = Client::with_token(&server.url, &token).unwrap();
    let refused = copy.pull(new_id(), "").await.unwrap_err();
    assert!(matches!(refused, ClientError::SignedOut(_)), "{refused:?}");
    let (tx, _events) = mpsc::unbounded_channel();
    assert!(Session::resume(data.path(), tx, Notifier::default()).await.unwrap().is_none(), "signed out stays out");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_sign_in_is_reported_and_a_wrong_password_refused() {
    let server = Instance::start().await;
    let omar = server.add_user(&format!("omar+{}@acme.test", std::process::id()), Role::Recruiter).await;
    let data = tempfile::tempdir().unwrap();
    let (tx, _) = mpsc::unbounded_channel();
    let wrong =
        Session::sign_in(data.path(), &server.url, &omar.email, "nope", tx, Notifier::default()).await.err().unwrap();
    assert!(wrong.to_string().contains("password"), "{wrong}");

    let (tx, mut events) = mpsc::unbounded_channel();
    let session =
        Session::sign_in(data.path(), &server.url, &omar.email, PASSWORD, tx, Notifier::default()).await.unwrap();
    until(&mut events, |e| matches!(e, SessionEvent::Status { status } if status.online)).await;
    talentdesk_server::admin::revoke_tokens(server.pool(), &omar.email).await.unwrap();
    session.changed();
    until(&mut events, |e| matches!(e, SessionEvent::Status { status } if status.signed_out)).await;
    session.sign_out(data.path()).await.unwrap();
}

#[test]
fn without_a_keychain_the_session_works_says_why_it_is_not_kept_and_writes_no_token() {
    // A session bus nobody listens on, in a process of its own (the keychain reads it once).
    child_test::assert_passes(
        child_test::command("child_without_a_keychain")
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/talentdesk-bus"),
    );
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "run by without_a_keychain_the_session_works_says_why_it_is_not_kept_and_writes_no_token"]
async fn child_without_a_keychain() {
    let server = Instance::start().await;
    let omar = server.add_user("omar@acme.test", Role::Recruiter).await;
    let data = tempfile::tempdir().unwrap();
    let (tx, mut events) = mpsc::unbounded_channel();
    let session =
        Session::sign_in(data.path(), &server.url, &omar.email, PASSWORD, tx, Notifier::default()).await.unwrap();
    let problem = session.keychain_problem().expect("the keychain's absence is reported").detail.clone();
    assert!(problem.contains("gnome-keyring") && problem.contains("sign in each time"), "{problem}");
    until(&mut events, |e| matches!(e, SessionEvent::Status { status } if status.online)).await;
    drop(session);
    // Nothing quietly kept the token instead: the account file names the server and email only,
    // and opening the app again asks for the password.
    let account: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.path().join("account.json")).unwrap()).unwrap();
    let keys: Vec<&String> = account.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["email", "server"]);
    let (tx, _) = mpsc::unbounded_channel();
    let resumed = Session::resume(data.path(), tx, Notifier::default()).await;
    assert!(!matches!(resumed, Ok(Some(_))), "signed in again without a password");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_first_sync_whose_sign_in_is_revoked_stops_and_asks_to_sign_in_again() {
    let server = Instance::start().await;
    let options = talentdesk_demo::DemoOptions { candidates: 5_000, seed: 9 };
    let demo =
        talentdesk_server::demo::fill_org(server.pool(), "Acme", options, PASSWORD.into(), |_| {}).await.unwrap();
    let email = &demo.recruiter_emails[0];
    let data = tempfile::tempdir().unwrap();
    let (tx, mut events) = mpsc::unbounded_channel();
    let session = Session::sign_in(data.path(), &server.url, email, PASSWORD, tx, Notifier::default()).await.unwrap();
    session.pause_first_sync();
    until(&mut events, |e| matches!(e, SessionEvent::FirstSyncPaused { by_user: true, .. })).await;

    talentdesk_server::admin::revoke_tokens(server.pool(), email).await.unwrap();
    session.resume_first_sync();
    until(&mut events, |e| matches!(e, SessionEvent::Status { status } if status.signed_out)).await;
    assert!(!session.synced());
    session.sign_out(data.path()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_teammates_document_is_downloaded_when_wanted() {
    use talentdesk_domain::document::{Document, DocumentKind};

    let server = Instance::start().await;
    let rita = server.add_user(&format!("rita.docs+{}@acme.test", std::process::id()), Role::Recruiter).await;
    let omar = server.add_user(&format!("omar.docs+{}@acme.test", std::process::id()), Role::Recruiter).await;
    let (rita_data, omar_data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (tx, _rita_events) = mpsc::unbounded_channel();
    let a =
        Session::sign_in(rita_data.path(), &server.url, &rita.email, PASSWORD, tx, Notifier::default()).await.unwrap();
    let (tx, mut omar_events) = mpsc::unbounded_channel();
    let b =
        Session::sign_in(omar_data.path(), &server.url, &omar.email, PASSWORD, tx, Notifier::default()).await.unwrap();
    // Omar's first sync is done before Rita writes: a change made during it arrives in its
    // snapshot, with no pull to tell of it (CI run 15 waited for one in vain). The org's users
    // are records of that snapshot, so it is never empty and its end is told.
    until(&mut omar_events, |e| matches!(e, SessionEvent::FirstSyncDone { .. })).await;

    let (ana, letter_id) = (new_id(), new_id());
    let letter = b"Dear hiring team, ...".to_vec();
    let sha256 = {
        let mut store = a.store.lock().unwrap();
        let profile = Profile { first_name: "Ana".into(), last_name: "Souza".into(), ..Profile::default() };
        let create =
            Mutation::CandidateCreate { candidate_id: ana, profile, profile_type: ProfileType::RecruiterGenerated };
        store.apply(&a.user, create).unwrap();
        let sha256 = store.put_blob(&letter).unwrap();
        let document = Document {
            id: letter_id,
            candidate_id: ana,
            name: "letter.txt".into(),
            kind: DocumentKind::CoverLetter,
            sha256: sha256.clone(),
            size: letter.len() as u64,
            uploaded_at: chrono::Utc::now(),
        };
        store.apply(&a.user, Mutation::DocumentAttach { document }).unwrap();
        sha256
    };
    a.changed();
    // The teammate's window hears which candidate changed, to read exactly their views again.
    // Ana and her letter may come in two pulls (a round of Rita's can start between the two
    // writes above): the change that matters is the one that brings the letter.
    until(&mut omar_events, |e| {
        matches!(e, SessionEvent::DataChanged { changed }
            if matches!(&changed.candidates, ChangedCandidates::Named(ids) if ids.contains(&ana)))
            && b.store.lock().unwrap().document(letter_id).is_ok()
    })
    .await;

    assert!(
        b.store.lock().unwrap().blob(&sha256).is_none(),
        "a cover letter outside the offline lists is not fetched ahead"
    );
    let path = b.documents().file(&sha256).await.unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), letter);
    assert_eq!(b.documents().file(&sha256).await.unwrap(), path, "the second time it is here");
    let missing = b.documents().file(&"0".repeat(64)).await.unwrap_err();
    assert!(!missing.to_string().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_while_the_server_is_away_signs_out_here_and_says_the_server_was_not_told() {
    let mut server = Instance::start().await;
    let lea = server.add_user(&format!("lea+{}@acme.test", std::process::id()), Role::Recruiter).await;
    let data = tempfile::tempdir().unwrap();
    let (tx, mut events) = mpsc::unbounded_channel();
    let session =
        Session::sign_in(data.path(), &server.url, &lea.email, PASSWORD, tx, Notifier::default()).await.unwrap();
    until(&mut events, |e| matches!(e, SessionEvent::Status { status } if status.online)).await;
    server.stop().await;

    let outcome = session.sign_out(data.path()).await.unwrap();
    assert!(
        matches!(&outcome, ServerSignOut::NotReached { reason } if reason.contains("cannot be reached")),
        "{outcome:?}"
    );
    assert_eq!(TokenEntry::new(&server.url, &lea.email).unwrap().token().unwrap(), None, "signed out here anyway");
    let (tx, _events) = mpsc::unbounded_channel();
    assert!(Session::resume(data.path(), tx, Notifier::default()).await.unwrap().is_none(), "signed out stays out");
}
