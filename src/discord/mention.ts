import { cleanContent } from 'discord.js';
import type { Message } from 'discord.js';
import { t } from '../i18n/index.js';
import { isChannelAllowed } from './access.js';
import { admitQuestion } from './admit-question.js';
import type { BotContext } from './context.js';
import { handleError } from './handle-error.js';
import { uiLangFromLocale } from './locale.js';
import { mentionsUser, stripMention } from './mention-text.js';
import { recordIfNotCovered } from './record-gap.js';
import { sendAnswerToMessage } from './send-answer.js';
import { checkCanAnswerMessage, tellSetupToMessage } from './tell-setup.js';
import { continueInThread, threadConversation } from './thread-conversation.js';

export { mentionsUser, stripMention } from './mention-text.js';

/**
 * Answers a guild message that mentions the bot (or, in a thread, replies to it), as a reply to
 * it. In a thread the thread's earlier turns are the question's context; outside one the answer
 * may continue in a new thread (ANSWER_IN_THREADS). Ignores bots, system messages, DMs, other
 * messages, and channels outside `allowedChannelIds`. A mention without a question gets a
 * one-line help in the guild's preferred locale. Never throws.
 */
export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  if (message.author.bot || message.system || !message.inGuild()) return;
  const botId = message.client.user.id;
  const thread = message.channel.isThread() ? message.channel : null;
  const repliesToBot = thread !== null && message.mentions.repliedUser?.id === botId;
  if (!mentionsUser(message.content, botId) && !repliesToBot) return;
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
    const conversation = thread === null ? null : await threadConversation(thread, message, context);
    const pending = admitQuestion(context, {
      userId: message.author.id,
      question,
      languageHint: null,
      ...conversation,
    });
    message.channel.sendTyping().catch(() => undefined);
    const answer = await pending;
    recordIfNotCovered(context, answer, { question, channelId: message.channelId });
    const sent = await sendAnswerToMessage(message, answer, { question, memory: context.answerMemory });
    await tellSetupToMessage(message, context);
    if (thread === null) {
      const me = message.guild.members.me;
      const permissions = me === null || message.channel.isDMBased() ? null : message.channel.permissionsFor(me);
      await continueInThread({
        sent,
        question,
        answer,
        ephemeral: false,
        channel: message.channel,
        permissions,
        context,
      });
    }
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
