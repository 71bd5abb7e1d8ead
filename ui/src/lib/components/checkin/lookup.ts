// Lookup as you type at the door: one lookup runs at a time and the latest input wins, so a
// fast typist (or a barcode scanner) never sees an older answer replace a newer one, and
// Enter can wait for the answer to exactly what is in the box before acting on it.

export interface Answer<T> {
  query: string;
  results: T[];
}

export class Lookup<T> {
  #wanted = "";
  #answered: Answer<T> = { query: "", results: [] };
  #running: Promise<void> | null = null;

  /**
   * `find` looks a query up; `show` receives every answer as it arrives (also answers to
   * inputs typed over since: they are closer than nothing), `fail` a lookup's failure.
   */
  constructor(
    private readonly find: (query: string) => Promise<T[]>,
    private readonly show: (answer: Answer<T>) => void,
    private readonly fail: (error: unknown) => void,
  ) {}

  /** The box now holds `query`. */
  type(query: string): void {
    this.#wanted = query;
    // Cleared once the promise is settled (an empty box is answered without waiting, so
    // clearing it inside the run would happen before it is even stored).
    this.#running ??= this.#run().finally(() => (this.#running = null));
  }

  /** The answer to what the box holds now, once it has arrived (null when it failed). */
  async settled(): Promise<Answer<T> | null> {
    while (this.#running) await this.#running;
    return this.#answered.query === this.#wanted ? this.#answered : null;
  }

  async #run(): Promise<void> {
    try {
      while (this.#answered.query !== this.#wanted) {
        const query = this.#wanted;
        const results = query.trim() === "" ? [] : await this.find(query);
        this.#answered = { query, results };
        this.show(this.#answered);
      }
    } catch (e) {
      this.fail(e);
    }
  }
}
