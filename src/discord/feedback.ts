import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import type { Answer } from '../answer/answer.js';
import { t } from '../i18n/index.js';
import type { BotContext } from './context.js';
import { uiLangFromLocale } from './locale.js';

const PREFIX = 'fb';
// Discord's limit on a component's custom_id.
const MAX_CUSTOM_ID = 100;

/** A parsed feedback button id (`fb:up:<answerId>` / `fb:down:<answerId>`). */
export interface FeedbackVote {
  vote: 'up' | 'down';
  answerId: string;
}

/** The custom_id of a feedback button. */
export function feedbackCustomId(vote: 'up' | 'down', answerId: string): string {
  return `${PREFIX}:${vote}:${answerId}`;
}

/** Reads a feedback button's custom_id; null for any other id. */
export function parseFeedbackCustomId(customId: string): FeedbackVote | null {
  const match = /^fb:(up|down):(.+)$/s.exec(customId);
  if (!match) return null;
  const [, vote, answerId] = match;
  return (vote === 'up' || vote === 'down') && answerId !== undefined ? { vote, answerId } : null;
}

/**
 * The 👍/👎 row for `answer`; none for a no-answer, or when the answer id is too long for a
 * custom_id (the answer is still sent, just without buttons).
 */
export function buildFeedbackComponents(answer: Answer): ActionRowBuilder<ButtonBuilder>[] {
  if (answer.mode === 'no-answer') return [];
  if (feedbackCustomId('down', answer.id).length > MAX_CUSTOM_ID) return [];
  const button = (vote: 'up' | 'down', emoji: string) =>
    new ButtonBuilder().setCustomId(feedbackCustomId(vote, answer.id)).setEmoji(emoji).setStyle(ButtonStyle.Secondary);
  return [new ActionRowBuilder<ButtonBuilder>().addComponents(button('up', '👍'), button('down', '👎'))];
}

/**
 * Records a click on a feedback button and thanks the voter privately, in their language.
 * A second vote by the same person on the same answer is acknowledged but not stored.
 */
export async function handleFeedbackButton(
  interaction: ButtonInteraction,
  vote: FeedbackVote,
  context: BotContext,
): Promise<void> {
  const lang = uiLangFromLocale(interaction.locale);
  if (!context.answerMemory.markVoted(vote.answerId, interaction.user.id)) {
    await interaction.reply({ content: t(lang, 'discord.feedback.already-voted'), flags: MessageFlags.Ephemeral });
    return;
  }
  // An answer from before a restart still gets its vote, only without the question.
  const question = context.answerMemory.questionFor(vote.answerId) ?? '';
  context.services.feedback.recordVote({ answerId: vote.answerId, question, vote: vote.vote });
  const language = context.answerMemory.languageFor(vote.answerId);
  if (vote.vote === 'down' && question !== '' && language !== null)
    context.services.gaps.record({ question, lang: language, kind: 'down-vote', channelId: interaction.channelId });
  await interaction.reply({ content: t(lang, 'discord.feedback.thanks'), flags: MessageFlags.Ephemeral });
}
