/** Registers the bot's slash commands: in DISCORD_GUILD_ID when set (instant), else globally. */
import { ConfigError, loadConfig } from '../src/config.js';
import type { Config } from '../src/config.js';
import { deployCommands } from '../src/discord/deploy.js';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`deploy-commands: ${error.message}`);
  process.exit(1);
}
if (config.DISCORD_TOKEN === null || config.DISCORD_CLIENT_ID === null) {
  console.error('deploy-commands: set DISCORD_TOKEN and DISCORD_CLIENT_ID (in .env or the environment) first.');
  process.exit(1);
}

try {
  const result = await deployCommands({
    token: config.DISCORD_TOKEN,
    clientId: config.DISCORD_CLIENT_ID,
    guildId: config.DISCORD_GUILD_ID,
    apiUrl: config.DISCORD_API_URL,
    settings: { maxQuestionChars: config.MAX_QUESTION_CHARS },
  });
  const where = result.scope === 'guild' ? `in guild ${config.DISCORD_GUILD_ID ?? ''}` : 'globally';
  console.log(`deploy-commands: registered ${result.names.map((n) => `/${n}`).join(', ')} ${where}.`);
} catch (error) {
  console.error(
    `deploy-commands: Discord refused the commands: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
