/**
 * Fake BotServices (canned answers, a scripted reindexer, in-memory feedback) and a harness that
 * starts the real bot against a FakeDiscord with a logger that keeps its lines in memory.
 */
import { pino } from 'pino';
import type { Answer } from '../../src/answer/answer.js';
import { createBot } from '../../src/discord/bot.js';
import { createGapLog } from '../../src/gaps/gap-log.js';
import { StateDb } from '../../src/store/state-db.js';
import type { Bot, BotOptions } from '../../src/discord/bot.js';
import { MemoryConversations } from '../../src/store/conversation-memory.js';
import { rememberTurn } from '../../src/answer/converse.js';
import type { AskInput, BotServices, FeedbackStore, Reindexer, StatusSnapshot } from '../../src/discord/ports.js';
import type { BuildProgress, BuildReport } from '../../src/index/build-report.js';
import type { Lang } from '../../src/text/lang.js';
import { editsOriginal, FakeDiscord } from './fake-discord.js';

let answerCount = 0;

/** An answer built from the question: echoes it, cites one article (two when `lang` is it). */
export function cannedAnswer(question: string, languageHint: Lang | null): Answer {
  const language = languageHint ?? 'en';
  answerCount += 1;
  return {
    id: `ans-${answerCount}`,
    text: `Answer to: ${question} [1]`,
    language,
    mode: 'extractive',
    reason: null,
    citations: [
      {
        n: 1,
        articleId: 'a-1',
        title: 'Il consiglio comunale approva il bilancio',
        titleDerived: false,
        date: '2024-03-05',
        author: 'Maria Rossi',
        url: 'https://example.com/news/bilancio',
        quote: 'Il consiglio ha approvato il bilancio.',
        quoteTranslation: language === 'en' ? 'The council approved the budget.' : null,
        passageIds: [1],
      },
    ],
    translation: null,
    timings: { total: 1 },
  };
}

/** A build report with plausible numbers; override what a test checks. */
export function buildReport(overrides: Partial<BuildReport> = {}): BuildReport {
  return {
    outcome: 'success',
    error: null,
    generationId: 'gen-2',
    model: 'Xenova/multilingual-e5-small',
    modelNote: null,
    bridgeNote: null,
    full: false,
    fullReason: null,
    articles: { seen: 12, added: 2, updated: 1, unchanged: 8, removed: 1, skipped: 7 },
    skipped: Array.from({ length: 7 }, (_, i) => ({ path: `bad-${i}.txt`, reason: `bad-${i}.txt: empty body ${i}` })),
    ignoredFiles: 0,
    sources: [],
    reading: { durationMs: 120, articlesPerSec: 100 },
    chunks: { total: 340, embedded: 25, removed: 4 },
    startedAt: new Date().toISOString(),
    durationMs: 1234,
    passagesPerSec: 20,
    ...overrides,
  };
}

/** A reindexer that reports `steps` progress updates `stepMs` apart, then resolves with `report`. */
export class FakeReindexer implements Reindexer {
  readonly starts: Array<{ full: boolean; by: string }> = [];
  steps = 5;
  stepMs = 40;
  report: BuildReport = buildReport();
  #running: { since: Date; by: string } | null = null;

  running(): { since: Date; by: string } | null {
    return this.#running;
  }

  async start(options: {
    full: boolean;
    by: string;
    onProgress: (progress: BuildProgress) => void;
  }): Promise<BuildReport> {
    if (this.#running) throw Object.assign(new Error('a build is already running'), { name: 'ReindexBusyError' });
    this.#running = { since: new Date(), by: options.by };
    this.starts.push({ full: options.full, by: options.by });
    try {
      for (let i = 1; i <= this.steps; i++) {
        await new Promise((resolve) => setTimeout(resolve, this.stepMs));
        options.onProgress({ phase: 'embedding', done: i * 10, total: this.steps * 10 });
      }
      return { ...this.report, full: options.full };
    } finally {
      this.#running = null;
    }
  }
}

/** Votes kept in memory. */
export class MemoryFeedbackStore implements FeedbackStore {
  readonly votes: Array<{ answerId: string; question: string; vote: 'up' | 'down' }> = [];

  recordVote(vote: { answerId: string; question: string; vote: 'up' | 'down' }): void {
    this.votes.push(vote);
  }

  counts(): { up: number; down: number } {
    return {
      up: this.votes.filter((v) => v.vote === 'up').length,
      down: this.votes.filter((v) => v.vote === 'down').length,
    };
  }
}

/** Fake services; `asked` records every ask call, `answerWith` replaces the canned answer. */
export class FakeServices implements BotServices {
  readonly asked: AskInput[] = [];
  readonly reindexer = new FakeReindexer();
  readonly feedback = new MemoryFeedbackStore();
  /** The real state database, in memory, behind the real GapLog. */
  readonly state = new StateDb(':memory:');
  readonly gaps = createGapLog(this.state, { retentionDays: 90 });
  /** What /status reports as stale (nothing by default). */
  stale: StatusSnapshot['stale'] = [];
  /** The article sources /status lists (none by default). */
  sources: StatusSnapshot['sources'] = [];
  /** Conversations started on threads the bot opened (asks do not add turns: answers are canned). */
  readonly memory = new MemoryConversations();
  readonly conversations = {
    has: (id: string) => this.memory.recent(id).length > 0,
    remember: (id: string, question: string, answer: Answer) => rememberTurn(this.memory, id, question, answer),
  };
  answerWith: (question: string, languageHint: Lang | null) => Promise<Answer> = (q, l) =>
    Promise.resolve(cannedAnswer(q, l));

