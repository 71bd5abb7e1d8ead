//! Against the real Secret Service: scripts/test.sh runs the tests in a D-Bus session with
//! gnome-keyring unlocked (PLATFORM.md).

#[path = "../../../tests/harness/child_test.rs"]
mod child_test;

use std::process::Command;

use talentdesk_keychain::{KeychainError, TokenEntry};

fn unique_email() -> String {
    format!("rita+{}@acme.test", std::process::id())
}

#[test]
fn a_token_is_saved_read_back_by_another_process_and_forgotten() {
    let email = unique_email();
    let entry = TokenEntry::new("https://crm.acme.test/", &email).unwrap();
    assert_eq!(entry.token().unwrap(), None);
    entry.save("tok-123").unwrap();

    // Another process (the secret-tool of libsecret) finds it in the real keychain.
    let found = Command::new("secret-tool")
        .args(["lookup", "service", "Talentdesk", "username", &format!("{email} at https://crm.acme.test")])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    assert_eq!(String::from_utf8_lossy(&found.stdout), "tok-123");

    // The same account, however the URL and email were typed.
    let again = TokenEntry::new("https://crm.acme.test", &email.to_uppercase()).unwrap();
    assert_eq!(again.token().unwrap().as_deref(), Some("tok-123"));
    again.forget().unwrap();
    assert_eq!(entry.token().unwrap(), None);
    entry.forget().unwrap();
}

#[test]
fn without_a_keychain_service_the_error_says_what_is_missing() {
    // A session bus nobody listens on: as on a machine with no Secret Service.
    child_test::assert_passes(
        child_test::command("child_without_a_bus")
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/talentdesk-bus"),
    );
}

#[test]
#[ignore = "run by without_a_keychain_service_the_error_says_what_is_missing"]
fn child_without_a_bus() {
    let entry = TokenEntry::new("https://crm.acme.test", "rita@acme.test").unwrap();
    let e = entry.save("tok").unwrap_err();
    assert!(matches!(e, KeychainError::Unavailable(_)), "{e:?}");
    assert!(e.to_string().contains("gnome-keyring"), "{e}");
    assert_eq!(entry.token().unwrap_err(), e, "reading fails the same way; nothing was kept elsewhere");
}
