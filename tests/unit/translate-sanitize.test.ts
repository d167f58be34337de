import { describe, expect, it } from 'vitest';
import {
  dropDoSupport,
  lowerInitialFunctionWord,
  matchInitialCase,
  repairPossessives,
  stripApertiumMarks,
} from '../../src/translate/apertium-text.js';
import { sanitizeText } from '../../src/translate/sanitize.js';

describe('sanitizeText', () => {
  it('turns NUL, C0 and C1 controls into single spaces but keeps tabs and newlines', () => {
    expect(sanitizeText('a\u0000b\u0001\u0002c\u007f\u009fd\te\nf')).toBe('a b c d\te\nf');
  });

  it('trims and collapses runs of spaces', () => {
    expect(sanitizeText('   who   won?  ')).toBe('who won?');
  });

  it('replaces lone surrogates but keeps real surrogate pairs (emoji)', () => {
    expect(sanitizeText('a\uD800b\uDC00c 😀')).toBe('a b c 😀');
  });

  it('cuts to maxChars code points, never inside an emoji', () => {
    expect(sanitizeText('😀😀😀', 2)).toBe('😀😀');
    expect(Array.from(sanitizeText('x'.repeat(10_000)))).toHaveLength(2000);
  });

  it('keeps accents and apostrophes as they are', () => {
    expect(sanitizeText("Perché l'università è chiusa?")).toBe("Perché l'università è chiusa?");
  });
});

describe('stripApertiumMarks', () => {
  it('removes *, # and @ marks at the start of words only', () => {
    expect(stripApertiumMarks('*Lavrov #proporre @foo 5*3 a*b')).toBe('Lavrov proporre foo 5*3 a*b');
  });

  it('removes doubled marks from a two-hop chain (**word, #*word)', () => {
    expect(stripApertiumMarks('**xyzzy #*hash')).toBe('xyzzy hash');
  });

  it('leaves a lone * or # that marks no word', () => {
    expect(stripApertiumMarks('a * b # c')).toBe('a * b # c');
  });
});

describe('lowerInitialFunctionWord / matchInitialCase', () => {
  it('lower-cases a sentence-initial question word (When…, Quando…) so the Catalan pivot translates it', () => {
    expect(lowerInitialFunctionWord('When did it begin?')).toBe('when did it begin?');
    expect(lowerInitialFunctionWord('Perché è chiusa?')).toBe('perché è chiusa?');
  });

  it('leaves names and other first words alone (Lavrov, ABC, Rome)', () => {
    for (const text of ['Lavrov proposed what?', 'ABC news sold what?', 'Rome is where?', 'Whenever?', '']) {
      expect(lowerInitialFunctionWord(text)).toBe(text);
    }
  });

  it('restores an initial capital only when the source had one', () => {
    expect(matchInitialCase('quando iniziò?', 'When did it begin?')).toBe('Quando iniziò?');
    expect(matchInitialCase('quando iniziò?', 'when did it begin?')).toBe('quando iniziò?');
    expect(matchInitialCase('¿x', '5 things')).toBe('¿x');
  });
});

describe('dropDoSupport', () => {
  it.each([
    ['What new concept did Lavrov propose?', 'What new concept Lavrov propose?'],
    ['How long did Phillips manage the Apollo missions?', 'How long Phillips manage the Apollo missions?'],
    [
      'In the 1965-66 season, what place did ABC find itself in?',
      'In the 1965-66 season, what place ABC find itself in?',
    ],
    ['In which year does the festival start?', 'In which year the festival start?'],
    ['What do they do?', 'What they do?'],
  ])('drops the auxiliary of %j', (question, expected) => {
    expect(dropDoSupport(question)).toBe(expected);
  });

  it.each([
    'Did Rubio meet Lavrov?',
    'Why did not the talks go on?',
    'The man who did the work left. Why?',
    'The man who did the work left.',
    'Rubio did meet Lavrov, what else?',
  ])('leaves %j as it is', (text) => {
    expect(dropDoSupport(text)).toBe(text);
  });
});

describe('repairPossessives', () => {
  it('puts back a name Apertium fused with the possessive, and only such a name', () => {
    expect(repairPossessives('Quello che era Ryabkovha commenti?', "What were Ryabkov's remarks?")).toBe(
      'Quello che era Ryabkov commenti?',
    );
    expect(repairPossessives('sopra Lavrovha idea e Nassau-Saarbrückenha', 'Lavrov’s idea, Nassau-Saarbrücken’s')).toBe(
      'sopra Lavrov idea e Nassau-Saarbrücken',
    );
    // A name it knows comes back as "di X"; a word ending in "ha" that no possessive made is kept.
    expect(repairPossessives('il sindaco di Modena ha detto', "Modena's mayor said")).toBe(
      'il sindaco di Modena ha detto',
    );
    expect(repairPossessives('Lavrovha detto', 'Lavrov said')).toBe('Lavrovha detto');
  });
});
