import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText, splitParagraphs } from './html-text.js';
import type { RemoteDraft } from './article-draft.js';

/** Less text than this (characters) is navigation or a teaser, not an article. */
export const MIN_ARTICLE_CHARS = 200;

const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BlogPosting', 'OpinionNewsArticle']);

type Json = Record<string, unknown>;
interface Doc {
  querySelectorAll(selector: string): Iterable<{ textContent: string | null; getAttribute(name: string): string | null }>;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
  documentElement: { getAttribute(name: string): string | null } | null;
}

/**
 * The article of an HTML page: text by Mozilla's Readability (on a linkedom DOM), metadata
 * from JSON-LD `NewsArticle` (or Article, BlogPosting…), else OpenGraph/`article:` meta tags,
 * else the page's own title and `<html lang>`. `url` is `pageUrl` (the link the source gave);
 * without one, the JSON-LD `url`, else the page's canonical link, else og:url. Returns null
 * when the page holds no article (less than MIN_ARTICLE_CHARS of text). Never throws.
 */
export function extractArticle(html: string, pageUrl: string | null): RemoteDraft | null {
  try {
    return extract(html, pageUrl);
  } catch {
    // linkedom or Readability choking on a hostile page: no article, not a crash.
    return null;
  }
}

function extract(html: string, pageUrl: string | null): RemoteDraft | null {
  if (html.trim() === '') return null;
  const window = parseHTML(html) as unknown as { document: unknown };
  const doc = window.document as Doc;
  const ld = findJsonLd(doc);
  const meta = (name: string) =>
    doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content')?.trim() || null;
  // Readability changes the document it reads: metadata first.
  const canonical =
    str(ld?.url) ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('og:url');
  const metadata = {
    title: str(ld?.headline) ?? meta('og:title'),
    date: str(ld?.datePublished) ?? meta('article:published_time'),
    updated: str(ld?.dateModified) ?? meta('article:modified_time'),
    author: names(ld?.author) ?? meta('article:author') ?? meta('author'),
    tags: keywords(ld?.keywords) ?? [...doc.querySelectorAll('meta[property="article:tag"]')].map((m) => m.getAttribute('content') ?? '').filter((t) => t !== ''),
    language: str(ld?.inLanguage) ?? doc.documentElement?.getAttribute('lang') ?? meta('og:locale'),
  };
  const text = readText(window.document, ld);
  if (text.length < MIN_ARTICLE_CHARS) return null;
  return {
    url: pageUrl ?? canonical,
    guid: null,
    title: metadata.title,
    date: metadata.date?.slice(0, 10) ?? null,
    updated: metadata.updated?.slice(0, 10) ?? null,
    author: metadata.author,
    tags: metadata.tags,
    text,
    language: metadata.language,
  };
}

function readText(document: unknown, ld: Json | null): string {
  try {
    const parsed = new Readability(document as ConstructorParameters<typeof Readability>[0]).parse();
    const text = parsed?.content ? htmlToText(parsed.content) : '';
    if (text.length >= MIN_ARTICLE_CHARS) return text;
  } catch {
    // A page Readability cannot read may still carry its text in JSON-LD.
  }
  return splitParagraphs(str(ld?.articleBody) ?? '');
}

function findJsonLd(doc: Doc): Json | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let value: unknown;
    try {
      value = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = flatten(value).find((node) => types(node).some((t) => ARTICLE_TYPES.has(t)));
    if (found !== undefined) return found;
  }
  return null;
}

function flatten(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Json;
  return [node, ...flatten(node['@graph'])];
}

function types(node: Json): string[] {
  const type = node['@type'];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
}

function names(value: unknown): string | null {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const found = list.map((a) => (typeof a === 'string' ? a : str((a as Json | null)?.name))).filter((n): n is string => n !== null && n !== '');
  return found.length === 0 ? null : found.join(', ');
}

function keywords(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.filter((k): k is string => typeof k === 'string');
  if (typeof value === 'string') return value.split(',').map((k) => k.trim()).filter((k) => k !== '');
  return null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
