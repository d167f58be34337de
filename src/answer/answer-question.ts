import { randomUUID } from 'node:crypto';
import type { Embedder } from '../embedding/embedder.js';
import type { Generation } from '../index/searchable-index.js';
import type { Lease } from '../index/live-index.js';
import { retrieve } from '../retrieval/retrieve.js';
import type { RetrievalKnobs, RetrievalResult } from '../retrieval/types.js';
import { detectLanguage } from '../text/language.js';
import { stripDiscordTokens } from '../text/mentions.js';
import type { Lang } from '../text/lang.js';
import type { IsoDate } from '../time/index.js';
import type { Translator } from '../translate/translator.js';
import { translateForRetrieval } from './query-translations.js';
import type { Answer, Citation, NoAnswerReason } from './answer.js';
import { buildExtractiveAnswer } from './extractive.js';
import { generateLlmAnswer } from './generate.js';
import type { Llm } from '../llm/client.js';
import { formatFallbackNote, formatNoAnswer, type FallbackReason } from './messages.js';
import { t } from '../i18n/index.js';
import { roundTo } from '../util/round.js';
import type { Logger } from '../util/logger.js';

/** What answering needs; the composition root builds it, tests pass fakes. */
export interface AnswerDeps {
  /** Lends the live generation for one question (null: nothing indexed). */
  acquire(): Lease | null;
  /** The embedder of a generation's own model. */
  embedderFor(generation: Generation): Promise<Embedder>;
  llm: Llm | null;
  translator: Translator | null;
  knobs: Partial<RetrievalKnobs>;
  maxQuestionChars: number;
  /** Add machine translations of quotes for askers in another language than the article's. */
  translateQuotes: boolean;
  /** Articles shown to the LLM at most. */
  maxSources?: number;
  logger?: Logger;
}

export interface AnswerInput {
  question: string;
  /** A language hint (e.g. the Discord user's locale) that breaks ties in detection. */
  languageHint?: Lang | null;
  /** Per-call knob overrides (e.g. `-k` on the command line). */
  knobs?: Partial<RetrievalKnobs>;
  /** Today (`YYYY-MM-DD`) for time words ("ieri", "last week"); default: the system clock's date. */
  today?: IsoDate;
  /** The answer's language when the caller knows it (a completed follow-up: the follow-up's own); detected otherwise. */
  language?: Lang;
  /**
   * What retrieval searches (and an LLM answers) instead of `question`, e.g. a follow-up completed
   * from its conversation; the extractive answer still reads `question`, the asker's own words.
   */
  searchText?: string;
  /** Articles that weigh more in retrieval (a follow-up: the previous answer's). */
  priorArticleIds?: readonly string[];
}

/**
 * Answers one question from the live index: detects its language, translates it for retrieval
 * when it is not in the corpus language, retrieves, then writes an LLM answer (when an LLM is
 * configured) or an extractive one, falling back to extractive when the LLM fails. Never throws
 * for bad input: empty, too long or uncovered questions get a `no-answer` in their language.
 */
export async function answerQuestion(deps: AnswerDeps, input: AnswerInput): Promise<Answer> {
  const started = performance.now();
  // Mentions (`@everyone`, `<@…>`) say whom a message is for, not what it asks.
  const question = stripDiscordTokens(input.question);
  const language = input.language ?? detectLanguage(question, input.languageHint ?? null);
  if (question === '') return noAnswer(input.languageHint ?? 'it', { reason: 'empty-question' });
  if (question.length > deps.maxQuestionChars)
    return noAnswer(language, { reason: 'question-too-long', maxChars: deps.maxQuestionChars });

  const lease = deps.acquire();
  if (lease === null) return noAnswer(language, { reason: 'no-index' });
  try {
    const { generation } = lease;
    const embedder = await deps.embedderFor(generation);
    const searched = input.searchText?.trim() || question;
    const translations = await translateForRetrieval(deps.translator, searched, language, generation.manifest);
    const translation = translations.lexical;
    const result = await retrieve({
      generation,
      embedder,
      question: searched,
      language,
      extraQueries: translations.extraQueries,
      denseQuery: translations.denseQuery,
      priorArticleIds: input.priorArticleIds ?? [],
      knobs: { ...deps.knobs, ...input.knobs },
      ...(input.today === undefined ? {} : { today: input.today }),
      lenientGate: deps.llm !== null,
    });
    const timings: Record<string, number> = { ...result.timings, ...translations.timings };
    const time = result.time;
    if (result.noAnswer) return { ...noAnswer(language, { reason: 'not-covered' }, timings, translation), time };

    const asked = {
      question,
      searched,
      language,
      translation: translation && { text: translation.query, lang: generation.manifest.corpusLanguage },
    };
    const written = await writeAnswer(deps, asked, result, timings);
    if (written === null) return { ...noAnswer(language, { reason: 'not-covered' }, timings, translation), time };
    const citations = await addQuoteTranslations(deps, written, language, result, timings);
    timings.total = roundTo(performance.now() - started, 2);
    // A period with nothing published in it was not applied: the reader is told before the answer.
    const text =
      time.period !== null && !time.period.matched
        ? `_${t(language, 'answer.period-unmatched')}_\n\n${written.text}`
        : written.text;
    return { id: randomUUID(), language, translation, timings, ...written, text, citations, time };
  } finally {
    lease.release();
  }
}

