// A settings card's changes: each is saved, the card reads its data again, and the line under
// the card says what happened (a failure in red, in the card where it happened).
import { failureText } from "../../api";

export class CardChanges {
  status = $state<{ text: string; error: boolean } | null>(null);

  constructor(private readonly reload: () => Promise<void>) {}

  /** Reads the card's data (as it opens). */
  async load() {
    try {
      await this.reload();
    } catch (e) {
      this.status = { text: failureText(e), error: true };
    }
  }

  /**
   * Runs `work`, then reads the data again; says `done` (worded after the work, when it needs
   * the answer), or why it failed. Whether it went through.
   */
  async change(work: () => Promise<unknown>, done: string | (() => string)): Promise<boolean> {
    try {
      await work();
      await this.reload();
      this.status = { text: typeof done === "string" ? done : done(), error: false };
      return true;
    } catch (e) {
      this.status = { text: failureText(e), error: true };
      return false;
    }
  }
}
