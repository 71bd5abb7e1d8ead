// Long runs (bulk actions, exports) as the window follows them: the `run-progress` events of
// src-tauri/src/actions.rs, the one run under way, and how the last one ended, in words.
import { listen } from "@tauri-apps/api/event";
import { api, describe, failureText } from "./api";
import type { BulkProgress } from "./bindings/BulkProgress";
import type { RunProgress } from "./bindings/RunProgress";
import { t } from "./i18n";

export interface Run {
  id: string;
  /** What it does, e.g. "Adding the tag Referral". */
  label: string;
  progress: BulkProgress | null;
  startedAt: number;
}

class Runs {
  current = $state<Run | null>(null);
  /** How the last run ended, for the status line; null once dismissed. */
  outcome = $state<{ text: string; failed: boolean } | null>(null);
  /** Bumped when a run changed candidates: pages showing them read them again. */
  version = $state(0);
  #listening = false;

  async listen() {
    if (this.#listening) return;
    this.#listening = true;
    await listen<RunProgress>("run-progress", (e) => {
      if (this.current?.id === e.payload.run) this.current.progress = e.payload.progress;
    });
  }

  /**
   * Runs `work` as the current run and reports how it ended; `done` words a finished run
   * (e.g. p => `Tagged ${p.done} candidates`).
   */
  async start(label: string, work: (id: string) => Promise<BulkProgress>, done: (p: BulkProgress) => string) {
    await this.listen();
    const id = crypto.randomUUID();
    this.current = { id, label, progress: null, startedAt: performance.now() };
    this.outcome = null;
    try {
      const end = await work(id);
      this.outcome = outcomeText(end, done);
      if (end.done > 0) this.version += 1;
    } catch (e) {
      this.outcome = { text: failureText(e), failed: true };
    } finally {
      this.current = null;
    }
  }

  /** A change that ran at once (one candidate, or one batch) went through. */
  finished(text: string) {
    this.outcome = { text, failed: false };
    this.version += 1;
  }

  cancel() {
    if (this.current) void api.cancelRun(this.current.id);
  }
}

/** How a run ended, in words: a cancelled or failed one says how much it had done. */
export function outcomeText(end: BulkProgress, done: (p: BulkProgress) => string): { text: string; failed: boolean } {
  const kind = end.end?.kind ?? "finished";
  if (kind === "finished") return { text: done(end), failed: false };
  const counts = { done: end.done, total: end.total };
  if (kind === "cancelled") return { text: t("runs.cancelled", counts), failed: false };
  const error = end.end && end.end.kind === "failed" ? describe(end.end.error) : t("runs.unknown_error");
  return { text: t("runs.stopped", { ...counts, error }), failed: true };
}

/** Seconds left at the rate so far, once there is a rate to go by. */
export function secondsLeft(run: Run, now: number): number | null {
  const p = run.progress;
  if (!p || p.done === 0 || p.done >= p.total) return null;
  const elapsed = (now - run.startedAt) / 1000;
  return Math.ceil((elapsed / p.done) * (p.total - p.done));
}

export const runs = new Runs();
