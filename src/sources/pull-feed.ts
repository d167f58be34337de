import type { StoredArticle } from '../store/source-state.js';
import type { FetchedPage } from './http/fetcher.js';
import { describePullError } from './http/fetch-error.js';
import { parseFeed } from './parse-feed.js';
import {
  emptyPull,
  failedPull,
  openPull,
  type Pull,
  type PullContext,
  type PullSource,
  type RemoteSourceOf,
} from './remote-pull.js';
import { finishRemote } from './remote-article.js';

type FeedSource = RemoteSourceOf<'feed'>;

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/**
 * One pull of an RSS/Atom/JSON feed: the first page conditionally (a 304 keeps every stored
 * item), then older pages through `next` links up to `maxPages`, stopping early at a page that
 * brings nothing new. A feed only shows its newest items, so the pull never deletes (it is not
 * `complete`). A failing first page fails the pull; a failing later page is a problem and keeps
 * what the earlier pages gave.
 */
export const pullFeed: PullSource<'feed'> = async (source, context) => {
  const opened = await openPull(() =>
    context.fetcher.get(source.url, { conditional: context.stored.size > 0, accept: ACCEPT }),
  );
  if ('failed' in opened) return opened.failed;
  const first = opened.value;
  if (first.status === 'not-modified') return { ...emptyPull('unchanged'), unchanged: context.stored.size };
  const pull = emptyPull('fetched');
  const seen = new Set<string>([source.url]);
  let page: FetchedPage = first;
  for (let n = 1; ; n++) {
    let next: string | null;
    try {
      next = readPage(page, source, context, pull);
    } catch (error) {
      if (n === 1) return failedPull(error);
      pull.problems.push({ path: page.url, reason: describePullError(error).message });
      pull.failed += 1;
      break;
    }
    if (n === 1) first.remember();
    if (next === null || n >= source.maxPages || pull.items.length >= source.maxArticles || seen.has(next)) break;
    seen.add(next);
    try {
      const got = await context.fetcher.get(next, { accept: ACCEPT });
      if (got.status !== 'ok') break;
      page = got;
    } catch (error) {
      pull.problems.push({ path: next, reason: describePullError(error).message });
      pull.failed += 1;
      break;
    }
  }
  return pull;
};

/** Adds a page's items to `pull`; returns its next page, or null when the page brought nothing new. */
function readPage(page: FetchedPage, source: FeedSource, context: PullContext, pull: Pull): string | null {
  const parsed = parseFeed(page.body, page.url);
  let fresh = 0;
  for (const item of parsed.items) {
    if (pull.items.length >= source.maxArticles) break;
    const stored: StoredArticle | null = finishRemote(item, source.id, context.detectLanguage);
    if (stored === null) {
      pull.failed += 1;
      pull.problems.push({
        path: item.url ?? page.url,
        reason: `${item.url ?? item.guid ?? page.url}: item without text or link`,
      });
      continue;
    }
    pull.fetched += 1;
    if (context.stored.get(stored.article.id)?.article.hash !== stored.article.hash) fresh += 1;
    pull.items.push(stored);
  }
  return fresh === 0 && pull.items.length > 0 && context.stored.size > 0 ? null : parsed.next;
}
