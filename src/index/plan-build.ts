import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ChunkerSettings } from '../chunking/chunk.js';
import type { ModelSpec } from '../embedding/embedder.js';
import type { ModelChoice } from '../embedding/resolve-model.js';
import { INDEX_SCHEMA_VERSION, openIndexDb } from '../store/index-db.js';
import type { BuildOptions } from './build-options.js';
import { generationDir, GENERATION_FILES, readCurrent, type DataLayout } from './layout.js';
import { readManifest, type Manifest } from './manifest.js';

/** What a build will do: full or incremental, with which model and chunker. */
export interface BuildPlan {
  full: boolean;
  fullReason: string | null;
  model: ModelSpec;
  modelNote: string | null;
  configuredModelId: string;
  chunker: ChunkerSettings;
  /** The live generation an incremental build starts from (its database opened read-only). */
  base: { db: Database.Database; vectorsFile: string; generationId: string } | null;
}

/** Chunks stay within the model's trained sequence length, with room for a title line and a prefix. */
export function defaultChunkTokens(spec: Pick<ModelSpec, 'maxTokens'>): number {
  return Math.min(spec.maxTokens, 256) - 16;
}

/**
 * Decides between a full and an incremental build. An incremental build keeps the live index's
 * model even when the configuration now resolves to another one (the note says a full rebuild
 * would switch); a changed EMBEDDING_MODEL, chunker change, `--full` or no readable live index
 * make it full.
 */
export async function planBuild(options: BuildOptions, layout: DataLayout): Promise<BuildPlan> {
  const live = readLive(layout);
  let choice: ModelChoice | null = null;
  let choiceError: Error | null = null;
  try {
    choice = await options.models.resolve();
  } catch (error) {
    choiceError = error as Error;
  }
  const full = (reason: string): BuildPlan => {
    if (choice === null) throw choiceError ?? new Error('no embedding model');
    const chunker = { maxTokens: options.chunkMaxTokens ?? defaultChunkTokens(choice.spec), overlapSentences: options.overlapSentences };
    return { full: true, fullReason: reason, model: choice.spec, modelNote: choice.why, configuredModelId: options.configuredModelId, chunker, base: null };
  };

  if (options.full) return full('--full');
  if (live === null) return full('no live index yet');
  if ('error' in live) return full(`the live index cannot be read (${live.error})`);
  const { manifest } = live;
  if (manifest.schemaVersion !== INDEX_SCHEMA_VERSION) return full(`the index has schema version ${manifest.schemaVersion}, this program writes ${INDEX_SCHEMA_VERSION}`);
  if (manifest.configuredModelId !== options.configuredModelId) return full(`EMBEDDING_MODEL changed from ${manifest.configuredModelId} to ${options.configuredModelId}`);
  const model = options.models.locate(manifest.model);
  const chunkMax = options.chunkMaxTokens ?? defaultChunkTokens(manifest.model);
  if (chunkMax !== manifest.chunker.maxTokens || options.overlapSentences !== manifest.chunker.overlapSentences) {
    return full('chunker settings changed');
  }
  const modelNote =
    choice !== null && choice.spec.id !== manifest.model.id
      ? `the index uses ${manifest.model.id}; the configuration now resolves to ${choice.spec.id} (${choice.why}): a full rebuild (--full) would switch models`
      : null;
  const dir = generationDir(layout, manifest.generationId);
  return {
    full: false,
    fullReason: null,
    model,
    modelNote,
    configuredModelId: manifest.configuredModelId,
    chunker: manifest.chunker,
    base: { db: openIndexDb(path.join(dir, GENERATION_FILES.db), { readonly: true }), vectorsFile: path.join(dir, GENERATION_FILES.vectors), generationId: manifest.generationId },
  };
}

function readLive(layout: DataLayout): { manifest: Manifest } | { error: string } | null {
  const id = readCurrent(layout);
  if (id === null) return null;
  try {
    return { manifest: readManifest(path.join(generationDir(layout, id), GENERATION_FILES.manifest)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
