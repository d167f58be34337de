import { describe, expect, it } from 'vitest';
import { startReindexSchedule, type ScheduleTimers } from '../../src/index/reindex-schedule.js';
import { buildReport, FakeReindexer } from '../helpers/bot-harness.js';

/** Timers driven by the test: `fire()` runs the scheduled callback as if the interval elapsed. */
function manualTimers(): ScheduleTimers & { fire: () => void; everyMs: number | null; cleared: boolean } {
  let callback: (() => void) | null = null;
  const timers = {
    everyMs: null as number | null,
    cleared: false,
    setInterval(cb: () => void, ms: number) {
      callback = cb;
      timers.everyMs = ms;
      return 1;
    },
    clearInterval() {
      timers.cleared = true;
    },
    fire() {
      callback?.();
    },
  };
  return timers;
}

function logger() {
  const lines: Array<{ msg: string; details: Record<string, unknown> }> = [];
  const push = (details: Record<string, unknown>, msg: string) => void lines.push({ msg, details });
  return { lines, info: push, warn: push };
}

describe('startReindexSchedule', () => {
  it('runs an incremental build through the child builder at each interval', async () => {
    const reindexer = new FakeReindexer();
    reindexer.steps = 1;
    reindexer.stepMs = 1;
    const timers = manualTimers();
    const log = logger();
    const schedule = startReindexSchedule({ reindexer, everyMs: 900_000, logger: log, timers });
    expect(timers.everyMs).toBe(900_000);
    const report = await schedule.tick();
    expect(report?.outcome).toBe('success');
    expect(reindexer.starts).toEqual([{ full: false, by: 'schedule' }]);
    expect(log.lines.at(-1)).toMatchObject({
      msg: 'scheduled reindex finished',
      details: { outcome: 'success', added: 2 },
    });
    schedule.stop();
    expect(timers.cleared).toBe(true);
  });

  it('never starts a second build: a tick during a /reindex (or a slow scheduled one) is skipped', async () => {
    const reindexer = new FakeReindexer();
    reindexer.steps = 3;
    reindexer.stepMs = 30;
    const log = logger();
    const schedule = startReindexSchedule({ reindexer, everyMs: 60_000, logger: log, timers: manualTimers() });
    const moderator = reindexer.start({ full: true, by: 'caporedattrice (1)', onProgress: () => undefined });
    expect(await schedule.tick()).toBeNull();
    expect(log.lines.at(-1)).toMatchObject({
      msg: 'scheduled reindex skipped: a build is running',
      details: { by: 'caporedattrice (1)' },
    });
    await moderator;
    const first = schedule.tick();
    expect(await schedule.tick()).toBeNull();
    await first;
    expect(reindexer.starts.map((s) => s.by)).toEqual(['caporedattrice (1)', 'schedule']);
  });

  it('a failed build is reported and the schedule goes on', async () => {
    const reindexer = new FakeReindexer();
    reindexer.steps = 1;
    reindexer.stepMs = 1;
    reindexer.report = buildReport({ outcome: 'failed', error: 'corpus folder missing', generationId: null });
    const log = logger();
    const timers = manualTimers();
    const schedule = startReindexSchedule({ reindexer, everyMs: 60_000, logger: log, timers });
    timers.fire();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.lines.at(-1)).toMatchObject({ details: { outcome: 'failed', error: 'corpus folder missing' } });
    reindexer.report = buildReport();
    expect((await schedule.tick())?.outcome).toBe('success');
    expect(reindexer.starts).toHaveLength(2);
  });
});
