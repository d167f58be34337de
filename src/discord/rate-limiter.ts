/** What `RateLimiter.tryTake` decided. `retryAfterMs` is how long until the oldest counted event leaves the window. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Sliding-window rate limiter: at most `limit` events per key within any `windowMs` (ms).
 * Memory stays bounded by the keys active in the last window: idle keys are swept.
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #hits = new Map<string, number[]>();
  #lastSweepAt: number;

  /** Throws RangeError when `limit` < 1 or `windowMs` <= 0. */
  constructor(options: { limit: number; windowMs?: number; now?: () => number }) {
    const { limit, windowMs = 60_000, now = Date.now } = options;
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
    if (!(windowMs > 0)) throw new RangeError(`rate window must be positive, got ${windowMs} ms`);
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
    this.#lastSweepAt = now();
  }

  /** Counts one event for `key` when the window has room; a refused event is not counted. */
  tryTake(key: string): RateDecision {
    const now = this.#now();
    this.#sweep(now);
    const recent = (this.#hits.get(key) ?? []).filter((at) => now - at < this.#windowMs);
    if (recent.length >= this.#limit) {
      this.#hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(0, oldest + this.#windowMs - now) };
    }
    recent.push(now);
    this.#hits.set(key, recent);
    return { allowed: true };
  }

  /** Number of keys currently tracked (for tests and /status-style introspection). */
  get trackedKeys(): number {
    return this.#hits.size;
  }

  #sweep(now: number): void {
    if (now - this.#lastSweepAt < this.#windowMs) return;
    this.#lastSweepAt = now;
    for (const [key, hits] of this.#hits) {
      const last = hits[hits.length - 1];
      if (last === undefined || now - last >= this.#windowMs) this.#hits.delete(key);
    }
  }
}
