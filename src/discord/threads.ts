import { ChannelType, PermissionFlagsBits, ThreadAutoArchiveDuration } from 'discord.js';
import type { Channel, Message, PermissionsBitField, ThreadChannel } from 'discord.js';
import type { Logger } from 'pino';
import type { Answer } from '../answer/answer.js';

/** ANSWER_IN_THREADS: auto = a thread when the channel allows it; always = try everywhere; never. */
export type ThreadMode = 'auto' | 'always' | 'never';

/** Discord's longest thread name. */
const MAX_THREAD_NAME = 100;
/** What the bot needs in a channel to continue an answer in a thread there. */
const THREAD_PERMISSIONS = [PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads];

/** The conversation a Discord thread holds (a namespace of its own beside the terminal's `cli:`). */
export function conversationIdFor(threadId: string): string {
  return `discord:${threadId}`;
}

/** A thread's name from the question that opened it: one line, at most 100 characters. */
export function threadNameFor(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_THREAD_NAME) return line === '' ? '…' : line;
  return `${line.slice(0, MAX_THREAD_NAME - 1).trimEnd()}…`;
}

/**
 * Whether an answer in `channel` continues in a new thread: never for `never`, private or
 * unanswered replies, or a channel that is already a thread or cannot hold one; `auto` also
 * needs the bot to be allowed to create public threads and write in them (`permissions`, the
 * bot's in that channel; null when unknown).
 */
export function shouldOpenThread(input: {
  mode: ThreadMode;
  channel: Channel | null;
  permissions: Readonly<PermissionsBitField> | null;
  answer: Answer;
  ephemeral: boolean;
}): boolean {
  const { mode, channel, permissions } = input;
  if (mode === 'never' || input.ephemeral || input.answer.mode === 'no-answer' || channel === null) return false;
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) return false;
  if (mode === 'always') return true;
  return permissions !== null && permissions.has(THREAD_PERMISSIONS);
}

/**
 * Starts a public thread on `message` (the bot's answer) named after `question`; null when
 * Discord refuses (logged: a missing permission must not lose the answer already sent).
 */
export async function openThreadOn(message: Message, question: string, logger: Logger): Promise<ThreadChannel | null> {
  try {
    return await message.startThread({
      name: threadNameFor(question),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
  } catch (error) {
    logger.warn(
      { err: (error as Error).message, channelId: message.channelId },
      'could not open a thread on an answer',
    );
    return null;
  }
}

/**
 * The message a thread was opened with, when a person opened it (its starter message, even one
 * that did not mention the bot); null when the bot opened it, the starter is gone, or it cannot be read.
 */
export async function readStarterMessage(thread: ThreadChannel, botId: string): Promise<Message | null> {
  try {
    const starter = await thread.fetchStarterMessage();
    return starter === null || starter.author.id === botId ? null : starter;
  } catch {
    return null;
  }
}
