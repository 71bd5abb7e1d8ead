//! The desktop's log and its diagnostics against a real server and the real keychain: what the
//! crates report lands in the log file, a sign-out the server did not hear says so there, and
//! the diagnostics carry neither the token nor the user's email. (One test: the log is this
//! process's, set up once.)

use std::time::Duration;

use talentdesk_domain::user::Role;
use talentdesk_keychain::TokenEntry;
use talentdesk_server::testing::{Instance, PASSWORD};
use talentdesk_session::{Diagnostics, LOG_LINES, Log, Notifier, ServerSignOut, Session, SessionEvent};
use tokio::sync::mpsc;

#[tokio::test(flavor = "multi_thread")]
async fn the_log_tells_what_happened_and_diagnostics_give_away_no_sign_in() {
    let data = tempfile::tempdir().unwrap();
    let log = Log::start(data.path()).unwrap();
    let mut server = Instance::start().await;
    let email = format!("nina+{}@acme.test", std::process::id());
    server.add_user(&email, Role::Recruiter).await;

    let (tx, mut events) = mpsc::unbounded_channel();
    let session = Session::sign_in(data.path(), &server.url, &email, PASSWORD, tx, Notifier::default()).await.unwrap();
    let token = TokenEntry::new(&server.url, &email).unwrap().token().unwrap().expect("the keychain holds the token");
    tokio::time::timeout(Duration::from_secs(20), async {
        while let Some(event) = events.recv().await {
            if matches!(event, SessionEvent::Status { ref status } if status.online) {
                return;
            }
        }
    })
    .await
    .expect("sync reported");
    // Whatever is written about this session and its account goes through the log's filter.
    tracing::warn!("erasure unfinished: {} could not be removed", session.store.lock().unwrap().path().display());

    let diagnostics = Diagnostics {
        version: "test".into(),
        data_dir: data.path().to_path_buf(),
        connection: session.connection(),
        log: log.last_lines(LOG_LINES),
    }
    .text();
    assert!(diagnostics.contains(&format!("signed in to {}; first sync done; online", server.url)), "{diagnostics}");
    assert!(diagnostics.contains("erasure unfinished"), "the warning is in the log:\n{diagnostics}");
    assert!(!diagnostics.contains(&token), "the token is in the diagnostics:\n{diagnostics}");
    assert!(!diagnostics.contains("nina"), "the email is in the diagnostics:\n{diagnostics}");

    server.stop().await;
    let outcome = session.sign_out(data.path()).await.unwrap();
    assert!(matches!(outcome, ServerSignOut::NotReached { .. }), "{outcome:?}");
    let lines = log.last_lines(5).join("\n");
    assert!(
        lines.contains("WARN")
            && lines.contains("signed out on this computer only: the server could not end the sign-in"),
        "{lines}"
    );
    let everything = std::fs::read_dir(data.path().join("logs"))
        .unwrap()
        .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
        .collect::<String>();
    assert!(!everything.contains(&token) && !everything.contains("nina"), "{everything}");
}
