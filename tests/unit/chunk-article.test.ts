import { describe, expect, it } from 'vitest';
import type { Chunk, ChunkerSettings, TokenCounter } from '../../src/chunking/chunk.js';
import { chunkArticle } from '../../src/chunking/chunk-article.js';
import type { Lang } from '../../src/text/lang.js';

const countWordsTwice: TokenCounter = (text) => (text.match(/\S+/g)?.length ?? 0) * 2;
const countQuarterChars: TokenCounter = (text) => Math.ceil(text.length / 4);

/** Chunks `text` and checks what must hold for every article: exact offsets, trimmed, 0..n-1. */
function chunkChecked(
  text: string,
  settings: ChunkerSettings,
  countTokens: TokenCounter = countWordsTwice,
  lang: Lang = 'it',
): Chunk[] {
  const chunks = chunkArticle(text, lang, settings, countTokens);
  chunks.forEach((chunk, i) => {
    expect(chunk.index).toBe(i);
    expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(chunk.text).toBe(chunk.text.trim());
    expect(chunk.text.length).toBeGreaterThan(0);
  });
  return chunks;
}

/** Every non-whitespace character of `text` lies in at least one chunk. */
function expectCoversAllText(text: string, chunks: Chunk[]): void {
  const covered = new Uint8Array(text.length);
  for (const chunk of chunks) covered.fill(1, chunk.start, chunk.end);
  const missing = [...text].findIndex((_, i) => covered[i] === 0 && /\S/.test(text.charAt(i)));
  expect(missing).toBe(-1);
}

function makeSentence(i: number): string {
  return `La frase numero ${i} parla dell’OPEC e di ciò che è accaduto nell'ottobre scorso.`;
}

