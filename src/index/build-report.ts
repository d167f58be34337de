import type { SkippedSource } from '../corpus/article.js';
import type { SourceReport } from '../sources/source-report.js';
import type { ModelSource } from '../embedding/resolve-model.js';
import type { Lang } from '../text/lang.js';

/** Why a build is full; worded in the reader's language by src/index/word-report.ts. */
export type FullReason =
  | { code: 'asked' }
  | { code: 'no-live-index' }
  | { code: 'live-unreadable'; error: string }
  | { code: 'schema-changed'; from: number; to: number }
  | { code: 'model-config-changed'; from: string; to: string }
  | { code: 'engine-changed'; from: string; to: string }
  | { code: 'chunker-changed' }
  /** The live index was embedded as written; a translator now makes embedding through it possible. */
  | { code: 'bridge-possible'; engine: string }
  /** The live index was embedded through `engine`, which is no longer configured. */
  | { code: 'bridge-unconfigured'; engine: string };

/** About the model a build used: where it came from, or that a full rebuild would switch to another. */
export type ModelNote =
  { code: 'source'; source: ModelSource } | { code: 'would-switch'; current: string; to: string; source: ModelSource };

/** How passages were embedded through a translation (EMBED_VIA_TRANSLATION), or why they could not be. */
export type BridgeNote =
  /** `untranslated` passages failed to translate and were embedded as written. */
  | { code: 'bridged'; engine: string; language: Lang; untranslated: number }
  | { code: 'translator-down'; engine: string; language: Lang };

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
  modelNote: ModelNote | null;
  /** Whether passages were embedded through a machine translation (EMBED_VIA_TRANSLATION), and how that went. */
  bridgeNote: BridgeNote | null;
  full: boolean;
  /** Why the build was full. */
  fullReason: FullReason | null;
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
    fullReason: full ? { code: 'asked' } : null,
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
