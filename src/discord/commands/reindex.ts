import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { assertModerator } from '../access.js';
import type { Command } from '../context.js';
import { formatAlreadyRunning, formatBuildReport } from '../format-build.js';
import { uiLangFromLocale } from '../locale.js';
import { readBooleanOption } from '../options.js';
import { ReindexProgress } from '../reindex-progress.js';

const data = {
  ...new SlashCommandBuilder()
    .setName('reindex')
    .setNameLocalizations({ it: 'reindicizza' })
    .setDescription('Rebuild the article index (moderators)')
    .setDescriptionLocalizations({ it: 'Ricostruisce l’indice degli articoli (moderatori)' })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addBooleanOption((o) =>
      o
        .setName('full')
        .setNameLocalizations({ it: 'completa' })
        .setDescription('Re-embed every article, not only the changed ones')
        .setDescriptionLocalizations({ it: 'Ricalcola tutti gli articoli, non solo quelli cambiati' }),
    )
    .toJSON(),
  // Older clients still read the deprecated flag; `contexts` is what current ones use.
  dm_permission: false,
};

/** `/reindex [full:<bool>]` (`/reindicizza`): moderators rebuild the index, with progress and a final report. */
export default {
  name: data.name,
  define: () => data,
  async execute(interaction, context) {
    const lang = uiLangFromLocale(interaction.locale);
    assertModerator(interaction, context.options.moderatorRoleIds);
    const full = readBooleanOption(interaction, 'full') ?? false;
    const { reindexer } = context.services;
    const running = reindexer.running();
    if (running !== null) {
      await interaction.reply({ content: formatAlreadyRunning(running, lang), flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferReply();
    const progress = new ReindexProgress({
      interaction,
      lang,
      logger: context.logger,
      intervalMs: context.options.progressIntervalMs,
      tokenMs: context.options.interactionTokenMs,
    });
    try {
      const report = await reindexer.start({
        full,
        by: `${interaction.user.tag} (${interaction.user.id})`,
        onProgress: progress.update,
      });
      await progress.finish(formatBuildReport(report, lang));
    } catch (error) {
      // Another build (e.g. `npm run index`) may have taken the lock between running() and start().
      const other = reindexer.running();
      if (other === null) throw error;
      await progress.finish(formatAlreadyRunning(other, lang));
    } finally {
      progress.stop();
    }
  },
} satisfies Command;
