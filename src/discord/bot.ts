import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import { AnswerMemory } from './answer-memory.js';
import type { BotContext, BotOptions } from './context.js';
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
  client: Client;
  /** Connects with `token` and resolves once the client is ready (guilds received). Rejects on a bad token. */
  login(token: string): Promise<void>;
  /** Disconnects; safe to call twice. */
  destroy(): Promise<void>;
}

/**
 * Builds the bot: a discord.js Client (guilds, guild messages, message content intents; it can
 * never ping anyone) wired to the slash commands, mentions and feedback buttons. Nothing connects
 * until `login`. Throws RangeError on invalid limits in `options`.
 */
export function createBot(input: { services: BotServices; logger: Logger; options: BotOptions }): Bot {
  const { services, logger } = input;
  const options: Required<BotOptions> = { interactionTokenMs: DEFAULT_INTERACTION_TOKEN_MS, ...input.options };
  const context: BotContext = {
    services,
    logger,
    options,
    rateLimiter: new RateLimiter({ limit: options.rateLimitPerMinute, windowMs: 60_000 }),
    answerQueue: new JobQueue({ concurrency: options.maxConcurrentAnswers, limit: options.queueLimit }),
    answerMemory: new AnswerMemory(1000),
  };
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    allowedMentions: { parse: [], repliedUser: false },
    ...(options.apiUrl === null ? {} : { rest: { api: options.apiUrl } }),
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
  return {
    client,
    async login(token) {
      const abort = new AbortController();
      const ready = once(client, Events.ClientReady, { signal: abort.signal });
      ready.catch(() => undefined);
      try {
        await client.login(token);
      } catch (error) {
        // Drops the ready listener; discord.js has already destroyed the client.
        abort.abort();
        throw error;
      }
      await ready;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord bot ready');
    },
    async destroy() {
      await client.destroy();
    },
  };
}
