import type { Lang } from '../text/lang.js';

const LOCALES: Readonly<Record<Lang, string>> = { it: 'it-IT', en: 'en-GB' };

/** A count with the language's digit grouping (`12.345` / `12,345`). */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

/**
 * A duration in milliseconds as short text: `850 ms`, `12.3 s` (`12,3 s` in Italian),
 * `4 min 5 s`, `2 h 3 min`, `3 d 4 h`. Negative durations count as 0.
 */
export function formatDuration(ms: number, lang: Lang): string {
  const safe = Math.max(0, ms);
  if (safe < 1000) return `${Math.round(safe)} ms`;
  if (safe < 60_000) {
    return `${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(safe / 1000)} s`;
  }
  const totalSeconds = Math.floor(safe / 1000);
  const [d, h, m, s] = [
    Math.floor(totalSeconds / 86_400),
    Math.floor(totalSeconds / 3600) % 24,
    Math.floor(totalSeconds / 60) % 60,
    totalSeconds % 60,
  ];
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return `${m} min ${s} s`;
}

/**
 * Discord timestamp markup (`<t:unix:f>`) for an ISO date or Date, which each reader's client
 * shows in their own time zone and language; unparseable input is returned as text.
 */
export function formatTimestamp(at: string | Date, style: 'f' | 'R' | 'T' = 'f'): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) return String(at);
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}
