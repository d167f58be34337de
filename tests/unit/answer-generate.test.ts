import { describe, expect, it } from 'vitest';
import { citationSchema } from '../../src/answer/answer.js';
import { generateLlmAnswer } from '../../src/answer/generate.js';
import type { GenerateResult } from '../../src/answer/generate.js';
import { LlmError } from '../../src/llm/client.js';
import type { ChatMessage, Llm } from '../../src/llm/client.js';
import { QUOTE_JOINER } from '../../src/answer/quotes.js';
import type { RetrievalResult } from '../../src/retrieval/types.js';
import { BRIDGE_IT, FESTIVAL_EN, makeResult, ROADWORKS_IT } from '../helpers/answer-fixtures.js';

/** An Llm that replies from a script and records what it was asked. */
function scriptedLlm(reply: string | Error): Llm & { asked: (readonly ChatMessage[])[] } {
  const asked: (readonly ChatMessage[])[] = [];
  return {
    model: 'scripted',
    asked,
    complete: (messages) => {
      asked.push(messages);
      return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
    },
  };
}

const RESULT = makeResult('Quando è stato inaugurato il ponte e quanto è costato?', 'it', [
  BRIDGE_IT,
  ROADWORKS_IT,
  FESTIVAL_EN,
]);

async function generate(reply: string, result: RetrievalResult = RESULT, maxSources = 3) {
  const llm = scriptedLlm(reply);
  const out = await generateLlmAnswer({
    question: result.question,
    language: result.language,
    result,
    llm,
    maxSources,
  });
  return { out, llm };
}

function expectAnswer(out: GenerateResult) {
  if ('unsupported' in out) throw new Error(`expected an answer, got unsupported (${out.reason})`);
  return out;
}

describe('generateLlmAnswer', () => {
  it('maps cited sources to citations with verbatim quotes that match the claims', async () => {
    const reply =
      'Il ponte è stato inaugurato il 12 maggio 2021 [1]. Durante i lavori sulla provinciale resterà aperto [2].';
    const { out, llm } = await generate(reply);
    const answer = expectAnswer(out);
    expect(answer.text).toBe(reply);
    expect(answer.citations.map((c) => [c.n, c.articleId])).toEqual([
      [1, BRIDGE_IT.articleId],
      [2, ROADWORKS_IT.articleId],
    ]);
    expect(answer.citations[0]?.quote).toBe('Il nuovo ponte sul fiume Lieto è stato inaugurato il 12 maggio 2021.');
    expect(answer.citations[1]?.quote).toBe('Il ponte sul fiume Lieto resterà aperto durante tutti i lavori.');
    for (const citation of answer.citations) {
      expect(() => citationSchema.parse(citation)).not.toThrow();
      expect(citation.quoteTranslation).toBeNull();
    }
    expect(llm.asked).toHaveLength(1);
  });

  it('drops [7] with 3 sources and keeps the rest', async () => {
    const { out } = await generate('Il ponte è costato 14 milioni di euro [7][1].');
    const answer = expectAnswer(out);
    expect(answer.text).toBe('Il ponte è costato 14 milioni di euro [1].');
    expect(answer.dropped).toEqual([7]);
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]?.quote).toBe('La costruzione è durata tre anni ed è costata 14 milioni di euro.');
  });

  it('renumbers in order of first use: citing [3] first makes the festival source n = 1', async () => {
    const { out } = await generate('The festival began in 2009 [3]. The bridge opened in May 2021 [1].');
    const answer = expectAnswer(out);
    expect(answer.text).toBe('The festival began in 2009 [1]. The bridge opened in May 2021 [2].');
    expect(answer.citations.map((c) => c.articleId)).toEqual([FESTIVAL_EN.articleId, BRIDGE_IT.articleId]);
    expect(answer.citations[0]?.quote).toBe('The festival was first held in 2009 on the banks of the river Lieto.');
  });

  it('a marker after the full stop ("claim. [1]") still quotes the sentence it follows', async () => {
    const { out } = await generate('Il ponte è costato 14 milioni di euro. [1] Altro.');
    expect(expectAnswer(out).citations[0]?.quote).toBe(
      'La costruzione è durata tre anni ed è costata 14 milioni di euro.',
    );
  });

  it('two claims citing one source quote both sentences, each verbatim', async () => {
    const { out } = await generate(
      'Il ponte è stato inaugurato il 12 maggio 2021 [1]. La sindaca Ferrini ha tagliato il nastro [1].',
    );
    const quote = expectAnswer(out).citations[0]?.quote ?? '';
    const parts = quote.split(QUOTE_JOINER);
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(BRIDGE_IT.text).toContain(part);
  });

  it('a claim sharing no words with its source quotes the best passage’s first sentence', async () => {
    const { out } = await generate('Xyz qwerty [2].');
    expect(expectAnswer(out).citations[0]?.quote).toBe('I lavori sulla strada provinciale 12 sono iniziati a marzo.');
  });

  it('the NOT_IN_COVERAGE sentinel gives unsupported not-covered, also with punctuation or spaces', async () => {
    for (const reply of ['NOT_IN_COVERAGE', '`NOT_IN_COVERAGE`.', 'not in coverage']) {
      const { out } = await generate(reply);
      expect(out).toEqual({ unsupported: true, reason: 'not-covered', reply });
    }
  });

  it('a reply citing nothing is unsupported (uncited)', async () => {
    const { out } = await generate('Il ponte è stato inaugurato nel 2021.');
    expect(out).toMatchObject({ unsupported: true, reason: 'uncited' });
  });

  it('a reply citing only sources that do not exist is unsupported (uncited)', async () => {
    const { out } = await generate('Il ponte è stato inaugurato nel 2021 [4][9].');
    expect(out).toMatchObject({ unsupported: true, reason: 'uncited' });
  });

  it('no groups: not-covered without asking the LLM', async () => {
    const llm = scriptedLlm('should not be asked [1]');
    const empty = makeResult('q', 'en', []);
    const out = await generateLlmAnswer({ question: 'q', language: 'en', result: empty, llm, maxSources: 3 });
    expect(out).toEqual({ unsupported: true, reason: 'not-covered', reply: '' });
    expect(llm.asked).toHaveLength(0);
  });

  it('shows the LLM at most maxSources sources and drops citations beyond them', async () => {
    const { out, llm } = await generate('Festival [3]. Ponte [1].', RESULT, 2);
    expect(llm.asked[0]?.[1]?.content).not.toContain('<source n="3"');
    const answer = expectAnswer(out);
    expect(answer.citations.map((c) => c.articleId)).toEqual([BRIDGE_IT.articleId]);
    expect(answer.dropped).toEqual([3]);
  });

  it('passes the question and the language instruction to the LLM', async () => {
    const { llm } = await generate('Ponte [1].');
    const [system, user] = llm.asked[0] ?? [];
    expect(system?.content).toContain('Rispondi in italiano');
    expect(user?.content).toContain(RESULT.question);
  });

  it('LlmError from the client propagates to the caller', async () => {
    const llm = scriptedLlm(new LlmError('gave up', 'timeout', null, 3, 1000));
    await expect(
      generateLlmAnswer({ question: 'q', language: 'it', result: RESULT, llm, maxSources: 3 }),
    ).rejects.toBeInstanceOf(LlmError);
  });
});
