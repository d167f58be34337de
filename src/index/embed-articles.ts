import type { Chunk } from '../chunking/chunk.js';
import type { Article } from '../corpus/article.js';
import type { Embedder } from '../embedding/embedder.js';
import type { Lang } from '../text/lang.js';
import type { PassageTranslator } from './build-options.js';

/** An article to index, cut into chunks. */
export interface PendingArticle {
  article: Article;
  chunks: Chunk[];
}

/** Embedding through a translation: passages in other languages than `language` are translated into it first. */
export interface EmbedBridge {
  language: Lang;
  translator: PassageTranslator;
}

/** Passages translated at once: APy runs each in its own pipeline, so a few in flight use both cores. */
const TRANSLATE_CONCURRENCY = 4;

interface Step {
  index: number;
  article: Article;
  texts: string[];
  last: boolean;
}

/**
 * Embeds the passages of `pending` in calls of `step` passages and hands each article's vectors
 * (one per chunk, in order) to `onArticle` (awaited) as soon as the article is done, articles without
 * chunks included. Through a bridge each call's passages are translated first. (Requesting the
 * next call's translations while the current one embeds was measured: no faster on 2 cores,
 * where APy and the embedder compete for the same CPU.) A passage that cannot be translated is
 * embedded as written; returns how many were.
 */
export async function embedArticles(
  pending: PendingArticle[],
  embedder: Embedder,
  bridge: EmbedBridge | null,
  step: number,
  onArticle: (article: PendingArticle, vectors: Float32Array[]) => void | Promise<void>,
  onEmbedded: (passages: number) => void,
): Promise<{ untranslated: number }> {
  const steps: Step[] = pending.flatMap(({ article, chunks }, index) => {
    const texts = chunks.map((c) => passageForEmbedding(article, c.text));
    const count = Math.max(1, Math.ceil(texts.length / step));
    return Array.from({ length: count }, (_, s) => ({
      index,
      article,
      texts: texts.slice(s * step, (s + 1) * step),
      last: s === count - 1,
    }));
  });
  let untranslated = 0;
  const prepare = async ({ article, texts }: Step): Promise<string[]> => {
    if (bridge === null || article.lang === bridge.language || texts.length === 0) return texts;
    const translated = await translateAll(texts, (t) =>
      bridge.translator.translate(t, article.lang, bridge.language).catch(() => null),
    );
    return translated.map((t, i) => {
      if (t !== null) return t;
      untranslated += 1;
      return texts[i] ?? '';
    });
  };
  const vectors: Float32Array[] = [];
  for (const current of steps) {
    const texts = await prepare(current);
    if (texts.length > 0) {
      vectors.push(...(await embedder.embedPassages(texts)));
      onEmbedded(texts.length);
    }
    const done = pending[current.index];
    if (current.last && done !== undefined) await onArticle(done, vectors.splice(0));
  }
  return { untranslated };
}

/** `translate` over `texts` with a few calls in flight, results in order. */
async function translateAll(
  texts: string[],
  translate: (text: string) => Promise<string | null>,
): Promise<(string | null)[]> {
  const out = new Array<string | null>(texts.length).fill(null);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < texts.length; i = next++) out[i] = await translate(texts[i] ?? '');
  };
  await Promise.all(Array.from({ length: Math.min(TRANSLATE_CONCURRENCY, texts.length) }, worker));
  return out;
}

/** The text embedded for a passage: a real title gives the passage its topic; a derived one would repeat the first chunk. */
function passageForEmbedding(article: Article, text: string): string {
  return article.titleDerived ? text : `${article.title}\n${text}`;
}
