import type { Config } from '../../src/config.js';
import type { Lang } from '../../src/text/lang.js';
import { createApertiumTranslator } from '../../src/translate/apertium.js';
import type { Translator } from '../../src/translate/translator.js';
import type { EvalQuestion } from '../../src/eval/dataset.js';
import { summarize } from './stats.js';
import type { TranslationResult } from './types.js';

/**
 * Warm query-translation latency through Apertium APy (APERTIUM_URL), Italian→English over the
 * Italian questions and English→Italian over the English ones. Returns the reason instead when
 * APERTIUM_URL is unset or APy does not answer with the needed pairs. Never throws for APy failures.
 */
export async function benchTranslation(
  config: Config,
  questions: EvalQuestion[],
): Promise<TranslationResult | { skipped: string }> {
  const url = config.APERTIUM_URL;
  if (url === null) return { skipped: 'APERTIUM_URL is not set: no translation latency' };
  const translator = createApertiumTranslator({ url, timeoutMs: config.APERTIUM_TIMEOUT_MS });
  if (!(await translator.available()))
    return { skipped: `Apertium at ${url} does not answer or lacks the eng-cat/cat-ita pairs` };
  if (!(await translator.warm())) return { skipped: `Apertium at ${url} failed its warm-up translations` };
  const itToEn = await timeTranslations(
    translator,
    questions.map((q) => q.question_it),
    'it',
    'en',
  );
  const enToIt = await timeTranslations(
    translator,
    questions.map((q) => q.question_en),
    'en',
    'it',
  );
  return {
    url,
    itToEn: summarize(itToEn.ms),
    enToIt: summarize(enToIt.ms),
    failures: itToEn.failures + enToIt.failures,
  };
}

async function timeTranslations(
  translator: Translator,
  texts: string[],
  from: Lang,
  to: Lang,
): Promise<{ ms: number[]; failures: number }> {
  const ms: number[] = [];
  let failures = 0;
  for (const text of texts) {
    const start = performance.now();
    const out = await translator.translate(text, from, to);
    ms.push(performance.now() - start);
    if (out === null) failures++;
  }
  return { ms, failures };
}
