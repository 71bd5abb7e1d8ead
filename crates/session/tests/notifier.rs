//! Without a notification service, notifying degrades quietly: no panic, no error for the
//! caller, and later notifications are not even tried. (That one reaches a real daemon is a
//! window test: tests/e2e/notify.rs, under Xvfb with dunst.)

#[path = "../../../tests/harness/child_test.rs"]
mod child_test;

use std::time::{Duration, Instant};

use talentdesk_session::Notifier;

#[test]
fn without_a_notification_service_notifying_gives_up_quietly() {
    // A session bus nobody listens on, in a process of its own.
    child_test::assert_passes(
        child_test::command("child_without_a_bus")
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/talentdesk-bus"),
    );
}

#[test]
#[ignore = "run by without_a_notification_service_notifying_gives_up_quietly"]
fn child_without_a_bus() {
    let notifier = Notifier::default();
    notifier.notify("Talentdesk cannot sync".into(), "The server cannot be reached.".into());
    let deadline = Instant::now() + Duration::from_secs(10);
    while notifier.available() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!notifier.available(), "the failure is remembered");
    notifier.notify("again".into(), "not tried".into());
}
