import { describe, expect, it } from 'vitest';
import { AREAS, defineArea, findAreaProblems, t } from '../../src/i18n/index.js';
import type { AreaTexts } from '../../src/i18n/define-area.js';
import { LANGS } from '../../src/text/lang.js';

describe('text catalogue', () => {
  it('every area has every key in Italian and English, non-empty, with the same placeholders', () => {
    for (const [name, area] of Object.entries(AREAS)) expect(findAreaProblems(area), name).toEqual([]);
  });

  it('finds a key that lacks a language, an empty text and placeholders that differ', () => {
    const it: AreaTexts = { a: 'uno', b: 'due {n}', c: 'tre', d: ' ' };
    const en: AreaTexts = { a: 'one', b: 'two {count}', c: 'three', d: 'four', e: 'five' };
    expect(findAreaProblems({ it, en })).toEqual([
      'b: placeholders differ ({n} / {count})',
      'd: empty it text',
      'e: no it text',
    ]);
    expect(findAreaProblems({ it: { a: 'uno' }, en: {} })).toEqual(['a: no en text']);
  });

  it('refuses an incomplete area at compile time and when it loads', () => {
    // @ts-expect-error: the English texts lack a key
    expect(() => defineArea({ it: { a: 'uno', b: 'due' }, en: { a: 'one' } })).toThrow(/b: no en text/);
    // @ts-expect-error: the English text has another placeholder
    expect(() => defineArea({ it: { a: 'uno {n}' }, en: { a: 'one {m}' } })).toThrow(/placeholders differ/);
    // @ts-expect-error: the English texts have a key the Italian ones lack
    expect(() => defineArea({ it: { a: 'uno' }, en: { a: 'one', b: 'two' } })).toThrow(/b: no it text/);
    expect(defineArea({ it: { a: 'uno {n}' }, en: { a: 'one {n}' } }).en.a).toBe('one {n}');
  });

  it('words a key in each language: Italian and English texts differ', () => {
    expect(t('it', 'answer.sources')).toBe('Fonti');
    expect(t('en', 'answer.sources')).toBe('Sources');
    expect(t('it', 'discord.apology')).toBe('Mi dispiace, qualcosa è andato storto. Riprova tra poco.');
    for (const lang of LANGS) expect(t(lang, 'discord.help')).toContain(lang === 'it' ? '/chiedi' : '/ask');
  });

  it('fills placeholders, numbers formatted for the language (10.000 / 10,000)', () => {
    expect(t('it', 'answer.no-answer.question-too-long', { max: 10000 })).toBe(
      'La domanda è troppo lunga: al massimo 10.000 caratteri.',
    );
    expect(t('en', 'answer.no-answer.question-too-long', { max: 10000 })).toBe(
      'The question is too long: 10,000 characters at most.',
    );
  });

  it('rejects unknown keys and missing values at compile time', () => {
    // @ts-expect-error: not a key of the catalogue
    expect(() => t('en', 'answer.no-such-key')).toThrow(/no text "answer.no-such-key"/);
    // @ts-expect-error: the limit is required
    expect(t('en', 'answer.no-answer.question-too-long')).toContain('{max}');
    // @ts-expect-error: the placeholder is `max`, not `limit`
    expect(t('en', 'answer.no-answer.question-too-long', { limit: 5 })).toContain('{max}');
  });
});
