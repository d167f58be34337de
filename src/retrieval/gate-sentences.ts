import { analyze } from '../text/analyze.js';
import type { Lang } from '../text/lang.js';
import { collectTerms, type QueryText } from './lexical-query.js';
import type { ScoredPassage, SentenceMatch } from './types.js';

/** What the gate reads of the top passages' stored sentences (cosines to the question's vector). */
export interface SentenceSignals {
  /** Best cosine of a stored sentence of the top passages; 0 when they have none. */
  sentence: number;
  /**
   * Cosine of the top passages' sentence that holds most question words (by stem or prefix, in
   * the sentence as written or in its stored translation; ties: the closer sentence); 0 when
   * they have none.
   */
  wordiest: number;
}

/**
 * The sentence signals of `top` (the gate's passages) from `matches` (stored sentences with
 * their cosine; those of other passages are ignored). `translatedTo`: the language of the
 * matches' translations. Each query text is counted on its own, as the gate's coverage is.
 */
export function sentenceSignals(
  queryTexts: QueryText[],
  top: Pick<ScoredPassage, 'id' | 'text' | 'lang'>[],
  matches: readonly SentenceMatch[],
  translatedTo: Lang | null,
): SentenceSignals {
  const byId = new Map(top.map((p) => [p.id, p]));
  const terms = queryTexts.map((q) => collectTerms([q]));
  let sentence = 0;
  let wordiest = { held: -1, score: 0 };
  for (const match of matches) {
    const passage = byId.get(match.passageId);
    if (passage === undefined) continue;
    sentence = Math.max(sentence, match.score);
    const own = analyze(passage.text.slice(match.start, match.end), passage.lang);
    if (match.translation !== null && translatedTo !== null) own.push(...analyze(match.translation, translatedTo));
    const stems = new Set(own.map((t) => t.stem));
    const prefixes = new Set(own.map((t) => t.prefix));
    const held = Math.max(
      0,
      ...terms.map((ts) => ts.filter((t) => stems.has(t.stem) || prefixes.has(t.prefix)).length),
    );
    if (held > wordiest.held || (held === wordiest.held && match.score > wordiest.score))
      wordiest = { held, score: match.score };
  }
  return { sentence, wordiest: wordiest.score };
}

/** The sentence signal the gate weighs: the best sentence cosine, its gap over the best passage cosine, or the wordiest sentence's. */
export type SentenceSignalKind = 'best' | 'gap' | 'wordiest';

/** The value of signal `kind` for a question whose best passage cosine is `similarity`. */
export function sentenceSignal(kind: SentenceSignalKind, signals: SentenceSignals & { similarity: number }): number {
  if (kind === 'wordiest') return signals.wordiest;
  return kind === 'gap' ? signals.sentence - signals.similarity : signals.sentence;
}
