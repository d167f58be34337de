import type Database from 'better-sqlite3';
import type { Article } from '../corpus/article.js';

/** Tables of state.db that keep what each source gave, so a 304 or a failed pull loses nothing. */
export const SOURCE_SCHEMA = `
CREATE TABLE IF NOT EXISTS source_state (
  source_id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  location TEXT NOT NULL,
  last_attempt_at TEXT,
  last_outcome TEXT,
  last_success_at TEXT,
  last_error_at TEXT,
  last_error_code TEXT,
  last_error TEXT,
  -- When the current run of failed pulls began (null while the source works).
  failing_since TEXT,
  articles INTEGER NOT NULL DEFAULT 0,
  newest_article_date TEXT,
  report TEXT
);
CREATE TABLE IF NOT EXISTS source_articles (
  source_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  url TEXT,
  -- The source's own change marker (WordPress modified, sitemap lastmod), when it has one.
  version TEXT,
  fetched_at TEXT NOT NULL,
  article TEXT NOT NULL,
  PRIMARY KEY (source_id, article_id)
);
CREATE TABLE IF NOT EXISTS http_validators (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  saved_at TEXT NOT NULL
);
`;

/** Adds the columns later versions brought to a `source_state` table created before them. */
export function migrateSourceState(db: Database.Database): void {
  const columns = db.prepare('PRAGMA table_info(source_state)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'failing_since'))
    db.exec('ALTER TABLE source_state ADD COLUMN failing_since TEXT');
}

/** What a source gave in its latest pull (one row of `source_state`, as /status reads it). */
export interface SourceStateRow {
  sourceId: string;
  type: string;
  location: string;
  lastAttemptAt: string | null;
  lastOutcome: 'fetched' | 'unchanged' | 'failed' | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorCode: string | null;
  lastError: string | null;
  /** When the current run of failed pulls began; null unless the latest pull failed. */
  failingSince: string | null;
  articles: number;
  newestArticleDate: string | null;
}

/** One article a source gave, as kept between pulls. */
export interface StoredArticle {
  article: Article;
  version: string | null;
}

/** An ETag and Last-Modified an earlier response to `url` gave. */
export interface HttpValidators {
  etag: string | null;
  lastModified: string | null;
}

/** Per-source fetch state in state.db: pull outcomes, the articles kept, HTTP validators. */
export class SourceStateStore {
  constructor(private readonly db: Database.Database) {}

  /** Every source's latest pull, ordered by id. */
  listSources(): SourceStateRow[] {
    return this.db
      .prepare(
        `SELECT source_id AS sourceId, type, location, last_attempt_at AS lastAttemptAt, last_outcome AS lastOutcome,
          last_success_at AS lastSuccessAt, last_error_at AS lastErrorAt, last_error_code AS lastErrorCode,
          last_error AS lastError, failing_since AS failingSince, articles, newest_article_date AS newestArticleDate
         FROM source_state ORDER BY source_id`,
      )
      .all() as SourceStateRow[];
  }

  /**
   * Records a pull's outcome at `now`; success and error times are kept from earlier pulls when
   * this one has none, and `failing_since` marks the first of consecutive failed pulls.
   */
  recordPull(
    pull: {
      sourceId: string;
      type: string;
      location: string;
      outcome: 'fetched' | 'unchanged' | 'failed';
      errorCode: string | null;
      error: string | null;
      articles: number;
      newestArticleDate: string | null;
      report: unknown;
    },
    at: Date = new Date(),
  ): void {
    const now = at.toISOString();
    const failed = pull.outcome === 'failed';
    this.db
      .prepare(
        `INSERT INTO source_state (source_id, type, location, last_attempt_at, last_outcome, last_success_at,
           last_error_at, last_error_code, last_error, failing_since, articles, newest_article_date, report)
         VALUES (@sourceId, @type, @location, @now, @outcome, @success, @errorAt, @errorCode, @error, @failingSince,
           @articles, @newest, @report)
         ON CONFLICT (source_id) DO UPDATE SET type = excluded.type, location = excluded.location,
           last_attempt_at = excluded.last_attempt_at, last_outcome = excluded.last_outcome,
           last_success_at = coalesce(excluded.last_success_at, last_success_at),
           last_error_at = coalesce(excluded.last_error_at, last_error_at),
           last_error_code = coalesce(excluded.last_error_code, last_error_code),
           last_error = coalesce(excluded.last_error, last_error),
           failing_since = CASE WHEN excluded.failing_since IS NULL THEN NULL
             ELSE coalesce(source_state.failing_since, excluded.failing_since) END,
           articles = excluded.articles, newest_article_date = excluded.newest_article_date, report = excluded.report`,
      )
      .run({
        ...pull,
        now,
        success: failed ? null : now,
        errorAt: pull.error === null ? null : now,
        failingSince: failed ? now : null,
        newest: pull.newestArticleDate,
        report: JSON.stringify(pull.report),
      });
  }

  /** The articles a source gave so far, by article id. */
  readArticles(sourceId: string): Map<string, StoredArticle> {
    const rows = this.db
      .prepare('SELECT article, version FROM source_articles WHERE source_id = ? ORDER BY rowid')
      .all(sourceId) as { article: string; version: string | null }[];
    const articles = new Map<string, StoredArticle>();
    for (const row of rows) {
      const article = JSON.parse(row.article) as Article;
      articles.set(article.id, { article, version: row.version });
    }
    return articles;
  }

  /** Replaces the articles kept for a source with `articles`. */
  replaceArticles(sourceId: string, articles: Iterable<StoredArticle>): void {
    const insert = this.db.prepare(
      'INSERT INTO source_articles (source_id, article_id, url, version, fetched_at, article) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM source_articles WHERE source_id = ?').run(sourceId);
      for (const { article, version } of articles)
        insert.run(sourceId, article.id, article.url, version, now, JSON.stringify(article));
    })();
  }

  /** The validators saved for `url`, or null. */
  readValidators(url: string): HttpValidators | null {
    const row = this.db
      .prepare('SELECT etag, last_modified AS lastModified FROM http_validators WHERE url = ?')
      .get(url) as HttpValidators | undefined;
    return row ?? null;
  }

  /** Saves (or, with neither value, forgets) the validators of `url`. */
  saveValidators(url: string, validators: HttpValidators): void {
    if (validators.etag === null && validators.lastModified === null) {
      this.db.prepare('DELETE FROM http_validators WHERE url = ?').run(url);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO http_validators (url, etag, last_modified, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, saved_at = excluded.saved_at`,
      )
      .run(url, validators.etag, validators.lastModified, new Date().toISOString());
  }
}
