import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/sources/http/fetch-error.js';
import { parseSitemap } from '../../src/sources/parse-sitemap.js';
import { sitemapIndex, urlset } from '../fixtures/sources/sitemaps.js';

const BASE = 'https://news.example.it/sitemaps/news.xml';

function codeOf(run: () => unknown): string | null {
  try {
    run();
  } catch (error) {
    return error instanceof FetchError ? error.code : 'other';
  }
  return null;
}

describe('parseSitemap', () => {
  it('reads a standard urlset: loc as written, lastmod as written, a relative loc resolved, unusable ones dropped', () => {
    const xml = urlset([
      { loc: 'https://news.example.it/a?x=1&y=2', lastmod: '2025-07-14T10:00:00+02:00' },
      { loc: '/b' },
      { loc: 'mailto:desk@news.example.it' },
      { loc: '' },
    ]);
    expect(parseSitemap(xml, BASE)).toEqual({
      kind: 'urlset',
      urls: [
        { loc: 'https://news.example.it/a?x=1&y=2', lastmod: '2025-07-14T10:00:00+02:00' },
        { loc: 'https://news.example.it/b', lastmod: null },
      ],
    });
  });

  it('takes a news sitemap’s publication date when it has no lastmod', () => {
    const xml = urlset([{ loc: 'https://news.example.it/n', lastmod: '2025-07-15T08:30:00+02:00' }], true);
    expect(parseSitemap(xml, BASE)).toEqual({
      kind: 'urlset',
      urls: [{ loc: 'https://news.example.it/n', lastmod: '2025-07-15T08:30:00+02:00' }],
    });
  });

  it('reads a sitemap index, one entry or many', () => {
    expect(parseSitemap(sitemapIndex([{ loc: 'https://news.example.it/s1.xml' }]), BASE)).toEqual({
      kind: 'index',
      sitemaps: [{ loc: 'https://news.example.it/s1.xml', lastmod: null }],
    });
    const two = sitemapIndex([
      { loc: 'https://news.example.it/s1.xml', lastmod: '2025-07-01' },
      { loc: 's2.xml', lastmod: '2025-07-02' },
    ]);
    expect(parseSitemap(two, BASE)).toMatchObject({
      sitemaps: [{ lastmod: '2025-07-01' }, { loc: 'https://news.example.it/sitemaps/s2.xml' }],
    });
  });

  it('names malformed XML, another document and a gzip body', () => {
    expect(codeOf(() => parseSitemap('<urlset><url><loc>x</url>', BASE))).toBe('malformed-xml');
    expect(codeOf(() => parseSitemap('<rss><channel/></rss>', BASE))).toBe('not-a-sitemap');
    const gzip = new TextDecoder().decode(Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    expect(codeOf(() => parseSitemap(gzip, BASE))).toBe('not-a-sitemap');
  });

  it('an empty urlset lists nothing', () => {
    expect(parseSitemap(urlset([]), BASE)).toEqual({ kind: 'urlset', urls: [] });
  });
});
