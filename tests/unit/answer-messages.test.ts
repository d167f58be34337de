import { describe, expect, it } from 'vitest';
import { formatFallbackNote, formatNoAnswer, t } from '../../src/answer/messages.js';
import type { MessageKey } from '../../src/answer/messages.js';
import { LANGS } from '../../src/text/lang.js';

const KEYS: MessageKey[] = [
  'no-answer.not-covered',
  'no-answer.empty-question',
  'no-answer.no-index',
  'sources',
  'extractive.lead-in',
  'extractive.lead-in-other-lang',
  'extractive.lead-in-mixed',
  'fallback.llm-unavailable',
  'fallback.llm-uncited',
  'machine-translation',
];

describe('answer messages', () => {
  it('every parameterless key has a non-empty, distinct text in Italian and English', () => {
    for (const key of KEYS) {
      const [itText, enText] = LANGS.map((lang) => t(lang, key as Exclude<MessageKey, 'no-answer.question-too-long'>));
      expect(itText, key).not.toBe('');
      expect(enText, key).not.toBe('');
      if (key !== 'sources') expect(itText, key).not.toBe(enText);
    }
  });

  it('gives the agreed wording for the main messages', () => {
    expect(t('it', 'no-answer.not-covered')).toBe(
      'Non ho trovato nulla nei nostri articoli che risponda a questa domanda.',
    );
    expect(t('en', 'no-answer.not-covered')).toBe(
      "I couldn't find anything in our articles that answers this question.",
    );
    expect(t('it', 'sources')).toBe('Fonti');
    expect(t('en', 'sources')).toBe('Sources');
    expect(t('it', 'extractive.lead-in')).toBe('Ecco cosa dicono i nostri articoli:');
    expect(t('en', 'extractive.lead-in-other-lang')).toBe(
      'Here is what our (Italian) articles say — quotes are in Italian:',
    );
    expect(t('en', 'fallback.llm-unavailable')).toBe('Extractive answer: the language model was unavailable.');
    expect(t('it', 'fallback.llm-unavailable')).toBe(
      'Risposta estrattiva: il modello linguistico non era disponibile.',
    );
    expect(t('en', 'machine-translation')).toBe('machine translation');
  });

  it('fills the length limit, formatted for the language (10.000 / 10,000)', () => {
    expect(t('it', 'no-answer.question-too-long', { max: 10000 })).toBe(
      'La domanda è troppo lunga: al massimo 10.000 caratteri.',
    );
    expect(t('en', 'no-answer.question-too-long', { max: 10000 })).toBe(
      'The question is too long: 10,000 characters at most.',
    );
  });

  it('formatNoAnswer covers every reason; no-index mentions /reindex', () => {
    for (const lang of LANGS) {
      expect(formatNoAnswer(lang, { reason: 'not-covered' })).toBe(t(lang, 'no-answer.not-covered'));
      expect(formatNoAnswer(lang, { reason: 'empty-question' })).toBe(t(lang, 'no-answer.empty-question'));
      expect(formatNoAnswer(lang, { reason: 'no-index' })).toContain('/reindex');
      expect(formatNoAnswer(lang, { reason: 'question-too-long', maxChars: 50 })).toContain('50');
    }
  });

  it('formatFallbackNote picks the note for each reason', () => {
    expect(formatFallbackNote('en', 'llm-unavailable')).toBe(t('en', 'fallback.llm-unavailable'));
    expect(formatFallbackNote('it', 'llm-uncited')).toBe(t('it', 'fallback.llm-uncited'));
  });

  it('rejects unknown keys and missing parameters at compile time', () => {
    // @ts-expect-error: not a message key
    expect(() => t('en', 'no-such-key')).toThrow();
    // @ts-expect-error: the limit is required
    expect(t('en', 'no-answer.question-too-long')).toContain('{max}');
  });
});
