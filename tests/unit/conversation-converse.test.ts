import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import type { AnswerInput } from '../../src/answer/answer-question.js';
import { MemoryConversations } from '../../src/store/conversation-memory.js';
import { answerInConversation, type ConverseDeps } from '../../src/answer/converse.js';
import type { FollowUpRewriter } from '../../src/answer/rewrite-follow-up.js';
import { cannedAnswer } from '../helpers/bot-harness.js';

/** Answers every question with a canned answer citing `articleId`, and records what it was asked. */
function makeDeps(rewriter: FollowUpRewriter | null = null) {
  const asked: AnswerInput[] = [];
  const deps: ConverseDeps = {
    memory: new MemoryConversations(),
    rewriter,
    answer: (input) => {
      asked.push(input);
      const answer: Answer = cannedAnswer(input.question, input.language ?? null);
      return Promise.resolve({ ...answer, citations: answer.citations.map((c) => ({ ...c, articleId: 'lavrov' })) });
    },
  };
  return { deps, asked };
}

describe('answerInConversation', () => {
  it('completes a follow-up from the earlier turn, with its articles as a prior, in the follow-up’s language', async () => {
    const { deps, asked } = makeDeps();
    await answerInConversation(deps, { question: 'Che cosa ha proposto Lavrov a Rubio?', conversationId: 't1' });
    const answer = await answerInConversation(deps, { question: 'and when?', conversationId: 't1' });
    // Retrieval searches the completed text; the extractive answer reads the asker's own words.
    expect(asked[1]).toMatchObject({
      question: 'and when?',
      searchText: 'and when? Lavrov Rubio proposto',
      language: 'en',
      priorArticleIds: ['lavrov'],
    });
    expect(answer.followUp).toEqual({ standalone: 'and when? Lavrov Rubio proposto', via: 'offline' });
    expect(deps.memory.recent('t1').map((t) => t.standalone)).toEqual([
      'Che cosa ha proposto Lavrov a Rubio?',
      'and when? Lavrov Rubio proposto',
    ]);
  });

  it('never reads another conversation’s turns', async () => {
    const { deps, asked } = makeDeps();
    await answerInConversation(deps, { question: 'Che cosa ha proposto Lavrov a Rubio?', conversationId: 't1' });
    const answer = await answerInConversation(deps, { question: 'e quando?', conversationId: 't2' });
    expect(answer).toMatchObject({ mode: 'no-answer', reason: 'needs-subject', language: 'it' });
    expect(answer.text).toMatch(/^Di che cosa parli\?/);
    expect(asked).toHaveLength(1);
    expect(deps.memory.recent('t2')).toEqual([]);
  });

  it('asks for a subject in English for an English follow-up with nothing before it', async () => {
    const { deps } = makeDeps();
    const answer = await answerInConversation(deps, { question: 'who said that?', conversationId: null });
    expect(answer).toMatchObject({ mode: 'no-answer', reason: 'needs-subject', language: 'en' });
    expect(answer.text).toMatch(/^What is this about\?/);
  });

  it('counts the opening message as a turn even when it did not ask the bot', async () => {
    const { deps, asked } = makeDeps();
    await answerInConversation(deps, {
      question: 'e quando?',
      conversationId: 'thread',
      openingQuestion: 'Che cosa ha proposto Lavrov a Rubio?',
    });
    expect(asked[0]?.searchText).toBe('e quando? Lavrov Rubio proposto');
    // The opening has no answer of its own: no prior articles yet.
    expect(asked[0]?.priorArticleIds).toEqual([]);
    expect(deps.memory.recent('thread').map((t) => t.question)).toEqual([
      'Che cosa ha proposto Lavrov a Rubio?',
      'e quando?',
    ]);
  });

  it('searches a follow-up that names a new subject as written', async () => {
    const { deps, asked } = makeDeps();
    await answerInConversation(deps, { question: 'Che cosa ha proposto Lavrov a Rubio?', conversationId: 't' });
    const answer = await answerInConversation(deps, { question: 'e cosa ha detto Biden?', conversationId: 't' });
    expect(asked[1]).toMatchObject({ question: 'e cosa ha detto Biden?', priorArticleIds: [] });
    expect(answer.followUp).toBeNull();
  });

  it('uses the LLM rewrite when there is one, and the offline completion when it gives up', async () => {
    const replies: Array<string | null> = ['Quando Lavrov ha proposto un nuovo concetto a Rubio?', null];
    const seen: unknown[] = [];
    const rewriter: FollowUpRewriter = {
      rewrite: (input) => {
        seen.push(input);
        return Promise.resolve(replies.shift() ?? null);
      },
    };
    const { deps, asked } = makeDeps(rewriter);
    await answerInConversation(deps, { question: 'Che cosa ha proposto Lavrov a Rubio?', conversationId: 't' });
    expect(seen).toHaveLength(0); // nothing to rewrite from yet
    const first = await answerInConversation(deps, { question: 'e quando?', conversationId: 't' });
    expect(first.followUp).toEqual({ standalone: 'Quando Lavrov ha proposto un nuovo concetto a Rubio?', via: 'llm' });
    const second = await answerInConversation(deps, { question: 'e dove?', conversationId: 't' });
    expect(second.followUp?.via).toBe('offline');
    expect(asked[1]).toMatchObject({ question: 'Quando Lavrov ha proposto un nuovo concetto a Rubio?' });
    expect(asked[1]?.searchText).toBeUndefined();
    expect(asked[2]).toMatchObject({ question: 'e dove?', searchText: 'e dove? Lavrov Rubio proposto nuovo concetto' });
  });

  it('does not keep refusals for empty questions in the conversation', async () => {
    const { deps } = makeDeps();
    deps.answer = () =>
      Promise.resolve({ ...cannedAnswer('', 'it'), mode: 'no-answer', reason: 'empty-question', citations: [] });
    await answerInConversation(deps, { question: '   ', conversationId: 't' });
    expect(deps.memory.recent('t')).toEqual([]);
  });
});
