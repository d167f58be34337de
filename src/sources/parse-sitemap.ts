import { FetchError } from './http/fetch-error.js';
import { child, children, parseXml, textOf } from './xml.js';

/** One `<url>` of a sitemap or `<sitemap>` of an index: where, and when it last changed. */
export interface SitemapEntry {
  /** Absolute URL (a relative `<loc>` resolved against the sitemap's URL). */
  loc: string;
  /** `<lastmod>` as written, else a news sitemap's `<news:publication_date>`; null when neither. */
  lastmod: string | null;
}

/** A parsed sitemap file: an index of further sitemaps, or a list of pages. */
export type Sitemap = { kind: 'index'; sitemaps: SitemapEntry[] } | { kind: 'urlset'; urls: SitemapEntry[] };

/**
 * Parses a sitemap (sitemaps.org 0.9, Google News sitemaps included) or a sitemap index
 * fetched from `url`. Entries without a usable `<loc>` are dropped. Throws FetchError
 * `malformed-xml`, or `not-a-sitemap` (another XML document, or a gzip-compressed file).
 */
export function parseSitemap(body: string, url: string): Sitemap {
  // A .xml.gz answered without Content-Encoding arrives as binary: say so rather than "malformed".
  if (body.startsWith('\u001f\ufffd')) throw new FetchError('not-a-sitemap', `${url}: gzip-compressed (not supported)`);
  const doc = parseXml(body, url);
  const index = child(doc, 'sitemapindex');
  if (index !== undefined) return { kind: 'index', sitemaps: entries(children(index, 'sitemap'), url) };
  const urlset = child(doc, 'urlset');
  if (urlset !== undefined) return { kind: 'urlset', urls: entries(children(urlset, 'url'), url) };
  throw new FetchError('not-a-sitemap', `${url}: neither <urlset> nor <sitemapindex>`);
}

function entries(nodes: unknown[], base: string): SitemapEntry[] {
  const found: SitemapEntry[] = [];
  for (const node of nodes) {
    const raw = textOf(child(node, 'loc'));
    const parsed = raw === null ? null : URL.parse(raw, base);
    if (raw === null || parsed === null || !/^https?:$/.test(parsed.protocol)) continue;
    const news = child(node, 'news:news');
    const lastmod = textOf(child(node, 'lastmod')) ?? textOf(child(news, 'news:publication_date'));
    // An absolute link stays exactly as the sitemap gives it (it becomes the article's id and link).
    found.push({ loc: URL.canParse(raw) ? raw : parsed.href, lastmod });
  }
  return found;
}
