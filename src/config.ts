import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { z } from 'zod';

/** The project's root folder (where package.json is), whatever the working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()));
const idList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  )
  .pipe(z.array(z.string().regex(/^\d{5,25}$/, 'expected comma-separated Discord ids')));
const optionalUrl = optionalString.pipe(z.url().nullable());
// "15m", "2h", "1d": four units cover a schedule; a regex here is smaller than a parser dependency and its types.
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const optionalDuration = (minMs: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const text = (v ?? '').trim();
      if (text === '' || text === 'off') return null;
      const match = /^(\d+)\s*(s|m|h|d)$/.exec(text);
      const ms = match === null ? NaN : Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
      if (!(ms >= minMs)) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a duration such as 15m, 2h or 1d, at least ${minMs / 1000} s`,
        });
        return z.NEVER;
      }
      return ms;
    });

const schema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORPUS_DIR: z.string().default('corpus'),
  SOURCES_FILE: z.string().optional(),
  DATA_DIR: z.string().default('data'),
  MAX_FILE_BYTES: int(1, 2 ** 31).default(20 * 1024 * 1024),

  EMBEDDING_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  EMBEDDING_DIMS: int(1, 8192).optional(),
  EMBEDDING_DTYPE: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16']).optional(),
  EMBEDDING_QUERY_PREFIX: z.string().optional(),
  EMBEDDING_PASSAGE_PREFIX: z.string().optional(),
  EMBEDDING_MAX_TOKENS: int(16, 8192).optional(),
  EMBEDDING_BATCH_SIZE: int(1, 256).default(1),
  MODELS_DIR: z.string().default('models'),
  EMBEDDING_FALLBACK_DIR: z.string().default('../shared/models'),
  EMBEDDING_FALLBACK_MODEL: z.string().default('all-MiniLM-L6-v2'),
  HUB_TIMEOUT_MS: int(100, 120_000).default(4000),

  /** Expert override of the tuning in code (chunking, HNSW, retrieval knobs): a JSON file, see loadTuningFile. */
  TUNING_FILE: z.string().optional(),
  INDEX_ENGINE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  /** The PostgreSQL engine's lexical channel (PostgresLexical): bm25 on the project's terms, or to_tsvector + ts_rank_cd. */
  POSTGRES_LEXICAL: z.enum(['bm25', 'tsvector']).default('bm25'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
      .nullable(),
  ),

  MAX_QUESTION_CHARS: int(10, 100_000).default(1000),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLM_ATTEMPT_TIMEOUT_MS: int(100, 600_000).default(20_000),
  LLM_TOTAL_BUDGET_MS: int(100, 600_000).default(45_000),
  LLM_MAX_RETRIES: int(0, 10).default(2),

  CONVERSATION_MAX_TURNS: int(1, 1000).default(20),
  CONVERSATION_RETENTION_DAYS: int(1, 3650).default(30),
  FOLLOW_UP_REWRITE_TIMEOUT_MS: int(100, 60_000).default(4000),

  QUERY_TRANSLATION: z.enum(['auto', 'apertium', 'llm', 'off']).default('auto'),
  // 'off': neither use nor start one; unset: start APy when it is installed (see loadConfig).
  APERTIUM_URL: optionalString.pipe(z.union([z.literal('off'), z.url()]).nullable()),
  APERTIUM_TIMEOUT_MS: int(50, 60_000).default(3000),
  TRANSLATE_QUOTES: bool.default(true),
  /** auto: a monolingual embedding model (the on-disk English MiniLM) gets other languages' passages through Apertium; off: embed as written. */
  EMBED_VIA_TRANSLATION: z.enum(['auto', 'off']).default('auto'),

  DISCORD_TOKEN: optionalString,
  DISCORD_CLIENT_ID: optionalString.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, 'expected a Discord application id')
      .nullable(),
  ),
  DISCORD_GUILD_ID: optionalString.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, 'expected a Discord guild id')
      .nullable(),
  ),
  DISCORD_API_URL: optionalUrl,
  MODERATOR_ROLE_IDS: idList,
  ALLOWED_CHANNEL_IDS: idList,
  RATE_LIMIT_PER_MINUTE: int(1, 1000).default(5),
  MAX_CONCURRENT_ANSWERS: int(1, 64).default(2),
  ANSWER_QUEUE_LIMIT: int(0, 100_000).default(100),
  ANSWER_IN_THREADS: z.enum(['auto', 'always', 'never']).default('auto'),
  REINDEX_PROGRESS_INTERVAL_MS: int(200, 60_000).default(3000),
  GAPS_RETENTION_DAYS: int(0, 3650).default(90),
  /** Incremental reindex every this long (ms), or null (off). */
  REINDEX_EVERY: optionalDuration(60_000),
  /** Builds failing for longer than this (ms) show a warning to moderators in /status and in the log, hourly. */
  STALE_AFTER: optionalDuration(60_000).transform((ms) => ms ?? 6 * 3_600_000),
});

