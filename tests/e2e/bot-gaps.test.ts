/**
 * /gaps (/lacune) with the real discord.js client: members' questions that got "not covered" and
 * answers they voted 👎 are kept (without who asked) in the real state database, and only
 * moderators can list them, near-duplicates grouped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { cannedAnswer, shownFor, startHarness, type Harness } from '../helpers/bot-harness.js';
import { editsOriginal, PERMISSIONS, type RecordedCall } from '../helpers/fake-discord.js';

let h: Harness;

const notCovered = (question: string, lang: 'it' | 'en'): Answer => ({
  ...cannedAnswer(question, lang),
  text: lang === 'it' ? 'Gli articoli non ne parlano.' : 'The articles do not cover this.',
  mode: 'no-answer',
  reason: 'not-covered',
  citations: [],
});

const UNANSWERED = [
  ['Quando riapre il ponte di Montegrillo?', 'it'],
  ['quando riaprirà il ponte sospeso di Montegrillo', 'it'],
  ['Quando riapre il ponte di Montegrillo?', 'it'],
  ['Who won the cycling race in Vallarsa?', 'en'],
] as const;

beforeAll(async () => {
  h = await startHarness();
  h.services.answerWith = (question, hint) => {
    const unanswered = UNANSWERED.find(([q]) => q === question);
    return Promise.resolve(unanswered ? notCovered(question, unanswered[1]) : cannedAnswer(question, hint));
  };
});
afterAll(async () => {
  await h.close();
});

async function askAsMember(question: string, locale: string): Promise<RecordedCall> {
  const i = h.fake.sendSlashCommand({ name: 'ask', user: h.fake.user('lettore'), options: { question }, locale });
  return h.fake.waitFor(editsOriginal(i.token));
}

async function gaps(permissions: string, locale = 'en-US', options: Record<string, number> = {}) {
  const i = h.fake.sendSlashCommand({ name: 'gaps', user: h.fake.user('someone'), permissions, locale, options });
  const shown = async () => {
    await h.fake.waitFor((c) => shownFor(h.fake, i).some((m) => m.content !== '') && c !== null);
    return shownFor(h.fake, i).filter((m) => m.content !== '');
  };
  return shown();
}

describe('/gaps', () => {
  it('records what members were told is not covered, and a 👎, without any user id', async () => {
    for (const [question, lang] of UNANSWERED) await askAsMember(question, lang === 'it' ? 'it' : 'en-US');
    const answered = await askAsMember('Chi è il sindaco di Roccafiorita?', 'it');
    const down = [...JSON.stringify(answered.body).matchAll(/"custom_id":"(fb:down:[^"]+)"/g)][0]?.[1] ?? '';
    const messageId = String((answered.response as { id: string }).id);
    const click = h.fake.clickButton({ customId: down, user: h.fake.user('critico'), messageId, locale: 'it' });
    await h.fake.waitFor((c) => c.path.endsWith(`/${click.token}/callback`));

    const rows = h.services.state.gapsSince('1970-01-01T00:00:00.000Z');
    expect(rows.map((r) => [r.question, r.lang, r.kind])).toEqual([
      ...UNANSWERED.map(([q, lang]) => [q, lang, 'not-covered']),
      ['Chi è il sindaco di Roccafiorita?', 'it', 'down-vote'],
    ]);
    expect(rows.every((r) => r.channelId === h.fake.mainChannelId)).toBe(true);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['channelId', 'createdAt', 'kind', 'lang', 'question']);
  });

  it('is refused to members at run time, privately, whatever the registration says', async () => {
    const [refusal] = await gaps(PERMISSIONS.everyone);
    expect(refusal).toMatchObject({ kind: 'reply', flags: 64 });
    expect(refusal?.content).toBe(
      'Only moderators (Manage Server permission or a moderator role) can use this command.',
    );
    const [italian] = await gaps(PERMISSIONS.none, 'it');
    expect(italian?.content).toContain('Solo i moderatori');
  });

  it('lists them for moderators, most frequent first, near-duplicates grouped, in their language', async () => {
    const [report] = await gaps(PERMISSIONS.manageGuild);
    expect(report).toMatchObject({ kind: 'edit' });
    expect(report?.content.split('\n')).toEqual([
      '**Unanswered questions, last 30 days** (5 in 3 groups)',
      '1. **3×** “Quando riapre il ponte di Montegrillo?” — not covered 3 · it',
      '   _also:_ «quando riaprirà il ponte sospeso di Montegrillo»',
      '2. **1×** “Chi è il sindaco di Roccafiorita?” — 👎 1 · it',
      '3. **1×** “Who won the cycling race in Vallarsa?” — not covered 1 · en',
    ]);
    const [italian] = await gaps(PERMISSIONS.manageGuild, 'it', { days: 7 });
    expect(italian?.content).toContain('**Domande senza risposta, ultimi 7 giorni** (5 in 3 gruppi)');
    expect(italian?.content).toContain('1. **3×** «Quando riapre il ponte di Montegrillo?» — non coperta 3 · it');
  });

  it('is registered for moderators only and never in DMs', async () => {
    const { commands } = await import('../../src/discord/commands/index.js');
    const data = commands.find((c) => c.name === 'gaps')?.define({ maxQuestionChars: 1000 }) as unknown;
    expect(data).toMatchObject({
      name_localizations: { it: 'lacune' },
      default_member_permissions: '32',
      contexts: [0],
      dm_permission: false,
    });
  });
});
