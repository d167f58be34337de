import { isoDate, lastDayOfMonth, partsOf, type IsoDate } from './calendar.js';
import type { Span } from './period.js';
import { alternation, MONTHS, SEASONS } from './vocabulary.js';

/** Part of a period inside a month or year: its first, middle or last third, or half. */
type Modifier = 'early' | 'mid' | 'late' | 'h1' | 'h2';

/** A calendar point as written: any of its parts may be missing ("marzo", "12 marzo", "2020"). */
export interface Point {
  year?: number;
  month?: number;
  day?: number;
  season?: number;
  modifier?: Modifier;
}

/** Which occurrence a point without a year means: the latest that has started, or that has ended. */
export type Occurrence = 'started' | 'ended';

const MONTH_OR_SEASON = `(?:${alternation([...Object.keys(MONTHS), ...Object.keys(SEASONS)])})`;
/** One word of a point: a number (day or year, with an ordinal suffix) or a month or season name. */
const TOKEN = `(?:\\d{1,4}(?:°|º|st|nd|rd|th)?|${MONTH_OR_SEASON})(?![\\p{L}\\p{N}])`;
const SEPARATOR = '(?:,?\\s+(?:of\\s+|del\\s+)?)';

const MODIFIERS: [Modifier, string][] = [
  ['h1', "(?:nella\\s+|la\\s+)?prima\\s+meta\\s+(?:di\\s+|del\\s+|dell')?|(?:in\\s+)?the\\s+first\\s+half\\s+of\\s+"],
  [
    'h2',
    "(?:nella\\s+|la\\s+)?seconda\\s+meta\\s+(?:di\\s+|del\\s+|dell')?|(?:in\\s+)?the\\s+second\\s+half\\s+of\\s+",
  ],
  [
    'early',
    "(?:all'|a\\s+|ad\\s+)?inizio\\s+(?:di\\s+|del\\s+|della\\s+|dell')?|ai\\s+primi\\s+di\\s+|early\\s+|(?:at\\s+|in\\s+)?the\\s+(?:beginning|start)\\s+of\\s+",
  ],
  [
    'mid',
    "(?:a\\s+|alla\\s+)?meta\\s+(?:di\\s+|del\\s+|della\\s+|dell')?|mid-?\\s*|(?:in\\s+)?the\\s+middle\\s+of\\s+",
  ],
  [
    'late',
    "(?:a\\s+|alla\\s+|verso\\s+la\\s+)?fine\\s+(?:di\\s+|del\\s+|della\\s+|dell')?|late\\s+|(?:at\\s+|by\\s+)?the\\s+end\\s+of\\s+",
  ],
];
const MODIFIER = `(?:${MODIFIERS.map(([, re]) => re).join('|')})`;
const MODIFIER_AT_START = MODIFIERS.map(([modifier, re]) => [modifier, new RegExp(`^(?:${re})`, 'u')] as const);

/**
 * A calendar point, loosely: a numeric date, or one to three words that readPoint then checks
 * for a real shape ("12 marzo 2020", "March 12, 2020", "the summer of 2019", "2020"). Kept
 * compact on purpose: it is repeated in several rules, and a long pattern costs seconds to compile.
 */
export const POINT = `\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})(?!\\d)|(?:the\\s+)?${TOKEN}(?:${SEPARATOR}${TOKEN}){0,2}`;

/** A point, optionally narrowed by a modifier ("all'inizio del 2020", "late March"). */
export const MODIFIED_POINT = `(?:${MODIFIER})?(?:${POINT})`;

const NUMERIC_ISO = /^(\d{4})-(\d{2})-(\d{2})$/u;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/u;
const WORD = /[a-z]+|\d+/gu;
/** The word shapes of a point: d(ay), m(onth), s(eason), y(ear). */
const SHAPES = new Set(['d m', 'd m y', 'm d', 'm d y', 'm', 'm y', 's', 's y', 'y']);
const FILLERS = new Set(['the', 'of', 'del', 'st', 'nd', 'rd', 'th']);

/**
 * Reads a point matched by MODIFIED_POINT; null when its words do not make one ("2020 2021",
 * a lone day "3"). Day and month values are not checked here (resolvePoint does).
 */
