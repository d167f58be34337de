import { addDays, isoDate, lastDayOfMonth, partsOf, weekday, type IsoDate } from './calendar.js';
import type { Span } from './period.js';

/** A calendar unit counted back from today. */
export type Unit = 'day' | 'week' | 'month' | 'year';

/** The whole day, week (Monday–Sunday), month or year `back` units before the one today is in. */
export function unitAgo(today: IsoDate, unit: Unit, back: number): Span {
  const { year, month } = partsOf(today);
  switch (unit) {
    case 'day': {
      const d = addDays(today, -back);
      return { from: d, to: d, granularity: 'day' };
    }
    case 'week': {
      const monday = addDays(today, 1 - weekday(today) - 7 * back);
      return { from: monday, to: addDays(monday, 6), granularity: 'week' };
    }
    case 'month': {
      const first = isoDate(year, month - back, 1);
      const p = partsOf(first);
      return { from: first, to: lastDayOfMonth(p.year, p.month), granularity: 'month' };
    }
    case 'year':
      return { from: isoDate(year - back, 1, 1), to: isoDate(year - back, 12, 31), granularity: 'year' };
  }
}

/** The last `n` units up to today, today included ("negli ultimi 7 giorni": today and the 6 days before). */
export function lastUnits(today: IsoDate, unit: Unit, n: number): Span {
  const { year, month, day } = partsOf(today);
  const from =
    unit === 'day'
      ? addDays(today, 1 - n)
      : unit === 'week'
        ? addDays(today, 1 - 7 * n)
        : unit === 'month'
          ? isoDate(year, month - n, day + 1)
          : isoDate(year - n, month, day + 1);
  return { from, to: today, granularity: unit === 'week' ? 'day' : unit };
}

/** The latest `weekdayNumber` (1 = Monday) before today, or up to today when `includeToday`. */
export function lastWeekday(today: IsoDate, weekdayNumber: number, includeToday: boolean): Span {
  let back = (weekday(today) - weekdayNumber + 7) % 7;
  if (back === 0 && !includeToday) back = 7;
  const d = addDays(today, -back);
  return { from: d, to: d, granularity: 'day' };
}

/** Saturday and Sunday of the week `back` weeks before today's. */
export function weekendAgo(today: IsoDate, back: number): Span {
  const week = unitAgo(today, 'week', back);
  return { from: addDays(week.from ?? today, 5), to: week.to, granularity: 'day' };
}
