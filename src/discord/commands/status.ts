import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { isModerator } from '../access.js';
import type { Command } from '../context.js';
import { channelsLackingPermissions, formatSetupReport } from '../diagnose.js';
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

/** `/status` (`/stato`): index and bot health, for anyone, shown privately; moderators also see setup problems. */
export default {
  name: data.name,
  define: () => data,
  async execute(interaction, context) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const lang = uiLangFromLocale(interaction.locale);
    const snapshot = await context.services.status();
    const sections = [formatStatus(snapshot, lang)];
    if (isModerator(interaction, context.options.moderatorRoleIds) && interaction.guild !== null) {
      const channels = channelsLackingPermissions(interaction.guild, context.options.allowedChannelIds);
      sections.push(formatSetupReport(channels, context.setup.problemsIn(interaction.guildId), lang, snapshot.stale));
    }
    await sendChunksToInteraction(interaction, splitMessage(sections.join('\n\n')), { ephemeral: true });
  },
} satisfies Command;
