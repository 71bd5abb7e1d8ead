//! Search's in-memory part kept ready while a store is open: loaded on its own thread as the
//! app starts (so the first page does not wait for both one after the other), then saved now
//! and then as a snapshot the next start reads instead of every candidate's row.
//!
//! The thread holds the store weakly and takes it only while it works, so closing the store
//! (signing out) frees it at once: its file, its connection and the search data in memory.

use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use talentdesk_sync::engine::SharedStore;

/// When the snapshot of search's facts is written.
#[derive(Debug, Clone, Copy)]
pub struct SnapshotTimes {
    /// After loading: past the first page and the first keystrokes, which would otherwise
    /// wait for it.
    pub first_after: Duration,
    /// Then how often it is looked at (written only when far behind or erased).
    pub every: Duration,
}

impl Default for SnapshotTimes {
    fn default() -> Self {
        Self { first_after: Duration::from_secs(5), every: Duration::from_secs(60) }
    }
}

/// Loads search ahead and keeps its snapshot current until the store is closed, when the
/// thread ends at its next wake.
pub fn keep_search_warm(store: &SharedStore, times: SnapshotTimes) -> JoinHandle<()> {
    let store = Arc::downgrade(store);
    std::thread::spawn(move || {
        if let Some(store) = store.upgrade()
            && let Ok(store) = store.lock()
            && let Err(e) = store.warm_search()
        {
            // The first search loads it again and shows the error where it happens.
            tracing::warn!("search could not load ahead: {e}");
            return;
        }
        std::thread::sleep(times.first_after);
        while let Some(store) = store.upgrade() {
            if let Ok(mut store) = store.lock()
                && let Err(e) = store.save_search_snapshot()
            {
                // The next start reads every candidate instead; nothing is lost.
                tracing::warn!("search's facts could not be saved: {e}");
            }
            drop(store);
            std::thread::sleep(times.every);
        }
    })
}
