import { escapeMarkdown } from 'discord.js';
import { t } from '../i18n/index.js';
import type { Lang } from '../text/lang.js';
import { formatPublicationDate } from '../time/index.js';
import { redactUrls } from '../util/redact-url.js';
import { formatTimestamp } from './format-units.js';
import type { SourceFreshness } from './ports.js';

/** Sources listed one per line in /status; the rest are counted (a newsroom rarely has more). */
const MAX_LISTED = 15;

/** A source's name as shown: in a code span, credentials in URLs hidden. */
export const sourceLabel = (id: string): string => `\`${redactUrls(id).replace(/`/g, "'")}\``;

/** A pull error's code (`http-500`, `timeout`, `malformed-xml`…) in words, in `lang`; unknown codes are named. */
export function wordSourceError(code: string | null, lang: Lang): string {
  if (code === null) return t(lang, 'sources.error.unknown');
  const http = /^http-(\d{3})$/.exec(code);
  if (http !== null) return t(lang, 'sources.error.http', { status: http[1] ?? '' });
  switch (code) {
    case 'timeout':
    case 'too-large':
    case 'network':
    case 'malformed-xml':
    case 'malformed-json':
    case 'not-a-feed':
    case 'not-wordpress':
    case 'not-a-sitemap':
    case 'robots-unreachable':
    case 'robots-disallowed':
    case 'redirect-loop':
    case 'too-many-redirects':
    case 'host-not-allowed':
    case 'internal':
      return t(lang, `sources.error.${code}`);
    default:
      return t(lang, 'sources.error.other', { code: escapeMarkdown(code) });
  }
}

/**
 * The /status section on article sources, in `lang`: per source its last successful pull, its
 * newest article's date and its last error (worded from the code: no URL or server text). Empty
 * string when no source has been pulled yet.
 */
export function formatSourceFreshness(sources: readonly SourceFreshness[], lang: Lang): string {
  if (sources.length === 0) return '';
  const lines = [t(lang, 'sources.title')];
  for (const s of sources.slice(0, MAX_LISTED)) {
    const line = t(lang, 'sources.line', {
      source: sourceLabel(s.id),
      success: s.lastSuccessAt === null ? t(lang, 'sources.never') : formatTimestamp(s.lastSuccessAt, 'R'),
      newest:
        s.newestArticleDate === null ? t(lang, 'sources.no-date') : formatPublicationDate(s.newestArticleDate, lang),
    });
    lines.push(
      s.lastErrorAt === null
        ? `• ${line}`
        : `• ${t(lang, 'sources.line-error', { line, when: formatTimestamp(s.lastErrorAt, 'R'), error: wordSourceError(s.lastErrorCode, lang) })}`,
    );
  }
  if (sources.length > MAX_LISTED) lines.push(t(lang, 'sources.more', { n: sources.length - MAX_LISTED }));
  return lines.join('\n');
}