const fraction = z.number().min(0).max(1);
/**
 * The tuning file (TUNING_FILE): overrides of the values chosen by eval runs and benches, for
 * experts. Every key is optional; unknown keys are errors, so a typo cannot pass unnoticed.
 */
const tuningFileSchema = z.strictObject({
  chunk: z
    .strictObject({
      /** Chunk size in model tokens; null = from the model's sequence length. */
      maxTokens: z.int().min(32).max(8192).nullable(),
      /** Sentences repeated at the start of the next chunk. */
      overlapSentences: z.int().min(0).max(10),
    })
    .partial()
    .default({}),
  hnsw: z
    .strictObject({
      m: z.int().min(4).max(128),
      efConstruction: z.int().min(10).max(2000),
      /** Search breadth. */
      efSearch: z.int().min(10).max(5000),
    })
    .partial()
    .default({}),
  /**
   * Knobs of src/retrieval (RetrievalKnobs), over the embedding model's own. A knob added there
   * is added here too (tests/unit/tuning-config.test.ts fails until it is).
   */
  retrieval: z
    .strictObject({
      k: z.int().min(1).max(50),
      candidates: z.int().min(5).max(1000),
      denseWeight: fraction,
      denseWeightCrossLingual: fraction,
      prefixWeight: z.number().min(0).max(20),
      pairWeight: z.number().min(0).max(20),
      titleWeight: z.number().min(0).max(20),
      neighborWeight: fraction,
      fusion: z.enum(['score', 'rrf']),
      minCoverage: fraction,
      minCoverageTranslated: fraction,
      minDenseSimilarity: z.number().min(-1).max(1),
      gateDenseWeight: z.number().min(0).max(10),
      gateAbsentWeight: z.number().min(0).max(10),
      gateSentenceWeight: z.number().min(0).max(10),
      gateSentenceSignal: z.enum(['best', 'gap', 'wordiest']),
      gateBackgroundMix: fraction,
      gateLinear: z.boolean(),
      minGateScore: z.number().min(0).max(20),
      minGateScoreWithLlm: z.number().min(0).max(20),
      minGateScoreCrossLingual: z.number().min(0).max(20),
      minGateScoreCrossLingualWithLlm: z.number().min(0).max(20),
      passagesPerArticle: z.int().min(1).max(20),
      recencyWeight: z.number().min(0).max(10),
      latestShare: fraction,
      latestStoryThreshold: z.number().min(0).max(2),
    })
    .partial()
    .default({}),
});
/** A validated tuning file; what it leaves out keeps the value in code. */
export type TuningFile = z.infer<typeof tuningFileSchema>;

/**
 * Reads and validates the tuning file `file` (JSON: `{"chunk": {...}, "hnsw": {...},
 * "retrieval": {...}}`, see README "Configuration"). Throws ConfigError with the key
 * TUNING_FILE, naming the file and every bad entry (`retrieval.k: Too big: expected number to be <=50`).
 */
