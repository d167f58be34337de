import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { answerQuestion, type AnswerDeps } from '../answer/answer-question.js';
import { buildAndOpenIndex, evalAnswerDeps, retrieveAsProduct, type OpenIndex } from './open-index.js';
import { buildExtractiveAnswer } from '../answer/extractive.js';
import type { Embedder } from '../embedding/embedder.js';
import type { BuildOptions } from '../index/build-index.js';
import type { Generation } from '../index/searchable-index.js';
import type { Manifest } from '../index/manifest.js';
import type { RankedId, RetrievalKnobs, RetrievalResult } from '../retrieval/types.js';
import type { Lang } from '../text/lang.js';
import type { Translator } from '../translate/translator.js';
import { scoreAnswers, type AnswerOutcome, type AnswerScores } from './answer-metrics.js';
import { sliceDataset, splitHalves, writeCorpusJsonl, type Dataset, type EvalQuestion } from './dataset.js';
import { articleRank, firstHitRank, percentile, scoreRanks, type ChannelScores, type Located } from './metrics.js';
import { roundTo } from '../util/round.js';

/** Questions no article of the dev set answers (the off-coverage check adds them). */
const OFF_COVERAGE_QUESTIONS = [
  'Chi ha vinto il Festival di Sanremo nel 1990?',
  'Qual è la ricetta tradizionale della carbonara?',
  'Quanto costa un biglietto del treno da Roma a Milano?',
  'Who won the 2018 football World Cup?',
  'What will the weather be like in Oslo tomorrow?',
  'Quando apre il nuovo centro commerciale di Bari?',
];

export interface EvalOptions {
  dataset: Dataset;
  langs: Lang[];
  /** Work folder: corpora and indexes are built (or reused) under it. */
  workDir: string;
  /** Build options for the product's buildIndex; corpusDir/dataDir are set per index. */
  buildOptions: Omit<BuildOptions, 'corpusDir' | 'dataDir'>;
  embedderFor: (generation: Generation) => Promise<Embedder>;
  knobs: Partial<RetrievalKnobs>;
  /** HNSW search breadth (the tuning's efSearch, src/index/tuning.ts). */
  efSearch: number;
  /** English-question translators to compare; `default` names the one the product would use. */
  translators: { engine: string; translator: Translator | null }[];
  defaultTranslator: string;
  /** Questions per language also answered extractively (it embeds up to 40 sentences each). */
  extractiveSample: number;
  offCoverage: boolean;
  /** How questions are answered through `answerQuestion` (the path `ask` takes): the LLM (or null) and the product's limits. */
  answering: Pick<AnswerDeps, 'llm' | 'maxQuestionChars' | 'translateQuotes'>;
  /** Questions per language answered through `answerQuestion` (default: all of them). */
  maxAnswers?: number;
  onProgress?: (message: string) => void;
}

export interface LangReport {
  fused: ChannelScores;
  dense: ChannelScores;
  lexical: ChannelScores;
  extractiveHit: number | null;
  extractiveSample: number;
  noAnswerRate: number;
  translator?: string;
  byTranslator?: Record<string, ChannelScores>;
  /** Answers through `answerQuestion`, gate included (see {@link AnswerScores}); gold = `answers_it`, plus `answers_en` for English. */
  answer: AnswerScores;
}

/** Off-coverage questions (articles not indexed): `noAnswerRate` from the retrieval gate, `refused` from `answerQuestion`. */
export interface OffCoverageReport {
  noAnswerRate: number;
  questions: number;
  refused: number;
  byLang: Partial<Record<Lang, { refused: number; questions: number }>>;
}

export interface EvalReport {
  /** The engine that held the index (INDEX_ENGINE). */
  engine: Manifest['engine'];
  model: string;
  /** Set when passages were embedded through a translation (EMBED_VIA_TRANSLATION). */
  bridge: Manifest['bridge'];
  questions: number;
  it?: LangReport;
  en?: LangReport;
  offCoverage: OffCoverageReport | null;
  latencyMs: { p50: number; p95: number };
  meanPassageTokens: number;
  passages: number;
  knobs: RetrievalKnobs | null;
  buildMs: number;
}

