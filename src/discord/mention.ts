import { cleanContent } from 'discord.js';
import type { Message } from 'discord.js';
import { t } from '../i18n/index.js';
import { isChannelAllowed } from './access.js';
import { admitQuestion } from './admit-question.js';
import type { BotContext } from './context.js';
import { handleError } from './handle-error.js';
import { uiLangFromLocale } from './locale.js';
import { recordIfNotCovered } from './record-gap.js';
import { sendAnswerToMessage } from './send-answer.js';
import { checkCanAnswerMessage, tellSetupToMessage } from './tell-setup.js';

/** True when `content` mentions the user `botId` directly (`<@id>` or `<@!id>`), not via @everyone or a reply. */
export function mentionsUser(content: string, botId: string): boolean {
  return content.includes(`<@${botId}>`) || content.includes(`<@!${botId}>`);
}

/** `content` without the bot's own mentions, whitespace collapsed. */
export function stripMention(content: string, botId: string): string {
  return content.replaceAll(`<@${botId}>`, ' ').replaceAll(`<@!${botId}>`, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Answers a guild message that mentions the bot, as a reply to it. Ignores bots, system messages,
 * DMs, messages that do not mention the bot, and channels outside `allowedChannelIds`. A mention
 * without a question gets a one-line help in the guild's preferred locale. Never throws.
 */
export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  if (message.author.bot || message.system || !message.inGuild()) return;
  const botId = message.client.user.id;
  if (!mentionsUser(message.content, botId)) return;
  if (!isChannelAllowed(message.channelId, message.channel, context.options.allowedChannelIds)) return;
  const lang = uiLangFromLocale(message.guild.preferredLocale);
  if (!(await checkCanAnswerMessage(message, context))) return;
  try {
    // Other mentions become readable names (`@Maria`, `#cronaca`) before the question is searched.
    const question = cleanContent(stripMention(message.content, botId), message.channel);
    if (question === '') {
      await message.reply({ content: t(lang, 'discord.help') });
      return;
    }
    const pending = admitQuestion(context, { userId: message.author.id, question, languageHint: null });
    message.channel.sendTyping().catch(() => undefined);
    const answer = await pending;
    recordIfNotCovered(context, answer, { question, channelId: message.channelId });
    await sendAnswerToMessage(message, answer, { question, memory: context.answerMemory });
    await tellSetupToMessage(message, context);
  } catch (error) {
    const logContext = {
      event: 'mention',
      messageId: message.id,
      userId: message.author.id,
      guildId: message.guildId,
      channelId: message.channelId,
    };
    await handleError(error, message, { logger: context.logger, lang, context: logContext });
  }
}
