// A list read a page at a time (a pipeline tab, an event's list): starting over drops the
// answers still on their way for the list shown before.
import { failureText } from "./api";

export class PagedList<T> {
  rows = $state<T[]>([]);
  more = $state(false);
  error = $state<string | null>(null);
  #fetch: ((offset: number, limit: number) => Promise<T[]>) | null = null;

  constructor(readonly pageSize = 100) {}

  /** Shows the list `fetch` reads, from its first page. */
  show(fetch: (offset: number, limit: number) => Promise<T[]>) {
    this.#fetch = fetch;
    this.rows = [];
    this.more = false;
    this.#load(fetch, 0);
  }

  /** Appends the next page of the list shown. */
  next() {
    if (this.#fetch) this.#load(this.#fetch, this.rows.length);
  }

  /** Reads the list shown again, as far as it was read, over the rows on screen (so the
   *  scroll position holds): something in it changed. */
  refresh() {
    const fetch = this.#fetch;
    if (fetch) this.#load(fetch, 0, Math.max(this.rows.length, this.pageSize));
  }

  async #load(fetch: (offset: number, limit: number) => Promise<T[]>, offset: number, limit = this.pageSize) {
    try {
      const page = await fetch(offset, limit);
      if (fetch !== this.#fetch) return;
      this.rows = offset === 0 ? page : [...this.rows, ...page];
      this.more = page.length === limit;
      this.error = null;
    } catch (e) {
      if (fetch === this.#fetch) this.error = failureText(e);
    }
  }
}

/** The lists a page picks from (pipelines, events); the first is chosen once they arrive. */
export class Choosable<T> {
  items = $state<T[]>([]);
  selected = $state<string | null>(null);
  error = $state<string | null>(null);

  async load(fetch: () => Promise<T[]>, idOf: (item: T) => string) {
    try {
      this.items = await fetch();
      this.selected = this.items.length ? idOf(this.items[0]) : null;
    } catch (e) {
      this.error = failureText(e);
    }
  }

  /** Reads the lists again, keeping the chosen one while it is still there. */
  async refresh(fetch: () => Promise<T[]>, idOf: (item: T) => string) {
    try {
      const items = await fetch();
      this.items = items;
      this.error = null;
      if (!items.some((item) => idOf(item) === this.selected)) this.selected = items.length ? idOf(items[0]) : null;
    } catch (e) {
      this.error = failureText(e);
    }
  }
}
