import type { RetrievalResult } from '../retrieval/types.js';
import type { Lang } from '../text/lang.js';
import type { Citation } from './answer.js';
import { checkCitations } from './citations.js';
import { collectClaims } from './claims.js';
import type { Llm } from '../llm/client.js';
import { buildMessages } from './prompt.js';
import { joinQuoteParts } from './quotes.js';
import type { QuotePart } from './quotes.js';
import { splitSentences } from './sentences.js';
import { selectSources } from './sources.js';
import type { NumberedSource } from './sources.js';
import { extractTerms } from './terms.js';

/** Quoted sentences per citation at most. */
const MAX_QUOTE_SENTENCES = 2;
/** The sentinel, also when a model spaces or lowercases it. */
const SENTINEL = /NOT[\s_]IN[\s_]COVERAGE/i;

/** What an LLM answer is generated from. */
export interface GenerateInput {
  question: string;
  /** Language to answer in. */
  language: Lang;
  result: RetrievalResult;
  llm: Llm;
  /** Articles shown to the LLM at most, best first. */
  maxSources: number;
  signal?: AbortSignal;
}

/** Why an LLM answer cannot be used: the sources do not cover the question, or it cites nothing valid. */
export type UnsupportedReason = 'not-covered' | 'uncited';

/** An answer with its citations, or why the LLM's reply cannot be used. */
export type GenerateResult =
  | { text: string; citations: Citation[]; /** Invalid source numbers the LLM cited (removed). */ dropped: number[] }
  | {
      unsupported: true;
      reason: UnsupportedReason;
      /** The LLM's raw reply ('' when it was not asked). */ reply: string;
    };

function findBestPart(source: NumberedSource, claim: string, language: Lang): QuotePart | null {
  const claimTerms = extractTerms(claim, language);
  let best: { part: QuotePart; shared: number } | null = null;
  for (const passage of source.passages) {
    for (const span of splitSentences(passage.text, passage.lang)) {
      let shared = 0;
      for (const term of extractTerms(span.text, passage.lang)) if (claimTerms.has(term)) shared += 1;
      if (shared > 0 && (best === null || shared > best.shared)) best = { part: { passage, span }, shared };
    }
  }
  return best?.part ?? null;
}

/** The source's sentences that best match the claims citing it; else the best passage's first sentence. */
function pickQuote(source: NumberedSource, claims: readonly string[], language: Lang): string {
  const parts: QuotePart[] = [];
  for (const claim of claims) {
    const part = findBestPart(source, claim, language);
    if (part !== null && !parts.some((p) => p.passage.id === part.passage.id && p.span.start === part.span.start))
      parts.push(part);
    if (parts.length >= MAX_QUOTE_SENTENCES) break;
  }
  const [bestPassage] = source.passages;
  const [firstSpan] = bestPassage === undefined ? [] : splitSentences(bestPassage.text, bestPassage.lang);
  if (parts.length === 0 && bestPassage !== undefined && firstSpan !== undefined)
    parts.push({ passage: bestPassage, span: firstSpan });
  return joinQuoteParts(parts);
}

function toCitation(n: number, source: NumberedSource, claims: readonly string[], language: Lang): Citation {
  return {
    n,
    articleId: source.articleId,
    title: source.title,
    titleDerived: source.titleDerived,
    date: source.date,
    updated: source.updated,
    author: source.author,
    url: source.url,
    quote: pickQuote(source, claims, language),
    quoteTranslation: null,
    passageIds: source.passages.map((p) => p.id),
  };
}

/**
 * Asks the LLM to answer from the best `maxSources` articles of `result`, then checks the reply:
 * the NOT_IN_COVERAGE sentinel gives `{ unsupported, reason: 'not-covered' }` (as do no sources,
 * without asking), a reply citing no valid source gives `'uncited'`; otherwise the text with
 * citations renumbered 1..m and one Citation per cited source, whose `quote` is verbatim passage
 * text (the sentences best matching the claims that cite it). Throws LlmError from `llm.complete`.
 */
export async function generateLlmAnswer(input: GenerateInput): Promise<GenerateResult> {
  const { question, language, result, llm, maxSources, signal } = input;
  const sources = selectSources(result, maxSources);
  if (sources.length === 0) return { unsupported: true, reason: 'not-covered', reply: '' };
  const reply = await llm.complete(
    buildMessages({ question, language, sources, today: result.time.today }),
    signal === undefined ? {} : { signal },
  );
  if (SENTINEL.test(reply)) return { unsupported: true, reason: 'not-covered', reply };
  const checked = checkCitations(reply, sources.length);
  if (checked.used.length === 0) return { unsupported: true, reason: 'uncited', reply };
  const claims = collectClaims(checked.text, language);
  const citations = checked.used.flatMap((original, i) => {
    const source = sources[original - 1];
    return source === undefined ? [] : [toCitation(i + 1, source, claims.get(i + 1) ?? [], language)];
  });
  return { text: checked.text, citations, dropped: checked.dropped };
}
