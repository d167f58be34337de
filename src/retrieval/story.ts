import { analyze } from '../text/analyze.js';
import type { IsoDate } from '../time/index.js';
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

/** The index's BM25 idf of each of `stems`, from `stats` (their passage counts, in that order). */
export function inverseFrequencies(stems: string[], stats: TermStats): Map<string, number> {
  return new Map(
    stems.map((stem, i) => {
      const docs = stats.docs[i] ?? 0;
      return [stem, Math.log(1 + (stats.passages - docs + 0.5) / (docs + 0.5))];
    }),
  );
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
  const idf = inverseFrequencies(stems, await termStats(stems));
  const vectors = counts.map((c) => termVector(c, idf));
  const anchor = vectors[0] ?? new Map<string, number>();
  return vectors.map((v, i) => (i === 0 ? 1 : cosine(anchor, v)));
}

/**
 * The story test `orderNewestFirst` takes for a "latest" question's article pool (best first):
 * each group's similarity to the best one published by `today` (an article dated after it does
 * not exist yet), for the published groups scoring at least `share` × that one (the others cannot
 * be relevant; they get 0), with `threshold`; undefined when `threshold` is 0 (the test is off).
 */
export async function latestStory(
  termStats: (stems: string[]) => Promise<TermStats>,
  pool: ArticleGroup[],
  knobs: { share: number; threshold: number; today: IsoDate },
): Promise<{ similarity: number[]; threshold: number } | undefined> {
  const { share, threshold, today } = knobs;
  if (threshold <= 0) return undefined;
  const published = pool.filter((g) => publishedBy(g, today));
  const best = published[0]?.score ?? 0;
  const candidates = published.filter((g) => g.score >= share * best);
  const similar = await storySimilarities(termStats, candidates);
  const byGroup = new Map(candidates.map((g, i) => [g, similar[i] ?? 0]));
  return { similarity: pool.map((g) => byGroup.get(g) ?? 0), threshold };
}
