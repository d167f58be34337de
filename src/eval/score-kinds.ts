import type { Answer } from '../answer/answer.js';
import { containsAny } from './answer-metrics.js';
import type { QuestionKind, SetQuestion } from './question-set.js';

/** One question of a set after answering, as the kind scorers see it. */
export interface QuestionOutcome {
  question: SetQuestion;
  answer: Pick<Answer, 'text' | 'mode' | 'reason' | 'citations'>;
}

/** How one kind of question is judged. `generic` marks kinds scored like `covered` until their own scorer lands. */
export interface KindScorer {
  pass(outcome: QuestionOutcome): boolean;
  generic: boolean;
}

const answered = (o: QuestionOutcome) => o.answer.mode !== 'no-answer';

/** Whether the answer text holds one of the question's `expect` strings (a refusal never does). */
export const holdsExpected = (o: QuestionOutcome) => answered(o) && containsAny(o.answer.text, o.question.expect);

/** Whether a citation names one of the question's `gold` articles (by id or url); null when the question lists none. */
export function citesGold(o: QuestionOutcome): boolean | null {
  if (o.question.gold.length === 0) return null;
  const gold = new Set(o.question.gold);
  return o.answer.citations.some((c) => gold.has(c.articleId) || (c.url !== null && gold.has(c.url)));
}

const answersWithFact: KindScorer = { pass: holdsExpected, generic: false };
const generic: KindScorer = { pass: holdsExpected, generic: true };

/**
 * The scorer of each kind: `covered` passes when answered with an expected string, `off` when
 * refused. `dated`, `latest` and `followup` are scored like `covered` for now (follow-ups asked
 * without their `turns`); the time and conversation issues replace these entries.
 */
export const KIND_SCORERS: Record<QuestionKind, KindScorer> = {
  covered: answersWithFact,
  off: { pass: (o) => !answered(o), generic: false },
  dated: generic,
  latest: generic,
  followup: generic,
};
