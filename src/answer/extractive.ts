import { t } from '../i18n/index.js';
import { widenGroup } from '../retrieval/group.js';
import type { ArticleGroup, RetrievalResult } from '../retrieval/types.js';
import type { Lang } from '../text/lang.js';
import type { Citation } from './answer.js';
import type { AnswerSpan } from './answer-spans.js';
import { collectCandidates, type Candidate } from './extractive-candidates.js';
import { MAX_QUOTED_CHARS, MAX_SUPPORT, pickQuotes } from './pick-quotes.js';
import { joinQuoteParts } from './quotes.js';
import { featureCandidates, storedSentences, viewQuestion, type FeaturedCandidate } from './sentence-features.js';
import {
  committedWeights,
  marginFor,
  rankCandidates,
  type ScoredCandidate,
  type ScorerWeights,
} from './sentence-scorer.js';
import { extractTerms } from './terms.js';

/** Sentences scored per answer at most (scoring is arithmetic: no model call per sentence). */
export const MAX_CANDIDATES = 80;

/** Translates a sentence for an asker in another language; null when it cannot. */
export type TranslateText = (text: string, from: Lang, to: Lang) => Promise<string | null>;

/** What an extractive answer is built from. */
export interface ExtractiveInput {
  question: string;
  /** The question's language: the answer's labels are written in it. */
  language: Lang;
  result: RetrievalResult;
  /** The question translated into the corpus language (its words count too), if it was. */
  translation?: { text: string; lang: Lang } | null;
  /** Translates the answering sentence when it is in another language than the asker's. */
  translate?: TranslateText | null;
  /** Default: the committed, fitted weights. */
  weights?: ScorerWeights;
  /** Supporting quotes at most after the answering sentence (default MAX_SUPPORT). */
  maxSupport?: number;
  /** Articles considered, best first (default 3). */
  maxArticles?: number;
}

/** An answer made of verbatim sentences from the articles, with its citations. */
export interface ExtractiveAnswer {
  text: string;
  citations: Citation[];
}

/**
 * Every sentence of the best `maxArticles` groups (each once, at most MAX_CANDIDATES) with its
 * scorer features: what the extractive answer ranks, and what `npm run fit` fits on.
 */
export function featureQuestion(
  input: Pick<ExtractiveInput, 'question' | 'language' | 'result' | 'translation' | 'maxArticles'>,
): FeaturedCandidate[] {
  const { question, language, result, translation = null, maxArticles = 3 } = input;
  const view = viewQuestion(question, language, translation);
  const terms = new Set(view.texts.flatMap((q) => [...extractTerms(q.text, q.lang)]));
  const groups = widenGroups(result, maxArticles);
  return featureCandidates(view, collectCandidates(groups, terms, maxArticles, MAX_CANDIDATES), result);
}

/** The best `maxArticles` groups, each widened with the next best passages of its article (see widenGroup). */
function widenGroups(result: RetrievalResult, maxArticles: number): ArticleGroup[] {
  return result.groups.slice(0, maxArticles).map((group) => widenGroup(group, result.passages));
}

/** `text` with the answer span in bold (Markdown), spacing collapsed; spans are offsets into `text`. */
export function boldSpan(text: string, span: Pick<AnswerSpan, 'start' | 'end'> | undefined): string {
  const marked =
    span === undefined
      ? text
      : `${text.slice(0, span.start)}**${text.slice(span.start, span.end)}**${text.slice(span.end)}`;
  return marked.replace(/\s+/g, ' ').trim();
}