describe('chunkArticle', () => {
  it('empty and whitespace-only text give no chunks', () => {
    expect(chunkChecked('', { maxTokens: 50, overlapSentences: 1 })).toEqual([]);
    expect(chunkChecked(' \n\n\t  \n', { maxTokens: 50, overlapSentences: 1 })).toEqual([]);
  });

  it('one sentence surrounded by whitespace gives one trimmed chunk', () => {
    const text = '  \n Rubio ha incontrato Lavrov a Kuala Lumpur.  \n';
    const chunks = chunkChecked(text, { maxTokens: 50, overlapSentences: 1 });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ index: 0, start: 4, text: 'Rubio ha incontrato Lavrov a Kuala Lumpur.' });
  });

  it("accents and apostrophes (nell'ottobre, dell’OPEC, perché) keep exact offsets", () => {
    const text =
      "Nell'ottobre scorso il prezzo è salito. Il ruolo dell’OPEC è cambiato, perché la domanda è calata. Così è.";
    const chunks = chunkChecked(text, { maxTokens: 24, overlapSentences: 0 });
    expect(chunks.map((c) => c.text)).toEqual([
      "Nell'ottobre scorso il prezzo è salito.",
      'Il ruolo dell’OPEC è cambiato, perché la domanda è calata. Così è.',
    ]);
  });

  it('a sentence is never cut after an abbreviation (sig., dott., U.S., initials)', () => {
    const it = chunkChecked('Il sig. Rossi ha parlato. Il dott. Bianchi ha risposto.', {
      maxTokens: 10,
      overlapSentences: 0,
    });
    expect(it.map((c) => c.text)).toEqual(['Il sig. Rossi ha parlato.', 'Il dott. Bianchi ha risposto.']);
    const en = chunkChecked(
      'Mr. Smith met U.S. President John F. Kennedy. Then he left.',
      { maxTokens: 16, overlapSentences: 0 },
      countWordsTwice,
      'en',
    );
    expect(en.map((c) => c.text)).toEqual(['Mr. Smith met U.S. President John F. Kennedy.', 'Then he left.']);
  });

  it('a 10,000-word article: every chunk fits, offsets slice back, all text covered, fast', () => {
    const paragraphs: string[] = [];
    for (let p = 0; p < 110; p += 1) {
      paragraphs.push(Array.from({ length: 7 }, (_, s) => makeSentence(p * 7 + s)).join(' '));
    }
    const text = paragraphs.join('\n\n');
    expect(text.split(/\s+/).length).toBeGreaterThanOrEqual(10_000);
    const started = performance.now();
    const chunks = chunkChecked(text, { maxTokens: 128, overlapSentences: 1 });
    const elapsed = performance.now() - started;
    for (const chunk of chunks) expect(countWordsTwice(chunk.text)).toBeLessThanOrEqual(128);
    expectCoversAllText(text, chunks);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('a 3,000-char sentence without punctuation is cut at whitespace into pieces that fit', () => {
    const words = Array.from({ length: 500 }, (_, i) => `parola${i % 10}`);
    const text = words.join(' ');
    expect(text.length).toBeGreaterThanOrEqual(3_000);
    const chunks = chunkChecked(text, { maxTokens: 40, overlapSentences: 1 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(countWordsTwice(chunk.text)).toBeLessThanOrEqual(40);
      expect(/\S/.test(text.charAt(chunk.start - 1))).toBe(false);
      expect(/\S/.test(text.charAt(chunk.end))).toBe(false);
    }
    expectCoversAllText(text, chunks);
  });

  it('a single 5,000-char token is cut between characters, and it ends', () => {
    const text = `Inizio. ${'x'.repeat(5_000)} fine.`;
    const chunks = chunkChecked(text, { maxTokens: 100, overlapSentences: 1 }, countQuarterChars);
    for (const chunk of chunks) expect(countQuarterChars(chunk.text)).toBeLessThanOrEqual(100);
    expect(chunks.length).toBeGreaterThanOrEqual(13);
    expectCoversAllText(text, chunks);
  });

  it('a long token of emoji is never cut inside a surrogate pair', () => {
    const text = '😀'.repeat(300);
    const chunks = chunkChecked(text, { maxTokens: 25, overlapSentences: 0 }, countQuarterChars);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.length % 2).toBe(0);
    expectCoversAllText(text, chunks);
  });

  it('a window smaller than one character still makes progress', () => {
    const text = 'abcdef ghi.';
    const chunks = chunkChecked(text, { maxTokens: 1, overlapSentences: 3 }, (t) => t.length * 10);
    expect(chunks.map((c) => c.text)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', '.']);
  });

  it('paragraph breaks are hard boundaries when paragraphs do not fit together', () => {
    const first = 'Primo paragrafo, prima frase. Primo paragrafo, seconda frase.';
    const second = 'Secondo paragrafo, unica frase lunga abbastanza.';
    const text = `${first}\n\n${second}`;
    const chunks = chunkChecked(text, { maxTokens: 20, overlapSentences: 1 });
    expect(chunks.map((c) => c.text)).toEqual([first, second]);
  });

  it('paragraph break with spaces on the blank line is still a break', () => {
    const text = 'Uno due tre quattro.\n   \t\nCinque sei sette otto.';
    const chunks = chunkChecked(text, { maxTokens: 10, overlapSentences: 1 });
    expect(chunks.map((c) => c.text)).toEqual(['Uno due tre quattro.', 'Cinque sei sette otto.']);
  });

  it('consecutive short paragraphs are merged while they fit in one window', () => {
    const paragraphs = ['Uno due tre.', 'Quattro cinque sei.', 'Sette otto nove.', 'Dieci undici dodici.'];
    const text = paragraphs.join('\n\n');
    const chunks = chunkChecked(text, { maxTokens: 12, overlapSentences: 1 });
    expect(chunks.map((c) => c.text)).toEqual([
      `${paragraphs[0]}\n\n${paragraphs[1]}`,
      `${paragraphs[2]}\n\n${paragraphs[3]}`,
    ]);
  });

  it('a chunk never spans into a paragraph that does not fit whole, and overlap never crosses paragraphs', () => {
    const long = 'Alfa beta. Gamma delta. Epsilon zeta. Eta theta.';
    const text = `Breve.\n\n${long}\n\nFinale.`;
    const chunks = chunkChecked(text, { maxTokens: 8, overlapSentences: 1 });
    expect(chunks.map((c) => c.text)).toEqual([
      'Breve.',
      'Alfa beta. Gamma delta.',
      'Gamma delta. Epsilon zeta.',
      'Epsilon zeta. Eta theta.',
      'Finale.',
    ]);
  });

  it('overlap repeats the last sentences of the previous chunk in the same paragraph', () => {
    const text = 'Uno due. Tre quattro. Cinque sei. Sette otto. Nove dieci.';
    const chunks = chunkChecked(text, { maxTokens: 12, overlapSentences: 2 });
    expect(chunks.map((c) => c.text)).toEqual([
      'Uno due. Tre quattro. Cinque sei.',
      'Tre quattro. Cinque sei. Sette otto.',
      'Cinque sei. Sette otto. Nove dieci.',
    ]);
  });

  it('overlap is reduced when it would leave no room for a new sentence', () => {
    const text = 'Uno due tre. Quattro cinque sei. Sette otto nove.';
    const chunks = chunkChecked(text, { maxTokens: 12, overlapSentences: 1 });
    expect(chunks.map((c) => c.text)).toEqual([
      'Uno due tre. Quattro cinque sei.',
      'Quattro cinque sei. Sette otto nove.',
    ]);
    const tight = chunkChecked(text, { maxTokens: 6, overlapSentences: 1 });
    expect(tight.map((c) => c.text)).toEqual(['Uno due tre.', 'Quattro cinque sei.', 'Sette otto nove.']);
  });

  it('without overlap, chunks do not share text', () => {
    const text = Array.from({ length: 30 }, (_, i) => makeSentence(i)).join(' ');
    const chunks = chunkChecked(text, { maxTokens: 60, overlapSentences: 0 });
    for (let i = 1; i < chunks.length; i += 1) expect(chunks[i]?.start).toBeGreaterThanOrEqual(chunks[i - 1]?.end ?? 0);
    expectCoversAllText(text, chunks);
  });

  it('counts each sentence once for ordinary text', () => {
    const text = Array.from({ length: 20 }, (_, i) => makeSentence(i)).join(' ');
    let calls = 0;
    chunkChecked(text, { maxTokens: 60, overlapSentences: 1 }, (t) => {
      calls += 1;
      return countWordsTwice(t);
    });
    expect(calls).toBe(20);
  });

  it('rejects a non-positive window and a negative overlap', () => {
    expect(() => chunkArticle('Testo.', 'it', { maxTokens: 0, overlapSentences: 0 }, countWordsTwice)).toThrow(
      RangeError,
    );
    expect(() => chunkArticle('Testo.', 'it', { maxTokens: 10, overlapSentences: -1 }, countWordsTwice)).toThrow(
      RangeError,
    );
  });
});
