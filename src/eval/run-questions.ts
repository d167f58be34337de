import { copyFileSync, cpSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { answerQuestion, type AnswerDeps } from '../answer/answer-question.js';
import { MemoryConversations } from '../store/conversation-memory.js';
import { answerInConversation } from '../answer/converse.js';
import type { FollowUpRewriter } from '../answer/rewrite-follow-up.js';
import type { IsoDate } from '../time/calendar.js';
import type { RetrievalKnobs } from '../retrieval/types.js';
import type { Lang } from '../text/lang.js';
import type { Translator } from '../translate/translator.js';
import { scoreAnswers, type AnswerScores } from './answer-metrics.js';
import { roundTo } from '../util/round.js';
import { buildAndOpenIndex, evalAnswerDeps, type OpenIndexOptions } from './open-index.js';
import type { QuestionKind, QuestionSet } from './question-set.js';
import { citesGold, citesGoldFirst, holdsExpected, KIND_SCORERS, type QuestionOutcome } from './score-kinds.js';

export interface QuestionSetOptions extends OpenIndexOptions {
  set: QuestionSet;
  /** Corpus folders or files (e.g. a `.jsonl`), as `npm run index --corpus` reads them; several are indexed together. */
  corpus: string | string[];
  /** Work folder: the index is built (or reused, incrementally) under it. */
  workDir: string;
  knobs: Partial<RetrievalKnobs>;
  translator: Translator | null;
  answering: Pick<AnswerDeps, 'llm' | 'maxQuestionChars' | 'translateQuotes'>;
  /** The day questions without their own `today` are asked (`--today`); default: the clock. */
  today?: IsoDate;
  /** Ask each follow-up after its `turns` in one conversation (default), or alone (`--no-context`, to measure what context adds). */
  withContext?: boolean;
  /** The LLM rewrite of follow-ups, as the product has it with an LLM; null: the offline completion. */
  rewriter?: FollowUpRewriter | null;
}

/** Shares (0–1) over the questions of one kind and language. `goldCited` counts questions that list gold articles. */
export interface KindScores {
  questions: number;
  pass: number;
  answered: number;
  expectHit: number;
  goldCited: number | null;
  /** Share whose first citation is a gold article (what `dated` and `latest` pass on); null without gold lists. */
  goldFirst: number | null;
}

/** One question that did not pass, with enough of the answer to see why. */
export interface QuestionFailure {
  q: string;
  lang: Lang;
  kind: QuestionKind;
  mode: string;
  reason: string | null;
  text: string;
  /** The first cited article, for time questions judged on it. */
  firstCited: string | null;
}

export interface QuestionSetReport {
  model: string;
  passages: number;
  questions: number;
  byKind: Partial<Record<QuestionKind, Partial<Record<Lang, KindScores>>>>;
  /** Answer scores over every question that has `expect` strings (all kinds but `off`), by question language. */
  answer: Partial<Record<Lang, AnswerScores>>;
  failures: QuestionFailure[];
  buildMs: number;
  answerMs: number;
}

/**
 * Indexes `corpus` with the product's buildIndex and answers every question of the set the way
 * `ask` does (`answerQuestion` inside a conversation: a follow-up after its `turns`), then scores
 * each with its kind's scorer.
 */
export async function runQuestionSet(options: QuestionSetOptions): Promise<QuestionSetReport> {
  const started = Date.now();
  const index = await buildAndOpenIndex(
    options,
    corpusFolder(options.corpus, options.workDir),
    path.join(options.workDir, 'data'),
    'question-set',
  );
  const buildMs = Date.now() - started;
  const outcomes: QuestionOutcome[] = [];
  try {
    const deps = evalAnswerDeps(index, options.answering, options.translator, options.knobs);
    const converse = {
      answer: (input: Parameters<typeof answerQuestion>[1]) => answerQuestion(deps, input),
      memory: new MemoryConversations(),
      rewriter: options.rewriter ?? null,
    };
    for (const [i, question] of options.set.questions.entries()) {
      const today = question.today ?? options.today;
      const asked = { languageHint: question.lang, ...(today === undefined ? {} : { today }) };
      // Each follow-up gets a conversation of its own: its turns, then the question.
      const conversationId = question.turns.length > 0 && options.withContext !== false ? `set:${i}` : null;
      if (conversationId !== null)
        for (const turn of question.turns)
          await answerInConversation(converse, { ...asked, question: turn, conversationId });
      const answer = await answerInConversation(converse, { ...asked, question: question.q, conversationId });
      outcomes.push({ question, answer });
    }
    return {
      model: index.generation.manifest.model.id,
      passages: index.generation.manifest.counts.chunks,
      questions: outcomes.length,
      byKind: scoreByKind(outcomes),
      answer: scoreByLang(outcomes.filter((o) => o.question.expect.length > 0)),
      failures: outcomes.filter((o) => !KIND_SCORERS[o.question.kind].pass(o)).map(describeFailure),
      buildMs,
      answerMs: Date.now() - started - buildMs,
    };
  } finally {
    index.close();
  }
}

/** The folder buildIndex reads: the one folder named, or a work folder holding copies of the files and folders named. */
function corpusFolder(corpus: string | string[], workDir: string): string {
  const paths = typeof corpus === 'string' ? [corpus] : corpus;
  const stats = paths.map((p) => {
    const stat = statSync(p, { throwIfNoEntry: false });
    if (stat === undefined) throw new Error(`--corpus ${p} does not exist`);
    return stat;
  });
  if (paths.length === 1 && stats[0]?.isDirectory() === true) return paths[0] ?? '';
  const dir = path.join(workDir, 'corpus');
  mkdirSync(dir, { recursive: true });
  paths.forEach((p, i) =>
    stats[i]?.isDirectory() === true
      ? cpSync(p, dir, { recursive: true })
      : copyFileSync(p, path.join(dir, path.basename(p))),
  );
  return dir;
}

function scoreByKind(outcomes: QuestionOutcome[]): QuestionSetReport['byKind'] {
  const out: QuestionSetReport['byKind'] = {};
  for (const kind of Object.keys(KIND_SCORERS) as QuestionKind[])
    for (const lang of ['it', 'en'] as const) {
      const group = outcomes.filter((o) => o.question.kind === kind && o.question.lang === lang);
      if (group.length > 0) (out[kind] ??= {})[lang] = scoreKind(kind, group);
    }
  return out;
}

function scoreKind(kind: QuestionKind, group: QuestionOutcome[]): KindScores {
  const share = (ok: (o: QuestionOutcome) => boolean, of = group) => roundTo(of.filter(ok).length / of.length, 3);
  const withGold = group.filter((o) => citesGold(o) !== null);
  return {
    questions: group.length,
    pass: share((o) => KIND_SCORERS[kind].pass(o)),
    answered: share((o) => o.answer.mode !== 'no-answer'),
    expectHit: share(holdsExpected),
    goldCited: withGold.length === 0 ? null : share((o) => citesGold(o) === true, withGold),
    goldFirst: withGold.length === 0 ? null : share((o) => citesGoldFirst(o) === true, withGold),
  };
}

function scoreByLang(outcomes: QuestionOutcome[]): QuestionSetReport['answer'] {
  const out: QuestionSetReport['answer'] = {};
  for (const lang of ['it', 'en'] as const) {
    const group = outcomes.filter((o) => o.question.lang === lang);
    if (group.length > 0) out[lang] = scoreAnswers(group.map((o) => ({ answer: o.answer, gold: o.question.expect })));
  }
  return out;
}

const describeFailure = (o: QuestionOutcome): QuestionFailure => ({
  q: o.question.q,
  lang: o.question.lang,
  kind: o.question.kind,
  mode: o.answer.mode,
  reason: o.answer.reason,
  text: o.answer.text.slice(0, 240),
  firstCited: o.answer.citations[0]?.articleId ?? null,
});
