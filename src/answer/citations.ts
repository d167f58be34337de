/**
 * Citation markers: `[1]`, `[1, 2]`, `[1; 3]`, `[2-4]`, with the whitespace before them. Up to three
 * digits: a bracketed year such as `[2021]` is text, not a citation.
 */
const MARKER = /([ \t]*)\[\s*(\d{1,3}(?:\s*[,;\-–]\s*\d{1,3})*)\s*\](?!\()/g;

/** Widest `[a-b]` range expanded number by number; wider ones count as just `a` and `b`. */
const MAX_RANGE = 10;

/** An answer's text with its citations checked and renumbered. */
export interface CheckedCitations {
  /** The text with invalid markers removed and valid ones renumbered 1..m as `[k]` (lists become `[1][2]`). */
  text: string;
  /** Original source numbers in the new order: `used[k - 1]` is the source now cited as `[k]`. */
  used: number[];
  /** Cited numbers that are not sources (outside 1..sourceCount), in order of appearance, once each. */
  dropped: number[];
}

function parseNumbers(list: string): number[] {
  const numbers: number[] = [];
  for (const item of list.split(/[,;]/)) {
    const [from, to] = item.split(/[-–]/).map((part) => Number.parseInt(part.trim(), 10));
    if (from === undefined || Number.isNaN(from)) continue;
    if (to === undefined || Number.isNaN(to)) numbers.push(from);
    else if (to >= from && to - from <= MAX_RANGE) for (let n = from; n <= to; n += 1) numbers.push(n);
    else numbers.push(from, to);
  }
  return numbers;
}

/**
 * Checks the `[n]` citation markers of an LLM answer against `sourceCount` numbered sources:
 * markers citing nothing valid are removed (with the whitespace before them), invalid numbers
 * inside lists are dropped, and valid numbers are renumbered 1..m in order of first use. A result
 * with `used` empty means the answer cites nothing, so it is unsupported. Never throws.
 */
export function checkCitations(text: string, sourceCount: number): CheckedCitations {
  const renumbered = new Map<number, number>();
  const dropped: number[] = [];
  let out = '';
  let from = 0;
  // Whitespace taken away with a dropped marker, owed to a marker right after it ("x [7][1]").
  let owedSpace = '';
  for (const match of text.matchAll(MARKER)) {
    const [whole, space = '', list = ''] = match;
    if (match.index !== from) owedSpace = '';
    out += text.slice(from, match.index);
    from = match.index + whole.length;
    const marks: number[] = [];
    for (const n of parseNumbers(list)) {
      if (n < 1 || n > sourceCount) {
        if (!dropped.includes(n)) dropped.push(n);
        continue;
      }
      const k = renumbered.get(n) ?? renumbered.size + 1;
      renumbered.set(n, k);
      if (!marks.includes(k)) marks.push(k);
    }
    if (marks.length === 0) {
      owedSpace ||= space;
      continue;
    }
    out += (owedSpace || space) + marks.map((k) => `[${k}]`).join('');
    owedSpace = '';
  }
  out += text.slice(from);
  return { text: out.trim(), used: [...renumbered.keys()], dropped };
}
