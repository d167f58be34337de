import { readFileSync, writeFileSync } from 'node:fs';

/** Tracks a process's peak resident memory over a stretch of work. */
export interface PeakTracker {
  /** Stops sampling; returns the peak resident set size in MB since the tracker started. */
  stop(): number;
}

const SAMPLE_MS = 50;
const MB = 1024 * 1024;

/** The kernel's peak resident set size of this process (VmHWM), in MB; null off Linux. */
export function readPeakRssMb(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

/** Resets the kernel's peak RSS to the current RSS (Linux ≥ 4.0); false when that is not possible. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts tracking peak memory: the kernel's high-water mark (reset at start where Linux allows),
 * else `process.memoryUsage().rss` sampled every 50 ms (which misses peaks inside long
 * synchronous work, hence the kernel figure first).
 */
export function trackPeakMemory(): PeakTracker {
  const reset = resetPeakRss();
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, SAMPLE_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sampled = Math.max(sampled, process.memoryUsage().rss);
      const kernel = reset ? readPeakRssMb() : null;
      return Math.round(Math.max(sampled / MB, kernel ?? 0));
    },
  };
}
