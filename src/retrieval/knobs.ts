import { DEFAULT_LEXICAL_WEIGHTS } from './channels.js';
import type { RetrievalKnobs } from './types.js';

/**
 * Default knobs per embedding model. The on-disk English MiniLM's values were chosen with
 * `npm run eval` on the dev set (README, "Quality and speed"); the multilingual default's are
 * reasoned, not measured (no machine here can load it): its dense channel is strong on Italian,
 * so it gets an equal say in fusion, and e5's cosine scale runs high (unrelated text ≈ 0.75).
 */
const BY_MODEL: Record<string, Partial<RetrievalKnobs>> = {
  'all-MiniLM-L6-v2': { denseWeight: 0.05, denseWeightCrossLingual: 0.2, minDenseSimilarity: 0.75 },
  'multilingual-e5-small': { denseWeight: 0.5, denseWeightCrossLingual: 0.5, minDenseSimilarity: 0.86 },
};

const BASE: RetrievalKnobs = {
  k: 5,
  candidates: 50,
  denseWeight: 0.3,
  denseWeightCrossLingual: 0.3,
  prefixWeight: DEFAULT_LEXICAL_WEIGHTS.prefix,
  pairWeight: DEFAULT_LEXICAL_WEIGHTS.pairs,
  titleWeight: DEFAULT_LEXICAL_WEIGHTS.title,
  neighborWeight: 0,
  fusion: 'score',
  minCoverage: 0.4,
  minCoverageTranslated: 0.35,
  minDenseSimilarity: 0.8,
  passagesPerArticle: 3,
};

/** The knobs for `modelId`, with `overrides` (from configuration or a caller) applied last. */
export function knobsFor(modelId: string, overrides: Partial<RetrievalKnobs> = {}): RetrievalKnobs {
  const perModel = BY_MODEL[modelId.split('/').pop() ?? modelId] ?? {};
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...BASE, ...perModel, ...defined };
}
