import path from 'node:path';
import type { ChunkerSettings } from '../chunking/chunk.js';
import type { ModelSpec } from '../embedding/embedder.js';
import type { ModelChoice } from '../embedding/resolve-model.js';
import { INDEX_SCHEMA_VERSION } from '../store/index-db.js';
import { modelLanguages } from '../embedding/model-profiles.js';
import type { Lang } from '../text/lang.js';
import type { BuildOptions, PassageTranslator } from './build-options.js';
import { generationDir, GENERATION_FILES, readCurrent, type DataLayout } from './layout.js';
import type { BridgeNote, FullReason, ModelNote } from './build-report.js';
import { bridgeNote, readManifest, type Manifest } from './manifest.js';
import { sqliteEngine } from './sqlite/sqlite-engine.js';

/** What a build will do: full or incremental, with which model and chunker. */
export interface BuildPlan {
  full: boolean;
  fullReason: FullReason | null;
  model: ModelSpec;
  modelNote: ModelNote | null;
  configuredModelId: string;
  chunker: ChunkerSettings;
  /** Passages in other languages than `bridge.language` are embedded through a translation into it. */
  bridge: Bridge | null;
  /** Why the build embeds through a translation, or why it could not. */
  bridgeNote: BridgeNote | null;
  /** The live generation an incremental build starts from, with its article hashes and passage count. */
  base: { dir: string; generationId: string; manifest: Manifest; hashes: Map<string, string>; chunks: number } | null;
}

/** Embedding through a machine translation (recorded in the manifest). */
export type Bridge = NonNullable<Manifest['bridge']>;

/** Chunks stay within the model's trained sequence length, with room for a title line and a prefix. */
export function defaultChunkTokens(spec: Pick<ModelSpec, 'maxTokens'>): number {
  return Math.min(spec.maxTokens, 256) - 16;
}

/**
 * Decides between a full and an incremental build. An incremental build keeps the live index's
 * model even when the configuration now resolves to another one (the note says a full rebuild
 * would switch); a changed EMBEDDING_MODEL, chunker change, `--full`, no readable live index or
 * a change in embedding through translation (see `keepBridge`) make it full. `corpusLanguages`
 * are the languages of the articles read.
 */
export async function planBuild(
  options: BuildOptions,
  layout: DataLayout,
  corpusLanguages: ReadonlySet<Lang>,
): Promise<BuildPlan> {
  const live = readLive(layout);
  let choice: ModelChoice | null = null;
  let choiceError: Error | null = null;
  try {
    choice = await options.models.resolve();
  } catch (error) {
    choiceError = error as Error;
  }
  const full = async (reason: FullReason): Promise<BuildPlan> => {
    if (choice === null) throw choiceError ?? new Error('no embedding model');
    const chunker = {
      maxTokens: options.chunkMaxTokens ?? defaultChunkTokens(choice.spec),
      overlapSentences: options.overlapSentences,
    };
    const { bridge, note } = await chooseBridge(options.passageTranslator, choice.spec.id, corpusLanguages);
    return {
      full: true,
      fullReason: reason,
      model: choice.spec,
      modelNote: { code: 'source', source: choice.source },
      configuredModelId: options.configuredModelId,
      chunker,
      bridge,
      bridgeNote: note,
      base: null,
    };
  };

  if (options.full) return full({ code: 'asked' });
  if (live === null) return full({ code: 'no-live-index' });
  if ('error' in live) return full({ code: 'live-unreadable', error: live.error });
  const { manifest } = live;
  if (manifest.schemaVersion !== INDEX_SCHEMA_VERSION)
    return full({ code: 'schema-changed', from: manifest.schemaVersion, to: INDEX_SCHEMA_VERSION });
  const engine = options.engine ?? sqliteEngine;
  if (manifest.engine !== engine.name) return full({ code: 'engine-changed', from: manifest.engine, to: engine.name });
  if (manifest.configuredModelId !== options.configuredModelId)
    return full({ code: 'model-config-changed', from: manifest.configuredModelId, to: options.configuredModelId });
  const model = options.models.locate(manifest.model);
  const chunkMax = options.chunkMaxTokens ?? defaultChunkTokens(manifest.model);
  if (chunkMax !== manifest.chunker.maxTokens || options.overlapSentences !== manifest.chunker.overlapSentences) {
    return full({ code: 'chunker-changed' });
  }
  const kept = await keepBridge(options.passageTranslator, manifest, corpusLanguages);
  if (kept.rebuild !== null) return full(kept.rebuild);
  const modelNote: ModelNote | null =
    choice !== null && choice.spec.id !== manifest.model.id
      ? { code: 'would-switch', current: manifest.model.id, to: choice.spec.id, source: choice.source }
      : null;
  const dir = generationDir(layout, manifest.generationId);
  return {
    full: false,
    fullReason: null,
    model,
    modelNote,
    configuredModelId: manifest.configuredModelId,
    chunker: manifest.chunker,
    bridge: manifest.bridge,
    bridgeNote: bridgeNote(manifest.bridge),
    base: { dir, generationId: manifest.generationId, manifest, ...(await engine.readBase(dir, manifest)) },
  };
}

/** Whether a full build embeds through `translator`: only for a monolingual model, a corpus it does not cover and a translator that answers. */
async function chooseBridge(
  translator: PassageTranslator | null,
  modelId: string,
  corpusLanguages: ReadonlySet<Lang>,
): Promise<{ bridge: Bridge | null; note: BridgeNote | null }> {
  const languages = modelLanguages(modelId);
  const target = languages?.[0];
  if (
    translator === null ||
    languages === null ||
    target === undefined ||
    [...corpusLanguages].every((l) => languages.includes(l))
  )
    return { bridge: null, note: null };
  if (!(await translator.available())) {
    return {
      bridge: null,
      note: { code: 'translator-down', engine: translator.engine, language: target },
    };
  }
  const bridge = { language: target, engine: translator.engine };
  return { bridge, note: bridgeNote(bridge) };
}

/**
 * An incremental build keeps the live index's way of embedding. It rebuilds fully when
 * embedding through a translation was turned off, or became possible for an index without it;
 * it throws when the index needs the translator and it does not answer, so the live index stays.
 */
async function keepBridge(
  translator: PassageTranslator | null,
  manifest: Manifest,
  corpusLanguages: ReadonlySet<Lang>,
): Promise<{ rebuild: FullReason | null }> {
  const live = manifest.bridge;
  if (live === null) {
    const possible = await chooseBridge(translator, manifest.model.id, corpusLanguages);
    return {
      rebuild: possible.bridge === null ? null : { code: 'bridge-possible', engine: possible.bridge.engine },
    };
  }
  if (translator === null || translator.engine !== live.engine)
    return { rebuild: { code: 'bridge-unconfigured', engine: live.engine } };
  if (!(await translator.available())) {
    throw new Error(
      `the index embeds passages through ${live.engine} translation and ${live.engine} does not answer; start it (scripts/apertium.sh start) or rebuild with EMBED_VIA_TRANSLATION=off --full`,
    );
  }
  return { rebuild: null };
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
