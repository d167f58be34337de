import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord.js';
import { assertModerator } from '../access.js';
import type { Command } from '../context.js';
import { userErrors } from '../errors.js';
import { formatGaps } from '../format-gaps.js';
import { uiLangFromLocale } from '../locale.js';
import { sendChunksToInteraction } from '../send-answer.js';
import { splitMessage } from '../split-message.js';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 365;
const SHOWN_GROUPS = 15;

const data = {
  ...new SlashCommandBuilder()
    .setName('gaps')
    .setNameLocalizations({ it: 'lacune' })
    .setDescription('The most frequent questions the articles did not answer (moderators)')
    .setDescriptionLocalizations({ it: 'Le domande più frequenti a cui gli articoli non hanno risposto (moderatori)' })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((o) =>
      o
        .setName('days')
        .setNameLocalizations({ it: 'giorni' })
        .setDescription(`How many days back (default ${DEFAULT_DAYS})`)
        .setDescriptionLocalizations({ it: `Quanti giorni indietro (predefinito ${DEFAULT_DAYS})` })
        .setMinValue(1)
        .setMaxValue(MAX_DAYS),
    )
    .toJSON(),
  // Older clients still read the deprecated flag; `contexts` is what current ones use.
  dm_permission: false,
};

/** The `days` option, checked at run time (payloads can be forged or stale). */
function readDays(interaction: Parameters<Command['execute']>[0]): number {
  const option = interaction.options.data.find((o) => o.name === 'days');
  if (option === undefined) return DEFAULT_DAYS;
  const value = option.value;
  if (option.type !== ApplicationCommandOptionType.Integer || typeof value !== 'number')
    throw userErrors.invalidOption('days');
  if (!Number.isInteger(value) || value < 1 || value > MAX_DAYS) throw userErrors.invalidOption('days');
  return value;
}

/** `/gaps [days:<n>]` (`/lacune [giorni:]`): moderators see the most frequent unanswered questions, privately. */
export default {
  name: data.name,
  define: () => data,
  async execute(interaction, context) {
    assertModerator(interaction, context.options.moderatorRoleIds);
    const days = readDays(interaction);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const groups = context.services.gaps.top(days, Number.MAX_SAFE_INTEGER);
    const text = formatGaps(groups, { days, limit: SHOWN_GROUPS, lang: uiLangFromLocale(interaction.locale) });
    await sendChunksToInteraction(interaction, splitMessage(text), { ephemeral: true });
  },
} satisfies Command;
