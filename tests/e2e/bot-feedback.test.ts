import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownFor, startHarness } from '../helpers/bot-harness.js';
import type { Harness } from '../helpers/bot-harness.js';
import { editsOriginal } from '../helpers/fake-discord.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Asks a question and returns the answer message's id and its two button ids. */
async function askAndGetButtons(question: string): Promise<{ messageId: string; up: string; down: string }> {
  const i = h.fake.sendSlashCommand({ name: 'ask', user: h.fake.user('asker'), options: { question } });
  const edit = await h.fake.waitFor(editsOriginal(i.token));
  const ids = [...JSON.stringify(edit.body).matchAll(/"custom_id":"([^"]+)"/g)].map((m) => m[1] ?? '');
  const [up, down] = ids;
  if (up === undefined || down === undefined) throw new Error(`no feedback buttons in ${JSON.stringify(edit.body)}`);
  return { messageId: String((edit.response as { id: string }).id), up, down };
}

describe('feedback buttons', () => {
  it('a 👍 click records the vote with the question and thanks the voter privately', async () => {
    const { messageId, up } = await askAndGetButtons('When is the next council meeting?');
    expect(up).toMatch(/^fb:up:ans-\d+$/);
    const click = h.fake.clickButton({ customId: up, user: h.fake.user('voter'), messageId, locale: 'en-US' });
    await h.fake.waitFor((c) => c.path.endsWith(`/${click.token}/callback`));
    expect(shownFor(h.fake, click)[0]).toMatchObject({ kind: 'reply', flags: 64, content: 'Thanks for the feedback!' });
    expect(h.services.feedback.votes).toEqual([
      { answerId: up.slice('fb:up:'.length), question: 'When is the next council meeting?', vote: 'up' },
    ]);
  });

  it('a 👎 click from an Italian client is thanked in Italian; a second click by the same person is not counted twice', async () => {
    const { messageId, down } = await askAndGetButtons('Chi è il sindaco?');
    const voter = h.fake.user('elettore');
    const first = h.fake.clickButton({ customId: down, user: voter, messageId, locale: 'it' });
    await h.fake.waitFor((c) => c.path.endsWith(`/${first.token}/callback`));
    expect(shownFor(h.fake, first)[0]?.content).toBe('Grazie per il feedback!');
    const again = h.fake.clickButton({ customId: down, user: voter, messageId, locale: 'it' });
    await h.fake.waitFor((c) => c.path.endsWith(`/${again.token}/callback`));
    expect(shownFor(h.fake, again)[0]).toMatchObject({
      flags: 64,
      content: expect.stringContaining('già votato') as unknown,
    });
    expect(h.services.feedback.votes.filter((v) => v.vote === 'down')).toEqual([
      { answerId: down.slice('fb:down:'.length), question: 'Chi è il sindaco?', vote: 'down' },
    ]);
  });

  it('a vote on an answer the bot no longer remembers (restart) is still recorded, without the question', async () => {
    const click = h.fake.clickButton({
      customId: 'fb:up:from-before-restart',
      user: h.fake.user('old'),
      messageId: '1',
    });
    await h.fake.waitFor((c) => c.path.endsWith(`/${click.token}/callback`));
    expect(h.services.feedback.votes.at(-1)).toEqual({ answerId: 'from-before-restart', question: '', vote: 'up' });
  });

  it('buttons with other ids are ignored', async () => {
    const before = h.fake.calls.length;
    h.fake.clickButton({ customId: 'something:else', user: h.fake.user('x'), messageId: '1' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.calls.length).toBe(before);
  });
});
