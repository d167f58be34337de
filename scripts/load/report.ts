import type { LoadResult } from './run-load.js';

/** The result as a few readable lines. */
export function formatLoadReport(r: LoadResult): string {
  const ms = (v: number | null) => (v === null ? '-' : `${v} ms`);
  const lines = [
    `load: ${r.sent} questions at once → ${r.answered} answered, ${r.busy} busy, ${r.rateLimited} rate-limited, ${r.other} other, ${r.lost} lost, ${r.duplicated} duplicated`,
    `  time to answer: p50 ${ms(r.p50Ms)}, p95 ${ms(r.p95Ms)} (all replies within ${(r.durationMs / 1000).toFixed(1)} s)`,
    `  answers at once: at most ${r.peakRunning} (limit ${r.concurrency}, queue limit ${r.queueLimit}) → ${r.boundRespected ? 'bound respected' : 'BOUND VIOLATED'}`,
    `  peak memory: ${r.peakMemoryMb} MB (this process: bot, answer service, model, fake Discord)`,
  ];
  for (const sample of r.samples) lines.push(`  ${sample.replace(/\n/g, ' ')}`);
  return lines.join('\n');
}

/** The result as one JSON line: the headline numbers first, then the details (no samples). */
export function formatLoadJson(r: LoadResult): string {
  const { sent, answered, lost, duplicated, p50Ms, p95Ms, peakMemoryMb } = r;
  const { busy, rateLimited, other, peakRunning, concurrency, queueLimit, boundRespected, durationMs } = r;
  return JSON.stringify({
    sent,
    answered,
    lost,
    duplicated,
    p50Ms,
    p95Ms,
    peakMemoryMb,
    busy,
    rateLimited,
    other,
    peakRunning,
    concurrency,
    queueLimit,
    boundRespected,
    durationMs,
  });
}

/** True when the run found a fault: a question lost or answered twice, or the concurrency bound broken. */
export function loadFailed(r: LoadResult): boolean {
  return r.lost > 0 || r.duplicated > 0 || !r.boundRespected;
}
