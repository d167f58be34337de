import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannedAnswer, leftThinking, shownFor, startHarness } from '../helpers/bot-harness.js';
import type { Harness } from '../helpers/bot-harness.js';
import { editsOriginal } from '../helpers/fake-discord.js';
import type { RecordedCall } from '../helpers/fake-discord.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const contentOf = (c: RecordedCall): string => (c.body as { content: string }).content;
const EPHEMERAL = 64;

describe('/ask', () => {
  it('defers at once, then edits the reply with the answer, its sources and feedback buttons', async () => {
    const i = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('maria'),
      options: { question: 'What did the council approve?' },
      locale: 'en-GB',
    });
    const edit = await h.fake.waitFor(editsOriginal(i.token));
    expect(h.fake.callsFor(i)[0]).toMatchObject({ method: 'POST', body: { type: 5, data: { flags: 0 } } });
    expect(h.services.asked.at(-1)).toEqual({ question: 'What did the council approve?', languageHint: 'en' });
    const text = contentOf(edit);
    expect(text).toMatch(
      /^Answer to: What did the council approve\? \[1\]\n\n\*\*Sources\*\*\n\[1\] \*\*Il consiglio comunale approva il bilancio\*\* — March 5, 2024 — Maria Rossi\n<https:\/\/example\.com\/news\/bilancio>/,
    );
    expect(text).toContain('> *machine translation:* The council approved the budget.');
    expect(JSON.stringify((edit.body as { components: unknown }).components)).toMatch(
      /"custom_id":"fb:up:ans-\d+".*"custom_id":"fb:down:ans-\d+"/,
    );
  });

  it('/chiedi from an Italian client: languageHint it and Italian labels', async () => {
    const i = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('luca'),
      options: { question: 'Cosa ha approvato il consiglio?' },
      locale: 'it',
    });
    const text = contentOf(await h.fake.waitFor(editsOriginal(i.token)));
    expect(h.services.asked.at(-1)).toEqual({ question: 'Cosa ha approvato il consiglio?', languageHint: 'it' });
    expect(text).toContain('**Fonti**');
    expect(text).toContain('5 marzo 2024');
    expect(text).not.toContain('Sources');
  });

  it('a locale that is neither Italian nor English gives languageHint null', async () => {
    const i = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('jean'),
      options: { question: 'Quoi de neuf ?' },
      locale: 'fr',
    });
    await h.fake.waitFor(editsOriginal(i.token));
    expect(h.services.asked.at(-1)).toEqual({ question: 'Quoi de neuf ?', languageHint: null });
  });

  it('private:true defers ephemerally (flag 64) and keeps follow-ups ephemeral', async () => {
    const paragraph = 'This sentence is part of a long answer about the budget. '.repeat(20).trim();
    h.services.answerWith = (q, l) =>
      Promise.resolve({ ...cannedAnswer(q, l), text: Array.from({ length: 5 }, () => paragraph).join('\n\n') });
    try {
      const i = h.fake.sendSlashCommand({
        name: 'ask',
        user: h.fake.user('anna'),
        options: { question: 'Budget?', private: true },
      });
      await h.fake.waitFor((c) => c.method === 'POST' && c.path.startsWith('/webhooks/') && c.path.endsWith(i.token));
      expect(h.fake.callsFor(i)[0]).toMatchObject({ body: { type: 5, data: { flags: EPHEMERAL } } });
      const followUps = shownFor(h.fake, i).filter((m) => m.kind === 'followUp');
      expect(followUps.length).toBeGreaterThan(0);
      for (const m of followUps) expect(m.flags & EPHEMERAL).toBe(EPHEMERAL);
    } finally {
      h.services.answerWith = (q, l) => Promise.resolve(cannedAnswer(q, l));
    }
  });

  it('a 6,000-character answer is split under 2,000 per message, buttons only on the last, no 400 from Discord', async () => {
    const sentences = Array.from(
      { length: 120 },
      (_, n) => `Sentence number ${n} explains one more detail of the story.`,
    );
    const text = [
      sentences.slice(0, 40).join(' '),
      sentences.slice(40, 80).join(' '),
      sentences.slice(80).join(' '),
    ].join('\n\n');
    h.services.answerWith = (q, l) => Promise.resolve({ ...cannedAnswer(q, l), text });
    try {
      const i = h.fake.sendSlashCommand({
        name: 'ask',
        user: h.fake.user('piero'),
        options: { question: 'Tell me everything' },
      });
      await h.fake.waitFor(
        (c) =>
          c.method === 'POST' &&
          c.path.startsWith('/webhooks/') &&
          c.path.endsWith(i.token) &&
          contentOf(c).includes('**Sources**'),
      );
      const shown = shownFor(h.fake, i);
      expect(shown.length).toBeGreaterThanOrEqual(4);
      expect(shown.every((m) => m.content.length <= 2000 && m.status === 200)).toBe(true);
      expect(shown.every((m) => (m.flags & EPHEMERAL) === 0)).toBe(true);
      const joined = shown.map((m) => m.content).join(' ');
      for (const s of sentences) expect(joined).toContain(s);
      expect(shown.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
      expect(shown.at(-1)?.components.length).toBe(1);
      expect(h.fake.calls.some((c) => c.status === 400)).toBe(false);
    } finally {
      h.services.answerWith = (q, l) => Promise.resolve(cannedAnswer(q, l));
    }
  });

  it('a question containing @everyone and role/user mentions pings nobody: allowed_mentions.parse is empty on every message', async () => {
    const i = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('troll'),
      options: { question: '@everyone @here <@&123456789> <@987654321> news?' },
    });
    const edit = await h.fake.waitFor(editsOriginal(i.token));
    expect(contentOf(edit)).toContain('@everyone');
    const sent = h.fake.sentMessages();
    expect(sent.length).toBeGreaterThan(0);
    for (const { payload } of sent) expect(payload.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('a whitespace-only question gets a polite private answer and never reaches the services', async () => {
    const before = h.services.asked.length;
    const i = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('blank'),
      options: { question: '   \n\t ' },
      locale: 'it',
    });
    await h.fake.waitFor((c) => c.path === `/interactions/${i.id}/${i.token}/callback`);
    const [reply] = shownFor(h.fake, i);
    expect(reply).toMatchObject({ kind: 'reply', flags: EPHEMERAL });
    expect(reply?.content).toContain('Scrivi una domanda');
    expect(h.services.asked.length).toBe(before);
  });

  it('a forged 1,001-character question is refused privately (max_length is not trusted)', async () => {
    const before = h.services.asked.length;
    const i = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('long'),
      options: { question: 'x'.repeat(1001) },
    });
    await h.fake.waitFor((c) => c.path === `/interactions/${i.id}/${i.token}/callback`);
    expect(shownFor(h.fake, i)[0]).toMatchObject({
      kind: 'reply',
      flags: EPHEMERAL,
      content: expect.stringContaining('too long') as unknown,
    });
    expect(h.services.asked.length).toBe(before);
  });

  it('a forged option of the wrong type is refused privately', async () => {
    const i = h.fake.sendSlashCommand({
      name: 'ask',
      user: h.fake.user('forger'),
      rawOptions: [{ name: 'question', type: 4, value: 42 }],
    });
    await h.fake.waitFor((c) => c.path === `/interactions/${i.id}/${i.token}/callback`);
    expect(shownFor(h.fake, i)[0]).toMatchObject({
      kind: 'reply',
      flags: EPHEMERAL,
      content: expect.stringContaining('“question”') as unknown,
    });
  });

  it('no-answer replies carry no feedback buttons and no sources', async () => {
    h.services.answerWith = (q, l) =>
      Promise.resolve({
        ...cannedAnswer(q, l),
        mode: 'no-answer',
        reason: 'not-covered',
        text: 'Not covered by our articles.',
      });
    try {
      const i = h.fake.sendSlashCommand({
        name: 'ask',
        user: h.fake.user('nobody'),
        options: { question: 'Who won the 1950 World Cup?' },
      });
      const edit = await h.fake.waitFor(editsOriginal(i.token));
      expect(contentOf(edit)).toBe('Not covered by our articles.');
      expect((edit.body as { components: unknown[] }).components).toEqual([]);
    } finally {
      h.services.answerWith = (q, l) => Promise.resolve(cannedAnswer(q, l));
    }
  });

  it('no interaction in this file was left thinking', () => {
    expect(leftThinking(h.fake)).toEqual([]);
  });
});
