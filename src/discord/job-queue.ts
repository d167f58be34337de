/**
 * Runs async jobs with at most `concurrency` at a time; extra jobs wait in a FIFO queue of at
 * most `limit` entries. A job that finds the queue full is refused (`tryRun` returns null), never
 * dropped silently.
 */
export class JobQueue {
  readonly #concurrency: number;
  readonly #limit: number;
  readonly #waiting: Array<() => void> = [];
  #active = 0;

  /** Throws RangeError when `concurrency` < 1 or `limit` < 0. */
  constructor(options: { concurrency: number; limit: number }) {
    const { concurrency, limit } = options;
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    if (!Number.isInteger(limit) || limit < 0)
      throw new RangeError(`queue limit must be a non-negative integer, got ${limit}`);
    this.#concurrency = concurrency;
    this.#limit = limit;
  }

  /** Jobs running now. */
  get active(): number {
    return this.#active;
  }

  /** Jobs waiting for a slot. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** True when `tryRun` would accept a job right now. */
  hasRoom(): boolean {
    return this.#active < this.#concurrency || this.#waiting.length < this.#limit;
  }

  /**
   * Starts `job` now or queues it. Returns its result promise (rejecting as the job does), or null
   * when all slots are busy and the queue is full.
   */
  tryRun<T>(job: () => Promise<T>): Promise<T> | null {
    if (!this.hasRoom()) return null;
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        this.#active += 1;
        // An async wrapper turns a synchronous throw inside `job` into a rejection.
        const run = async (): Promise<T> => job();
        run()
          .then(resolve, reject)
          .finally(() => {
            this.#active -= 1;
            this.#waiting.shift()?.();
          });
      };
      if (this.#active < this.#concurrency) start();
      else this.#waiting.push(start);
    });
  }
}
