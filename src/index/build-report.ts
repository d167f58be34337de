import type { SkippedSource } from '../corpus/article.js';

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
  chunks: { total: number; embedded: number; removed: number };
  startedAt: string;
  durationMs: number;
  /** Passages embedded per second of embedding time. */
  passagesPerSec: number;
}
