import { addDays, type IsoDate } from './calendar.js';
import type { Span } from './period.js';
import { isSelfStanding, MODIFIED_POINT, readPoint, resolvePoint, type Occurrence, type Point } from './points.js';
import { lastUnits, lastWeekday, unitAgo, weekendAgo, type Unit } from './relative.js';
import { alternation, DECADE_WORDS, MONTHS, NUMBER_WORDS, SEASONS, UNITS, WEEKDAYS } from './vocabulary.js';

/**
 * One shape of time expression: a pattern over folded text (lowercase, no accents, straight
 * apostrophes) and how a match resolves against today. `resolve` returns undefined for a match
 * that is not a time expression after all (a bare month with no preposition, "2020 2021"), and
 * null for one that is but names no period (31 April): that hides the shorter matches inside it.
 */
export interface Rule {
  pattern: string;
  resolve: (groups: string[], today: IsoDate) => Span | null | undefined;
}

const NUM = `(\\d{1,3}|${alternation(Object.keys(NUMBER_WORDS))})`;
const MONTH = `(${alternation(Object.keys(MONTHS))})`;
const SEASON = `(${alternation(Object.keys(SEASONS))})`;
const WEEKDAY = `(${alternation(Object.keys(WEEKDAYS))})`;
const MP = `(${MODIFIED_POINT})`;
const DAY = '([0-3]?\\d)(?:°|º|st|nd|rd|th)?';
const YEAR_TAIL = '((?:,?\\s+(?:del\\s+|of\\s+)?(?:19|20)\\d{2})?)';
const ART = "(?:(?:il|la|lo|l')\\s*)?";
const LAST_IT = '(?:scors[oa]|passat[oa])';
/** Prepositions that make a bare month, season or year a period ("a marzo", "nel 2020", "in May"). */
const LEAD =
  "(a\\s+|ad\\s+|in\\s+|nel\\s+|nello\\s+|nella\\s+|nell'|di\\s+|del\\s+|dello\\s+|della\\s+|dell'|il\\s+|lo\\s+|la\\s+|l'|d'|durante\\s+(?:il\\s+|la\\s+|lo\\s+|l')?|nel\\s+mese\\s+di\\s+|nell'anno\\s+|anno\\s+|during\\s+(?:the\\s+)?|on\\s+|of\\s+|in\\s+the\\s+(?:month|year)\\s+(?:of\\s+)?|the\\s+year\\s+)?";
/** When nothing says how many: "negli ultimi giorni" is about a week, "negli ultimi mesi" about three. */
const FEW: Record<Unit, number> = { day: 7, week: 4, month: 3, year: 3 };

const count = (word: string) => NUMBER_WORDS[word] ?? Number(word);
const unit = (word: string): Unit => UNITS[word] ?? 'day';
const g = (groups: string[], i: number) => groups[i] ?? '';
const point = (text: string): Point | null => readPoint(text);
const resolved = (text: string, today: IsoDate, occurrence: Occurrence = 'started'): Span | null | undefined => {
  const p = point(text);
  return p === null ? undefined : resolvePoint(p, today, occurrence);
};

