import type { ChatInputCommandInteraction } from 'discord.js';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReindexProgress } from '../../src/discord/reindex-progress.js';

interface Shown {
  at: number;
  where: 'reply' | 'followUp' | 'channel' | 'channel-edit';
  content: string;
}

/** The slice of an interaction ReindexProgress uses, recording what it shows and when. */
function stubInteraction(shown: Shown[], options: { replyFails?: boolean } = {}): ChatInputCommandInteraction {
  const record = (where: Shown['where']) => (payload: { content: string }) => {
    shown.push({ at: Date.now(), where, content: payload.content });
  };
  const channel = {
    isSendable: () => true,
    send: (payload: { content: string }) => {
      record('channel')(payload);
      return Promise.resolve({ edit: (p: { content: string }) => Promise.resolve(record('channel-edit')(p)) });
    },
  };
  const stub = {
    id: '1',
    channelId: '2',
    channel,
    client: { channels: { fetch: () => Promise.resolve(channel) } },
    editReply: (payload: { content: string }) =>
      options.replyFails ? Promise.reject(new Error('401')) : Promise.resolve(record('reply')(payload)),
    followUp: (payload: { content: string }) => Promise.resolve(record('followUp')(payload)),
  };
  return stub as unknown as ChatInputCommandInteraction;
}

const logger = pino({ level: 'silent' });

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ReindexProgress', () => {
  it('edits at most once per interval, always with the latest progress, and never after finish', async () => {
    const shown: Shown[] = [];
    const progress = new ReindexProgress({
      interaction: stubInteraction(shown),
      lang: 'en',
      logger,
      intervalMs: 1000,
      tokenMs: 60_000,
    });
    for (let t = 0; t <= 2500; t += 100) {
      progress.update({ phase: 'embedding', done: t, total: 2500 });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(shown.map((s) => s.at)).toEqual([0, 1000, 2000]);
    // At 1000 ms the newest update is the one from 900 ms.
    expect(shown[1]?.content).toBe('⏳ Reindex running — embedding passages: 900/2,500 (36%) · 1 s');
    await progress.finish('report');
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown.map((s) => s.content).slice(3)).toEqual(['report']);
  });

  it('after tokenMs, notes the handover on the reply and continues in one channel message, edited in place', async () => {
    const shown: Shown[] = [];
    const progress = new ReindexProgress({
      interaction: stubInteraction(shown),
      lang: 'it',
      logger,
      intervalMs: 1000,
      tokenMs: 3000,
    });
    progress.update({ phase: 'reading', done: 1, total: 10 });
    await vi.advanceTimersByTimeAsync(3000);
    progress.update({ phase: 'reading', done: 5, total: 10 });
    await vi.advanceTimersByTimeAsync(1000);
    await progress.finish('fine');
    expect(shown.map((s) => s.where)).toEqual(['reply', 'reply', 'channel', 'channel-edit', 'channel']);
    expect(shown[1]?.content).toContain('Continuo ad aggiornare in un messaggio nel canale.');
    expect(shown[3]?.content).toContain('5/10 (50%)');
    expect(shown.at(-1)?.content).toBe('fine');
  });

  it('a final report too long for one message is split: reply edit then follow-ups', async () => {
    const shown: Shown[] = [];
    const progress = new ReindexProgress({
      interaction: stubInteraction(shown),
      lang: 'en',
      logger,
      intervalMs: 1000,
      tokenMs: 60_000,
    });
    await progress.finish(Array.from({ length: 3 }, () => 'x'.repeat(1500)).join('\n\n'));
    expect(shown.map((s) => s.where)).toEqual(['reply', 'followUp', 'followUp']);
  });

  it('when the interaction refuses the final report, it goes to the channel instead', async () => {
    const shown: Shown[] = [];
    const progress = new ReindexProgress({
      interaction: stubInteraction(shown, { replyFails: true }),
      lang: 'en',
      logger,
      intervalMs: 1000,
      tokenMs: 60_000,
    });
    await progress.finish('report');
    expect(shown).toEqual([{ at: 0, where: 'channel', content: 'report' }]);
  });
});
