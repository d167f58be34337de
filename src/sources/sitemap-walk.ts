import { describePullError, FetchError } from './http/fetch-error.js';
import { parseSitemap, type SitemapEntry } from './parse-sitemap.js';
import type { Pull, PullContext, RemoteSourceOf } from './remote-pull.js';
import type { RobotsRules } from './robots.js';

/** How deep sitemap indexes may nest below the configured URL (the protocol itself allows one level). */
export const MAX_SITEMAP_DEPTH = 3;

const ACCEPT = 'application/xml, text/xml;q=0.9, */*;q=0.5';

/** What walking a source's sitemaps found. */
export interface SitemapListing {
  /** Article pages to consider, newest `lastmod` first, at most `maxUrls`. */
  pages: SitemapEntry[];
  /** Sitemap files that listed pages and answered 200. */
  fresh: number;
  /** Sitemap files that answered 304 (their pages are as last time). */
  notModified: number;
}

/**
 * Reads the configured sitemap and, through indexes (newest `lastmod` first, at most
 * MAX_SITEMAP_DEPTH deep and `maxSitemaps` files), the sitemaps it lists, until `maxUrls` pages
 * are known. Only URLs on the configured URL's host that robots.txt allows are kept; the others
 * are problems in `pull` (never fetched). Files that list pages are fetched conditionally and
 * their validators kept; indexes are always read anew (a child may change while its index does
 * not). Throws FetchError when the configured sitemap itself cannot be read or parsed; a failing
 * nested one is a problem in `pull`.
 */
export async function walkSitemaps(
  source: RemoteSourceOf<'sitemap'>,
  context: PullContext,
  robots: RobotsRules,
  pull: Pull,
): Promise<SitemapListing> {
  const host = new URL(source.url).host;
  const skips = new SkipTally(source.url, pull);
  const pages = new Map<string, SitemapEntry>();
  const listing: SitemapListing = { pages: [], fresh: 0, notModified: 0 };
  const queue = [{ loc: source.url, depth: 0 }];
  const seen = new Set([source.url]);
  let read = 0;
  while (queue.length > 0 && read < source.maxSitemaps && pages.size < source.maxUrls) {
    const { loc, depth } = queue.shift() as { loc: string; depth: number };
    const root = depth === 0;
    if (!robots.allows(loc)) {
      if (root) throw new FetchError('robots-disallowed', `${loc}: disallowed by robots.txt`);
      skips.fail('sitemaps disallowed by robots.txt', loc);
      continue;
    }
    read += 1;
    let sitemap;
    try {
      const got = await context.fetcher.get(loc, { conditional: context.stored.size > 0, accept: ACCEPT });
      if (got.status === 'not-modified') {
        listing.notModified += 1;
        continue;
      }
      sitemap = parseSitemap(got.body, got.url);
      if (sitemap.kind === 'urlset') {
        got.remember();
        listing.fresh += 1;
      }
    } catch (error) {
      if (root) throw error;
      pull.problems.push({ path: loc, reason: describePullError(error).message });
      pull.failed += 1;
      continue;
    }
    if (sitemap.kind === 'urlset') {
      for (const entry of sitemap.urls) {
        if (new URL(entry.loc).host !== host) skips.fail(`URLs on another host than ${host}`, entry.loc);
        else if (!robots.allows(entry.loc)) skips.fail('pages disallowed by robots.txt', entry.loc);
        else if (!pages.has(entry.loc)) pages.set(entry.loc, entry);
      }
    } else if (depth >= MAX_SITEMAP_DEPTH) {
      skips.fail(`sitemap indexes nested deeper than ${MAX_SITEMAP_DEPTH}`, loc);
    } else {
      for (const entry of newestFirst(sitemap.sitemaps)) {
        if (new URL(entry.loc).host !== host) skips.fail(`URLs on another host than ${host}`, entry.loc);
        else if (!seen.has(entry.loc)) {
          seen.add(entry.loc);
          queue.push({ loc: entry.loc, depth: depth + 1 });
        }
      }
    }
  }
  if (queue.length > 0) {
    const why = read >= source.maxSitemaps ? `maxSitemaps ${source.maxSitemaps}` : `maxUrls ${source.maxUrls} reached`;
    skips.limit(`sitemaps not read (${why})`, ...queue.map((q) => q.loc));
  }
  const sorted = newestFirst([...pages.values()]);
  if (sorted.length > source.maxUrls)
    skips.limit(`oldest pages over maxUrls ${source.maxUrls}`, ...sorted.slice(source.maxUrls).map((p) => p.loc));
  listing.pages = sorted.slice(0, source.maxUrls);
  skips.flush();
  return listing;
}

/** Entries by `lastmod`, newest first; undated ones last, in their own order. */
function newestFirst(entries: SitemapEntry[]): SitemapEntry[] {
  const time = (e: SitemapEntry) => {
    const t = e.lastmod === null ? NaN : Date.parse(e.lastmod);
    return Number.isNaN(t) ? -Infinity : t;
  };
  return entries
    .map((entry, i) => ({ entry, i, t: time(entry) }))
    .sort((a, b) => (b.t === a.t ? a.i - b.i : b.t - a.t))
    .map((e) => e.entry);
}

/**
 * URLs skipped for one reason become one problem per reason (a count and the first few URLs),
 * not one per URL. Those that could not be used count as `failed`; those left out by a limit do not.
 */
class SkipTally {
  private static readonly SHOWN = 3;
  private readonly byReason = new Map<string, { urls: string[]; failed: boolean }>();

  constructor(
    private readonly path: string,
    private readonly pull: Pull,
  ) {}

  fail(reason: string, ...urls: string[]): void {
    this.add(reason, urls, true);
  }

  limit(reason: string, ...urls: string[]): void {
    this.add(reason, urls, false);
  }

  flush(): void {
    for (const [reason, { urls, failed }] of this.byReason) {
      const shown = urls.slice(0, SkipTally.SHOWN).join(', ');
      const more = urls.length > SkipTally.SHOWN ? ` and ${urls.length - SkipTally.SHOWN} more` : '';
      this.pull.problems.push({ path: this.path, reason: `${reason}: ${urls.length} not fetched (${shown}${more})` });
      if (failed) this.pull.failed += urls.length;
    }
  }

  private add(reason: string, urls: string[], failed: boolean): void {
    const entry = this.byReason.get(reason) ?? { urls: [], failed };
    entry.urls.push(...urls);
    this.byReason.set(reason, entry);
  }
}
