import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { Fetcher } from '../../src/sources/http/fetcher.js';
import { StateDb } from '../../src/store/state-db.js';
import { pullSitemap } from '../../src/sources/pull-sitemap.js';
import { MAX_CRAWL_DELAY_MS, readRobots } from '../../src/sources/robots.js';
import { ITEMS, type FixtureItem } from '../fixtures/sources/feeds.js';
import { SITE, serveNewsSite, sitemapIndex, urlset } from '../fixtures/sources/sitemaps.js';
import { fakeSourceBuild, liveArticles, sourcesOf, TEST_FETCH } from '../helpers/source-build.js';
import { SourceServer } from '../helpers/source-server.js';

const [PONTE, BIBLIOTECA, PORTO] = ITEMS as [FixtureItem, FixtureItem, FixtureItem];
const XML = { 'content-type': 'application/xml' };

describe('sitemap sources: a sitemap index, a news and a standard sitemap, article pages', () => {
  let server: SourceServer;
  let root: string;
  let dataDir: string;
  let embedded: string[];
  const sitemapSource = (extra: Record<string, unknown> = {}) =>
    sourcesOf([{ type: 'sitemap', url: server.url(SITE.index), maxUrls: 1000, maxSitemaps: 50, ...extra }]);
  const build = (extra: Record<string, unknown> = {}) =>
    buildIndex(fakeSourceBuild(dataDir, sitemapSource(extra), embedded));
  const pageRequests = () => server.paths().filter((p) => !p.endsWith('.xml') && p !== '/robots.txt');

  beforeEach(async () => {
    server = await new SourceServer().start();
    root = mkdtempSync(path.join(tmpdir(), 'archivista-sitemap-'));
    dataDir = path.join(root, 'data');
    embedded = [];
  });
  afterEach(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes the pages with JSON-LD or OpenGraph metadata; skips a page with no article, a disallowed one and another host', async () => {
    serveNewsSite(server);
    const report = await build();
    expect(report.outcome).toBe('success');
    expect(report.articles).toMatchObject({ added: 3, removed: 0 });
    const live = liveArticles(dataDir);
    expect([...live.keys()].sort()).toEqual([SITE.biblioteca, SITE.ponte, SITE.porto].map((p) => server.url(p)).sort());
    expect(live.get(server.url(SITE.ponte))).toMatchObject({
      url: server.url(SITE.ponte),
      title: PONTE.title,
      author: 'Anna Rossi',
      date: '2025-07-14',
      tags: ['città', 'lavori pubblici'],
    });
    // JSON-LD dateModified, as the source state keeps the article.
    const state = new StateDb(path.join(dataDir, 'state.db'));
    try {
      const kept = state.sources.readArticles(report.sources[0]?.id ?? '').get(server.url(SITE.ponte));
      expect(kept).toMatchObject({ version: '2025-07-14T10:00:00+02:00', article: { updated: '2025-07-14' } });
    } finally {
      state.close();
    }
    expect(live.get(server.url(SITE.ponte))?.text).toContain(PONTE.paragraphs[1]);
    expect(live.get(server.url(SITE.ponte))?.text).not.toMatch(/Leggi anche|Tutti i diritti riservati/);
    // OpenGraph only: og:title and article:published_time; the link stays the sitemap's <loc>.
    expect(live.get(server.url(SITE.biblioteca))).toMatchObject({
      url: server.url(SITE.biblioteca),
      title: `${BIBLIOTECA.title} (OG)`,
      date: '2025-07-13',
    });
    expect(live.get(server.url(SITE.porto))).toMatchObject({ title: PORTO.title, author: 'Jane Smith' });

    // robots.txt first, with our user agent; the disallowed page and the other host never asked.
    expect(server.requests[0]).toMatchObject({ path: '/robots.txt' });
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^ArchivistaBot\//);
    expect(server.paths()).not.toContain(SITE.secret);
    expect(server.requests.every((r) => r.headers.host?.startsWith('127.0.0.1:'))).toBe(true);
    expect(pageRequests().sort()).toEqual([SITE.biblioteca, SITE.section, SITE.ponte, SITE.porto].sort());

    const reasons = report.skipped.map((s) => s.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`${server.url(SITE.section)}: no article in the page`),
        expect.stringMatching(/pages disallowed by robots\.txt: 1 not fetched \(.*\/privato\/bilancio-riservato\)/),
        expect.stringMatching(
          /URLs on another host than 127\.0\.0\.1:\d+: 1 not fetched \(http:\/\/localhost:\d+\/news\/altrove\)/,
        ),
      ]),
    );
    expect(report.sources).toEqual([
      expect.objectContaining({
        type: 'sitemap',
        outcome: 'fetched',
        articles: 3,
        fetched: 3,
        failed: 3,
        lastError: null,
      }),
    ]);
  });

  it('a re-run asks for the sitemaps conditionally and embeds nothing; a new lastmod refetches only that page', async () => {
    serveNewsSite(server);
    await build();
    let before = server.requests.length;
    const again = await build();
    const seen = server.requests.slice(before);
    expect(
      seen
        .filter((r) => r.status === 304)
        .map((r) => r.path)
        .sort(),
    ).toEqual([SITE.news, SITE.pages].sort());
    expect(seen.find((r) => r.path === SITE.news)?.headers['if-none-match']).toBe('"news-1"');
    // The index is read anew each time: a nested sitemap may change while the index does not.
    expect(seen.find((r) => r.path === SITE.index)?.status).toBe(200);
    expect(seen.map((r) => r.path)).not.toContain(SITE.ponte);
    expect(again.chunks.embedded).toBe(0);
    expect(again.articles).toMatchObject({ unchanged: 3, added: 0, removed: 0 });
    expect(again.sources[0]).toMatchObject({ outcome: 'unchanged', articles: 3, fetched: 0, unchanged: 3 });

    // Porto changes (new lastmod, new text); Biblioteca leaves the sitemap (a sitemap never deletes).
    const edited = { ...PORTO, paragraphs: [...PORTO.paragraphs, 'Dredging will resume in the spring.'] };
    serveNewsSite(server, { porto: edited, portoLastmod: '2025-07-15T09:00:00+02:00' });
    const news = server.routes.get(SITE.news) as { body: string };
    server.routes.set(SITE.news, {
      headers: XML,
      etag: '"news-2"',
      body: news.body.replace(/<url><loc>[^<]*biblioteca-riapre<\/loc>.*?<\/url>/, ''),
    });
    before = server.requests.length;
    embedded.length = 0;
    const changed = await build();
    const pages = server.requests.slice(before).filter((r) => r.path.startsWith('/news/') || r.path === SITE.section);
    // Ponte's lastmod is the same: no request. The section page had no article: tried again.
    expect(pages.map((r) => r.path).sort()).toEqual([SITE.section, SITE.porto].sort());
    expect(pages.find((r) => r.path === SITE.porto)?.headers['if-none-match']).toBe('"porto-dragaggio-2"');
    expect(changed.articles).toMatchObject({ updated: 1, unchanged: 2, added: 0, removed: 0 });
    expect(changed.sources[0]).toMatchObject({ outcome: 'fetched', fetched: 1, unchanged: 1, articles: 3 });
    expect(liveArticles(dataDir).get(server.url(SITE.porto))?.text).toContain('Dredging will resume in the spring.');
    expect(liveArticles(dataDir).has(server.url(SITE.biblioteca))).toBe(true);
    expect(embedded.some((t) => t.includes('Dredging will resume'))).toBe(true);
    expect(embedded.every((t) => !t.includes('ponte'))).toBe(true);
  });

  it('a page answering 304 under a new lastmod is kept and not refetched next time', async () => {
    serveNewsSite(server);
    await build();
    // Same page (same ETag), new lastmod in a changed sitemap.
    serveNewsSite(server, { portoLastmod: '2025-07-16T09:00:00+02:00' });
    const first = await build();
    expect(first.sources[0]).toMatchObject({ outcome: 'fetched', fetched: 0, unchanged: 1 });
    expect(server.requests.filter((r) => r.path === SITE.porto).map((r) => r.status)).toEqual([200, 304]);
    server.routes.set(SITE.pages, { ...(server.routes.get(SITE.pages) as object), etag: '"pages-again"' });
    await build();
    expect(server.requests.filter((r) => r.path === SITE.porto)).toHaveLength(2);
  });

  it('robots.txt: missing allows all, unreachable fails the source and deletes nothing; a disallowed sitemap is an error', async () => {
    serveNewsSite(server);
    server.routes.set('/robots.txt', { status: 404, body: 'not found' });
    const open = await build();
    expect(open.articles.added).toBe(4);
    expect(server.paths()).toContain(SITE.secret);

    server.routes.set('/robots.txt', { status: 503, body: 'busy' });
    const failed = await build();
    expect(failed.outcome).toBe('success');
    expect(failed.articles).toMatchObject({ removed: 0, unchanged: 4 });
    expect(failed.sources[0]).toMatchObject({ outcome: 'failed', lastErrorCode: 'robots-unreachable', articles: 4 });
    expect(failed.sources[0]?.lastError).toContain('HTTP 503');
    const asked = server.requests.length;
    server.routes.set('/robots.txt', { body: 'User-agent: archivistabot\nDisallow: /sitemap\n' });
    const refused = await build();
    expect(refused.sources[0]).toMatchObject({ outcome: 'failed', lastErrorCode: 'robots-disallowed', articles: 4 });
    expect(server.paths().slice(asked)).toEqual(['/robots.txt']);
  });

  it('limits: maxUrls keeps the newest pages; maxSitemaps stops reading; a malformed nested sitemap is a problem', async () => {
    serveNewsSite(server);
    server.routes.set('/broken.xml', { headers: XML, body: '<urlset><url><loc>oops</url>' });
    const index = server.routes.get(SITE.index) as { body: string };
    server.routes.set(SITE.index, {
      headers: XML,
      body: index.body.replace(
        '</sitemapindex>',
        `<sitemap><loc>${server.url('/broken.xml')}</loc></sitemap></sitemapindex>`,
      ),
    });
    const limited = await build({ maxUrls: 3 });
    // Newest sitemap first (news, then pages), until 3 pages are known; then the newest 3 pages.
    expect(pageRequests().sort()).toEqual([SITE.ponte, SITE.section, SITE.biblioteca].sort());
    expect(server.paths()).not.toContain('/broken.xml');
    expect(limited.articles.added).toBe(2);
    expect(limited.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/oldest pages over maxUrls 3: 1 not fetched \(.*porto-dragaggio\)/),
        expect.stringMatching(/sitemaps not read \(maxUrls 3 reached\): 1 not fetched \(.*broken\.xml\)/),
      ]),
    );

    const all = await build({ id: 'sitemap:all', maxSitemaps: 4 });
    expect(all.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/broken\.xml: malformed XML/)]),
    );
    expect(all.sources[0]).toMatchObject({ outcome: 'fetched', articles: 3 });
    const few = await build({ id: 'sitemap:few', maxSitemaps: 2 });
    expect(few.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/sitemaps not read \(maxSitemaps 2\): 2 not fetched/)]),
    );
  });

  it('a sitemap index nested too deep, a document that is not a sitemap, and a 500 fail cleanly', async () => {
    serveNewsSite(server);
    server.routes.set('/deep-0.xml', { headers: XML, body: sitemapIndex([{ loc: server.url('/deep-1.xml') }]) });
    server.routes.set('/deep-1.xml', { headers: XML, body: sitemapIndex([{ loc: server.url('/deep-2.xml') }]) });
    server.routes.set('/deep-2.xml', { headers: XML, body: sitemapIndex([{ loc: server.url('/deep-3.xml') }]) });
    server.routes.set('/deep-3.xml', { headers: XML, body: sitemapIndex([{ loc: server.url('/deep-4.xml') }]) });
    server.routes.set('/deep-4.xml', { headers: XML, body: urlset([{ loc: server.url('/x') }]) });
    server.routes.set('/rss.xml', { headers: XML, body: '<rss><channel></channel></rss>' });
    server.routes.set('/error.xml', { status: 500, body: 'oops' });
    const sources = sourcesOf(
      [SITE.index, '/deep-0.xml', '/rss.xml', '/error.xml'].map((p) => ({
        type: 'sitemap',
        url: server.url(p),
        maxUrls: 10,
        maxSitemaps: 10,
      })),
    );
    const report = await buildIndex(fakeSourceBuild(dataDir, sources));
    expect(report.outcome).toBe('success');
    expect(report.sources.map((s) => [s.outcome, s.lastErrorCode])).toEqual([
      ['fetched', null],
      ['fetched', null],
      ['failed', 'not-a-sitemap'],
      ['failed', 'http-500'],
    ]);
    expect(report.articles.added).toBe(3);
    expect(server.paths()).toContain('/deep-3.xml');
    expect(server.paths()).not.toContain('/deep-4.xml');
    expect(report.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/sitemap indexes nested deeper than 3: 1 not fetched/)]),
    );
  });
});

