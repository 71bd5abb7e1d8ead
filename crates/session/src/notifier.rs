//! Desktop notifications (the freedesktop service on Linux). Where none runs, the first
//! failure is remembered and later ones are not even tried: the window's own status says the
//! same thing, and a missing daemon costs ~40 ms a call (PLATFORM.md).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Clone)]
pub struct Notifier {
    available: Arc<AtomicBool>,
}

impl Default for Notifier {
    fn default() -> Self {
        Self { available: Arc::new(AtomicBool::new(true)) }
    }
}

impl Notifier {
    /// Shows a notification off the caller's thread; gives up quietly for good when the
    /// service is missing.
    pub fn notify(&self, summary: String, body: String) {
        if !self.available.load(Ordering::Relaxed) {
            return;
        }
        let available = self.available.clone();
        std::thread::spawn(move || {
            let shown = notify_rust::Notification::new().appname("Talentdesk").summary(&summary).body(&body).show();
            if let Err(e) = shown {
                tracing::info!("desktop notifications are unavailable, the window alone shows sync news: {e}");
                available.store(false, Ordering::Relaxed);
            }
        });
    }

    /// Whether notifications still go out (false after the service failed once).
    pub fn available(&self) -> bool {
        self.available.load(Ordering::Relaxed)
    }
}
