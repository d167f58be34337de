import type { Generation } from '../index/searchable-index.js';
import { analyze } from '../text/analyze.js';
import { backgroundRarity } from '../text/background.js';
import { inverseFrequencies, termWeight } from './coverage.js';
import { sentenceSignal, type SentenceSignals } from './gate-sentences.js';
import { collectTerms, termHolder, type QueryText } from './lexical-query.js';
import type { RetrievalKnobs, ScoredPassage } from './types.js';

/** Passages whose coverage the gate checks. */
export const GATE_DEPTH = 3;

/**
 * What the gate knows of one query text: for each of its content words, its rarity in general
 * Italian and English (`backgroundRarity`, 0–1), its stem's inverse passage frequency in the
 * index scaled to 0–1 (`idf`), and which top passages hold it (`held[p][i]`, by stem or prefix).
 */
export interface TextEvidence {
  rarity: number[];
  idf: number[];
  held: boolean[][];
}

/** The gate's signals at one background mix: best weighted coverage, and the heaviest word the archive lacks. */
export interface GateSignals {
  /** Best share (0–1) of a query text's word weight that one top passage holds. */
  coverage: number;
  /**
   * Weight (0–1) of the heaviest question word that no passage of the index holds (by stem) and
   * no top passage holds by prefix, in the query text whose heaviest such word is lightest:
   * "Zelensky" asked over an archive that never names him gives 1.
   */
  absent: number;
}

/**
 * The gate's evidence for each query text over the top passages. Each query text is judged on its
 * own: an English question's words rarely occur in Italian text, so mixing them with its
 * translation's would dilute the translation's coverage.
 */
export async function gateEvidence(
  generation: Pick<Generation, 'termStats'>,
  queryTexts: QueryText[],
  top: Pick<ScoredPassage, 'text' | 'lang'>[],
): Promise<TextEvidence[]> {
  const passages = top.map((p) => termHolder(analyze(p.text, p.lang)));
  return Promise.all(
    queryTexts.map(async (q) => {
      const terms = collectTerms([q]);
      return {
        rarity: terms.map((t) => backgroundRarity(t.word)),
        idf: inverseFrequencies(await generation.termStats(terms.map((t) => t.stem)), terms.length),
        held: passages.map((holds) => terms.map(holds)),
      };
    }),
  );
}

/**
 * The gate's signals from its evidence, each word weighted `mix` × its background rarity +
 * (1 − `mix`) × its idf in the index (`termWeight`). 0 coverage and 0 absent without words.
 */
export function gateSignals(evidence: TextEvidence[], mix: number): GateSignals {
  let coverage = 0;
  let absent = evidence.length === 0 ? 0 : Infinity;
  for (const text of evidence) {
    const weights = text.idf.map((idf, i) => termWeight(text.rarity[i] ?? 1, idf, mix));
    const total = weights.reduce((a, b) => a + b, 0);
    if (total > 0)
      for (const held of text.held) {
        const covered = weights.reduce((sum, w, i) => sum + (held[i] === true ? w : 0), 0);
        coverage = Math.max(coverage, covered / total);
      }
    // inverseFrequencies gives exactly 1 to a stem no passage of the index holds, and less to any other.
    const unseen = weights.filter((_, i) => text.idf[i] === 1 && !text.held.some((held) => held[i] === true));
    absent = Math.min(absent, Math.max(0, ...unseen));
  }
  return { coverage, absent: Number.isFinite(absent) ? absent : 0 };
}

/**
 * The relevance decision from the gate's signals. `gateLinear` (fitted): `coverage +
 * gateDenseWeight × similarity − gateAbsentWeight × absent + gateSentenceWeight × sentence ≥
 * minGateScore` (sentence: the `gateSentenceSignal` of the stored sentences, 0 when unknown)
 * (`minGateScoreCrossLingual` for a question in another language than the corpus's); otherwise
 * the older rule, coverage over its minimum (lower for translated questions) or a cosine over
 * `minDenseSimilarity`. `lenient` (an LLM answers, and may say NOT_IN_COVERAGE itself) uses the
 * linear rule's lower LLM thresholds.
 */
export function isRelevant(
  gate: { coverage: number; similarity: number; absent?: number } & Partial<SentenceSignals>,
  knobs: Pick<
    RetrievalKnobs,
    | 'gateLinear'
    | 'gateDenseWeight'
    | 'gateAbsentWeight'
    | 'gateSentenceWeight'
    | 'gateSentenceSignal'
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
    const sentence = sentenceSignal(knobs.gateSentenceSignal, {
      sentence: gate.sentence ?? 0,
      wordiest: gate.wordiest ?? 0,
      similarity: gate.similarity,
    });
    const score =
      gate.coverage +
      knobs.gateDenseWeight * gate.similarity -
      knobs.gateAbsentWeight * (gate.absent ?? 0) +
      knobs.gateSentenceWeight * sentence;
    return score >= (lenient ? Math.min(strict, withLlm) : strict);
  }
  return (
    gate.coverage >= (translated ? knobs.minCoverageTranslated : knobs.minCoverage) ||
    gate.similarity >= knobs.minDenseSimilarity
  );
}
