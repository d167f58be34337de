import { analyze, type Term } from '../text/analyze.js';
import { backgroundRarity } from '../text/background.js';
import type { Lang } from '../text/lang.js';
import type { TermStats } from './types.js';

/**
 * Weight (0–1) of each term for the relevance gate: `mix` × its rarity in general Italian and
 * English (`backgroundRarity`) + (1 − `mix`) × its stem's inverse passage frequency in the
 * index, scaled to 0–1 (`stats`: `passages` in the index and `docs[i]` passages holding term i's
 * stem). A one-article or one-topic corpus makes every topic word frequent, so its own idf says
 * little there; the background list still knows "Lavrov" is rare and "durato" is common.
 */
export function termWeights(stats: TermStats, terms: Term[], mix = 0): number[] {
  const idf = (docs: number) => Math.log(1 + (stats.passages - docs + 0.5) / (docs + 0.5));
  const top = idf(0);
  return terms.map((t, i) => {
    const own = top > 0 ? idf(stats.docs[i] ?? 0) / top : 1;
    return mix === 0 ? own : mix * backgroundRarity(t.word) + (1 - mix) * own;
  });
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
