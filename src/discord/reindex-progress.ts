import type { ChatInputCommandInteraction, Message } from 'discord.js';
import type { Logger } from 'pino';
import type { BuildProgress } from '../index/build-report.js';
import type { Lang } from '../text/lang.js';
import { formatBuildStarted, formatHandover, formatProgress } from './format-build.js';
import { describeError } from './handle-error.js';
import { sendChunksToInteraction } from './send-answer.js';
import { splitMessage } from './split-message.js';

/** Default for how long a /reindex keeps using its interaction token (which lasts 15 min). */
export const DEFAULT_INTERACTION_TOKEN_MS = 14 * 60_000;

/**
 * Shows a running build's progress on a deferred /reindex reply, editing it at most every
 * `intervalMs`. After `tokenMs` the interaction token is about to expire, so updates and the
 * final report move to a channel message sent with the bot's own token. Edits run one at a time,
 * in order; a failed progress edit is logged, never thrown.
 */
export class ReindexProgress {
  readonly #interaction: ChatInputCommandInteraction;
  readonly #lang: Lang;
  readonly #logger: Logger;
  readonly #intervalMs: number;
  readonly #tokenMs: number;
  readonly #startedAt = Date.now();
  readonly #handoverTimer: NodeJS.Timeout;
  #latest: BuildProgress | null = null;
  #lastShownAt = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | null = null;
  #chain: Promise<void> = Promise.resolve();
  #handedOver = false;
  #channelMessage: Message | null = null;
  #stopped = false;

  constructor(options: {
    interaction: ChatInputCommandInteraction;
    lang: Lang;
    logger: Logger;
    intervalMs: number;
    tokenMs: number;
  }) {
    this.#interaction = options.interaction;
    this.#lang = options.lang;
    this.#logger = options.logger;
    this.#intervalMs = options.intervalMs;
    this.#tokenMs = options.tokenMs;
    this.#handoverTimer = setTimeout(() => this.#background(() => this.#handover()), this.#tokenMs);
  }

  /** Takes a progress report (pass as `onProgress`); shows the latest one when the interval allows. */
  readonly update = (progress: BuildProgress): void => {
    if (this.#stopped) return;
    this.#latest = progress;
    if (this.#timer !== null) return;
    const wait = Math.max(0, this.#lastShownAt + this.#intervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#lastShownAt = Date.now();
      this.#background(() => this.#show(this.#progressText()));
    }, wait);
  };

  /**
   * Stops progress updates and shows `text` (split under 2,000 characters) after any edit in flight:
   * on the interaction while its token is fresh, else (or if that fails) in the channel.
   * Throws when neither works.
   */
  async finish(text: string): Promise<void> {
    this.stop();
    const chunks = splitMessage(text);
    await this.#enqueue(async () => {
      if (!this.#handedOver && Date.now() - this.#startedAt < this.#tokenMs) {
        try {
          await sendChunksToInteraction(this.#interaction, chunks, { ephemeral: false });
          return;
        } catch (error) {
          this.#logger.warn(
            { error: describeError(error), interactionId: this.#interaction.id },
            'reindex report: interaction reply failed, using the channel',
          );
        }
      }
      for (const chunk of chunks) await this.#sendToChannel(chunk);
    });
  }

  /** Cancels pending updates and the handover timer; idempotent. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#handoverTimer);
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #show(text: string): Promise<void> {
    if (!this.#handedOver) await this.#interaction.editReply({ content: text });
    else if (this.#channelMessage !== null) await this.#channelMessage.edit({ content: text });
    else this.#channelMessage = await this.#sendToChannel(text);
  }

  async #handover(): Promise<void> {
    if (this.#stopped) return;
    this.#handedOver = true;
    const text = this.#progressText();
    try {
      await this.#interaction.editReply({ content: `${text}\n${formatHandover(this.#lang)}` });
    } catch (error) {
      this.#logger.warn(
        { error: describeError(error), interactionId: this.#interaction.id },
        'reindex: could not edit the reply before handover',
      );
    }
    this.#channelMessage = await this.#sendToChannel(text);
  }

  async #sendToChannel(content: string): Promise<Message> {
    const { channelId, client } = this.#interaction;
    const channel = this.#interaction.channel ?? (await client.channels.fetch(channelId));
    if (channel === null || !channel.isSendable())
      throw new Error(`reindex: cannot send messages in channel ${channelId}`);
    return channel.send({ content });
  }

  #progressText(): string {
    return this.#latest === null
      ? formatBuildStarted(this.#lang)
      : formatProgress(this.#latest, Date.now() - this.#startedAt, this.#lang);
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#chain.then(task);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  #background(task: () => Promise<void>): void {
    this.#enqueue(task).catch((error: unknown) => {
      this.#logger.warn(
        { error: describeError(error), interactionId: this.#interaction.id },
        'reindex progress update failed',
      );
    });
  }
}
