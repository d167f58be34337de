import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { StateDb } from '../../src/store/state-db.js';
import { ITEMS, rssFeed, jsonFeed, type FixtureItem } from '../fixtures/sources/feeds.js';
import { fakeSourceBuild, liveArticles, sourcesOf } from '../helpers/source-build.js';
import { SourceServer } from '../helpers/source-server.js';

const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };

describe('feed sources, pulled from a local HTTP server', () => {
  let server: SourceServer;
  let root: string;
  let dataDir: string;
  let embedded: string[];
  const feedSource = (feedPath: string, extra: Record<string, unknown> = {}) =>
    sourcesOf([{ type: 'feed', url: server.url(feedPath), ...extra }]);
  const build = (sources: ReturnType<typeof sourcesOf>) => buildIndex(fakeSourceBuild(dataDir, sources, embedded));
  const serveRss = (items: FixtureItem[], etag: string) =>
    server.routes.set('/feed.xml', { headers: RSS, etag, body: rssFeed(server.url('/news'), items) });

  beforeEach(async () => {
    server = await new SourceServer().start();
    root = mkdtempSync(path.join(tmpdir(), 'archivista-feed-'));
    dataDir = path.join(root, 'data');
    embedded = [];
  });
  afterEach(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes an RSS feed with its links, authors, dates and categories; a re-run is a 304 and embeds nothing', async () => {
    serveRss(ITEMS, '"v1"');
    const first = await build(feedSource('/feed.xml'));
    expect(first.outcome).toBe('success');
    expect(first.articles).toMatchObject({ seen: 3, added: 3, removed: 0, skipped: 0 });
    const article = liveArticles(dataDir).get(server.url('/news/ponte-sul-fiume'));
    expect(article).toMatchObject({
      url: server.url('/news/ponte-sul-fiume'),
      title: 'Approvato il nuovo ponte sul fiume',
      author: 'Anna Rossi',
      date: '2025-07-14',
      lang: 'it',
      tags: ['città', 'lavori pubblici'],
    });
    expect(article?.text.split('\n\n')).toEqual(ITEMS[0]?.paragraphs);
    expect(first.sources).toEqual([
      expect.objectContaining({
        type: 'feed',
        outcome: 'fetched',
        articles: 3,
        fetched: 3,
        failed: 0,
        newestArticleDate: '2025-07-14',
      }),
    ]);

    const again = await build(feedSource('/feed.xml'));
    expect(server.requests.at(-1)).toMatchObject({ path: '/feed.xml', status: 304 });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(again.outcome).toBe('success');
    expect(again.chunks.embedded).toBe(0);
    expect(again.articles).toMatchObject({ seen: 3, unchanged: 3, added: 0, removed: 0 });
    expect(again.sources[0]).toMatchObject({ outcome: 'unchanged', articles: 3, fetched: 0, unchanged: 3 });
  });

  it('a changed item replaces its passages; an item gone from the feed stays (a feed never deletes)', async () => {
    serveRss(ITEMS, '"v1"');
    await build(feedSource('/feed.xml'));
    const [ponte, biblioteca] = ITEMS as [FixtureItem, FixtureItem, FixtureItem];
    const edited = { ...ponte, paragraphs: [...ponte.paragraphs, 'Aggiornamento: il cantiere aprirà a marzo.'] };
    const fresh: FixtureItem = {
      ...biblioteca,
      slug: 'nuovo-parco',
      title: 'Un nuovo parco in periferia',
      date: '2025-07-15',
    };
    serveRss([fresh, edited, biblioteca], '"v2"');
    embedded.length = 0;
    const report = await build(feedSource('/feed.xml'));
    // Unchanged: the one still in the feed and the one only kept.
    expect(report.articles).toMatchObject({ added: 1, updated: 1, unchanged: 2, removed: 0 });
    const live = liveArticles(dataDir);
    expect(live.size).toBe(4);
    expect(live.get(server.url('/news/ponte-sul-fiume'))?.text).toContain('il cantiere aprirà a marzo');
    expect(live.has(server.url('/news/porto-dragaggio'))).toBe(true);
    expect(embedded.some((t) => t.includes('Harbour'))).toBe(false);
    expect(report.sources[0]).toMatchObject({ newestArticleDate: '2025-07-15' });
  });

  it('follows a paginated archive (JSON Feed next_url) up to maxPages', async () => {
    const [a, b, c] = ITEMS as [FixtureItem, FixtureItem, FixtureItem];
    const base = server.url('/news');
    server.routes.set('/feed.json', { body: jsonFeed(base, [a], server.url('/feed.json?page=2')) });
    server.routes.set('/feed.json?page=2', { body: jsonFeed(base, [b], server.url('/feed.json?page=3')) });
    server.routes.set('/feed.json?page=3', { body: jsonFeed(base, [c]) });
    const limited = await build(feedSource('/feed.json', { maxPages: 2 }));
    expect(limited.articles.added).toBe(2);
    expect(server.paths()).toEqual(['/feed.json', '/feed.json?page=2']);
    const all = await build(feedSource('/feed.json', { id: 'feed:all' }));
    expect(all.sources[0]).toMatchObject({ articles: 3 });
    expect(liveArticles(dataDir).get(`${base}/porto-dragaggio`)).toMatchObject({
      author: 'Jane Smith',
      date: '2025-07-12',
    });
  });

  it('records each pull in state.db for /status (outcome, last success and error, newest date)', async () => {
    serveRss(ITEMS, '"v1"');
    await build(feedSource('/feed.xml'));
    server.routes.set('/feed.xml', { status: 500, body: 'oops' });
    const failed = await build(feedSource('/feed.xml'));
    expect(failed.outcome).toBe('success');
    expect(failed.articles).toMatchObject({ seen: 3, unchanged: 3, removed: 0 });
    const state = new StateDb(path.join(dataDir, 'state.db'));
    try {
      const [row] = state.sources.listSources();
      expect(row).toMatchObject({
        sourceId: `feed:${server.url('/feed.xml')}`,
        type: 'feed',
        lastOutcome: 'failed',
        lastErrorCode: 'http-500',
        articles: 3,
        newestArticleDate: '2025-07-14',
      });
      expect(row?.lastSuccessAt).not.toBeNull();
      expect(row?.lastErrorAt).not.toBeNull();
    } finally {
      state.close();
    }
  });
});

