import { ApplicationIntegrationType, InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { isChannelAllowed } from '../access.js';
import { admitQuestion } from '../admit-question.js';
import type { Command, CommandSettings } from '../context.js';
import { userErrors } from '../errors.js';
import { languageHintFromLocale } from '../locale.js';
import { readBooleanOption, readStringOption } from '../options.js';
import { recordIfNotCovered } from '../record-gap.js';
import { sendAnswerToInteraction } from '../send-answer.js';
import { tellSetupToInteraction } from '../tell-setup.js';
import { continueInThread, threadConversation } from '../thread-conversation.js';

const NAME = 'ask';

const define = (settings: CommandSettings) =>
  new SlashCommandBuilder()
    .setName(NAME)
    .setNameLocalizations({ it: 'chiedi' })
    .setDescription('Ask a question about our articles')
    .setDescriptionLocalizations({ it: 'Fai una domanda sui nostri articoli' })
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('question')
        .setNameLocalizations({ it: 'domanda' })
        .setDescription('Your question, in Italian or English')
        .setDescriptionLocalizations({ it: 'La tua domanda, in italiano o in inglese' })
        .setRequired(true)
        .setMaxLength(settings.maxQuestionChars),
    )
    .addBooleanOption((o) =>
      o
        .setName('private')
        .setNameLocalizations({ it: 'privata' })
        .setDescription('Only you see the answer')
        .setDescriptionLocalizations({ it: 'Solo tu vedi la risposta' }),
    )
    .toJSON();

/**
 * `/ask question:<text> [private:<bool>]` (`/chiedi domanda: [privata:]`): answers from the
 * articles; in a thread with the thread's conversation, elsewhere possibly continuing in a new thread.
 */
export default {
  name: NAME,
  define,
  async execute(interaction, context) {
    if (!isChannelAllowed(interaction.channelId, interaction.channel, context.options.allowedChannelIds))
      throw userErrors.channelNotAllowed();
    const question = readStringOption(interaction, 'question') ?? '';
    const ephemeral = readBooleanOption(interaction, 'private') ?? false;
    const channel = interaction.channel;
    const thread = channel !== null && channel.isThread() ? channel : null;
    // In a thread the question continues its conversation (one quick REST read at most, well within the 3 s to defer).
    const conversation = thread === null ? null : await threadConversation(thread, null, context);
    const pending = admitQuestion(context, {
      userId: interaction.user.id,
      question,
      languageHint: languageHintFromLocale(interaction.locale),
      ...conversation,
    });
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const answer = await pending;
    recordIfNotCovered(context, answer, { question: question.trim(), channelId: interaction.channelId });
    const sent = await sendAnswerToInteraction(interaction, answer, {
      ephemeral,
      question: question.trim(),
      memory: context.answerMemory,
    });
    await tellSetupToInteraction(interaction, context);
    if (thread === null)
      await continueInThread({
        sent,
        question: question.trim(),
        answer,
        ephemeral,
        channel,
        permissions: interaction.appPermissions,
        context,
      });
  },
} satisfies Command;
