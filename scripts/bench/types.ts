import type { LatencySummary } from './stats.js';

/** Which preset ran: sizes differ, the measurements are the same. */
export type BenchMode = 'quick' | 'default' | 'full';

/** Real model, eval corpus: the product's build against the bare embedding pipeline. */
export interface IndexingResult {
  model: string;
  /** Why the build used that model (resolution note). */
  modelWhy: string;
  batchSize: number;
  articles: number;
  passages: number;
  /** Sentences embedded with them (stored for the extractive answer). */
  sentences: number;
  /** Passages/s of `embedPassages` alone over the passages the build stored and their sentences. */
  rawPassagesPerSec: number;
  /** Passages/s of the whole `buildIndex()` (read, chunk, embed, store, HNSW, write, switch). */
  buildPassagesPerSec: number;
  /** build ÷ raw: the share of embedding speed the product keeps (target ≥ 0.9). */
  ratio: number;
  /** Mean of the two builds (before and after the raw pass). */
  buildMs: number;
  buildRunsMs: [number, number];
  rawMs: number;
  /**
   * raw CPU time ÷ build CPU time for the same passages: the same overhead measure, far less
   * sensitive than wall time to other processes sharing the cores.
   */
  cpuRatio: number;
  /**
   * Wall time of `buildIndex()` spent outside `embedPassages` (reading, chunking, storing rows,
   * FTS, HNSW inserts and file, manifest, switching), in ms: the product's own work.
   */
  buildOverheadMs: number;
  /**
   * Share of the build's wall time spent inside `embedPassages`, measured within the same runs:
   * the overhead figure that other processes on a shared machine cannot skew (the ratio above
   * compares separate runs, so it can be).
   */
  embedShareOfBuild: number;
  /** Peak resident memory during build and raw pass, model included. */
  peakMemoryMb: number;
  /**
   * A full build of the same corpus embedding the Italian passages through their Apertium
   * translation (EMBED_VIA_TRANSLATION), when APy answers; null otherwise. The figures above
   * are without translation, so that they compare the product with the bare model.
   */
  bridged: { buildMs: number; passagesPerSec: number; note: string | null } | null;
}

/** Per-stage latencies of `retrieve()` (embed, hnsw, fts, fusion, grouping, total). */
export type StageSummaries = Record<string, LatencySummary>;

/** Retrieval latencies for one question language. */
export interface RetrievalLatency {
  questions: number;
  p50Ms: number;
  p95Ms: number;
  stages: StageSummaries;
}

/** Query-side latencies, warm model; top-level figures are for the Italian questions. */
export interface QueryResult extends RetrievalLatency {
  english: RetrievalLatency;
  /** `answerQuestion` end to end, extractive mode (no LLM, no translator), Italian questions. */
  askP50Ms: number;
  askP95Ms: number;
  askQuestions: number;
  /** Share of asked questions that got an extractive answer (the rest: not covered). */
  askAnsweredShare: number;
  askEnglish: LatencySummary;
  askEnglishAnsweredShare: number;
}

/** One synthetic size, measured in its own process. */
export interface ScaleResult {
  passages: number;
  synthetic: true;
  dims: number;
  efSearch: number;
  hnswBuildMs: number;
  /** recall@10 of HNSW against brute-force exact search over `recallQueries` queries. */
  hnswRecallAt10: number;
  recallQueries: number;
  /** `searchDense` with the product's candidate count (50). */
  queryP50Ms: number;
  queryP95Ms: number;
  /** Recall and latency at larger search-time ef (the tuning's efSearch) on the same index and queries. */
  efSweep: { ef: number; recallAt10: number; p50Ms: number }[];
  ftsBuildMs: number;
  ftsP50Ms: number;
  ftsP95Ms: number;
  /** Resident memory of the child before any data (runtime and modules). */
  baselineMemoryMb: number;
  /** Peak resident memory after the HNSW part (vectors in JS + graph). */
  hnswMemoryMb: number;
  /** Peak resident memory of the whole child process. */
  memoryMb: number;
}

/** Re-indexing with the real model after one changed article, in a store built with synthetic vectors. */
export interface IncrementalResult {
  articles: number;
  /** Passages of the initial full build (one per article when the articles are short). */
  passages: number;
  initialBuildMs: number;
  incrementalMs: number;
  /** Passages the incremental build embedded (must equal `changedArticleChunks`). */
  passagesEmbedded: number;
  changedArticleChunks: number;
  articlesUpdated: number;
  ok: boolean;
}

/** Query translation over Apertium APy, warm. */
export interface TranslationResult {
  url: string;
  itToEn: LatencySummary;
  enToIt: LatencySummary;
  failures: number;
}

/** Everything `npm run bench` measures; `--json` prints this as the last line. */
export interface BenchResult {
  ran: BenchMode;
  /** `loadAvg`: 1-minute load average at start and end; others' work on a shared machine skews timings. */
  machine: { cpus: number; memGb: number; node: string; platform: string; loadAvg: [number, number] };
  indexing: IndexingResult;
  query: QueryResult;
  scale: ScaleResult[];
  incremental: IncrementalResult;
  translation: TranslationResult | null;
  /** Which sizes ran, what was skipped and why, estimates for what did not run. */
  notes: string[];
  totalMs: number;
}