export function readPoint(text: string): Point | null {
  let rest = text.trim();
  const point: Point = {};
  for (const [modifier, re] of MODIFIER_AT_START) {
    const m = re.exec(rest);
    if (m !== null && m[0].length > 0) {
      point.modifier = modifier;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  const iso = NUMERIC_ISO.exec(rest);
  if (iso !== null) return { ...point, year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const numeric = NUMERIC.exec(rest);
  if (numeric !== null) return readNumeric(point, Number(numeric[1]), Number(numeric[2]), numeric[3] ?? '');
  const shape: string[] = [];
  for (const word of rest.match(WORD) ?? []) {
    if (/^\d+$/u.test(word)) {
      const n = Number(word);
      if (word.length === 4 && n >= 1900 && n <= 2099) [point.year, shape[shape.length]] = [n, 'y'];
      else if (word.length <= 2) [point.day, shape[shape.length]] = [n, 'd'];
      else return null;
    } else if (MONTHS[word] !== undefined) [point.month, shape[shape.length]] = [MONTHS[word], 'm'];
    else if (SEASONS[word] !== undefined) [point.season, shape[shape.length]] = [SEASONS[word], 's'];
    else if (!FILLERS.has(word)) return null;
  }
  return SHAPES.has(shape.join(' ')) ? point : null;
}

/** Day first, as Italian writes it, unless only month first makes sense (03/25/2020). */
function readNumeric(point: Point, a: number, b: number, y: string): Point {
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const [day, month] = a <= 12 && b > 12 ? [b, a] : [a, b];
  return { ...point, year, month, day };
}

/** Whether a point can stand alone without a preposition: a day, or a month or season with its year. */
export function isSelfStanding(point: Point): boolean {
  return (
    point.day !== undefined ||
    point.modifier !== undefined ||
    ((point.month ?? point.season) !== undefined && point.year !== undefined)
  );
}

/**
 * The span of days a point means, against today. A point without a year is its latest
 * occurrence that has started (or ended) by today, or, with `yearHint`, in that year.
 * Null for an impossible date (31 April, month 13).
 */
export function resolvePoint(
  point: Point,
  today: IsoDate,
  occurrence: Occurrence = 'started',
  yearHint?: number,
): Span | null {
  const year = point.year ?? yearHint;
  const spanIn = (y: number) => spanOf(point, y);
  if (year !== undefined) return spanIn(year);
  if (point.month === undefined && point.season === undefined) return null;
  const now = partsOf(today).year;
  for (let y = now + 1; y >= now - 1; y--) {
    const span = spanIn(y);
    if (span === null) return null;
    if (occurrence === 'started' ? (span.from ?? '') <= today : (span.to ?? '') < today) return span;
  }
  return null;
}

function spanOf(point: Point, year: number): Span | null {
  const { month, day, season, modifier } = point;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined) {
    if (month === undefined) return null;
    const date = isoDate(year, month, day);
    if (day < 1 || partsOf(date).month !== month) return null;
    return { from: date, to: date, granularity: 'day' };
  }
  if (month !== undefined) {
    const from = isoDate(year, month, 1);
    const to = lastDayOfMonth(year, month);
    if (modifier === undefined || modifier === 'h1' || modifier === 'h2') return { from, to, granularity: 'month' };
    const third = { early: [1, 10], mid: [11, 20], late: [21, 31] }[modifier];
    return {
      from: isoDate(year, month, third[0] ?? 1),
      to: minDate(isoDate(year, month, third[1] ?? 31), to),
      granularity: 'day',
    };
  }
  if (season !== undefined) {
    const startYear = season === 12 ? year - 1 : year;
    return { from: isoDate(startYear, season, 1), to: lastDayOfMonth(startYear, season + 2), granularity: 'season' };
  }
  if (modifier === undefined) return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31), granularity: 'year' };
  const months = { early: [1, 4], mid: [5, 8], late: [9, 12], h1: [1, 6], h2: [7, 12] }[modifier];
  return { from: isoDate(year, months[0] ?? 1, 1), to: lastDayOfMonth(year, months[1] ?? 12), granularity: 'month' };
}

const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
