import path from 'node:path';
import type { SourceConfig, SourcesFile } from '../../src/config.js';
import { folderSources } from '../../src/config.js';
import type { BuildOptions } from '../../src/index/build-index.js';
import { dataLayout, GENERATION_FILES, generationDir, readCurrent } from '../../src/index/layout.js';
import { listArticles, openIndexDb } from '../../src/store/index-db.js';
import { realBuildOptions } from './build-setup.js';
import { fakeModels } from './fake-embedder.js';

/** Fetch settings for tests: no pause between requests, short timeouts. */
export const TEST_FETCH: SourcesFile['fetch'] = {
  ...folderSources('.').fetch,
  delayMs: 0,
  timeoutMs: 2000,
};

/** A sources file of `sources` (ids default to `type:url|path`) with TEST_FETCH settings. */
export function sourcesOf(
  sources: (Partial<SourceConfig> & Pick<SourceConfig, 'type'> & Record<string, unknown>)[],
  fetch: Partial<SourcesFile['fetch']> = {},
): SourcesFile {
  const filled = sources.map((s) => {
    const base = s.type === 'folder' ? { map: {}, idFrom: 'record' } : { hosts: [], maxArticles: 5000 };
    const extra = s.type === 'feed' ? { maxPages: 10 } : {};
    const where = 'url' in s ? s.url : 'path' in s ? s.path : '';
    return { ...base, ...extra, id: `${s.type}:${String(where)}`, ...s } as SourceConfig;
  });
  return { sources: filled, fetch: { ...TEST_FETCH, ...fetch } };
}

/**
 * Build options over `sources` with the fake embedder (no model load); every embedded passage
 * text is pushed to `embedded`.
 */
export function fakeSourceBuild(dataDir: string, sources: SourcesFile, embedded: string[] = []): BuildOptions {
  return realBuildOptions('/nonexistent-corpus', dataDir, {
    sources,
    models: fakeModels(embedded),
  });
}

/** The live generation's articles by id, read from its index.db. */
export function liveArticles(dataDir: string): Map<string, LiveArticle> {
  const layout = dataLayout(dataDir);
  const id = readCurrent(layout);
  if (id === null) return new Map();
  const db = openIndexDb(path.join(generationDir(layout, id), GENERATION_FILES.db), { readonly: true });
  try {
    return new Map(listArticles(db).map((a) => [a.id, a]));
  } finally {
    db.close();
  }
}

export type LiveArticle = ReturnType<typeof listArticles>[number];
