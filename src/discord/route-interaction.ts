import type { Interaction } from 'discord.js';
import { commands } from './commands/index.js';
import type { BotContext } from './context.js';
import { userErrors } from './errors.js';
import { handleFeedbackButton, parseFeedbackCustomId } from './feedback.js';
import { handleError } from './handle-error.js';
import { uiLangFromLocale } from './locale.js';

/**
 * Dispatches an interaction: slash commands to their handler, feedback buttons to the vote
 * handler; anything else is ignored. Every failure goes through handleError. Never throws.
 */
export async function routeInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  if (!interaction.isRepliable()) return;
  const logContext = {
    interactionId: interaction.id,
    command: interaction.isChatInputCommand() ? interaction.commandName : undefined,
    customId: interaction.isButton() ? interaction.customId : undefined,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
  };
  try {
    if (interaction.isChatInputCommand()) {
      const command = commands.find((c) => c.name === interaction.commandName);
      if (command === undefined) throw userErrors.unknownCommand(interaction.commandName);
      await command.execute(interaction, context);
    } else if (interaction.isButton()) {
      const vote = parseFeedbackCustomId(interaction.customId);
      if (vote !== null) await handleFeedbackButton(interaction, vote, context);
    }
  } catch (error) {
    await handleError(error, interaction, {
      logger: context.logger,
      lang: uiLangFromLocale(interaction.locale),
      context: logContext,
    });
  }
}
