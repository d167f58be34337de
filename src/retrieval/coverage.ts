import type { TermStats } from './types.js';

/** The BM25 idf of a stem held by `docs` of the index's `passages` passages: ln(1 + (N − n + 0.5) / (n + 0.5)). */
export function bm25Idf(passages: number, docs: number): number {
  return Math.log(1 + (passages - docs + 0.5) / (docs + 0.5));
}

/**
 * Inverse passage frequency (0–1) of each term's stem in the index, scaled so a stem no passage
 * holds weighs 1 (`stats`: `passages` in the index and `docs[i]` passages holding term i's stem).
 */
export function inverseFrequencies(stats: TermStats, count: number): number[] {
  const idf = (docs: number) => bm25Idf(stats.passages, docs);
  const top = idf(0);
  return Array.from({ length: count }, (_, i) => (top > 0 ? idf(stats.docs[i] ?? 0) / top : 1));
}

/**
 * Weight (0–1) of a term for the relevance gate: `mix` × its rarity in general Italian and
 * English (`backgroundRarity`) + (1 − `mix`) × its inverse frequency in the index. A one-article
 * or one-topic corpus makes every topic word frequent, so its own idf says little there; the
 * background list still knows "Lavrov" is rare and "durato" is common.
 */
export function termWeight(rarity: number, idf: number, mix: number): number {
  return mix === 0 ? idf : mix * rarity + (1 - mix) * idf;
}
