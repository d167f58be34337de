import type { Lang } from '../text/lang.js';
import type { Article } from './article.js';
import type { ArticleDraft } from './article-draft.js';
import { deriveTitle } from './derive-title.js';
import { hashArticle } from './hash-article.js';

/** Which id an article gets: `record` = its own id, else its location; `url` = its url, else the same. */
export type IdRule = 'record' | 'url';

/**
 * The Article a draft becomes: language detected when the source names none, a title derived
 * from the text when it has none, the id by `idRule` (the fallback is `sourcePath` + the draft's
 * locator) and the hash of its indexed fields.
 */
export function finishArticle(
  draft: ArticleDraft,
  sourcePath: string,
  detectLanguage: (text: string) => Lang,
  idRule: IdRule = 'record',
): Article {
  const lang = draft.lang ?? detectLanguage(draft.text);
  const titleDerived = draft.title === null;
  const title = draft.title ?? deriveTitle(draft.text, lang);
  const { date, updated, author, url, tags, text } = draft;
  const fields = { title, titleDerived, date, updated, author, url, lang, tags, text };
  const own = idRule === 'url' ? (url ?? draft.id) : draft.id;
  return { id: own ?? `${sourcePath}${draft.locator}`, sourcePath, ...fields, hash: hashArticle(fields) };
}
