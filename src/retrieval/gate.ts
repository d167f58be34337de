import type { Generation } from '../index/searchable-index.js';
import { termCoverage, termWeights } from './coverage.js';
import { collectTerms, type QueryText } from './lexical-query.js';
import type { RetrievalKnobs, ScoredPassage } from './types.js';

/** Passages whose coverage the gate checks. */
export const GATE_DEPTH = 3;

/**
 * Best weighted term coverage of the top passages (`termCoverage` with `termWeights` at `mix`).
 * Each query text is judged on its own: an English question's words rarely occur in Italian
 * text, so mixing them with its translation's would dilute the translation's coverage.
 */
export async function gateCoverage(
  generation: Pick<Generation, 'termStats'>,
  queryTexts: QueryText[],
  top: Pick<ScoredPassage, 'text' | 'lang'>[],
  mix: number,
): Promise<number> {
  const coverages = await Promise.all(
    queryTexts.map(async (q) => {
      const own = collectTerms([q]);
      const weights = termWeights(await generation.termStats(own.map((t) => t.stem)), own, mix);
      return Math.max(0, ...top.map((p) => termCoverage(own, weights, p.text, p.lang)));
    }),
  );
  return Math.max(0, ...coverages);
}

/**
 * The relevance decision from the gate's two signals. `gateLinear` (fitted): `coverage +
 * gateDenseWeight × similarity ≥ minGateScore` (`minGateScoreCrossLingual` for a question in
 * another language than the corpus's); otherwise the older rule, coverage over its minimum (lower
 * for translated questions) or a cosine over `minDenseSimilarity`. `lenient` (an LLM answers, and
 * may say NOT_IN_COVERAGE itself) uses the linear rule's lower LLM thresholds.
 */
export function isRelevant(
  gate: { coverage: number; similarity: number },
  knobs: Pick<
    RetrievalKnobs,
    | 'gateLinear'
    | 'gateDenseWeight'
    | 'minGateScore'
    | 'minGateScoreWithLlm'
    | 'minGateScoreCrossLingual'
    | 'minGateScoreCrossLingualWithLlm'
    | 'minCoverage'
    | 'minCoverageTranslated'
    | 'minDenseSimilarity'
  >,
  translated: boolean,
  lenient = false,
  crossLingual = false,
): boolean {
  if (knobs.gateLinear || knobs.gateDenseWeight > 0) {
    const strict = crossLingual ? knobs.minGateScoreCrossLingual : knobs.minGateScore;
    const withLlm = crossLingual ? knobs.minGateScoreCrossLingualWithLlm : knobs.minGateScoreWithLlm;
    return gate.coverage + knobs.gateDenseWeight * gate.similarity >= (lenient ? Math.min(strict, withLlm) : strict);
  }
  return (
    gate.coverage >= (translated ? knobs.minCoverageTranslated : knobs.minCoverage) ||
    gate.similarity >= knobs.minDenseSimilarity
  );
}
