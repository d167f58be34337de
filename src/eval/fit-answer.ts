import { closeSync, createReadStream, existsSync, openSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { featureQuestion } from '../answer/extractive.js';
import { pickQuotes } from '../answer/pick-quotes.js';
import { FEATURE_NAMES, type FeaturedCandidate } from '../answer/sentence-features.js';
import { rankCandidates, type ScorerWeights } from '../answer/sentence-scorer.js';
import { knobsFor } from '../retrieval/knobs.js';
import type { RetrievalKnobs, RetrievalResult } from '../retrieval/types.js';
import type { Lang } from '../text/lang.js';
import type { Translator } from '../translate/translator.js';
import type { Dataset, EvalQuestion } from './dataset.js';
import { roundTo } from '../util/round.js';
import { fitRanker } from './fit-ranker.js';
import { retrieveAsProduct } from './open-index.js';
import { openIndexFor, type EvalOptions, type OpenIndex } from './run-eval.js';

export interface FitAnswerOptions extends Pick<
  EvalOptions,
  'workDir' | 'buildOptions' | 'efSearch' | 'embedderFor' | 'onProgress'
> {
  /** Fitting questions (squad-it-train) and the questions that choose λ and the margin (squad-it-dev), over one corpus. */
  train: Dataset;
  dev: Dataset;
  /** How the data were named, for the weights file's recipe. */
  trainPath: string;
  devPath: string;
  langs: Lang[];
  knobs: Partial<RetrievalKnobs>;
  /** The translator the product would use (null: questions searched as written). */
  translator: Translator | null;
  lambdas: number[];
  margins: number[];
  /** Mean quoted characters an answer may reach when choosing the supporting-quote margin. */
  maxMeanChars: number;
  recipe: string;
  /**
   * A JSON-lines file of what retrieval gave each question (read when written under the same
   * model, bridge, translator and knobs; rewritten with what was added): a refit after a change
   * of the sentence features does not retrieve again.
   */
  retrievalCache?: string;
}

/** One asked question: its candidates (empty when the gate refused it) and which hold a gold answer. */
interface Asked {
  lang: Lang;
  featured: FeaturedCandidate[];
  labels: boolean[];
}

/** Answer-level numbers of one weight setting on one question set, per language. */
export interface SetScores {
  questions: number;
  /** Share of questions whose answering sentence holds a gold answer. */
  top1: number;
  /** Share whose quoted sentences (answering + supporting) hold one. */
  answer: number;
  /** Share where some candidate sentence holds one (the ceiling of any scorer). */
  reachable: number;
  meanQuotedChars: number;
}

/** What retrieval gave one question: all the scorer's features are computed from it. */
interface Retrieved {
  key: string;
  lang: Lang;
  question: string;
  result: RetrievalResult;
  translation: { text: string; lang: Lang } | null;
  golds: string[];
}

/** Questions asked at once: translation (APy) waits dominate, and APy serves several requests in parallel. */
const CONCURRENCY = 6;

async function retrieveOne(
  options: FitAnswerOptions,
  index: OpenIndex,
  q: EvalQuestion,
  lang: Lang,
): Promise<Retrieved> {
  const { manifest } = index.generation;
  const question = lang === 'it' ? q.question_it : q.question_en;
  const { result, translations: t } = await retrieveAsProduct(index, options.translator, question, lang, options.knobs);
  const translation = t.lexical === null ? null : { text: t.lexical.query, lang: manifest.corpusLanguage };
  return {
    key: `${q.id}:${lang}`,
    lang,
    question,
    result,
    translation,
    golds: q.answers_it.map((a) => a.toLowerCase()),
  };
}

/** Features and gold labels of one retrieved question, with the feature code as it is now. */
function featureOne(r: Retrieved): Asked {
  const { question, lang, result, translation } = r;
  const featured = result.noAnswer ? [] : featureQuestion({ question, language: lang, result, translation });
  const labels = featured.map((f) => r.golds.some((g) => f.candidate.span.text.toLowerCase().includes(g)));
  return { lang, featured, labels };
}

/**
 * What retrieval gives for the index and settings now: a fingerprint of the model, the bridge,
 * the translator and the knobs in effect, so a retrieval cache written under other settings is not reused.
 */
function retrievalFingerprint(options: FitAnswerOptions, index: OpenIndex): string {
  const { manifest } = index.generation;
  return JSON.stringify({
    // What a cached result holds: bumped when retrieval adds what the features read (2: stored
    // sentences) or its query translation changes (3: English questions without do-support).
    format: 3,
    model: manifest.model.id,
    bridge: manifest.bridge,
    translator: options.translator?.engine ?? null,
    // The knobs in effect (fitted gate and tuning included), as retrieval resolves them.
    knobs: knobsFor(manifest.model.id, options.knobs, manifest.bridge !== null),
  });
}

/**
 * The retrieved questions of a cache file (JSON lines, the first the fingerprint) when it was
 * written under `fingerprint`; an empty map when it is absent or was written under others. Read
 * line by line: a full train set's file is larger than one string may be.
 */
async function readRetrievalCache(file: string, fingerprint: string): Promise<Map<string, Retrieved>> {
  const rows = new Map<string, Retrieved>();
  if (!existsSync(file)) return rows;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    if (first) {
      first = false;
      if (line !== fingerprint) break;
      continue;
    }
    const row = JSON.parse(line) as Retrieved;
    rows.set(row.key, row);
  }
  lines.close();
  return first ? new Map() : rows;
}

