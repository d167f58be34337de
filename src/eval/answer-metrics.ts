import type { Answer } from '../answer/answer.js';
import { roundTo } from '../util/round.js';

/** How many characters of an answer a reader sees before deciding whether it answers (Discord preview). */
export const FIRST_CHARS = 400;

/**
 * Answer quality over a set of questions, every question counted (a refusal is a miss):
 * - `containsGold`: share whose answer `text` contains one of the question's gold strings, ignoring case;
 * - `goldInFirst400`: the same within the first 400 characters of the text;
 * - `noAnswer`: share refused (`mode` `no-answer`);
 * - `meanChars`: mean length of the answers given (refusals excluded), 0 when none was given.
 */
export interface AnswerScores {
  containsGold: number;
  goldInFirst400: number;
  noAnswer: number;
  meanChars: number;
  questions: number;
}

/** One answered question as the answer scorer sees it. */
export interface AnswerOutcome {
  answer: Pick<Answer, 'text' | 'mode'>;
  /** Strings any one of which counts as the answer (case-insensitive). */
  gold: readonly string[];
}

/** An answer's text as a reader sees it: Markdown bold (`**fact**`) is rendered, not read. */
const asRead = (text: string) => text.replace(/\*\*/g, '');

/** True when `text` as read contains one of `strings`, ignoring case; an empty list never matches. */
export function containsAny(text: string, strings: readonly string[]): boolean {
  const lower = asRead(text).toLocaleLowerCase('it');
  return strings.some((s) => s.trim() !== '' && lower.includes(s.toLocaleLowerCase('it')));
}

/** Whether an answer counts as holding its gold: answered, and the text (or its first `chars`) contains a gold string. */
export function holdsGold(outcome: AnswerOutcome, chars = Infinity): boolean {
  if (outcome.answer.mode === 'no-answer') return false;
  return containsAny(asRead(outcome.answer.text).slice(0, chars), outcome.gold);
}

/** Aggregates answered questions into {@link AnswerScores}; all zeros for an empty list. */
export function scoreAnswers(outcomes: readonly AnswerOutcome[]): AnswerScores {
  const n = Math.max(outcomes.length, 1);
  const given = outcomes.filter((o) => o.answer.mode !== 'no-answer');
  return {
    containsGold: roundTo(outcomes.filter((o) => holdsGold(o)).length / n, 3),
    goldInFirst400: roundTo(outcomes.filter((o) => holdsGold(o, FIRST_CHARS)).length / n, 3),
    noAnswer: roundTo((outcomes.length - given.length) / n, 3),
    meanChars: given.length === 0 ? 0 : Math.round(given.reduce((s, o) => s + o.answer.text.length, 0) / given.length),
    questions: outcomes.length,
  };
}
