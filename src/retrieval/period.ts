import { foldText } from '../text/analyze.js';

/** A period a question names: inclusive `YYYY-MM` bounds. */
export interface Period {
  from: string;
  to: string;
  label: string;
}

const MONTHS: Record<string, number> = {
  gennaio: 1,
  febbraio: 2,
  marzo: 3,
  aprile: 4,
  maggio: 5,
  giugno: 6,
  luglio: 7,
  agosto: 8,
  settembre: 9,
  ottobre: 10,
  novembre: 11,
  dicembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).join('|');
const MONTH_YEAR = new RegExp(`\\b(${MONTH_NAMES})\\s+(?:del\\s+|of\\s+)?((?:19|20)\\d{2})\\b`, 'u');
// A bare year counts only after a preposition ("nel 2025", "in 2025"), not as a number in a question.
const YEAR = /\b(?:nel|del|dal|entro il|in|during|since)\s+((?:19|20)\d{2})\b/u;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The period a question names ("a luglio 2025", "in July 2025", "nel 2025"), or null.
 * Relative dates ("ieri", "last week") are not handled.
 */
export function parsePeriod(question: string): Period | null {
  const text = foldText(question);
  const monthYear = MONTH_YEAR.exec(text);
  if (monthYear !== null) {
    const month = MONTHS[monthYear[1] ?? ''];
    const year = monthYear[2] ?? '';
    if (month !== undefined)
      return { from: `${year}-${pad(month)}`, to: `${year}-${pad(month)}`, label: `${year}-${pad(month)}` };
  }
  const year = YEAR.exec(text)?.[1];
  return year === undefined ? null : { from: `${year}-01`, to: `${year}-12`, label: year };
}

/** Whether an article date (`YYYY-MM` or `YYYY-MM-DD`) falls in the period; null when the date is unknown. */
export function isInPeriod(date: string | null, period: Period): boolean | null {
  if (date === null) return null;
  const month = date.slice(0, 7);
  return month >= period.from && month <= period.to;
}
