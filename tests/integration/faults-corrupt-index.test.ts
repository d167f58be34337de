import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { env as transformersEnv } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import { answerSchema } from '../../src/answer/answer.js';
import { projectRoot } from '../../src/config.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import { locateModel, type ModelSources } from '../../src/embedding/resolve-model.js';
import { INDEX_SCHEMA_VERSION } from '../../src/store/index-db.js';
import { buildIndex } from '../../src/index/build-index.js';
import type { Generation } from '../../src/index/generation.js';
import { dataLayout, generationDir, newGenerationId, switchCurrent } from '../../src/index/layout.js';
import { LiveIndex } from '../../src/index/live-index.js';
import {
  REAL_SPEC,
  SEED_FILE,
  SEED_ID,
  SHARED_MODELS,
  realBuildOptions,
  offlineAnswerDeps,
} from '../helpers/build-setup.js';
import {
  editManifest,
  HNSW_ENTERPOINT_OFFSET,
  overwriteBytes,
  runIsolated,
  setDbSchemaVersion,
  truncateFileTo,
} from '../helpers/fault-corrupt.js';
import { writeFictionalArticles } from '../helpers/fault-corpus.js';
import { inspectFreshLive, topArticle, type GenerationSnapshot } from '../helpers/fault-inspect.js';

const LAVROV = 'Che cosa ha proposto Lavrov?';

/**
 * What the answer service should pass as `accept`: refuse a generation whose embedding model is
 * not on this machine (MODELS_DIR, the fallback folder or the hub cache), since questions could
 * not be embedded with it.
 */
function acceptLoadableModel(sources: ModelSources): (generation: Generation) => string | null {
  return (generation) => {
    const spec = locateModel(generation.manifest.model, sources);
    if (spec.localDir !== null) return null;
    const cache = transformersEnv.cacheDir;
    if (cache !== null && existsSync(path.join(cache, spec.id, 'config.json'))) return null;
    return `its embedding model ${spec.id} is not on this machine (not in ${sources.modelsDir}, ${sources.fallback?.dir ?? 'no fallback folder'} or the Hugging Face cache)`;
  };
}

interface Corruption {
  title: string;
  /** Damages the live generation (its folder) or the data folder. */
  apply(liveDir: string, dataDir: string): void;
  error: RegExp;
  withModelCheck?: boolean;
  /** Which generation a fresh LiveIndex falls back to (default: the previous one). */
  serves?: 'previous' | 'live';
}

const CORRUPTIONS: Corruption[] = [
  {
    title: 'vectors.hnsw truncated to half its size',
    apply: (dir) => truncateFileTo(path.join(dir, 'vectors.hnsw'), 0.5),
    error: /vectors\.hnsw has \d+ bytes, the manifest says \d+ \(truncated\?\)/,
  },
  {
    title: 'vectors.hnsw with 4 bytes overwritten (same size: its entry point)',
    apply: (dir) => overwriteBytes(path.join(dir, 'vectors.hnsw'), HNSW_ENTERPOINT_OFFSET, 4),
    error: /vectors\.hnsw does not match its checksum in the manifest \(corrupt\?\)/,
  },
  {
    title: 'manifest.json deleted',
    apply: (dir) => rmSync(path.join(dir, 'manifest.json')),
    error: /manifest\.json is missing/,
  },
  {
    title: 'manifest.json is not JSON',
    apply: (dir) => writeFileSync(path.join(dir, 'manifest.json'), '{"schemaVersion": 1, '),
    error: /cannot read manifest .*manifest\.json/,
  },
  {
    title: 'manifest schemaVersion 99',
    apply: (dir) => editManifest(dir, (m) => (m.schemaVersion = 99)),
    error: new RegExp(`schema version 99, this program needs ${INDEX_SCHEMA_VERSION}; run a full reindex`),
  },
  {
    title: 'index.db meta schemaVersion 99 (manifest intact)',
    apply: (dir) => setDbSchemaVersion(dir, '99'),
    error: new RegExp(`index\\.db has schema version 99, this program needs ${INDEX_SCHEMA_VERSION}`),
  },
  {
    title: 'index.db overwritten with garbage',
    apply: (dir) => writeFileSync(path.join(dir, 'index.db'), 'not a database'.repeat(500)),
    error: /index\.db is not a readable index database/,
  },
  {
    title: "manifest names a model that is not on this machine ('no-such-model')",
    apply: (dir) => editManifest(dir, (m) => ((m.model as Record<string, unknown>).id = 'no-such-model')),
    error: /cannot be served: its embedding model no-such-model is not on this machine/,
    withModelCheck: true,
  },
  {
    title: 'CURRENT names a generation that does not exist',
    apply: (_dir, data) => writeFileSync(path.join(data, 'CURRENT'), '20990101T000000000Z-gone\n'),
    error: /20990101T000000000Z-gone cannot be loaded: manifest\.json is missing/,
    serves: 'live',
  },
];

