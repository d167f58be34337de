import { MessageFlags } from 'discord.js';
import type { ActionRowBuilder, ButtonBuilder, ChatInputCommandInteraction, Message } from 'discord.js';
import type { Answer } from '../answer/answer.js';
import type { AnswerMemory } from './answer-memory.js';
import { buildFeedbackComponents } from './feedback.js';
import { formatAnswer } from './format-reply.js';

type Rows = ActionRowBuilder<ButtonBuilder>[];

/**
 * Shows `chunks` as the reply of a deferred interaction: the first edits the deferred reply, the
 * rest are follow-ups with the same ephemerality; `components` go on the last message.
 */
export async function sendChunksToInteraction(
  interaction: ChatInputCommandInteraction,
  chunks: readonly string[],
  options: { ephemeral: boolean; components?: Rows },
): Promise<Message | null> {
  const components = options.components ?? [];
  let first: Message | null = null;
  for (const [i, content] of chunks.entries()) {
    const rows = i === chunks.length - 1 ? components : [];
    if (i === 0) first = await interaction.editReply({ content, components: rows });
    else
      await interaction.followUp({
        content,
        components: rows,
        ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      });
  }
  return first;
}

/**
 * Replies to a deferred interaction with `answer` (formatted, split, feedback buttons) and
 * remembers its question; resolves with the reply's first message.
 */
export async function sendAnswerToInteraction(
  interaction: ChatInputCommandInteraction,
  answer: Answer,
  options: { ephemeral: boolean; question: string; memory: AnswerMemory },
): Promise<Message | null> {
  if (answer.mode !== 'no-answer') options.memory.remember(answer.id, options.question, answer.language);
  return sendChunksToInteraction(interaction, formatAnswer(answer), {
    ephemeral: options.ephemeral,
    components: buildFeedbackComponents(answer),
  });
}

/**
 * Answers a mention: the first chunk replies to `message`, the rest follow in the channel;
 * the feedback buttons go on the last message. Resolves with the first reply.
 */
export async function sendAnswerToMessage(
  message: Message<true>,
  answer: Answer,
  options: { question: string; memory: AnswerMemory },
): Promise<Message | null> {
  if (answer.mode !== 'no-answer') options.memory.remember(answer.id, options.question, answer.language);
  const chunks = formatAnswer(answer);
  const components = buildFeedbackComponents(answer);
  let first: Message | null = null;
  for (const [i, content] of chunks.entries()) {
    const rows = i === chunks.length - 1 ? components : [];
    if (i === 0) first = await message.reply({ content, components: rows });
    else await message.channel.send({ content, components: rows });
  }
  return first;
}
