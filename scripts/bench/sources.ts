import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { folderSources, type SourceConfig, type SourcesFile } from '../../src/config.js';
import { readSources } from '../../src/sources/read-sources.js';
import { StateDb } from '../../src/store/state-db.js';
import { detectLanguage } from '../../src/text/language.js';
import { ITEMS, rssFeed, type FixtureItem } from '../../tests/fixtures/sources/feeds.js';
import { articlePage } from '../../tests/fixtures/sources/pages.js';
import { ROBOTS, sitemapIndex, urlset } from '../../tests/fixtures/sources/sitemaps.js';
import { answerWordpress, fakeWordpress } from '../../tests/fixtures/sources/wordpress.js';
import { SourceServer } from '../../tests/helpers/source-server.js';

/** One source's speed: a first pull and a re-pull of the same site, embedding excluded. */
export interface SourceSpeed {
  type: SourceConfig['type'];
  /** How the site was served. */
  variant: string;
  articles: number;
  firstPullMs: number;
  articlesPerSecond: number;
  /** The re-pull's outcome (unchanged: 304s), what it downloaded and kept, and its time. */
  repull: { outcome: string; fetched: number; unchanged: number; ms: number };
}

const PER_PAGE = 100;

/**
 * Measures `readSources` (fetch + parse, no embedding) over `n` fixture articles served from a
 * loopback SourceServer with no pause between requests: an RSS feed paged by `rel="next"`, a
 * WordPress site, and a sitemap index of sitemaps of PER_PAGE pages each (robots.txt, article
 * pages read by Readability), once with ETags on the sitemaps (a re-pull gets 304s) and once
 * without (a re-pull reads every sitemap and skips the pages by lastmod).
 */
export async function benchSources(n: number, log: (line: string) => void): Promise<SourceSpeed[]> {
  const server = await new SourceServer().start();
  const root = mkdtempSync(path.join(tmpdir(), 'archivista-bench-sources-'));
  try {
    const items = makeItems(n);
    serveFeed(server, items);
    const posts = items.map((item, i) => ({
      id: n - i,
      item,
      modified: `${item.date}T08:00:00`,
      authorId: 1,
      categoryIds: [10],
    }));
    const site = fakeWordpress(posts);
    site.pageSize = PER_PAGE;
    server.fallback = (url) => answerWordpress(site, server.base, url);
    serveSitemap(server, items, '/a', true);
    serveSitemap(server, items, '/b', false);
    const remote = { hosts: [] as string[] };
    const sitemap = (prefix: string): SourceConfig => ({
      ...remote,
      type: 'sitemap',
      id: `sitemap${prefix}`,
      url: server.url(`${prefix}/sitemap_index.xml`),
      maxUrls: n,
      maxSitemaps: 1000,
    });
    const runs: [string, SourceConfig][] = [
      [
        'RSS, rel=next pages, ETags',
        {
          ...remote,
          type: 'feed',
          id: 'feed',
          url: server.url('/feed.xml'),
          maxArticles: n,
          maxPages: Math.ceil(n / PER_PAGE) + 1,
        },
      ],
      ['REST API, 100 a page', { ...remote, type: 'wordpress', id: 'wordpress', url: server.url('/'), maxArticles: n }],
      ['index + sitemaps, ETags', sitemap('/a')],
      ['index + sitemaps, no ETags', sitemap('/b')],
    ];
    const results: SourceSpeed[] = [];
    for (const [variant, source] of runs) {
      results.push(await pullTwice(source, variant, root));
      const r = results.at(-1) as SourceSpeed;
      log(`${r.type} (${variant}): ${r.articles} articles in ${r.firstPullMs} ms; re-pull ${r.repull.ms} ms`);
    }
    return results;
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

async function pullTwice(source: SourceConfig, variant: string, root: string): Promise<SourceSpeed> {
  const state = new StateDb(path.join(root, `${source.id.replace(/\W/g, '-')}.db`));
  try {
    const file: SourcesFile = { sources: [source], fetch: { ...folderSources('.').fetch, delayMs: 0 } };
    const options = {
      store: state.sources,
      maxFileBytes: 20 * 1024 * 1024,
      detectLanguage: (t: string) => detectLanguage(t),
    };
    const first = await readSources(file, options);
    const again = await readSources(file, options);
    const report = again.sources[0];
    return {
      type: source.type,
      variant,
      articles: first.articles.length,
      firstPullMs: first.durationMs,
      articlesPerSecond: Math.round((first.articles.length * 1000) / Math.max(1, first.durationMs)),
      repull: {
        outcome: report?.outcome ?? '?',
        fetched: report?.fetched ?? 0,
        unchanged: report?.unchanged ?? 0,
        ms: again.durationMs,
      },
    };
  } finally {
    state.close();
  }
}

/** `n` distinct articles of six paragraphs, built from the fixture items. */
function makeItems(n: number): FixtureItem[] {
  return Array.from({ length: n }, (_, i) => {
    const base = ITEMS[i % ITEMS.length] as FixtureItem;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const paragraphs = Array.from(
      { length: 6 },
      (_, p) => `${base.paragraphs[p % base.paragraphs.length] ?? ''} (${i}.${p})`,
    );
    return { ...base, slug: `${base.slug}-${i}`, title: `${base.title} ${i}`, date: `2025-06-${day}`, paragraphs };
  });
}

function serveFeed(server: SourceServer, items: FixtureItem[]): void {
  const pages = Math.ceil(items.length / PER_PAGE);
  for (let p = 0; p < pages; p++) {
    const route = p === 0 ? '/feed.xml' : `/feed.xml?page=${p + 1}`;
    const next = p + 1 < pages ? server.url(`/feed.xml?page=${p + 2}`) : undefined;
    const body = rssFeed(server.url('/wire'), items.slice(p * PER_PAGE, (p + 1) * PER_PAGE), next);
    server.routes.set(route, { headers: { 'content-type': 'application/rss+xml' }, etag: `"feed-${p}"`, body });
  }
}

/** robots.txt at the root; under `prefix`, a sitemap index of sitemaps of PER_PAGE pages each, and the pages. */
function serveSitemap(server: SourceServer, items: FixtureItem[], prefix: string, etags: boolean): void {
  const xml = { 'content-type': 'application/xml' };
  const html = { 'content-type': 'text/html; charset=utf-8' };
  server.routes.set('/robots.txt', { headers: { 'content-type': 'text/plain' }, body: ROBOTS });
  const maps: { loc: string; lastmod: string }[] = [];
  for (let p = 0; p * PER_PAGE < items.length; p++) {
    const slice = items.slice(p * PER_PAGE, (p + 1) * PER_PAGE);
    const loc = `${prefix}/sitemap-${p + 1}.xml`;
    maps.push({ loc: server.url(loc), lastmod: `${slice[0]?.date ?? '2025-06-01'}T12:00:00Z` });
    const page = (item: FixtureItem) => `${prefix}/news/${item.slug}`;
    const entries = slice.map((item) => ({ loc: server.url(page(item)), lastmod: `${item.date}T10:00:00+02:00` }));
    server.routes.set(loc, { headers: xml, ...(etags ? { etag: `"map-${p}"` } : {}), body: urlset(entries) });
    for (const item of slice)
      server.routes.set(page(item), { headers: html, etag: `"${item.slug}"`, body: articlePage(server.base, item) });
  }
  server.routes.set(`${prefix}/sitemap_index.xml`, { headers: xml, body: sitemapIndex(maps) });
}
