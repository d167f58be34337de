import { t } from '../i18n/index.js';
import type { Lang } from '../text/lang.js';
import { formatAge, formatPublicationDate, type IsoDate } from '../time/index.js';
import type { Citation } from './answer.js';

/**
 * A source's dates as a reader sees them, in `lang`: its publication date, how long ago that
 * was when `today` is known ("12 marzo 2020 (3 anni fa)"), and its update date when it has one
 * ("aggiornato il 2 maggio 2021"). Null when the source has no date at all.
 */
export function describeSourceDates(
  citation: Pick<Citation, 'date' | 'updated'>,
  lang: Lang,
  today?: IsoDate,
): string | null {
  const parts: string[] = [];
  if (citation.date !== null) {
    const date = formatPublicationDate(citation.date, lang);
    const age = today === undefined ? null : formatAge(citation.date, today, lang);
    parts.push(age === null ? date : t(lang, 'answer.source.published-age', { date, age }));
  }
  const updated = citation.updated ?? null;
  if (updated !== null && updated !== citation.date)
    parts.push(t(lang, 'answer.source.updated', { date: formatPublicationDate(updated, lang) }));
  return parts.length === 0 ? null : parts.join(', ');
}
