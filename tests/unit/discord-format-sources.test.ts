import { describe, expect, it } from 'vitest';
import { formatSourceFreshness, wordSourceError } from '../../src/discord/format-sources.js';
import type { SourceFreshness } from '../../src/discord/ports.js';
import { redactUrl, redactUrls } from '../../src/util/redact-url.js';

const at = (iso: string) => `<t:${Date.parse(iso) / 1000}:R>`;
const fresh: SourceFreshness = {
  id: 'cronaca',
  lastSuccessAt: '2026-12-01T09:00:00.000Z',
  newestArticleDate: '2025-07-14',
  lastErrorAt: null,
  lastErrorCode: null,
};
const failing: SourceFreshness = {
  id: 'feed:https://redazione:segreta@news.example.org/feed?token=abc123',
  lastSuccessAt: null,
  newestArticleDate: null,
  lastErrorAt: '2026-12-01T10:00:00.000Z',
  lastErrorCode: 'http-500',
};

describe('formatSourceFreshness', () => {
  it('one line per source: last successful pull, newest article, last error worded from its code', () => {
    expect(formatSourceFreshness([fresh, failing], 'en')).toBe(
      [
        '**Article sources**',
        `• \`cronaca\` — last successful pull: ${at('2026-12-01T09:00:00.000Z')} · newest article: July 14, 2025`,
        `• \`feed:https://news.example.org/feed?token=***\` — last successful pull: never · newest article: — · last error (${at('2026-12-01T10:00:00.000Z')}): the server answered with an error (HTTP 500)`,
      ].join('\n'),
    );
    const italian = formatSourceFreshness([fresh, failing], 'it');
    expect(italian).toContain('**Fonti degli articoli**');
    expect(italian).toContain('articolo più recente: 14 luglio 2025');
    expect(italian).toContain('ultimo aggiornamento riuscito: mai');
    expect(italian).toContain('il server ha risposto con un errore (HTTP 500)');
    expect(italian).not.toContain('segreta');
  });

  it('nothing when no source was pulled yet; at most 15 lines, the rest counted', () => {
    expect(formatSourceFreshness([], 'en')).toBe('');
    const many = Array.from({ length: 18 }, (_, i) => ({ ...fresh, id: `s${i}` }));
    const lines = formatSourceFreshness(many, 'en').split('\n');
    expect(lines).toHaveLength(17);
    expect(lines.at(-1)).toBe('… and 3 more sources.');
  });
});

describe('wordSourceError', () => {
  it('words every code the fetcher and adapters give, names an unknown one, in both languages', () => {
    const codes = ['timeout', 'too-large', 'network', 'malformed-xml', 'not-a-feed', 'host-not-allowed'];
    for (const code of [...codes, 'not-a-sitemap', 'robots-unreachable', 'robots-disallowed']) {
      expect(wordSourceError(code, 'en')).not.toBe(`error “${code}”`);
      expect(wordSourceError(code, 'it')).not.toBe(wordSourceError(code, 'en'));
    }
    expect(wordSourceError('http-404', 'it')).toBe('il server ha risposto con un errore (HTTP 404)');
    expect(wordSourceError('gopher-only', 'en')).toBe('error “gopher-only”');
    expect(wordSourceError(null, 'en')).toBe('unknown error');
  });
});

describe('redactUrl', () => {
  it('drops user and password and hides secret-named query values; other URLs stay as written', () => {
    expect(redactUrl('https://user:pw@news.example.org/feed')).toBe('https://news.example.org/feed');
    expect(redactUrl('https://news.example.org/feed?api_key=k&page=2&access_token=t&sig=s')).toBe(
      'https://news.example.org/feed?api_key=***&page=2&access_token=***&sig=***',
    );
    expect(redactUrl('https://news.example.org/?feed=rss2')).toBe('https://news.example.org/?feed=rss2');
    expect(redactUrl('not a url')).toBe('not a url');
  });

  it('redacts every URL inside a message, keeping the punctuation after it', () => {
    expect(redactUrls('https://a:b@x.org/rss?key=1: HTTP 500 (via https://y.org/p?token=2).')).toBe(
      'https://x.org/rss?key=***: HTTP 500 (via https://y.org/p?token=***).',
    );
  });
});
