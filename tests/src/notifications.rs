//! A real notification daemon (dunst) on the test's session bus, and what is said to it, as the
//! bus carries it (dbus-monitor): run with the window tests, under Xvfb in a D-Bus session of
//! their own (scripts/test.sh). Started before the app, which gives up on notifications for
//! good when the first one finds no daemon.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::Result;

/// Kills the process when dropped, also when the test fails.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// dunst serving org.freedesktop.Notifications, and everything said to that service since.
pub struct Notifications {
    heard: Arc<Mutex<String>>,
    _dunst: Running,
    _monitor: Running,
}

impl Notifications {
    /// Starts the monitor, then dunst, and returns once dunst holds the service's name.
    pub fn start() -> Result<Self> {
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
            for line in lines.lines().map_while(std::result::Result::ok) {
                sink.lock().unwrap().push_str(&line);
            }
        });
        let dunst = Running(Command::new("dunst").spawn().map_err(|e| format!("dunst: {e}"))?);
        let deadline = Instant::now() + Duration::from_secs(10);
        while !daemon_is_up() {
            if Instant::now() > deadline {
                return Err("dunst did not take the notification service's name".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Self { heard, _dunst: dunst, _monitor: monitor })
    }

    /// Waits up to `within` for a notification carrying `text` to reach the bus.
    pub fn wait_for(&self, text: &str, within: Duration) -> Result<()> {
        let deadline = Instant::now() + within;
        while !self.heard.lock().unwrap().contains(text) {
            if Instant::now() > deadline {
                return Err(format!("{text:?} never reached the bus: {}", self.heard.lock().unwrap()));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
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
