import type { BuildReport } from '../index/build-report.js';
import type { SourceReport } from '../sources/source-report.js';
import { wordBridgeNote, wordFullReason, wordModelNote } from '../index/word-report.js';

/** The build report as a few readable lines (for the operator's terminal, in English). */
export function formatBuildReport(report: BuildReport): string {
  const a = report.articles;
  const fullReason = report.fullReason === null ? '' : wordFullReason('en', report.fullReason);
  const lines = [
    report.outcome === 'success'
      ? `Index built (${report.full ? `full: ${fullReason}` : 'incremental'}) → generation ${report.generationId ?? '-'}`
      : `Index build FAILED: ${report.error ?? 'unknown error'}`,
    `  model: ${report.model || '-'}${report.modelNote === null ? '' : ` (${wordModelNote('en', report.modelNote)})`}`,
    ...(report.bridgeNote === null ? [] : [`  embedding: ${wordBridgeNote('en', report.bridgeNote)}`]),
    `  articles: ${a.seen} seen, ${a.added} added, ${a.updated} updated, ${a.unchanged} unchanged, ${a.removed} removed, ${a.skipped} skipped`,
    `  passages: ${report.chunks.total} in the index, ${report.chunks.embedded} embedded, ${report.chunks.removed} removed`,
    `  time: ${(report.durationMs / 1000).toFixed(1)} s, ${report.passagesPerSec} passages/s embedding, reading ${(report.reading.durationMs / 1000).toFixed(1)} s (${report.reading.articlesPerSec} articles/s)`,
  ];
  for (const s of report.sources) lines.push(`  ${formatSource(s)}`);
  if (report.ignoredFiles > 0) lines.push(`  ignored: ${report.ignoredFiles} files of other types`);
  // A skip reason starts with its file (and record).
  for (const s of report.skipped.slice(0, 20)) lines.push(`  skipped ${s.reason}`);
  if (report.skipped.length > 20) lines.push(`  … and ${report.skipped.length - 20} more skipped`);
  return lines.join('\n');
}

function formatSource(s: SourceReport): string {
  const counts = `${s.articles} articles (${s.fetched} fetched, ${s.unchanged} unchanged, ${s.failed} failed)`;
  const newest = s.newestArticleDate === null ? '' : `, newest ${s.newestArticleDate}`;
  const error = s.lastError === null ? '' : ` — ${s.lastErrorCode ?? 'error'}: ${s.lastError}`;
  return `source ${s.id}: ${s.outcome}, ${counts}${newest}, ${(s.durationMs / 1000).toFixed(1)} s${error}`;
}
