import type { BuildReport } from './build-report.js';

/** The slice of the child reindexer a schedule needs. */
export interface ScheduledReindexer {
  running(): { since: Date; by: string } | null;
  start(options: { full: boolean; by: string; onProgress: () => void }): Promise<BuildReport>;
}

/** Where the schedule reports; a pino logger fits. */
export interface ScheduleLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

/** The timer functions (injected by tests). */
export interface ScheduleTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/**
 * Runs an incremental build every `everyMs` through `reindexer` (the bot's child builder, so the
 * bot keeps answering). A tick while a build runs — a /reindex, `npm run index` holding the lock,
 * or the previous scheduled one — is skipped: never two at once. A failed build leaves the live
 * index as it was (buildIndex publishes only complete generations). Returns `stop`.
 */
export function startReindexSchedule(input: {
  reindexer: ScheduledReindexer;
  everyMs: number;
  logger: ScheduleLogger;
  timers?: ScheduleTimers;
}): { stop: () => void; tick: () => Promise<BuildReport | null> } {
  const { reindexer, logger } = input;
  const timers: ScheduleTimers = input.timers ?? {
    setInterval: (callback, ms) => setInterval(callback, ms).unref(),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  };
  const tick = async (): Promise<BuildReport | null> => {
    const running = reindexer.running();
    if (running !== null) {
      logger.info(
        { since: running.since.toISOString(), by: running.by },
        'scheduled reindex skipped: a build is running',
      );
      return null;
    }
    try {
      const report = await reindexer.start({ full: false, by: 'schedule', onProgress: () => undefined });
      logger.info(
        {
          outcome: report.outcome,
          added: report.articles.added,
          updated: report.articles.updated,
          error: report.error,
        },
        'scheduled reindex finished',
      );
      return report;
    } catch (error) {
      // Another build took the lock between running() and start().
      logger.warn({ err: (error as Error).message }, 'scheduled reindex skipped');
      return null;
    }
  };
  const handle = timers.setInterval(() => void tick(), input.everyMs);
  return { stop: () => timers.clearInterval(handle), tick };
}
