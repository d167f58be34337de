import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/corpus/extract-article.js';
import { ITEMS, atomFeed, type FixtureItem } from '../fixtures/sources/feeds.js';
import { articlePage, sectionPage } from '../fixtures/sources/pages.js';
import { parseFeed } from '../../src/sources/parse-feed.js';
import { feedDate } from '../../src/sources/feed-date.js';

const [PONTE] = ITEMS as [FixtureItem];
const BASE = 'https://news.example.it';

describe('article pages (Readability + JSON-LD / OpenGraph)', () => {
  it('takes the text without navigation, asides or footer, and metadata from JSON-LD NewsArticle', () => {
    const draft = extractArticle(articlePage(BASE, PONTE), `${BASE}/${PONTE.slug}`);
    expect(draft).toMatchObject({
      url: `${BASE}/${PONTE.slug}`,
      title: PONTE.title,
      date: '2025-07-14',
      author: 'Anna Rossi',
      tags: ['città', 'lavori pubblici'],
      language: 'it-IT',
    });
    expect(draft?.text).toContain(PONTE.paragraphs[0]);
    expect(draft?.text).toContain(PONTE.paragraphs[1]);
    expect(draft?.text).not.toMatch(/Leggi anche|Tutti i diritti riservati|Politica|analytics/);
  });

  it('falls back to OpenGraph and article: meta tags without JSON-LD', () => {
    const draft = extractArticle(articlePage(BASE, PONTE, { jsonLd: false }), null);
    expect(draft).toMatchObject({
      url: `${BASE}/${PONTE.slug}?utm=og`,
      title: `${PONTE.title} (OG)`,
      date: '2025-07-14',
      language: 'it',
    });
  });

  it('finds no article in a page of links', () => {
    expect(extractArticle(sectionPage(), `${BASE}/cronaca`)).toBeNull();
    expect(extractArticle('', null)).toBeNull();
  });
});

describe('saved article pages in a folder', () => {
  it('index as articles; a page with no article is skipped with the reason', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archivista-html-'));
    try {
      writeFileSync(path.join(dir, 'ponte.html'), articlePage(BASE, PONTE));
      writeFileSync(path.join(dir, 'cronaca.html'), sectionPage());
      const result = await readCorpus(dir, { maxFileBytes: 1_000_000, detectLanguage: () => 'en' });
      expect(result.articles.map((a) => [a.id, a.title, a.url, a.lang, a.date])).toEqual([
        ['ponte.html', PONTE.title, `${BASE}/${PONTE.slug}?utm=og`, 'it', '2025-07-14'],
      ]);
      expect(result.skipped.map((s) => s.reason)).toEqual(['cronaca.html: no article found in the page']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('feeds and dates', () => {
  it('reads Atom entries: alternate link, escaped HTML content, authors, categories, xml:lang', () => {
    const page = parseFeed(atomFeed(BASE, ITEMS), `${BASE}/atom.xml`);
    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toMatchObject({
      url: `${BASE}/${PONTE.slug}`,
      guid: `urn:news:${PONTE.slug}`,
      title: PONTE.title,
      date: '2025-07-14',
      author: 'Anna Rossi',
      tags: ['città', 'lavori pubblici'],
      language: 'it',
    });
    expect(page.items[0]?.text).toBe(PONTE.paragraphs.join('\n\n'));
  });

  it('keeps the day a feed wrote, in RFC 822 and ISO 8601', () => {
    expect(feedDate('Mon, 14 Jul 2025 00:30:00 +0200')).toBe('2025-07-14');
    expect(feedDate('14 July 2025 10:00 GMT')).toBe('2025-07-14');
    expect(feedDate('2025-07-14T23:30:00-05:00')).toBe('2025-07-14');
    expect(feedDate('Mon, 31 Feb 2025 10:00:00 GMT')).toBeNull();
    expect(feedDate('ieri')).toBeNull();
  });
});
