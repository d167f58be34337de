import { parseHTML } from 'linkedom';

const DROPPED = 'script, style, noscript, template, iframe, svg, form, button, nav, aside, figure > img';
const BLOCKS =
  'p, div, section, article, header, footer, main, h1, h2, h3, h4, h5, h6, li, ul, ol, dl, dt, dd, blockquote, pre, table, tr, figure, figcaption, hr';

/** A DOM element as far as this module uses it (linkedom's types are loose). */
interface Node {
  before(text: string): void;
  after(text: string): void;
  remove(): void;
  replaceWith(text: string): void;
}

/**
 * Plain text of an HTML fragment (a feed item's content, a WordPress post, Readability's
 * output): entities decoded, scripts and styles dropped, one paragraph per block element,
 * paragraphs separated by a blank line and whitespace inside them collapsed. Never throws.
 */
export function htmlToText(html: string): string {
  const window = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as {
    document: { body: { querySelectorAll(s: string): Iterable<Node>; textContent: string | null } };
  };
  const body = window.document.body;
  for (const node of body.querySelectorAll(DROPPED)) node.remove();
  for (const node of body.querySelectorAll('br')) node.replaceWith('\n');
  for (const node of body.querySelectorAll(BLOCKS)) {
    node.before('\n\n');
    node.after('\n\n');
  }
  return splitParagraphs(body.textContent ?? '');
}

/** Text with paragraphs (runs separated by blank lines) kept and whitespace inside each collapsed. */
export function splitParagraphs(text: string): string {
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

/** The text of an inline HTML snippet (a title): entities decoded, tags removed, whitespace collapsed. */
export function htmlToLine(html: string): string {
  return htmlToText(html).replace(/\s+/g, ' ').trim();
}
