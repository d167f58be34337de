import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, folderSources, loadConfig, loadSourcesFile, projectRoot } from '../../src/config.js';

describe('the sources file', () => {
  let dir: string;
  const write = (value: unknown) => {
    const file = path.join(dir, 'sources.json');
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const errorOf = (value: unknown): string => {
    try {
      loadSourcesFile(write(value));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archivista-sources-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every source type, fills defaults, resolves folders against the project root and names each source', () => {
    const file = write({
      sources: [
        { type: 'feed', url: 'http://127.0.0.1:8080/feed.xml' },
        { type: 'feed', url: 'https://news.example.org/feed.json', id: 'json' },
        { type: 'folder', path: 'exports/fact-checks', map: { text: 'content', date: 'publish_date' } },
      ],
    });
    const loaded = loadSourcesFile(file);
    expect(loaded.sources.map((s) => s.id)).toEqual([
      'feed:http://127.0.0.1:8080/feed.xml',
      'json',
      'folder:exports/fact-checks',
    ]);
    expect(loaded.sources[2]).toMatchObject({
      path: path.join(projectRoot, 'exports/fact-checks'),
      map: { text: 'content', date: 'publish_date' },
      idFrom: 'record',
    });
    expect(loaded.sources[0]).toMatchObject({ maxPages: 10, maxArticles: 5000, hosts: [] });
    expect(loaded.fetch).toMatchObject({ timeoutMs: 15_000, perHostConcurrency: 2, maxRedirects: 5 });
  });

  it('reads a sitemap source with its limits (defaults 1000 pages, 50 sitemap files) and names bad ones', () => {
    const loaded = loadSourcesFile(
      write({
        sources: [
          { type: 'sitemap', url: 'https://news.example.org/sitemap_index.xml' },
          { type: 'sitemap', url: 'https://news.example.org/news-sitemap.xml', maxUrls: 50, maxSitemaps: 1 },
        ],
      }),
    );
    expect(loaded.sources[0]).toMatchObject({
      id: 'sitemap:https://news.example.org/sitemap_index.xml',
      maxUrls: 1000,
      maxSitemaps: 50,
      hosts: [],
    });
    expect(loaded.sources[1]).toMatchObject({ maxUrls: 50, maxSitemaps: 1 });
    const example = loadSourcesFile(path.join(projectRoot, 'sources.example.json'));
    expect(example.sources.map((s) => s.type)).toEqual(['folder', 'folder', 'feed', 'wordpress', 'sitemap']);
    const message = errorOf({
      sources: [{ type: 'sitemap', url: 'https://news.example.org/s.xml', maxUrls: 0, maxArticles: 5 }],
    });
    expect(message).toContain('sources.0.maxUrls');
    expect(message).toContain('maxArticles');
  });

  it('names every bad key at once', () => {
    const message = errorOf({
      sources: [
        { type: 'feed', url: 'ftp://example.org/feed' },
        { type: 'folder' },
        { type: 'magazine', url: 'https://example.org' },
        { type: 'folder', path: 'x', map: { text: 3 } },
        { type: 'feed', url: 'https://example.org/feed', maxPgaes: 3 },
      ],
      fetch: { timeoutMs: 5 },
    });
    expect(message).toContain(path.join(dir, 'sources.json'));
    expect(message).toMatch(/sources\.0\.url: expected an http\(s\) URL/);
    expect(message).toMatch(/sources\.1\.path/);
    expect(message).toMatch(/sources\.2\.type/);
    expect(message).toMatch(/sources\.3\.map\.text/);
    expect(message).toMatch(/maxPgaes/);
    expect(message).toMatch(/fetch\.timeoutMs/);
  });

  it('rejects malformed JSON, an empty list and two sources with one id', () => {
    expect(errorOf('{"sources": [')).toMatch(/Invalid sources file .*JSON/);
    expect(errorOf({ sources: [] })).toMatch(/sources:/);
    expect(
      errorOf({
        sources: [
          { type: 'feed', url: 'https://a.example/feed', id: 'news' },
          { type: 'feed', url: 'https://b.example/feed', id: 'news' },
        ],
      }),
    ).toMatch(/two sources have the id news/);
  });

  it('SOURCES_FILE is resolved against the project root; without a sources file the corpus folder is the one source', () => {
    expect(loadConfig({ SOURCES_FILE: 'conf/sources.json' }).SOURCES_FILE).toBe(
      path.join(projectRoot, 'conf/sources.json'),
    );
    expect(loadConfig({}).SOURCES_FILE).toBeNull();
    const only = folderSources(path.join(projectRoot, 'corpus'));
    expect(only.sources).toEqual([
      { type: 'folder', id: 'folder:corpus', path: path.join(projectRoot, 'corpus'), map: {}, idFrom: 'record' },
    ]);
  });
});
