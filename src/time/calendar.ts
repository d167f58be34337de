/** A calendar date as `YYYY-MM-DD` (no time zone: publication dates are calendar days). */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO date of year / month (1–12) / day; months and days out of range roll over like `Date.UTC`. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Year, month (1–12) and day of an ISO date; throws on anything else. */
export function partsOf(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO.exec(date);
  if (m === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Whether `date` is a real `YYYY-MM-DD` calendar date (no 31 April). */
export function isValidIsoDate(date: string): boolean {
  if (!ISO.test(date)) return false;
  const { year, month, day } = partsOf(date);
  return isoDate(year, month, day) === date;
}

/** `date` moved by `days` (negative: back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = partsOf(date);
  return isoDate(year, month, day + days);
}

/** The last day of a month. */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month + 1, 0);
}

/** Day of the week, 1 = Monday … 7 = Sunday (ISO). */
export function weekday(date: IsoDate): number {
  const { year, month, day } = partsOf(date);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / DAY_MS);
}

/** The calendar date of a moment, in UTC. */
export function isoDateOf(moment: Date): IsoDate {
  return isoDate(moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate());
}