/** Runs the product's own indexing and retrieval over a dataset and scores them (see issue "Measure quality"). */
export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const say = options.onProgress ?? (() => undefined);
  const started = Date.now();
  const index = await openIndexFor(options, options.dataset, 'full');
  const buildMs = Date.now() - started;
  const latencies: number[] = [];
  const report: EvalReport = {
    engine: index.generation.manifest.engine,
    model: index.generation.manifest.model.id,
    bridge: index.generation.manifest.bridge,
    questions: options.dataset.questions.length,
    offCoverage: null,
    latencyMs: { p50: 0, p95: 0 },
    meanPassageTokens: await meanTokens(index.generation, index.embedder),
    passages: index.generation.manifest.counts.chunks,
    knobs: null,
    buildMs,
  };
  try {
    for (const lang of options.langs) {
      // Italian questions meet the default translator only through an index built via translation (its dense channel).
      const engines =
        lang === 'it'
          ? options.translators.filter((t) => t.engine === options.defaultTranslator).slice(0, 1)
          : options.translators;
      if (engines.length === 0) engines.push({ engine: 'none', translator: null });
      const byTranslator: Record<string, ChannelScores> = {};
      let main: LangReport | null = null;
      for (const { engine, translator } of engines) {
        say(`${lang} questions${lang === 'en' ? ` (translator: ${engine})` : ''}…`);
        const scored = await scoreQuestions(options, index, lang, translator, latencies);
        report.knobs = scored.knobs;
        byTranslator[engine] = scored.report.fused;
        if (lang === 'it' || engine === options.defaultTranslator)
          main = { ...scored.report, ...(lang === 'en' ? { translator: engine } : {}) };
      }
      if (main !== null) report[lang] = lang === 'en' ? { ...main, byTranslator } : main;
    }
  } finally {
    index.close();
  }
  if (options.offCoverage) report.offCoverage = await measureOffCoverage(options);
  // A dataset without questions reports 0 ms, not NaN (which JSON would print as null).
  const latency = (p: number) => (latencies.length === 0 ? 0 : roundTo(percentile(latencies, p), 2));
  report.latencyMs = { p50: latency(50), p95: latency(95) };
  return report;
}

export type { OpenIndex } from './open-index.js';

/** Builds (or reuses) the index of `dataset`'s corpus under `options.workDir/name` with the product's buildIndex, and opens it. */
export async function openIndexFor(
  options: Pick<EvalOptions, 'workDir' | 'buildOptions' | 'efSearch' | 'embedderFor' | 'onProgress'>,
  dataset: Dataset,
  name: string,
): Promise<OpenIndex> {
  const dir = path.join(options.workDir, name);
  mkdirSync(path.join(dir, 'corpus'), { recursive: true });
  writeCorpusJsonl(dataset, path.join(dir, 'corpus', 'corpus.jsonl'));
  return buildAndOpenIndex(options, path.join(dir, 'corpus'), path.join(dir, 'data'), name);
}

/** Answers go the product's way: `-k` sets the depth recall is measured at, not how many articles an answer draws on. */
const answerDeps = (options: EvalOptions, index: OpenIndex, translator: Translator | null) => {
  const { k: _depth, ...knobs } = options.knobs;
  return evalAnswerDeps(index, options.answering, translator, knobs);
};

async function scoreQuestions(
  options: EvalOptions,
  index: OpenIndex,
  lang: Lang,
  translator: Translator | null,
  latencies: number[],
): Promise<{ report: LangReport; knobs: RetrievalKnobs }> {
  const ranks = { fused: [] as Rank[], dense: [] as Rank[], lexical: [] as Rank[] };
  let noAnswers = 0;
  let extractiveHits = 0;
  let extractiveTried = 0;
  let knobs: RetrievalKnobs | null = null;
  const answers: AnswerOutcome[] = [];
  const deps = answerDeps(options, index, translator);
  for (const q of options.dataset.questions) {
    if (answers.length < (options.maxAnswers ?? Infinity)) {
      const answer = await answerQuestion(deps, { question: questionText(q, lang), languageHint: lang });
      answers.push({ answer, gold: lang === 'en' ? [...q.answers_it, ...(q.answers_en ?? [])] : q.answers_it });
    }
    const result = await ask(options, index, q, lang, translator);
    knobs = result.knobs;
    latencies.push(result.timings.total ?? 0);
    if (result.noAnswer) noAnswers++;
    const gold = { articleId: q.doc_id, start: q.paragraph_start, end: q.paragraph_end };
    ranks.fused.push(rankOf(result.passages, gold));
    ranks.dense.push(rankOf(await locate(index.generation, result.channels.dense), gold));
    ranks.lexical.push(rankOf(await locate(index.generation, result.channels.lexical), gold));
    if (extractiveTried < options.extractiveSample && !result.noAnswer) {
      extractiveTried++;
      const answer = await buildExtractiveAnswer({
        question: questionText(q, lang),
        language: lang,
        result,
      });
      const text = (answer?.text ?? '').toLowerCase();
      if (q.answers_it.some((a) => text.includes(a.toLowerCase()))) extractiveHits++;
    }
  }
  const n = Math.max(options.dataset.questions.length, 1);
  return {
    knobs: knobs ?? ({} as RetrievalKnobs),
    report: {
      fused: scoreRanks(ranks.fused),
      dense: scoreRanks(ranks.dense),
      lexical: scoreRanks(ranks.lexical),
      extractiveHit: extractiveTried === 0 ? null : roundTo(extractiveHits / extractiveTried, 3),
      extractiveSample: extractiveTried,
      noAnswerRate: roundTo(noAnswers / n, 3),
      answer: scoreAnswers(answers),
    },
  };
}

