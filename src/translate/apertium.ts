import { z } from 'zod';
import type { Lang } from '../text/lang.js';
import { fetchJson } from './http-json.js';
import {
  dropDoSupport,
  lowerInitialFunctionWord,
  matchInitialCase,
  repairPossessives,
  stripApertiumMarks,
} from './apertium-text.js';
import { DEFAULT_MAX_INPUT_CHARS, sanitizeText } from './sanitize.js';
import type { Translator } from './translator.js';
import { createWarnOnce } from './warn-once.js';
import type { Logger } from '../util/logger.js';

export interface ApertiumOptions {
  /** APy's base URL, e.g. `http://127.0.0.1:2737` (a path prefix is kept). */
  url: string;
  /** Limit for one translation, in ms, connection to last byte. */
  timeoutMs: number;
  /** Limit for `warm()`, in ms: a pair's first call starts its pipeline (~0.6 s). Default: max(timeoutMs, 10 000). */
  warmTimeoutMs?: number;
  /** Longer input is cut to this many code points. Default 2,000. */
  maxInputChars?: number;
  /** Each distinct failure cause is logged once at warn level. */
  logger?: Logger;
}

/** A Translator backed by Apertium's APy server, plus start-up checks. */
export interface ApertiumTranslator extends Translator {
  /** Translates a short phrase both ways so the first question does not pay the pipeline start; true if both worked. */
  warm(): Promise<boolean>;
  /** True when APy answers and has the four pairs the English↔Italian chains need. */
  available(): Promise<boolean>;
}

// No direct English↔Italian pair is packaged in Debian; Catalan is the pivot.
const CHAINS: Record<string, string> = { 'en>it': 'eng|cat|ita', 'it>en': 'ita|cat|eng' };
const NEEDED_PAIRS = ['eng-cat', 'cat-ita', 'ita-cat', 'cat-eng'];
const WARM_PHRASES: Record<Lang, string> = {
  en: 'What did the government announce?',
  it: 'Che cosa ha annunciato il governo?',
};

const translationSchema = z.object({
  responseStatus: z.number(),
  responseData: z.object({ translatedText: z.string().optional() }),
});
const pairsSchema = z.object({
  responseData: z.array(z.object({ sourceLanguage: z.string(), targetLanguage: z.string() })),
});

type Result<T> = { ok: true; value: T } | { ok: false; cause: string; detail: string };

/**
 * Creates a Translator that asks APy's `/translateChain` (English↔Italian via Catalan). The text
 * is sanitized and cut first and sent as a POST form body, so no URL-length limit applies and
 * questions stay out of access logs. `translate` never throws: unreachable, timeout, non-200,
 * non-JSON, odd JSON or empty output all give null, and each cause is logged once.
 * Throws TypeError only when `url` is not a URL.
 */
export function createApertiumTranslator(options: ApertiumOptions): ApertiumTranslator {
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  const maxChars = options.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS;
  const warmTimeoutMs = options.warmTimeoutMs ?? Math.max(options.timeoutMs, 10_000);
  const warnOnce = createWarnOnce(options.logger);
  const report = <T>(result: Result<T>): T | null => {
    if (result.ok) return result.value;
    const details = { engine: 'apertium', url: base.href, detail: result.detail };
    warnOnce(result.cause, details, 'Apertium query translation failed; searching untranslated');
    return null;
  };

  async function translateWithin(text: string, from: Lang, to: Lang, timeoutMs: number): Promise<string | null> {
    const clean = sanitizeText(text, maxChars);
    if (clean === '') return null;
    if (from === to) return clean;
    return report(await requestChain(base, clean, from, to, timeoutMs));
  }

  return {
    engine: 'apertium',
    translate: (text, from, to) => translateWithin(text, from, to, options.timeoutMs),
    async warm() {
      const results = await Promise.all([
        translateWithin(WARM_PHRASES.en, 'en', 'it', warmTimeoutMs),
        translateWithin(WARM_PHRASES.it, 'it', 'en', warmTimeoutMs),
      ]);
      return results.every((r) => r !== null);
    },
    async available() {
      return report(await checkPairs(base, options.timeoutMs)) !== null;
    },
  };
}

async function requestChain(base: URL, text: string, from: Lang, to: Lang, timeoutMs: number): Promise<Result<string>> {
  const langpairs = CHAINS[`${from}>${to}`];
  if (langpairs === undefined) return { ok: false, cause: 'unsupported-pair', detail: `${from}>${to}` };
  const question = from === 'en' ? dropDoSupport(text) : text;
  const body = new URLSearchParams({ langpairs, markUnknown: 'no', q: lowerInitialFunctionWord(question) });
  const outcome = await fetchJson(new URL('translateChain', base), { method: 'POST', body }, timeoutMs);
  if (!outcome.ok) return outcome;
  const parsed = translationSchema.safeParse(outcome.json);
  if (!parsed.success) return { ok: false, cause: 'bad-shape', detail: 'no responseData in the answer' };
  const { responseStatus, responseData } = parsed.data;
  if (responseStatus !== 200) return { ok: false, cause: `status-${responseStatus}`, detail: 'responseStatus' };
  const output = stripApertiumMarks(responseData.translatedText ?? '').trim();
  const translated = from === 'en' ? repairPossessives(output, text) : output;
  if (translated === '') return { ok: false, cause: 'empty', detail: 'empty translatedText' };
  return { ok: true, value: matchInitialCase(translated, text) };
}

async function checkPairs(base: URL, timeoutMs: number): Promise<Result<true>> {
  const outcome = await fetchJson(new URL('listPairs', base), { method: 'GET' }, timeoutMs);
  if (!outcome.ok) return outcome;
  const parsed = pairsSchema.safeParse(outcome.json);
  if (!parsed.success) return { ok: false, cause: 'bad-shape', detail: 'listPairs answer has no pair list' };
  const have = new Set(parsed.data.responseData.map((p) => `${p.sourceLanguage}-${p.targetLanguage}`));
  const missing = NEEDED_PAIRS.filter((p) => !have.has(p));
  if (missing.length > 0) return { ok: false, cause: 'missing-pairs', detail: `not installed: ${missing.join(', ')}` };
  return { ok: true, value: true };
}
