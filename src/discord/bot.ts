import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import { AnswerMemory } from './answer-memory.js';
import { commands } from './commands/index.js';
import type { BotContext, BotOptions } from './context.js';
import { BotSetup, SetupNotices } from './diagnose.js';
import { describeError } from './handle-error.js';
import { JobQueue } from './job-queue.js';
import { handleMessage } from './mention.js';
import type { BotServices } from './ports.js';
import { RateLimiter } from './rate-limiter.js';
import { DEFAULT_INTERACTION_TOKEN_MS } from './reindex-progress.js';
import { routeInteraction } from './route-interaction.js';

export type { BotOptions } from './context.js';

/** A Discord bot, created but not yet connected. */
export interface Bot {
  /** The current client (a new one after a login that had to drop the Message Content intent). */
  readonly client: Client;
  /** Connects with `token` and resolves once the client is ready (guilds received). Rejects on a bad token. */
  login(token: string): Promise<void>;
  /** Disconnects; safe to call twice. */
  destroy(): Promise<void>;
}

/** Discord closed the gateway because a privileged intent is not switched on (close code 4014). */
class DisallowedIntentsError extends Error {
  override readonly name = 'DisallowedIntentsError';
}

/**
 * Builds the bot: a discord.js Client (guilds, guild messages, message content intents; it can
 * never ping anyone) wired to the slash commands, mentions and feedback buttons. Nothing connects
 * until `login`; when Discord refuses the Message Content intent, the bot connects without it
 * and tells whoever asks. Throws RangeError on invalid limits in `options`.
 */
export function createBot(input: { services: BotServices; logger: Logger; options: BotOptions }): Bot {
  const { services, logger } = input;
  const options: Required<BotOptions> = {
    interactionTokenMs: DEFAULT_INTERACTION_TOKEN_MS,
    answerInThreads: 'auto',
    ...input.options,
  };
  const context: BotContext = {
    services,
    logger,
    options,
    rateLimiter: new RateLimiter({ limit: options.rateLimitPerMinute, windowMs: 60_000 }),
    answerQueue: new JobQueue({ concurrency: options.maxConcurrentAnswers, limit: options.queueLimit }),
    answerMemory: new AnswerMemory(1000),
    setup: new BotSetup(commands.map((c) => c.name)),
    notices: new SetupNotices(),
  };
  let client = createClient(context, options.apiUrl, true);
  return {
    get client() {
      return client;
    },
    async login(token) {
      try {
        await connect(client, token);
      } catch (error) {
        if (!(error instanceof DisallowedIntentsError)) throw error;
        logger.error(
          'Discord refused the Message Content intent: connecting without it (turn it on in the developer portal, Bot → Privileged Gateway Intents)',
        );
        context.setup.messageContent = false;
        await client.destroy();
        client = createClient(context, options.apiUrl, false);
        await connect(client, token);
      }
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord bot ready');
      // Awaited, so that login resolves with the setup known (two small REST calls).
      const ready = client as Client<true>;
      await context.setup
        .readCommands(ready)
        .then(() => {
          const missing = Object.fromEntries(context.setup.missingCommands);
          if (Object.values(missing).some((names) => names.length > 0))
            logger.warn({ missing }, 'slash commands not registered: run npm run deploy-commands');
        })
        .catch((error: unknown) =>
          logger.warn({ error: describeError(error) }, 'could not read the registered slash commands'),
        );
    },
    async destroy() {
      await client.destroy();
    },
  };
}

/** Logs in and resolves once the client is ready; rejects on a bad token or a refused intent (4014). */
async function connect(client: Client, token: string): Promise<void> {
  const abort = new AbortController();
  const ready = new Promise<void>((resolve, reject) => {
    const onDisconnect = (event: { code: number }) => {
      if (event.code === 4014) reject(new DisallowedIntentsError('Discord refused a privileged intent (4014)'));
    };
    client.once(Events.ClientReady, () => {
      client.off(Events.ShardDisconnect, onDisconnect);
      resolve();
    });
    client.on(Events.ShardDisconnect, onDisconnect);
    abort.signal.addEventListener('abort', () => client.off(Events.ShardDisconnect, onDisconnect));
  });
  ready.catch(() => undefined);
  try {
    await client.login(token);
  } catch (error) {
    // discord.js has already destroyed the client.
    abort.abort();
    if (error instanceof Error && /disallowed intents/i.test(error.message))
      throw new DisallowedIntentsError(error.message);
    throw error;
  }
  await ready;
}

function createClient(context: BotContext, apiUrl: string | null, messageContent: boolean): Client {
  const { logger } = context;
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      ...(messageContent ? [GatewayIntentBits.MessageContent] : []),
    ],
    allowedMentions: { parse: [], repliedUser: false },
    ...(apiUrl === null ? {} : { rest: { api: apiUrl } }),
  });
  client.on(Events.InteractionCreate, (interaction) => void routeInteraction(interaction, context));
  client.on(Events.MessageCreate, (message) => void handleMessage(message, context));
  client.on(Events.Error, (error) => logger.error({ error: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway session resumed'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ shardId, code: event.code }, 'gateway disconnected for good'),
  );
  return client;
}
