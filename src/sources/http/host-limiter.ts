const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface HostSlot {
  active: number;
  waiting: (() => void)[];
  /** Earliest time (ms since epoch) the next request to this host may start. */
  nextStart: number;
  delayMs: number;
}

/**
 * Politeness per host: at most `concurrency` requests at once, and request starts at least
 * `delayMs` apart (a host may ask for more, e.g. robots.txt Crawl-delay).
 */
export class HostLimiter {
  private readonly slots = new Map<string, HostSlot>();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  /** Raises the pause between requests to `host` to at least `delayMs`. */
  slowDown(host: string, delayMs: number): void {
    const slot = this.slot(host);
    slot.delayMs = Math.max(slot.delayMs, delayMs);
  }

  /** Runs `task` when `host` has a free slot and its pause has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const slot = this.slot(host);
    while (slot.active >= this.concurrency) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    slot.active += 1;
    try {
      const now = Date.now();
      const start = Math.max(now, slot.nextStart);
      slot.nextStart = start + slot.delayMs;
      if (start > now) await sleep(start - now);
      return await task();
    } finally {
      slot.active -= 1;
      slot.waiting.shift()?.();
    }
  }

  private slot(host: string): HostSlot {
    let slot = this.slots.get(host);
    if (slot === undefined) {
      slot = { active: 0, waiting: [], nextStart: 0, delayMs: this.delayMs };
      this.slots.set(host, slot);
    }
    return slot;
  }
}
