import { describe, expect, it } from 'vitest';
import { buildTranslationPrompt, createLlmTranslator } from '../../src/translate/llm-translator.js';
import type { ChatMessage } from '../../src/llm/chat-message.js';

/** A fake LLM boundary: records what it was sent and replies with `reply`. */
function fakeComplete(reply: (messages: ChatMessage[]) => Promise<string> | string) {
  const calls: ChatMessage[][] = [];
  const complete = async (messages: ChatMessage[]): Promise<string> => {
    calls.push(messages);
    return reply(messages);
  };
  return { calls, complete };
}

describe('createLlmTranslator', () => {
  it('sends a system prompt naming both languages and the question as the user message', async () => {
    const llm = fakeComplete(() => 'Quale nuovo concetto ha proposto Lavrov?');
    const translator = createLlmTranslator({ complete: llm.complete });
    expect(translator.engine).toBe('llm');
    expect(await translator.translate('What new concept did Lavrov propose?', 'en', 'it')).toBe(
      'Quale nuovo concetto ha proposto Lavrov?',
    );
    expect(llm.calls[0]).toEqual([
      { role: 'system', content: buildTranslationPrompt('en', 'it') },
      { role: 'user', content: 'What new concept did Lavrov propose?' },
    ]);
    expect(buildTranslationPrompt('en', 'it')).toMatch(/from English to Italian.*only the translation/s);
    expect(buildTranslationPrompt('it', 'en')).toContain('from Italian to English');
  });

  it('removes wrapping quotes and a "Translation:" label from the reply, but not two quoted names', async () => {
    const replies = [
      '"Chi ha vinto?"',
      '  Translation: Chi ha vinto?\n',
      '«Chi ha vinto?»',
      'Traduzione: “Chi ha vinto?”',
    ];
    for (const reply of replies) {
      const translator = createLlmTranslator({ complete: fakeComplete(() => reply).complete });
      expect(await translator.translate('Who won?', 'en', 'it')).toBe('Chi ha vinto?');
    }
    const twoQuotes = createLlmTranslator({ complete: fakeComplete(() => "'Roma' o 'Milano'?").complete });
    expect(await twoQuotes.translate("'Rome' or 'Milan'?", 'en', 'it')).toBe("'Roma' o 'Milano'?");
  });

  it('returns null when the LLM call rejects, and logs that cause once', async () => {
    const lines: object[] = [];
    const llm = fakeComplete(() => Promise.reject(new Error('429 rate limited')));
    const translator = createLlmTranslator({ complete: llm.complete, logger: { warn: (obj) => lines.push(obj) } });
    expect(await translator.translate('Who won?', 'en', 'it')).toBeNull();
    expect(await translator.translate('Who lost?', 'en', 'it')).toBeNull();
    expect(lines).toEqual([{ cause: 'error', engine: 'llm', detail: '429 rate limited' }]);
  });

  it('returns null for an empty reply or one far longer than the question (an answer, not a translation)', async () => {
    expect(
      await createLlmTranslator({ complete: fakeComplete(() => '  ').complete }).translate('Who won?', 'en', 'it'),
    ).toBeNull();
    const essay = 'La risposta è lunga. '.repeat(50);
    expect(
      await createLlmTranslator({ complete: fakeComplete(() => essay).complete }).translate('Who won?', 'en', 'it'),
    ).toBeNull();
  });

  it('does not call the LLM for empty input or from === to, and strips NUL before sending', async () => {
    const llm = fakeComplete((messages) => messages[1]?.content ?? '');
    const translator = createLlmTranslator({ complete: llm.complete });
    expect(await translator.translate(' \u0000 ', 'en', 'it')).toBeNull();
    expect(await translator.translate('Chi è?', 'it', 'it')).toBe('Chi è?');
    expect(llm.calls).toHaveLength(0);
    expect(await translator.translate('Who\u0000 won?', 'en', 'it')).toBe('Who won?');
  });

  it('cuts a 10,000-char question to 2,000 chars before sending', async () => {
    const llm = fakeComplete(() => 'ok');
    await createLlmTranslator({ complete: llm.complete }).translate('x'.repeat(10_000), 'en', 'it');
    expect(llm.calls[0]?.[1]?.content).toHaveLength(2000);
  });
});
