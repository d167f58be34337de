import { finishArticle } from '../corpus/finish-article.js';
import { normalizeDate } from '../corpus/normalize-date.js';
import { isLang, type Lang } from '../text/lang.js';
import type { StoredArticle } from '../store/source-state.js';
import type { RemoteDraft } from '../corpus/article-draft.js';

/**
 * The article a remote draft becomes: id = its URL (else its guid), the date normalised (a
 * timestamp's day as written; anything else null), language from the tag
 * when it is it/en (else detected), `sourcePath` = the source id; `version` is the source's
 * change marker, kept to skip unchanged items next time. Null when it has no text or no id.
 */
export function finishRemote(
  draft: RemoteDraft,
  sourceId: string,
  detectLanguage: (text: string) => Lang,
  version: string | null = null,
): StoredArticle | null {
  const text = draft.text.trim();
  const id = draft.url ?? draft.guid;
  if (text === '' || id === null) return null;
  const tag = draft.language?.slice(0, 2).toLowerCase() ?? null;
  const article = finishArticle(
    {
      id,
      locator: '',
      title: draft.title,
      date: normalizeDate(draft.date),
      updated: normalizeDate(draft.updated ?? null),
      author: draft.author,
      url: draft.url,
      lang: isLang(tag) ? tag : null,
      tags: draft.tags,
      text,
    },
    sourceId,
    detectLanguage,
  );
  return { article, version };
}
