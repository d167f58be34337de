import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Embedder } from '../../src/embedding/embedder.js';
import type { Generation } from '../../src/index/generation.js';
import { LiveIndex } from '../../src/index/live-index.js';
import { dataLayout, readCurrent } from '../../src/index/layout.js';
import { retrieve } from '../../src/retrieval/retrieve.js';

/** What a generation holds: article id → number of chunks. Two equal snapshots index the same passages. */
export interface GenerationSnapshot {
  id: string;
  articles: Record<string, number>;
}

/** The snapshot of generation `id` of `dataDir`, read from its SQLite database. */
export function snapshotGeneration(dataDir: string, id: string): GenerationSnapshot {
  const db = new Database(path.join(dataLayout(dataDir).generationsDir, id, 'index.db'), { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT a.id AS id, count(c.id) AS n FROM articles a LEFT JOIN chunks c ON c.article_rowid = a.rowid GROUP BY a.id ORDER BY a.id',
      )
      .all() as { id: string; n: number }[];
    return { id, articles: Object.fromEntries(rows.map((r) => [r.id, r.n])) };
  } finally {
    db.close();
  }
}

/** What a freshly started LiveIndex on `dataDir` serves: its status and a snapshot (null when it serves nothing). */
export function inspectFreshLive(
  dataDir: string,
  accept?: (generation: Generation) => string | null,
): { generationId: string | null; error: string | null; snapshot: GenerationSnapshot | null } {
  const live = new LiveIndex(dataDir, { efSearch: 100, ...(accept === undefined ? {} : { accept }) });
  try {
    const lease = live.acquire();
    const snapshot = lease === null ? null : snapshotGeneration(dataDir, lease.generation.id);
    lease?.release();
    return { ...live.status(), snapshot };
  } finally {
    live.close();
  }
}

/** The article id retrieval ranks first for `question` on what `live` serves (throws when it serves nothing). */
export async function topArticle(live: LiveIndex, embedder: Embedder, question: string): Promise<string | undefined> {
  const lease = live.acquire();
  if (lease === null) throw new Error('the live index serves no generation');
  try {
    const result = await retrieve({ generation: lease.generation, embedder, question, language: 'it' });
    return result.groups[0]?.articleId;
  } finally {
    lease.release();
  }
}

/** One row of state.db's runs table. */
export interface RunRecord {
  id: number;
  outcome: string;
  trigger: string;
  error: string | null;
  generationId: string | null;
  finishedAt: string | null;
}

/** Every build run recorded in `dataDir`'s state.db, oldest first ([] when there is no state.db). */
export function readRuns(dataDir: string): RunRecord[] {
  const file = dataLayout(dataDir).stateDb;
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT id, outcome, trigger, error, generation_id AS generationId, finished_at AS finishedAt FROM runs ORDER BY id',
      )
      .all() as RunRecord[];
  } finally {
    db.close();
  }
}

/** Generation folder names in `dataDir`, sorted (oldest first). */
export function generationFolders(dataDir: string): string[] {
  const dir = dataLayout(dataDir).generationsDir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort();
}

/** True when the generation folder has its manifest (the last file a build writes). */
export function hasManifest(dataDir: string, id: string): boolean {
  return existsSync(path.join(dataLayout(dataDir).generationsDir, id, 'manifest.json'));
}

/** Every passage of the generation CURRENT names, as `articleId#idx text`, in order. */
export function readLivePassages(dataDir: string): string[] {
  const layout = dataLayout(dataDir);
  const id = readCurrent(layout);
  if (id === null) return [];
  const db = new Database(path.join(layout.generationsDir, id, 'index.db'), { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT a.id AS id, c.idx AS idx, c.text AS text FROM chunks c JOIN articles a ON a.rowid = c.article_rowid ORDER BY a.id, c.idx',
      )
      .all() as { id: string; idx: number; text: string }[];
    return rows.map((r) => `${r.id}#${r.idx} ${r.text}`);
  } finally {
    db.close();
  }
}
