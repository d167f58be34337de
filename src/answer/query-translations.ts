import type { Manifest } from '../index/manifest.js';
import type { QueryText } from '../retrieval/lexical-query.js';
import type { Lang } from '../text/lang.js';
import type { Translator } from '../translate/translator.js';
import type { Answer } from './answer.js';
import { roundTo } from '../util/round.js';

/** What retrieval gets from translating a question, and what it cost. */
export interface QueryTranslations {
  /** The question in the corpus language, searched lexically beside the question (shown in the answer). */
  lexical: Answer['translation'];
  /** The question in the language of the index's vectors, embedded instead of it (an index built through a translation). */
  denseQuery: string | null;
  extraQueries: QueryText[];
  timings: Record<string, number>;
}

/**
 * Translates `question` where the index needs it: into the corpus language for the lexical
 * channel, and into the language the passages were embedded in (`manifest.bridge`) for the dense
 * channel. A failed translation is left out (the question is searched as written).
 */
export async function translateForRetrieval(
  translator: Translator | null,
  question: string,
  language: Lang,
  manifest: Pick<Manifest, 'corpusLanguage' | 'bridge'>,
): Promise<QueryTranslations> {
  const timings: Record<string, number> = {};
  const lexical = await timed(translator, question, language, manifest.corpusLanguage);
  if (lexical !== null) timings.translate = lexical.ms;
  const bridgeLanguage = manifest.bridge?.language ?? language;
  // The lexical translation already is the dense one when both target the same language.
  const dense =
    bridgeLanguage === manifest.corpusLanguage ? lexical : await timed(translator, question, language, bridgeLanguage);
  if (dense !== null && dense !== lexical) timings.translateDense = dense.ms;
  return {
    lexical,
    denseQuery: dense?.query ?? null,
    extraQueries: lexical === null ? [] : [{ text: lexical.query, lang: manifest.corpusLanguage }],
    timings,
  };
}

async function timed(
  translator: Translator | null,
  text: string,
  from: Lang,
  to: Lang,
): Promise<Answer['translation']> {
  if (translator === null || from === to) return null;
  const start = performance.now();
  const query = await translator.translate(text, from, to);
  if (query === null || query.trim() === '') return null;
  return { engine: translator.engine, query, ms: roundTo(performance.now() - start, 2) };
}
