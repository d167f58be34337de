import type Database from 'better-sqlite3';
import type { ConversationMemory, Turn } from './conversation-memory.js';
import { isLang } from '../text/lang.js';

export const CONVERSATION_SCHEMA = `
CREATE TABLE IF NOT EXISTS conversation_turns (
  id INTEGER PRIMARY KEY,
  conversation TEXT NOT NULL,
  question TEXT NOT NULL,
  standalone TEXT NOT NULL,
  lang TEXT NOT NULL,
  article_ids TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conversation_turns_by_conversation ON conversation_turns (conversation, id);
CREATE INDEX IF NOT EXISTS conversation_turns_by_age ON conversation_turns (created_at);
`;

/** How much of a conversation is kept. */
export interface ConversationRetention {
  /** Turns kept per conversation (the most recent ones). */
  maxTurns: number;
  /** Turns older than this many days are forgotten. */
  maxDays: number;
}

interface TurnRow {
  question: string;
  standalone: string;
  lang: string;
  article_ids: string;
}

const DAY_MS = 86_400_000;

/**
 * Conversation turns in state.db, one conversation per id (a Discord thread, a terminal
 * `--thread NAME`), never mixed. Survives restarts; `now` is injectable for retention tests.
 * Throws only on SQLite errors.
 */
export class ConversationStore implements ConversationMemory {
  readonly #db: Database.Database;
  readonly #retention: ConversationRetention;
  readonly #now: () => Date;

  constructor(db: Database.Database, retention: ConversationRetention, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#retention = retention;
    this.#now = now;
  }

  recent(conversationId: string): Turn[] {
    const rows = this.#db
      .prepare(
        `SELECT question, standalone, lang, article_ids FROM conversation_turns
         WHERE conversation = ? AND created_at >= ? ORDER BY id DESC LIMIT ?`,
      )
      .all(conversationId, this.#cutoff(), this.#retention.maxTurns) as TurnRow[];
    return rows.reverse().map((row) => ({
      question: row.question,
      standalone: row.standalone,
      lang: isLang(row.lang) ? row.lang : 'it',
      articleIds: parseIds(row.article_ids),
    }));
  }

  append(conversationId: string, turn: Turn): void {
    const insert = this.#db.prepare(
      `INSERT INTO conversation_turns (conversation, question, standalone, lang, article_ids, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const pruneOld = this.#db.prepare('DELETE FROM conversation_turns WHERE created_at < ?');
    const pruneExtra = this.#db.prepare(
      `DELETE FROM conversation_turns WHERE conversation = ? AND id NOT IN
         (SELECT id FROM conversation_turns WHERE conversation = ? ORDER BY id DESC LIMIT ?)`,
    );
    this.#db.transaction(() => {
      insert.run(
        conversationId,
        turn.question,
        turn.standalone,
        turn.lang,
        JSON.stringify(turn.articleIds),
        this.#now().toISOString(),
      );
      pruneOld.run(this.#cutoff());
      pruneExtra.run(conversationId, conversationId, this.#retention.maxTurns);
    })();
  }

  /** Turns kept in all conversations (for tests and status). */
  count(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM conversation_turns').get() as { n: number }).n;
  }

  #cutoff(): string {
    return new Date(this.#now().getTime() - this.#retention.maxDays * DAY_MS).toISOString();
  }
}

function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
