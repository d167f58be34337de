import { GATE_DEPTH, gateEvidence, gateSignals, type GateSignals, type TextEvidence } from '../retrieval/gate.js';
import { sentenceSignal, type SentenceSignalKind, type SentenceSignals } from '../retrieval/gate-sentences.js';
import type { RetrievalKnobs } from '../retrieval/types.js';
import type { Lang } from '../text/lang.js';
import type { Translator } from '../translate/translator.js';
import type { EvalQuestion } from './dataset.js';
import { roundTo } from '../util/round.js';
import { retrieveAsProduct, type OpenIndex } from './open-index.js';

/** What retrieval showed the gate for one question, and its label; the signals at any mix follow from it. */
export interface GateObservation {
  lang: Lang;
  /** The gate's evidence per query text (the question, then its translations). */
  evidence: TextEvidence[];
  /** Best dense cosine. */
  similarity: number;
  /** The top passages' stored sentences: best cosine, and the cosine of the one holding most question words. */
  sentences: SentenceSignals;
  /** The first fused and lexical scores, best first (kept to measure other signals against). */
  fused: number[];
  lexical: number[];
  /** True when the question's article is indexed (it should be answered). */
  answerable: boolean;
}

/** One question's gate signals at each background mix (same order as the mixes), best cosine, sentence signal, and its label. */
export interface GateSample {
  lang: Lang;
  signals: GateSignals[];
  similarity: number;
  /** The sentence signal the fit weighs (`sentenceSignal` of one kind); 0 when not used. */
  sentence?: number;
  answerable: boolean;
}

/**
 * The samples of `observations` at `mixes`, with the sentence signal of `kind`. Throws on
 * observations recorded before the sentence signals were (an older cache).
 */
export function samplesAt(
  observations: GateObservation[],
  mixes: number[],
  kind: SentenceSignalKind = 'best',
): GateSample[] {
  return observations.map((o) => {
    if (o.sentences === undefined)
      throw new TypeError('these gate observations have no sentence signals: record them again (a new --cache dir)');
    return {
      lang: o.lang,
      signals: mixes.map((mix) => gateSignals(o.evidence, mix)),
      similarity: o.similarity,
      sentence: sentenceSignal(kind, { ...o.sentences, similarity: o.similarity }),
      answerable: o.answerable,
    };
  });
}

/**
 * A gate decision `coverage(mix) + denseWeight × cosine − absentWeight × absent(mix) +
 * sentenceWeight × sentence ≥ threshold`, and with an LLM the lower
 * `llmThreshold`; questions in another language than the corpus's have thresholds of their own
 * (`crossThreshold`, `crossLlmThreshold`): even translated, their signals run on another scale.
 */
export interface GateParams {
  mix: number;
  denseWeight: number;
  absentWeight: number;
  sentenceWeight: number;
  threshold: number;
  llmThreshold: number;
  crossThreshold: number;
  crossLlmThreshold: number;
}

/** The threshold `params` sets for a question in `lang` over a corpus in `corpusLanguage`. */
export function gateThreshold(params: GateParams, lang: Lang, corpusLanguage: Lang, llm = false): number {
  if (lang === corpusLanguage) return llm ? params.llmThreshold : params.threshold;
  return llm ? params.crossLlmThreshold : params.crossThreshold;
}

/** Shares answered (answerable questions) and refused (off-coverage ones) per language. */
export type GateScores = Record<Lang, { answered: number; refused: number }>;

/**
 * Retrieves each question over `index` as the product does and records the gate's signals.
 * `indexed` names the articles in the index: their questions are the answerable ones.
 */
export async function collectGateSamples(input: {
  index: OpenIndex;
  translator: Translator | null;
  questions: EvalQuestion[];
  indexed: Set<string>;
  langs: Lang[];
  knobs: Partial<RetrievalKnobs>;
  onProgress?: (done: number, total: number) => void;
}): Promise<GateObservation[]> {
  const { index } = input;
  const samples: GateObservation[] = [];
  const total = input.questions.length * input.langs.length;
  for (const q of input.questions)
    for (const lang of input.langs) {
      const question = lang === 'it' ? q.question_it : q.question_en;
      const { result, translations: t } = await retrieveAsProduct(index, input.translator, question, lang, input.knobs);
      const top = result.passages.slice(0, GATE_DEPTH);
      const texts = [{ text: question, lang }, ...t.extraQueries];
      samples.push({
        lang,
        evidence: await gateEvidence(index.generation, texts, top),
        similarity: result.gate?.similarity ?? 0,
        sentences: { sentence: result.gate?.sentence ?? 0, wordiest: result.gate?.wordiest ?? 0 },
        fused: result.passages.slice(0, 5).map((p) => p.score),
        lexical: result.channels.lexical.slice(0, 5).map((r) => r.score),
        answerable: input.indexed.has(q.doc_id),
      });
      if (samples.length % 200 === 0) input.onProgress?.(samples.length, total);
    }
  return samples;
}

/** Rounded down, so a threshold never rises above the value it was chosen to keep. */
const floorTo4 = (x: number) => Math.floor(x * 1e4) / 1e4;

type Weights = Pick<GateParams, 'denseWeight' | 'absentWeight' | 'sentenceWeight'>;

const score = (s: GateSample, mixIndex: number, params: Weights) =>
  (s.signals[mixIndex]?.coverage ?? 0) +
  params.denseWeight * s.similarity -
  params.absentWeight * (s.signals[mixIndex]?.absent ?? 0) +
  params.sentenceWeight * (s.sentence ?? 0);

