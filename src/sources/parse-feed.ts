import { FetchError } from './http/fetch-error.js';
import type { RemoteDraft } from '../corpus/article-draft.js';
import { feedDate } from './feed-date.js';
import { htmlToLine, htmlToText } from '../corpus/html-text.js';
import { attrOf, child, children, parseXml, textOf } from './xml.js';

/** One feed item, as the feed gives it (its link exactly as given, resolved only when relative). */
export type FeedItem = RemoteDraft;

/** One page of a feed: its items and the next (older) page, when the feed links one. */
export interface FeedPage {
  items: FeedItem[];
  next: string | null;
}

/**
 * Parses an RSS 2.0 (with content:encoded), Atom or JSON Feed document fetched from `url`.
 * Pagination: `<atom:link rel="next">` / `<link rel="next">` (RFC 5005) and JSON Feed `next_url`.
 * Throws FetchError `malformed-xml`, `malformed-json` or `not-a-feed`.
 */
export function parseFeed(body: string, url: string): FeedPage {
  if (/^\s*[{[]/.test(body)) return parseJsonFeed(body, url);
  const doc = parseXml(body, url);
  const rss = child(doc, 'rss');
  if (rss !== undefined) return parseRss(child(rss, 'channel'), url);
  const atom = child(doc, 'feed');
  if (atom !== undefined) return parseAtom(atom, url);
  const rdf = child(doc, 'rdf:RDF');
  if (rdf !== undefined) return { items: children(rdf, 'item').map((i) => rssItem(i, url, null)), next: null };
  throw new FetchError('not-a-feed', `${url}: neither RSS, Atom nor JSON Feed`);
}

function parseRss(channel: unknown, url: string): FeedPage {
  const language = textOf(child(channel, 'language'));
  const next = children(channel, 'atom:link').find((l) => attrOf(l, 'rel') === 'next');
  return {
    items: children(channel, 'item').map((item) => rssItem(item, url, language)),
    next: resolve(attrOf(next, 'href'), url),
  };
}

function rssItem(item: unknown, base: string, language: string | null): FeedItem {
  const link =
    children(item, 'link')
      .map(textOf)
      .find((l) => l !== null) ?? null;
  const html = textOf(child(item, 'content:encoded')) ?? textOf(child(item, 'description')) ?? '';
  const authors = [...children(item, 'dc:creator'), ...children(item, 'author')].map(textOf);
  return {
    url: resolve(link, base),
    guid: textOf(child(item, 'guid')),
    title: nullIfEmpty(htmlToLine(textOf(child(item, 'title')) ?? '')),
    date: feedDate(textOf(child(item, 'pubDate')) ?? textOf(child(item, 'dc:date'))),
    author: joinNames(authors),
    tags: [...children(item, 'category'), ...children(item, 'dc:subject')].map(textOf).filter(isString),
    text: htmlToText(html),
    language: textOf(child(item, 'dc:language')) ?? language,
  };
}

function parseAtom(feed: unknown, url: string): FeedPage {
  const language = attrOf(feed, 'xml:lang');
  const next = children(feed, 'link').find((l) => attrOf(l, 'rel') === 'next');
  return {
    items: children(feed, 'entry').map((e) => atomEntry(e, url, language)),
    next: resolve(attrOf(next, 'href'), url),
  };
}

function atomEntry(entry: unknown, base: string, language: string | null): FeedItem {
  const links = children(entry, 'link');
  const alternate = links.find((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  const content = child(entry, 'content') ?? child(entry, 'summary');
  const text = attrOf(content, 'type') === 'text' ? (textOf(content) ?? '') : htmlToText(textOf(content) ?? '');
  return {
    url: resolve(attrOf(alternate, 'href'), base),
    guid: textOf(child(entry, 'id')),
    title: nullIfEmpty(htmlToLine(textOf(child(entry, 'title')) ?? '')),
    date: feedDate(textOf(child(entry, 'published')) ?? textOf(child(entry, 'updated'))),
    updated: feedDate(textOf(child(entry, 'updated'))),
    author: joinNames(children(entry, 'author').map((a) => textOf(child(a, 'name')))),
    tags: children(entry, 'category')
      .map((c) => attrOf(c, 'term'))
      .filter(isString),
    text,
    language: attrOf(entry, 'xml:lang') ?? language,
  };
}

function parseJsonFeed(body: string, url: string): FeedPage {
  let feed: Record<string, unknown>;
  try {
    feed = JSON.parse(body) as Record<string, unknown>;
  } catch (error) {
    throw new FetchError('malformed-json', `${url}: malformed JSON (${(error as Error).message})`);
  }
  if (typeof feed.version !== 'string' || !feed.version.includes('jsonfeed.org') || !Array.isArray(feed.items))
    throw new FetchError('not-a-feed', `${url}: JSON but not a JSON Feed (no version/items)`);
  const language = str(feed.language);
  const items = (feed.items as Record<string, unknown>[]).filter((i) => typeof i === 'object' && i !== null);
  return { items: items.map((i) => jsonItem(i, url, language)), next: resolve(str(feed.next_url), url) };
}

function jsonItem(item: Record<string, unknown>, base: string, language: string | null): FeedItem {
  const authors = Array.isArray(item.authors) ? item.authors : item.author === undefined ? [] : [item.author];
  const html = str(item.content_html);
  return {
    url: resolve(str(item.url), base),
    guid: str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : null),
    title: str(item.title),
    date: feedDate(str(item.date_published) ?? str(item.date_modified)),
    updated: feedDate(str(item.date_modified)),
    author: joinNames(authors.map((a) => str((a as Record<string, unknown> | null)?.name))),
    tags: Array.isArray(item.tags) ? item.tags.filter(isString) : [],
    text: html !== null ? htmlToText(html) : (str(item.content_text) ?? htmlToText(str(item.summary) ?? '')),
    language: str(item.language) ?? language,
  };
}

/** An absolute link as given; a relative one resolved against the feed's URL; null when unusable. */
function resolve(link: string | null, base: string): string | null {
  if (link === null) return null;
  if (URL.canParse(link)) return link;
  return URL.parse(link, base)?.href ?? null;
}

function joinNames(names: (string | null)[]): string | null {
  const kept = names.filter(isString);
  return kept.length === 0 ? null : kept.join(', ');
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function nullIfEmpty(value: string): string | null {
  return value === '' ? null : value;
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
