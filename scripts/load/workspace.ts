import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildOptionsFrom } from '../../src/app/compose.js';
import { projectRoot, type Config } from '../../src/config.js';
import { buildIndex } from '../../src/index/build-index.js';
import { writeLoadCorpus, type LoadQuestion } from './corpus.js';

/** A temporary corpus and index for a load run. */
export interface LoadWorkspace {
  /** `config` with CORPUS_DIR and DATA_DIR in the workspace and no LLM key (answers stay on this machine). */
  config: Config;
  questions: LoadQuestion[];
  /** Removes the workspace. */
  cleanup(): void;
}

/**
 * Writes the load corpus into a temporary folder and indexes it with the same buildIndex() as
 * `npm run index` (the configured model; offline, the on-disk fallback). Throws when the build
 * fails, with its error.
 */
export async function prepareLoadWorkspace(config: Config, log: (line: string) => void): Promise<LoadWorkspace> {
  const root = mkdtempSync(path.join(tmpdir(), 'archivista-load-'));
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  try {
    const local: Config = {
      ...config,
      CORPUS_DIR: path.join(root, 'corpus'),
      DATA_DIR: path.join(root, 'data'),
      OPENAI_API_KEY: null,
    };
    const questions = writeLoadCorpus(local.CORPUS_DIR, path.join(projectRoot, 'corpus'));
    log(`indexing ${questions.length} articles in ${root}`);
    const report = await buildIndex(buildOptionsFrom(local, { trigger: 'load' }));
    if (report.outcome !== 'success')
      throw new Error(`load: the index build failed: ${report.error ?? 'unknown error'}`);
    log(`indexed ${report.chunks.total} passages with ${report.model} in ${(report.durationMs / 1000).toFixed(1)} s`);
    return { config: local, questions, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
