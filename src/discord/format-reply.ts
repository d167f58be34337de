import { escapeMarkdown } from 'discord.js';
import type { Answer, Citation } from '../answer/answer.js';
import type { Lang } from '../text/lang.js';
import { describeSourceDates } from '../answer/source-date.js';
import { MESSAGE_LIMIT, splitMessage } from './split-message.js';

const LABELS: Readonly<Record<Lang, { sources: string; machineTranslation: string; noText: string }>> = {
  it: {
    sources: 'Fonti',
    machineTranslation: 'traduzione automatica',
    noText: 'Non ho trovato una risposta negli articoli.',
  },
  en: {
    sources: 'Sources',
    machineTranslation: 'machine translation',
    noText: 'I could not find an answer in the articles.',
  },
};

// Keeps a quote's translation a reminder, not a second answer.
const MAX_TRANSLATION_CHARS = 300;

/**
 * The messages that show `answer`: its text with `[n]` markers, then its sources (number, title,
 * date, author, link in `<…>` so Discord shows no preview, labelled machine translation of the
 * quote when there is one), in `answer.language`. Each chunk is at most `limit` characters; long
 * answers break at paragraphs, then sentences, then words. Never returns an empty list.
 */
export function formatAnswer(answer: Answer, limit: number = MESSAGE_LIMIT): string[] {
  const labels = LABELS[answer.language];
  const text = answer.text.trim() === '' ? labels.noText : answer.text.trim();
  const showSources = answer.mode !== 'no-answer' && answer.citations.length > 0;
  const full = showSources
    ? `${text}\n\n${formatSources(answer.citations, answer.language, answer.time?.today)}`
    : text;
  return splitMessage(full, limit);
}

/** The sources block: a bold heading, then one entry per citation in `n` order; `today` adds each date's age. */
export function formatSources(citations: readonly Citation[], lang: Lang, today?: string): string {
  const entries = [...citations].sort((a, b) => a.n - b.n).map((c) => formatCitation(c, lang, today));
  return [`**${LABELS[lang].sources}**`, ...entries].join('\n');
}

/**
 * One source: `[n] Title — date (age), updated … — author`, then its link and the labelled
 * quote translation. The age ("3 anni fa") needs `today`.
 */
export function formatCitation(citation: Citation, lang: Lang, today?: string): string {
  const title = oneLine(citation.title) || citation.articleId;
  const parts = [citation.titleDerived ? `*${escapeMarkdown(title)}*` : `**${escapeMarkdown(title)}**`];
  const dates = describeSourceDates(citation, lang, today);
  if (dates !== null) parts.push(dates);
  if (citation.author !== null && citation.author.trim() !== '') parts.push(escapeMarkdown(oneLine(citation.author)));
  const lines = [`[${citation.n}] ${parts.join(' — ')}`];
  if (citation.url !== null && /^https?:\/\/\S+$/i.test(citation.url))
    lines.push(`<${citation.url.replace(/>/g, '%3E')}>`);
  const translation = citation.quoteTranslation?.trim();
  if (translation) {
    lines.push(
      `> *${LABELS[lang].machineTranslation}:* ${escapeMarkdown(truncate(oneLine(translation), MAX_TRANSLATION_CHARS))}`,
    );
  }
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}
