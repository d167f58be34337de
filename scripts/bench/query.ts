import { answerQuestion, type AnswerDeps } from '../../src/answer/answer-question.js';
import { indexEngineFrom, knobOverridesFrom } from '../../src/app/compose.js';
import type { Config } from '../../src/config.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import type { Generation } from '../../src/index/generation.js';
import { LiveIndex } from '../../src/index/live-index.js';
import type { RetrievalKnobs } from '../../src/retrieval/types.js';
import { retrieve } from '../../src/retrieval/retrieve.js';
import type { Lang } from '../../src/text/lang.js';
import type { EvalQuestion } from '../../src/eval/dataset.js';
import { summarize } from './stats.js';
import type { QueryResult, RetrievalLatency, StageSummaries } from './types.js';
import { roundTo } from '../../src/util/round.js';
import { indexTuning } from '../../src/index/tuning.js';

const WARM_UP = 5;

/**
 * Query latencies on the index in `dataDir`, model warm: `retrieve()` per stage over the Italian
 * and the English questions, then `answerQuestion` end to end in extractive mode (no LLM, no
 * translator) over the first `askQuestions` of each. Throws when `dataDir` has no servable index.
 */
export async function benchQuery(
  config: Config,
  dataDir: string,
  embedder: Embedder,
  questions: EvalQuestion[],
  askQuestions: number,
): Promise<QueryResult> {
  const live = new LiveIndex(dataDir, {
    efSearch: indexTuning(config.TUNING).efSearch,
    engine: indexEngineFrom(config),
  });
  const lease = live.acquire();
  if (lease === null) throw new Error(`no servable index in ${dataDir}: ${live.status().error ?? 'nothing built'}`);
  try {
    const knobs = knobOverridesFrom(config);
    const retrievalIn = (lang: Lang) =>
      timeRetrieval(
        lease.generation,
        embedder,
        knobs,
        questions.map((q) => questionIn(q, lang)),
        lang,
      );
    const italian = await retrievalIn('it');
    const english = await retrievalIn('en');
    const deps: AnswerDeps = {
      acquire: () => live.acquire(),
      embedderFor: () => Promise.resolve(embedder),
      llm: null,
      translator: null,
      knobs,
      maxQuestionChars: config.MAX_QUESTION_CHARS,
      translateQuotes: false,
    };
    const asked = questions.slice(0, askQuestions);
    const askIn = (lang: Lang) =>
      timeAsk(
        deps,
        asked.map((q) => questionIn(q, lang)),
      );
    const askIt = await askIn('it');
    const askEn = await askIn('en');
    const summary = summarize(askIt.ms);
    return {
      ...italian,
      english,
      askP50Ms: summary.p50Ms,
      askP95Ms: summary.p95Ms,
      askQuestions: asked.length,
      askAnsweredShare: share(askIt.answered, asked.length),
      askEnglish: summarize(askEn.ms),
      askEnglishAnsweredShare: share(askEn.answered, asked.length),
    };
  } finally {
    lease.release();
    live.close();
  }
}

const questionIn = (q: EvalQuestion, lang: Lang) => (lang === 'it' ? q.question_it : q.question_en);
const share = (part: number, whole: number) => (whole === 0 ? 0 : roundTo(part / whole, 3));

async function timeRetrieval(
  generation: Generation,
  embedder: Embedder,
  knobs: Partial<RetrievalKnobs>,
  texts: string[],
  language: Lang,
): Promise<RetrievalLatency> {
  for (const question of texts.slice(0, WARM_UP)) await retrieve({ generation, embedder, question, language, knobs });
  const samples = new Map<string, number[]>();
  for (const question of texts) {
    const { timings } = await retrieve({ generation, embedder, question, language, knobs });
    for (const [stage, ms] of Object.entries(timings)) {
      const values = samples.get(stage) ?? [];
      values.push(ms);
      samples.set(stage, values);
    }
  }
  const stages: StageSummaries = {};
  for (const [stage, values] of samples) if (stage !== 'total') stages[stage] = summarize(values);
  const total = summarize(samples.get('total') ?? []);
  return { questions: texts.length, p50Ms: total.p50Ms, p95Ms: total.p95Ms, stages };
}

async function timeAsk(deps: AnswerDeps, texts: string[]): Promise<{ ms: number[]; answered: number }> {
  for (const question of texts.slice(0, 2)) await answerQuestion(deps, { question });
  const ms: number[] = [];
  let answered = 0;
  for (const question of texts) {
    const start = performance.now();
    const answer = await answerQuestion(deps, { question });
    ms.push(performance.now() - start);
    if (answer.mode === 'extractive') answered++;
  }
  return { ms, answered };
}
