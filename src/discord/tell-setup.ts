import { MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction, Message } from 'discord.js';
import type { BotContext } from './context.js';
import { formatCannotSpeak, formatSetupProblems, missingPermissions, type SetupProblem } from './diagnose.js';
import { describeError } from './handle-error.js';
import { uiLangFromLocale } from './locale.js';

/**
 * After an /ask: tells the asker, privately and once per channel, what keeps the bot from doing
 * its job there (channel permissions it lacks, the Message Content intent). Never throws.
 */
export async function tellSetupToInteraction(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  if (!interaction.inGuild()) return;
  const problems: SetupProblem[] = context.setup.problemsIn(null);
  const missing = missingPermissions(interaction.appPermissions);
  if (missing.length > 0) problems.unshift({ code: 'missing-permissions', permissions: missing });
  const news = context.notices.firstTime(interaction.user.id, interaction.channelId, problems);
  if (news.length === 0) return;
  try {
    await interaction.followUp({
      content: formatSetupProblems(news, uiLangFromLocale(interaction.locale)),
      flags: MessageFlags.Ephemeral,
    });
  } catch (error) {
    context.logger.warn({ error: describeError(error) }, 'could not tell the asker about a setup problem');
  }
}

/**
 * Before answering a mention: when the bot cannot speak in the message's channel, tells the author
 * by DM (once per channel) and returns false; otherwise returns true. Never throws.
 */
export async function checkCanAnswerMessage(message: Message<true>, context: BotContext): Promise<boolean> {
  const me = message.guild.members.me;
  const missing = me === null ? [] : missingPermissions(message.channel.permissionsFor(me));
  const speak = message.channel.isThread() ? 'SendMessagesInThreads' : 'SendMessages';
  const blocking = missing.filter((p) => p === 'ViewChannel' || p === speak);
  if (blocking.length === 0) return true;
  const problem: SetupProblem = { code: 'missing-permissions', permissions: missing };
  if (context.notices.firstTime(message.author.id, message.channelId, [problem]).length === 0) return false;
  try {
    const lang = uiLangFromLocale(message.guild.preferredLocale);
    await message.author.send({ content: formatCannotSpeak(message.channelId, missing, lang) });
  } catch (error) {
    context.logger.warn({ error: describeError(error) }, 'could not DM the asker about missing permissions');
  }
  return false;
}

/**
 * After answering a mention: tells the author, once per channel, in a reply, what else keeps the
 * bot from doing its job (other missing permissions, the intent, commands not registered). Never throws.
 */
export async function tellSetupToMessage(message: Message<true>, context: BotContext): Promise<void> {
  const me = message.guild.members.me;
  const problems: SetupProblem[] = context.setup.problemsIn(message.guildId);
  const missing = me === null ? [] : missingPermissions(message.channel.permissionsFor(me));
  if (missing.length > 0) problems.unshift({ code: 'missing-permissions', permissions: missing });
  const news = context.notices.firstTime(message.author.id, message.channelId, problems);
  if (news.length === 0) return;
  try {
    await message.reply({ content: formatSetupProblems(news, uiLangFromLocale(message.guild.preferredLocale)) });
  } catch (error) {
    context.logger.warn({ error: describeError(error) }, 'could not tell the asker about a setup problem');
  }
}