const RELATIVE: Rule[] = [
  {
    pattern: 'oggi|stamattina|stamane|stasera|stanotte|today|this\\s+(?:morning|afternoon|evening)|tonight',
    resolve: (_, today) => unitAgo(today, 'day', 0),
  },
  {
    pattern: "l'altro\\s*ieri|altroieri|avantieri|ieri\\s+l'altro|the\\s+day\\s+before\\s+yesterday",
    resolve: (_, today) => unitAgo(today, 'day', 2),
  },
  {
    pattern:
      'ieri(?:\\s+(?:mattina|sera|pomeriggio|notte))?|yesterday(?:\\s+(?:morning|afternoon|evening))?|last\\s+night',
    resolve: (_, today) => unitAgo(today, 'day', 1),
  },
  {
    pattern: `${NUM}\\s+(giorni|giorno|settimane|settimana|mesi|mese|anni|anno)\\s+fa|${NUM}\\s+(days?|weeks?|months?|years?)\\s+ago`,
    resolve: (m, today) => unitAgo(today, unit(g(m, 2) || g(m, 4)), count(g(m, 1) || g(m, 3))),
  },
  {
    pattern: "(?:quest[oa]\\s+|quest'|this\\s+)(settimana|mese|anno|week|month|year)",
    resolve: (m, today) => unitAgo(today, unit(g(m, 1)), 0),
  },
  {
    pattern: `${ART}${LAST_IT}\\s+(settimana|mese|anno)|${ART}(settimana|mese|anno)\\s+${LAST_IT}|last\\s+(week|month|year)`,
    resolve: (m, today) => unitAgo(today, unit(g(m, 1) || g(m, 2) || g(m, 3)), 1),
  },
  {
    pattern: `(?:(?:in|over|during|within|for)\\s+)?(?:the\\s+)?(?:past|last)\\s+${NUM}\\s+(days|weeks|months|years)|(?:(?:negli|nelle|degli|delle|gli|le)\\s+)?ultim[ie]\\s+${NUM}\\s+(giorni|settimane|mesi|anni)`,
    resolve: (m, today) => lastUnits(today, unit(g(m, 2) || g(m, 4)), count(g(m, 1) || g(m, 3))),
  },
  {
    pattern:
      "(?:(?:in|over|during|within|for)\\s+)?the\\s+(?:past|last)\\s+(week|month|year)|(?:nell'|l')?ultim[oa]\\s+(settimana|mese|anno)",
    resolve: (m, today) => lastUnits(today, unit(g(m, 1) || g(m, 2)), 1),
  },
  {
    pattern:
      '(?:(?:negli|nelle)\\s+)?ultim[ie]\\s+(giorni|settimane|mesi|anni)|in\\s+questi\\s+(giorni|mesi)|(?:(?:in|over|during)\\s+)?(?:the\\s+)?(?:past|last)\\s+few\\s+(days|weeks|months|years)|in\\s+recent\\s+(days|weeks|months|years)',
    resolve: (m, today) => {
      const u = unit(g(m, 1) || g(m, 2) || g(m, 3) || g(m, 4));
      return lastUnits(today, u, FEW[u]);
    },
  },
  {
    pattern:
      '(?:(?:lo|il)\\s+)?scorso\\s+(?:fine\\s+settimana|weekend)|(?:(?:lo|il)\\s+)?(?:fine\\s+settimana|weekend)\\s+scorso|last\\s+weekend',
    resolve: (_, today) => weekendAgo(today, 1),
  },
  {
    pattern: '(?:questo\\s+(?:fine\\s+settimana|weekend)|this\\s+weekend)',
    resolve: (_, today) => weekendAgo(today, 0),
  },
  {
    pattern: `${WEEKDAY}\\s+${LAST_IT}|(?:(?:lo|la)\\s+)?scors[oa]\\s+${WEEKDAY}|(?:last|this\\s+past)\\s+${WEEKDAY}|on\\s+${WEEKDAY}`,
    resolve: (m, today) => {
      const day = g(m, 1) || g(m, 2) || g(m, 3);
      return day === ''
        ? lastWeekday(today, WEEKDAYS[g(m, 4)] ?? 1, true)
        : lastWeekday(today, WEEKDAYS[day] ?? 1, false);
    },
  },
  {
    pattern: `(?:quest'|questa\\s+|this\\s+)${SEASON}`,
    resolve: (m, today) => resolved(g(m, 1), today, 'started'),
  },
  {
    pattern: `(?:l'|la\\s+)?${SEASON}\\s+(?:scorsa|passata)|(?:la\\s+)?scorsa\\s+${SEASON}|last\\s+${SEASON}`,
    resolve: (m, today) => resolved(g(m, 1) || g(m, 2) || g(m, 3), today, 'ended'),
  },
  {
    pattern: `(?:lo\\s+)?scorso\\s+${MONTH}|${MONTH}\\s+scorso|(?:last|this\\s+past)\\s+${MONTH}`,
    resolve: (m, today) => resolved(g(m, 1) || g(m, 2) || g(m, 3), today, 'ended'),
  },
  {
    pattern: `(?:(?:negli|degli|gli)\\s+)?anni\\s+'?(\\d0|${alternation(Object.keys(DECADE_WORDS))})|(?:(?:in|during)\\s+)?the\\s+(?:(19|20)|')?(\\d0)s`,
    resolve: (m) => {
      const written = g(m, 1);
      const start = written !== '' ? (DECADE_WORDS[written] ?? decadeOf(written, '')) : decadeOf(g(m, 3), g(m, 2));
      return { from: `${start}-01-01`, to: `${start + 9}-12-31`, granularity: 'decade' };
    },
  },
];

/** "'90" → 1990, "10" → 2010; with a century ("19", "90") → 1990. */
function decadeOf(twoDigits: string, century: string): number {
  const n = Number(twoDigits);
  if (century !== '') return Number(century) * 100 + n;
  return n <= 20 ? 2000 + n : 1900 + n;
}

