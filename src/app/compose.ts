import { loadSources, type Config } from '../config.js';
import { loadEmbedder } from '../embedding/load-embedder.js';
import { locateModel, resolveModel, type ModelSources } from '../embedding/resolve-model.js';
import type { BuildOptions } from '../index/build-index.js';
import type { PassageTranslator } from '../index/build-options.js';
import { createPostgresEngine, type PostgresEngine } from '../index/postgres/postgres-engine.js';
import type { IndexEngine } from '../index/searchable-index.js';
import { sqliteEngine } from '../index/sqlite/sqlite-engine.js';
import { indexTuning } from '../index/tuning.js';
import { createApertiumTranslator, type ApertiumTranslator } from '../translate/apertium.js';
import type { RetrievalKnobs } from '../retrieval/types.js';
import type { ConversationRetention } from '../store/conversations.js';
import { detectLanguage } from '../text/language.js';

/** Where models come from, as configured. */
export function modelSourcesFrom(config: Config): ModelSources {
  return {
    modelId: config.EMBEDDING_MODEL,
    overrides: {
      dims: config.EMBEDDING_DIMS,
      dtype: config.EMBEDDING_DTYPE,
      queryPrefix: config.EMBEDDING_QUERY_PREFIX,
      passagePrefix: config.EMBEDDING_PASSAGE_PREFIX,
      maxTokens: config.EMBEDDING_MAX_TOKENS,
    },
    modelsDir: config.MODELS_DIR,
    fallback: { dir: config.EMBEDDING_FALLBACK_DIR, modelId: config.EMBEDDING_FALLBACK_MODEL },
    hubTimeoutMs: config.HUB_TIMEOUT_MS,
  };
}

/**
 * Build options from configuration; callers add progress, trigger and overrides. Reads the
 * sources file (SOURCES_FILE, else `sources.json` when it exists; throws ConfigError when it is bad).
 */
export function buildOptionsFrom(
  config: Config,
  extra: Pick<BuildOptions, 'trigger'> & Partial<BuildOptions>,
): BuildOptions {
  const sources = modelSourcesFrom(config);
  const tuning = indexTuning(config.TUNING);
  return {
    corpusDir: config.CORPUS_DIR,
    sources: loadSources(config),
    dataDir: config.DATA_DIR,
    full: false,
    maxFileBytes: config.MAX_FILE_BYTES,
    chunkMaxTokens: tuning.chunkMaxTokens,
    overlapSentences: tuning.overlapSentences,
    hnsw: tuning.hnsw,
    configuredModelId: config.EMBEDDING_MODEL,
    models: {
      resolve: () => resolveModel(sources),
      locate: (spec) => locateModel(spec, sources),
      load: (spec) => loadEmbedder(spec, { batchSize: config.EMBEDDING_BATCH_SIZE }),
    },
    detectLanguage: (text) => detectLanguage(text),
    passageTranslator: passageTranslatorFrom(config),
    engine: indexEngineFrom(config),
    ...extra,
  };
}

const postgresEngines = new Map<string, PostgresEngine>();

/** The index engine INDEX_ENGINE names (with POSTGRES_LEXICAL's channel); one PostgreSQL pool per DATABASE_URL and channel for the whole process. */
export function indexEngineFrom(config: Config): IndexEngine {
  if (config.INDEX_ENGINE === 'sqlite' || config.DATABASE_URL === null) return sqliteEngine;
  const [url, lexical] = [config.DATABASE_URL, config.POSTGRES_LEXICAL];
  const key = `${lexical} ${url}`;
  const engine = postgresEngines.get(key) ?? createPostgresEngine(url, { lexical });
  postgresEngines.set(key, engine);
  return engine;
}

/** Longest passage sent to APy at once (a passage is at most ~256 tokens plus its title). */
const MAX_PASSAGE_CHARS = 8000;

/** The index-side translator of EMBED_VIA_TRANSLATION: Apertium when APERTIUM_URL is set and it is not turned off. */
export function passageTranslatorFrom(config: Config): PassageTranslator | null {
  if (config.EMBED_VIA_TRANSLATION === 'off' || config.APERTIUM_URL === null) return null;
  // A passage is several times longer than a question: allow it more time than a query.
  return createApertiumTranslator({
    url: config.APERTIUM_URL,
    timeoutMs: Math.max(config.APERTIUM_TIMEOUT_MS, 10_000),
    maxInputChars: MAX_PASSAGE_CHARS,
  });
}

/**
 * The query translator at APERTIUM_URL, once its warm-up translations work both ways; null when
 * APERTIUM_URL is unset or APy does not translate (what an evaluation then runs without).
 */
export async function warmApertiumFrom(config: Config): Promise<ApertiumTranslator | null> {
  if (config.APERTIUM_URL === null) return null;
  const apertium = createApertiumTranslator({ url: config.APERTIUM_URL, timeoutMs: config.APERTIUM_TIMEOUT_MS });
  return (await apertium.warm()) ? apertium : null;
}

/** Retrieval knob overrides from the tuning file (TUNING_FILE); what it leaves out keeps the per-model knobs. */
export function knobOverridesFrom(config: Config): Partial<RetrievalKnobs> {
  return config.TUNING.retrieval;
}

/** How much of each conversation state.db keeps, from configuration. */
export function conversationRetentionFrom(config: Config): ConversationRetention {
  return { maxTurns: config.CONVERSATION_MAX_TURNS, maxDays: config.CONVERSATION_RETENTION_DAYS };
}
