import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { answerQuestion, type AnswerDeps } from '../answer/answer-question.js';
import type { RetrievalKnobs } from '../retrieval/types.js';
import type { Lang } from '../text/lang.js';
import type { Translator } from '../translate/translator.js';
import { scoreAnswers, type AnswerScores } from './answer-metrics.js';
import { roundTo } from '../util/round.js';
import { buildAndOpenIndex, evalAnswerDeps, type OpenIndexOptions } from './open-index.js';
import type { QuestionKind, QuestionSet } from './question-set.js';
import { citesGold, holdsExpected, KIND_SCORERS, type QuestionOutcome } from './score-kinds.js';

export interface QuestionSetOptions extends OpenIndexOptions {
  set: QuestionSet;
  /** A corpus folder, or one corpus file (e.g. a `.jsonl`), as `npm run index --corpus` reads it. */
  corpus: string;
  /** Work folder: the index is built (or reused, incrementally) under it. */
  workDir: string;
  knobs: Partial<RetrievalKnobs>;
  translator: Translator | null;
  answering: Pick<AnswerDeps, 'llm' | 'maxQuestionChars' | 'translateQuotes'>;
}

/** Shares (0–1) over the questions of one kind and language. `goldCited` counts questions that list gold articles. */
export interface KindScores {
  questions: number;
  pass: number;
  answered: number;
  expectHit: number;
  goldCited: number | null;
  /** True while the kind has no scorer of its own and is judged like `covered`. */
  generic: boolean;
}

/** One question that did not pass, with enough of the answer to see why. */
export interface QuestionFailure {
  q: string;
  lang: Lang;
  kind: QuestionKind;
  mode: string;
  reason: string | null;
  text: string;
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
 * Indexes `corpus` with the product's buildIndex and answers every question of the set through
 * `answerQuestion` (the path `ask` takes), then scores each with its kind's scorer.
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
    for (const question of options.set.questions) {
      const answer = await answerQuestion(deps, { question: question.q, languageHint: question.lang });
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

/** The folder buildIndex reads: `corpus` itself, or a work folder holding a copy of the one file named. */
function corpusFolder(corpus: string, workDir: string): string {
  const stat = statSync(corpus, { throwIfNoEntry: false });
  if (stat === undefined) throw new Error(`--corpus ${corpus} does not exist`);
  if (stat.isDirectory()) return corpus;
  const dir = path.join(workDir, 'corpus');
  mkdirSync(dir, { recursive: true });
  copyFileSync(corpus, path.join(dir, path.basename(corpus)));
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
    generic: KIND_SCORERS[kind].generic,
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
});
