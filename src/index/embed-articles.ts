import type { Chunk } from '../chunking/chunk.js';
import { splitSentences } from '../chunking/split-sentences.js';
import type { Article } from '../corpus/article.js';
import type { Embedder } from '../embedding/embedder.js';
import type { StoredSentence } from '../store/passage.js';
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
  chunks: Chunk[];
  last: boolean;
}

/** What is embedded for one chunk: the passage's text and each of its sentences' (with the translation embedded, if any). */
interface ChunkTexts {
  passage: string;
  sentences: { start: number; end: number; text: string; translation: string | null }[];
}

/** The vectors of one article: one per chunk, and each chunk's sentences. */
export interface ArticleVectors {
  vectors: Float32Array[];
  sentences: StoredSentence[][];
}

/**
 * Embeds the passages of `pending` in calls of `step` passages, and every passage's sentences
 * (what the extractive answer's scorer compares with the question), and hands each article's
 * vectors (one per chunk, in order, and each chunk's sentences) to `onArticle` (awaited) as soon
 * as the article is done, articles without chunks included. Through a bridge each call's passages
 * are translated first, one sentence per line, so the same translation gives the passage's and
 * its sentences' texts. (Requesting the next call's translations while the current one embeds was
 * measured: no faster on 2 cores, where APy and the embedder compete for the same CPU.) A passage
 * that cannot be translated is embedded as written, sentences included; returns how many were.
 */
export async function embedArticles(
  pending: PendingArticle[],
  embedder: Embedder,
  bridge: EmbedBridge | null,
  step: number,
  onArticle: (article: PendingArticle, vectors: ArticleVectors) => void | Promise<void>,
  onEmbedded: (passages: number) => void,
): Promise<{ untranslated: number }> {
  const steps: Step[] = pending.flatMap(({ article, chunks }, index) => {
    const count = Math.max(1, Math.ceil(chunks.length / step));
    return Array.from({ length: count }, (_, s) => ({
      index,
      article,
      chunks: chunks.slice(s * step, (s + 1) * step),
      last: s === count - 1,
    }));
  });
  let untranslated = 0;
  const prepare = async ({ article, chunks }: Step): Promise<ChunkTexts[]> => {
    const written = chunks.map((c) => textsAsWritten(article, c));
    if (bridge === null || article.lang === bridge.language || chunks.length === 0) return written;
    const translate = (text: string) =>
      bridge.translator.translate(text, article.lang, bridge.language).catch(() => null);
    const translated = await translateAll(written, (texts) => translateChunk(article, texts, translate));
    return translated.map((t, i) => {
      if (t !== null) return t;
      untranslated += 1;
      return written[i] ?? { passage: '', sentences: [] };
    });
  };
  const out: ArticleVectors = { vectors: [], sentences: [] };
  for (const current of steps) {
    const texts = await prepare(current);
    if (texts.length > 0) {
      out.vectors.push(...(await embedder.embedPassages(texts.map((t) => t.passage))));
      const sentenceVectors = await embedder.embedPassages(
        texts.flatMap((t) => t.sentences.map((s) => s.translation ?? s.text)),
      );
      let next = 0;
      for (const t of texts)
        out.sentences.push(
          t.sentences.map(({ start, end, translation }) => ({
            start,
            end,
            translation,
            vector: sentenceVectors[next++] ?? new Float32Array(embedder.spec.dims),
          })),
        );
      onEmbedded(texts.length);
    }
    const done = pending[current.index];
    if (current.last && done !== undefined)
      await onArticle(done, { vectors: out.vectors.splice(0), sentences: out.sentences.splice(0) });
  }
  return { untranslated };
}

/** A chunk's texts as written: the passage (after its article's title) and its sentences (offsets into the chunk text). */
function textsAsWritten(article: Article, chunk: Chunk): ChunkTexts {
  return {
    passage: passageForEmbedding(article, chunk.text),
    sentences: sentencesOf(chunk.text, article.lang).map((sentence) => ({ ...sentence, translation: null })),
  };
}

/** The sentences of a passage that are embedded and stored with it: offsets into `text`, and their text. */
export function sentencesOf(text: string, lang: Lang): { start: number; end: number; text: string }[] {
  return splitSentences(text, lang).map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
}

/**
 * A chunk's texts through `translate`: its title and sentences are sent one per line, so one
 * call translates the passage and gives each sentence's translation. When the lines that come
 * back do not match (a cut, a merged line), the passage's translation is kept whole and each
 * sentence is translated alone. Null when the passage cannot be translated.
 */
async function translateChunk(
  article: Article,
  written: ChunkTexts,
  translate: (text: string) => Promise<string | null>,
): Promise<ChunkTexts | null> {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const lines = [
    ...(article.titleDerived ? [] : [oneLine(article.title)]),
    ...written.sentences.map((s) => oneLine(s.text)),
  ];
  const translated = await translate(lines.join('\n'));
  if (translated === null || translated.trim() === '') return null;
  const back = translated.split('\n').map(oneLine);
  if (back.length === lines.length && back.every((line) => line !== '')) {
    const body = back.slice(article.titleDerived ? 0 : 1);
    return {
      passage: article.titleDerived ? body.join(' ') : `${back[0] ?? ''}\n${body.join(' ')}`,
      sentences: written.sentences.map((s, i) => ({ ...s, translation: body[i] ?? null })),
    };
  }
  const sentences = await Promise.all(
    written.sentences.map(async (s) => ({ ...s, translation: await translate(oneLine(s.text)) })),
  );
  return { passage: translated, sentences };
}

/** `translate` over `items` with a few calls in flight, results in order. */
async function translateAll<T, R>(items: T[], translate: (item: T) => Promise<R | null>): Promise<(R | null)[]> {
  const out = new Array<R | null>(items.length).fill(null);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i];
      if (item !== undefined) out[i] = await translate(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(TRANSLATE_CONCURRENCY, items.length) }, worker));
  return out;
}

/** The text embedded for a passage: a real title gives the passage its topic; a derived one would repeat the first chunk. */
export function passageForEmbedding(article: Pick<Article, 'title' | 'titleDerived'>, text: string): string {
  return article.titleDerived ? text : `${article.title}\n${text}`;
}