/** The highest threshold that keeps at least `share` of `values` at or above it. */
function thresholdKeeping(values: number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((1 - share) * sorted.length))] ?? 0;
}

/** Answered / refused shares of `samples` under `params` (`mixIndex` locates params.mix in the samples' signals). */
export function scoreGate(
  samples: GateSample[],
  params: GateParams,
  mixIndex: number,
  corpusLanguage: Lang,
  llm = false,
): GateScores {
  const out = { it: { answered: 0, refused: 0 }, en: { answered: 0, refused: 0 } };
  for (const lang of ['it', 'en'] as const) {
    const threshold = gateThreshold(params, lang, corpusLanguage, llm);
    const own = samples.filter((s) => s.lang === lang);
    const pass = (s: GateSample) => score(s, mixIndex, params) >= threshold;
    const pos = own.filter((s) => s.answerable);
    const neg = own.filter((s) => !s.answerable);
    out[lang] = {
      answered: roundTo(pos.filter(pass).length / Math.max(pos.length, 1), 3),
      refused: roundTo(neg.filter((s) => !pass(s)).length / Math.max(neg.length, 1), 3),
    };
  }
  return out;
}

const meanRefused = (s: GateScores, langs: Lang[]) => langs.reduce((a, l) => a + s[l].refused, 0) / langs.length;

/**
 * Fits the gate on `train`: for each background mix, train answer target (`minAnswered`, one or
 * several), dense weight and absent-word weight, each threshold (the corpus language's, and the
 * other languages' together) is the highest that still answers that share of the answerable
 * questions of every language it serves (`llmAnswered` for the LLM thresholds, which only drop
 * clearly unrelated questions); the weights that refuse most off-coverage questions win per mix
 * and target.
 * Then `dev` chooses among them: the best mean refusal among those that keep `devMinAnswered` on
 * dev (else the best dev answer rate).
 */
export function fitGate(
  train: GateSample[],
  dev: GateSample[],
  options: {
    mixes: number[];
    denseWeights: number[];
    /** Weights of the absent-word signal to try (default: [0], the two-signal gate). */
    absentWeights?: number[];
    /** Weights of the sentence signal to try (default: [0], no sentence signal). */
    sentenceWeights?: number[];
    minAnswered: number | number[];
    llmAnswered: number;
    langs: Lang[];
    corpusLanguage: Lang;
    /** What dev must keep for a candidate to be chosen by refusals (default: the lowest `minAnswered`). */
    devMinAnswered?: number;
  },
): {
  params: GateParams;
  trainTarget: number;
  train: GateScores;
  dev: GateScores;
  devLlm: GateScores;
  candidates: unknown[];
} {
  const same = options.langs.filter((l) => l === options.corpusLanguage);
  const cross = options.langs.filter((l) => l !== options.corpusLanguage);
  const targets = typeof options.minAnswered === 'number' ? [options.minAnswered] : options.minAnswered;
  const grid = options.mixes.flatMap((mix, mixIndex) => targets.map((target) => ({ mix, mixIndex, target })));
  const candidates = grid.map(({ mix, mixIndex, target }) => {
    let best: { params: GateParams; train: GateScores; trainTarget: number } | null = null;
    const weights = options.denseWeights.flatMap((denseWeight) =>
      (options.absentWeights ?? [0]).flatMap((absentWeight) =>
        (options.sentenceWeights ?? [0]).map((sentenceWeight) => ({ denseWeight, absentWeight, sentenceWeight })),
      ),
    );
    for (const w of weights) {
      const positives = (lang: Lang) =>
        train.filter((s) => s.lang === lang && s.answerable).map((s) => score(s, mixIndex, w));
      const keep = (langs: Lang[], share: number) =>
        floorTo4(Math.min(...langs.map((l) => thresholdKeeping(positives(l), share))));
      const params = {
        mix,
        ...w,
        threshold: keep(same, target),
        llmThreshold: keep(same, options.llmAnswered),
        crossThreshold: keep(cross, target),
        crossLlmThreshold: keep(cross, options.llmAnswered),
      };
      const scores = scoreGate(train, params, mixIndex, options.corpusLanguage);
      if (best === null || meanRefused(scores, options.langs) > meanRefused(best.train, options.langs))
        best = { params, train: scores, trainTarget: target };
    }
    if (best === null) throw new RangeError('fitGate needs at least one dense, absent-word and sentence weight');
    return {
      ...best,
      dev: scoreGate(dev, best.params, mixIndex, options.corpusLanguage),
      devLlm: scoreGate(dev, best.params, mixIndex, options.corpusLanguage, true),
    };
  });
  const keeps = (c: (typeof candidates)[number]) =>
    options.langs.every((l) => c.dev[l].answered >= (options.devMinAnswered ?? Math.min(...targets)));
  const minAnswered = (c: (typeof candidates)[number]) => Math.min(...options.langs.map((l) => c.dev[l].answered));
  const pool = candidates.some(keeps) ? candidates.filter(keeps) : candidates;
  const chosen = pool.reduce((a, b) =>
    (
      candidates.some(keeps)
        ? meanRefused(b.dev, options.langs) > meanRefused(a.dev, options.langs)
        : minAnswered(b) > minAnswered(a)
    )
      ? b
      : a,
  );
  return {
    params: chosen.params,
    trainTarget: chosen.trainTarget,
    train: chosen.train,
    dev: chosen.dev,
    devLlm: chosen.devLlm,
    candidates,
  };
}
