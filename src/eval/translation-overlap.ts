import { extractTerms } from '../answer/terms.js';
import type { Translator } from '../translate/translator.js';
import { roundTo } from '../util/round.js';
import type { EvalQuestion } from './dataset.js';

/** F1 of the content terms (stems, stopwords out) of `got` against those of `reference`, both Italian; null when the reference has none. */
export function termF1(reference: string, got: string): number | null {
  const ref = extractTerms(reference, 'it');
  if (ref.size === 0) return null;
  const out = extractTerms(got, 'it');
  const shared = [...ref].filter((term) => out.has(term)).length;
  return (2 * shared) / (ref.size + out.size);
}

export interface TranslationCheck {
  questions: number;
  /** Questions the translator gave nothing for (they count as F1 0). */
  failed: number;
  /** Mean content-term F1 of the English questions' translations against the dataset's Italian ones. */
  meanTermF1: number;
}

/** Translated at once: APy serves several requests in parallel. */
const CONCURRENCY = 8;

/**
 * Translates each question's English original into Italian with `translator` (as a question is
 * translated for retrieval) and scores it against the dataset's Italian question (termF1).
 * Questions whose Italian has no content term are left out. Never throws what the translator does not.
 */
export async function checkTranslations(
  translator: Translator,
  questions: readonly EvalQuestion[],
): Promise<TranslationCheck> {
  let sum = 0;
  let counted = 0;
  let failed = 0;
  for (let i = 0; i < questions.length; i += CONCURRENCY) {
    const batch = questions.slice(i, i + CONCURRENCY);
    const translated = await Promise.all(batch.map((q) => translator.translate(q.question_en, 'en', 'it')));
    batch.forEach((q, j) => {
      const got = translated[j] ?? null;
      const f1 = termF1(q.question_it, got ?? '');
      if (f1 === null) return;
      if (got === null) failed += 1;
      sum += f1;
      counted += 1;
    });
  }
  return { questions: counted, failed, meanTermF1: roundTo(sum / Math.max(counted, 1), 4) };
}
