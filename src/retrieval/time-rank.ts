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
 * For "latest" questions: the relevant articles come first, newest first (undated last); the
 * others follow by score, and so do articles dated after `today` (a clock set in the past: they
 * do not exist yet). An article is relevant when it scores at least `share` × the best one
 * published by today and is not in `offStory` (articles that would go before the best one but
 * tell another story: `offStoryArticles`), so a newer report of another theft does not win.
 */
export function orderNewestFirst(
  groups: ArticleGroup[],
  share: number,
  today: IsoDate,
  offStory: ReadonlySet<string> = new Set(),
): ArticleGroup[] {
  // The best article published by today sets the bar: one dated after it does not exist yet.
  const best = groups.find((g) => publishedBy(g, today))?.score ?? 0;
  const dateOf = (g: ArticleGroup) => g.passages[0]?.date ?? '';
  const isRelevant = (g: ArticleGroup) =>
    g.score >= share * best && !offStory.has(g.articleId) && publishedBy(g, today);
  const relevant = groups.filter(isRelevant);
  const others = groups.filter((g) => !isRelevant(g));
  relevant.sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || b.score - a.score);
  return [...relevant, ...others];
}

/** Whether the group's article was published by `today` (undated articles count as published). */
export function publishedBy(group: Pick<ArticleGroup, 'passages'>, today: IsoDate): boolean {
  return (group.passages[0]?.date ?? '').slice(0, 10) <= today;
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
