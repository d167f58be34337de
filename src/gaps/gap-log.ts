import { groupGaps, type GapGroup } from './group-gaps.js';
import type { GapRow, StateDb } from '../store/state-db.js';

const DAY_MS = 86_400_000;

/** Unanswered questions: recorded as they happen, listed grouped, kept `retentionDays`. */
export interface GapLog {
  /** Stores a question the coverage did not answer (nothing when retention is 0). Never throws; a failure is reported to `onError`. */
  record(gap: Omit<GapRow, 'createdAt'>): void;
  /** The most frequent unanswered questions of the last `days` days, near-duplicates grouped, at most `limit` groups. */
  top(days: number, limit: number): GapGroup[];
}

/**
 * A GapLog over `state`. Creating it and each record delete what is older than `retentionDays`
 * (an indexed DELETE), so nothing outlives the retention even when nobody lists the gaps.
 * Throws when `state` cannot be written at creation.
 */
export function createGapLog(
  state: StateDb,
  options: { retentionDays: number; now?: () => Date; onError?: (error: Error) => void },
): GapLog {
  const now = options.now ?? (() => new Date());
  const ago = (days: number) => new Date(now().getTime() - days * DAY_MS).toISOString();
  // What an earlier run kept past today's retention goes now (all of it when retention is 0).
  state.pruneGaps(options.retentionDays === 0 ? '9999' : ago(options.retentionDays));
  return {
    record(gap) {
      if (options.retentionDays === 0) return;
      try {
        state.recordGap({ ...gap, createdAt: now().toISOString() });
        state.pruneGaps(ago(options.retentionDays));
      } catch (error) {
        options.onError?.(error as Error);
      }
    },
    top(days, limit) {
      return groupGaps(state.gapsSince(ago(days))).slice(0, limit);
    },
  };
}
