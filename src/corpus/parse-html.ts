import { rejectFile, type ParsedSource } from './article-draft.js';
import { extractArticle } from './extract-article.js';
import { isLang } from '../text/lang.js';
import { normalizeDate } from './normalize-date.js';

/**
 * A saved article page (`.html`): its text by Readability, metadata from JSON-LD or OpenGraph
 * (url from its canonical link), as for sitemap pages. Rejects a page with no article. Never throws.
 */
export function parseHtmlFile(content: string): ParsedSource {
  const page = extractArticle(content, null);
  if (page === null) return rejectFile('no article found in the page');
  const tag = page.language?.slice(0, 2).toLowerCase() ?? null;
  const { title, author, url, tags, text } = page;
  const draft = { id: null, locator: '', title, date: normalizeDate(page.date),
    updated: normalizeDate(page.updated ?? null), author, url, lang: isLang(tag) ? tag : null, tags, text };
  return { drafts: [draft], problems: [] };
}
