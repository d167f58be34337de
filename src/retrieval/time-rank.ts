import { daysBetween, type IsoDate, type Period } from '../time/index.js';
import type { ArticleGroup } from './types.js';

/**
 * Whether an article date (`YYYY-MM` or `YYYY-MM-DD`) lies in the period (a month-only date
 * counts when its month overlaps); null when the date is unknown.
 */
export function publishedWithin(date: string | null, period: Pick<Period, 'from' | 'to'>): boolean | null {
  if (date === null) return null;
  const first = date.length === 7 ? `${date}-01` : date;
  const last = date.length === 7 ? `${date}-31` : date;
  return (period.from === null || last >= period.from) && (period.to === null || first <= period.to);
}

/**
 * For "latest" questions: the articles scoring at least `share` × the best one's score, and (with
 * `story`) covering the question's weighted words at least `story.share` × as well as the best
 * covering article does, are the relevant ones and come first, newest first (undated last); the
 * others follow by score, and so do articles dated after `today` (a clock set in the past: they
 * do not exist yet). The coverage test keeps a newer report on a neighbouring subject (another
 * theft, for "the rifle stolen from a car") from passing as the story's latest.
 */
export function orderNewestFirst(
  groups: ArticleGroup[],
  share: number,
  today: IsoDate,
  story?: { coverage: (g: ArticleGroup) => number; share: number },
): ArticleGroup[] {
  const best = groups[0]?.score ?? 0;
  const coverage = new Map(groups.map((g) => [g, story?.coverage(g) ?? 1]));
  const bestCoverage = Math.max(0, ...coverage.values());
  const dateOf = (g: ArticleGroup) => g.passages[0]?.date ?? '';
  const isRelevant = (g: ArticleGroup) =>
    g.score >= share * best &&
    (coverage.get(g) ?? 0) >= (story?.share ?? 0) * bestCoverage &&
    dateOf(g).slice(0, 10) <= today;
  const relevant = groups.filter(isRelevant);
  const others = groups.filter((g) => !isRelevant(g));
  relevant.sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || b.score - a.score);
  return [...relevant, ...others];
}

/**
 * The mild recency prior for questions without time words: 1 + weight / (1 + age in years),
 * so today's article gets + weight and a year-old one half of it; undated articles get 1.
 * Articles dated after today (a clock set in the past) count as today's.
 */
export function recencyFactor(date: string | null, today: IsoDate, weight: number): number {
  if (date === null || weight <= 0) return 1;
  const day = date.length === 7 ? `${date}-15` : date;
  const age = Math.max(0, daysBetween(day, today));
  return 1 + weight / (1 + age / 365);
}
