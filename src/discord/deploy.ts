import { REST, Routes } from 'discord.js';
import { commands } from './commands/index.js';
import type { CommandSettings } from './context.js';

/**
 * Registers every slash command with Discord, replacing the previous set (bulk overwrite):
 * in one guild (`PUT /applications/{app}/guilds/{guild}/commands`, instant, good for testing)
 * when `guildId` is set, else globally (`PUT /applications/{app}/commands`). `apiUrl` is a REST
 * base ending in `/api`, null for Discord itself. Throws DiscordAPIError on rejection.
 */
export async function deployCommands(input: {
  token: string;
  clientId: string;
  guildId: string | null;
  apiUrl: string | null;
  settings: CommandSettings;
}): Promise<{ scope: 'guild' | 'global'; names: string[] }> {
  const rest = new REST(input.apiUrl === null ? {} : { api: input.apiUrl }).setToken(input.token);
  const route =
    input.guildId === null
      ? Routes.applicationCommands(input.clientId)
      : Routes.applicationGuildCommands(input.clientId, input.guildId);
  const body = commands.map((c) => c.define(input.settings));
  await rest.put(route, { body });
  return { scope: input.guildId === null ? 'global' : 'guild', names: commands.map((c) => c.name) };
}
