import { createApertiumTranslator } from './apertium.js';
import { withCache } from './cached.js';
import { createLlmTranslator } from './llm-translator.js';
import type { CompleteChat } from './llm-translator.js';
import type { Translator } from './translator.js';
import type { WarnLogger } from './warn-once.js';

export type TranslationMode = 'auto' | 'apertium' | 'llm' | 'off';

export interface SelectTranslatorOptions {
  mode: TranslationMode;
  /** APy's base URL, or null when none is configured. */
  apertiumUrl: string | null;
  /** Limit for one Apertium translation, in ms. */
  apertiumTimeoutMs: number;
  /** The answer layer's LLM, or null when no LLM is configured. */
  llmComplete: CompleteChat | null;
  logger?: WarnLogger;
  /** Translations kept in the LRU cache in front of the engine; 0 turns it off. Default 500. */
  cacheMax?: number;
}

/** The translator to use (null: search untranslated) and a sentence saying why, for one log line. */
export interface TranslatorChoice {
  translator: Translator | null;
  why: string;
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
      return { translator: null, why: 'query translation is off (QUERY_TRANSLATION=off)' };
    case 'llm': {
      const translator = llm();
      if (translator === null)
        return {
          translator: null,
          why: 'QUERY_TRANSLATION=llm but no LLM is configured; questions are searched untranslated',
        };
      return { translator: cache(translator), why: 'translating questions with the LLM (QUERY_TRANSLATION=llm)' };
    }
    case 'apertium': {
      if (options.apertiumUrl === null) {
        return {
          translator: null,
          why: 'QUERY_TRANSLATION=apertium but APERTIUM_URL is not set; questions are searched untranslated',
        };
      }
      const apertium = createApertiumTranslator({
        url: options.apertiumUrl,
        timeoutMs: options.apertiumTimeoutMs,
        logger: options.logger,
      });
      const why = (await apertium.warm())
        ? `translating questions with Apertium at ${options.apertiumUrl}`
        : `Apertium at ${options.apertiumUrl} is unreachable or failing; questions are searched untranslated until it answers`;
      return { translator: cache(apertium), why };
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
  let apertiumNote = 'APERTIUM_URL is not set';
  if (options.apertiumUrl !== null) {
    const apertium = createApertiumTranslator({
      url: options.apertiumUrl,
      timeoutMs: options.apertiumTimeoutMs,
      logger: options.logger,
    });
    if (await apertium.warm()) {
      return { translator: cache(apertium), why: `translating questions with Apertium at ${options.apertiumUrl}` };
    }
    apertiumNote = `Apertium at ${options.apertiumUrl} did not answer`;
  }
  if (llm !== null) return { translator: cache(llm), why: `${apertiumNote}; translating questions with the LLM` };
  return { translator: null, why: `${apertiumNote} and no LLM is configured; questions are searched untranslated` };
}
