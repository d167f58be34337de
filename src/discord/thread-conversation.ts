import { cleanContent } from 'discord.js';
import type { Channel, Message, PermissionsBitField, ThreadChannel } from 'discord.js';
import type { Answer } from '../answer/answer.js';
import type { BotContext } from './context.js';
import { stripMention } from './mention-text.js';
import { conversationIdFor, openThreadOn, readStarterMessage, shouldOpenThread } from './threads.js';

/** What a question asked in a thread carries: its conversation and, for a new one, its opening message. */
export interface ThreadConversation {
  conversationId: string;
  openingQuestion: string | null;
}

/**
 * The conversation of `thread` for a question in it: the thread's turns, or, when none are kept
 * yet (a thread a person opened), its starter message as the opening question — unless that
 * message is `current` itself or the bot's own. Never throws (an unreadable starter is skipped).
 */
export async function threadConversation(
  thread: ThreadChannel,
  current: { id: string } | null,
  context: BotContext,
): Promise<ThreadConversation> {
  const conversationId = conversationIdFor(thread.id);
  if (context.services.conversations.has(conversationId)) return { conversationId, openingQuestion: null };
  const botId = thread.client.user.id;
  const starter = await readStarterMessage(thread, botId);
  if (starter === null || starter.id === current?.id) return { conversationId, openingQuestion: null };
  const text = cleanContent(stripMention(starter.content, botId), starter.channel);
  return { conversationId, openingQuestion: text === '' ? null : text };
}

/**
 * After `answer` was sent as `sent` outside a thread, opens a thread on it when ANSWER_IN_THREADS
 * and the channel allow, and starts the thread's conversation with this question and answer.
 * Never throws: a thread Discord refuses is logged and the answer stays as it is.
 */
export async function continueInThread(input: {
  sent: Message | null;
  question: string;
  answer: Answer;
  ephemeral: boolean;
  channel: Channel | null;
  permissions: Readonly<PermissionsBitField> | null;
  context: BotContext;
}): Promise<void> {
  const { sent, context } = input;
  if (sent === null) return;
  const open = shouldOpenThread({
    mode: context.options.answerInThreads,
    channel: input.channel,
    permissions: input.permissions,
    answer: input.answer,
    ephemeral: input.ephemeral,
  });
  if (!open) return;
  const thread = await openThreadOn(sent, input.question, context.logger);
  if (thread !== null)
    context.services.conversations.remember(conversationIdFor(thread.id), input.question, input.answer);
}
