import type hnswlib from 'hnswlib-node';
import type { HnswSettings } from '../../src/index/sqlite/vectors.js';
import { addVectors, createVectorIndex, searchDense } from '../../src/index/sqlite/vectors.js';
import { knobsFor } from '../../src/retrieval/knobs.js';
import { exactTopK } from './exact-search.js';
import { readPeakRssMb } from './memory.js';
import { measureLexical } from './scale-fts.js';
import { roundTo } from '../../src/util/round.js';
import { mean, recallAtK, summarize } from './stats.js';
import { createVectorSource } from './synthetic.js';
import type { ScaleResult } from './types.js';

const ADD_BATCH = 10_000;
const QUERIES = 200;
/** Brute force over 1M × 384 in JS takes ~1 s per query: fewer queries there. */
const QUERIES_AT_1M = 100;
const PROGRESS_MS = 10_000;
/** Candidates per channel, as retrieval asks for them by default. */
const CANDIDATES = knobsFor('synthetic').candidates;

/** Settings of one scale point. */
export interface ScaleSettings {
  passages: number;
  /** Folder for the synthetic FTS database. */
  dir: string;
  hnsw: HnswSettings;
  efSearch: number;
  /** Progress lines (stderr). */
  log: (line: string) => void;
}

const rssMb = () => Math.round(readPeakRssMb() ?? process.memoryUsage().rss / 2 ** 20);

/**
 * Measures one synthetic size in this process (its peak memory is this process's): HNSW build
 * through the product's `createVectorIndex`/`addVectors`, dense query latency and recall@10
 * against brute force, then an FTS5 store of as many synthetic passages built with
 * `insertArticle`, and its lexical query latency. Throws on a failed index operation.
 */
export function measureScale(settings: ScaleSettings): ScaleResult {
  const baselineMemoryMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  const dense = measureDense(settings);
  const hnswMemoryMb = rssMb();
  const lexical = measureLexical(settings.passages, settings.dir, CANDIDATES, settings.log);
  return {
    passages: settings.passages,
    synthetic: true,
    ...dense,
    ...lexical,
    baselineMemoryMb,
    hnswMemoryMb,
    memoryMb: rssMb(),
  };
}

type DenseFigures = Pick<
  ScaleResult,
  'dims' | 'efSearch' | 'hnswBuildMs' | 'hnswRecallAt10' | 'recallQueries' | 'queryP50Ms' | 'queryP95Ms' | 'efSweep'
>;
/** Search-time ef values tried besides the configured one, as multiples of it. */
const EF_SWEEP = [2, 4];

function measureDense({ passages: n, hnsw, efSearch, log }: ScaleSettings): DenseFigures {
  const source = createVectorSource(20240531);
  const dims = source.dims;
  log(`drawing ${n} synthetic vectors`);
  const vectors = source.draw(n, 1);
  const start = performance.now();
  const index = buildHnsw(vectors, dims, n, hnsw, (done) => {
    const perPoint = (performance.now() - start) / done;
    log(`HNSW ${done}/${n} points, ~${Math.round((perPoint * (n - done)) / 60_000)} min left`);
  });
  const hnswBuildMs = performance.now() - start;

  const count = n >= 1_000_000 ? QUERIES_AT_1M : QUERIES;
  const queries = source.draw(count, 2);
  const query = (q: number) => queries.subarray(q * dims, (q + 1) * dims);
  for (let q = 0; q < Math.min(20, count); q++) searchDense(index, query(q), CANDIDATES);
  log(`brute-forcing the exact top 10 of ${count} queries`);
  const truths = Array.from({ length: count }, (_, q) => exactTopK(vectors, dims, query(q), 10, (row) => row + 1));
  const [main, ...more] = [1, ...EF_SWEEP].map((factor) => {
    index.setEf(efSearch * factor);
    const latencies: number[] = [];
    const recalls = truths.map((truth, q) => {
      const t = performance.now();
      const found = searchDense(index, query(q), CANDIDATES);
      latencies.push(performance.now() - t);
      return recallAtK(
        found.map((r) => r.id),
        truth,
        10,
      );
    });
    return { ef: efSearch * factor, recallAt10: roundTo(mean(recalls), 4), ...summarize(latencies) };
  });
  index.setEf(efSearch);
  const configured = main ?? { recallAt10: Number.NaN, p50Ms: Number.NaN, p95Ms: Number.NaN };
  return {
    dims,
    efSearch,
    hnswBuildMs: Math.round(hnswBuildMs),
    hnswRecallAt10: configured.recallAt10,
    recallQueries: count,
    queryP50Ms: configured.p50Ms,
    queryP95Ms: configured.p95Ms,
    efSweep: more.map(({ ef, recallAt10, p50Ms }) => ({ ef, recallAt10, p50Ms })),
  };
}

/** Adds row r of `vectors` under label r + 1, in batches, reporting progress now and then. */
function buildHnsw(
  vectors: Float32Array,
  dims: number,
  n: number,
  settings: HnswSettings,
  progress: (done: number) => void,
): hnswlib.HierarchicalNSW {
  const index = createVectorIndex(dims, settings, n);
  let lastLog = performance.now();
  for (let row = 0; row < n; row += ADD_BATCH) {
    const ids = Array.from({ length: Math.min(n, row + ADD_BATCH) - row }, (_, i) => row + i + 1);
    addVectors(
      index,
      ids,
      ids.map((id) => vectors.subarray((id - 1) * dims, id * dims)),
    );
    if (performance.now() - lastLog > PROGRESS_MS) {
      lastLog = performance.now();
      progress(row + ids.length);
    }
  }
  return index;
}
