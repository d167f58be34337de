import { roundTo } from '../util/round.js';

/** A retrieved passage as scoring sees it. */
export interface Located {
  articleId: string;
  start: number;
  end: number;
}

/** The gold paragraph of a question. */
export interface Gold {
  articleId: string;
  start: number;
  end: number;
}

/** A passage counts when it comes from the gold article and its range overlaps the gold paragraph. */
export function isHit(p: Located, gold: Gold): boolean {
  return p.articleId === gold.articleId && p.start < gold.end && gold.start < p.end;
}

/** 1-based rank of the first hit in `ranked`, or null. */
export function firstHitRank(ranked: Located[], gold: Gold): number | null {
  const i = ranked.findIndex((p) => isHit(p, gold));
  return i < 0 ? null : i + 1;
}

/** 1-based rank of the gold article among the articles of `ranked` (first occurrence order), or null. */
export function articleRank(ranked: Located[], goldArticle: string): number | null {
  const seen: string[] = [];
  for (const p of ranked) {
    if (!seen.includes(p.articleId)) seen.push(p.articleId);
    if (p.articleId === goldArticle) return seen.length;
  }
  return null;
}

export interface ChannelScores {
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'mrr@10': number;
  'articleHit@1': number;
  'articleHit@5': number;
}

/** Aggregates per-question ranks (passage rank, article rank) into the reported scores. */
export function scoreRanks(ranks: { passage: number | null; article: number | null }[]): ChannelScores {
  const n = Math.max(ranks.length, 1);
  const share = (ok: (r: (typeof ranks)[number]) => boolean) => roundTo(ranks.filter(ok).length / n, 3);
  const within = (rank: number | null, k: number) => rank !== null && rank <= k;
  return {
    'recall@1': share((r) => within(r.passage, 1)),
    'recall@5': share((r) => within(r.passage, 5)),
    'recall@10': share((r) => within(r.passage, 10)),
    'mrr@10': roundTo(
      ranks.reduce((s, r) => s + (within(r.passage, 10) && r.passage !== null ? 1 / r.passage : 0), 0) / n,
      3,
    ),
    'articleHit@1': share((r) => within(r.article, 1)),
    'articleHit@5': share((r) => within(r.article, 5)),
  };
}

/**
 * The `p`-th percentile (0–100) of `values` by the nearest-rank method: the smallest value
 * with at least p% of the samples at or below it. Does not reorder `values`. NaN when empty.
 * Throws RangeError when `p` is outside 0–100.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
