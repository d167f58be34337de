import { describe, expect, it } from 'vitest';
import { findStaleness, StaleLog } from '../../src/index/staleness.js';
import { StateDb } from '../../src/store/state-db.js';

const HOUR = 3_600_000;
const failed = {
  outcome: 'failed' as const,
  generationId: null,
  error: 'feed https://example.com/rss: HTTP 500',
  full: false,
};
const NO_SOURCES: never[] = [];

/** One pull of `sourceId` recorded at `at`. */
function pull(state: StateDb, sourceId: string, outcome: 'fetched' | 'unchanged' | 'failed', at: number): void {
  const failure = outcome === 'failed';
  state.sources.recordPull(
    {
      sourceId,
      type: 'feed',
      location: `https://news.example.org/${sourceId}`,
      outcome,
      errorCode: failure ? 'http-500' : null,
      error: failure ? `https://news.example.org/${sourceId}: HTTP 500` : null,
      articles: 3,
      newestArticleDate: '2025-07-14',
      report: {},
    },
    new Date(at),
  );
}

describe('findStaleness: builds (real state database, injected clock)', () => {
  it('a failing build is a warning only past STALE_AFTER since the last success, and none once one succeeds', () => {
    const state = new StateDb(':memory:');
    expect(findStaleness(state.lastRuns(), NO_SOURCES, Date.now(), 6 * HOUR)).toEqual([]);
    state.finishRun(state.startRun(false, 'cli'), { outcome: 'success', generationId: 'g1', error: null, full: false });
    const succeededAt = Date.parse(state.lastRuns().lastSuccess?.finishedAt ?? '');
    state.finishRun(state.startRun(false, 'schedule'), failed);
    expect(findStaleness(state.lastRuns(), NO_SOURCES, succeededAt + 5 * HOUR, 6 * HOUR)).toEqual([]);
    expect(findStaleness(state.lastRuns(), NO_SOURCES, succeededAt + 7 * HOUR, 6 * HOUR)).toEqual([
      {
        kind: 'build',
        since: state.lastRuns().lastSuccess?.finishedAt,
        error: 'feed https://example.com/rss: HTTP 500',
      },
    ]);
    state.finishRun(state.startRun(false, 'schedule'), {
      outcome: 'success',
      generationId: 'g2',
      error: null,
      full: false,
    });
    expect(findStaleness(state.lastRuns(), NO_SOURCES, succeededAt + 7 * HOUR, 6 * HOUR)).toEqual([]);
    state.close();
  });

  it('with no success ever, counts from the failed run', () => {
    const state = new StateDb(':memory:');
    state.finishRun(state.startRun(false, 'schedule'), failed);
    const started = Date.parse(state.lastRuns().last?.startedAt ?? '');
    expect(findStaleness(state.lastRuns(), NO_SOURCES, started + HOUR, 6 * HOUR)).toEqual([]);
    expect(findStaleness(state.lastRuns(), NO_SOURCES, started + 6 * HOUR + 1, 6 * HOUR)[0]?.error).toContain(
      'HTTP 500',
    );
    state.close();
  });
});

describe('findStaleness: sources, inside builds that succeed', () => {
  const t0 = Date.parse('2026-11-30T00:00:00.000Z');

  it('a source failing past STALE_AFTER since its last successful pull is stale; the others are not', () => {
    const state = new StateDb(':memory:');
    pull(state, 'cronaca', 'fetched', t0);
    pull(state, 'sport', 'fetched', t0);
    pull(state, 'cronaca', 'failed', t0 + 2 * HOUR);
    pull(state, 'cronaca', 'failed', t0 + 4 * HOUR);
    pull(state, 'sport', 'unchanged', t0 + 4 * HOUR);
    const runs = state.lastRuns();
    expect(findStaleness(runs, state.sources.listSources(), t0 + 6 * HOUR - 1, 6 * HOUR)).toEqual([]);
    expect(findStaleness(runs, state.sources.listSources(), t0 + 6 * HOUR + 1, 6 * HOUR)).toEqual([
      {
        kind: 'source',
        sourceId: 'cronaca',
        since: new Date(t0).toISOString(),
        errorCode: 'http-500',
        error: 'https://news.example.org/cronaca: HTTP 500',
      },
    ]);
    // One pull that works (a 304 counts) makes it fresh again.
    pull(state, 'cronaca', 'unchanged', t0 + 7 * HOUR);
    expect(findStaleness(runs, state.sources.listSources(), t0 + 8 * HOUR, 6 * HOUR)).toEqual([]);
    state.close();
  });

  it('a source that never worked counts from its first failed pull, not its latest', () => {
    const state = new StateDb(':memory:');
    pull(state, 'nuova', 'failed', t0);
    pull(state, 'nuova', 'failed', t0 + 5 * HOUR);
    const [row] = state.sources.listSources();
    expect(row).toMatchObject({ failingSince: new Date(t0).toISOString(), lastSuccessAt: null });
    expect(findStaleness(state.lastRuns(), state.sources.listSources(), t0 + 6 * HOUR + 1, 6 * HOUR)).toMatchObject([
      { kind: 'source', sourceId: 'nuova', since: new Date(t0).toISOString() },
    ]);
    // After a success, a new failure starts a new run of failures.
    pull(state, 'nuova', 'fetched', t0 + 7 * HOUR);
    expect(state.sources.listSources()[0]?.failingSince).toBeNull();
    pull(state, 'nuova', 'failed', t0 + 8 * HOUR);
    expect(state.sources.listSources()[0]?.failingSince).toBe(new Date(t0 + 8 * HOUR).toISOString());
    state.close();
  });
});

describe('StaleLog: the log says it once per interval per build or source', () => {
  const build = { kind: 'build' as const, since: '2026-11-30T00:00:00.000Z', error: 'disk full' };
  const source = (sourceId: string) => ({
    kind: 'source' as const,
    sourceId,
    since: '2026-11-30T00:00:00.000Z',
    errorCode: 'timeout',
    error: null,
  });

  it('checked every minute for two hours, each item is due at the start and again an hour later', () => {
    const log = new StaleLog(HOUR);
    const due: string[] = [];
    for (let minute = 0; minute <= 120; minute++)
      for (const item of log.due([build, source('a'), source('b')], minute * 60_000))
        due.push(`${minute}:${item.kind === 'build' ? 'build' : item.sourceId}`);
    expect(due).toEqual(['0:build', '0:a', '0:b', '60:build', '60:a', '60:b', '120:build', '120:a', '120:b']);
  });

  it('a source that recovered and fails again is said again at once', () => {
    const log = new StaleLog(HOUR);
    expect(log.due([source('a')], 0)).toHaveLength(1);
    expect(log.due([source('a')], 10 * 60_000)).toHaveLength(0);
    expect(log.due([], 20 * 60_000)).toHaveLength(0);
    expect(log.due([source('a')], 30 * 60_000)).toHaveLength(1);
  });
});