describe('a corrupt live generation is never served: the last good one is, and status says why', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'archivista-corrupt-'));
  const baseData = path.join(root, 'base-data');
  const emptyModels = path.join(root, 'empty-models');
  const sources: ModelSources = {
    modelId: REAL_SPEC.id,
    overrides: {},
    modelsDir: emptyModels,
    fallback: { dir: SHARED_MODELS, modelId: REAL_SPEC.id },
    hubTimeoutMs: 500,
  };
  let embedder: Embedder;
  let previous: GenerationSnapshot;
  let liveId: string;
  let previousId: string;
  let caseNo = 0;

  /** A copy of the two-generation data folder to damage. */
  const freshCopy = () => {
    const dataDir = path.join(root, `data-${caseNo++}`);
    cpSync(baseData, dataDir, { recursive: true });
    return {
      dataDir,
      liveDir: generationDir(dataLayout(dataDir), liveId),
      previousDir: generationDir(dataLayout(dataDir), previousId),
    };
  };

  beforeAll(async () => {
    mkdirSync(emptyModels);
    embedder = await loadEmbedder(REAL_SPEC);
    const corpus = path.join(root, 'corpus');
    cpSync(SEED_FILE, path.join(corpus, SEED_ID));
    const first = await buildIndex(realBuildOptions(corpus, baseData));
    writeFictionalArticles(corpus, 0, 3);
    const second = await buildIndex(realBuildOptions(corpus, baseData));
    expect([first.outcome, second.outcome]).toEqual(['success', 'success']);
    liveId = second.generationId ?? '';
    previousId = first.generationId ?? '';
    const copy = freshCopy();
    rmSync(copy.liveDir, { recursive: true });
    previous = inspectFreshLive(copy.dataDir).snapshot ?? { id: '', articles: {} };
    expect(previous).toEqual({ id: previousId, articles: { [SEED_ID]: expect.any(Number) as unknown } });
    // Sanity: undamaged, the model check accepts the live generation.
    expect(inspectFreshLive(baseData, acceptLoadableModel(sources))).toMatchObject({
      generationId: liveId,
      error: null,
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  for (const corruption of CORRUPTIONS) {
    it(`${corruption.title}: a fresh LiveIndex serves the ${corruption.serves === 'live' ? 'newest complete' : 'previous'} generation and names the problem`, async () => {
      const { dataDir, liveDir } = freshCopy();
      corruption.apply(liveDir, dataDir);
      const accept = corruption.withModelCheck === true ? acceptLoadableModel(sources) : undefined;
      const seen = inspectFreshLive(dataDir, accept);
      if (corruption.serves === 'live') {
        expect(seen.generationId).toBe(liveId);
      } else {
        expect(seen.generationId).toBe(previous.id);
        expect(seen.snapshot).toEqual(previous);
      }
      expect(seen.error).toMatch(corruption.error);
      const live = new LiveIndex(dataDir, { efSearch: 100, ...(accept === undefined ? {} : { accept }) });
      expect(await topArticle(live, embedder, LAVROV)).toBe(SEED_ID);
      live.close();
    });
  }

  it('flipped bytes that would crash hnswlib (SIGSEGV when searched) never reach it: a separate process serving the folder lives on', () => {
    const { dataDir, liveDir } = freshCopy();
    const vectorsFile = path.join(liveDir, 'vectors.hnsw');
    overwriteBytes(vectorsFile, HNSW_ENTERPOINT_OFFSET, 4);
    // The danger is real: hnswlib reads this file without complaint and crashes on the first search.
    const raw = runIsolated(`import hnswlib from 'hnswlib-node';
      const index = new hnswlib.HierarchicalNSW('cosine', ${REAL_SPEC.dims});
      index.readIndexSync(${JSON.stringify(vectorsFile)}, true);
      index.searchKnn(new Array(${REAL_SPEC.dims}).fill(0.05), 3);
      console.log('survived');`);
    expect(raw.signal).toBe('SIGSEGV');
    const served =
      runIsolated(`import { LiveIndex } from ${JSON.stringify(path.join(projectRoot, 'src/index/live-index.js'))};
      const live = new LiveIndex(${JSON.stringify(dataDir)}, { efSearch: 100 });
      const lease = live.acquire();
      const hits = (await lease?.generation.searchDense(new Float32Array(${REAL_SPEC.dims}).fill(0.05), 3))?.length ?? 0;
      console.log(JSON.stringify({ ...live.status(), hits }));`);
    expect(served.signal, served.stderr).toBeNull();
    expect(served.status, served.stderr).toBe(0);
    const status = JSON.parse(served.stdout.trim()) as { generationId: string; error: string; hits: number };
    expect(status).toMatchObject({ generationId: previous.id, hits: 3 });
    expect(status.error).toMatch(/does not match its checksum/);
  });

  it('with no good generation at all (live and previous both damaged), acquire() is null and the answer says the archive is not indexed', async () => {
    const { dataDir, liveDir, previousDir } = freshCopy();
    truncateFileTo(path.join(liveDir, 'vectors.hnsw'), 0.5);
    rmSync(path.join(previousDir, 'manifest.json'));
    const live = new LiveIndex(dataDir, { efSearch: 100 });
    expect(live.acquire()).toBeNull();
    expect(live.status()).toEqual({
      generationId: null,
      error: expect.stringMatching(new RegExp(`${liveId} cannot be loaded: vectors\\.hnsw has \\d+ bytes`)) as unknown,
    });
    const deps = offlineAnswerDeps(live, embedder);
    const answer = answerSchema.parse(await answerQuestion(deps, { question: LAVROV }));
    expect(answer).toMatchObject({ mode: 'no-answer', reason: 'no-index', language: 'it' });
    expect(answer.text).toMatch(/non è ancora indicizzato/);
    live.close();
  });

  it('a running LiveIndex refuses to swap to a corrupt new generation, keeps answering, and swaps once CURRENT names a good one again', async () => {
    const { dataDir, liveDir } = freshCopy();
    const layout = dataLayout(dataDir);
    const live = new LiveIndex(dataDir, { efSearch: 100 });
    expect(await topArticle(live, embedder, LAVROV)).toBe(SEED_ID);
    // A "new build" whose vectors were damaged after it was written.
    const badId = newGenerationId(new Date(Date.now() + 60_000));
    cpSync(liveDir, generationDir(layout, badId), { recursive: true });
    overwriteBytes(path.join(generationDir(layout, badId), 'vectors.hnsw'), 200, 64);
    switchCurrent(layout, badId);
    expect(await topArticle(live, embedder, LAVROV)).toBe(SEED_ID);
    expect(live.status()).toEqual({
      generationId: liveId,
      error: expect.stringMatching(new RegExp(`${badId} cannot be loaded: .*checksum`)) as unknown,
    });
    switchCurrent(layout, liveId);
    live.refresh();
    expect(live.status()).toEqual({ generationId: liveId, error: null });
    live.close();
  });

  it('CURRENT unreadable (a folder in its place): a running LiveIndex keeps serving, a fresh one falls back to the newest complete generation', async () => {
    const { dataDir } = freshCopy();
    const live = new LiveIndex(dataDir, { efSearch: 100 });
    expect(await topArticle(live, embedder, LAVROV)).toBe(SEED_ID);
    const current = dataLayout(dataDir).current;
    rmSync(current);
    mkdirSync(current);
    expect(() => live.acquire()).not.toThrow();
    expect(await topArticle(live, embedder, LAVROV)).toBe(SEED_ID);
    expect(live.status()).toEqual({ generationId: liveId, error: expect.stringMatching(/CURRENT/) as unknown });
    live.close();
    const fresh = inspectFreshLive(dataDir);
    expect(fresh.generationId).toBe(liveId);
    expect(fresh.error).toMatch(/CURRENT/);
  });
});
