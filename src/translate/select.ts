import { t } from '../i18n/index.js';
import type { Lang } from '../text/lang.js';
import { createApertiumTranslator } from './apertium.js';
import { withCache } from './cached.js';
import { createLlmTranslator } from './llm-translator.js';
import type { CompleteChat } from './llm-translator.js';
import type { Translator } from './translator.js';
import type { Logger } from '../util/logger.js';

export type TranslationMode = 'auto' | 'apertium' | 'llm' | 'off';

export interface SelectTranslatorOptions {
  mode: TranslationMode;
  /** APy's base URL, or null when none is configured. */
  apertiumUrl: string | null;
  /** Limit for one Apertium translation, in ms. */
  apertiumTimeoutMs: number;
  /** The answer layer's LLM, or null when no LLM is configured. */
  llmComplete: CompleteChat | null;
  logger?: Logger;
  /** Translations kept in the LRU cache in front of the engine; 0 turns it off. Default 500. */
  cacheMax?: number;
}

/**
 * Why a translator was (or was not) chosen; worded by `wordTranslatorReason`. `apertium-down`:
 * QUERY_TRANSLATION=apertium keeps a translator that does not answer yet; the `auto-*` codes say
 * why Apertium was passed over (`url` null: APERTIUM_URL is not set).
 */
export type TranslatorReason =
  | { code: 'off' }
  | { code: 'llm' }
  | { code: 'llm-unconfigured' }
  | { code: 'apertium'; url: string }
  | { code: 'apertium-unset' }
  | { code: 'apertium-down'; url: string }
  | { code: 'auto-llm'; url: string | null }
  | { code: 'auto-none'; url: string | null };

/** The translator to use (null: search untranslated) and why. */
export interface TranslatorChoice {
  translator: Translator | null;
  reason: TranslatorReason;
}

/** Why the translator was chosen, as one sentence in `lang` (for /status and the start log). */
export function wordTranslatorReason(lang: Lang, reason: TranslatorReason): string {
  switch (reason.code) {
    case 'off':
      return t(lang, 'translate.off');
    case 'llm':
      return t(lang, 'translate.llm');
    case 'llm-unconfigured':
      return t(lang, 'translate.llm-unconfigured');
    case 'apertium':
      return t(lang, 'translate.apertium', { url: reason.url });
    case 'apertium-unset':
      return t(lang, 'translate.apertium-unset');
    case 'apertium-down':
      return t(lang, 'translate.apertium-down', { url: reason.url });
    case 'auto-llm':
      return reason.url === null
        ? t(lang, 'translate.auto-llm-unset')
        : t(lang, 'translate.auto-llm-down', { url: reason.url });
    case 'auto-none':
      return reason.url === null
        ? t(lang, 'translate.auto-none-unset')
        : t(lang, 'translate.auto-none-down', { url: reason.url });
  }
}

/**
 * Picks the query translator. `auto` prefers Apertium when `apertiumUrl` is set and a warm-up
 * translation works, then the LLM when `llmComplete` is given, else none. `apertium` keeps the
 * Apertium translator even when the server does not answer (each call then gives null until it
 * does) and says so in `why`. `off` gives none. Never throws unless `apertiumUrl` is not a URL.
 */
export async function selectTranslator(options: SelectTranslatorOptions): Promise<TranslatorChoice> {
  const cacheMax = options.cacheMax ?? 500;
  const cache = (translator: Translator): Translator =>
    cacheMax > 0 ? withCache(translator, { max: cacheMax }) : translator;
  const llm = (): Translator | null =>
    options.llmComplete === null
      ? null
      : createLlmTranslator({ complete: options.llmComplete, logger: options.logger });

  switch (options.mode) {
    case 'off':
      return { translator: null, reason: { code: 'off' } };
    case 'llm': {
      const translator = llm();
      if (translator === null) return { translator: null, reason: { code: 'llm-unconfigured' } };
      return { translator: cache(translator), reason: { code: 'llm' } };
    }
    case 'apertium': {
      if (options.apertiumUrl === null) return { translator: null, reason: { code: 'apertium-unset' } };
      const apertium = createApertiumTranslator({
        url: options.apertiumUrl,
        timeoutMs: options.apertiumTimeoutMs,
        logger: options.logger,
      });
      const url = options.apertiumUrl;
      const reason: TranslatorReason = (await apertium.warm())
        ? { code: 'apertium', url }
        : { code: 'apertium-down', url };
      return { translator: cache(apertium), reason };
    }
    case 'auto':
      return selectAuto(options, cache, llm());
  }
}

async function selectAuto(
  options: SelectTranslatorOptions,
  cache: (translator: Translator) => Translator,
  llm: Translator | null,
): Promise<TranslatorChoice> {
  if (options.apertiumUrl !== null) {
    const apertium = createApertiumTranslator({
      url: options.apertiumUrl,
      timeoutMs: options.apertiumTimeoutMs,
      logger: options.logger,
    });
    if (await apertium.warm()) {
      return { translator: cache(apertium), reason: { code: 'apertium', url: options.apertiumUrl } };
    }
  }
  const url = options.apertiumUrl;
  if (llm !== null) return { translator: cache(llm), reason: { code: 'auto-llm', url } };
  return { translator: null, reason: { code: 'auto-none', url } };
}
