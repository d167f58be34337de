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
    answerMode: 'extractive',
    translator: 'apertium (available)',
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
    expect(bridged.modelNote).toBe(
      'passages in other languages embedded through their apertium translation into en; the configuration now resolves to Xenova/multilingual-e5-small: a full rebuild (/reindex full) would switch models; generation x cannot be read',
    );
    expect(bridged).toMatchObject({ indexLoaded: true, articles: 3, passages: 9, model: 'all-MiniLM-L6-v2' });
  });

  it('has no note for a plain index of the configured model, and none without an index', () => {
    expect(readStatus(sources({}, 'all-MiniLM-L6-v2')).modelNote).toBeNull();
    expect(readStatus(sources(null, 'all-MiniLM-L6-v2'))).toMatchObject({
      indexLoaded: false,
      model: null,
      modelNote: null,
    });
  });
});