  ask(input: AskInput): Promise<Answer> {
    this.asked.push(input);
    return this.answerWith(input.question, input.languageHint);
  }

  status(): Promise<StatusSnapshot> {
    return Promise.resolve({
      indexLoaded: true,
      articles: 1234,
      passages: 5678,
      model: 'Xenova/multilingual-e5-small',
      notes: [],
      answerMode: { mode: 'extractive' },
      translator: { engine: 'apertium', reason: { code: 'apertium', url: 'http://127.0.0.1:2737' } },
      lastSuccessAt: '2024-05-01T10:00:00.000Z',
      lastRun: { outcome: 'failed', finishedAt: '2024-05-02T10:00:00.000Z', error: 'disk full' },
      sources: this.sources,
      stale: this.stale,
      uptimeMs: 3_723_000,
      feedback: this.feedback.counts(),
    });
  }
}

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  services: FakeServices;
  /** Every log line the bot wrote, as JSON text. */
  logs: string[];
  /** Every log line the bot wrote, parsed. */
  logged(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Options a test may change; the rest are fast defaults. */
export type HarnessOptions = Partial<BotOptions> & {
  preferredLocale?: string;
  roles?: Array<{ id: string; name: string; permissions: string }>;
  channelIds?: string[];
  /** Whether the slash commands are registered in the fake (default `deployed`). */
  commands?: 'deployed' | 'none';
  /** The application's flags in the fake (default: Message Content intent on). */
  applicationFlags?: number;
};

/** Starts a FakeDiscord and the real bot logged into it; resolves once the client is ready. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { preferredLocale, roles, channelIds, commands, applicationFlags, ...botOptions } = options;
  const fake = await FakeDiscord.start({ preferredLocale, roles, channelIds, commands });
  if (applicationFlags !== undefined) fake.applicationFlags = applicationFlags;
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const services = new FakeServices();
  const bot = createBot({
    services,
    logger,
    options: {
      apiUrl: fake.apiUrl,
      moderatorRoleIds: [],
      maxQuestionChars: 1000,
      allowedChannelIds: [],
      rateLimitPerMinute: 5,
      maxConcurrentAnswers: 2,
      queueLimit: 100,
      progressIntervalMs: 100,
      // Threads are tested on their own (main-threads, discord-threads); here answers stay in the channel.
      answerInThreads: 'never',
      ...botOptions,
    },
  });
  await bot.login(fake.token);
  return {
    fake,
    bot,
    services,
    logs,
    logged: () => logs.map((line) => JSON.parse(line) as Record<string, unknown>),
    async close() {
      await bot.destroy();
      await fake.close();
      services.state.close();
    },
  };
}

/** A message the bot showed for one interaction: its kind, content, flags and components. */
export interface ShownMessage {
  kind: 'reply' | 'edit' | 'followUp';
  content: string;
  flags: number;
  components: unknown[];
  status: number;
}

/** What the bot showed for interaction `i` (immediate replies, edits of the original, follow-ups), in order. */
export function shownFor(fake: FakeDiscord, i: { id: string; token: string }): ShownMessage[] {
  return fake.callsFor(i).flatMap((c): ShownMessage[] => {
    const body = (c.body ?? {}) as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
    let kind: ShownMessage['kind'];
    let payload: Record<string, unknown>;
    if (c.path.endsWith('/callback')) {
      if (body.type !== 4 || body.data === undefined) return [];
      [kind, payload] = ['reply', body.data];
    } else if (c.method === 'PATCH') [kind, payload] = ['edit', body];
    else if (c.method === 'POST') [kind, payload] = ['followUp', body];
    else return [];
    const flags = typeof payload.flags === 'number' ? payload.flags : 0;
    const components = Array.isArray(payload.components) ? (payload.components as unknown[]) : [];
    return [
      {
        kind,
        content: typeof payload.content === 'string' ? payload.content : '',
        flags,
        components,
        status: c.status,
      },
    ];
  });
}

/** Tokens of interactions that were deferred (callback type 5) and never got their reply edited. */
export function leftThinking(fake: FakeDiscord): string[] {
  const deferred = fake.calls.filter(
    (c) => c.path.endsWith('/callback') && (c.body as { type?: number } | null)?.type === 5,
  );
  return deferred
    .map((c) => c.path.split('/')[3] ?? '')
    .filter((token) => !fake.calls.some((c) => editsOriginal(token)(c) && c.status === 200));
}

/** Waits `ms` milliseconds (for "nothing happens" checks). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
