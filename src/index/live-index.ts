import { dataLayout, generationDir, listGenerations, readCurrent, type DataLayout } from './layout.js';
import { GenerationLoadError, openGeneration, type Generation } from './generation.js';
import type { IndexEngine } from './searchable-index.js';

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

/** How the live index is set up. */
export interface LiveIndexOptions {
  efSearch: number;
  /** The engine generations are opened with (INDEX_ENGINE); absent: SQLite. */
  engine?: IndexEngine | undefined;
  onSwap?: (from: string | null, to: string) => void;
  onError?: (message: string) => void;
  /**
   * Checks a generation that opened cleanly before it is served (e.g. that its embedding model
   * can be loaded here): null accepts it, a string is the reason it is refused, handled like a
   * load error (the last good generation keeps serving; `status().error` says why).
   */
  accept?: (generation: Generation) => string | null;
}

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
    private readonly options: LiveIndexOptions,
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

  /**
   * Re-reads `CURRENT` and swaps when it names another generation. Never throws: an unreadable
   * pointer or generation leaves the held generation serving and is reported by `status().error`.
   */
  refresh(): void {
    let pointer: string | null;
    try {
      pointer = readCurrent(this.layout);
    } catch (error) {
      this.keepServing(`cannot read ${this.layout.current}: ${(error as Error).message}`);
      return;
    }
    if (pointer !== null && pointer === this.held?.generation.id) {
      // CURRENT names what is served (again, e.g. after a rollback): an earlier complaint is over.
      this.seenPointer = pointer;
      this.lastError = null;
      return;
    }
    if (pointer === this.seenPointer && (this.held !== null || pointer === null)) return;
    // With nothing servable, retry a broken pointer now and then, not on every question.
    if (pointer === this.seenPointer && Date.now() - this.lastAttempt < RETRY_BROKEN_MS) return;
    this.seenPointer = pointer;
    this.lastAttempt = Date.now();
    this.load(pointer);
  }

  status(): LiveIndexStatus {
    return { generationId: this.held?.generation.id ?? null, error: this.lastError };
  }

  /** Closes the served generation once its queries are done. */
  close(): void {
    if (this.held !== null) this.retire(this.held);
    this.held = null;
  }

  /** Loads `pointer`; with nothing held, falls back to the newest other complete generation. */
  private load(pointer: string | null): void {
    const candidates = pointer === null ? [] : [pointer];
    if (this.held === null) candidates.push(...this.completeGenerations().filter((id) => id !== pointer));
    for (const id of candidates) {
      try {
        this.swapTo(this.openAccepted(id));
        if (id === pointer) this.lastError = null;
        return;
      } catch (error) {
        if (id === pointer) this.noteError((error as Error).message);
      }
    }
  }

  private keepServing(problem: string): void {
    this.noteError(problem);
    if (this.held !== null || Date.now() - this.lastAttempt < RETRY_BROKEN_MS) return;
    this.lastAttempt = Date.now();
    this.load(null);
  }

  private noteError(message: string): void {
    if (message === this.lastError) return;
    this.lastError = message;
    this.options.onError?.(message);
  }

  /** Complete generations, newest first ([] when the generations folder cannot be listed). */
  private completeGenerations(): string[] {
    try {
      return listGenerations(this.layout)
        .filter((g) => g.complete)
        .map((g) => g.id)
        .reverse();
    } catch {
      return [];
    }
  }

  private openAccepted(id: string): Generation {
    const generation = openGeneration(generationDir(this.layout, id), {
      efSearch: this.options.efSearch,
      engine: this.options.engine,
    });
    let refused: string | null;
    try {
      refused = this.options.accept?.(generation) ?? null;
    } catch (error) {
      generation.close();
      throw error;
    }
    if (refused === null) return generation;
    generation.close();
    throw new GenerationLoadError(`index generation ${id} cannot be served: ${refused}`);
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