export function loadTuningFile(file: string): TuningFile {
  const fail = (message: string) =>
    new ConfigError(`Invalid configuration (see .env.example):\n  TUNING_FILE: ${message}`, [
      { key: 'TUNING_FILE', message },
    ]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = tuningFileSchema.safeParse(raw);
  if (!parsed.success)
    throw fail(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/**
 * The parsed configuration. `SOURCES_FILE`: the sources file (absolute); null = the default
 * `sources.json`, when it exists. `TUNING_FILE` (absolute) and `TUNING`, its overrides (none
 * without a file). `APERTIUM_URL` is null when unset or `off`; `APERTIUM_AUTOSTART` is true when
 * it was unset (ask, index and the bot then start APy themselves if it is installed).
 */
export type Config = Omit<z.infer<typeof schema>, 'SOURCES_FILE' | 'APERTIUM_URL' | 'TUNING_FILE'> & {
  SOURCES_FILE: string | null;
  TUNING_FILE: string | null;
  TUNING: TuningFile;
  APERTIUM_URL: string | null;
  APERTIUM_AUTOSTART: boolean;
};
export type Env = Record<string, string | undefined>;

/** Thrown when the environment has bad or missing keys; names every one of them. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  /** The bad keys, each with what is wrong with it. */
  readonly issues: readonly { key: string; message: string }[];

  constructor(message: string, issues: readonly { key: string; message: string }[] = []) {
    super(message);
    this.issues = issues;
  }
}

/**
 * Parses configuration from `env` (default: `process.env` after loading `.env`).
 * Relative folders are resolved against the project root. Throws ConfigError naming every bad key.
 */
export function loadConfig(env?: Env): Config {
  let source = env;
  if (source === undefined) {
    dotenv.config({ path: path.join(projectRoot, '.env'), quiet: true });
    source = process.env;
  }
  // Empty strings mean "unset", as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const abs = (p: string) => path.resolve(projectRoot, p);
  const parsed = schema.safeParse(cleaned);
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => ({ key: i.path.join('.'), message: i.message }));
  // Read even when other keys are bad, so that one start names every bad key.
  const tuningFile = typeof cleaned.TUNING_FILE === 'string' ? abs(cleaned.TUNING_FILE) : null;
  let tuning: TuningFile = tuningFileSchema.parse({});
  try {
    if (tuningFile !== null) tuning = loadTuningFile(tuningFile);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    issues.push(...error.issues);
  }
  if (!parsed.success || issues.length > 0) {
    const lines = issues.map((i) => `  ${i.key}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`, issues);
  }
  const c = parsed.data;
  if (c.INDEX_ENGINE === 'postgres' && c.DATABASE_URL === null)
    throw new ConfigError(
      'Invalid configuration (see .env.example):\n  DATABASE_URL: required when INDEX_ENGINE=postgres',
    );
  return {
    ...c,
    CORPUS_DIR: abs(c.CORPUS_DIR),
    SOURCES_FILE: c.SOURCES_FILE === undefined ? null : abs(c.SOURCES_FILE),
    TUNING_FILE: tuningFile,
    TUNING: tuning,
    DATA_DIR: abs(c.DATA_DIR),
    MODELS_DIR: abs(c.MODELS_DIR),
    EMBEDDING_FALLBACK_DIR: abs(c.EMBEDDING_FALLBACK_DIR),
    APERTIUM_URL: c.APERTIUM_URL === 'off' ? null : c.APERTIUM_URL,
    APERTIUM_AUTOSTART: c.APERTIUM_URL === null,
  };
}

/** True when running under CI (CI=true), read here so tests need not touch process.env. */
export function isCi(env: Env = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

const FIELD_NAMES = ['id', 'title', 'date', 'updated', 'author', 'url', 'lang', 'tags', 'text'] as const;
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
const hostList = z.array(z.string().min(1)).default([]);
const sourceId = z
  .string()
  .regex(/^[\w.:/-]{1,100}$/, 'expected letters, digits and . _ : / - (at most 100)')
  .optional();
const fieldMap = z
  .partialRecord(z.enum(FIELD_NAMES), z.string().min(1))
  .default({})
  .describe('our field name → the field name in the source (dots reach into objects)');

const folderSource = z.strictObject({
  type: z.literal('folder'),
  id: sourceId,
  path: z.string().min(1),
  map: fieldMap,
  /** `record`: the record's own id, else its path in the folder (+ `#n`); `url`: its url, else the same. */
  idFrom: z.enum(['record', 'url']).default('record'),
});
const remoteBase = {
  id: sourceId,
  url: httpUrl,
  /** Further hosts this source may redirect to (e.g. a CDN); its own host is always allowed. */
  hosts: hostList,
  maxArticles: z.int().min(1).max(1_000_000).default(5000),
};
const feedSource = z.strictObject({
  type: z.literal('feed'),
  ...remoteBase,
  maxPages: z.int().min(1).max(1000).default(10),
});
const wordpressSource = z.strictObject({ type: z.literal('wordpress'), ...remoteBase });
const sitemapSource = z.strictObject({
  type: z.literal('sitemap'),
  id: sourceId,
  /** A sitemap, news sitemap or sitemap index; only pages on its host are fetched. */
  url: httpUrl,
  hosts: hostList,
  /** Article pages taken from the sitemaps per pull (newest `lastmod` first). */
  maxUrls: z.int().min(1).max(100_000).default(1000),
  /** Sitemap files read per pull (the index and the sitemaps it lists, nested or not). */
  maxSitemaps: z.int().min(1).max(1000).default(50),
});
const fetchSettings = z
  .strictObject({
    timeoutMs: z.int().min(100).max(300_000).default(15_000),
    maxBytes: z
      .int()
      .min(1024)
      .max(2 ** 30)
      .default(5 * 1024 * 1024),
    perHostConcurrency: z.int().min(1).max(16).default(2),
    /** Pause between two requests to the same host, in ms. */
    delayMs: z.int().min(0).max(60_000).default(250),
    maxRedirects: z.int().min(0).max(20).default(5),
    userAgent: z.string().min(1).default('ArchivistaBot/0.1 (+news archive indexer)'),
  })
  .default({
    timeoutMs: 15_000,
    maxBytes: 5 * 1024 * 1024,
    perHostConcurrency: 2,
    delayMs: 250,
    maxRedirects: 5,
    userAgent: 'ArchivistaBot/0.1 (+news archive indexer)',
  });
const sourcesFileSchema = z.strictObject({
  sources: z.array(z.discriminatedUnion('type', [folderSource, feedSource, wordpressSource, sitemapSource])).min(1),
  fetch: fetchSettings,
});

type ParsedSources = z.infer<typeof sourcesFileSchema>;
/** One configured source, with its id settled. */
export type SourceConfig = ParsedSources['sources'][number] & { id: string };
export type FetchSettings = ParsedSources['fetch'];
/** A validated sources file. */
export interface SourcesFile {
  sources: SourceConfig[];
  fetch: FetchSettings;
}
/** Our article fields a source's own field names can be mapped to. */
export type FieldMap = z.infer<typeof fieldMap>;

/** The sources of a build without a sources file (or with `--corpus DIR`): the one folder `dir`. */
export function folderSources(dir: string): SourcesFile {
  const id = `folder:${path.relative(projectRoot, dir) || '.'}`;
  return {
    sources: [{ type: 'folder', id, path: dir, map: {}, idFrom: 'record' }],
    fetch: fetchSettings.parse(undefined),
  };
}

/** The sources file used when SOURCES_FILE is unset (only when it exists). */
export const DEFAULT_SOURCES_FILE = path.join(projectRoot, 'sources.json');

/**
 * Reads and validates a sources file (see sources.example.json). Folder paths are resolved
 * against the project root; every source gets an id (its own, else `type:url|path`).
 * Throws ConfigError naming the file and every bad key (`sources.2.url: expected an http(s) URL`),
 * or a duplicate source id.
 */
export function loadSourcesFile(file: string): SourcesFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid sources file ${file}: ${(error as Error).message}`);
  }
  const parsed = sourcesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid sources file ${file} (see sources.example.json):\n${lines.join('\n')}`);
  }
  const sources = parsed.data.sources.map((s): SourceConfig => {
    if (s.type === 'folder') return { ...s, path: path.resolve(projectRoot, s.path), id: s.id ?? `folder:${s.path}` };
    return { ...s, id: s.id ?? `${s.type}:${s.url}` };
  });
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.id)) throw new ConfigError(`Invalid sources file ${file}: two sources have the id ${s.id}`);
    seen.add(s.id);
  }
  return { ...parsed.data, sources };
}

/** The configured sources file: SOURCES_FILE, else `sources.json` at the project root when it exists, else null. */
export function loadSources(config: Pick<Config, 'SOURCES_FILE'>): SourcesFile | null {
  if (config.SOURCES_FILE !== null) return loadSourcesFile(config.SOURCES_FILE);
  try {
    readFileSync(DEFAULT_SOURCES_FILE);
  } catch {
    return null;
  }
  return loadSourcesFile(DEFAULT_SOURCES_FILE);
}
