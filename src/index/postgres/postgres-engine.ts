import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import {
  copyGeneration,
  createGenerationSchema,
  createSearchIndexes,
  dropSchema,
  ensureVectorExtension,
  listSchemas,
} from '../../store/postgres/schema.js';
import {
  listPassages,
  loadPassages,
  matchSentences,
  readSimilarities,
  readTermStats,
  searchBm25,
  searchVectors,
} from '../../store/postgres/search.js';
import { searchFullText } from '../../store/postgres/text-search.js';
import { countRows, deleteArticles, insertArticle, readArticleHashes } from '../../store/postgres/write.js';
import { failLoad } from '../generation-error.js';
import type { Manifest } from '../manifest.js';
import type { Generation, GenerationWriter, IndexEngine } from '../searchable-index.js';

/** The PostgreSQL engine with its connection pool and lexical channel; `end()` closes the pool. */
export interface PostgresEngine extends IndexEngine {
  readonly lexical: PostgresLexical;
  end(): Promise<void>;
}

/**
 * The lexical channel searches answer from (POSTGRES_LEXICAL): 'bm25', FTS5's BM25 over the
 * project's own analysed terms (the default: the SQLite engine's ranking); 'tsvector',
 * PostgreSQL's to_tsvector lexemes ranked by ts_rank_cd. Every generation holds both, so a
 * change needs no rebuild.
 */
export type PostgresLexical = 'bm25' | 'tsvector';

/**
 * PostgreSQL + pgvector: one schema per generation, named after the data folder and the
 * generation id (`archivista_<folder hash>_g<id>`), so each data folder — the bot's, each eval
 * work folder's — has its own generations in one database. The data folder keeps CURRENT, the
 * manifests, the build lock and state.db as for SQLite; a generation becomes live when CURRENT
 * names it, and pruning drops the schemas whose folders are gone. The `vector` extension and the
 * schemas are created on first use.
 */
export function createPostgresEngine(databaseUrl: string, options: { lexical?: PostgresLexical } = {}): PostgresEngine {
  const lexical = options.lexical ?? 'bm25';
  // allowExitOnIdle: a script ends when its work is done, without waiting for idle connections.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, allowExitOnIdle: true });
  let extension: Promise<void> | null = null;
  const ready = () => (extension ??= ensureVectorExtension(pool));
  return {
    name: 'postgres',
    lexical,
    open: (_dir, id, manifest, efSearch) => openPostgresGeneration(pool, id, manifest, { efSearch, lexical }),
    readBase: async (_dir, manifest) => {
      const schema = schemaOf(manifest);
      return { hashes: await readArticleHashes(pool, schema), chunks: (await countRows(pool, schema)).chunks };
    },
    createWriter: async (target, base, dims, hnsw) => {
      await ready();
      const schema = schemaName(target.dataDir, target.id);
      await createGenerationSchema(pool, schema, dims);
      if (base !== null) await copyGeneration(pool, schemaOf(base.manifest), schema);
      return postgresWriter(pool, schema, hnsw);
    },
    prune: async (dataDir, keep) => {
      const kept = new Set(keep.map((id) => schemaName(dataDir, id)));
      for (const schema of await listSchemas(pool, schemaPrefix(dataDir)))
        if (!kept.has(schema)) await dropSchema(pool, schema);
    },
    end: () => pool.end(),
  };
}

/** `archivista_<12 hex of the data folder's absolute path>_g`: what every generation schema of that folder starts with. */
export function schemaPrefix(dataDir: string): string {
  return `archivista_${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12)}_g`;
}

/** The schema of generation `id` of `dataDir`. */
export function schemaName(dataDir: string, id: string): string {
  return `${schemaPrefix(dataDir)}${id.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}

function schemaOf(manifest: Manifest): string {
  if (manifest.schema === null) throw new Error(`generation ${manifest.generationId} records no PostgreSQL schema`);
  return manifest.schema;
}

function openPostgresGeneration(
  pool: pg.Pool,
  id: string,
  manifest: Manifest,
  { efSearch, lexical }: { efSearch: number; lexical: PostgresLexical },
): Generation {
  const schema = manifest.schema ?? failLoad(id, 'the manifest names no PostgreSQL schema');
  const searchLexical = lexical === 'tsvector' ? searchFullText : searchBm25;
  return {
    id,
    manifest,
    searchLexical: (query, limit, weights, within) => searchLexical(pool, schema, query, limit, weights, within),
    searchDense: (query, limit, within) => searchVectors(pool, schema, query, limit, efSearch, within),
    similarities: (query, ids) => readSimilarities(pool, schema, query, [...ids]),
    sentences: (query, ids) => matchSentences(pool, schema, query, ids),
    passages: (ids) => loadPassages(pool, schema, ids),
    termStats: (stems) => readTermStats(pool, schema, stems),
    listPassages: (limit = Number.MAX_SAFE_INTEGER) => listPassages(pool, schema, limit),
    counts: async () => {
      const counts = await countRows(pool, schema);
      return { ...counts, vectors: counts.chunks };
    },
    // The pool belongs to the engine, shared by every generation it opened.
    close: () => undefined,
  };
}

/** Writes one generation's schema, each article in its own short transaction; indexes are built in writeVectors(). */
function postgresWriter(pool: pg.Pool, schema: string, hnsw: { m: number; efConstruction: number }): GenerationWriter {
  let indexed = false;
  return {
    articleHashes: () => readArticleHashes(pool, schema),
    removeArticles: (articleIds) => deleteArticles(pool, schema, articleIds),
    addArticle: (article, chunks, vectors, sentences) =>
      insertArticle(pool, schema, article, chunks, vectors, sentences),
    writeVectors: async () => {
      await createSearchIndexes(pool, schema, hnsw);
      indexed = true;
    },
    finish: async () => {
      if (!indexed) throw new Error('finish() called before writeVectors()');
      const counts = await countRows(pool, schema);
      return {
        counts: { ...counts, vectors: counts.chunks },
        hnsw: { m: hnsw.m, efConstruction: hnsw.efConstruction, maxElements: counts.chunks },
        vectorsFile: null,
        schema,
      };
    },
    close: () => undefined,
  };
}
