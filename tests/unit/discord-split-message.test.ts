import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/discord/split-message.js';

describe('splitMessage', () => {
  it('keeps a short text whole and gives [] for empty or whitespace-only text', () => {
    expect(splitMessage('Hello.')).toEqual(['Hello.']);
    expect(splitMessage('   \n ')).toEqual([]);
  });

  it('exactly 2,000 characters is one chunk; 2,001 is two', () => {
    expect(splitMessage('a'.repeat(2000))).toHaveLength(1);
    expect(splitMessage('a'.repeat(2001)).map((c) => c.length)).toEqual([2000, 1]);
  });

  it('prefers paragraph boundaries, packing whole paragraphs greedily', () => {
    const p = (ch: string) => `${ch.repeat(30)}.`;
    const text = [p('a'), p('b'), p('c')].join('\n\n');
    expect(splitMessage(text, 70)).toEqual([`${p('a')}\n\n${p('b')}`, p('c')]);
  });

  it('falls back to sentence boundaries inside a long paragraph, keeping the punctuation', () => {
    const text = 'First sentence here. Second one is here! Third? Fourth sentence ends.';
    const chunks = splitMessage(text, 45);
    expect(chunks[0]).toBe('First sentence here. Second one is here!');
    expect(chunks.every((c) => c.length <= 45)).toBe(true);
    expect(chunks.join(' ')).toBe(text);
  });

  it('falls back to word boundaries in one very long sentence (10,000 words)', () => {
    const text = Array.from({ length: 10_000 }, (_, n) => `w${n}`).join(' ');
    const chunks = splitMessage(text);
    expect(chunks.every((c) => c.length <= 2000 && !c.startsWith(' ') && !c.endsWith(' '))).toBe(true);
    expect(chunks.join(' ')).toBe(text);
  });

  it('cuts inside a word only when a word is longer than the limit, never inside a surrogate pair', () => {
    const emoji = '😀'.repeat(3); // 6 UTF-16 units
    const chunks = splitMessage(`ab${emoji}`, 5);
    expect(chunks.join('')).toBe(`ab${emoji}`);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(5);
      expect(c).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });

  it('accented Italian text and guillemets split after the closing quote', () => {
    const text = '«È già finita?» chiese. Perché sì.';
    expect(splitMessage(text, 20)).toEqual(['«È già finita?»', 'chiese. Perché sì.']);
  });
});
