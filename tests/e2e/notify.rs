//! Desktop notifications reach a real notification daemon (dunst) on the session bus: run
//! with the window tests, under Xvfb in a D-Bus session of their own (scripts/test.sh).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use talentdesk_session::Notifier;

/// Kills the process when dropped, also when the test fails.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn daemon_is_up() -> bool {
    let reply = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.freedesktop.Notifications",
        ])
        .output()
        .expect("dbus-send is installed");
    String::from_utf8_lossy(&reply.stdout).contains("boolean true")
}

#[test]
fn sync_news_reaches_the_notification_daemon() -> Result<(), String> {
    // Everything said to the notification service, as the bus carries it.
    let mut monitor = Running(
        Command::new("dbus-monitor")
            .args(["--session", "interface=org.freedesktop.Notifications"])
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("dbus-monitor: {e}"))?,
    );
    let heard = Arc::new(Mutex::new(String::new()));
    let lines = BufReader::new(monitor.0.stdout.take().ok_or("no monitor output")?);
    let sink = heard.clone();
    std::thread::spawn(move || {
        for line in lines.lines().map_while(Result::ok) {
            sink.lock().unwrap().push_str(&line);
        }
    });
    let _dunst = Running(Command::new("dunst").spawn().map_err(|e| format!("dunst: {e}"))?);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !daemon_is_up() {
        if Instant::now() > deadline {
            return Err("dunst did not take the notification service's name".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }

    let notifier = Notifier::default();
    notifier.notify("Talentdesk cannot sync".into(), "Your 3 change(s) are kept on this computer.".into());
    let deadline = Instant::now() + Duration::from_secs(10);
    while !heard.lock().unwrap().contains("Talentdesk cannot sync") {
        if Instant::now() > deadline {
            return Err(format!("the notification never reached the bus: {}", heard.lock().unwrap()));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(notifier.available(), "a daemon that answers keeps notifications on");
    Ok(())
}
