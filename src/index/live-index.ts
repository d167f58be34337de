import { dataLayout, generationDir, listGenerations, readCurrent, type DataLayout } from './layout.js';
import { openGeneration, type Generation } from './generation.js';

/** A generation lent to one query; `release()` must be called when the query is done. */
export interface Lease {
  generation: Generation;
  release(): void;
}

export interface LiveIndexStatus {
  /** The generation being served, or null when there is none. */
  generationId: string | null;
  /** Why the generation CURRENT names is not served (load error), if it is not. */
  error: string | null;
}

const RETRY_BROKEN_MS = 10_000;

interface Held {
  generation: Generation;
  inFlight: number;
  retired: boolean;
}

/**
 * The bot's one live index. It serves the generation `CURRENT` names, notices when `CURRENT`
 * changes (checked on each acquire: a tiny file read), and swaps: queries in flight finish on
 * the generation they started with, which is closed after them. A generation that fails to
 * load is not served; the last good one keeps serving (or the newest complete one at start).
 */
export class LiveIndex {
  private readonly layout: DataLayout;
  private held: Held | null = null;
  private seenPointer: string | null = null;
  private lastError: string | null = null;
  private lastAttempt = 0;

  constructor(
    dataDir: string,
    private readonly options: { efSearch: number; onSwap?: (from: string | null, to: string) => void; onError?: (message: string) => void },
  ) {
    this.layout = dataLayout(dataDir);
  }

  /** Lends the live generation to one query, loading or swapping first if `CURRENT` changed; null when none can be served. */
  acquire(): Lease | null {
    this.refresh();
    const held = this.held;
    if (held === null) return null;
    held.inFlight++;
    let released = false;
    return {
      generation: held.generation,
      release: () => {
        if (released) return;
        released = true;
        held.inFlight--;
        if (held.retired && held.inFlight === 0) held.generation.close();
      },
    };
  }

  /** Re-reads `CURRENT` and swaps when it names another generation. */
  refresh(): void {
    const pointer = readCurrent(this.layout);
    if (pointer === this.seenPointer && (this.held !== null || pointer === null)) return;
    // With nothing servable, retry a broken pointer now and then, not on every question.
    if (pointer === this.seenPointer && Date.now() - this.lastAttempt < RETRY_BROKEN_MS) return;
    this.seenPointer = pointer;
    this.lastAttempt = Date.now();
    const candidates = pointer === null ? [] : [pointer];
    if (this.held === null) {
      // At start (or with nothing good loaded), fall back to the newest other complete generation.
      candidates.push(...listGenerations(this.layout).filter((g) => g.complete && g.id !== pointer).map((g) => g.id).reverse());
    }
    for (const id of candidates) {
      if (id === this.held?.generation.id) return;
      try {
        this.swapTo(openGeneration(generationDir(this.layout, id), { efSearch: this.options.efSearch }));
        this.lastError = id === pointer ? null : this.lastError;
        return;
      } catch (error) {
        if (id === pointer) {
          this.lastError = (error as Error).message;
          this.options.onError?.(this.lastError);
        }
      }
    }
  }

  status(): LiveIndexStatus {
    return { generationId: this.held?.generation.id ?? null, error: this.lastError };
  }

  /** Closes the served generation once its queries are done. */
  close(): void {
    if (this.held !== null) this.retire(this.held);
    this.held = null;
  }

  private swapTo(generation: Generation): void {
    const previous = this.held;
    this.held = { generation, inFlight: 0, retired: false };
    if (previous !== null) this.retire(previous);
    this.options.onSwap?.(previous?.generation.id ?? null, generation.id);
  }

  private retire(held: Held): void {
    held.retired = true;
    if (held.inFlight === 0) held.generation.close();
  }
}