/** A fetcher that records the pauses robots.txt asks for. */
class RecordingFetcher extends Fetcher {
  readonly slowDowns: [string, number][] = [];
  override slowDown(url: string, delayMs: number): void {
    this.slowDowns.push([url, delayMs]);
    super.slowDown(url, delayMs);
  }
}

describe('robots.txt for the sitemap crawler', () => {
  let server: SourceServer;
  const fetcher = () =>
    new RecordingFetcher(TEST_FETCH, new Set([new URL(server.base).host]), {
      readValidators: () => null,
      saveValidators: () => undefined,
    });
  const robots = (body: string) =>
    server.routes.set('/robots.txt', { headers: { 'content-type': 'text/plain' }, body });

  beforeEach(async () => {
    server = await new SourceServer().start();
  });
  afterEach(() => server.stop());

  it('follows the group of our product token, else *; URLs of another origin are never allowed', async () => {
    robots('User-agent: *\nDisallow: /\n\nUser-agent: ArchivistaBot\nDisallow: /privato/\n');
    const ours = await readRobots(fetcher(), server.url('/'), TEST_FETCH.userAgent);
    expect(ours.allows(server.url('/news/a'))).toBe(true);
    expect(ours.allows(server.url('/privato/b'))).toBe(false);
    expect(ours.allows(server.url('/news/a').replace('127.0.0.1', 'localhost'))).toBe(false);
    const other = await readRobots(fetcher(), server.url('/'), 'OtherBot/2.0');
    expect(other.allows(server.url('/news/a'))).toBe(false);
    expect(ours.crawlDelayMs).toBeNull();
  });

  it('Crawl-delay in seconds becomes ms, capped at MAX_CRAWL_DELAY_MS; a 404 allows all; a 500 or timeout is unreachable', async () => {
    robots('User-agent: archivistabot\nCrawl-delay: 1.5\n');
    expect((await readRobots(fetcher(), server.url('/x'), TEST_FETCH.userAgent)).crawlDelayMs).toBe(1500);
    robots('User-agent: *\nCrawl-delay: 86400\n');
    expect((await readRobots(fetcher(), server.url('/x'), TEST_FETCH.userAgent)).crawlDelayMs).toBe(MAX_CRAWL_DELAY_MS);
    server.routes.set('/robots.txt', { status: 404 });
    expect((await readRobots(fetcher(), server.url('/x'), TEST_FETCH.userAgent)).allows(server.url('/any'))).toBe(true);
    for (const route of [{ status: 500 }, { delayMs: 5000 }]) {
      server.routes.set('/robots.txt', route);
      await expect(
        readRobots(
          new Fetcher({ ...TEST_FETCH, timeoutMs: 300 }, new Set([new URL(server.base).host]), {
            readValidators: () => null,
            saveValidators: () => undefined,
          }),
          server.url('/x'),
          TEST_FETCH.userAgent,
        ),
      ).rejects.toMatchObject({ code: 'robots-unreachable' });
    }
  });

  it('a sitemap pull asks the fetcher to slow down to the Crawl-delay', async () => {
    serveNewsSite(server);
    robots('User-agent: ArchivistaBot\nCrawl-delay: 0.01\nDisallow: /privato/\n');
    const recording = fetcher();
    const [source] = sourcesOf([{ type: 'sitemap', url: server.url(SITE.index), maxUrls: 1000, maxSitemaps: 50 }])
      .sources as [Parameters<typeof pullSitemap>[0]];
    const pull = await pullSitemap(source, {
      fetcher: recording,
      stored: new Map(),
      detectLanguage: () => 'it',
      settings: TEST_FETCH,
    });
    expect(recording.slowDowns).toEqual([[server.url(SITE.index), 10]]);
    expect(pull).toMatchObject({ outcome: 'fetched', fetched: 3, complete: false });
  });
});
