import { describe, expect, it } from 'vitest';
import { indexEngineFrom } from '../../src/app/compose.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { PostgresEngine } from '../../src/index/postgres/postgres-engine.js';

// No connection is made: a pg pool connects at its first query.
const URL = 'postgres://u:p@127.0.0.1:1/none';

describe('INDEX_ENGINE, DATABASE_URL and POSTGRES_LEXICAL pick the engine and its lexical channel', () => {
  it('sqlite by default; postgres with the bm25 channel unless POSTGRES_LEXICAL says tsvector', async () => {
    expect(indexEngineFrom(loadConfig({})).name).toBe('sqlite');
    const bm25 = indexEngineFrom(loadConfig({ INDEX_ENGINE: 'postgres', DATABASE_URL: URL })) as PostgresEngine;
    const tsv = indexEngineFrom(
      loadConfig({ INDEX_ENGINE: 'postgres', DATABASE_URL: URL, POSTGRES_LEXICAL: 'tsvector' }),
    ) as PostgresEngine;
    try {
      expect([bm25.name, bm25.lexical, tsv.name, tsv.lexical]).toEqual(['postgres', 'bm25', 'postgres', 'tsvector']);
      // One engine (one pool) per URL and channel for the whole process.
      expect(indexEngineFrom(loadConfig({ INDEX_ENGINE: 'postgres', DATABASE_URL: URL }))).toBe(bm25);
    } finally {
      await Promise.all([bm25.end(), tsv.end()]);
    }
  });

  it('a channel that does not exist is named at start', () => {
    expect(() => loadConfig({ POSTGRES_LEXICAL: 'fts' })).toThrow(ConfigError);
    expect(() => loadConfig({ POSTGRES_LEXICAL: 'fts' })).toThrow(/POSTGRES_LEXICAL/);
  });
});