/** Ranges and open periods between two points ("tra marzo e maggio 2020", "dal 2019", "before 2020"). */
const BOUNDED: Rule[] = [
  {
    pattern: `(?:dal|tra\\s+il|fra\\s+il|from(?:\\s+the)?|between(?:\\s+the)?)\\s+${DAY}\\s+(?:al|e\\s+il|to(?:\\s+the)?|and(?:\\s+the)?|-)\\s+${DAY}(?:\\s+of)?\\s+${MONTH}${YEAR_TAIL}`,
    resolve: (m, today) => {
      const tail = `${g(m, 3)}${g(m, 4)}`;
      return range(`${g(m, 1)} ${tail}`, `${g(m, 2)} ${tail}`, today);
    },
  },
  ...[
    `(?:tra|fra)\\s+${ART}${MP}\\s+e\\s+${ART}${MP}`,
    `(?:da\\s+|dal\\s+|dalla\\s+|dallo\\s+|dall')${MP}\\s+(?:a\\s+|al\\s+|alla\\s+|allo\\s+|all'|ad\\s+|fino\\s+a(?:l|lla|ll')?\\s*)${MP}`,
    `between\\s+${MP}\\s+and\\s+(?:the\\s+)?${MP}`,
    `from\\s+${MP}\\s+(?:to|until|till|through)\\s+(?:the\\s+)?${MP}`,
    `${MP}\\s*[-–—]\\s*${MP}`,
  ].map((pattern) => ({ pattern, resolve: (m: string[], today: IsoDate) => range(g(m, 1), g(m, 2), today) })),
  {
    pattern: `(?:dal\\s+|dalla\\s+|dallo\\s+|dall'|da\\s+|a\\s+partire\\s+(?:dal\\s+|dalla\\s+|dall'|da\\s+)|since\\s+(?:the\\s+)?|from\\s+(?:the\\s+)?)${MP}`,
    resolve: (m, today) => {
      const span = resolved(g(m, 1), today, 'started');
      if (span?.from == null) return span;
      return { from: span.from, to: span.from <= today ? today : null, granularity: span.granularity };
    },
  },
  {
    pattern: `(?:dopo\\s+(?:il\\s+|la\\s+|lo\\s+|l')?|after\\s+(?:the\\s+)?)${MP}`,
    resolve: (m, today) => {
      const span = resolved(g(m, 1), today, 'ended');
      if (span?.to == null) return span;
      const from = addDays(span.to, 1);
      return { from, to: from <= today ? today : null, granularity: span.granularity };
    },
  },
  {
    pattern: `(?:prima\\s+(?:del\\s+|della\\s+|dello\\s+|dell'|di\\s+)|before\\s+(?:the\\s+)?)${MP}`,
    resolve: (m, today) => {
      const span = resolved(g(m, 1), today, 'started');
      return span?.from == null ? span : { from: null, to: addDays(span.from, -1), granularity: span.granularity };
    },
  },
  {
    pattern: `(?:fino\\s+(?:al\\s+|alla\\s+|allo\\s+|all'|a\\s+)|entro\\s+(?:il\\s+|la\\s+|l')?|until\\s+(?:the\\s+)?|till\\s+)${MP}`,
    resolve: (m, today) => {
      const span = resolved(g(m, 1), today, 'started');
      return span?.to == null ? span : { from: null, to: span.to, granularity: span.granularity };
    },
  },
];

/** From the start of the first point to the end of the second; a point without a year takes the other's. */
function range(first: string, second: string, today: IsoDate): Span | null | undefined {
  const a = point(first);
  const b = point(second);
  if (a === null || b === null) return undefined;
  const end = resolvePoint(b, today, 'started', a.year);
  if (end?.from == null) return null;
  const hint = b.year ?? Number(end.from.slice(0, 4));
  let start = resolvePoint(a, today, 'started', hint);
  if (start?.from != null && a.year === undefined && start.from > end.from)
    start = resolvePoint(a, today, 'started', hint - 1);
  if (start?.from == null) return null;
  return { from: start.from, to: end.to, granularity: start.granularity };
}

/** A single point, which needs a preposition when it is a bare month, season or year. */
const SINGLE: Rule = {
  pattern: `${LEAD}${MP}`,
  resolve: (m, today) => {
    const p = point(g(m, 2));
    if (p === null || (!isSelfStanding(p) && g(m, 1) === '')) return undefined;
    return resolvePoint(p, today, 'started');
  },
};

/** Every rule, in no particular order: the longest match in a question wins. */
export const RULES: Rule[] = [...RELATIVE, ...BOUNDED, SINGLE];
