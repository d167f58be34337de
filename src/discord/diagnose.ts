import { ChannelType, PermissionFlagsBits } from 'discord.js';
import type { StaleItem } from '../index/staleness.js';
import { redactUrls } from '../util/redact-url.js';
import { sourceLabel, wordSourceError } from './format-sources.js';
import { formatTimestamp } from './format-units.js';
import type { Client, Guild, PermissionsBitField } from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { Lang } from '../text/lang.js';
import { missingCommands } from './check-setup.js';
import { t } from '../i18n/index.js';

/** The channel permissions the bot needs to do its job (answer, link sources, open threads). */
export const NEEDED_PERMISSIONS = {
  ViewChannel: PermissionFlagsBits.ViewChannel,
  SendMessages: PermissionFlagsBits.SendMessages,
  SendMessagesInThreads: PermissionFlagsBits.SendMessagesInThreads,
  CreatePublicThreads: PermissionFlagsBits.CreatePublicThreads,
  EmbedLinks: PermissionFlagsBits.EmbedLinks,
} as const;
export type NeededPermission = keyof typeof NEEDED_PERMISSIONS;

/** What stops the bot from doing its job somewhere. */
export type SetupProblem =
  | { code: 'missing-permissions'; permissions: NeededPermission[] }
  | { code: 'message-content-off' }
  | { code: 'commands-not-deployed'; commands: string[] };

/** The needed permissions `permissions` lacks; none when unknown (null). */
export function missingPermissions(permissions: Readonly<PermissionsBitField> | null): NeededPermission[] {
  if (permissions === null) return [];
  return (Object.keys(NEEDED_PERMISSIONS) as NeededPermission[]).filter(
    (name) => !permissions.has(NEEDED_PERMISSIONS[name]),
  );
}

/** What the bot learnt about its own setup at login: the intent, and which commands each guild lacks. */
export class BotSetup {
  /** @param commandNames the bot's slash commands, by name (`commands/index.ts`). */
  constructor(readonly commandNames: readonly string[]) {}

  /** False when Discord refused the Message Content intent and the bot connected without it. */
  messageContent = true;
  /** Slash command names not registered (globally nor in the guild), per guild id. */
  readonly missingCommands = new Map<string, string[]>();

  /** The problems that apply in `guildId` besides channel permissions. */
  problemsIn(guildId: string | null): SetupProblem[] {
    const problems: SetupProblem[] = [];
    if (!this.messageContent) problems.push({ code: 'message-content-off' });
    const missing = guildId === null ? [] : (this.missingCommands.get(guildId) ?? []);
    if (missing.length > 0) problems.push({ code: 'commands-not-deployed', commands: missing });
    return problems;
  }

  /** Reads the registered commands (global and per guild) and records what each guild lacks. Throws on REST failure. */
  async readCommands(client: Client<true>): Promise<void> {
    const global = [...(await client.application.commands.fetch()).values()];
    for (const guild of client.guilds.cache.values()) {
      const local = [...(await guild.commands.fetch()).values()];
      this.missingCommands.set(guild.id, missingCommands(this.commandNames, [...global, ...local]));
    }
  }
}

/** Remembers whom the bot told about which problem where, so each person hears of it once. */
export class SetupNotices {
  readonly #told = new LRUCache<string, true>({ max: 10_000 });

  /** The problems `userId` has not been told about in `placeId` yet; marks them as told. */
  firstTime(userId: string, placeId: string, problems: SetupProblem[]): SetupProblem[] {
    return problems.filter((p) => {
      const key = `${userId}:${placeId}:${p.code}`;
      if (this.#told.has(key)) return false;
      this.#told.set(key, true);
      return true;
    });
  }
}

const list = (names: NeededPermission[], lang: Lang) =>
  names.map((n) => `«${t(lang, `setup.permission.${n}`)}»`).join(', ');

/** One paragraph per problem, in `lang`, for the person who asked. */
export function formatSetupProblems(problems: SetupProblem[], lang: Lang): string {
  return problems
    .map((p) => {
      if (p.code === 'missing-permissions')
        return t(lang, 'setup.missing-here', { permissions: list(p.permissions, lang) });
      if (p.code === 'message-content-off') return t(lang, 'setup.message-content-off');
      return t(lang, 'setup.commands-not-deployed', { commands: p.commands.map((c) => `/${c}`).join(', ') });
    })
    .join('\n');
}

/** The DM sent when the bot cannot speak in the channel where it was asked. */
export function formatCannotSpeak(channelId: string, missing: NeededPermission[], lang: Lang): string {
  return t(lang, 'setup.cannot-speak', { channel: `<#${channelId}>`, permissions: list(missing, lang) });
}

/**
 * The text channels of `guild` where the bot lacks a needed permission: those it can see, and
 * those in `allowedChannelIds` it cannot see.
 */
export function channelsLackingPermissions(
  guild: Guild,
  allowedChannelIds: readonly string[],
): Array<{ channelId: string; missing: NeededPermission[] }> {
  const me = guild.members.me;
  if (me === null) return [];
  return [...guild.channels.cache.values()].flatMap((channel) => {
    if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) return [];
    const missing = missingPermissions(channel.permissionsFor(me));
    const hidden = missing.includes('ViewChannel');
    if (missing.length === 0 || (hidden && !allowedChannelIds.includes(channel.id))) return [];
    return [{ channelId: channel.id, missing }];
  });
}

/** The moderators' /status section: stale builds and sources, channels lacking permissions, then the intent and commands. */
export function formatSetupReport(
  channels: Array<{ channelId: string; missing: NeededPermission[] }>,
  problems: SetupProblem[],
  lang: Lang,
  stale: readonly StaleItem[] = [],
): string {
  const lines = [t(lang, 'setup.status.title')];
  for (const item of stale) lines.push(`⚠️ ${formatStaleItem(item, lang)}`);
  for (const c of channels)
    lines.push(
      `⚠️ ${t(lang, 'setup.status.channel', { channel: `<#${c.channelId}>`, permissions: list(c.missing, lang) })}`,
    );
  for (const p of problems) lines.push(`⚠️ ${formatSetupProblems([p], lang).replace(/^ℹ️ /, '')}`);
  if (lines.length === 1) lines.push(t(lang, 'setup.status.none'));
  return lines.join('\n');
}

/** One stale build or source, for moderators: since when, and the latest error (URLs without credentials). */
function formatStaleItem(item: StaleItem, lang: Lang): string {
  const since = formatTimestamp(item.since, 'R');
  const detail = `\`${redactUrls(item.error ?? '—')
    .slice(0, 300)
    .replace(/`/g, "'")}\``;
  if (item.kind === 'build') return t(lang, 'setup.stale', { since, error: detail });
  return t(lang, 'setup.stale-source', {
    source: sourceLabel(item.sourceId),
    since,
    reason: wordSourceError(item.errorCode, lang),
    error: detail,
  });
}
