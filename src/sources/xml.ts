import { XMLParser } from 'fast-xml-parser';
import { FetchError } from './http/fetch-error.js';

// Elements that may repeat: always arrays, so one item and many read the same way.
const LISTS = new Set(['item', 'entry', 'link', 'category', 'url', 'sitemap', 'author', 'dc:creator', 'dc:subject']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Values stay strings: a title "2025" or a guid "0012" must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => LISTS.has(name),
});

/** An XML document as nested objects (attributes as `@_name`, text as `#text` when mixed). Throws FetchError `malformed-xml`. */
export function parseXml(xml: string, url: string): Record<string, unknown> {
  try {
    return parser.parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    throw new FetchError('malformed-xml', `${url}: malformed XML (${(error as Error).message})`);
  }
}

/** The text of an XML value: a string as is, `#text` of an element with attributes, else null. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'object' && value !== null && '#text' in value) return textOf(value['#text']);
  return null;
}

/** An attribute of an XML element, or null. */
export function attrOf(value: unknown, name: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const attr = (value as Record<string, unknown>)[`@_${name}`];
  return typeof attr === 'string' ? attr : null;
}

/** A child element (or list of them) of an XML element. */
export function child(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** A child list as an array (absent → []). */
export function children(value: unknown, name: string): unknown[] {
  const found = child(value, name);
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}
