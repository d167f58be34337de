import type { BuildReport } from '../index/build-report.js';
import type { SourceReport } from '../sources/source-report.js';
import { t } from '../i18n/index.js';
import { wordBridgeNote, wordFullReason, wordModelNote } from '../index/word-report.js';
import type { Lang } from '../text/lang.js';

const SHOWN_SKIPS = 20;
const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

/**
 * The language of the operator's terminal: Italian when the process's locale (LANG, LC_ALL, as
 * Node's Intl reads them) is Italian, else English.
 */
export function terminalLang(): Lang {
  return new Intl.Locale(Intl.DateTimeFormat().resolvedOptions().locale).language === 'it' ? 'it' : 'en';
}

/** The build report as a few readable lines for the operator's terminal, in `lang`. */
export function formatBuildReport(report: BuildReport, lang: Lang): string {
  const a = report.articles;
  const lines = [heading(report, lang), `  ${modelLine(report, lang)}`];
  if (report.bridgeNote !== null)
    lines.push(`  ${t(lang, 'terminal.build.embedding', { note: wordBridgeNote(lang, report.bridgeNote) })}`);
  lines.push(
    `  ${t(lang, 'terminal.build.articles', { ...a })}`,
    `  ${t(lang, 'terminal.build.passages', { ...report.chunks })}`,
    `  ${t(lang, 'terminal.build.time', {
      seconds: seconds(report.durationMs),
      rate: report.passagesPerSec,
      reading: seconds(report.reading.durationMs),
      articlesRate: report.reading.articlesPerSec,
    })}`,
  );
  for (const s of report.sources) lines.push(`  ${formatSource(s, lang)}`);
  if (report.ignoredFiles > 0) lines.push(`  ${t(lang, 'terminal.build.ignored', { count: report.ignoredFiles })}`);
  // A skip reason starts with its file (and record).
  for (const s of report.skipped.slice(0, SHOWN_SKIPS))
    lines.push(`  ${t(lang, 'terminal.build.skipped', { reason: s.reason })}`);
  if (report.skipped.length > SHOWN_SKIPS)
    lines.push(`  ${t(lang, 'terminal.build.skipped-more', { count: report.skipped.length - SHOWN_SKIPS })}`);
  return lines.join('\n');
}

function heading(report: BuildReport, lang: Lang): string {
  if (report.outcome !== 'success') return t(lang, 'terminal.build.failed', { error: report.error ?? '—' });
  const mode = !report.full
    ? t(lang, 'build.mode.incremental')
    : report.fullReason === null
      ? t(lang, 'build.mode.full')
      : t(lang, 'build.mode.full-because', { reason: wordFullReason(lang, report.fullReason) });
  return t(lang, 'terminal.build.success', { mode, generation: report.generationId ?? '-' });
}

function modelLine(report: BuildReport, lang: Lang): string {
  const model = report.model || '-';
  if (report.modelNote === null) return t(lang, 'terminal.build.model', { model });
  return t(lang, 'terminal.build.model-with-note', { model, note: wordModelNote(lang, report.modelNote) });
}

function formatSource(s: SourceReport, lang: Lang): string {
  const values = {
    id: s.id,
    outcome: t(lang, `terminal.build.source-outcome.${s.outcome}`),
    articles: s.articles,
    fetched: s.fetched,
    unchanged: s.unchanged,
    failed: s.failed,
    seconds: seconds(s.durationMs),
  };
  const line =
    s.newestArticleDate === null
      ? t(lang, 'terminal.build.source', values)
      : t(lang, 'terminal.build.source-newest', { ...values, newest: s.newestArticleDate });
  // The error is in the source's own words (HTTP, network), after its code.
  if (s.lastError === null) return line;
  return `${line} — ${s.lastErrorCode === null ? '' : `${s.lastErrorCode}: `}${s.lastError}`;
}
