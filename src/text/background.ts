import { dictionary as english } from '@zxcvbn-ts/language-en';
import { dictionary as italian } from '@zxcvbn-ts/language-it';
import { foldText } from './analyze.js';

/**
 * Frequency-ranked word lists of general Italian and English (zxcvbn-ts's language packages:
 * subtitles and Wikipedia, most frequent first). They tell how common a word is in the language
 * at large, which a one-article or one-topic corpus cannot.
 */
const LISTS: readonly (readonly string[])[] = [
  italian.commonWords,
  italian.wikipedia,
  english['commonWords-en'],
  english['wikipedia-en'],
];

/**
 * Rank at which a word counts as fully rare. Past the first ~20,000 words of a language, the
 * lists hold names, inflections and rare words; a log scale would rate "durato" (rank ~9,000)
 * nearly as rare as "Lavrov" (absent), a linear one keeps them apart.
 */
const RARE_RANK = 20_000;

let rarity: Map<string, number> | null = null;

/** Rarity of each listed word (folded): (rank + 1) / RARE_RANK, capped at 1, the lowest over the lists. */
function loadRarity(): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of LISTS) {
    list.forEach((word, rank) => {
      const key = foldText(word);
      const value = Math.min(1, (rank + 1) / RARE_RANK);
      if (value < (out.get(key) ?? Infinity)) out.set(key, value);
    });
  }
  return out;
}

/**
 * How rare a word is in general Italian and English, from 0 (the commonest words) to 1 (not in
 * the lists: names, rare words, typos). The word is folded (lowercase, no accents) first.
 */
export function backgroundRarity(word: string): number {
  rarity ??= loadRarity();
  return Math.min(1, rarity.get(foldText(word)) ?? 1);
}
