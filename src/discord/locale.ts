import type { Lang } from '../text/lang.js';

/**
 * The language hint passed to the answer service for a Discord locale (`it`, `en-US`, `en-GB`, …):
 * `it` for Italian locales, `en` for English ones, null for anything else (let the service detect).
 */
export function languageHintFromLocale(locale: string | null | undefined): Lang | null {
  if (locale?.startsWith('it')) return 'it';
  if (locale?.startsWith('en')) return 'en';
  return null;
}

/** The language the bot's own messages use for a Discord locale: Italian for `it*`, else English. */
export function uiLangFromLocale(locale: string | null | undefined): Lang {
  return locale?.startsWith('it') ? 'it' : 'en';
}
