import { describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/discord/job-queue.js';

/** A job that finishes when `finish` is called. */
function deferred<T>(): {
  job: () => Promise<T>;
  finish: (value: T) => void;
  fail: (error: Error) => void;
  started: () => boolean;
} {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  let started = false;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {
    job: () => {
      started = true;
      return promise;
    },
    finish: (v) => resolve(v),
    fail: (e) => reject(e),
    started: () => started,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('JobQueue', () => {
  it('runs at most `concurrency` jobs; the rest wait and start FIFO as slots free', async () => {
    const q = new JobQueue({ concurrency: 2, limit: 10 });
    const jobs = Array.from({ length: 4 }, () => deferred<number>());
    const results = jobs.map((j) => q.tryRun(j.job) ?? Promise.reject(new Error('refused')));
    expect(jobs.map((j) => j.started())).toEqual([true, true, false, false]);
    expect([q.active, q.waiting]).toEqual([2, 2]);
    jobs[1]?.finish(1);
    await tick();
    expect(jobs.map((j) => j.started())).toEqual([true, true, true, false]);
    jobs[0]?.finish(0);
    await tick();
    expect(jobs[3]?.started()).toBe(true);
    jobs[2]?.finish(2);
    jobs[3]?.finish(3);
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect([q.active, q.waiting]).toEqual([0, 0]);
  });

  it('refuses (null) when the queue is full, and accepts again once it drains', async () => {
    const q = new JobQueue({ concurrency: 1, limit: 1 });
    const a = deferred<string>();
    const b = deferred<string>();
    const pa = q.tryRun(a.job);
    const pb = q.tryRun(b.job);
    expect(q.hasRoom()).toBe(false);
    expect(q.tryRun(() => Promise.resolve('c'))).toBeNull();
    a.finish('a');
    b.finish('b');
    expect([await pa, await pb]).toEqual(['a', 'b']);
    expect(await q.tryRun(() => Promise.resolve('d'))).toBe('d');
  });

  it('limit 0: only free slots, no waiting', () => {
    const q = new JobQueue({ concurrency: 1, limit: 0 });
    expect(q.tryRun(() => new Promise(() => undefined))).not.toBeNull();
    expect(q.tryRun(() => Promise.resolve(1))).toBeNull();
  });

  it('a failing job (rejected or throwing synchronously) frees its slot and rejects its own promise only', async () => {
    const q = new JobQueue({ concurrency: 1, limit: 5 });
    const bad = q.tryRun(() => Promise.reject(new Error('nope')));
    const sync = q.tryRun(() => {
      throw new Error('sync nope');
    });
    const good = q.tryRun(() => Promise.resolve('ok'));
    await expect(bad).rejects.toThrow('nope');
    await expect(sync).rejects.toThrow('sync nope');
    expect(await good).toBe('ok');
    expect(q.active).toBe(0);
  });

  it('rejects invalid settings', () => {
    expect(() => new JobQueue({ concurrency: 0, limit: 1 })).toThrow(RangeError);
    expect(() => new JobQueue({ concurrency: 1, limit: -1 })).toThrow(RangeError);
  });
});
