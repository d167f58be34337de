import { analyze } from '../text/analyze.js';
import type { IsoDate } from '../time/index.js';
import { bm25Idf } from './coverage.js';
import { publishedBy } from './time-rank.js';
import type { ArticleGroup, TermStats } from './types.js';

/** A sparse, unit-length term vector: stem → weight. */
export type TermVector = Map<string, number>;

/** How often each stem occurs in the group's passages (each passage counted once). */
export function stemCounts(group: Pick<ArticleGroup, 'passages'>): Map<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<number>();
  for (const passage of group.passages) {
    if (seen.has(passage.id)) continue;
    seen.add(passage.id);
    for (const term of analyze(passage.text, passage.lang)) counts.set(term.stem, (counts.get(term.stem) ?? 0) + 1);
  }
  return counts;
}

/** The index's BM25 idf of each of `stems` (`bm25Idf`), from `stats` (their passage counts, in that order). */
export function idfByStem(stems: string[], stats: TermStats): Map<string, number> {
  return new Map(stems.map((stem, i) => [stem, bm25Idf(stats.passages, stats.docs[i] ?? 0)]));
}

/** The tf-idf vector of `counts` (tf 1 + ln n, `idf` per stem, 0 when unknown), scaled to unit length; empty when nothing weighs. */
export function termVector(counts: Map<string, number>, idf: Map<string, number>): TermVector {
  const vector: TermVector = new Map();
  for (const [stem, n] of counts) vector.set(stem, (1 + Math.log(n)) * (idf.get(stem) ?? 0));
  const norm = Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0));
  if (norm === 0) return new Map();
  for (const [stem, w] of vector) vector.set(stem, w / norm);
  return vector;
}

/** Cosine similarity (0–1) of two unit term vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [stem, w] of small) dot += w * (large.get(stem) ?? 0);
  return dot;
}

/**
 * How much each group's text is about the same story as the first (best-scoring) group's: the
 * cosine of their tf-idf stem vectors over the passages retrieval kept, with the index's idf, so
 * that the names, places and objects of one event weigh and words every report shares do not.
 * One term-statistics lookup for all groups. The first group gets 1; an empty list gives [].
 */
export async function storySimilarities(
  termStats: (stems: string[]) => Promise<TermStats>,
  groups: Pick<ArticleGroup, 'passages'>[],
): Promise<number[]> {
  if (groups.length === 0) return [];
  const counts = groups.map(stemCounts);
  const stems = [...new Set(counts.flatMap((c) => [...c.keys()]))];
  const idf = idfByStem(stems, await termStats(stems));
  const vectors = counts.map((c) => termVector(c, idf));
  const anchor = vectors[0] ?? new Map<string, number>();
  return vectors.map((v, i) => (i === 0 ? 1 : cosine(anchor, v)));
}

/**
 * The story test of a "latest" question's article pool (best first): the articles that would go
 * before the best one published by `today` (the anchor; one dated after today does not exist yet)
 * but are not on its story. Only an article newer than the anchor and scoring at least `share` ×
 * its score can go before it; one scoring at least `threshold` × its score is on the story
 * whatever its words; the others are when their score share plus their text similarity to the
 * anchor (`storySimilarities`) reaches `threshold`. Returns their article ids (none when
 * `threshold` is 0: the test is off), for `orderNewestFirst`.
 */
export async function offStoryArticles(
  termStats: (stems: string[]) => Promise<TermStats>,
  pool: ArticleGroup[],
  knobs: { share: number; threshold: number; today: IsoDate },
): Promise<Set<string>> {
  const { share, threshold, today } = knobs;
  const anchor = pool.find((g) => publishedBy(g, today));
  if (threshold <= 0 || anchor === undefined || anchor.score <= 0) return new Set();
  const dateOf = (g: ArticleGroup) => (g.passages[0]?.date ?? '').slice(0, 10);
  const shareOf = (g: ArticleGroup) => g.score / anchor.score;
  // Only these could go before the anchor and need their words compared with it.
  const doubtful = pool.filter(
    (g) => publishedBy(g, today) && dateOf(g) > dateOf(anchor) && shareOf(g) >= share && shareOf(g) < threshold,
  );
  if (doubtful.length === 0) return new Set();
  const [, ...similar] = await storySimilarities(termStats, [anchor, ...doubtful]);
  return new Set(doubtful.filter((g, i) => shareOf(g) + (similar[i] ?? 0) < threshold).map((g) => g.articleId));
}
