import type { Lang } from '../text/lang.js';
import { splitSentences } from './sentences.js';

const LEADING_MARKERS = /^(?:\[\d+\]\s*)+/;
const MARKER = /\[(\d+)\]/g;

function addClaim(claims: Map<number, string[]>, n: number, claim: string): void {
  const list = claims.get(n) ?? [];
  if (!list.includes(claim)) list.push(claim);
  claims.set(n, list);
}

/**
 * The sentences of a checked answer (markers already `[k]`) grouped by the marker that cites
 * them, markers removed. A sentence that starts with markers ("… claim. [1] Next …") gives them to
 * the sentence before it, where they belong. Pure; never throws.
 */
export function collectClaims(text: string, language: Lang): Map<number, string[]> {
  const claims = new Map<number, string[]>();
  let previous: string | null = null;
  for (const { text: sentence } of splitSentences(text, language)) {
    const leading = LEADING_MARKERS.exec(sentence)?.[0] ?? '';
    const rest = sentence.slice(leading.length);
    const claim = rest.replace(MARKER, '').replace(/\s+/g, ' ').trim();
    for (const match of leading.matchAll(MARKER)) addClaim(claims, Number(match[1]), previous ?? claim);
    for (const match of rest.matchAll(MARKER)) addClaim(claims, Number(match[1]), claim);
    if (claim !== '') previous = claim;
  }
  return claims;
}
