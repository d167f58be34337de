import type { Logger } from 'pino';
import { createAnswerService } from '../../src/app/answer-service.js';
import type { Config } from '../../src/config.js';
import { createBot } from '../../src/discord/bot.js';
import type { BotServices } from '../../src/discord/ports.js';
import { FakeDiscord } from '../../tests/helpers/fake-discord.js';
import { trackPeakMemory } from '../bench/memory.js';
import { percentile } from '../bench/stats.js';
import { classifyCalls, hasFinalReply, type Classified, type Outcome } from './classify.js';
import type { LoadQuestion } from './corpus.js';
import { roundTo } from '../../src/util/round.js';

/** What a load run does. */
export interface LoadOptions {
  /** Questions sent at once, each from its own user. */
  n: number;
  /** Answers running at once (the bot's MAX_CONCURRENT_ANSWERS). */
  concurrency: number;
  /** Answers waiting for a slot before new ones are told "busy" (ANSWER_QUEUE_LIMIT). */
  queueLimit: number;
  /** How long to wait for the last final reply (ms); later ones count as lost. */
  timeoutMs: number;
  /** Configuration of an indexed workspace (see prepareLoadWorkspace). */
  config: Config;
  /** Asked round-robin. */
  questions: LoadQuestion[];
  logger: Logger;
  log: (line: string) => void;
}

/** What a load run measured. Times in ms from sending a question to its final reply; memory in MB. */
export interface LoadResult {
  sent: number;
  answered: number;
  lost: number;
  duplicated: number;
  busy: number;
  rateLimited: number;
  /** One final reply that is not the expected answer. */
  other: number;
  /** Null when nothing was answered. */
  p50Ms: number | null;
  p95Ms: number | null;
  /** Peak resident memory of this process (bot, answer service, model, fake Discord) during the run. */
  peakMemoryMb: number;
  /** Most answers the bot's service was computing at the same time. */
  peakRunning: number;
  concurrency: number;
  queueLimit: number;
  /** Running at most `concurrency`, and nobody told "busy" while the queue had room for everyone. */
  boundRespected: boolean;
  durationMs: number;
  /** Up to five replies that were not answers, for diagnosis. */
  samples: string[];
}

const POLL_MS = 25;
// After the last final reply, wait this long for a late second reply (a duplicate).
const SETTLE_MS = 500;

/**
 * Starts a fake Discord on 127.0.0.1 and the real bot in this process (real discord.js client,
 * real answer service on the indexed workspace), warms the model with one question, then sends
 * `n` `/ask` interactions at once from `n` users and classifies how each ended. Always closes
 * what it started. Throws when the bot cannot log in to the fake.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { config, logger, n, questions } = options;
  const fake = await FakeDiscord.start({ preferredLocale: 'it' });
  const answers = await createAnswerService(config, logger);
  const load = { running: 0, peak: 0 };
  const services: BotServices = {
    ask: async (input) => {
      load.running += 1;
      load.peak = Math.max(load.peak, load.running);
      try {
        return await answers.ask(input);
      } finally {
        load.running -= 1;
      }
    },
    status: () => Promise.reject(new Error('/status is not part of a load run')),
    reindexer: { running: () => null, start: () => Promise.reject(new Error('/reindex is not part of a load run')) },
    feedback: { recordVote: () => undefined, counts: () => ({ up: 0, down: 0 }) },
    gaps: { record: () => undefined, top: () => [] },
    conversations: answers.conversations,
  };
  const bot = createBot({
    logger,
    services,
    options: {
      apiUrl: fake.apiUrl,
      moderatorRoleIds: [],
      maxQuestionChars: config.MAX_QUESTION_CHARS,
      allowedChannelIds: [],
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      maxConcurrentAnswers: options.concurrency,
      queueLimit: options.queueLimit,
      progressIntervalMs: config.REINDEX_PROGRESS_INTERVAL_MS,
      // The load run measures answers; opening threads on them is not part of it.
      answerInThreads: 'never',
    },
  });
  try {
    await bot.login(fake.token);
    const [warmUp] = questions;
    if (warmUp !== undefined) await answers.ask({ question: warmUp.question, languageHint: 'it' });
    options.log(
      `sending ${n} questions at once (concurrency ${options.concurrency}, queue limit ${options.queueLimit})`,
    );
    const memory = trackPeakMemory();
    const started = Date.now();
    const sent = Array.from({ length: n }, (_, k) => {
      const question = questions[k % questions.length] ?? { question: 'Che cosa dicono i nostri articoli?', cites: '' };
      const at = Date.now();
      const interaction = fake.sendSlashCommand({
        name: 'ask',
        user: fake.user(`lettore-${k}`),
        options: { question: question.question },
        locale: 'it',
      });
      return { ...interaction, at, cites: question.cites };
    });
    await waitForFinals(fake, sent, options.timeoutMs);
    const waitEnded = Date.now();
    const durationMs = waitEnded - started;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const peakMemoryMb = memory.stop();
    // A reply after the wait is lost to the asker; a second reply at any time is a duplicate.
    const classified = sent.map((s) => {
      const calls = fake.callsFor(s);
      const all = classifyCalls(calls, s.at, s.cites);
      return all.outcome === 'duplicated'
        ? all
        : classifyCalls(
            calls.filter((c) => c.at <= waitEnded),
            s.at,
            s.cites,
          );
    });
    return summarize(classified, { ...options, peakMemoryMb, peakRunning: load.peak, durationMs });
  } finally {
    await bot.destroy();
    await fake.close();
    answers.close();
  }
}

async function waitForFinals(
  fake: FakeDiscord,
  sent: Array<{ id: string; token: string }>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !sent.every((s) => hasFinalReply(fake.callsFor(s)))) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function summarize(
  classified: Classified[],
  run: Pick<LoadOptions, 'n' | 'concurrency' | 'queueLimit'> & {
    peakMemoryMb: number;
    peakRunning: number;
    durationMs: number;
  },
): LoadResult {
  const count = (outcome: Outcome) => classified.filter((c) => c.outcome === outcome).length;
  const times = classified.filter((c) => c.outcome === 'answered' && c.ms !== null).map((c) => c.ms ?? 0);
  const busy = count('busy');
  const roomForAll = run.n <= run.queueLimit + run.concurrency;
  return {
    sent: run.n,
    answered: count('answered'),
    lost: count('lost'),
    duplicated: count('duplicated'),
    busy,
    rateLimited: count('rate-limited'),
    other: count('other'),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    peakMemoryMb: run.peakMemoryMb,
    peakRunning: run.peakRunning,
    concurrency: run.concurrency,
    queueLimit: run.queueLimit,
    boundRespected: run.peakRunning <= run.concurrency && (!roomForAll || busy === 0),
    durationMs: run.durationMs,
    samples: classified
      .filter((c) => c.outcome !== 'answered' && c.outcome !== 'busy')
      .slice(0, 5)
      .map((c) => `${c.outcome}: ${c.text.slice(0, 200)}`),
  };
}

const round = (ms: number) => (Number.isNaN(ms) ? null : roundTo(ms, 0));
