import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEmbedder } from '../../src/embedding/load-embedder.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { describeModel } from '../../src/embedding/model-profiles.js';
import type { AnswerDeps } from '../../src/answer/answer-question.js';
import type { BuildOptions } from '../../src/index/build-index.js';
import type { LiveIndex } from '../../src/index/live-index.js';
import type { Generation } from '../../src/index/searchable-index.js';
import { projectRoot } from '../../src/config.js';
import { detectLanguage } from '../../src/text/language.js';

/** The on-disk English model every integration test uses (../shared/models beside the repo). */
export const SHARED_MODELS = path.resolve(projectRoot, '../shared/models');
export const REAL_SPEC = describeModel('all-MiniLM-L6-v2', SHARED_MODELS);
export const SEED_FILE = path.join(projectRoot, 'corpus', '000_30c6f2a9dbb3d624.txt');
export const SEED_ID = '000_30c6f2a9dbb3d624.txt';

/** A temporary folder with `corpus/` (holding the seed article) and `data/`; `cleanup()` removes it. */
export function makeWorkspace(): { root: string; corpusDir: string; dataDir: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'archivista-'));
  const corpusDir = path.join(root, 'corpus');
  cpSync(SEED_FILE, path.join(corpusDir, SEED_ID), { recursive: true });
  return {
    root,
    corpusDir,
    dataDir: path.join(root, 'data'),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Build options on the real model; `embedder` lets a test wrap the real one (e.g. to fail midway). */
export function realBuildOptions(
  corpusDir: string,
  dataDir: string,
  extra: Partial<BuildOptions> & { wrap?: (e: Embedder) => Embedder } = {},
): BuildOptions {
  const { wrap, ...rest } = extra;
  return {
    corpusDir,
    dataDir,
    full: false,
    maxFileBytes: 5_000_000,
    chunkMaxTokens: null,
    overlapSentences: 1,
    hnsw: { m: 16, efConstruction: 200 },
    configuredModelId: REAL_SPEC.id,
    models: {
      resolve: () => Promise.resolve({ spec: REAL_SPEC, source: { code: 'models-dir', dir: SHARED_MODELS } }),
      locate: (spec) => ({ ...spec, localDir: SHARED_MODELS }),
      load: async (spec) => {
        const embedder = await loadEmbedder(spec);
        return wrap === undefined ? embedder : wrap(embedder);
      },
    },
    detectLanguage: (text) => detectLanguage(text),
    passageTranslator: null,
    trigger: 'test',
    ...rest,
  };
}

/** What `answerQuestion` needs to answer offline over `live` (no LLM, no translator, default knobs). */
export function offlineAnswerDeps(live: LiveIndex, embedder: Embedder): AnswerDeps {
  return {
    acquire: () => live.acquire(),
    embedderFor: () => Promise.resolve(embedder),
    llm: null,
    translator: null,
    knobs: {},
    maxQuestionChars: 1000,
    translateQuotes: false,
  };
}

/** Runs `work` on the generation `live` serves, under a lease; throws saying why when nothing is served. */
export async function withGeneration<T>(live: LiveIndex, work: (g: Generation) => Promise<T>): Promise<T> {
  const lease = live.acquire();
  if (lease === null) throw new Error(`nothing served: ${live.status().error ?? ''}`);
  try {
    return await work(lease.generation);
  } finally {
    lease.release();
  }
}
