import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A small tmpfs mounted for a test; `unmount()` removes it. */
export interface SmallDisk {
  dir: string;
  unmount: () => void;
}

/** Mounts a tmpfs of `size` (mount's syntax, e.g. '2m') on `dir`; throws with mount's message when it cannot. */
export function mountTmpfs(dir: string, size: string): SmallDisk {
  mkdirSync(dir, { recursive: true });
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0)
    throw new Error(`mount -t tmpfs failed: ${result.stderr.trim() || `exit ${String(result.status)}`}`);
  return { dir, unmount: () => void spawnSync('umount', ['-l', dir]) };
}

/** Why a small tmpfs cannot be mounted here (not root, no mount permission), or null when it can. */
export function probeTmpfs(): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'archivista-mount-probe-'));
  try {
    mountTmpfs(dir, '64k').unmount();
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A file that takes all the free space of its filesystem; `leave(bytes)` gives some back. */
export interface Filler {
  file: string;
  leave: (bytes: number) => void;
  remove: () => void;
}

/** Writes `file` until the filesystem reports ENOSPC. */
export function fillDisk(file: string): Filler {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(4096, 0x61);
  let size = 0;
  try {
    for (;;) size += writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return {
    file,
    leave: (bytes) => {
      const handle = openSync(file, 'r+');
      try {
        ftruncateSync(handle, Math.max(0, size - bytes));
      } finally {
        closeSync(handle);
      }
    },
    remove: () => rmSync(file, { force: true }),
  };
}

/**
 * A command prefix that runs a program with RLIMIT_FSIZE = `kib` KiB: writes past it fail with
 * EFBIG (Node ignores SIGXFSZ). Uses util-linux `prlimit` when present, else bash's `ulimit -f`.
 */
export function fileSizeLimitPrefix(kib: number): string[] {
  const prlimit = spawnSync('prlimit', ['--version'], { encoding: 'utf8' });
  if (prlimit.error === undefined && prlimit.status === 0) return ['prlimit', `--fsize=${kib * 1024}`];
  return ['bash', '-c', `ulimit -f ${kib} && exec "$0" "$@"`];
}
