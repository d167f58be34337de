import { ApplicationFlags, DiscordAPIError, REST, Routes } from 'discord.js';
import type { RESTGetAPIApplicationCommandsResult, RESTGetCurrentApplicationResult } from 'discord.js';
import type { Findings } from '../ops/problem.js';

/** Either flag means the Message Content privileged intent is switched on for the application. */
export const MESSAGE_CONTENT_FLAGS =
  ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited;

/** The names in `expected` (the bot's slash commands) that `deployed` lacks, in `expected`'s order. */
export function missingCommands(expected: readonly string[], deployed: readonly { name: string }[]): string[] {
  const names = new Set(deployed.map((c) => c.name));
  return expected.filter((n) => !names.has(n));
}

/**
 * Online checks against Discord's REST API with the bot token: the token is accepted, the
 * Message Content intent is on, the bot is in at least one server, and every slash command is
 * registered (`commandNames`, in `guildId` when set, else globally). Adds what it finds to `findings`.
 */
export async function checkDiscordSetup(
  findings: Findings,
  input: {
    token: string;
    apiUrl: string | null;
    guildId: string | null;
    timeoutMs: number;
    commandNames: readonly string[];
  },
): Promise<void> {
  const rest = new REST({
    timeout: input.timeoutMs,
    retries: 0,
    ...(input.apiUrl === null ? {} : { api: input.apiUrl }),
  });
  rest.setToken(input.token);
  let application: RESTGetCurrentApplicationResult;
  try {
    application = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  } catch (error) {
    const rejected = error instanceof DiscordAPIError && error.status === 401;
    findings.fail('Discord login', {
      code: rejected ? 'token-rejected' : 'discord-unreachable',
      key: rejected ? 'DISCORD_TOKEN' : 'DISCORD_API_URL',
      message: rejected
        ? 'Discord rejects DISCORD_TOKEN (401): reset the token in the developer portal (Bot → Reset Token) and put the new one in .env.'
        : `Discord cannot be reached (${(error as Error).message}): check the network or DISCORD_API_URL.`,
      fatal: true,
    });
    return;
  }
  findings.pass('Discord login', `the token is accepted for ${application.name} (${application.id})`);
  checkIntent(findings, application.flags ?? 0);
  await checkGuilds(findings, rest);
  await checkCommands(findings, rest, application.id, input.guildId, input.commandNames);
}

function checkIntent(findings: Findings, flags: number): void {
  if ((flags & MESSAGE_CONTENT_FLAGS) !== 0) {
    findings.pass('Message Content intent', 'on');
    return;
  }
  findings.fail('Message Content intent', {
    code: 'intent-message-content-off',
    message:
      'The Message Content intent is off: the bot then only reads messages that mention it, and says so to whoever asks. Turn it on in the developer portal (Bot → Privileged Gateway Intents → Message Content).',
    fatal: false,
  });
}

async function checkGuilds(findings: Findings, rest: REST): Promise<void> {
  const guilds = (await rest.get(Routes.userGuilds())) as unknown[];
  if (guilds.length > 0) {
    findings.pass('servers', `the bot is in ${guilds.length} server(s)`);
    return;
  }
  findings.fail('servers', {
    code: 'not-in-any-server',
    message:
      'The bot is in no server, so nobody can ask it anything: invite it with the link in README ("Running the bot").',
    fatal: true,
  });
}

async function checkCommands(
  findings: Findings,
  rest: REST,
  appId: string,
  guildId: string | null,
  commandNames: readonly string[],
): Promise<void> {
  const route = guildId === null ? Routes.applicationCommands(appId) : Routes.applicationGuildCommands(appId, guildId);
  const deployed = (await rest.get(route)) as RESTGetAPIApplicationCommandsResult;
  const missing = missingCommands(commandNames, deployed);
  const where = guildId === null ? 'globally' : `in server ${guildId}`;
  if (missing.length === 0) {
    findings.pass('slash commands', `${deployed.length} registered ${where}`);
    return;
  }
  findings.fail('slash commands', {
    code: 'commands-not-deployed',
    key: guildId === null ? undefined : 'DISCORD_GUILD_ID',
    message: `Not registered ${where}: ${missing.map((n) => `/${n}`).join(', ')}. Run \`npm run deploy-commands\` (mentions are still answered meanwhile).`,
    fatal: false,
  });
}