type Written = Pick<Answer, 'text' | 'mode' | 'reason' | 'citations'>;

/** The question as asked, and its translation into the corpus language if it was translated. */
interface Asked {
  question: string;
  /** What retrieval searched (the completed follow-up, or `question`); the LLM answers it. */
  searched: string;
  language: Lang;
  translation: { text: string; lang: Lang } | null;
}

async function writeAnswer(
  deps: AnswerDeps,
  { question, searched, language, translation }: Asked,
  result: RetrievalResult,
  timings: Record<string, number>,
): Promise<Written | null> {
  let fallback: FallbackReason | null = null;
  if (deps.llm !== null) {
    const start = performance.now();
    try {
      const generated = await generateLlmAnswer({
        question: searched,
        language,
        result,
        llm: deps.llm,
        maxSources: deps.maxSources ?? 5,
      });
      timings.llm = roundTo(performance.now() - start, 2);
      if (!('unsupported' in generated))
        return { text: generated.text, mode: 'llm', reason: null, citations: generated.citations };
      // The model read the sources and found no answer: say so rather than quote unrelated text.
      if (generated.reason === 'not-covered') return null;
      fallback = 'llm-uncited';
    } catch (error) {
      timings.llm = roundTo(performance.now() - start, 2);
      deps.logger?.warn({ err: (error as Error).message }, 'LLM answer failed; answering extractively');
      fallback = 'llm-unavailable';
    }
  }
  const start = performance.now();
  const translator = deps.translateQuotes ? deps.translator : null;
  const extractive = await buildExtractiveAnswer({
    question,
    language,
    result,
    translation,
    translate: translator && ((text, from, to) => translator.translate(text, from, to)),
  });
  timings.extractive = roundTo(performance.now() - start, 2);
  if (extractive === null) return null;
  const text =
    fallback === null ? extractive.text : `${extractive.text}\n\n_${formatFallbackNote(language, fallback)}_`;
  return { text, mode: 'extractive', reason: fallback, citations: extractive.citations };
}

/** Quotes in another language than the asker's get a machine translation beside them (the quote stays verbatim). */
async function addQuoteTranslations(
  deps: AnswerDeps,
  { citations, mode }: Pick<Written, 'citations' | 'mode'>,
  language: Lang,
  result: RetrievalResult,
  timings: Record<string, number>,
): Promise<Citation[]> {
  const translator = deps.translator;
  // An extractive answer already shows the answering sentence's translation in its text.
  if (translator === null || !deps.translateQuotes || mode !== 'llm') return citations;
  const articleLang = new Map(result.groups.map((g) => [g.articleId, g.passages[0]?.lang ?? language]));
  const start = performance.now();
  const out = await Promise.all(
    citations.map(async (c) => {
      const from = articleLang.get(c.articleId) ?? language;
      if (from === language) return c;
      return { ...c, quoteTranslation: await translator.translate(c.quote, from, language) };
    }),
  );
  timings.translateQuotes = roundTo(performance.now() - start, 2);
  return out;
}

/** An answer that says why there is none, in `language`. */
export function noAnswer(
  language: Lang,
  why: Parameters<typeof formatNoAnswer>[1],
  timings: Record<string, number> = {},
  translation: Answer['translation'] = null,
): Answer {
  const reason: NoAnswerReason = why.reason;
  return {
    id: randomUUID(),
    text: formatNoAnswer(language, why),
    language,
    mode: 'no-answer',
    reason,
    citations: [],
    translation,
    timings,
  };
}
