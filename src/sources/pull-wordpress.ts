import type { StoredArticle } from '../store/source-state.js';
import type { Fetcher } from './http/fetcher.js';
import { describePullError, FetchError } from './http/fetch-error.js';
import { htmlToLine, htmlToText } from '../corpus/html-text.js';
import {
  emptyPull,
  openPull,
  type Pull,
  type PullContext,
  type PullSource,
  type RemoteSourceOf,
} from './remote-pull.js';
import { finishRemote } from './remote-article.js';

type WordpressSource = RemoteSourceOf<'wordpress'>;

/** WordPress's largest page size. */
const PAGE = 100;
const LIST_FIELDS = 'id,link,modified_gmt';
const POST_FIELDS = 'id,link,date,modified,modified_gmt,title,content,author,categories,tags,lang';

interface ListedPost {
  id: number;
  link: string;
  modified_gmt?: string;
}

interface Post extends ListedPost {
  date?: string;
  modified?: string;
  title?: { rendered?: string };
  content?: { rendered?: string };
  author?: number;
  categories?: number[];
  tags?: number[];
  lang?: string;
}

/**
 * One pull of a WordPress site through its public REST API (`/wp-json/wp/v2/posts`): a light
 * listing of every post (id, link, modified), then the full posts only for the new and the
 * modified ones, with best-effort author, category and tag names (a failed look-up leaves them
 * empty). The listing is complete, so posts gone from the site leave the index; a failed
 * listing fails the pull and deletes nothing. Ids and citation links are each post's `link`.
 */
export const pullWordpress: PullSource<'wordpress'> = async (source, context) => {
  const api = `${source.url.replace(/\/+$/, '')}/wp-json/wp/v2`;
  const opened = await openPull(() => listPosts(context.fetcher, api, source.maxArticles));
  if ('failed' in opened) return opened.failed;
  const listed = opened.value;
  const pull: Pull = { ...emptyPull('fetched'), complete: true };
  const changed: ListedPost[] = [];
  for (const post of listed) {
    const kept = context.stored.get(post.link);
    if (kept !== undefined && kept.version === versionOf(post)) {
      pull.items.push(kept);
      pull.unchanged += 1;
    } else changed.push(post);
  }
  for (let i = 0; i < changed.length; i += PAGE)
    await fetchPosts(api, changed.slice(i, i + PAGE), source, context, pull);
  return pull;
};

async function listPosts(fetcher: Fetcher, api: string, max: number): Promise<ListedPost[]> {
  const posts: ListedPost[] = [];
  for (let page = 1, pages = 1; page <= pages && posts.length < max; page++) {
    const url = `${api}/posts?per_page=${PAGE}&page=${page}&_fields=${LIST_FIELDS}`;
    const got = await fetcher.get(url, { accept: 'application/json' });
    if (got.status !== 'ok') break;
    const total = Number(got.headers.get('x-wp-totalpages'));
    pages = Number.isInteger(total) && total > 0 ? total : 1;
    for (const post of readJson(got.body, url)) {
      if (typeof post.id === 'number' && typeof post.link === 'string') posts.push(post);
    }
  }
  return posts.slice(0, max);
}

async function fetchPosts(api: string, batch: ListedPost[], source: WordpressSource, context: PullContext, pull: Pull) {
  const url = `${api}/posts?include=${batch.map((p) => p.id).join(',')}&per_page=${PAGE}&_fields=${POST_FIELDS}`;
  let posts: Post[];
  try {
    const got = await context.fetcher.get(url, { accept: 'application/json' });
    posts = got.status === 'ok' ? readJson(got.body, url) : [];
  } catch (error) {
    // The posts stay as they were last time (when they were fetched before).
    const { message } = describePullError(error);
    for (const post of batch) keepOrFail(post, message, context, pull);
    return;
  }
  const names = await lookUpNames(context.fetcher, api, posts);
  const byId = new Map(posts.map((p) => [p.id, p]));
  for (const listed of batch) {
    const post = byId.get(listed.id);
    const article = post === undefined ? null : toArticle(post, names, source.id, context);
    if (article === null) keepOrFail(listed, `${listed.link}: post without text`, context, pull);
    else {
      pull.items.push(article);
      pull.fetched += 1;
    }
  }
}

function toArticle(post: Post, names: Names, sourceId: string, context: PullContext): StoredArticle | null {
  const author = post.author === undefined ? null : (names.users.get(post.author) ?? null);
  const tags = [
    ...(post.categories ?? []).map((id) => names.categories.get(id)),
    ...(post.tags ?? []).map((id) => names.tags.get(id)),
  ].filter((t): t is string => t !== undefined && t !== '');
  const draft = {
    url: post.link,
    guid: String(post.id),
    title: htmlToLine(post.title?.rendered ?? '') || null,
    date: post.date ?? null,
    updated: post.modified ?? null,
    author,
    tags,
    text: htmlToText(post.content?.rendered ?? ''),
    language: typeof post.lang === 'string' ? post.lang : null,
  };
  return finishRemote(
    { ...draft, date: draft.date === null ? null : draft.date.slice(0, 10) },
    sourceId,
    context.detectLanguage,
    versionOf(post),
  );
}

function keepOrFail(post: ListedPost, reason: string, context: PullContext, pull: Pull): void {
  const kept = context.stored.get(post.link);
  if (kept !== undefined) pull.items.push(kept);
  pull.failed += 1;
  pull.problems.push({ path: post.link, reason });
}

interface Names {
  users: Map<number, string>;
  categories: Map<number, string>;
  tags: Map<number, string>;
}

async function lookUpNames(fetcher: Fetcher, api: string, posts: Post[]): Promise<Names> {
  const ids = (pick: (p: Post) => number[]) => [...new Set(posts.flatMap(pick))];
  const [users, categories, tags] = await Promise.all([
    lookUp(
      fetcher,
      `${api}/users`,
      ids((p) => (p.author === undefined ? [] : [p.author])),
    ),
    lookUp(
      fetcher,
      `${api}/categories`,
      ids((p) => p.categories ?? []),
    ),
    lookUp(
      fetcher,
      `${api}/tags`,
      ids((p) => p.tags ?? []),
    ),
  ]);
  return { users, categories, tags };
}

/** id → name of a WordPress collection; empty when the look-up fails (best effort). */
async function lookUp(fetcher: Fetcher, endpoint: string, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += PAGE) {
    const url = `${endpoint}?include=${ids.slice(i, i + PAGE).join(',')}&per_page=${PAGE}&_fields=id,name`;
    try {
      const got = await fetcher.get(url, { accept: 'application/json' });
      if (got.status !== 'ok') continue;
      for (const row of readJson(got.body, url) as { id?: unknown; name?: unknown }[])
        if (typeof row.id === 'number' && typeof row.name === 'string') names.set(row.id, htmlToLine(row.name));
    } catch {
      // Best effort: an author or category name is not worth failing an article for.
    }
  }
  return names;
}

function readJson(body: string, url: string): ListedPost[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new FetchError('malformed-json', `${url}: malformed JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new FetchError('not-wordpress', `${url}: expected a JSON list of posts`);
  return value.filter((v): v is ListedPost => typeof v === 'object' && v !== null);
}

function versionOf(post: ListedPost): string {
  return `${post.id}@${post.modified_gmt ?? ''}`;
}
