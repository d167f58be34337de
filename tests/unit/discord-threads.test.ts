import { ChannelType, PermissionFlagsBits, PermissionsBitField, type Channel } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { conversationIdFor, shouldOpenThread, threadNameFor } from '../../src/discord/threads.js';
import { cannedAnswer } from '../helpers/bot-harness.js';

const text = { type: ChannelType.GuildText } as Channel;
const thread = { type: ChannelType.PublicThread } as Channel;
const canThread = new PermissionsBitField([
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.SendMessagesInThreads,
]);
const cannot = new PermissionsBitField([PermissionFlagsBits.SendMessages]);
const answered = cannedAnswer('q', 'it');
const base = { mode: 'auto' as const, channel: text, permissions: canThread, answer: answered, ephemeral: false };

describe('shouldOpenThread', () => {
  it('auto: only in a text channel where the bot may create public threads and write in them', () => {
    expect(shouldOpenThread(base)).toBe(true);
    expect(shouldOpenThread({ ...base, permissions: cannot })).toBe(false);
    expect(shouldOpenThread({ ...base, permissions: null })).toBe(false);
    expect(shouldOpenThread({ ...base, channel: thread })).toBe(false);
  });

  it('always ignores permissions, never opens none; neither opens one for a private or unanswered reply', () => {
    expect(shouldOpenThread({ ...base, mode: 'always', permissions: cannot })).toBe(true);
    expect(shouldOpenThread({ ...base, mode: 'never' })).toBe(false);
    expect(shouldOpenThread({ ...base, ephemeral: true })).toBe(false);
    expect(shouldOpenThread({ ...base, answer: { ...answered, mode: 'no-answer', reason: 'not-covered' } })).toBe(
      false,
    );
  });
});

describe('thread names and conversation ids', () => {
  it('names a thread after its question on one line of at most 100 characters', () => {
    expect(threadNameFor('  Che cosa ha\nproposto Lavrov?  ')).toBe('Che cosa ha proposto Lavrov?');
    const long = threadNameFor('parola '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('…')).toBe(true);
    expect(threadNameFor('   ')).toBe('…');
  });

  it('keeps Discord threads apart from terminal conversations', () => {
    expect(conversationIdFor('123')).toBe('discord:123');
  });
});
