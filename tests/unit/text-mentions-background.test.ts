import { describe, expect, it } from 'vitest';
import { inverseFrequencies, termWeight } from '../../src/retrieval/coverage.js';
import { analyze } from '../../src/text/analyze.js';
import { backgroundRarity } from '../../src/text/background.js';
import { stripDiscordTokens } from '../../src/text/mentions.js';

describe('stripDiscordTokens', () => {
  it.each([
    ['@everyone quanto è durato il colloquio?', 'quanto è durato il colloquio?'],
    ['<@123456789012345678> dove? <@!42> <@&7> <#99>', 'dove?'],
    ['@\u200beveryone @here what did Rubio say?', 'what did Rubio say?'],
    ['<:smile:123> <a:wave:456> @Maria.R ciao', 'ciao'],
  ])('%j → %j', (input, output) => expect(stripDiscordTokens(input)).toBe(output));

  it('keeps e-mail addresses and text without tokens as written', () => {
    expect(stripDiscordTokens('scrivi a redazione@example.org')).toBe('scrivi a redazione@example.org');
    expect(stripDiscordTokens('  Chi  ha vinto? ')).toBe('Chi ha vinto?');
  });
});

describe('background rarity (zxcvbn-ts Italian and English word lists)', () => {
  it('rates common words low, names and rare words high, in either language', () => {
    expect(backgroundRarity('dove')).toBeLessThan(0.5);
    expect(backgroundRarity('everyone')).toBeLessThan(0.6);
    expect(backgroundRarity('Lavrov')).toBe(1);
    expect(backgroundRarity('durato')).toBeLessThan(backgroundRarity('Lavrov'));
    expect(backgroundRarity('È')).toBe(backgroundRarity('e'));
  });

  it('mixes into the gate weights: in a one-article corpus the names outweigh a common verb', () => {
    const terms = analyze('Quanto è durato il colloquio tra Rubio e Lavrov?', 'it');
    const words = terms.map((t) => t.word);
    // Every term occurs in the only passage but "durato": the corpus idf alone makes it the heaviest.
    const stats = { passages: 1, docs: words.map((w) => (w === 'durato' ? 0 : 1)) };
    const idf = inverseFrequencies(stats, terms.length);
    const weights = (mix: number) => idf.map((x, i) => termWeight(backgroundRarity(words[i] ?? ''), x, mix));
    const own = weights(0);
    const mixed = weights(0.75);
    const weightOf = (weights: number[], word: string) => weights[words.indexOf(word)] ?? NaN;
    expect(weightOf(own, 'durato')).toBeGreaterThan(weightOf(own, 'lavrov'));
    expect(weightOf(mixed, 'lavrov')).toBeGreaterThan(weightOf(mixed, 'durato'));
    expect(mixed.every((w) => w >= 0 && w <= 1)).toBe(true);
  });
});
