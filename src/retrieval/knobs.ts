import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { modelName } from '../embedding/model-profiles.js';
import type { LexicalWeights, RetrievalKnobs } from './types.js';

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

/**
 * A monolingual model whose index embeds other languages' passages through a translation
 * (EMBED_VIA_TRANSLATION), when the question reaches the dense channel in the model's language.
 * Chosen with `npm run eval` (README, "Quality and speed").
 */
const BRIDGED: Record<string, Partial<RetrievalKnobs>> = {
  'all-MiniLM-L6-v2': { denseWeight: 0.5, denseWeightCrossLingual: 0.6, gateDenseWeight: 2, minGateScore: 1.28 },
};

/** The relevance gate fitted by `npm run fit-gate` (scripts/fit-gate.ts), per model and bridge; numbers beside the weights. */
export const GATE_FIT_FILE = fileURLToPath(new URL('./gate-fit.json', import.meta.url));

/** The key of a fitted gate in {@link GATE_FIT_FILE}. */
export const gateFitKey = (model: string, bridged: boolean) => `${model}${bridged ? '+bridge' : ''}`;

const fittedGateSchema = z.record(
  z.string(),
  z.looseObject({
    mix: z.number(),
    denseWeight: z.number(),
    // Fits before the third signal have none: they used coverage and cosine alone.
    absentWeight: z.number().default(0),
    // Fits before the fourth signal have none.
    sentenceWeight: z.number().default(0),
    sentenceSignal: z.enum(['best', 'gap', 'wordiest']).default('best'),
    threshold: z.number(),
    llmThreshold: z.number(),
    crossThreshold: z.number(),
    crossLlmThreshold: z.number(),
  }),
);

function readFittedGates(): z.infer<typeof fittedGateSchema> {
  if (!existsSync(GATE_FIT_FILE)) return {};
  return fittedGateSchema.parse(JSON.parse(readFileSync(GATE_FIT_FILE, 'utf8')));
}

const FITTED_GATES = readFittedGates();

/** The fitted gate's knobs for a model (bridged or not), or none. */
function fittedGate(name: string, bridged: boolean): Partial<RetrievalKnobs> {
  const fit = FITTED_GATES[gateFitKey(name, bridged)];
  if (fit === undefined) return {};
  return {
    gateLinear: true,
    gateBackgroundMix: fit.mix,
    gateDenseWeight: fit.denseWeight,
    gateAbsentWeight: fit.absentWeight,
    gateSentenceWeight: fit.sentenceWeight,
    gateSentenceSignal: fit.sentenceSignal,
    minGateScore: fit.threshold,
    minGateScoreWithLlm: fit.llmThreshold,
    minGateScoreCrossLingual: fit.crossThreshold,
    minGateScoreCrossLingualWithLlm: fit.crossLlmThreshold,
  };
}

const BASE: RetrievalKnobs = {
  k: 5,
  candidates: 50,
  denseWeight: 0.3,
  denseWeightCrossLingual: 0.3,
  // bm25 weights of the lexical fields beside the stems field (weight 1), chosen with `npm run eval`.
  prefixWeight: 2.5,
  pairWeight: 0.5,
  titleWeight: 0.5,
  neighborWeight: 0,
  fusion: 'score',
  minCoverage: 0.4,
  minCoverageTranslated: 0.35,
  minDenseSimilarity: 0.8,
  gateDenseWeight: 0,
  gateAbsentWeight: 0,
  gateSentenceWeight: 0,
  gateSentenceSignal: 'best',
  gateBackgroundMix: 0,
  gateLinear: false,
  minGateScoreWithLlm: 1,
  minGateScore: 1,
  minGateScoreCrossLingual: 1,
  minGateScoreCrossLingualWithLlm: 1,
  passagesPerArticle: 3,
  recencyWeight: 0.02,
  latestShare: 0.4,
  latestStoryThreshold: 0.8,
};

/**
 * The knobs for `modelId` (`bridged`: its dense channel compares a translated question with
 * translated passages), with `overrides` (the tuning file TUNING_FILE, or a caller) applied last.
 */
export function knobsFor(modelId: string, overrides: Partial<RetrievalKnobs> = {}, bridged = false): RetrievalKnobs {
  const name = modelName(modelId);
  const perModel = { ...BY_MODEL[name], ...(bridged ? BRIDGED[name] : {}), ...fittedGate(name, bridged) };
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...BASE, ...perModel, ...defined };
}

/** The lexical field weights of `knobs`, as the index's lexical search takes them. */
export function lexicalWeights(knobs: RetrievalKnobs): LexicalWeights {
  return { prefix: knobs.prefixWeight, pairs: knobs.pairWeight, title: knobs.titleWeight };
}
