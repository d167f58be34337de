import { foldText, PREFIX_LENGTH, tokenize } from '../text/analyze.js';
import type { AnswerType } from './answer-type.js';

/** A stretch of a sentence that could answer a question of `type`; `start`/`end` are UTF-16 offsets. */
export interface AnswerSpan {
  type: Exclude<AnswerType, 'yesno' | 'other'>;
  start: number;
  end: number;
  text: string;
}

const MONTHS =
  'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|' +
  'january|february|march|april|may|june|july|august|september|october|november|december';
const WEEKDAYS =
  'luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|' +
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const CENTURIES = '(?:duecento|trecento|quattrocento|cinquecento|seicento|settecento|ottocento|novecento)';
const UNITS =
  'minut[oi]|or[ae]|secondi|giorn[oi]|settiman[ae]|mes[ei]|ann[oi]|decenni|secol[oi]|' +
  'chilometri|km|metri|m|cm|miglia|chili|kg|tonnellate|litri|gradi|euro|dollari|lire|sterline|franchi|' +
  'persone|abitanti|morti|vittime|feriti|voti|volte|posti|membri|studenti|' +
  'minutes?|hours?|seconds?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|' +
  'kilometres?|kilometers?|miles?|metres?|meters?|feet|pounds?|dollars?|people|times|votes|members';
const NUMBER_WORDS =
  'due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|quindici|venti|trenta|quaranta|' +
  'cinquanta|sessanta|settanta|ottanta|novanta|cento|mille|mila|milion[ei]|miliard[oi]|' +
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion';

const DATE = new RegExp(
  [
    `\\b(?:\\d{1,2}(?:°|º)?\\s+)?(?:${MONTHS})(?:\\s+(?:del\\s+)?\\d{3,4})?\\b`,
    `\\b(?:${MONTHS})\\s+\\d{1,2}(?:,\\s*\\d{4})?\\b`,
    `\\b(?:${WEEKDAYS})\\b`,
    `\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b`,
    `\\b\\d{1,2}[:.]\\d{2}\\b`,
    `\\b(?:anni|years?)\\s+(?:['’]\\d{2}|\\d{4}|venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta)\\b`,
    `\\b${CENTURIES}\\b`,
    `\\b[IVXL]{1,6}\\s+(?:secolo|century)\\b|\\b\\d{1,2}(?:st|nd|rd|th)\\s+century\\b`,
    `\\b(?:1\\d{3}|20\\d{2})\\b`,
  ].join('|'),
  'giu',
);
const QUANTITY = new RegExp(
  `(?:[$€£]\\s?)?\\b(?:\\d+(?:[.,]\\d+)*|(?:${NUMBER_WORDS})(?!\\p{L}))(?:\\s+(?:${NUMBER_WORDS})(?!\\p{L}))?` +
    `(?:\\s*%|\\s+(?:per ?cento|percent)|\\s+(?:di\\s+)?(?:${UNITS})\\b)?`,
  'giu',
);
// Dots only inside a name ("U.S.A"), so a name that ends a sentence leaves its full stop out.
const CAPITALISED = "\\p{Lu}(?:[\\p{L}\\p{N}'’-]|\\.(?=\\p{L}))*";
const NAME = `${CAPITALISED}(?:\\s+(?:(?:di|del|della|de|da|van|von|of|the|e|and)\\s+)?${CAPITALISED})*`;
const PLACE = new RegExp(
  `\\b(?:a|ad|in|da|presso|nel|nella|nello|negli|nelle|dal|dalla|dallo|dagli|dalle|verso|at|from|near|to)\\s+(${NAME})`,
  'gu',
);
const PERSON = new RegExp(NAME, 'gu');
const ROLE = new RegExp(
  `\\b(?:presidente|ministro|segretario|premier|sindaco|papa|re|regina|principe|imperatore|generale|` +
    `president|minister|secretary|mayor|pope|king|queen|prince|emperor|general)\\b`,
  'giu',
);
const QUOTE = /[“"«][^“”"«»]{10,}[”"»]/gu;
const REASON = new RegExp(
  `\\b(?:perch[eé]|poich[eé]|in quanto|a causa d|per via d|dovut[oaie] a|grazie a|dato che|visto che|siccome|` +
    `al fine di|allo scopo di|because|due to|owing to|as a result|in order to|so that|thanks to)[^,;.:]*`,
  'giu',
);
/** What a capitalised word follows when it is capitalised for its position, not because it is a name. */
const AFTER_START = /(?:^|[“"«(.!?:]\s*)$/u;
const MONTH_OR_DAY = new RegExp(`^(?:${MONTHS}|${WEEKDAYS})$`, 'iu');

function collect(type: AnswerSpan['type'], pattern: RegExp, text: string, group = 0): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    const found = match[group];
    if (found === undefined || found.trim() === '') continue;
    const start = match.index + (group === 0 ? 0 : match[0].indexOf(found));
    spans.push({ type, start, end: start + found.length, text: found });
  }
  return spans;
}

/**
 * Candidate answers in `sentence`, by kind: dates and times (days, months, weekdays, years,
 * centuries, hours), quantities (numbers, with units or percentages), places ("a/in/da + Name"),
 * names and roles (persons or organisations; a capitalised first word is not a name), quotations
 * (text in quotation marks) and reasons (a "perché/because…" clause). Years count as dates, not
 * quantities. Never throws.
 */
export function findAnswerSpans(sentence: string): AnswerSpan[] {
  const dates = collect('date', DATE, sentence);
  const quantities = collect('quantity', QUANTITY, sentence).filter(
    (q) => !dates.some((d) => d.start <= q.start && q.end <= d.end),
  );
  const places = collect('place', PLACE, sentence, 1).filter((p) => !MONTH_OR_DAY.test(p.text));
  const persons = [...collect('person', PERSON, sentence), ...collect('person', ROLE, sentence)].filter(
    (p) => p.text.length > 1 && !AFTER_START.test(sentence.slice(0, p.start)) && !MONTH_OR_DAY.test(p.text),
  );
  return [
    ...dates,
    ...quantities,
    ...places,
    ...persons,
    ...collect('quote', QUOTE, sentence),
    ...collect('reason', REASON, sentence),
  ];
}

/** True when the span holds a word the question does not (an answer adds something the question lacks). */
export function isNovel(span: AnswerSpan, questionWords: ReadonlySet<string>): boolean {
  return tokenize(span.text).some((word) => !questionWords.has(foldText(word)));
}

/**
 * Sorts spans by their distance (in characters) to the nearest word of `sentence` whose prefix
 * term is in `questionTerms`, nearest first, with that distance (Infinity when no word matches):
 * the answer usually stands next to the words the question repeats.
 */
export function sortByProximity(
  spans: readonly AnswerSpan[],
  sentence: string,
  questionTerms: ReadonlySet<string>,
): { span: AnswerSpan; distance: number }[] {
  const hits = [...sentence.matchAll(/[\p{L}\p{N}]+/gu)]
    .filter((m) => questionTerms.has(foldText(m[0]).slice(0, PREFIX_LENGTH)))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const gap = (s: AnswerSpan, h: { start: number; end: number }) =>
    h.end <= s.start ? s.start - h.end : h.start >= s.end ? h.start - s.end : 0;
  return spans
    .map((span) => ({ span, distance: Math.min(Infinity, ...hits.map((h) => gap(span, h))) }))
    .sort((a, b) => a.distance - b.distance);
}

/** The question's words, folded, for `isNovel`. */
export function questionWords(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => tokenize(text).map(foldText)));
}
