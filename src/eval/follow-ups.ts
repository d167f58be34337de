import type { Answer } from '../answer/answer.js';
import type { ConversationInput } from '../answer/converse.js';
import type { Lang } from '../text/lang.js';

/** A follow-up of a question set: the earlier questions (`turns`, oldest first), the last question and what its answer must hold. */
export interface FollowUpCase {
  q: string;
  lang: Lang;
  /** Strings any one of which must appear in the answer to `q` (case-insensitive). */
  expect: string[];
  /** Article ids any one of which should be cited. */
  gold: string[];
  turns: string[];
}

/** How a follow-up went: with its conversation before it, or asked alone. */
export interface FollowUpOutcome {
  question: FollowUpCase;
  answer: Answer;
}

/**
 * Answers `c.q` through `ask` (the product's conversation path): with context, the earlier turns
 * are asked first in a conversation of their own (`conversationId`); without, `q` is asked alone.
 */
export async function answerFollowUp(
  ask: (input: ConversationInput) => Promise<Answer>,
  c: FollowUpCase,
  options: { withContext: boolean; conversationId: string },
): Promise<Answer> {
  const conversationId = options.withContext ? options.conversationId : null;
  if (conversationId !== null)
    for (const turn of c.turns) await ask({ question: turn, languageHint: c.lang, conversationId });
  return ask({ question: c.q, languageHint: c.lang, conversationId });
}

/** Shares (0–1) over follow-ups: passed (answered and holding an expected string), answered, refused for lack of a subject, gold cited. */
export interface FollowUpScores {
  questions: number;
  pass: number;
  answered: number;
  needsSubject: number;
  goldCited: number;
}

/** Scores outcomes; an answer passes when it is not a no-answer and contains one of `expect`. */
export function scoreFollowUps(outcomes: readonly FollowUpOutcome[]): FollowUpScores {
  const n = outcomes.length;
  const share = (ok: (o: FollowUpOutcome) => boolean) =>
    n === 0 ? 0 : Math.round((outcomes.filter(ok).length / n) * 1000) / 1000;
  return {
    questions: n,
    pass: share(passesFollowUp),
    answered: share((o) => o.answer.mode !== 'no-answer'),
    needsSubject: share((o) => o.answer.reason === 'needs-subject'),
    goldCited: share((o) => o.answer.citations.some((c) => o.question.gold.includes(c.articleId))),
  };
}

/** True when the answer is an answer and its text holds one of the expected strings (case-insensitive), as for single questions. */
export function passesFollowUp(o: FollowUpOutcome): boolean {
  if (o.answer.mode === 'no-answer') return false;
  const text = o.answer.text.toLowerCase();
  return o.question.expect.some((e) => text.includes(e.toLowerCase()));
}
