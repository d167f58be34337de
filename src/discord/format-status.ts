import { escapeMarkdown } from 'discord.js';
import { t } from '../i18n/index.js';
import { wordBridgeNote } from '../index/word-report.js';
import type { Lang } from '../text/lang.js';
import { wordTranslatorReason } from '../translate/select.js';
import { formatSourceFreshness } from './format-sources.js';
import { formatCount, formatDuration, formatTimestamp } from './format-units.js';
import type { StatusNote, StatusSnapshot } from './ports.js';

/** A value shown inside a code span: a backtick in it would end the span. */
const inCode = (text: string) => text.replace(/`/g, "'");

/**
 * The /status reply for `snapshot`, worded in `lang`, with the article sources' freshness after
 * a blank line; the caller splits it into messages of at most 2,000 characters.
 */
export function formatStatus(snapshot: StatusSnapshot, lang: Lang): string {
  const count = (n: number) => formatCount(n, lang);
  const lines = [`**${t(lang, 'status.title')}**`];
  if (!snapshot.indexLoaded) lines.push(t(lang, 'status.no-index'));
  lines.push(t(lang, 'status.counts', { articles: count(snapshot.articles), passages: count(snapshot.passages) }));
  const model = snapshot.model === null ? '—' : `\`${inCode(snapshot.model)}\``;
  const notes = snapshot.notes.map((note) => wordNote(lang, note));
  lines.push(
    notes.length === 0
      ? t(lang, 'status.model', { model })
      : t(lang, 'status.model-with-notes', { model, notes: notes.join('; ') }),
  );
  const mode =
    snapshot.answerMode.mode === 'llm'
      ? t(lang, 'status.answer-mode.llm', { model: inCode(snapshot.answerMode.model) })
      : t(lang, 'status.answer-mode.extractive');
  lines.push(t(lang, 'status.answer-mode', { mode }));
  const { engine, reason } = snapshot.translator;
  lines.push(
    t(lang, 'status.translator', {
      engine: engine === null ? t(lang, 'status.translator.off') : escapeMarkdown(engine),
      reason: wordTranslatorReason(lang, reason),
    }),
  );
  const lastSuccess =
    snapshot.lastSuccessAt === null ? t(lang, 'status.never') : formatTimestamp(snapshot.lastSuccessAt);
  lines.push(t(lang, 'status.last-success', { when: lastSuccess }));
  lines.push(t(lang, 'status.last-run', { run: formatLastRun(snapshot.lastRun, lang) }));
  lines.push(t(lang, 'status.uptime', { duration: formatDuration(snapshot.uptimeMs, lang) }));
  lines.push(t(lang, 'status.feedback', { up: count(snapshot.feedback.up), down: count(snapshot.feedback.down) }));
  const sources = formatSourceFreshness(snapshot.sources, lang);
  return sources === '' ? lines.join('\n') : `${lines.join('\n')}\n\n${sources}`;
}

function wordNote(lang: Lang, note: StatusNote): string {
  switch (note.code) {
    case 'would-switch':
      return t(lang, 'status.note.would-switch', { to: inCode(note.to) });
    case 'live-error':
      return t(lang, 'status.note.live-error', { error: inCode(note.error.slice(0, 300)) });
    default:
      return wordBridgeNote(lang, note);
  }
}

function formatLastRun(run: StatusSnapshot['lastRun'], lang: Lang): string {
  if (run === null) return t(lang, 'status.never');
  const when = formatTimestamp(run.finishedAt);
  if (run.outcome === 'success') return t(lang, 'status.last-run.success', { when });
  if (run.error === null) return t(lang, 'status.last-run.failed', { when });
  return t(lang, 'status.last-run.failed-because', { when, error: inCode(run.error.slice(0, 300)) });
}
