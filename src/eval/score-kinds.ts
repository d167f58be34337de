import type { Answer } from '../answer/answer.js';
import { containsAny } from './answer-metrics.js';
import type { QuestionKind, SetQuestion } from './question-set.js';

/** One question of a set after answering, as the kind scorers see it. */
export interface QuestionOutcome {
  question: SetQuestion;
  answer: Pick<Answer, 'text' | 'mode' | 'reason' | 'citations'>;
}

/** How one kind of question is judged. */
export interface KindScorer {
  pass(outcome: QuestionOutcome): boolean;
}

const answered = (o: QuestionOutcome) => o.answer.mode !== 'no-answer';

/** Whether the answer text holds one of the question's `expect` strings (a refusal never does). */
export const holdsExpected = (o: QuestionOutcome) => answered(o) && containsAny(o.answer.text, o.question.expect);

const isGold = (o: QuestionOutcome, c: QuestionOutcome['answer']['citations'][number]) =>
  o.question.gold.includes(c.articleId) || (c.url !== null && o.question.gold.includes(c.url));

/** Whether a citation names one of the question's `gold` articles (by id or url); null when the question lists none. */
export function citesGold(o: QuestionOutcome): boolean | null {
  if (o.question.gold.length === 0) return null;
  return o.answer.citations.some((c) => isGold(o, c));
}

/** Whether the first citation is one of the `gold` articles (a refusal never is); null when the question lists none. */
export function citesGoldFirst(o: QuestionOutcome): boolean | null {
  if (o.question.gold.length === 0) return null;
  const first = o.answer.citations[0];
  return answered(o) && first !== undefined && isGold(o, first);
}

/**
 * The first cited article decides time questions: for `dated` the gold articles are the relevant
 * ones published inside the period, for `latest` the newest relevant one. A set without gold
 * articles for such a question falls back to the expected strings.
 */
const firstCitedIsGold: KindScorer = { pass: (o) => citesGoldFirst(o) ?? holdsExpected(o) };

/**
 * The scorer of each kind: `covered` and `followup` (asked after its `turns`, in one conversation)
 * pass when answered with an expected string, `off` when refused, `dated` and `latest` when the
 * first citation is a gold article.
 */
export const KIND_SCORERS: Record<QuestionKind, KindScorer> = {
  covered: { pass: holdsExpected },
  off: { pass: (o) => !answered(o) },
  dated: firstCitedIsGold,
  latest: firstCitedIsGold,
  followup: { pass: holdsExpected },
};
