import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedSource } from './article.js';
import { describeFsError } from './describe-fs-error.js';

/** A file the walk found, with its path relative to the corpus folder (`/`-separated). */
export interface CorpusFile {
  absolutePath: string;
  relativePath: string;
}

/** What a walk found: files to read, entries it could not walk, and files it left alone. */
export interface CorpusWalk {
  files: CorpusFile[];
  skipped: SkippedSource[];
  ignored: number;
}

interface WalkState extends CorpusWalk {
  accepts: (name: string) => boolean;
  /** Real path of every folder walked → its relative path, so no folder is walked twice. */
  visited: Map<string, string>;
}

/**
 * Lists the files under `dir` that `accepts(name)` takes, recursively, sorted by name at each
 * level so the order is deterministic. Symbolic links are followed, except into a folder already
 * walked (a loop, or a second way to the same folder), which is skipped with a reason, as are
 * broken links and unreadable subfolders. Hidden entries (`.name`) are not read: hidden files
 * and files `accepts` refuses are counted in `ignored`; hidden folders are not walked.
 * Throws when `dir` itself is missing or unreadable.
 */
export async function walkCorpus(dir: string, accepts: (name: string) => boolean): Promise<CorpusWalk> {
  const root = await realpath(dir);
  const state: WalkState = { files: [], skipped: [], ignored: 0, accepts, visited: new Map([[root, '.']]) };
  await walkFolder(state, root, '', await readdir(root, { withFileTypes: true }));
  return { files: state.files, skipped: state.skipped, ignored: state.ignored };
}

async function walkFolder(state: WalkState, folder: string, relativeFolder: string, entries: Dirent[]): Promise<void> {
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const relativePath = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
    await visitEntry(state, join(folder, entry.name), relativePath, entry);
  }
}

async function visitEntry(state: WalkState, absolutePath: string, relativePath: string, entry: Dirent): Promise<void> {
  if (entry.name.startsWith('.')) {
    if (!entry.isDirectory()) state.ignored += 1;
    return;
  }
  const kind = await resolveKind(absolutePath, entry);
  if (kind === 'broken') {
    state.skipped.push({ path: relativePath, reason: `${relativePath}: broken symbolic link` });
  } else if (kind === 'folder') {
    await enterFolder(state, absolutePath, relativePath);
  } else if (!state.accepts(entry.name)) {
    state.ignored += 1;
  } else if (kind === 'file') {
    state.files.push({ absolutePath, relativePath });
  } else {
    state.skipped.push({ path: relativePath, reason: `${relativePath}: not a regular file` });
  }
}

async function resolveKind(absolutePath: string, entry: Dirent): Promise<'file' | 'folder' | 'other' | 'broken'> {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
  try {
    const target = await stat(absolutePath);
    return target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other';
  } catch {
    return 'broken';
  }
}

async function enterFolder(state: WalkState, absolutePath: string, relativePath: string): Promise<void> {
  let entries: Dirent[];
  let real: string;
  try {
    real = await realpath(absolutePath);
    const seenAs = state.visited.get(real);
    if (seenAs !== undefined) {
      state.skipped.push({ path: relativePath, reason: `${relativePath}: ${describeRevisit(relativePath, seenAs)}` });
      return;
    }
    entries = await readdir(absolutePath, { withFileTypes: true });
  } catch (error) {
    state.skipped.push({ path: relativePath, reason: `${relativePath}: unreadable folder (${describeFsError(error)})` });
    return;
  }
  state.visited.set(real, relativePath);
  await walkFolder(state, absolutePath, relativePath, entries);
}

function describeRevisit(relativePath: string, seenAs: string): string {
  const isAncestor = seenAs === '.' || relativePath.startsWith(`${seenAs}/`);
  return isAncestor ? `symbolic link loop (back to ${seenAs})` : `same folder as ${seenAs} (reached through a symbolic link), already read`;
}
