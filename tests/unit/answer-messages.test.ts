import { describe, expect, it } from 'vitest';
import { formatFallbackNote, formatNoAnswer } from '../../src/answer/messages.js';
import { t } from '../../src/i18n/index.js';
import { LANGS } from '../../src/text/lang.js';

describe('answer messages', () => {
  it('formatNoAnswer covers every reason; no-index mentions /reindex', () => {
    for (const lang of LANGS) {
      expect(formatNoAnswer(lang, { reason: 'not-covered' })).toBe(t(lang, 'answer.no-answer.not-covered'));
      expect(formatNoAnswer(lang, { reason: 'empty-question' })).toBe(t(lang, 'answer.no-answer.empty-question'));
      expect(formatNoAnswer(lang, { reason: 'no-index' })).toContain('/reindex');
      expect(formatNoAnswer(lang, { reason: 'question-too-long', maxChars: 50 })).toContain('50');
    }
  });

  it('formatFallbackNote picks the note for each reason', () => {
    expect(formatFallbackNote('en', 'llm-unavailable')).toBe(t('en', 'answer.fallback.llm-unavailable'));
    expect(formatFallbackNote('it', 'llm-uncited')).toBe(t('it', 'answer.fallback.llm-uncited'));
  });
});
