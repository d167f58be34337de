import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../context.js';
import { formatStatus } from '../format-status.js';
import { uiLangFromLocale } from '../locale.js';
import { sendChunksToInteraction } from '../send-answer.js';
import { splitMessage } from '../split-message.js';

const data = new SlashCommandBuilder()
  .setName('status')
  .setNameLocalizations({ it: 'stato' })
  .setDescription('Show the index, the answer mode and the feedback received')
  .setDescriptionLocalizations({ it: 'Mostra l’indice, la modalità di risposta e il feedback ricevuto' })
  .toJSON();

/** `/status` (`/stato`): index and bot health, for anyone, shown privately. */
export default {
  data,
  async execute(interaction, context) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const snapshot = await context.services.status();
    await sendChunksToInteraction(
      interaction,
      splitMessage(formatStatus(snapshot, uiLangFromLocale(interaction.locale))),
      { ephemeral: true },
    );
  },
} satisfies Command;
