import { analyze } from '../text/analyze.js';
import type { Lang } from '../text/lang.js';
import { collectTerms, termHolder, type QueryText } from './lexical-query.js';
import type { ScoredPassage, SentenceMatch, SentenceSignalKind, SentenceSignals } from './types.js';

export type { SentenceSignalKind, SentenceSignals } from './types.js';

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
    const holds = termHolder(own);
    const held = Math.max(0, ...terms.map((ts) => ts.filter(holds).length));
    if (held > wordiest.held || (held === wordiest.held && match.score > wordiest.score))
      wordiest = { held, score: match.score };
  }
  return { sentence, wordiest: wordiest.score };
}

/** The value of signal `kind` for a question whose best passage cosine is `similarity`. */
export function sentenceSignal(kind: SentenceSignalKind, signals: SentenceSignals & { similarity: number }): number {
  if (kind === 'wordiest') return signals.wordiest;
  return kind === 'gap' ? signals.sentence - signals.similarity : signals.sentence;
}
