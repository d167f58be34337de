import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, leftThinking, shownFor, startHarness } from '../helpers/bot-harness.js';
import type { Harness } from '../helpers/bot-harness.js';
import { editsOriginal, PERMISSIONS, snowflake } from '../helpers/fake-discord.js';
import type { RecordedCall } from '../helpers/fake-discord.js';

const EPHEMERAL = 64;
const modRole = snowflake();
const repliedTo = (i: { id: string; token: string }) => (c: RecordedCall) =>
  c.path === `/interactions/${i.id}/${i.token}/callback`;
const finalEdit = (token: string, marker: RegExp) => (c: RecordedCall) =>
  editsOriginal(token)(c) && marker.test((c.body as { content: string }).content);

describe('/reindex', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      roles: [{ id: modRole, name: 'Moderatori', permissions: PERMISSIONS.none }],
      moderatorRoleIds: [modRole],
      progressIntervalMs: 100,
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('is refused, privately, for a member without Manage Server or a moderator role', async () => {
    const i = h.fake.sendSlashCommand({
      name: 'reindex',
      user: h.fake.user('member'),
      permissions: PERMISSIONS.everyone,
    });
    await h.fake.waitFor(repliedTo(i));
    expect(shownFor(h.fake, i)[0]).toMatchObject({
      kind: 'reply',
      flags: EPHEMERAL,
      content: expect.stringContaining('Only moderators') as unknown,
    });
    expect(h.services.reindexer.starts).toEqual([]);
  });

  it('is refused from a forged DM payload even with Manage Server in the permissions string', async () => {
    const i = h.fake.sendSlashCommand({
      name: 'reindex',
      user: h.fake.user('forger'),
      dm: true,
      permissions: PERMISSIONS.manageGuild,
    });
    await h.fake.waitFor(repliedTo(i));
    expect(shownFor(h.fake, i)[0]).toMatchObject({
      kind: 'reply',
      flags: EPHEMERAL,
      content: expect.stringContaining('only works in a server') as unknown,
    });
    expect(h.services.reindexer.starts).toEqual([]);
  });

  it('refuses a forged option of the wrong type', async () => {
    const i = h.fake.sendSlashCommand({
      name: 'reindex',
      user: h.fake.user('mod'),
      permissions: PERMISSIONS.manageGuild,
      rawOptions: [{ name: 'full', type: 3, value: 'yes' }],
    });
    await h.fake.waitFor(repliedTo(i));
    expect(shownFor(h.fake, i)[0]).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringContaining('“full”') as unknown,
    });
    expect(h.services.reindexer.starts).toEqual([]);
  });

  it('with Manage Server: defers publicly, edits progress (throttled), ends with the build report', async () => {
    const mod = h.fake.user('caporedattore');
    const i = h.fake.sendSlashCommand({
      name: 'reindex',
      user: mod,
      permissions: PERMISSIONS.manageGuild,
      options: { full: true },
    });
    const done = await h.fake.waitFor(finalEdit(i.token, /Reindex finished/));
    expect(h.fake.callsFor(i)[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(h.services.reindexer.starts.at(-1)).toEqual({ full: true, by: `caporedattore (${mod.id})` });

    const progress = shownFor(h.fake, i).filter((m) => m.content.startsWith('⏳ Reindex running'));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress[0]?.content).toMatch(/embedding passages: \d+\/50 \(\d+%\)/);
    // 5 updates 40 ms apart (200 ms), at most one edit per 100 ms: 3 edits at most. (Exact spacing
    // is checked with fake timers in tests/unit/discord-reindex-progress.test.ts; arrival times here jitter.)
    expect(progress.length).toBeLessThanOrEqual(3);

    const report = (done.body as { content: string }).content;
    expect(report).toContain('(full)');
    expect(report).toContain('Articles: seen 12 · added 2 · updated 1 · unchanged 8 · removed 1 · skipped 7');
    for (let n = 0; n < 5; n++) expect(report).toContain(`bad-${n}.txt: empty body ${n}`);
    expect(report).not.toContain('bad-5.txt');
    expect(report).toContain('…and 2 more');
    expect(report).toContain('Passages: 340 total · 25 embedded · 4 removed');
    expect(report).toContain('Model: `Xenova/multilingual-e5-small`');
    expect(report).toMatch(/in 1\.2 s/);
  });

  it('with a role from MODERATOR_ROLE_IDS and no permissions: allowed, report in Italian', async () => {
    const i = h.fake.sendSlashCommand({
      name: 'reindex',
      user: h.fake.user('moderatrice'),
      permissions: PERMISSIONS.none,
      roles: [modRole],
      locale: 'it',
    });
    const done = await h.fake.waitFor(finalEdit(i.token, /Reindicizzazione completata/));
    expect((done.body as { content: string }).content).toContain('Articoli: visti 12');
    expect(h.services.reindexer.starts.at(-1)?.full).toBe(false);
  });

  it('a second /reindex while one runs is told who started it and when; only one build starts', async () => {
    h.services.reindexer.steps = 10;
    try {
      const before = h.services.reindexer.starts.length;
      const first = h.fake.sendSlashCommand({
        name: 'reindex',
        user: h.fake.user('primo'),
        permissions: PERMISSIONS.manageGuild,
      });
      await h.fake.waitFor(repliedTo(first));
      const second = h.fake.sendSlashCommand({
        name: 'reindex',
        user: h.fake.user('secondo'),
        permissions: PERMISSIONS.manageGuild,
      });
      await h.fake.waitFor(repliedTo(second));
      const [refusal] = shownFor(h.fake, second);
      expect(refusal).toMatchObject({ kind: 'reply', flags: EPHEMERAL });
      expect(refusal?.content).toMatch(
        /^A reindex is already running since <t:\d+:T> \(<t:\d+:R>\), started by primo \(\d+\)\.$/,
      );
      await h.fake.waitFor(finalEdit(first.token, /Reindex finished/));
      expect(h.services.reindexer.starts.length).toBe(before + 1);
    } finally {
      h.services.reindexer.steps = 5;
    }
  });

  it('a failed build reports its error and that the previous index keeps serving', async () => {
    h.services.reindexer.report = buildReport({
      outcome: 'failed',
      error: 'ENOSPC: no space left on device',
      generationId: null,
    });
    try {
      const i = h.fake.sendSlashCommand({
        name: 'reindex',
        user: h.fake.user('mod2'),
        permissions: PERMISSIONS.manageGuild,
      });
      const done = await h.fake.waitFor(finalEdit(i.token, /Reindex failed/));
      const text = (done.body as { content: string }).content;
      expect(text).toContain('ENOSPC: no space left on device');
      expect(text).toContain('The previous index keeps serving.');
    } finally {
      h.services.reindexer.report = buildReport();
    }
  });

  it('no interaction was left thinking', () => {
    expect(leftThinking(h.fake)).toEqual([]);
  });
});

