import { DiscordAPIError, Message, MessageFlags, RESTJSONErrorCodes } from 'discord.js';
import type { RepliableInteraction } from 'discord.js';
import type { Logger } from 'pino';
import { t } from '../i18n/index.js';
import type { Lang } from '../text/lang.js';
import { UserFacingError } from './errors.js';

/** Who gets told about the error: the interaction's user, or the author of a message. */
export type ErrorTarget = RepliableInteraction | Message;

/**
 * The one error path of the Discord layer. A UserFacingError is shown to the user in `lang`
 * (privately for interactions); anything else is logged with `context` and the user gets a short
 * apology. An interaction is never left "thinking": deferred → editReply, replied → followUp,
 * else reply. Never throws; a failed delivery is logged.
 */
export async function handleError(
  error: unknown,
  target: ErrorTarget,
  options: { logger: Logger; lang: Lang; context: Record<string, unknown> },
): Promise<void> {
  const { logger, lang, context } = options;
  let content: string;
  if (error instanceof UserFacingError) {
    logger.debug({ ...context, code: error.code }, 'user-facing error');
    content = error.textFor(lang);
  } else {
    logger.error({ ...context, error: describeError(error) }, 'handler failed');
    content = t(lang, 'discord.apology');
  }
  try {
    await deliver(target, content);
  } catch (deliveryError) {
    logger.warn({ ...context, error: describeError(deliveryError) }, 'could not tell the user about an error');
  }
}

async function deliver(target: ErrorTarget, content: string): Promise<void> {
  if (target instanceof Message) {
    await target.reply({ content });
  } else if (target.deferred) {
    await target.editReply({ content, components: [] });
  } else if (target.replied) {
    await target.followUp({ content, flags: MessageFlags.Ephemeral });
  } else {
    try {
      await target.reply({ content, flags: MessageFlags.Ephemeral });
    } catch (error) {
      // The defer reached Discord but its response did not reach us: the reply is deferred after all.
      if (!(
        error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged
      ))
        throw error;
      // editReply() refuses locally since discord.js thinks nothing was sent; the webhook does not.
      await target.webhook.editMessage('@original', { content, components: [] });
    }
  }
}

/**
 * A loggable summary of an error: name, message, code/status when present and stack. It leaves
 * out request URLs and bodies, which for interaction webhooks contain the interaction token.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const summary: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  for (const key of ['code', 'status'] as const) {
    if (key in error) summary[key] = (error as Error & Record<typeof key, unknown>)[key];
  }
  return summary;
}
