import type { Chunk } from '../chunking/chunk.js';
import type { Article } from '../corpus/article.js';
import type { Manifest } from './manifest.js';
import type { DateBounds } from '../store/dated-search.js';
import type {
  LexicalQuery,
  LexicalWeights,
  Passage,
  RankedId,
  SentenceMatch,
  StoredSentence,
  TermStats,
} from '../store/passage.js';

/**
 * What retrieval, evaluation and the benchmarks ask of one index generation, whatever engine
 * holds it (SQLite + FTS5 + hnswlib here; see src/index/sqlite). Passage ids are the engine's
 * chunk ids, shared by its lexical and dense halves.
 */
export interface SearchableIndex {
  /**
   * Lexical candidates for `query`, best first; `score` is the engine's BM25 (higher is better).
   * `within`: only passages of articles published within those dates.
   */
  searchLexical(query: LexicalQuery, limit: number, weights: LexicalWeights, within?: DateBounds): Promise<RankedId[]>;
  /**
   * Dense candidates: approximate nearest neighbours of `query` (unit length), best first; `score`
   * is the cosine similarity. `within`: only passages of articles published within those dates.
   */
  searchDense(query: Float32Array, limit: number, within?: DateBounds): Promise<RankedId[]>;
  /** Exact cosine similarity of `query` to each of `ids`' stored vectors; ids without one are left out. */
  similarities(query: Float32Array, ids: Iterable<number>): Promise<Map<number, number>>;
  /**
   * The stored sentences of the passages `ids` (in passage and text order) with their cosine
   * similarity to `query` (unit length): the extractive answer weighs them. Passages without
   * stored sentences give none.
   */
  sentences(query: Float32Array, ids: number[]): Promise<SentenceMatch[]>;
  /** The passages with these ids, with their articles' metadata; missing ids are left out. */
  passages(ids: number[]): Promise<Map<number, Passage>>;
  /** Passages in the index and, per stem, how many hold it in their stems field (for idf). */
  termStats(stems: string[]): Promise<TermStats>;
  /** Every passage in the order the builds stored them (chunk id), at most `limit`. */
  listPassages(limit?: number): Promise<Passage[]>;
  /** What the generation holds: articles, passages (chunks) and live vectors. */
  counts(): Promise<IndexCounts>;
}

/** One searchable index generation, opened for serving: its manifest and its engine's search. */
export interface Generation extends SearchableIndex {
  readonly id: string;
  readonly manifest: Manifest;
  /** Releases the engine's handles; no search may follow. */
  close(): void;
}

export interface IndexCounts {
  articles: number;
  chunks: number;
  vectors: number;
}

/**
 * The write side of a generation being built: a copy of the live generation (or an empty one)
 * that the build changes and then publishes. Nothing is visible to searches until the build
 * publishes it; `close()` without `finish()` abandons it.
 */
export interface GenerationWriter {
  /** Article id → content hash of what the generation holds (incremental builds compare these). */
  articleHashes(): Promise<Map<string, string>>;
  /** Removes these articles with their passages, lexical rows and vectors; returns the passages removed. */
  removeArticles(articleIds: string[]): Promise<number>;
  /**
   * Stores one article with its chunks, their lexical rows, `vectors` (one per chunk, in order)
   * and `sentences` (each chunk's, in order); returns the new passage ids.
   */
  addArticle(
    article: Article,
    chunks: Chunk[],
    vectors: Float32Array[],
    sentences: readonly StoredSentence[][],
  ): Promise<number[]>;
  /** Writes the vectors durably and checks them (throws saying what is wrong, e.g. a full disk). */
  writeVectors(): Promise<void>;
  /** After `writeVectors()`: makes everything durable and releases the handles; returns what the manifest records of the storage. */
  finish(): Promise<WrittenGeneration>;
  /** Releases the generation's handles (after `finish()`, or to abandon it). */
  close(): void;
}

/** What a finished write reports for the manifest. */
export interface WrittenGeneration {
  counts: IndexCounts;
  hnsw: { m: number; efConstruction: number; maxElements: number };
  vectorsFile: Manifest['vectorsFile'];
  schema: Manifest['schema'];
}

/** The engines an index generation can live in (INDEX_ENGINE). */
export type EngineName = Manifest['engine'];

/**
 * One storage engine for index generations. The data folder (CURRENT, generations/<id>/manifest.json,
 * build.lock, state.db) is the same for every engine; what a generation holds lives in the engine.
 */
export interface IndexEngine {
  readonly name: EngineName;
  /** Opens generation `id` (its folder `dir`, its checked manifest) for searching; throws GenerationLoadError saying what is wrong. */
  open(dir: string, id: string, manifest: Manifest, efSearch: number): Generation;
  /** What an incremental build starts from: the article hashes and passage count of the generation. */
  readBase(dir: string, manifest: Manifest): Promise<{ hashes: Map<string, string>; chunks: number }>;
  /** Starts generation `id` of `dataDir` in its (empty) folder `dir`: a copy of `base` or empty. */
  createWriter(
    target: { dataDir: string; dir: string; id: string },
    base: { dir: string; manifest: Manifest } | null,
    dims: number,
    hnsw: { m: number; efConstruction: number },
  ): Promise<GenerationWriter>;
  /** Drops what the engine holds for generations of `dataDir` other than `keep` (their folders are gone). */
  prune(dataDir: string, keep: string[]): Promise<void>;
}