describe('feed faults: each fails its own source, deletes nothing, and the build goes on', () => {
  let server: SourceServer;
  let root: string;
  beforeEach(async () => {
    server = await new SourceServer().start();
    root = mkdtempSync(path.join(tmpdir(), 'archivista-faults-'));
  });
  afterEach(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('malformed XML, a 10 MB feed, a slow server, a 500, a redirect loop and a redirect to another host', async () => {
    const dataDir = path.join(root, 'data');
    const port = new URL(server.base).port;
    server.routes.set('/good.xml', { headers: RSS, body: rssFeed(server.url('/news'), ITEMS.slice(0, 1)) });
    server.routes.set('/malformed.xml', { headers: RSS, body: '<rss><channel><item><title>Rotto</item></channel>' });
    server.routes.set('/huge.xml', { headers: RSS, body: Buffer.alloc(10 * 1024 * 1024, 'a') });
    server.routes.set('/slow.xml', { headers: RSS, delayMs: 5000, body: rssFeed(server.url('/news'), ITEMS) });
    server.routes.set('/error.xml', { status: 500, body: 'Internal Server Error' });
    server.routes.set('/loop-a', { status: 302, headers: { location: '/loop-b' } });
    server.routes.set('/loop-b', { status: 302, headers: { location: '/loop-a' } });
    server.routes.set('/away', { status: 301, headers: { location: `http://localhost:${port}/elsewhere.xml` } });
    const paths = ['/good.xml', '/malformed.xml', '/huge.xml', '/slow.xml', '/error.xml', '/loop-a', '/away'];
    const sources = sourcesOf(
      paths.map((p) => ({ type: 'feed', url: server.url(p) })),
      { timeoutMs: 500 },
    );
    const report = await buildIndex(fakeSourceBuild(dataDir, sources));
    expect(report.outcome).toBe('success');
    expect(report.articles.added).toBe(1);
    expect(report.sources.map((s) => [s.outcome, s.lastErrorCode])).toEqual([
      ['fetched', null],
      ['failed', 'malformed-xml'],
      ['failed', 'too-large'],
      ['failed', 'timeout'],
      ['failed', 'http-500'],
      ['failed', 'redirect-loop'],
      ['failed', 'host-not-allowed'],
    ]);
    expect(report.sources[6]?.lastError).toContain(`localhost:${port}/elsewhere.xml`);
    expect(server.paths()).not.toContain('/elsewhere.xml');
  });

  it('a page with no items, a feed that is not a feed, and items without text or link are reported', async () => {
    const dataDir = path.join(root, 'data');
    server.routes.set('/html', {
      headers: { 'content-type': 'text/html' },
      body: '<html><body><p>Hello</p></body></html>',
    });
    server.routes.set('/json', { body: '{"hello": "world"}' });
    server.routes.set('/partial.xml', {
      headers: RSS,
      body: rssFeed(server.url('/news'), ITEMS.slice(0, 1)).replace(
        '</channel>',
        '<item><title>Vuoto</title><link>https://x/y</link></item></channel>',
      ),
    });
    const sources = sourcesOf(['/html', '/json', '/partial.xml'].map((p) => ({ type: 'feed', url: server.url(p) })));
    const report = await buildIndex(fakeSourceBuild(dataDir, sources));
    expect(report.sources.map((s) => [s.outcome, s.lastErrorCode, s.failed])).toEqual([
      ['failed', 'not-a-feed', 0],
      ['failed', 'not-a-feed', 0],
      ['fetched', null, 1],
    ]);
    expect(report.skipped.map((s) => s.reason)).toEqual([
      `feed:${server.url('/partial.xml')}: https://x/y: item without text or link`,
    ]);
  });
});
