import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FEATURE_NAMES, type FeaturedCandidate } from './sentence-features.js';

/** Fitted weights of the sentence scorer, with the recipe and the numbers they reached (STYLE.md §20). */
export const scorerWeightsSchema = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  /** A supporting quote is kept when its score is at least the best one's minus this margin. */
  supportMargin: z.number().nonnegative(),
  /** The margin for questions in each language, when it differs (an English answer over Italian articles also shows translations). */
  supportMargins: z.record(z.string(), z.number().nonnegative()).optional(),
  /** L2 penalty the weights were fitted with (chosen on `chosenOn`). */
  lambda: z.number().nonnegative(),
  recipe: z.string(),
  fittedOn: z.string(),
  chosenOn: z.string(),
  date: z.string(),
  model: z.string(),
  bridge: z.string().nullable(),
  results: z.record(z.string(), z.unknown()),
});

export type ScorerWeights = z.infer<typeof scorerWeightsSchema>;

/** Where the committed weights live: beside this file. */
export const WEIGHTS_FILE = new URL('./sentence-weights.json', import.meta.url);

/**
 * Reads and checks a weights file; throws naming the file when it does not parse or its features
 * are not FEATURE_NAMES in order (weights fitted for another feature set must be refitted).
 */
export function loadScorerWeights(file: URL | string = WEIGHTS_FILE): ScorerWeights {
  const parsed = scorerWeightsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${String(file)}: not a weights file: ${parsed.error.issues[0]?.message ?? ''}`);
  const { features, weights } = parsed.data;
  if (features.join() !== FEATURE_NAMES.join() || weights.length !== features.length)
    throw new Error(`${String(file)}: weights are for features [${features.join(', ')}]; run npm run fit`);
  return parsed.data;
}

let committed: ScorerWeights | null = null;

/** The committed weights, read once. */
export function committedWeights(): ScorerWeights {
  committed ??= loadScorerWeights();
  return committed;
}

/** The supporting-quote margin for a question in `language`. */
export function marginFor(weights: Pick<ScorerWeights, 'supportMargin' | 'supportMargins'>, language: string): number {
  return weights.supportMargins?.[language] ?? weights.supportMargin;
}

/** A linear score: Σ weight × feature. */
export function scoreFeatures(features: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < features.length; i += 1) sum += (features[i] ?? 0) * (weights[i] ?? 0);
  return sum;
}

/** A featured candidate with its score. */
export interface ScoredCandidate extends FeaturedCandidate {
  score: number;
}

/** Scores candidates with `weights` and sorts them best first (stable on ties). */
export function rankCandidates(featured: readonly FeaturedCandidate[], weights: readonly number[]): ScoredCandidate[] {
  return featured.map((f) => ({ ...f, score: scoreFeatures(f.features, weights) })).sort((a, b) => b.score - a.score);
}
