import Database from 'better-sqlite3';
import { migrateSourceState, SOURCE_SCHEMA, SourceStateStore } from './source-state.js';
import { CONVERSATION_SCHEMA, ConversationStore, type ConversationRetention } from './conversations.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  outcome TEXT NOT NULL DEFAULT 'running',
  full INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  generation_id TEXT,
  error TEXT,
  report TEXT
);
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY,
  answer_id TEXT NOT NULL,
  question TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS gaps (
  id INTEGER PRIMARY KEY,
  question TEXT NOT NULL,
  lang TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('not-covered', 'down-vote')),
  channel_id TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS gaps_created_at ON gaps (created_at);
`;

/** A question the coverage did not answer: "not covered", or an answer voted 👎. No user id. */
export interface GapRow {
  question: string;
  lang: 'it' | 'en';
  kind: 'not-covered' | 'down-vote';
  channelId: string | null;
  /** ISO 8601. */
  createdAt: string;
}

export interface RunRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  outcome: 'running' | 'success' | 'failed';
  error: string | null;
  generationId: string | null;
}

/**
 * Long-lived state that is never swapped with a generation: build runs, feedback votes and
 * unanswered questions, what each article source gave (see SourceStateStore), and conversations.
 * Throws when the file cannot be opened or written.
 */
export class StateDb {
  private readonly db: Database.Database;
  /** Per-source fetch state (pull outcomes, kept articles, HTTP validators). */
  readonly sources: SourceStateStore;

  constructor(file: string) {
    // SQLite's own messages ("unable to open database file") do not say which file.
    let db: Database.Database | null = null;
    try {
      db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.exec(SCHEMA);
      db.exec(SOURCE_SCHEMA);
      migrateSourceState(db);
      db.exec(CONVERSATION_SCHEMA);
    } catch (error) {
      db?.close();
      throw new Error(`cannot open the state database ${file}: ${(error as Error).message}`);
    }
    this.db = db;
    this.sources = new SourceStateStore(db);
  }

  /** Records the start of a build; returns its run id. */
  startRun(full: boolean, trigger: string): number {
    const info = this.db
      .prepare('INSERT INTO runs (started_at, full, trigger) VALUES (?, ?, ?)')
      .run(new Date().toISOString(), full ? 1 : 0, trigger);
    return Number(info.lastInsertRowid);
  }

  /** Records how a build ended; `report` is stored as JSON. */
  finishRun(
    runId: number,
    report: { outcome: 'success' | 'failed'; generationId: string | null; error: string | null; full: boolean },
  ): void {
    this.db
      .prepare(
        'UPDATE runs SET finished_at = ?, outcome = ?, generation_id = ?, error = ?, report = ?, full = ? WHERE id = ?',
      )
      .run(
        new Date().toISOString(),
        report.outcome,
        report.generationId,
        report.error,
        JSON.stringify(report),
        report.full ? 1 : 0,
        runId,
      );
  }

  /** Marks runs left 'running' by a killed process as failed. */
  closeAbandonedRuns(reason: string): void {
    this.db
      .prepare("UPDATE runs SET outcome = 'failed', error = ?, finished_at = ? WHERE outcome = 'running'")
      .run(reason, new Date().toISOString());
  }

  /** The most recent finished run, and the most recent successful one. */
  lastRuns(): { last: RunRow | null; lastSuccess: RunRow | null } {
    const select = `SELECT id, started_at AS startedAt, finished_at AS finishedAt, outcome, error, generation_id AS generationId FROM runs`;
    const last = this.db.prepare(`${select} WHERE outcome != 'running' ORDER BY id DESC LIMIT 1`).get() as
      RunRow | undefined;
    const lastSuccess = this.db.prepare(`${select} WHERE outcome = 'success' ORDER BY id DESC LIMIT 1`).get() as
      RunRow | undefined;
    return { last: last ?? null, lastSuccess: lastSuccess ?? null };
  }

  /** Stores one vote (no user names). */
  recordVote(vote: { answerId: string; question: string; vote: 'up' | 'down' }): void {
    this.db
      .prepare('INSERT INTO feedback (answer_id, question, vote, created_at) VALUES (?, ?, ?, ?)')
      .run(vote.answerId, vote.question, vote.vote, new Date().toISOString());
  }

  /** Votes so far. */
  voteCounts(): { up: number; down: number } {
    const rows = this.db.prepare('SELECT vote, count(*) AS n FROM feedback GROUP BY vote').all() as {
      vote: 'up' | 'down';
      n: number;
    }[];
    return { up: rows.find((r) => r.vote === 'up')?.n ?? 0, down: rows.find((r) => r.vote === 'down')?.n ?? 0 };
  }

  /** Stores one unanswered question. */
  recordGap(gap: GapRow): void {
    this.db
      .prepare('INSERT INTO gaps (question, lang, kind, channel_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(gap.question, gap.lang, gap.kind, gap.channelId, gap.createdAt);
  }

  /** Unanswered questions recorded at or after `since` (ISO 8601), oldest first. */
  gapsSince(since: string): GapRow[] {
    return this.db
      .prepare(
        'SELECT question, lang, kind, channel_id AS channelId, created_at AS createdAt FROM gaps WHERE created_at >= ? ORDER BY created_at, id',
      )
      .all(since) as GapRow[];
  }

  /** Deletes unanswered questions recorded before `before` (ISO 8601); returns how many. */
  pruneGaps(before: string): number {
    return this.db.prepare('DELETE FROM gaps WHERE created_at < ?').run(before).changes;
  }

  /** The conversations kept here, with `retention` applied on every read and write. */
  conversations(retention: ConversationRetention, now?: () => Date): ConversationStore {
    return new ConversationStore(this.db, retention, now);
  }

  close(): void {
    this.db.close();
  }
}
