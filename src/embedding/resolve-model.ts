import { existsSync } from 'node:fs';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import type { ModelSpec } from './embedder.js';
import { describeModel, type ModelOverrides } from './model-profiles.js';
import { ModelLoadError } from './load-embedder.js';

/** Where the chosen model's files come from (worded by the formatters, see src/index/word-report.ts). */
export type ModelSource =
  | { code: 'models-dir'; dir: string }
  | { code: 'hub-cache'; dir: string }
  | { code: 'hub' }
  /** The configured model `fallbackFrom` could not be had: the hub did not answer (`detail`). */
  | { code: 'fallback'; fallbackFrom: string; reason: 'hub-unreachable'; detail: string; dir: string };

export interface ModelChoice {
  spec: ModelSpec;
  /** Which model is used and why. */
  source: ModelSource;
}

export interface ModelSources {
  /** The configured model id (EMBEDDING_MODEL). */
  modelId: string;
  overrides: ModelOverrides;
  /** MODELS_DIR: checked first. */
  modelsDir: string;
  /** Used when the configured model cannot be had (offline machines here). */
  fallback: { dir: string; modelId: string } | null;
  hubTimeoutMs: number;
}

const hasModel = (dir: string, id: string) => existsSync(path.join(dir, id, 'config.json'));

/**
 * Decides where the configured model comes from: MODELS_DIR, the hub's cache, the hub (probed
 * with a short timeout), or else the fallback folder. Throws ModelLoadError, saying what to set,
 * when none has it.
 */
export async function resolveModel(sources: ModelSources): Promise<ModelChoice> {
  const { modelId, overrides, modelsDir, fallback } = sources;
  if (hasModel(modelsDir, modelId)) {
    return {
      spec: describeModel(modelId, modelsDir, overrides),
      source: { code: 'models-dir', dir: modelsDir },
    };
  }
  if (env.cacheDir !== null && hasModel(env.cacheDir, modelId)) {
    return {
      spec: describeModel(modelId, null, overrides),
      source: { code: 'hub-cache', dir: env.cacheDir },
    };
  }
  const hub = await probeHub(modelId, sources.hubTimeoutMs);
  if (hub === null) {
    return { spec: describeModel(modelId, null, overrides), source: { code: 'hub' } };
  }
  if (fallback !== null && hasModel(fallback.dir, fallback.modelId)) {
    return {
      // Overrides (prefixes, dims) are meant for the configured model, not the fallback.
      spec: describeModel(fallback.modelId, fallback.dir),
      source: { code: 'fallback', fallbackFrom: modelId, reason: 'hub-unreachable', detail: hub, dir: fallback.dir },
    };
  }
  throw new ModelLoadError(
    `embedding model ${modelId} is not in MODELS_DIR (${modelsDir}) and the hub is unreachable (${hub}). ` +
      'Put the model in MODELS_DIR/<model id>/ or set EMBEDDING_MODEL to a model you have (see README).',
  );
}

/**
 * Finds the files of the model an index was built with, so queries use that model.
 * Tries MODELS_DIR, the fallback folder, then the hub cache / hub.
 */
export function locateModel(spec: Omit<ModelSpec, 'localDir'>, sources: ModelSources): ModelSpec {
  for (const dir of [sources.modelsDir, sources.fallback?.dir]) {
    if (dir !== undefined && hasModel(dir, spec.id)) return { ...spec, localDir: dir };
  }
  return { ...spec, localDir: null };
}

/**
 * Why the model an index was built with cannot be loaded on this machine (its files are in
 * none of the folders, nor in the hub cache), or null when it can (or may come from the hub).
 */
export function explainUnloadable(
  spec: Omit<ModelSpec, 'localDir'>,
  sources: ModelSources,
  hubReachable: boolean,
): string | null {
  if (locateModel(spec, sources).localDir !== null) return null;
  if (env.cacheDir !== null && hasModel(env.cacheDir, spec.id)) return null;
  if (hubReachable) return null;
  return `its embedding model ${spec.id} is not in MODELS_DIR (${sources.modelsDir}), the fallback folder or the hub cache, and the hub is unreachable: put the model there or run a full reindex`;
}

async function probeHub(modelId: string, timeoutMs: number): Promise<string | null> {
  const url = `${env.remoteHost}${modelId}/resolve/main/config.json`;
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return cause ?? (error as Error).name;
  }
}
