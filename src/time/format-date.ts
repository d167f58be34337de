import type { Lang } from '../text/lang.js';
import { daysBetween, isValidIsoDate, type IsoDate } from './calendar.js';

const LOCALES: Readonly<Record<Lang, string>> = { it: 'it-IT', en: 'en-US' };
const PARTIAL = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * An article date (`YYYY-MM` or `YYYY-MM-DD`, the source's own precision) written out in
 * `lang`: "12 marzo 2020" / "March 12, 2020", "marzo 2020" / "March 2020". Anything else is
 * returned unchanged.
 */
export function formatPublicationDate(date: string, lang: Lang): string {
  const m = PARTIAL.exec(date);
  if (m === null) return date;
  const [, year, month, day] = m;
  const at = new Date(Date.UTC(Number(year), Number(month) - 1, day === undefined ? 1 : Number(day)));
  if (Number.isNaN(at.getTime())) return date;
  const options: Intl.DateTimeFormatOptions =
    day === undefined
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(at);
}

/**
 * How long before `today` an article date lies, in `lang` ("3 anni fa" / "3 years ago", "2
 * mesi fa", "5 giorni fa"); null when it is today, later, or not a date. A month-only date
 * counts from the middle of its month.
 */
export function formatAge(date: string, today: IsoDate, lang: Lang): string | null {
  const day = date.length === 7 ? `${date}-15` : date;
  if (!isValidIsoDate(day) || !isValidIsoDate(today)) return null;
  const days = daysBetween(day, today);
  if (days < 1 || (date.length === 7 && days < 31)) return null;
  const format = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'always' });
  if (days < 31) return format.format(-days, 'day');
  if (days < 365) return format.format(-Math.max(1, Math.floor(days / 30.44)), 'month');
  return format.format(-Math.floor(days / 365.25), 'year');
}
