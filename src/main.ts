// The bot's composition root: the only place (with scripts/) that builds concrete parts.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createAnswerService } from './app/answer-service.js';
import { autostartApertium } from './app/apertium-autostart.js';
import { conversationRetentionFrom, modelSourcesFrom } from './app/compose.js';
import { createLogger } from './app/logger.js';
import { readStatus } from './app/status.js';
import { ConfigError, folderSources, loadConfig, loadSources, projectRoot } from './config.js';
import { createBot } from './discord/bot.js';
import { resolveModel } from './embedding/resolve-model.js';
import { ChildReindexer } from './index/child-reindexer.js';
import { createGapLog } from './gaps/gap-log.js';
import { dataLayout } from './index/layout.js';
import { startReindexSchedule } from './index/reindex-schedule.js';
import { findStaleness, StaleLog, staleKey } from './index/staleness.js';
import { StateDb } from './store/state-db.js';
import { redactUrls } from './util/redact-url.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(1);
}
if (config.DISCORD_TOKEN === null) {
  console.error('DISCORD_TOKEN is not set: put the bot token in .env (see README, "Running the bot").');
  process.exit(1);
}
const token = config.DISCORD_TOKEN;
const logger = createLogger(config.LOG_LEVEL);
// With APERTIUM_URL unset and apertium-apy installed, this process runs its own APy (stopped on exit).
const apertium = await autostartApertium(config, 'answers', logger);
config = apertium.config;
const startedAt = Date.now();

mkdirSync(config.DATA_DIR, { recursive: true });
const state = new StateDb(dataLayout(config.DATA_DIR).stateDb);
const configured = await resolveModel(modelSourcesFrom(config)).catch(() => null);
const configuredModel = configured?.spec.id ?? null;
// A model that resolves to the hub (or its cache) means the hub can serve other models too.
const answers = await createAnswerService(config, logger, {
  hubReachable: configured !== null && configured.spec.localDir === null,
  conversations: state.conversations(conversationRetentionFrom(config)),
});
const reindexer = new ChildReindexer({
  workerPath: path.join(projectRoot, 'scripts', 'build-worker.ts'),
  execArgv: ['--import', 'tsx'],
  onFinished: (report) => {
    logger.info({ outcome: report.outcome, generation: report.generationId, error: report.error }, 'reindex finished');
    answers.live.refresh();
  },
});
// Loads the live generation now (not at the first question); refresh() only loads, it lends nothing.
answers.live.refresh();
if (answers.live.status().generationId === null)
  logger.warn({ dataDir: config.DATA_DIR }, 'no index yet: answering "the archive is not indexed" until a /reindex');

// The sources file is read again for each /status, so an edited file shows its sources at once.
const configuredSourceIds = (): string[] | null => {
  try {
    return (loadSources(config) ?? folderSources(config.CORPUS_DIR)).sources.map((s) => s.id);
  } catch {
    return null;
  }
};

const bot = createBot({
  logger,
  services: {
    ask: (input) => answers.ask(input),
    status: () =>
      Promise.resolve(
        readStatus({
          live: answers.live,
          state,
          startedAt,
          answerMode: answers.llm === null ? { mode: 'extractive' } : { mode: 'llm', model: answers.llm.model },
          // The engine and what its selection found at start (available, or unreachable and retried per question).
          translator: {
            engine: answers.translation.translator?.engine ?? null,
            reason: answers.translation.reason,
          },
          configuredModel,
          configuredSourceIds,
          staleAfterMs: config.STALE_AFTER,
        }),
      ),
    reindexer,
    feedback: { recordVote: (vote) => state.recordVote(vote), counts: () => state.voteCounts() },
    gaps: createGapLog(state, {
      retentionDays: config.GAPS_RETENTION_DAYS,
      onError: (error) => logger.error({ err: error.message }, 'could not record an unanswered question'),
    }),
    conversations: answers.conversations,
  },
  options: {
    apiUrl: config.DISCORD_API_URL,
    moderatorRoleIds: config.MODERATOR_ROLE_IDS,
    maxQuestionChars: config.MAX_QUESTION_CHARS,
    allowedChannelIds: config.ALLOWED_CHANNEL_IDS,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    maxConcurrentAnswers: config.MAX_CONCURRENT_ANSWERS,
    queueLimit: config.ANSWER_QUEUE_LIMIT,
    progressIntervalMs: config.REINDEX_PROGRESS_INTERVAL_MS,
    answerInThreads: config.ANSWER_IN_THREADS,
  },
});

const schedule =
  config.REINDEX_EVERY === null ? null : startReindexSchedule({ reindexer, everyMs: config.REINDEX_EVERY, logger });
if (schedule !== null) logger.info({ everyMs: config.REINDEX_EVERY }, 'scheduled reindex on');

// While the builds or a source keep failing past STALE_AFTER, the log says so once an hour for each.
const HOUR_MS = 3_600_000;
const staleLog = new StaleLog(HOUR_MS);
const warnIfStale = () => {
  const sources = state.sources.listSources();
  const ids = configuredSourceIds();
  const watched = ids === null ? sources : sources.filter((s) => ids.includes(s.sourceId));
  for (const item of staleLog.due(findStaleness(state.lastRuns(), watched, Date.now(), config.STALE_AFTER), Date.now()))
    logger.warn(
      { stale: staleKey(item), ...item, error: item.error === null ? null : redactUrls(item.error) },
      item.kind === 'build'
        ? 'index going stale: builds have failed for longer than STALE_AFTER'
        : 'source going stale: its pulls have failed for longer than STALE_AFTER',
    );
};
warnIfStale();
// Checked every minute (a state.db read); StaleLog keeps each warning to once an hour.
const staleTimer = setInterval(warnIfStale, 60_000).unref();

const shutdown = (signal: string) => {
  clearInterval(staleTimer);
  logger.info({ signal }, 'shutting down');
  schedule?.stop();
  reindexer.stop();
  void bot.destroy().finally(() => {
    answers.close();
    state.close();
    apertium.stop();
    process.exit(0);
  });
};
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));

try {
  await bot.login(token);
  logger.info('Archivista is online');
} catch (error) {
  logger.fatal({ error: (error as Error).message }, 'could not log in to Discord (check DISCORD_TOKEN)');
  process.exit(1);
}
