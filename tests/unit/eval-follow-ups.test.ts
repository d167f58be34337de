import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import type { ConversationInput } from '../../src/answer/converse.js';
import { answerFollowUp, scoreFollowUps, type FollowUpCase } from '../../src/eval/follow-ups.js';
import { cannedAnswer } from '../helpers/bot-harness.js';

const c: FollowUpCase = {
  q: 'e quando?',
  lang: 'it',
  expect: ['10 luglio'],
  gold: ['a-1'],
  turns: ['Che cosa ha proposto Lavrov a Rubio?'],
};

describe('answerFollowUp', () => {
  it('asks the turns first in one conversation with context, and the last question alone without', async () => {
    const asked: ConversationInput[] = [];
    const ask = (input: ConversationInput) => (asked.push(input), Promise.resolve(cannedAnswer(input.question, 'it')));
    await answerFollowUp(ask, c, { withContext: true, conversationId: 'eval:1' });
    await answerFollowUp(ask, c, { withContext: false, conversationId: 'eval:1' });
    expect(asked.map((a) => [a.question, a.conversationId])).toEqual([
      ['Che cosa ha proposto Lavrov a Rubio?', 'eval:1'],
      ['e quando?', 'eval:1'],
      ['e quando?', null],
    ]);
  });
});

describe('scoreFollowUps', () => {
  it('passes an answer holding an expected string, never a no-answer, and counts gold citations', () => {
    const hit: Answer = { ...cannedAnswer('x', 'it'), text: 'Si sono visti il 10 Luglio [1]' };
    const miss: Answer = { ...cannedAnswer('x', 'it'), text: 'Altro [1]' };
    const refused: Answer = { ...hit, mode: 'no-answer', reason: 'needs-subject', citations: [] };
    expect(scoreFollowUps([hit, miss, refused].map((answer) => ({ question: c, answer })))).toEqual({
      questions: 3,
      pass: 0.333,
      answered: 0.667,
      needsSubject: 0.333,
      goldCited: 0.667,
    });
  });
});
