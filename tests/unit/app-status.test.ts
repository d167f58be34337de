import { describe, expect, it } from 'vitest';
import { readStatus, type StatusSources } from '../../src/app/status.js';
import type { Manifest } from '../../src/index/manifest.js';
import { StateDb } from '../../src/store/state-db.js';

function sources(
  manifest: Partial<Manifest> | null,
  configuredModel: string | null,
  liveError: string | null = null,
): StatusSources {
  const generation =
    manifest === null
      ? null
      : {
          manifest: {
            model: { id: 'all-MiniLM-L6-v2' },
            counts: { articles: 3, chunks: 9, vectors: 9 },
            builtAt: '2026-11-26T10:00:00Z',
            bridge: null,
            ...manifest,
          },
        };
  const live = {
    acquire: () => (generation === null ? null : { generation, release: () => undefined }),
    status: () => ({ error: liveError }),
  };
  const state = {
    lastRuns: () => ({ last: null, lastSuccess: null }),
    voteCounts: () => ({ up: 1, down: 0 }),
    sources: { listSources: () => [] },
  };
  return {
    live,
    state,
    startedAt: Date.now(),
    answerMode: { mode: 'extractive' },
    translator: { engine: 'apertium', reason: { code: 'apertium', url: 'http://127.0.0.1:2737' } },
    configuredModel,
  } as unknown as StatusSources;
}

describe('readStatus', () => {
  it('says when passages were embedded through a translation, beside other model notes', () => {
    const bridged = readStatus(
      sources(
        { bridge: { language: 'en', engine: 'apertium' } },
        'Xenova/multilingual-e5-small',
        'generation x cannot be read',
      ),
    );
    expect(bridged.notes).toEqual([
      { code: 'bridged', engine: 'apertium', language: 'en', untranslated: 0 },
      { code: 'would-switch', to: 'Xenova/multilingual-e5-small' },
      { code: 'live-error', error: 'generation x cannot be read' },
    ]);
    expect(bridged).toMatchObject({ indexLoaded: true, articles: 3, passages: 9, model: 'all-MiniLM-L6-v2' });
  });

  it('has no note for a plain index of the configured model, and none without an index', () => {
    expect(readStatus(sources({}, 'all-MiniLM-L6-v2')).notes).toEqual([]);
    expect(readStatus(sources(null, 'all-MiniLM-L6-v2'))).toMatchObject({
      indexLoaded: false,
      model: null,
      notes: [],
    });
  });
});

describe('readStatus: article sources', () => {
  const t0 = Date.parse('2026-11-30T00:00:00.000Z');
  const HOUR = 3_600_000;
  const record = (state: StateDb, sourceId: string, outcome: 'fetched' | 'failed', at: number) =>
    state.sources.recordPull(
      {
        sourceId,
        type: 'feed',
        location: `https://news.example.org/${sourceId}`,
        outcome,
        errorCode: outcome === 'failed' ? 'http-503' : null,
        error: outcome === 'failed' ? 'HTTP 503' : null,
        articles: 2,
        newestArticleDate: '2025-07-14',
        report: {},
      },
      new Date(at),
    );

  it('lists the configured sources in the file’s order (one never pulled yet), and only their staleness', () => {
    const state = new StateDb(':memory:');
    record(state, 'a-removed', 'failed', t0);
    record(state, 'cronaca', 'fetched', t0);
    record(state, 'cronaca', 'failed', t0 + HOUR);
    record(state, 'sport', 'fetched', t0 + HOUR);
    const status = readStatus({
      ...sources({}, null),
      state,
      configuredSourceIds: () => ['sport', 'cronaca', 'nuova'],
      staleAfterMs: 6 * HOUR,
      now: () => t0 + 7 * HOUR,
    });
    expect(status.sources).toEqual([
      {
        id: 'sport',
        lastSuccessAt: new Date(t0 + HOUR).toISOString(),
        newestArticleDate: '2025-07-14',
        lastErrorAt: null,
        lastErrorCode: null,
      },
      {
        id: 'cronaca',
        lastSuccessAt: new Date(t0).toISOString(),
        newestArticleDate: '2025-07-14',
        lastErrorAt: new Date(t0 + HOUR).toISOString(),
        lastErrorCode: 'http-503',
      },
      { id: 'nuova', lastSuccessAt: null, newestArticleDate: null, lastErrorAt: null, lastErrorCode: null },
    ]);
    // The removed source failed longest, but it is no longer configured.
    expect(status.stale).toEqual([
      {
        kind: 'source',
        sourceId: 'cronaca',
        since: new Date(t0).toISOString(),
        errorCode: 'http-503',
        error: 'HTTP 503',
      },
    ]);
    // Without a readable sources file, every source state.db knows is shown.
    const all = readStatus({ ...sources({}, null), state, staleAfterMs: 6 * HOUR, now: () => t0 + 7 * HOUR });
    expect(all.sources.map((s) => s.id)).toEqual(['a-removed', 'cronaca', 'sport']);
    expect(all.stale.map((s) => (s.kind === 'source' ? s.sourceId : s.kind))).toEqual(['a-removed', 'cronaca']);
    state.close();
  });
});
