import type pg from 'pg';

/** A schema name this module made (lowercase letters, digits, underscores), safe to splice into SQL. */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** `"schema"` for SQL text; throws on a name that is not a plain identifier. */
export function quoteSchema(schema: string): string {
  if (!IDENTIFIER.test(schema)) throw new Error(`not a plain PostgreSQL identifier: ${schema}`);
  return `"${schema}"`;
}

/** PostgreSQL's text-search configuration for an article language (`lang`: an SQL text expression). */
const textConfig = (lang: string) => `(CASE ${lang} WHEN 'en' THEN 'english' ELSE 'italian' END)::regconfig`;

/**
 * SQL for a passage's full-text lexemes (the to_tsvector channel): its article's title, weight
 * A (pass '' for a derived title, which only repeats the first sentence), and its text, weight
 * D, both analysed with the article language's configuration. Arguments are SQL expressions.
 */
export const lexemesSql = (lang: string, title: string, text: string): string =>
  `setweight(to_tsvector(${textConfig(lang)}, ${title}), 'A') || to_tsvector(${textConfig(lang)}, ${text})`;

/** Creates the `vector` extension when the database lacks it (needs the right to create extensions). */
export async function ensureVectorExtension(pool: pg.Pool): Promise<void> {
  await pool.query('CREATE EXTENSION IF NOT EXISTS vector');
}

/**
 * Creates one generation's schema: articles, chunks (with their vectors and full-text lexemes), their
 * sentences (with their vectors, as the SQLite engine's bytes),
 * the lexical postings (one row per chunk, field and analysed term, with its count) and the
 * BM25 statistics. The search indexes come later (`createSearchIndexes`), once the rows are in.
 */
export async function createGenerationSchema(pool: pg.Pool, schema: string, dims: number): Promise<void> {
  const s = quoteSchema(schema);
  if (!Number.isInteger(dims) || dims < 1) throw new Error(`bad vector dimension ${dims}`);
  await pool.query(`
    CREATE SCHEMA ${s};
    CREATE TABLE ${s}.articles (
      rowid serial PRIMARY KEY, id text NOT NULL UNIQUE, source_path text NOT NULL, title text NOT NULL,
      title_derived boolean NOT NULL, date text, updated text, author text, url text, lang text NOT NULL, tags text NOT NULL,
      text text NOT NULL, hash text NOT NULL);
    -- A chunk id (shared by the lexical and dense halves) is never reused, not even across generations.
    CREATE SEQUENCE ${s}.chunk_ids;
    CREATE TABLE ${s}.chunks (
      id integer PRIMARY KEY DEFAULT nextval('${s}.chunk_ids'),
      article_rowid integer NOT NULL REFERENCES ${s}.articles(rowid),
      idx integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL, text text NOT NULL,
      len integer NOT NULL, embedding vector(${dims}) NOT NULL, lexemes tsvector);
    CREATE INDEX ON ${s}.chunks (article_rowid);
    CREATE TABLE ${s}.sentences (chunk_id integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
      translation text, vector bytea NOT NULL);
    CREATE INDEX ON ${s}.sentences (chunk_id);
    CREATE TABLE ${s}.postings (term text NOT NULL, field smallint NOT NULL, chunk_id integer NOT NULL, tf integer NOT NULL);
    CREATE TABLE ${s}.stats (passages double precision NOT NULL, avg_len double precision NOT NULL);`);
}

/**
 * Copies every row of generation `from` into the new, empty generation `to`, sequences and
 * lexemes included (nothing is analysed again). Only a generation written before chunks had
 * lexemes (its rows copy with none) gets them computed here, once.
 */
export async function copyGeneration(pool: pg.Pool, from: string, to: string): Promise<void> {
  const [f, t] = [quoteSchema(from), quoteSchema(to)];
  await pool.query(`
    INSERT INTO ${t}.articles SELECT * FROM ${f}.articles;
    SELECT setval(pg_get_serial_sequence('${t}.articles', 'rowid'), coalesce((SELECT max(rowid) FROM ${t}.articles), 0) + 1, false);
    INSERT INTO ${t}.chunks SELECT * FROM ${f}.chunks;
    SELECT setval('${t}.chunk_ids', last_value, is_called) FROM ${f}.chunk_ids;
    INSERT INTO ${t}.postings SELECT * FROM ${f}.postings;
    INSERT INTO ${t}.sentences SELECT * FROM ${f}.sentences;
    UPDATE ${t}.chunks c SET lexemes = ${lexemesSql('a.lang', "CASE WHEN a.title_derived THEN '' ELSE a.title END", 'c.text')}
      FROM ${t}.articles a WHERE a.rowid = c.article_rowid AND c.lexemes IS NULL;`);
}

/** Builds the lexical (postings, full-text GIN) and HNSW indexes and the BM25 statistics of a generation whose rows are all written. */
export async function createSearchIndexes(
  pool: pg.Pool,
  schema: string,
  hnsw: { m: number; efConstruction: number },
): Promise<void> {
  const s = quoteSchema(schema);
  const m = Math.trunc(hnsw.m);
  const ef = Math.trunc(hnsw.efConstruction);
  await pool.query(`
    CREATE INDEX ON ${s}.postings (term, field);
    CREATE INDEX ON ${s}.postings (chunk_id);
    CREATE INDEX ON ${s}.chunks USING gin (lexemes);
    CREATE INDEX ON ${s}.chunks USING hnsw (embedding vector_cosine_ops) WITH (m = ${m}, ef_construction = ${ef});
    DELETE FROM ${s}.stats;
    INSERT INTO ${s}.stats SELECT count(*), coalesce(avg(len), 0) FROM ${s}.chunks;
    ANALYZE ${s}.chunks; ANALYZE ${s}.postings;`);
}

/** Schemas whose name starts with `prefix`. */
export async function listSchemas(pool: pg.Pool, prefix: string): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    'SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1) ORDER BY nspname',
    [prefix],
  );
  return rows.map((r) => r.name);
}

/** Drops a generation's schema with everything in it (nothing when it does not exist). */
export async function dropSchema(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${quoteSchema(schema)} CASCADE`);
}
