import { analyze, type Term } from '../text/analyze.js';
import type { Lang } from '../text/lang.js';
import type { TermStats } from './types.js';

/**
 * Inverse document frequency of each term's stem, from the index's term statistics: `passages`
 * in the index and `docs[i]` passages holding term i's stem (0 docs → the highest weight).
 */
export function termWeights(stats: TermStats): number[] {
  return stats.docs.map((docs) => Math.log(1 + (stats.passages - docs + 0.5) / (docs + 0.5)));
}

/**
 * Share (0–1, idf-weighted) of the question's content words that occur in the passage, by stem
 * or by prefix term. The relevance gate uses it: a passage that shares none of the question's
 * rare words does not answer it, whatever its rank.
 */
export function termCoverage(terms: Term[], weights: number[], passageText: string, passageLang: Lang): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  const own = analyze(passageText, passageLang);
  const stems = new Set(own.map((t) => t.stem));
  const prefixes = new Set(own.map((t) => t.prefix));
  let covered = 0;
  terms.forEach((t, i) => {
    if (stems.has(t.stem) || prefixes.has(t.prefix)) covered += weights[i] ?? 0;
  });
  return covered / total;
}
