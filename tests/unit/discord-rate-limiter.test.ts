import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/discord/rate-limiter.js';

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe('RateLimiter (sliding window)', () => {
  it('allows `limit` events per window, refuses the next with the wait until the oldest expires', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 5, windowMs: 60_000, now: c.now });
    for (let n = 0; n < 5; n++) {
      expect(limiter.tryTake('u')).toEqual({ allowed: true });
      c.advance(1000);
    }
    expect(limiter.tryTake('u')).toEqual({ allowed: false, retryAfterMs: 55_000 });
  });

  it('slides: at the exact window edge the oldest event no longer counts', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 2, windowMs: 10_000, now: c.now });
    limiter.tryTake('u');
    c.advance(5000);
    limiter.tryTake('u');
    c.advance(4999);
    expect(limiter.tryTake('u').allowed).toBe(false);
    c.advance(1);
    expect(limiter.tryTake('u').allowed).toBe(true);
    expect(limiter.tryTake('u').allowed).toBe(false);
  });

  it('refused attempts do not extend the wait (hammering does not lock a user out)', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000, now: c.now });
    limiter.tryTake('u');
    for (let n = 0; n < 10; n++) {
      c.advance(90);
      limiter.tryTake('u');
    }
    c.advance(100);
    expect(limiter.tryTake('u').allowed).toBe(true);
  });

  it('keeps users apart', () => {
    const limiter = new RateLimiter({ limit: 1, now: () => 0 });
    expect(limiter.tryTake('a').allowed).toBe(true);
    expect(limiter.tryTake('b').allowed).toBe(true);
    expect(limiter.tryTake('a').allowed).toBe(false);
  });

  it('forgets idle users after a window (bounded memory with 10,000 one-off users)', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 3, windowMs: 1000, now: c.now });
    for (let n = 0; n < 10_000; n++) limiter.tryTake(`user-${n}`);
    expect(limiter.trackedKeys).toBe(10_000);
    c.advance(1000);
    limiter.tryTake('late');
    expect(limiter.trackedKeys).toBe(1);
  });

  it('rejects a limit below 1 and a non-positive window', () => {
    expect(() => new RateLimiter({ limit: 0 })).toThrow(RangeError);
    expect(() => new RateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});
