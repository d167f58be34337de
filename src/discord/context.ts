import type { ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Logger } from 'pino';
import type { ThreadMode } from './threads.js';
import type { AnswerMemory } from './answer-memory.js';
import type { BotSetup, SetupNotices } from './diagnose.js';
import type { JobQueue } from './job-queue.js';
import type { BotServices } from './ports.js';
import type { RateLimiter } from './rate-limiter.js';

/** What the registered command definitions depend on (from config). */
export interface CommandSettings {
  /** Longest question accepted, in characters: the /ask option's `max_length` and admitQuestion's limit. */
  maxQuestionChars: number;
}

/** How the bot behaves; the composition root fills it from config. */
export interface BotOptions extends CommandSettings {
  /** REST base ending in `/api` (e.g. `http://127.0.0.1:8080/api`); null for Discord itself. */
  apiUrl: string | null;
  /** Roles allowed to /reindex besides members with Manage Server. */
  moderatorRoleIds: string[];
  /** When non-empty, questions are only taken in these channels (and their threads). */
  allowedChannelIds: string[];
  /** Questions per user per sliding minute. */
  rateLimitPerMinute: number;
  /** Answer jobs running at once. */
  maxConcurrentAnswers: number;
  /** Answer jobs waiting for a slot before new questions are refused as "busy". */
  queueLimit: number;
  /** Minimum time between two progress edits of a /reindex reply (ms). */
  progressIntervalMs: number;
  /** After this long (ms) a /reindex reports in a channel message instead of the interaction, whose token lasts 15 min. Default 14 min. */
  interactionTokenMs?: number;
  /** ANSWER_IN_THREADS: whether answers continue in a thread (default auto: where the channel allows it). */
  answerInThreads?: ThreadMode;
}

/** Everything a command or event handler needs; built once per bot. */
export interface BotContext {
  services: BotServices;
  logger: Logger;
  options: Required<BotOptions>;
  rateLimiter: RateLimiter;
  answerQueue: JobQueue;
  answerMemory: AnswerMemory;
  /** What the bot learnt about its setup at login (intent, registered commands). */
  setup: BotSetup;
  /** Who was already told about a setup problem, so nobody hears of it twice. */
  notices: SetupNotices;
}

/** One slash command: the JSON registered with Discord and its handler. */
export interface Command {
  /** The name registered with Discord (`define(…).name`); it routes invocations. */
  name: string;
  /** The definition registered with Discord, which may depend on configured settings. */
  define(settings: CommandSettings): RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Handles one invocation; throws (UserFacingError or anything) to the central error handler. */
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
}
