import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.js';
import { FakeDiscord } from '../helpers/fake-discord.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

type Registered = Array<Record<string, unknown> & { name: string; options?: Array<Record<string, unknown>> }>;

describe('deployCommands', () => {
  it('registers the command list in a guild (PUT …/guilds/{gid}/commands) with the bot token', async () => {
    const result = await deployCommands({
      token: fake.token,
      clientId: fake.applicationId,
      guildId: fake.guild.id,
      apiUrl: fake.apiUrl,
      settings: { maxQuestionChars: 1000 },
    });
    expect(result).toEqual({ scope: 'guild', names: ['ask', 'status', 'reindex', 'gaps'] });
    const put = await fake.waitFor(
      (c) => c.method === 'PUT' && c.path === `/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`,
    );
    expect(put.authorization).toBe(`Bot ${fake.token}`);
    const [ask, status, reindex] = put.body as Registered;
    expect(ask).toMatchObject({
      name: 'ask',
      name_localizations: { it: 'chiedi' },
      description_localizations: { it: expect.any(String) as unknown },
    });
    expect(ask?.options).toEqual([
      expect.objectContaining({
        name: 'question',
        name_localizations: { it: 'domanda' },
        type: 3,
        required: true,
        max_length: 1000,
      }),
      expect.objectContaining({ name: 'private', name_localizations: { it: 'privata' }, type: 5 }),
    ]);
    expect(status).toMatchObject({ name: 'status' });
    expect(status?.default_member_permissions).toBeUndefined();
    expect(reindex).toMatchObject({
      name: 'reindex',
      default_member_permissions: '32',
      dm_permission: false,
      contexts: [0],
    });
    expect(reindex?.options).toEqual([expect.objectContaining({ name: 'full', type: 5 })]);
  });

  it('registers globally (PUT /applications/{app}/commands) without a guild id', async () => {
    const result = await deployCommands({
      token: fake.token,
      clientId: fake.applicationId,
      guildId: null,
      apiUrl: fake.apiUrl,
      settings: { maxQuestionChars: 1000 },
    });
    expect(result.scope).toBe('global');
    expect((fake.registeredCommands.get('global') ?? []).map((c) => (c as { name: string }).name)).toEqual([
      'ask',
      'status',
      'reindex',
      'gaps',
    ]);
  });

  it('rejects when Discord refuses the token', async () => {
    await expect(
      deployCommands({
        token: 'wrong',
        clientId: fake.applicationId,
        guildId: null,
        apiUrl: fake.apiUrl,
        settings: { maxQuestionChars: 1000 },
      }),
    ).rejects.toThrow(/Unauthorized/);
  });
});

describe('scripts/deploy-commands.ts', () => {
  const script = ['--import', 'tsx', 'scripts/deploy-commands.ts'];

  it('exits 1 with one clear line when the token or client id is missing', async () => {
    const failure = await run(process.execPath, script, {
      cwd: root,
      env: { ...process.env, DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '' },
    }).then(
      () => null,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe(
      'deploy-commands: set DISCORD_TOKEN and DISCORD_CLIENT_ID (in .env or the environment) first.',
    );
  });

  it('registers the commands in DISCORD_GUILD_ID on the fake', async () => {
    const env = {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guild.id,
      DISCORD_API_URL: fake.apiUrl,
    };
    const { stdout } = await run(process.execPath, script, { cwd: root, env });
    expect(stdout.trim()).toBe(`deploy-commands: registered /ask, /status, /reindex, /gaps in guild ${fake.guild.id}.`);
  });
});
