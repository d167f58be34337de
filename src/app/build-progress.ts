import cliProgress from 'cli-progress';
import type { BuildProgress } from '../index/build-report.js';

/**
 * Shows build progress on stderr: a progress bar on a terminal, plain lines every few seconds
 * otherwise (CI logs, pipes). Returns the callback and a function that ends the display.
 */
export function createProgressDisplay(
  stream: NodeJS.WriteStream = process.stderr,
  intervalMs = 3000,
): { onProgress: (p: BuildProgress) => void; stop: () => void } {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: ' {phase} [{bar}] {value}/{total} passages | {eta_formatted} left', stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      onProgress: (p) => {
        if (p.phase !== 'embedding') return;
        if (!started) {
          bar.start(p.total, p.done, { phase: 'embedding' });
          started = true;
        }
        bar.update(p.done);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  let lastPhase = '';
  return {
    onProgress: (p) => {
      if (p.phase === 'done') return;
      const now = Date.now();
      if (p.phase === lastPhase && now - last < intervalMs && p.done !== p.total) return;
      last = now;
      lastPhase = p.phase;
      stream.write(p.phase === 'embedding' ? `embedding ${p.done}/${p.total} passages\n` : `${p.phase}…\n`);
    },
    stop: () => undefined,
  };
}
