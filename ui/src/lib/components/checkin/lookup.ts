// Lookup as you type at the door: one lookup runs at a time and the latest input wins, so a
// fast typist (or a barcode scanner) never sees an older answer replace a newer one, and
// every answer says which text it is for.

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
    // clearing it inside the run would happen before it is even stored). Text typed between
    // the run's last answer and that moment starts a run of its own.
    this.#running ??= this.#run().then((answered) => {
      this.#running = null;
      if (answered && this.#answered.query !== this.#wanted) this.type(this.#wanted);
    });
  }

  /** Answers until the answer is to what is wanted; false when a lookup failed. */
  async #run(): Promise<boolean> {
    try {
      while (this.#answered.query !== this.#wanted) {
        const query = this.#wanted;
        const results = query.trim() === "" ? [] : await this.find(query);
        this.#answered = { query, results };
        this.show(this.#answered);
      }
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }
}
