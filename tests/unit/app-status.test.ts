import { describe, expect, it } from 'vitest';
import { readStatus, type StatusSources } from '../../src/app/status.js';
import type { Manifest } from '../../src/index/manifest.js';

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
  const state = { lastRuns: () => ({ last: null, lastSuccess: null }), voteCounts: () => ({ up: 1, down: 0 }) };
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
