import { extractArticle } from '../corpus/extract-article.js';
import type { StoredArticle } from '../store/source-state.js';
import { describePullError } from './http/fetch-error.js';
import type { SitemapEntry } from './parse-sitemap.js';
import { finishRemote } from './remote-article.js';
import { emptyPull, openPull, type PullContext, type PullSource } from './remote-pull.js';
import { readRobots } from './robots.js';
import { walkSitemaps } from './sitemap-walk.js';

const ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** What reading one page gave: an article (new, or kept as it was), or why not. */
type PageResult = { kind: 'fetched' | 'unchanged'; item: StoredArticle } | { kind: 'failed'; reason: string };

/**
 * One pull of a sitemap source: robots.txt first (its Crawl-delay slows the host down; an
 * unreachable one fails the pull), then the sitemaps (see walkSitemaps), then each listed
 * page whose `lastmod` differs from last time, conditionally, through the polite fetcher;
 * its text by Readability, its metadata from JSON-LD NewsArticle or OpenGraph (see
 * extractArticle). An article's id and link are its `<loc>`. A page with no article is a
 * problem of the source, not of the build. A sitemap lists what a site chose to list (news
 * sitemaps: the last two days), so an article gone from it stays: the pull never deletes.
 */
export const pullSitemap: PullSource<'sitemap'> = async (source, context) => {
  const pull = emptyPull('fetched');
  const opened = await openPull(async () => {
    const robots = await readRobots(context.fetcher, source.url, context.settings.userAgent);
    if (robots.crawlDelayMs !== null) context.fetcher.slowDown(source.url, robots.crawlDelayMs);
    return walkSitemaps(source, context, robots, pull);
  });
  if ('failed' in opened) return opened.failed;
  const { pages, fresh, notModified } = opened.value;
  if (fresh === 0 && notModified > 0) return { ...pull, outcome: 'unchanged', unchanged: context.stored.size };
  const results = await mapWithLimit(pages, context.settings.perHostConcurrency, (page) =>
    readPage(page, source.id, context),
  );
  results.forEach((result, i) => {
    if (result.kind === 'failed') {
      pull.failed += 1;
      pull.problems.push({ path: pages[i]?.loc ?? source.url, reason: result.reason });
      return;
    }
    pull.items.push(result.item);
    pull[result.kind] += 1;
  });
  return pull;
};

/** Skips a page whose `lastmod` is the one stored; else GETs it (conditionally when stored) and reads its article. */
async function readPage(page: SitemapEntry, sourceId: string, context: PullContext): Promise<PageResult> {
  const kept = context.stored.get(page.loc);
  if (kept !== undefined && page.lastmod !== null && kept.version === page.lastmod)
    return { kind: 'unchanged', item: kept };
  let got;
  try {
    got = await context.fetcher.get(page.loc, { conditional: kept !== undefined, accept: ACCEPT });
  } catch (error) {
    return { kind: 'failed', reason: describePullError(error).message };
  }
  if (got.status === 'not-modified') {
    // Kept as stored, under the new lastmod, so the next pull skips it without a request.
    return kept === undefined
      ? { kind: 'failed', reason: `${page.loc}: 304 to an unconditional request` }
      : { kind: 'unchanged', item: { ...kept, version: page.lastmod } };
  }
  if (got.contentType !== '' && !/html/i.test(got.contentType))
    return { kind: 'failed', reason: `${page.loc}: not an HTML page (${got.contentType})` };
  const draft = extractArticle(got.body, page.loc);
  const item = draft === null ? null : finishRemote(draft, sourceId, context.detectLanguage, page.lastmod);
  if (item === null) return { kind: 'failed', reason: `${page.loc}: no article in the page` };
  got.remember();
  return { kind: 'fetched', item };
}

/** `task` over `items` with at most `limit` running at once; results in the items' order. */
async function mapWithLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
