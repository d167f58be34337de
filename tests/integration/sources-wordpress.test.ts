import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { ITEMS, type FixtureItem } from '../fixtures/sources/feeds.js';
import { answerWordpress, fakeWordpress, type FakeWordpress, type FixturePost } from '../fixtures/sources/wordpress.js';
import { fakeSourceBuild, liveArticles, sourcesOf } from '../helpers/source-build.js';
import { SourceServer } from '../helpers/source-server.js';

const [PONTE, BIBLIOTECA, PORTO] = ITEMS as [FixtureItem, FixtureItem, FixtureItem];
const EXTRA: FixtureItem = {
  ...BIBLIOTECA,
  slug: 'mercato-coperto',
  title: 'Il mercato coperto cambia orari',
  date: '2025-07-11',
};

describe('WordPress sources (REST API), from a local fake site', () => {
  let server: SourceServer;
  let site: FakeWordpress;
  let root: string;
  let dataDir: string;
  let embedded: string[];
  const link = (item: FixtureItem) => server.url(`/${item.date.replaceAll('-', '/')}/${item.slug}/`);
  const build = () =>
    buildIndex(fakeSourceBuild(dataDir, sourcesOf([{ type: 'wordpress', url: server.url('/') }]), embedded));
  const posts = (): FixturePost[] => [
    { id: 41, item: PONTE, modified: '2025-07-14T08:00:00', authorId: 1, categoryIds: [10] },
    { id: 40, item: BIBLIOTECA, modified: '2025-07-13T08:00:00', authorId: 2, categoryIds: [11] },
    { id: 39, item: PORTO, modified: '2025-07-12T08:00:00', authorId: 3, categoryIds: [12] },
    { id: 38, item: EXTRA, modified: '2025-07-11T08:00:00', authorId: 2, categoryIds: [] },
    {
      id: 37,
      item: { ...EXTRA, slug: 'sagra', title: 'Torna la sagra' },
      modified: '2025-07-10T08:00:00',
      authorId: 9,
      categoryIds: [],
    },
  ];

  beforeEach(async () => {
    server = await new SourceServer().start();
    site = fakeWordpress(posts());
    server.fallback = (url) => answerWordpress(site, server.base, url);
    root = mkdtempSync(path.join(tmpdir(), 'archivista-wp-'));
    dataDir = path.join(root, 'data');
    embedded = [];
  });
  afterEach(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('pages through every post; ids and links are the public links; authors and categories by name', async () => {
    const report = await build();
    expect(report.sources[0]?.lastError ?? report.error).toBeNull();
    expect(report.outcome).toBe('success');
    expect(report.articles).toMatchObject({ added: 5, skipped: 0 });
    const listings = server.paths().filter((p) => p.startsWith('/wp-json/wp/v2/posts?per_page='));
    expect(listings).toHaveLength(3);
    const live = liveArticles(dataDir);
    expect(live.get(link(PONTE))).toMatchObject({
      url: link(PONTE),
      title: 'Approvato il nuovo ponte sul fiume',
      author: 'Anna Rossi',
      date: '2025-07-14',
      tags: ['Città'],
    });
    expect(live.get(link(BIBLIOTECA))?.tags).toEqual(['Cultura & società']);
    expect([...live.values()].every((a) => !(a.url ?? '').includes('/wp-json/'))).toBe(true);
    // Author 9 is not on the site: the article keeps an empty author, it is not lost.
    expect([...live.values()].find((a) => a.title === 'Torna la sagra')?.author).toBeNull();
    expect(report.sources[0]).toMatchObject({ type: 'wordpress', outcome: 'fetched', articles: 5, fetched: 5 });
  });

  it('a second run downloads only the listing and embeds nothing; a modified post is replaced, a deleted one removed', async () => {
    await build();
    const before = server.requests.length;
    const again = await build();
    const fetchedAgain = server.paths().slice(before);
    expect(fetchedAgain.every((p) => p.includes('_fields=id,link,modified_gmt'))).toBe(true);
    expect(again.chunks.embedded).toBe(0);
    expect(again.sources[0]).toMatchObject({ outcome: 'fetched', fetched: 0, unchanged: 5 });

    const [first] = site.posts as [FixturePost];
    first.item = { ...PONTE, paragraphs: [...PONTE.paragraphs, 'Il cantiere aprirà a marzo.'] };
    first.modified = '2025-07-15T09:00:00';
    site.posts = site.posts.filter((p) => p.id !== 39);
    embedded.length = 0;
    const changed = await build();
    expect(changed.articles).toMatchObject({ updated: 1, removed: 1, unchanged: 3, added: 0 });
    const live = liveArticles(dataDir);
    expect(live.has(link(PORTO))).toBe(false);
    expect(live.get(link(PONTE))?.text).toContain('Il cantiere aprirà a marzo.');
    expect(embedded.every((t) => !t.includes('biblioteca'))).toBe(true);
  });

  it('hidden authors leave the author empty; a failed listing deletes nothing', async () => {
    site.hideUsers = true;
    const hidden = await build();
    expect(hidden.articles.added).toBe(5);
    expect([...liveArticles(dataDir).values()].every((a) => a.author === null)).toBe(true);

    site.failListing = 503;
    const failed = await build();
    expect(failed.outcome).toBe('success');
    expect(failed.articles).toMatchObject({ removed: 0, unchanged: 5 });
    expect(failed.sources[0]).toMatchObject({ outcome: 'failed', lastErrorCode: 'http-503', articles: 5 });
  });
});
