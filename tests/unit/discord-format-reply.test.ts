import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/answer.js';
import { formatAnswer, formatCitation } from '../../src/discord/format-reply.js';

const citation = (over: Partial<Citation> = {}): Citation => ({
  n: 1,
  articleId: 'a-1',
  title: 'Nuovo ponte sul Po',
  titleDerived: false,
  date: '2023-11-02',
  author: 'Luca Bianchi',
  url: 'https://example.com/ponte',
  quote: 'Il ponte apre a dicembre.',
  passageIds: [3],
  ...over,
});

const answer = (over: Partial<Answer> = {}): Answer => ({
  id: 'x1',
  text: 'Il ponte apre a dicembre [1].',
  language: 'it',
  mode: 'llm',
  reason: null,
  citations: [citation()],
  translation: null,
  timings: {},
  ...over,
});

describe('formatAnswer', () => {
  it('answer text, then Italian sources with date, author and a <link> (no preview)', () => {
    expect(formatAnswer(answer())).toEqual([
      'Il ponte apre a dicembre [1].\n\n**Fonti**\n[1] **Nuovo ponte sul Po** — 2 novembre 2023 — Luca Bianchi\n<https://example.com/ponte>',
    ]);
  });

  it('English labels for an English answer; sources sorted by n', () => {
    const [text] = formatAnswer(
      answer({
        language: 'en',
        citations: [citation({ n: 2, title: 'B' }), citation({ n: 1, title: 'A', date: '2023-11' })],
      }),
    );
    expect(text).toContain('**Sources**\n[1] **A** — November 2023 — Luca Bianchi');
    expect(text?.indexOf('[1] **A**')).toBeLessThan(text?.indexOf('[2] **B**') ?? 0);
  });

  it('no-answer: only the text, even if citations were passed', () => {
    expect(formatAnswer(answer({ mode: 'no-answer', text: 'Non trovo nulla.' }))).toEqual(['Non trovo nulla.']);
  });

  it('an empty answer text never produces an empty message', () => {
    expect(formatAnswer(answer({ mode: 'no-answer', text: '  ', citations: [] }))[0]).toBe(
      'Non ho trovato una risposta negli articoli.',
    );
  });

  it('a 10,000-word answer becomes chunks of at most 2,000 characters, sources in the last', () => {
    const text = Array.from({ length: 10_000 }, () => 'parola').join(' ');
    const chunks = formatAnswer(answer({ text }));
    expect(chunks.length).toBeGreaterThan(30);
    expect(chunks.every((c) => c.length <= 2000)).toBe(true);
    expect(chunks.at(-1)).toContain('**Fonti**');
  });
});

describe('formatCitation', () => {
  it('labels a quote translation as machine translation, on one line, truncated past 300 characters', () => {
    const it1 = formatCitation(citation({ quoteTranslation: 'The bridge\nopens in December.' }), 'en');
    expect(it1).toContain('> *machine translation:* The bridge opens in December.');
    const long = formatCitation(citation({ quoteTranslation: 'word '.repeat(200) }), 'it');
    const line = long.split('\n').at(-1) ?? '';
    expect(line.startsWith('> *traduzione automatica:* ')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThan(340);
  });

  it('missing date, author and url are left out; a non-http url is not linked', () => {
    expect(formatCitation(citation({ date: null, author: null, url: null }), 'it')).toBe('[1] **Nuovo ponte sul Po**');
    expect(formatCitation(citation({ url: 'javascript:alert(1)' }), 'it')).not.toContain('javascript');
  });

  it('a derived title is shown in italics; markdown in titles is escaped', () => {
    expect(formatCitation(citation({ titleDerived: true, title: 'Il sindaco dice…' }), 'it')).toContain(
      '*Il sindaco dice…*',
    );
    expect(formatCitation(citation({ title: '**Urgente** _oggi_' }), 'it')).toContain(
      '**\\*\\*Urgente\\*\\* \\_oggi\\_**',
    );
  });

  it('an empty title falls back to the article id', () => {
    expect(formatCitation(citation({ title: '   ' }), 'it')).toContain('**a-1**');
  });
});