/** Writes the cache file line by line (see readRetrievalCache). */
function writeRetrievalCache(file: string, fingerprint: string, rows: Iterable<Retrieved>): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `${fingerprint}\n`);
    for (const row of rows) writeSync(fd, `${JSON.stringify(row)}\n`);
  } finally {
    closeSync(fd);
  }
}

async function askAll(
  options: FitAnswerOptions,
  index: OpenIndex,
  questions: EvalQuestion[],
  cache: Map<string, Retrieved>,
): Promise<Asked[]> {
  const asked: Asked[] = [];
  for (const lang of options.langs) {
    for (let i = 0; i < questions.length; i += CONCURRENCY) {
      if (i % 300 === 0) options.onProgress?.(`${lang} ${i}/${questions.length}`);
      const batch = questions.slice(i, i + CONCURRENCY);
      const retrieved = await Promise.all(
        batch.map(async (q) => cache.get(`${q.id}:${lang}`) ?? (await retrieveOne(options, index, q, lang))),
      );
      for (const r of retrieved) cache.set(r.key, r);
      asked.push(...retrieved.map(featureOne));
    }
  }
  return asked;
}

/** Scores `weights` on asked questions: answering sentence, quoted sentences, ceiling, length. */
export function scoreSet(asked: readonly Asked[], weights: number[], margin: number): SetScores {
  let top1 = 0;
  let answer = 0;
  let reachable = 0;
  let chars = 0;
  for (const a of asked) {
    const labelOf = new Map(a.featured.map((f, i) => [f, a.labels[i] ?? false]));
    const picked = pickQuotes(rankCandidates(a.featured, weights), margin);
    const hit = (f: FeaturedCandidate) => [...labelOf.entries()].some(([k, l]) => l && k.candidate === f.candidate);
    if (picked[0] !== undefined && hit(picked[0])) top1 += 1;
    if (picked.some(hit)) answer += 1;
    if (a.labels.some((l) => l)) reachable += 1;
    chars += picked.reduce((sum, p) => sum + p.candidate.span.text.length, 0);
  }
  const n = Math.max(asked.length, 1);
  return {
    questions: asked.length,
    top1: roundTo(top1 / n, 3),
    answer: roundTo(answer / n, 3),
    reachable: roundTo(reachable / n, 3),
    meanQuotedChars: Math.round(chars / n),
  };
}

function byLang(
  asked: readonly Asked[],
  langs: Lang[],
  weights: number[],
  margin: number | Partial<Record<Lang, number>>,
): Record<string, SetScores> {
  return Object.fromEntries(
    langs.map((lang) => [
      lang,
      scoreSet(
        asked.filter((a) => a.lang === lang),
        weights,
        typeof margin === 'number' ? margin : (margin[lang] ?? 0),
      ),
    ]),
  );
}

