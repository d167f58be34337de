import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/index/build-report.js';
import { ITEMS, rssFeed, type FixtureItem } from '../fixtures/sources/feeds.js';
import { SITE, serveNewsSite } from '../fixtures/sources/sitemaps.js';
import { answerWordpress, fakeWordpress, type FakeWordpress, type FixturePost } from '../fixtures/sources/wordpress.js';
import { runCliBuild } from '../helpers/fault-cli.js';
import { liveArticles } from '../helpers/source-build.js';
import { SourceServer } from '../helpers/source-server.js';

const [PONTE, BIBLIOTECA, PORTO] = ITEMS as [FixtureItem, FixtureItem, FixtureItem];
const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };

/**
 * The Done-means of #13: `npm run index -- --sources FILE --data DIR --json` (the real CLI, the
 * real model from ../shared/models) indexes a feed, a WordPress site and a sitemap from one
 * local server in one build; the second run fetches conditionally and embeds nothing; a
 * modified post is replaced and a deleted one (WordPress is authoritative) pruned.
 */
describe('npm run index with a sources file: feed + WordPress + sitemap in one build', () => {
  let server: SourceServer;
  let site: FakeWordpress;
  let root: string;
  let dataDir: string;
  let modelsDir: string;
  let sourcesFile: string;
  const wpLink = (item: FixtureItem) => server.url(`/${item.date.replaceAll('-', '/')}/${item.slug}/`);
  const run = async (): Promise<BuildReport> => {
    const result = await runCliBuild({ sourcesFile, dataDir, modelsDir });
    expect(result.code, `${result.stderr}\n${result.stdout}`).toBe(0);
    expect(result.report).not.toBeNull();
    return result.report as BuildReport;
  };

  beforeAll(async () => {
    server = await new SourceServer().start();
    root = mkdtempSync(path.join(tmpdir(), 'archivista-sources-cli-'));
    dataDir = path.join(root, 'data');
    modelsDir = path.join(root, 'empty-models');
    mkdirSync(modelsDir);
    server.routes.set('/feed.xml', { headers: RSS, etag: '"feed-1"', body: rssFeed(server.url('/wire'), ITEMS) });
    const posts: FixturePost[] = [
      { id: 41, item: { ...PONTE, slug: 'ponte-wp' }, modified: '2025-07-14T08:00:00', authorId: 1, categoryIds: [10] },
      {
        id: 40,
        item: { ...BIBLIOTECA, slug: 'biblioteca-wp' },
        modified: '2025-07-13T08:00:00',
        authorId: 2,
        categoryIds: [],
      },
      { id: 39, item: { ...PORTO, slug: 'porto-wp' }, modified: '2025-07-12T08:00:00', authorId: 3, categoryIds: [12] },
    ];
    site = fakeWordpress(posts);
    server.fallback = (url) => answerWordpress(site, server.base, url);
    serveNewsSite(server);
    sourcesFile = path.join(root, 'sources.json');
    writeFileSync(
      sourcesFile,
      JSON.stringify({
        sources: [
          { type: 'feed', id: 'wire', url: server.url('/feed.xml') },
          { type: 'wordpress', id: 'blog', url: server.url('/') },
          { type: 'sitemap', id: 'site', url: server.url(SITE.index) },
        ],
        fetch: { delayMs: 0, timeoutMs: 5000 },
      }),
    );
  });
  afterAll(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it(
    'indexes all three, re-runs conditionally embedding nothing, then updates and prunes',
    { timeout: 300_000 },
    async () => {
      const first = await run();
      expect(first.outcome).toBe('success');
      // seen counts the sitemap's three skipped pages (no article, disallowed, another host).
      expect(first.articles).toMatchObject({ seen: 12, added: 9, skipped: 3, removed: 0 });
      expect(first.sources.map((s) => [s.id, s.outcome, s.articles])).toEqual([
        ['wire', 'fetched', 3],
        ['blog', 'fetched', 3],
        ['site', 'fetched', 3],
      ]);
      const live = liveArticles(dataDir);
      expect(live.get(server.url('/wire/ponte-sul-fiume'))?.title).toBe(PONTE.title);
      expect(live.get(wpLink({ ...PORTO, slug: 'porto-wp' }))?.author).toBe('Jane Smith');
      expect(live.get(server.url(SITE.ponte))?.author).toBe('Anna Rossi');

      const before = server.requests.length;
      const again = await run();
      const asked = server.requests.slice(before);
      expect(again.chunks.embedded).toBe(0);
      expect(again.articles).toMatchObject({ seen: 9, unchanged: 9, added: 0, updated: 0, removed: 0 });
      expect(again.sources.map((s) => [s.id, s.outcome, s.fetched, s.unchanged])).toEqual([
        ['wire', 'unchanged', 0, 3],
        ['blog', 'fetched', 0, 3],
        ['site', 'unchanged', 0, 3],
      ]);
      expect(asked.find((r) => r.path === '/feed.xml')).toMatchObject({ status: 304 });
      expect(
        asked
          .filter((r) => r.status === 304)
          .map((r) => r.path)
          .sort(),
      ).toEqual(['/feed.xml', SITE.news, SITE.pages].sort());
      expect(
        asked.every((r) => !r.path.startsWith('/news/') && !r.path.startsWith('/wp-json/wp/v2/posts?include=')),
      ).toBe(true);

      const [first41] = site.posts as [FixturePost];
      first41.item = { ...first41.item, paragraphs: [...first41.item.paragraphs, 'Il cantiere aprirà a marzo.'] };
      first41.modified = '2025-07-15T09:00:00';
      site.posts = site.posts.filter((p) => p.id !== 40);
      const changed = await run();
      expect(changed.articles).toMatchObject({ seen: 8, updated: 1, removed: 1, added: 0, unchanged: 7 });
      expect(changed.chunks.embedded).toBeGreaterThan(0);
      const after = liveArticles(dataDir);
      expect(after.has(wpLink({ ...BIBLIOTECA, slug: 'biblioteca-wp' }))).toBe(false);
      expect(after.get(wpLink({ ...PONTE, slug: 'ponte-wp' }))?.text).toContain('Il cantiere aprirà a marzo.');
      expect(after.size).toBe(8);
    },
  );
});
