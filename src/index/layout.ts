import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** Where everything lives inside the data folder (see ARCHITECTURE.md, "On disk"). */
export interface DataLayout {
  dataDir: string;
  stateDb: string;
  current: string;
  generationsDir: string;
  lock: string;
}

export const GENERATION_FILES = { db: 'index.db', vectors: 'vectors.hnsw', manifest: 'manifest.json' } as const;

/** The layout of `dataDir`. */
export function dataLayout(dataDir: string): DataLayout {
  return {
    dataDir,
    stateDb: path.join(dataDir, 'state.db'),
    current: path.join(dataDir, 'CURRENT'),
    generationsDir: path.join(dataDir, 'generations'),
    lock: path.join(dataDir, 'build.lock'),
  };
}

/** The generation CURRENT names, or null when there is none yet. */
export function readCurrent(layout: DataLayout): string | null {
  if (!existsSync(layout.current)) return null;
  const id = readFileSync(layout.current, 'utf8').trim();
  return id === '' ? null : id;
}

/** Writes a file so that readers see the old or the new content, never a mix: write, fsync, rename, fsync dir. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  fsyncPath(tmp);
  renameSync(tmp, file);
  fsyncPath(path.dirname(file));
}

/** Flushes a file, or a folder's entries (after a rename), to disk. */
export function fsyncPath(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes `id` the live generation. */
export function switchCurrent(layout: DataLayout, id: string): void {
  writeFileAtomic(layout.current, `${id}\n`);
}

/** A new generation id, sortable by time. */
export function newGenerationId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.(\d{3})Z$/, '$1Z');
  return `${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

export const generationDir = (layout: DataLayout, id: string) => path.join(layout.generationsDir, id);

/** Generation folders, oldest first, with whether they are complete (have a manifest). */
export function listGenerations(layout: DataLayout): { id: string; complete: boolean }[] {
  if (!existsSync(layout.generationsDir)) return [];
  return readdirSync(layout.generationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({
      id: e.name,
      complete: existsSync(path.join(layout.generationsDir, e.name, GENERATION_FILES.manifest)),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Removes unfinished generations and all complete ones but the live one and the newest one
 * older than it (kept for fallback). Only call while holding the build lock.
 */
export function pruneGenerations(layout: DataLayout, keep: string[]): string[] {
  const live = readCurrent(layout);
  const all = listGenerations(layout);
  // Ids sort by time: a complete generation newer than the live one is a build that died before
  // switching CURRENT. It was never served, so it must not displace the previous live one as fallback.
  const completeOthers = all
    .filter(
      (g) => g.complete && g.id !== live && !keep.includes(g.id) && (live === null || g.id.localeCompare(live) < 0),
    )
    .map((g) => g.id);
  const fallback = completeOthers.at(-1);
  const removed: string[] = [];
  for (const g of all) {
    if (g.id === live || g.id === fallback || keep.includes(g.id)) continue;
    rmSync(generationDir(layout, g.id), { recursive: true, force: true });
    removed.push(g.id);
  }
  return removed;
}

/** Creates the data folder and its generations folder; throws naming the folder that cannot be made. */
export function ensureDataDir(layout: DataLayout): void {
  try {
    mkdirSync(layout.generationsDir, { recursive: true });
  } catch (error) {
    throw new Error(`cannot create the generations folder ${layout.generationsDir}: ${(error as Error).message}`);
  }
}
