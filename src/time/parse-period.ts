import { isValidIsoDate, type IsoDate } from './calendar.js';
import type { Period, Span } from './period.js';
import { RULES } from './rules.js';
import { alternation, DECADE_WORDS, MONTHS, NAME_WORDS, SEASONS, UNITS, WEEKDAYS } from './vocabulary.js';

/** A time expression found in folded text: its offsets and what it resolved to (null: no period, e.g. 31 April or a street name). */
export interface TimeMatch {
  start: number;
  end: number;
  span: Span | null;
}

interface Candidate extends TimeMatch {
  length: number;
}

const EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}])';
const COMPILED = RULES.map((rule) => ({
  rule,
  re: new RegExp(`${EDGE_BEFORE}(?:${rule.pattern})${EDGE_AFTER}`, 'gu'),
}));
/** A date right after a street or school word is its name ("via 20 Settembre")… */
const NAME_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(NAME_WORDS)})\\s+$`, 'u');
/** …and a year right after a number is a reference ("legge 104 del 1992"). */
const NUMBER_BEFORE = /\d\s*$/u;
const APOSTROPHES = /[’‘`´]/gu;
/**
 * A word every time expression contains (a number, a month, a time unit, a preposition of
 * time…): text without one skips the rules, whose patterns are large and slow to compile.
 */
const TRIGGER = new RegExp(
  `\\d|\\b(?:${alternation([
    ...Object.keys(MONTHS),
    ...Object.keys(SEASONS),
    ...Object.keys(WEEKDAYS),
    ...Object.keys(UNITS),
    ...Object.keys(DECADE_WORDS),
    'oggi',
    'ieri',
    'altroieri',
    'avantieri',
    'stamattina',
    'stamane',
    'stasera',
    'stanotte',
    'today',
    'yesterday',
    'tonight',
    'night',
    'morning',
    'weekend',
    'settimana',
    'ultim[aeio]',
    'inizio',
    'meta',
    'fine',
    'primi',
    'early',
    'late',
    'mid',
    'beginning',
    'start',
    'end',
    'middle',
    'half',
    'decade',
  ])})`,
  'u',
);

/**
 * Folds text for the rules (lowercase, accents and curly apostrophes gone) keeping every
 * character at its index, so a match's offsets point into the NFC question.
 */
export function foldForRules(text: string): string {
  let out = '';
  for (const unit of text.split('')) {
    const folded = unit
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(APOSTROPHES, "'");
    out += folded.length === 1 ? folded : (folded[0] ?? ' ');
  }
  return out;
}

/**
 * The time expressions in folded text, resolved against `today`, longest first, without
 * overlaps (a longer match hides the shorter ones inside it, even one that names no period).
 */
export function findTimeExpressions(folded: string, today: IsoDate): TimeMatch[] {
  if (!TRIGGER.test(folded)) return [];
  const all: Candidate[] = [];
  for (const { rule, re } of COMPILED) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const span = rule.resolve(
        [...m].map((s) => s ?? ''),
        today,
      );
      if (span === undefined) continue;
      const start = m.index;
      all.push({ start, end: start + m[0].length, length: m[0].length, span: isName(folded, start) ? null : span });
    }
  }
  all.sort((a, b) => b.length - a.length || a.start - b.start);
  const kept: TimeMatch[] = [];
  for (const { start, end, span } of all)
    if (!kept.some((k) => start < k.end && k.start < end)) kept.push({ start, end, span });
  return kept;
}

/** Whether the date at `start` is part of a name or a reference rather than a time. */
function isName(folded: string, start: number): boolean {
  const before = folded.slice(Math.max(0, start - 24), start);
  return NUMBER_BEFORE.test(before) || (/^\d/u.test(folded.slice(start)) && NAME_BEFORE.test(before));
}

/**
 * The period a question names, resolved against `today` (`YYYY-MM-DD`, the clock the caller
 * injects), or null when it names none. Reads Italian and English relative days, weeks, months
 * and years, named months, seasons, years and decades, absolute dates (day first, as Italian
 * writes 12/03/2020), ranges and open periods. The longest expression wins; dates that name
 * streets ("via 20 Settembre") and impossible dates are not periods. Throws on a malformed `today`.
 */
export function parsePeriod(question: string, today: IsoDate): Period | null {
  if (!isValidIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${today}`);
  const text = question.normalize('NFC');
  const folded = foldForRules(text);
  for (const { start, end, span } of findTimeExpressions(folded, today))
    if (span !== null) return { ...clip(span, today), text: text.slice(start, end) };
  return null;
}

/** A period that has begun by today ends today at the latest. */
function clip(span: Span, today: IsoDate): Span {
  if (span.to !== null && span.to > today && (span.from === null || span.from <= today)) return { ...span, to: today };
  return span;
}
