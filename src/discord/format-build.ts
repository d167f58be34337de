import { escapeMarkdown } from 'discord.js';
import { t } from '../i18n/index.js';
import type { BuildProgress, BuildReport } from '../index/build-report.js';
import { wordBridgeNote, wordFullReason, wordModelNote } from '../index/word-report.js';
import type { Lang } from '../text/lang.js';
import { formatCount, formatDuration, formatTimestamp } from './format-units.js';

/** How many skipped sources a report lists before summarising the rest. */
export const SKIPPED_SHOWN = 5;

/** The first message of a reindex, before any progress arrives. */
export function formatBuildStarted(lang: Lang): string {
  return t(lang, 'build.started');
}

/** One progress line: phase, done/total with percentage, and time elapsed (ms). */
export function formatProgress(progress: BuildProgress, elapsedMs: number, lang: Lang): string {
  const share =
    progress.total > 0 ? ` (${Math.floor((100 * Math.min(progress.done, progress.total)) / progress.total)}%)` : '';
  const counts =
    progress.total > 0 ? `: ${formatCount(progress.done, lang)}/${formatCount(progress.total, lang)}${share}` : '';
  const phase = t(lang, `build.phase.${progress.phase}`);
  return `${t(lang, 'build.running')} — ${phase}${counts} · ${formatDuration(elapsedMs, lang)}`;
}

/** Appended to the interaction reply when a long build continues in a channel message. */
export function formatHandover(lang: Lang): string {
  return t(lang, 'build.handover');
}

/** The refusal shown when a build is already running (`by` is shown as given, escaped). */
export function formatAlreadyRunning(running: { since: Date; by: string }, lang: Lang): string {
  return t(lang, 'build.already-running', {
    since: `${formatTimestamp(running.since, 'T')} (${formatTimestamp(running.since, 'R')})`,
    by: escapeMarkdown(running.by),
  });
}

/**
 * The final message of a reindex: outcome, mode, duration, article counts, the first
 * SKIPPED_SHOWN skip reasons, passages and model; for a failed build, its error.
 */
export function formatBuildReport(report: BuildReport, lang: Lang): string {
  const mode = !report.full
    ? t(lang, 'build.mode.incremental')
    : report.fullReason === null
      ? t(lang, 'build.mode.full')
      : t(lang, 'build.mode.full-because', { reason: wordFullReason(lang, report.fullReason) });
  const duration = formatDuration(report.durationMs, lang);
  const heading = t(lang, report.outcome === 'success' ? 'build.heading.success' : 'build.heading.failed', {
    mode,
    duration,
  });
  const lines = [`**${heading}**`];
  if (report.outcome === 'failed') {
    lines.push(
      `\`\`\`\n${(report.error ?? '?').replace(/`/g, "'").slice(0, 1000)}\n\`\`\``,
      t(lang, 'build.keeps-serving'),
    );
  }
  const count = (n: number) => formatCount(n, lang);
  const a = report.articles;
  lines.push(
    t(lang, 'build.articles', {
      seen: count(a.seen),
      added: count(a.added),
      updated: count(a.updated),
      unchanged: count(a.unchanged),
      removed: count(a.removed),
      skipped: count(a.skipped),
    }),
  );
  if (report.skipped.length > 0) {
    lines.push(t(lang, 'build.skipped'));
    // A skip reason starts with its file (and record), so it is shown alone, as quoted detail.
    for (const s of report.skipped.slice(0, SKIPPED_SHOWN)) lines.push(`- \`${s.reason.replace(/`/g, "'")}\``);
    if (report.skipped.length > SKIPPED_SHOWN)
      lines.push(t(lang, 'build.skipped-more', { count: report.skipped.length - SKIPPED_SHOWN }));
  }
  const c = report.chunks;
  lines.push(
    t(lang, 'build.passages', { total: count(c.total), embedded: count(c.embedded), removed: count(c.removed) }),
  );
  const notes = [
    report.modelNote === null ? null : wordModelNote(lang, report.modelNote),
    report.bridgeNote === null ? null : wordBridgeNote(lang, report.bridgeNote),
  ].filter((n) => n !== null);
  lines.push(
    notes.length === 0
      ? t(lang, 'build.model', { model: report.model })
      : t(lang, 'build.model-with-notes', { model: report.model, notes: notes.join('; ') }),
  );
  return lines.join('\n');
}
