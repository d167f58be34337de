import { describe, expect, it } from 'vitest';
import { findStaleness } from '../../src/index/staleness.js';
import { StateDb } from '../../src/store/state-db.js';

const HOUR = 3_600_000;
const failed = {
  outcome: 'failed' as const,
  generationId: null,
  error: 'feed https://example.com/rss: HTTP 500',
  full: false,
};

describe('findStaleness (real state database, injected clock)', () => {
  it('a failing build is a warning only past STALE_AFTER since the last success, and none once one succeeds', () => {
    const state = new StateDb(':memory:');
    expect(findStaleness(state.lastRuns(), Date.now(), 6 * HOUR)).toBeNull();
    state.finishRun(state.startRun(false, 'cli'), { outcome: 'success', generationId: 'g1', error: null, full: false });
    const succeededAt = Date.parse(state.lastRuns().lastSuccess?.finishedAt ?? '');
    state.finishRun(state.startRun(false, 'schedule'), failed);
    expect(findStaleness(state.lastRuns(), succeededAt + 5 * HOUR, 6 * HOUR)).toBeNull();
    expect(findStaleness(state.lastRuns(), succeededAt + 7 * HOUR, 6 * HOUR)).toEqual({
      since: state.lastRuns().lastSuccess?.finishedAt,
      error: 'feed https://example.com/rss: HTTP 500',
    });
    state.finishRun(state.startRun(false, 'schedule'), {
      outcome: 'success',
      generationId: 'g2',
      error: null,
      full: false,
    });
    expect(findStaleness(state.lastRuns(), succeededAt + 7 * HOUR, 6 * HOUR)).toBeNull();
    state.close();
  });

  it('with no success ever, counts from the failed run', () => {
    const state = new StateDb(':memory:');
    state.finishRun(state.startRun(false, 'schedule'), failed);
    const started = Date.parse(state.lastRuns().last?.startedAt ?? '');
    expect(findStaleness(state.lastRuns(), started + HOUR, 6 * HOUR)).toBeNull();
    expect(findStaleness(state.lastRuns(), started + 6 * HOUR + 1, 6 * HOUR)?.error).toContain('HTTP 500');
    state.close();
  });
});