/** A sentence in quotation marks, unless it already opens with one (a quotation of its own). */
function quoted(text: string): string {
  return /^[“"«]/.test(text) ? text : `“${text}”`;
}

function toCitation(n: number, sentences: readonly ScoredCandidate[]): Citation {
  const [first] = sentences;
  if (first === undefined) throw new Error('a citation needs at least one sentence');
  const { passage, group } = first.candidate;
  return {
    n,
    articleId: group.articleId,
    title: passage.title,
    titleDerived: passage.titleDerived,
    date: passage.date,
    updated: passage.updated,
    author: passage.author,
    url: passage.url,
    quote: joinQuoteParts(sentences.map(({ candidate: c }) => ({ passage: c.passage, span: c.span }))),
    quoteTranslation: null,
    passageIds: [...new Set(sentences.map((s) => s.candidate.passage.id))],
  };
}

/** The translation into `language` the index stored for a candidate sentence (what it embedded through its bridge), if any. */
function storedTranslation(result: Pick<RetrievalResult, 'sentences'>, c: Candidate, language: Lang): string | null {
  const stored = result.sentences;
  if (stored === undefined || stored.translatedTo !== language) return null;
  return storedSentences(result)(c)?.translation ?? null;
}

/**
 * The answering sentence, first: bold span, its citation; for another language, the labelled
 * translation before it (the one the index stored for the sentence, else `translate`'s).
 */
async function formatLead(
  lead: ScoredCandidate,
  n: number,
  language: Lang,
  stored: string | null,
  translate: TranslateText | null,
): Promise<{ lines: string[]; translation: string | null }> {
  const { span, passage } = lead.candidate;
  const quote = `${quoted(boldSpan(span.text, lead.spans[0]))} [${n}]`;
  if (passage.lang === language) return { lines: [quote], translation: null };
  const translated = stored ?? (translate === null ? null : await translate(span.text, passage.lang, language));
  if (translated === null || translated.trim() === '')
    return { lines: [`${quote} ${t(language, 'answer.extractive.quote-in-other-lang')}`], translation: null };
  const answer = lead.spans[0]?.text;
  const at = answer === undefined ? -1 : translated.indexOf(answer);
  const shown =
    at < 0 || answer === undefined
      ? boldSpan(translated, undefined)
      : boldSpan(translated, { start: at, end: at + answer.length });
  return {
    lines: [`*${t(language, 'answer.machine-translation')}:* ${shown} [${n}]`, `> ${quote}`],
    translation: translated,
  };
}

/**
 * For a question about the latest, the answering sentence comes from the first article (retrieval
 * put the newest relevant one there, and a newer fact is what such a question asks for): that
 * article's best sentence moves to the front; the others keep their order. Otherwise (or when that
 * article is undated) `ranked` as is.
 */
export function leadWithNewest(
  ranked: ScoredCandidate[],
  result: Pick<RetrievalResult, 'time' | 'groups'>,
): ScoredCandidate[] {
  const first = result.groups[0];
  // Undated articles (an encyclopaedia, say) have no newest: the scorer's choice stands.
  if (!result.time.latest || first === undefined || (first.passages[0]?.date ?? null) === null) return ranked;
  const newest = first.articleId;
  const at = ranked.findIndex((r) => r.candidate.group.articleId === newest);
  const lead = ranked[at];
  if (at <= 0 || lead === undefined) return ranked;
  return [lead, ...ranked.slice(0, at), ...ranked.slice(at + 1)];
}

/**
 * Answers from the articles' own sentences when no LLM answer is available: scores every sentence
 * of the best groups with the fitted scorer (sentence-weights.json: term overlap, the kind of
 * answer the question asks for, passage scores, position, length), then writes the fact first —
 * the best sentence with its answering span in **bold** (for an asker in another language, the
 * labelled machine translation first and the verbatim quote under it) — then at most `maxSupport`
 * supporting quotes as bullets. Every quote appears once and cites `[n]`, n numbered by first use;
 * a citation's `quote` holds the verbatim sentence(s) used from that article (joinQuoteParts).
 * Returns null when the groups hold no sentence. Throws only what `translate` throws.
 */
export async function buildExtractiveAnswer(input: ExtractiveInput): Promise<ExtractiveAnswer | null> {
  const weights = input.weights ?? committedWeights();
  const ranked = leadWithNewest(rankCandidates(featureQuestion(input), weights.weights), input.result);
  const translate = input.translate ?? null;
  const first = ranked[0]?.candidate;
  const stored = first === undefined ? null : storedTranslation(input.result, first, input.language);
  // A translated answering sentence is shown twice (translation and quote): it takes its room twice.
  const translated =
    first !== undefined && (stored !== null || translate !== null) && first.passage.lang !== input.language;
  const budget = MAX_QUOTED_CHARS - (translated ? first.span.text.length : 0);
  const picked = pickQuotes(ranked, marginFor(weights, input.language), input.maxSupport ?? MAX_SUPPORT, budget);
  const [lead, ...support] = picked;
  if (lead === undefined) return null;

  const byArticle = new Map<string, ScoredCandidate[]>();
  for (const quote of picked) {
    const id = quote.candidate.group.articleId;
    byArticle.set(id, [...(byArticle.get(id) ?? []), quote]);
  }
  const numbers = new Map([...byArticle.keys()].map((articleId, i) => [articleId, i + 1]));
  const numberOf = (q: ScoredCandidate) => numbers.get(q.candidate.group.articleId) ?? 0;
  // `picked` starts with the best-ranked sentence: `stored` is the lead's.
  const { lines } = await formatLead(lead, numberOf(lead), input.language, stored, translate);
  if (support.length > 0) {
    lines.push('', t(input.language, 'answer.extractive.see-also'));
    for (const q of support) {
      const other =
        q.candidate.passage.lang === input.language
          ? ''
          : ` ${t(input.language, 'answer.extractive.quote-in-other-lang')}`;
      lines.push(`- ${quoted(boldSpan(q.candidate.span.text, undefined))} [${numberOf(q)}]${other}`);
    }
  }
  return {
    text: lines.join('\n'),
    citations: [...byArticle.entries()].map(([articleId, quotes]) => toCitation(numbers.get(articleId) ?? 0, quotes)),
  };
}
