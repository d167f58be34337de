import { findTimeExpressions, foldForRules, parsePeriod } from './parse-period.js';
import type { IsoDate } from './calendar.js';
import type { Period } from './period.js';

// Where time expressions are does not depend on the day they resolve against.
const ANY_DAY = '2000-01-01';

/**
 * Words that ask for the newest state of a story: "l'ultima notizia", "novità", "di recente",
 * "ancora", "what's the latest", "still", "any news". Matched on folded text.
 */
const LATEST = new RegExp(
  [
    '\\bultim[aoie]\\b',
    '\\bnovita\\b',
    '\\brecent[ei]\\b',
    '\\brecentemente\\b',
    '\\bultimamente\\b',
    '\\bancora\\b',
    '\\baggiornament[oi]\\b',
    '\\bsvilupp[oi]\\b',
    '\\battual[ei]\\b',
    '\\battualmente\\b',
    '\\badesso\\b',
    '\\ba che punto\\b',
    '\\blatest\\b',
    '\\bnewest\\b',
    '\\bmost recent\\b',
    '\\brecent(?:ly)?\\b',
    "\\bwhat(?:'s|s| is) new\\b",
    '\\bany news\\b',
    '\\bupdates?\\b',
    '\\bdevelopments?\\b',
    '\\bstill\\b',
    '\\bcurrent(?:ly)?\\b',
    '\\bnow\\b',
  ].join('|'),
  'u',
);

/**
 * Whether a question asks for the latest on a story (newest relevant articles first). Words
 * inside a time expression do not count: "nelle ultime due settimane" names a period.
 */
export function asksForLatest(question: string): boolean {
  return LATEST.test(blankTimeExpressions(foldForRules(question.normalize('NFC')), ANY_DAY));
}

const LATEST_GLOBAL = new RegExp(LATEST.source, 'gu');
/** Words that only say "news" in a question about the latest ("notizie", "news"): not what the story is about. */
const NEWS_WORDS = /\b(?:notizi[ae]|news|aggiornat[oaie]|what's|whats)\b/gu;
/** "Cosa è successo", "what happened": the frame of a question about a period, not its subject. */
const WHAT_HAPPENED = /\b(?:successo|successa|accaduto|accaduta|capitato|avvenuto|happened|happen|happening)\b/gu;

/**
 * The question without its time words (time expressions, "ultime notizie", "latest", "still",
 * "cosa è successo"), for the lexical query: "ieri" or "notizie" occur in most articles and
 * would only add noise. Offsets are not kept; the result is folded.
 */
export function stripTimeWords(question: string): string {
  return removeTimeWords(blankTimeExpressions(foldForRules(question.normalize('NFC')), ANY_DAY));
}

/**
 * What a question says about time, against `today`: its period, whether it asks for the
 * latest, and its words without the time words (as stripTimeWords).
 */
export function readQuestionTime(
  question: string,
  today: IsoDate,
): { period: Period | null; latest: boolean; withoutTimeWords: string } {
  const blanked = blankTimeExpressions(foldForRules(question.normalize('NFC')), today);
  return {
    period: parsePeriod(question, today),
    latest: LATEST.test(blanked),
    withoutTimeWords: removeTimeWords(blanked),
  };
}

/** Compiles the grammar's patterns now (a few hundred milliseconds) rather than on the first question. */
export function warmTimeGrammar(): void {
  readQuestionTime('dal 12 marzo 2020 a ieri, ultime notizie', '2020-06-17');
}

/** Folded text with its time expressions blanked out, offsets kept. */
function blankTimeExpressions(folded: string, today: IsoDate): string {
  let rest = folded;
  for (const m of findTimeExpressions(folded, today))
    rest = rest.slice(0, m.start) + ' '.repeat(m.end - m.start) + rest.slice(m.end);
  return rest;
}

function removeTimeWords(blanked: string): string {
  return blanked.replace(LATEST_GLOBAL, ' ').replace(NEWS_WORDS, ' ').replace(WHAT_HAPPENED, ' ');
}
