import type { SkippedSource } from '../corpus/article.js';
import type { SourceReport } from '../sources/source-report.js';

/** Where a build is; `done`/`total` count articles while reading, passages while embedding. */
export interface BuildProgress {
  phase: 'reading' | 'embedding' | 'writing' | 'switching' | 'done';
  done: number;
  total: number;
}

/** What `buildIndex()` returns (and what `npm run index --json` prints). */
export interface BuildReport {
  outcome: 'success' | 'failed';
  /** The error message of a failed build; null on success. */
  error: string | null;
  /** The generation the build produced (live on success). */
  generationId: string | null;
  model: string;
  /** Why the build chose its model, or that a full rebuild would switch models. */
  modelNote: string | null;
  /** Whether passages were embedded through a machine translation (EMBED_VIA_TRANSLATION), and how that went. */
  bridgeNote: string | null;
  full: boolean;
  /** Why the build was full (`--full`, model changed, chunker changed, no live index). */
  fullReason: string | null;
  articles: { seen: number; added: number; updated: number; unchanged: number; removed: number; skipped: number };
  skipped: SkippedSource[];
  /** Files with extensions the reader does not handle. */
  ignoredFiles: number;
  /** How each source's pull went, in the order of the sources file. */
  sources: SourceReport[];
  /** Reading and fetching every source (no chunking or embedding): wall time, and articles per second of it. */
  reading: { durationMs: number; articlesPerSec: number };
  chunks: { total: number; embedded: number; removed: number };
  startedAt: string;
  durationMs: number;
  /** Passages embedded per second of embedding time. */
  passagesPerSec: number;
}

/** A report of a build that has not done anything yet (outcome `failed` until it succeeds). */
export function emptyBuildReport(startedAt: Date, full: boolean): BuildReport {
  return {
    outcome: 'failed',
    error: null,
    generationId: null,
    model: '',
    modelNote: null,
    bridgeNote: null,
    full,
    fullReason: full ? '--full' : null,
    articles: { seen: 0, added: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0 },
    skipped: [],
    ignoredFiles: 0,
    sources: [],
    reading: { durationMs: 0, articlesPerSec: 0 },
    chunks: { total: 0, embedded: 0, removed: 0 },
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    passagesPerSec: 0,
  };
}
