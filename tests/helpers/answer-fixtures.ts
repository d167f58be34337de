import { knobsFor } from '../../src/retrieval/knobs.js';
import type { ArticleGroup, RetrievalResult, ScoredPassage } from '../../src/retrieval/types.js';
import type { Lang } from '../../src/text/lang.js';

/** A made-up article for answer tests; `chunks` are substrings of `text` (default: the whole text). */
export interface ArticleSpec {
  articleId: string;
  title: string;
  lang: Lang;
  text: string;
  chunks?: string[];
  date?: string | null;
  updated?: string | null;
  author?: string | null;
  url?: string | null;
  titleDerived?: boolean;
}

/**
 * Builds a RetrievalResult whose groups are `articles` in the given order (best first), each
 * backed by its chunks as passages (first chunk best, in any article order). Offsets are the
 * chunk's first occurrence in the article text, so `passage.text === article.text.slice(start,
 * end)`; throws if a chunk is not in it. Passage ids run 1, 2, … across the result.
 */
export function makeResult(question: string, language: Lang, articles: ArticleSpec[]): RetrievalResult {
  let nextId = 1;
  const groups: ArticleGroup[] = articles.map((article, rank) => {
    const chunks = article.chunks ?? [article.text];
    const starts = chunks.map((chunk, i) => {
      const start = article.text.indexOf(chunk);
      if (start < 0) throw new Error(`chunk ${i} of ${article.articleId} is not in its text`);
      return start;
    });
    const passages: ScoredPassage[] = chunks.map((chunk, rankInGroup) => {
      const start = starts[rankInGroup] ?? 0;
      // The chunk's position in the article, whatever its rank in the group.
      const index = starts.filter((other) => other < start).length;
      return {
        id: nextId++,
        articleId: article.articleId,
        index,
        start,
        end: start + chunk.length,
        text: chunk,
        title: article.title,
        titleDerived: article.titleDerived ?? false,
        date: article.date === undefined ? '2021-05-12' : article.date,
        updated: article.updated ?? null,
        author: article.author === undefined ? 'Redazione' : article.author,
        url: article.url === undefined ? `https://example.org/${article.articleId}` : article.url,
        lang: article.lang,
        score: 1 - rank * 0.1 - rankInGroup * 0.01,
      };
    });
    return { articleId: article.articleId, score: 1 - rank * 0.1, passages };
  });
  const passages = groups.flatMap((g) => g.passages);
  return {
    question,
    language,
    groups,
    noAnswer: groups.length === 0,
    passages,
    channels: { dense: [], lexical: [], fused: passages.map((p) => ({ id: p.id, score: p.score })) },
    time: { today: '2026-01-01', period: null, latest: false },
    knobs: knobsFor('fake'),
    timings: {},
  };
}

/** Fictional coverage of the fictional town of Borgo Lieto. */
export const BRIDGE_IT: ArticleSpec = {
  articleId: 'ponte-borgo-lieto',
  title: 'Inaugurato il nuovo ponte di Borgo Lieto',
  lang: 'it',
  date: '2021-05-12',
  author: 'Giulia Marchetti',
  text:
    'Il nuovo ponte sul fiume Lieto è stato inaugurato il 12 maggio 2021. ' +
    'La costruzione è durata tre anni ed è costata 14 milioni di euro. ' +
    'Alla cerimonia hanno partecipato centinaia di cittadini. ' +
    'La sindaca Marta Ferrini ha tagliato il nastro davanti alla scuola elementare.',
};

export const ROADWORKS_IT: ArticleSpec = {
  articleId: 'lavori-provinciale',
  title: 'Lavori sulla strada provinciale',
  lang: 'it',
  date: '2022-03',
  author: null,
  text:
    'I lavori sulla strada provinciale 12 sono iniziati a marzo. ' +
    'Il ponte sul fiume Lieto resterà aperto durante tutti i lavori. ' +
    "La fine del cantiere è prevista per l'autunno.",
};

export const FESTIVAL_EN: ArticleSpec = {
  articleId: 'festival-en',
  title: 'Summer festival returns to Borgo Lieto',
  lang: 'en',
  date: '2023-06-01',
  author: 'Tom Avery',
  text:
    'The summer music festival returns to Borgo Lieto in July. ' +
    'Tickets for the festival go on sale on 1 June. ' +
    'The festival was first held in 2009 on the banks of the river Lieto.',
};
