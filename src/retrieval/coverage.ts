import type Database from 'better-sqlite3';
import { analyze, type Term } from '../text/analyze.js';
import type { Lang } from '../text/lang.js';

/** Inverse document frequency of each term's stem in the generation (0 docs → the highest weight). */
export function termWeights(db: Database.Database, terms: Term[]): number[] {
  const total = (db.prepare('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
  const df = db.prepare("SELECT doc FROM chunks_vocab WHERE col = 'stems' AND term = ?");
  return terms.map((t) => {
    const docs = (df.get(t.stem) as { doc: number } | undefined)?.doc ?? 0;
    return Math.log(1 + (total - docs + 0.5) / (docs + 0.5));
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
