import type { SourceStateRow } from '../store/source-state.js';
import type { RunRow } from '../store/state-db.js';

/**
 * Something that keeps the index fresh and has been failing for longer than STALE_AFTER since
 * `since` (ISO 8601: its last success, or its first failure when it never succeeded): the builds
 * themselves, or one source whose pulls fail inside builds that succeed. `error` is the latest.
 */
export type StaleItem =
  | { kind: 'build'; since: string; error: string | null }
  | { kind: 'source'; sourceId: string; since: string; errorCode: string | null; error: string | null };

/**
 * The one notion of "stale": each part that refreshes the index (the latest build, every
 * source in `sources`) whose latest attempt failed, with no success for more than
 * `staleAfterMs` before `nowMs`. Empty when everything is fresh or nothing has run yet.
 */
export function findStaleness(
  runs: { last: RunRow | null; lastSuccess: RunRow | null },
  sources: readonly SourceStateRow[],
  nowMs: number,
  staleAfterMs: number,
): StaleItem[] {
  const isStale = (since: string) => nowMs - Date.parse(since) > staleAfterMs;
  const items: StaleItem[] = [];
  const { last, lastSuccess } = runs;
  if (last !== null && last.outcome === 'failed') {
    const since = lastSuccess?.finishedAt ?? last.startedAt;
    if (isStale(since)) items.push({ kind: 'build', since, error: last.error });
  }
  for (const source of sources) {
    if (source.lastOutcome !== 'failed') continue;
    const since = source.lastSuccessAt ?? source.failingSince ?? source.lastErrorAt;
    if (since !== null && isStale(since))
      items.push({
        kind: 'source',
        sourceId: source.sourceId,
        since,
        errorCode: source.lastErrorCode,
        error: source.lastError,
      });
  }
  return items;
}

/** What a stale item is called in logs and in the once-per-interval memory. */
export const staleKey = (item: StaleItem): string => (item.kind === 'build' ? 'build' : `source:${item.sourceId}`);

/**
 * Remembers when each stale item was last logged, so the log says it once per `everyMs`
 * (an hour in the bot) per build or source, however often it is checked.
 */
export class StaleLog {
  readonly #loggedAt = new Map<string, number>();

  constructor(private readonly everyMs: number) {}

  /** The items of `stale` not logged within `everyMs` before `nowMs`; marks them as logged at `nowMs`. */
  due(stale: readonly StaleItem[], nowMs: number): StaleItem[] {
    const current = new Set(stale.map(staleKey));
    // A part that recovered and fails again later is said again at once.
    for (const key of this.#loggedAt.keys()) if (!current.has(key)) this.#loggedAt.delete(key);
    return stale.filter((item) => {
      const key = staleKey(item);
      const at = this.#loggedAt.get(key);
      if (at !== undefined && nowMs - at < this.everyMs) return false;
      this.#loggedAt.set(key, nowMs);
      return true;
    });
  }
}
