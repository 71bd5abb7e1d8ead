// What sync reports while the app runs (the `session` events of src-tauri/src/main.rs), kept
// as reactive state for the status indicator, the first-sync panel and the notices.
import { listen } from "@tauri-apps/api/event";
import type { FirstSyncProgress } from "./bindings/FirstSyncProgress";
import type { Notice } from "./bindings/Notice";
import type { SessionEvent } from "./bindings/SessionEvent";
import type { SyncProblem } from "./bindings/SyncProblem";
import type { SyncStatus } from "./bindings/SyncStatus";
import { fromStore, views } from "./queries.svelte";

class SyncState {
  status = $state<SyncStatus | null>(null);
  firstSync = $state<FirstSyncProgress | null>(null);
  /** Why the first sync stopped, while it is stopped. */
  paused = $state<{ byUser: boolean; reason: SyncProblem } | null>(null);
  /** Bumped when teammates' changes arrive. Views declare what they show to the query layer
   *  (queries.svelte.ts) instead, which reads again only those a pull touched; this stays
   *  for the pages that have not moved to it yet. */
  dataVersion = $state(0);
  /** Bumped when a first sync finishes: the shell reads the data again. */
  firstSyncDone = $state(0);
  /** Bumped when notices arrive, so pages showing them read them again. */
  noticesVersion = $state(0);
  latestNotices = $state<Notice[]>([]);

  apply(event: SessionEvent) {
    switch (event.type) {
      case "status":
        this.status = event.status;
        break;
      case "first_sync":
        this.firstSync = event.progress;
        this.paused = null;
        break;
      case "first_sync_paused":
        this.paused = { byUser: event.by_user, reason: event.reason };
        break;
      case "first_sync_done":
        this.firstSync = null;
        this.paused = null;
        this.firstSyncDone += 1;
        break;
      case "data_changed":
        views.changed(fromStore(event.changed));
        break;
      case "notices":
        this.latestNotices = event.notices;
        this.noticesVersion += 1;
        break;
    }
  }
}

export const sync = new SyncState();

let listening = false;

/** Starts hearing the session's events (once). */
export async function listenToSync() {
  if (listening) return;
  listening = true;
  await listen<SessionEvent>("session", (e) => sync.apply(e.payload));
}
