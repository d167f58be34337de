import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** Points between build steps where a test can stop a build to kill it (the build option `pauseAt`). */
export const PAUSE_POINTS = ['before-hnsw-write', 'after-hnsw-write', 'before-pointer-switch'] as const;
export type PausePoint = (typeof PAUSE_POINTS)[number];

/**
 * Test-only: when `configured` names `point`, writes `<dataDir>/paused-at-<point>` and waits
 * forever, so a test can kill the process exactly there. Does nothing otherwise.
 */
export async function pauseForTest(
  configured: PausePoint | undefined,
  point: PausePoint,
  dataDir: string,
): Promise<void> {
  if (configured !== point) return;
  writeFileSync(path.join(dataDir, `paused-at-${point}`), String(process.pid));
  await new Promise<never>(() => {
    // The interval keeps the event loop alive until the test kills the process.
    setInterval(() => undefined, 60_000);
  });
}
