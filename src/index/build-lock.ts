import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Another live process holds the build lock. */
export class BuildLockedError extends Error {
  override readonly name = 'BuildLockedError';
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the build lock (one build per data folder). A lock left by a dead process is taken over.
 * Returns the release function; throws BuildLockedError when a live process holds it.
 */
export function acquireBuildLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // e.g. ENOSPC: the file may exist, empty; leave no half-made lock behind.
        rmSync(file, { force: true });
        throw new Error(`cannot create the build lock ${file}: ${(error as Error).message}`);
      }
      const holder = readHolder(file);
      if (holder !== null && isAlive(holder.pid)) {
        throw new BuildLockedError(`another build (pid ${holder.pid}, since ${holder.since}) holds ${file}`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new BuildLockedError(`could not take ${file}`);
}

function readHolder(file: string): { pid: number; since: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; since?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, since: String(parsed.since) } : null;
  } catch {
    return null;
  }
}
