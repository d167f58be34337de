/**
 * Small helpers for driving a bot that runs in another process through a FakeDiscord: ask a
 * question and wait for its final reply, run a /reindex and wait for its report.
 */
import { editsOriginal, PERMISSIONS, type FakeDiscord, type FakeUser, type RecordedCall } from './fake-discord.js';

/** An interaction injected into the fake. */
export interface Sent {
  id: string;
  token: string;
  /** When it was injected (ms since epoch). */
  at: number;
}

/** The final reply of one question: its text, its feedback buttons, and how long it took. */
export interface Reply {
  content: string;
  components: unknown[];
  call: RecordedCall;
  ms: number;
}

const contentOf = (c: RecordedCall): string => {
  const body = c.body as { content?: unknown } | null;
  return typeof body?.content === 'string' ? body.content : '';
};

/** The edit of an interaction's original reply, optionally only one whose content matches `marker`. */
export const isOriginalEdit =
  (token: string, marker?: RegExp) =>
  (c: RecordedCall): boolean =>
    editsOriginal(token)(c) && c.status === 200 && (marker === undefined || marker.test(contentOf(c)));

/** Injects `/ask question:<question>` (with `locale`, `/chiedi` for `it`) from `user` (a new one by default). */
export function sendAsk(fake: FakeDiscord, question: string, options: { locale?: string; user?: FakeUser } = {}): Sent {
  const at = Date.now();
  const i = fake.sendSlashCommand({
    name: 'ask',
    user: options.user ?? fake.user('lettore'),
    options: { question },
    locale: options.locale ?? 'en-US',
  });
  return { ...i, at };
}

/** Waits for the edit that replaces the "thinking…" of `sent` (its answer, or an error told to the user). */
export async function waitForReply(fake: FakeDiscord, sent: Sent, timeoutMs = 20_000): Promise<Reply> {
  const call = await fake.waitFor(isOriginalEdit(sent.token), timeoutMs);
  const components = (call.body as { components?: unknown[] } | null)?.components ?? [];
  return { content: contentOf(call), components, call, ms: call.at - sent.at };
}

/** Asks and waits for the answer. */
export async function ask(
  fake: FakeDiscord,
  question: string,
  options: { locale?: string; user?: FakeUser } = {},
): Promise<Reply> {
  return waitForReply(fake, sendAsk(fake, question, options));
}

/** Runs `/reindex` as a member with Manage Server and waits for the final report (✅ or ❌). */
export async function reindex(fake: FakeDiscord, timeoutMs = 45_000): Promise<{ sent: Sent; report: string }> {
  const at = Date.now();
  const i = fake.sendSlashCommand({
    name: 'reindex',
    user: fake.user('caporedattrice'),
    permissions: PERMISSIONS.manageGuild,
  });
  const done = await fake.waitFor(isOriginalEdit(i.token, /^\*\*(✅|❌)/), timeoutMs);
  return { sent: { ...i, at }, report: contentOf(done) };
}
