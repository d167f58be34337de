import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { AnswerMemory } from '../../src/discord/answer-memory.js';
import { buildFeedbackComponents, feedbackCustomId, parseFeedbackCustomId } from '../../src/discord/feedback.js';
import { languageHintFromLocale, uiLangFromLocale } from '../../src/discord/locale.js';
import { mentionsUser, stripMention } from '../../src/discord/mention.js';

describe('locale', () => {
  it('it* → it, en* → en, anything else → null hint and English UI', () => {
    expect(['it', 'en-US', 'en-GB', 'fr', 'pt-BR', null].map(languageHintFromLocale)).toEqual([
      'it',
      'en',
      'en',
      null,
      null,
      null,
    ]);
    expect(['it', 'en-US', 'fr', undefined].map(uiLangFromLocale)).toEqual(['it', 'en', 'en', 'en']);
  });
});

describe('mentions', () => {
  it('recognises <@id> and <@!id> but not another user or @everyone', () => {
    expect(mentionsUser('<@42> hi', '42')).toBe(true);
    expect(mentionsUser('hi <@!42>', '42')).toBe(true);
    expect(mentionsUser('<@421> hi', '42')).toBe(false);
    expect(mentionsUser('@everyone hi', '42')).toBe(false);
  });

  it('strips every bot mention and collapses whitespace; a bare mention leaves ""', () => {
    expect(stripMention('<@42>   che   succede <@!42>?', '42')).toBe('che succede ?');
    expect(stripMention(' <@42> ', '42')).toBe('');
  });
});

describe('feedback ids and memory', () => {
  it('round-trips custom ids and rejects others', () => {
    expect(parseFeedbackCustomId(feedbackCustomId('down', 'a:b'))).toEqual({ vote: 'down', answerId: 'a:b' });
    expect(parseFeedbackCustomId('fb:maybe:x')).toBeNull();
    expect(parseFeedbackCustomId('fb:up:')).toBeNull();
  });

  it('no buttons for a no-answer or an id too long for a 100-character custom_id', () => {
    const answer = (id: string, mode: Answer['mode']): Answer => ({
      id,
      mode,
      text: 't',
      language: 'en',
      reason: null,
      citations: [],
      translation: null,
      timings: {},
    });
    expect(buildFeedbackComponents(answer('x', 'no-answer'))).toEqual([]);
    // `fb:down:` takes 8 of the 100 characters.
    expect(buildFeedbackComponents(answer('x'.repeat(93), 'llm'))).toEqual([]);
    expect(buildFeedbackComponents(answer('x'.repeat(92), 'llm'))).toHaveLength(1);
  });

  it('remembers at most `max` answers (least recently used forgotten) and one vote per user', () => {
    const memory = new AnswerMemory(2);
    memory.remember('a', 'qa', 'it');
    memory.remember('b', 'qb', 'it');
    memory.remember('c', 'qc', 'it');
    expect([memory.questionFor('a'), memory.questionFor('b'), memory.questionFor('c')]).toEqual([null, 'qb', 'qc']);
    expect(memory.markVoted('b', 'u1')).toBe(true);
    expect(memory.markVoted('b', 'u1')).toBe(false);
    expect(memory.markVoted('b', 'u2')).toBe(true);
  });
});