type Rank = { passage: number | null; article: number | null };

const rankOf = (ranked: Located[], gold: { articleId: string; start: number; end: number }): Rank => ({
  passage: firstHitRank(ranked, gold),
  article: articleRank(ranked, gold.articleId),
});

async function locate(generation: Generation, ids: RankedId[]): Promise<Located[]> {
  const passages = await generation.passages(ids.map((r) => r.id));
  return ids.flatMap((r) => {
    const p = passages.get(r.id);
    return p === undefined ? [] : [p];
  });
}

async function ask(
  options: EvalOptions,
  index: OpenIndex,
  q: EvalQuestion,
  lang: Lang,
  translator: Translator | null,
): Promise<RetrievalResult> {
  return askText(options, index, questionText(q, lang), lang, translator);
}

const questionText = (q: EvalQuestion, lang: Lang) => (lang === 'it' ? q.question_it : q.question_en);

/** Retrieval as the product runs it: the question translated where the index needs it (`translateForRetrieval`). */
async function askText(
  options: EvalOptions,
  index: OpenIndex,
  question: string,
  lang: Lang,
  translator: Translator | null,
): Promise<RetrievalResult> {
  return (await retrieveAsProduct(index, translator, question, lang, options.knobs)).result;
}

async function measureOffCoverage(options: EvalOptions): Promise<OffCoverageReport> {
  const { indexed, held } = splitHalves(options.dataset);
  const half = sliceDataset(options.dataset, indexed);
  const index = await openIndexFor(options, half, 'half');
  const translator = options.translators.find((t) => t.engine === options.defaultTranslator)?.translator ?? null;
  let asked = 0;
  let none = 0;
  const refusals = new Map<Lang, { refused: number; questions: number }>();
  try {
    const deps = answerDeps(options, index, translator);
    const heldQuestions = sliceDataset(options.dataset, held).questions;
    const texts: { text: string; lang: Lang }[] = [
      ...heldQuestions.flatMap((q) => options.langs.map((lang) => ({ text: questionText(q, lang), lang }))),
      ...OFF_COVERAGE_QUESTIONS.map((text): { text: string; lang: Lang } => ({
        text,
        lang: /^(Who|What)\b/.test(text) ? 'en' : 'it',
      })),
    ];
    for (const { text, lang } of texts) {
      const result = await askText(options, index, text, lang, translator);
      asked++;
      if (result.noAnswer) none++;
      const answer = await answerQuestion(deps, { question: text, languageHint: lang });
      const counts = refusals.get(lang) ?? { refused: 0, questions: 0 };
      refusals.set(lang, {
        refused: counts.refused + (answer.mode === 'no-answer' ? 1 : 0),
        questions: counts.questions + 1,
      });
    }
  } finally {
    index.close();
  }
  const byLang: OffCoverageReport['byLang'] = {};
  for (const [lang, c] of refusals)
    byLang[lang] = { refused: roundTo(c.refused / c.questions, 3), questions: c.questions };
  const refused = [...refusals.values()].reduce((s, c) => s + c.refused, 0);
  return {
    noAnswerRate: roundTo(none / Math.max(asked, 1), 3),
    questions: asked,
    refused: roundTo(refused / Math.max(asked, 1), 3),
    byLang,
  };
}

async function meanTokens(generation: Generation, embedder: Embedder): Promise<number> {
  const rows = await generation.listPassages(400);
  return rows.length === 0 ? 0 : Math.round(rows.reduce((s, r) => s + embedder.countTokens(r.text), 0) / rows.length);
}