/**
 * Fits the extractive answer's sentence scorer: indexes the datasets' corpus with the product's
 * buildIndex, asks every train and dev question the product's way (translation, retrieval, gate,
 * candidate features), fits weights on train for each λ (fitRanker), chooses for each λ and
 * language the supporting-quote margin with the most dev answers holding a gold answer within
 * `maxMeanChars`, and keeps the λ whose answers then hold one most often (ties: the answering
 * sentence alone). Returns the weights file's content, with the
 * train and dev numbers and an overlap-only baseline. Throws what indexing throws.
 */
export async function fitAnswerScorer(options: FitAnswerOptions): Promise<ScorerWeights> {
  const index = await openIndexFor(options, options.train, 'fit');
  const fingerprint = retrievalFingerprint(options, index);
  const file = options.retrievalCache;
  const cache = file === undefined ? new Map<string, Retrieved>() : await readRetrievalCache(file, fingerprint);
  const cached = cache.size;
  let train: Asked[];
  let dev: Asked[];
  try {
    options.onProgress?.(`asking the train questions… (${cached} retrievals cached)`);
    train = await askAll(options, index, options.train.questions, cache);
    options.onProgress?.('asking the dev questions…');
    dev = await askAll(options, index, options.dev.questions, cache);
  } finally {
    index.close();
  }
  if (file !== undefined && cache.size > cached) writeRetrievalCache(file, fingerprint, cache.values());
  const samples = train.map((a) => ({ features: a.featured.map((f) => f.features), labels: a.labels }));
  const mean = (s: Record<string, SetScores>, key: 'top1' | 'answer') =>
    Object.values(s).reduce((sum, v) => sum + v[key], 0) / Math.max(Object.keys(s).length, 1);
  // Per λ, per language the margin with the most dev answers holding gold within maxMeanChars (an
  // English answer over Italian articles also shows translations, so its quotes may differ); the λ
  // whose answers then hold gold most often wins (ties: the answering sentence alone).
  const grid = options.lambdas.map((lambda) => {
    const weights = fitRanker(samples, { lambda });
    const margins = options.margins.map((margin) => ({ margin, dev: byLang(dev, options.langs, weights, margin) }));
    const chosen = Object.fromEntries(
      options.langs.map((lang) => {
        const of = (m: (typeof margins)[number]) => m.dev[lang] ?? scoreSet([], weights, m.margin);
        const within = margins.filter((m) => of(m).meanQuotedChars <= options.maxMeanChars);
        const pick = (within.length > 0 ? within : margins.slice(0, 1)).reduce((x, y) =>
          of(y).answer > of(x).answer ? y : x,
        );
        return [lang, pick.margin];
      }),
    ) as Partial<Record<Lang, number>>;
    return { lambda, weights, margins, chosen, dev: byLang(dev, options.langs, weights, chosen) };
  });
  const best = grid.reduce((a, b) => {
    const [ab, bb] = [mean(a.dev, 'answer'), mean(b.dev, 'answer')];
    return bb > ab || (bb === ab && mean(b.dev, 'top1') > mean(a.dev, 'top1')) ? b : a;
  });
  const { margins, chosen } = best;
  const overlapOnly = FEATURE_NAMES.map((name) => (name === 'overlap' ? 1 : 0));
  const { manifest } = index.generation;
  return {
    features: [...FEATURE_NAMES],
    weights: best.weights.map((w) => roundTo(w, 6)),
    supportMargin: chosen[manifest.corpusLanguage] ?? Object.values(chosen)[0] ?? 0,
    supportMargins: chosen,
    lambda: best.lambda,
    recipe: options.recipe,
    fittedOn: options.trainPath,
    chosenOn: options.devPath,
    date: new Date().toISOString().slice(0, 10),
    model: manifest.model.id,
    bridge: manifest.bridge === null ? null : `${manifest.bridge.engine} → ${manifest.bridge.language}`,
    results: {
      train: byLang(train, options.langs, best.weights, chosen),
      dev: byLang(dev, options.langs, best.weights, chosen),
      trainOverlapOnlyBaseline: byLang(train, options.langs, overlapOnly, chosen),
      devOverlapOnlyBaseline: byLang(dev, options.langs, overlapOnly, chosen),
      lambdaGrid: grid.map((g) => ({ lambda: g.lambda, margins: g.chosen, dev: g.dev })),
      marginGrid: margins.map((m) => ({ margin: m.margin, dev: m.dev })),
    },
  };
}
