//! Desktop notifications reach a real notification daemon (dunst) on the session bus: run
//! with the window tests, under Xvfb in a D-Bus session of their own (scripts/test.sh).

use std::time::Duration;

use talentdesk_e2e::notifications::Notifications;
use talentdesk_session::Notifier;

#[test]
fn sync_news_reaches_the_notification_daemon() -> Result<(), String> {
    let daemon = Notifications::start()?;
    let notifier = Notifier::default();
    notifier.notify("Talentdesk cannot sync".into(), "Your 3 change(s) are kept on this computer.".into());
    daemon.wait_for("Talentdesk cannot sync", Duration::from_secs(10))?;
    assert!(notifier.available(), "a daemon that answers keeps notifications on");
    Ok(())
}
