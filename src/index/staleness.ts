import type { RunRow } from '../store/state-db.js';

/** Builds have failed since `since` (ISO 8601), for longer than allowed; `error` is the latest failure's. */
export interface Staleness {
  since: string;
  error: string | null;
}

/**
 * Whether the index is going stale: the latest build failed and none has succeeded for more than
 * `staleAfterMs` before `nowMs` (counted from the last success, or from the failed run when none
 * ever succeeded). Null when fresh, or when nothing has run yet.
 */
export function findStaleness(
  runs: { last: RunRow | null; lastSuccess: RunRow | null },
  nowMs: number,
  staleAfterMs: number,
): Staleness | null {
  const { last, lastSuccess } = runs;
  if (last === null || last.outcome !== 'failed') return null;
  const since = lastSuccess?.finishedAt ?? last.startedAt;
  return nowMs - Date.parse(since) > staleAfterMs ? { since, error: last.error } : null;
}