describe('/reindex longer than the interaction token (threshold 300 ms, token dies at 450 ms)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ progressIntervalMs: 100, interactionTokenMs: 300 });
    h.fake.interactionTokenTtlMs = 450;
    h.services.reindexer.steps = 8;
    h.services.reindexer.stepMs = 100;
  });
  afterAll(async () => {
    await h.close();
  });

  it('moves progress and the final report to channel messages sent with the bot token; no 401s', async () => {
    const i = h.fake.sendSlashCommand({
      name: 'reindex',
      user: h.fake.user('lento'),
      permissions: PERMISSIONS.manageGuild,
    });
    const report = await h.fake.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.path === `/channels/${h.fake.mainChannelId}/messages` &&
        (c.body as { content: string }).content.includes('Reindex finished'),
      5000,
    );
    expect(report.authorization).toBe(`Bot ${h.fake.token}`);
    expect(
      shownFor(h.fake, i).some(
        (m) => m.kind === 'edit' && m.content.includes('Updates continue in a message in this channel.'),
      ),
    ).toBe(true);
    const channelProgress = h.fake.calls.filter(
      (c) =>
        c.path.startsWith(`/channels/${h.fake.mainChannelId}/messages`) &&
        (c.body as { content: string }).content.startsWith('⏳'),
    );
    expect(channelProgress.length).toBeGreaterThanOrEqual(2);
    expect(channelProgress.slice(1).every((c) => c.method === 'PATCH')).toBe(true);
    expect(h.fake.calls.filter((c) => c.status >= 400)).toEqual([]);
  });
});
